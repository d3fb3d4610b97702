// Turns a failed load into a message that says what happened and what to do. transformers.js's own
// errors are often internal (a missing tokenizer_config.json surfaces as "reading 'tokenizer_class'"),
// so after a failure we ask the endpoint directly — only then, so loading from the cache stays offline.

export async function explainLoadFailure(
  endpoint: string,
  modelId: string,
  revision: string,
  error: unknown,
): Promise<Error> {
  const detail = error instanceof Error ? error.message : String(error);
  const base = endpoint.replace(/\/+$/, '');
  let status: number | undefined;
  try {
    const response = await fetch(`${base}/${modelId}/resolve/${encodeURIComponent(revision)}/config.json`, {
      headers: { Range: 'bytes=0-0' },
      cache: 'no-store',
    });
    status = response.status;
    await response.body?.cancel();
  } catch {
    return new Error(
      `Could not download "${modelId}": ${base} cannot be reached. Check your connection and the Hub endpoint in Settings. (${detail})`,
    );
  }
  if (status === 401 || status === 403) {
    return new Error(
      `"${modelId}" is private or gated on ${base}: ForgeAI can only load public models. (HTTP ${status})`,
    );
  }
  if (status === 404) {
    return new Error(
      `Could not find "${modelId}" on ${base}. Check the id (owner/name) and the Hub endpoint in Settings.`,
    );
  }
  const architecture = /Unsupported model type:?\s*"?([\w.-]+)/i.exec(detail);
  if (architecture) {
    return new Error(
      `"${modelId}" uses an architecture (${architecture[1]}) this version of transformers.js cannot run. Pick a model listed for transformers.js on the Hub.`,
    );
  }
  if (/protobuf|failed to load model|invalid model|can't create a session/i.test(detail)) {
    return new Error(
      `The model file of "${modelId}" could not be read: it is damaged or not an ONNX model. Nothing was kept, so Load downloads it again. (${detail})`,
    );
  }
  if (/JSON|Unexpected token/.test(detail)) {
    return new Error(
      `A settings file of "${modelId}" is not valid JSON (a damaged download or a wrong file). Nothing was kept; press Load to try again. (${detail})`,
    );
  }
  if (/could not locate|404/i.test(detail)) {
    const file = /\/resolve\/[^/]+\/([^"\s]+)/.exec(detail)?.[1];
    return new Error(
      `"${modelId}" is missing ${file ?? 'a file transformers.js needs'} on ${base}. Pick another weight format under Weights, or a model made for transformers.js (e.g. from onnx-community); if the file should be there, press Load to try again. (${detail})`,
    );
  }
  return new Error(`Could not load "${modelId}": ${detail}`);
}
