import { describe, expect, it } from 'vitest';
import type { Dtype } from '../../shared/model-types.ts';
import { availableDtypes, DTYPE_SUFFIX, DTYPES, isDtype, pickDtype, type RepoFile } from './repo-files.ts';

const JSON_FILES: RepoFile[] = [
  { path: 'config.json', size: 100 },
  { path: 'generation_config.json', size: 10 },
  { path: 'tokenizer.json', size: 1000 },
  { path: 'tokenizer_config.json', size: 1 },
];
const JSON_BYTES = 1111;

describe('DTYPE_SUFFIX', () => {
  it('names files the way transformers.js does, one file name per dtype', () => {
    expect(DTYPE_SUFFIX).toEqual({
      fp32: '',
      fp16: '_fp16',
      q8: '_quantized',
      int8: '_int8',
      uint8: '_uint8',
      q4: '_q4',
      q4f16: '_q4f16',
    });
    expect(DTYPES).toHaveLength(7);
    expect(isDtype('q4f16')).toBe(true);
    expect(isDtype('auto')).toBe(false);
    expect(isDtype('toString')).toBe(false);
  });
});

describe('availableDtypes', () => {
  it('lists each dtype the repo has, with the ONNX file plus the JSON files every load reads', () => {
    const files = [
      ...JSON_FILES,
      { path: 'README.md', size: 5000 },
      { path: 'onnx/model.onnx', size: 600 },
      { path: 'onnx/model_quantized.onnx', size: 150 },
      { path: 'onnx/model_q4f16.onnx', size: 120 },
    ];
    expect(availableDtypes(files)).toEqual([
      { dtype: 'fp32', bytes: 600 + JSON_BYTES, files: ['onnx/model.onnx', ...JSON_FILES.map((f) => f.path)] },
      { dtype: 'q8', bytes: 150 + JSON_BYTES, files: ['onnx/model_quantized.onnx', ...JSON_FILES.map((f) => f.path)] },
      { dtype: 'q4f16', bytes: 120 + JSON_BYTES, files: ['onnx/model_q4f16.onnx', ...JSON_FILES.map((f) => f.path)] },
    ]);
  });

  it('adds the external-data files of a large model, in order, and only those of its own dtype', () => {
    const files = [
      { path: 'onnx/model_fp16.onnx_data_1', size: 2000 },
      { path: 'onnx/model_fp16.onnx', size: 1 },
      { path: 'onnx/model_fp16.onnx_data', size: 3000 },
      { path: 'onnx/model_fp16.onnx_data_10', size: 4 },
      { path: 'onnx/model_fp16.onnx_data_2', size: 5 },
      { path: 'onnx/model_fp16.onnx_data_x', size: 99999 },
      { path: 'onnx/model.onnx', size: 7 },
      { path: 'onnx/model.onnx_data', size: 8 },
    ];
    const [fp32, fp16] = availableDtypes(files);
    expect(fp16).toEqual({
      dtype: 'fp16',
      bytes: 1 + 3000 + 2000 + 5 + 4,
      files: [
        'onnx/model_fp16.onnx',
        'onnx/model_fp16.onnx_data',
        'onnx/model_fp16.onnx_data_1',
        'onnx/model_fp16.onnx_data_2',
        'onnx/model_fp16.onnx_data_10',
      ],
    });
    expect(fp32).toEqual({ dtype: 'fp32', bytes: 15, files: ['onnx/model.onnx', 'onnx/model.onnx_data'] });
  });

  it('leaves the total unknown when any counted file has no size, as on mirrors without blob sizes', () => {
    const files = [{ path: 'onnx/model_q4.onnx', size: 5 }, { path: 'tokenizer.json' }];
    expect(availableDtypes(files)).toEqual([
      { dtype: 'q4', bytes: undefined, files: ['onnx/model_q4.onnx', 'tokenizer.json'] },
    ]);
    expect(availableDtypes([{ path: 'onnx/model_q4.onnx' }])[0].bytes).toBeUndefined();
  });

  it('lists nothing for repos whose ONNX files transformers.js does not load as a chat model', () => {
    const files = [
      ...JSON_FILES,
      { path: 'onnx/decoder_model_merged.onnx', size: 1 },
      { path: 'onnx/decoder_model_merged_quantized.onnx', size: 1 },
      { path: 'onnx/embed_tokens_q4.onnx', size: 1 },
      { path: 'onnx/vision_encoder_fp16.onnx', size: 1 },
      { path: 'model.onnx', size: 1 },
      { path: 'onnx/model_q3.onnx', size: 1 },
    ];
    expect(availableDtypes(files)).toEqual([]);
    expect(availableDtypes([])).toEqual([]);
  });
});

describe('pickDtype', () => {
  const ALL: Dtype[] = [...DTYPES];

  it('prefers 4-bit weights with f16 activations on WebGPU with shader-f16', () => {
    expect(pickDtype('webgpu', true, ALL)).toBe('q4f16');
    expect(pickDtype('webgpu', true, ['fp32', 'fp16', 'q8'])).toBe('fp16');
    expect(pickDtype('webgpu', true, ['q8', 'fp32', 'q4'])).toBe('q4');
    expect(pickDtype('webgpu', true, ['q8', 'fp32'])).toBe('fp32');
    expect(pickDtype('webgpu', true, ['q8', 'int8'])).toBe('q8');
  });

  it('never picks an f16 format on WebGPU without shader-f16 when another one exists', () => {
    expect(pickDtype('webgpu', false, ALL)).toBe('q4');
    expect(pickDtype('webgpu', false, ['q4f16', 'fp16', 'fp32', 'q8'])).toBe('fp32');
    expect(pickDtype('webgpu', false, ['q4f16', 'fp16', 'q8'])).toBe('q8');
  });

  it('prefers 8-bit weights on WASM', () => {
    expect(pickDtype('wasm', false, ALL)).toBe('q8');
    expect(pickDtype('wasm', true, ['int8', 'uint8', 'fp32'])).toBe('int8');
    expect(pickDtype('wasm', false, ['uint8', 'q4', 'fp32'])).toBe('uint8');
    expect(pickDtype('wasm', false, ['q4f16', 'q4', 'fp32'])).toBe('q4');
    expect(pickDtype('wasm', false, ['fp16', 'fp32'])).toBe('fp32');
  });

  it('takes the first preference when the endpoint cannot list files', () => {
    expect(pickDtype('webgpu', true, undefined)).toBe('q4f16');
    expect(pickDtype('webgpu', false, undefined)).toBe('q4');
    expect(pickDtype('wasm', true, undefined)).toBe('q8');
  });

  it('falls back to what the repo has when it has none of the preferences', () => {
    expect(pickDtype('wasm', false, ['q4f16', 'fp16'])).toBe('q4f16');
    expect(pickDtype('webgpu', false, ['fp16'])).toBe('fp16');
    expect(pickDtype('wasm', false, [])).toBe('q8');
  });
});
