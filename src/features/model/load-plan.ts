// Before a download starts: which files it will fetch, how big they are, whether they are already
// cached, and whether they fit in the browser's storage — so a download that cannot finish never starts.
import type { Dtype, LoadRequest } from '../../shared/model-types.ts';
import type { DeviceChoice } from '../../workers/device-choice.ts';
import type { AppDB } from '../../db/app-db.ts';
import { getCachedModel, modelKey } from '../../db/cached-models.ts';
import { formatBytes } from './download-progress.ts';
import { repoFiles } from './hub-api.ts';
import { isBundled } from './presets.ts';
import { availableDtypes, type DtypeInfo } from './repo-files.ts';
import { fitsInStorage, readStorage } from './storage.ts';

export interface LoadPlan {
  request: LoadRequest;
  choice: DeviceChoice;
  /** Bytes to download: 0 when cached, undefined when the endpoint does not say. */
  downloadBytes: number | undefined;
  dtypes: DtypeInfo[] | undefined;
}

export async function planLoad(
  db: AppDB,
  request: LoadRequest,
  chooseDevice: (request: LoadRequest) => Promise<DeviceChoice>,
): Promise<LoadPlan> {
  const key = modelKey(request.endpoint, request.modelId, request.revision ?? 'main');
  const cached = await getCachedModel(db, key);
  // A folder's model is all in the cache already: its dtypes are what the folder had.
  const hasApi = request.source !== 'local' && !isBundled(request.modelId);
  const files = hasApi ? await repoFiles(request.endpoint, request.modelId) : undefined;
  const dtypes = files
    ? availableDtypes(files)
    : request.source === 'local'
      ? cached?.dtypes.map((dtype) => ({ dtype, bytes: 0, files: [] }))
      : undefined;
  if (dtypes && dtypes.length === 0) {
    throw new Error(
      `"${request.modelId}" has no files transformers.js can load as a chat model (onnx/model*.onnx). Pick a model made for transformers.js, e.g. from onnx-community.`,
    );
  }
  const withDtypes: LoadRequest = { ...request, availableDtypes: dtypes?.map((d) => d.dtype) };
  const choice = await chooseDevice(withDtypes);
  const isCached = cached?.complete === true && cached.dtypes.includes(choice.dtype);
  const downloadBytes = isCached ? 0 : sizeOf(dtypes, choice.dtype);
  if (downloadBytes) {
    const storage = await readStorage();
    if (!fitsInStorage(storage, downloadBytes)) {
      const free = Math.max(0, storage.quota - storage.usage);
      throw new Error(
        `Not enough storage for "${request.modelId}": it needs ${formatBytes(downloadBytes)} and the browser allows ${formatBytes(free)} more for this site. Delete models you no longer use (Downloaded models), free disk space, or pick a smaller model or weight format.`,
      );
    }
  }
  return { request: withDtypes, choice, downloadBytes, dtypes };
}

function sizeOf(dtypes: DtypeInfo[] | undefined, dtype: Dtype): number | undefined {
  return dtypes?.find((d) => d.dtype === dtype)?.bytes;
}
