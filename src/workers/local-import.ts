// Loading a model from a folder on disk: its files go into the model cache under a pseudo endpoint
// that is never fetched, so the model loads exactly like a downloaded one, with no network at all.
import { availableDtypes } from '../features/model/repo-files.ts';
import type { Dtype } from '../shared/model-types.ts';
import { LOCAL_ENDPOINT } from './downloads.ts';
import type { ModelCache } from './model-cache.ts';

export interface LocalFile {
  /** Path inside the model folder, e.g. `onnx/model_quantized.onnx`. */
  path: string;
  file: Blob;
}

export interface ImportedModel {
  modelId: string;
  endpoint: string;
  dtypes: Dtype[];
}

/** `local/<folder>`, shaped like a Hub id so transformers.js accepts it. */
export function localModelId(folderName: string): string {
  const name = folderName.replace(/[^\w.-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '') || 'model';
  return `local/${name.slice(0, 96)}`;
}

export async function importLocalModel(
  cache: ModelCache,
  folderName: string,
  files: LocalFile[],
  signal?: AbortSignal,
): Promise<ImportedModel> {
  const paths = new Set(files.map((f) => f.path));
  const dtypes = availableDtypes(files.map((f) => ({ path: f.path, size: f.file.size }))).map((d) => d.dtype);
  const missing = ['config.json', 'tokenizer.json', 'tokenizer_config.json'].filter((p) => !paths.has(p));
  if (missing.length > 0 || dtypes.length === 0) {
    const needs = [...missing, ...(dtypes.length === 0 ? ['onnx/model*.onnx'] : [])].join(', ');
    throw new Error(
      `"${folderName}" is not a transformers.js model folder: it lacks ${needs}. Choose the folder that holds config.json and the onnx/ folder.`,
    );
  }
  const modelId = localModelId(folderName);
  const target = { endpoint: LOCAL_ENDPOINT, modelId, revision: 'main', source: 'local' as const };
  const prefix = `${LOCAL_ENDPOINT}/${modelId}/resolve/main/`;
  await cache.forget(target);
  await cache.beginLoad(target);
  try {
    for (const { path, file } of files) {
      if (signal?.aborted) throw new Error('Import cancelled. Nothing was kept.');
      await cache.put(`${prefix}${path}`, new Response(file, { headers: { 'content-length': String(file.size) } }));
      if (cache.quotaError)
        throw new Error(
          'There is not enough storage space to import this model. Free disk space or delete models in the library.',
        );
    }
    // Every dtype the folder has is complete: nothing else will ever be fetched for it.
    for (const dtype of dtypes) await cache.markComplete(target, dtype);
  } catch (error) {
    await cache.abandonLoad();
    throw error;
  }
  return { modelId, endpoint: LOCAL_ENDPOINT, dtypes };
}
