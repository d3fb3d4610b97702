// Which device and weight format to load with: the user's choice where given, else the best the
// browser and the repo allow (see pickDtype for the order).
import { pickDtype } from '../features/model/repo-files.ts';
import type { Device, Dtype, LoadRequest } from '../shared/model-types.ts';
import { webGpuSupport } from './onnx-setup.ts';

export interface DeviceChoice {
  device: Device;
  dtype: Dtype;
  reason: string;
}

export async function chooseDevice(request: LoadRequest): Promise<DeviceChoice> {
  if (request.fallbackFrom) return wasmFallback(request, request.fallbackFrom);
  const gpu = await webGpuSupport();
  let device: Device;
  let reason: string;
  if (request.device === 'wasm') {
    device = 'wasm';
    reason = 'WASM chosen in settings';
  } else if (gpu.adapter) {
    device = 'webgpu';
    reason = gpu.shaderF16 ? 'WebGPU adapter with shader-f16' : 'WebGPU adapter found (no shader-f16)';
  } else {
    device = 'wasm';
    reason =
      request.device === 'webgpu'
        ? 'WebGPU asked for, but this browser has no adapter: using WASM'
        : 'no WebGPU adapter in this browser: using WASM';
  }
  return { device, reason, dtype: request.dtype ?? pickDtype(device, gpu.shaderF16, request.availableDtypes) };
}

/** The same request on WASM, after WebGPU failed. A dtype the user chose is kept. */
export function wasmFallback(request: LoadRequest, why: string): DeviceChoice {
  return {
    device: 'wasm',
    reason: `${why}: switched to WASM`,
    dtype: request.dtype ?? pickDtype('wasm', false, request.availableDtypes),
  };
}
