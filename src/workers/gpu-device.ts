// Watching the WebGPU device onnxruntime uses: a lost device (driver reset, GPU crash, tab in the
// background too long on some systems) must lead to a WASM fallback, not a dead chat.
import { env } from '@huggingface/transformers';

interface GpuDeviceLike {
  lost: Promise<{ message: string }>;
  destroy(): void;
}

async function currentDevice(): Promise<GpuDeviceLike | undefined> {
  const webgpu = env.backends.onnx.webgpu as { device?: Promise<GpuDeviceLike> } | undefined;
  try {
    return await webgpu?.device;
  } catch {
    return undefined;
  }
}

/** Calls `onLost` once if the device onnxruntime created for WebGPU sessions is lost. */
export async function watchDeviceLoss(onLost: (message: string) => void): Promise<void> {
  const device = await currentDevice();
  void device?.lost.then((info) => onLost(info.message || 'the GPU device was lost'));
}

/** For testing the fallback: destroys the device, as a GPU crash would. */
export async function destroyGpuDevice(): Promise<boolean> {
  const device = await currentDevice();
  device?.destroy();
  return device !== undefined;
}
