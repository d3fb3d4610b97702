// Which weight formats (dtypes) a Hub repo offers, how big each download is, and which one to load
// when the user leaves the choice on "Automatic". Pure: the file list comes from hub-api.ts.
import type { Device, Dtype } from '../../shared/model-types.ts';

/** transformers.js's file naming: dtype `d` loads `onnx/model{DTYPE_SUFFIX[d]}.onnx`. */
export const DTYPE_SUFFIX: Record<Dtype, string> = {
  fp32: '',
  fp16: '_fp16',
  q8: '_quantized',
  int8: '_int8',
  uint8: '_uint8',
  q4: '_q4',
  q4f16: '_q4f16',
};

/** Every dtype, in the order the picker lists them: full precision first, smallest last. */
export const DTYPES = Object.keys(DTYPE_SUFFIX) as Dtype[];

export function isDtype(value: string): value is Dtype {
  return Object.hasOwn(DTYPE_SUFFIX, value);
}

export interface RepoFile {
  path: string;
  /** Bytes; some mirrors' APIs leave it out. */
  size?: number;
}

export interface DtypeInfo {
  dtype: Dtype;
  /** Everything a load of this dtype downloads; undefined when any of those sizes is unknown. */
  bytes: number | undefined;
  /** The files counted in `bytes`: the ONNX file, its external-data files, then the JSON files. */
  files: string[];
}

/** Small files every load reads, whichever dtype: counted in each dtype's total when the repo has them. */
const LOAD_JSON_FILES = ['config.json', 'generation_config.json', 'tokenizer.json', 'tokenizer_config.json'];

/** `onnx/model.onnx_data`, `onnx/model.onnx_data_1`, …: weights stored beside a large graph. */
function externalDataIndex(path: string, onnxPath: string): number | undefined {
  if (path === `${onnxPath}_data`) return 0;
  const match = path.startsWith(`${onnxPath}_data_`) ? /^\d+$/.exec(path.slice(onnxPath.length + 6)) : null;
  return match ? Number(match[0]) : undefined;
}

/**
 * The dtypes a decoder-only chat model repo can be loaded with, in DTYPES order. Only single-graph
 * `onnx/model{suffix}.onnx` files count, because that is what transformers.js loads for a causal LM;
 * other ONNX files (split `decoder_model_merged*.onnx`, `embed_tokens*.onnx`, vision or audio encoders)
 * are ignored, so such repos list no dtypes and the UI says they cannot be loaded as a chat model.
 */
export function availableDtypes(files: RepoFile[]): DtypeInfo[] {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const json = LOAD_JSON_FILES.flatMap((path) => byPath.get(path) ?? []);
  const result: DtypeInfo[] = [];
  for (const dtype of DTYPES) {
    const onnxPath = `onnx/model${DTYPE_SUFFIX[dtype]}.onnx`;
    const onnx = byPath.get(onnxPath);
    if (!onnx) continue;
    const data = files
      .map((file) => ({ file, index: externalDataIndex(file.path, onnxPath) }))
      .filter((d): d is { file: RepoFile; index: number } => d.index !== undefined)
      .sort((a, b) => a.index - b.index)
      .map((d) => d.file);
    const counted = [onnx, ...data, ...json];
    const sizes = counted.map((f) => f.size);
    const known = sizes.every((s): s is number => typeof s === 'number' && Number.isFinite(s) && s >= 0);
    result.push({
      dtype,
      bytes: known ? sizes.reduce((sum, s) => sum + s, 0) : undefined,
      files: counted.map((f) => f.path),
    });
  }
  return result;
}

/**
 * The automatic choice, best first. f16 formats need WebGPU's shader-f16 feature; WASM runs 8-bit
 * weights fastest. q8 comes last on WebGPU: its integer MatMul ops fall back to the CPU there.
 */
export function dtypePreference(device: Device, shaderF16: boolean): readonly Dtype[] {
  if (device === 'wasm') return ['q8', 'int8', 'uint8', 'q4', 'fp32'];
  return shaderF16 ? ['q4f16', 'fp16', 'q4', 'fp32', 'q8'] : ['q4', 'fp32', 'q8'];
}

/**
 * The dtype to load: the first preference the repo has. `available` undefined means the endpoint has
 * no API to ask, so we go with the first preference and let the load say if it is missing.
 */
export function pickDtype(device: Device, shaderF16: boolean, available: Dtype[] | undefined): Dtype {
  const preference = dtypePreference(device, shaderF16);
  if (!available) return preference[0];
  // A repo with none of the preferred formats (e.g. only fp16 on WASM) is still worth trying.
  return preference.find((d) => available.includes(d)) ?? available[0] ?? preference[0];
}
