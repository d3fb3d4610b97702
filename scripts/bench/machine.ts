// What the figures were measured on: the machine and the versions that matter.
import { readFileSync } from 'node:fs';
import { cpus, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

function version(pkg: string): string {
  const json = JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string };
  return json.version;
}

export function machineInfo() {
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${platform()} ${release()}`,
    node: process.version,
    transformers: version('@huggingface/transformers'),
    onnxruntimeWeb: version('onnxruntime-web'),
    onnxruntimeNode: version('onnxruntime-node'),
  };
}
