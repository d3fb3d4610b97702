import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Dtype, LoadRequest } from '../../shared/model-types.ts';
import type { DeviceChoice } from '../../workers/device-choice.ts';
import { LOCAL_ENDPOINT } from '../../workers/downloads.ts';
import { AppDB } from '../../db/app-db.ts';
import { modelKey, type CachedModel } from '../../db/cached-models.ts';
import { planLoad } from './load-plan.ts';

const ENDPOINT = 'http://hub.test';
const MODEL = 'owner/name';
const REQUEST: LoadRequest = { modelId: MODEL, endpoint: ENDPOINT };
const MB = 1024 * 1024;
const GB = 1024 * MB;

const SIBLINGS = [
  { rfilename: 'config.json', size: 700 },
  { rfilename: 'generation_config.json', size: 100 },
  { rfilename: 'tokenizer.json', size: 2_000 },
  { rfilename: 'tokenizer_config.json', size: 200 },
  { rfilename: 'README.md', size: 5_000 },
  { rfilename: 'onnx/model.onnx', size: 6 * GB },
  { rfilename: 'onnx/model_quantized.onnx', size: 1.5 * GB },
  { rfilename: 'onnx/model_q4.onnx', size: GB },
];
const Q8_BYTES = 1.5 * GB + 700 + 100 + 2_000 + 200;

type FetchStub = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
type ChooseDevice = (request: LoadRequest) => Promise<DeviceChoice>;

let db: AppDB;
let fetchStub: ReturnType<typeof vi.fn<FetchStub>>;
let estimate: ReturnType<typeof vi.fn<() => Promise<{ usage: number; quota: number }>>>;
let chooseDevice: ReturnType<typeof vi.fn<ChooseDevice>>;

function hubAnswers(body: unknown, status = 200): void {
  fetchStub.mockImplementation(async () => Response.json(body, { status }));
}

function storage(usage: number, quota: number): void {
  estimate.mockImplementation(async () => ({ usage, quota }));
}

function cachedRow(fields: Partial<CachedModel> = {}): CachedModel {
  const endpoint = fields.endpoint ?? ENDPOINT;
  const modelId = fields.modelId ?? MODEL;
  return {
    key: modelKey(endpoint, modelId, 'main'),
    modelId,
    revision: 'main',
    endpoint,
    source: 'hub',
    dtypes: ['q8'],
    bytes: Q8_BYTES,
    complete: true,
    absentFiles: [],
    createdAt: 1,
    lastUsedAt: 1,
    ...fields,
  };
}

beforeEach(() => {
  db = new AppDB(`test-${crypto.randomUUID()}`);
  fetchStub = vi.fn<FetchStub>();
  hubAnswers({ id: MODEL, siblings: SIBLINGS });
  vi.stubGlobal('fetch', fetchStub);
  estimate = vi.fn<() => Promise<{ usage: number; quota: number }>>();
  storage(0, 100 * GB);
  vi.stubGlobal('navigator', { storage: { estimate, persisted: async () => false } });
  chooseDevice = vi.fn<ChooseDevice>(async () => ({ device: 'wasm', dtype: 'q8', reason: 'test' }));
});

afterEach(async () => {
  vi.unstubAllGlobals();
  await db.delete();
});

describe('planLoad', () => {
  it('sizes the download as the chosen dtype’s ONNX file plus the JSON files, and checks it fits', async () => {
    const plan = await planLoad(db, REQUEST, chooseDevice);

    expect(fetchStub).toHaveBeenCalledTimes(1);
    expect(String(fetchStub.mock.calls[0][0])).toBe(`${ENDPOINT}/api/models/${MODEL}?blobs=true`);
    expect(plan.downloadBytes).toBe(Q8_BYTES);
    expect(plan.choice).toEqual({ device: 'wasm', dtype: 'q8', reason: 'test' });
    expect(plan.dtypes?.map((d) => d.dtype)).toEqual(['fp32', 'q8', 'q4']);
    expect(plan.request).toEqual({ ...REQUEST, availableDtypes: ['fp32', 'q8', 'q4'] });
    expect(chooseDevice).toHaveBeenCalledWith({ ...REQUEST, availableDtypes: ['fp32', 'q8', 'q4'] });
    expect(estimate).toHaveBeenCalledTimes(1);
  });

  it('sizes whichever dtype the device choice picked', async () => {
    chooseDevice.mockResolvedValueOnce({ device: 'webgpu', dtype: 'q4', reason: 'test' });
    const plan = await planLoad(db, REQUEST, chooseDevice);
    expect(plan.downloadBytes).toBe(GB + 3_000);
  });

  it('downloads nothing and checks no storage for a model already complete in that dtype', async () => {
    await db.cachedModels.put(cachedRow());
    storage(0, 1);
    const plan = await planLoad(db, REQUEST, chooseDevice);
    expect(plan.downloadBytes).toBe(0);
    expect(estimate).not.toHaveBeenCalled();
  });

  it.each([
    ['in another dtype only', { dtypes: ['fp32'] as Dtype[] }],
    ['interrupted mid-download', { complete: false }],
  ])('still sizes the download of a model cached %s', async (_name, fields) => {
    await db.cachedModels.put(cachedRow(fields));
    const plan = await planLoad(db, REQUEST, chooseDevice);
    expect(plan.downloadBytes).toBe(Q8_BYTES);
    expect(estimate).toHaveBeenCalledTimes(1);
  });

  it('refuses a download the browser’s storage cannot hold, saying how much is needed and free', async () => {
    storage(10 * GB, 10 * GB + 200 * MB);
    await expect(planLoad(db, REQUEST, chooseDevice)).rejects.toThrow(
      /^Not enough storage for "owner\/name": it needs 1\.5 GB and the browser allows 200 MB more for this site\./,
    );
  });

  it('says 0 B free when usage is already over the quota', async () => {
    storage(2 * GB, GB);
    await expect(planLoad(db, REQUEST, chooseDevice)).rejects.toThrow(/needs 1\.5 GB .* allows 0 B more/);
  });

  it('accepts a download that fits with room to spare', async () => {
    storage(GB, 3 * GB);
    await expect(planLoad(db, REQUEST, chooseDevice)).resolves.toMatchObject({ downloadBytes: Q8_BYTES });
  });

  it('rejects a repo with no onnx/model*.onnx before choosing a device', async () => {
    hubAnswers({
      id: MODEL,
      siblings: [
        { rfilename: 'config.json', size: 700 },
        { rfilename: 'tokenizer.json', size: 2_000 },
        { rfilename: 'onnx/decoder_model_merged.onnx', size: GB },
        { rfilename: 'onnx/vision_encoder.onnx', size: GB },
      ],
    });
    await expect(planLoad(db, REQUEST, chooseDevice)).rejects.toThrow(
      '"owner/name" has no files transformers.js can load as a chat model (onnx/model*.onnx).',
    );
    expect(chooseDevice).not.toHaveBeenCalled();
  });

  it('goes on without sizes when the endpoint has no API', async () => {
    fetchStub.mockImplementation(async () => new Response('Not found', { status: 404 }));
    const plan = await planLoad(db, REQUEST, chooseDevice);
    expect(plan.downloadBytes).toBeUndefined();
    expect(plan.dtypes).toBeUndefined();
    expect(chooseDevice).toHaveBeenCalledWith({ ...REQUEST, availableDtypes: undefined });
    expect(estimate).not.toHaveBeenCalled();
  });

  it('goes on without sizes when the API leaves them out', async () => {
    hubAnswers({ id: MODEL, siblings: SIBLINGS.map(({ rfilename }) => ({ rfilename })) });
    const plan = await planLoad(db, REQUEST, chooseDevice);
    expect(plan.downloadBytes).toBeUndefined();
    expect(plan.request.availableDtypes).toEqual(['fp32', 'q8', 'q4']);
    expect(estimate).not.toHaveBeenCalled();
  });

  it('offers a local folder’s model the dtypes the folder had, without asking any endpoint', async () => {
    const local: LoadRequest = { modelId: 'local/tiny', endpoint: LOCAL_ENDPOINT, source: 'local' };
    await db.cachedModels.put(
      cachedRow({ endpoint: LOCAL_ENDPOINT, modelId: 'local/tiny', source: 'local', dtypes: ['fp32', 'q8'] }),
    );
    const plan = await planLoad(db, local, chooseDevice);

    expect(chooseDevice).toHaveBeenCalledTimes(1);
    expect(chooseDevice.mock.calls[0][0].availableDtypes).toEqual(['fp32', 'q8']);
    expect(fetchStub).not.toHaveBeenCalled();
    expect(plan.downloadBytes).toBe(0);
    expect(estimate).not.toHaveBeenCalled();
  });
});
