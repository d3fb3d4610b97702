// Turns a failed load into a message that says what happened and what to do. transformers.js's own
// errors are often internal (a missing tokenizer_config.json surfaces as "reading 'tokenizer_class'")
// or clumsy ("Internal server error error occurred while trying to load file"), so after a failure we
// ask the endpoint directly — only then, so loading from the cache stays offline.

/** The files a load reads as JSON, smallest first (tokenizer.json can be megabytes). */
const JSON_FILES = ['config.json', 'generation_config.json', 'tokenizer_config.json', 'tokenizer.json'];
const TOKENIZER_FILES = new Set(['tokenizer.json', 'tokenizer_config.json']);

/** How transformers.js words an HTTP failure other than 404: `<phrase> occurred while trying to load file: "<url>".` */
const HTTP_FAILURE = /(\w[\w ()]*?) occurred while trying to load file/;
/** A download cut off mid-way: Chromium says "network error", Firefox "NetworkError", Node "terminated". */
const CUT_DOWNLOAD = /network ?error|terminated|ERR_(?:CONTENT_LENGTH_MISMATCH|CONNECTION|INCOMPLETE)|body stream/i;

export async function explainLoadFailure(
  endpoint: string,
  modelId: string,
  revision: string,
  error: unknown,
): Promise<Error> {
  const detail = error instanceof Error ? error.message : String(error);
  const base = endpoint.replace(/\/+$/, '');
  const fileUrl = (file: string) => `${base}/${modelId}/resolve/${encodeURIComponent(revision)}/${file}`;
  const status = await probe(fileUrl('config.json'));
  if (status === 'unreachable') {
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
  const file = /\/resolve\/[^/]+\/([^"\s]+)/.exec(detail)?.[1];
  const httpFailure = HTTP_FAILURE.exec(detail);
  if (httpFailure || status >= 500) {
    const what = httpFailure ? serverTrouble(httpFailure[1]) : `HTTP ${status}`;
    return new Error(
      `${base} could not send ${httpFailure ? (file ?? 'a file') : 'config.json'} of "${modelId}" (${what}). The trouble is on the server's side and often passes: press Load to try again.`,
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
  if (CUT_DOWNLOAD.test(detail)) {
    return new Error(
      `The download of "${modelId}" was interrupted before it finished (${detail}). Nothing half-downloaded was kept: press Load to download it again.`,
    );
  }
  if (/JSON|Unexpected token/.test(detail)) {
    const damaged = await firstInvalidJson(fileUrl);
    const what = damaged ? `${damaged} of "${modelId}"` : `A settings file of "${modelId}" (${JSON_FILES.join(', ')})`;
    return new Error(
      `${what} is not valid JSON (a damaged download or a wrong file). Nothing was kept; press Load to try again. (${detail})`,
    );
  }
  const missing = /could not locate|404/i.test(detail);
  if ((missing && file && TOKENIZER_FILES.has(file)) || /tokenizer_class/.test(detail)) {
    return new Error(
      `"${modelId}" on ${base} has no ${missing && file ? file : 'tokenizer_config.json'}: the repo lacks the tokenizer file, so transformers.js cannot use this model as it is. Pick a model made for transformers.js (e.g. from onnx-community).`,
    );
  }
  if (missing) {
    return new Error(
      `"${modelId}" is missing ${file ?? 'a file transformers.js needs'} on ${base}. Pick another weight format under Weights, or a model made for transformers.js (e.g. from onnx-community); if the file should be there, press Load to try again. (${detail})`,
    );
  }
  return new Error(`Could not load "${modelId}": ${detail}`);
}

/** The endpoint's answer for one byte of `url`, or 'unreachable'. */
async function probe(url: string): Promise<number | 'unreachable'> {
  try {
    const response = await fetch(url, { headers: { Range: 'bytes=0-0' }, cache: 'no-store' });
    await response.body?.cancel();
    return response.status;
  } catch {
    return 'unreachable';
  }
}

/** transformers.js's phrase for an HTTP status, without the "error error" of its 500 wording. */
function serverTrouble(phrase: string): string {
  const words = phrase.replace(/(?: error)+$/i, '').trim();
  return /error/i.test(words) ? words : `${words} error`;
}

/** Which of the model's JSON files the endpoint serves damaged, if any; undefined when none or unknown. */
async function firstInvalidJson(fileUrl: (file: string) => string): Promise<string | undefined> {
  for (const file of JSON_FILES) {
    try {
      const response = await fetch(fileUrl(file), { cache: 'no-store' });
      if (!response.ok) continue; // absent (generation_config.json is optional) or failing: not this one
      JSON.parse(await response.text());
    } catch (error) {
      if (error instanceof SyntaxError) return file;
    }
  }
  return undefined;
}
