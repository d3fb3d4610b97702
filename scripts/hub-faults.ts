// Test controls for the local Hub: make one file missing, corrupt, failing, slow or cut off, then fix it again.
//   POST /__faults?model=owner/name&file=onnx/model_quantized.onnx&fault=corrupt   (missing|corrupt|error|slow|cut)
//   POST /__faults?clear=1
import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Transform } from 'node:stream';

export type Fault = 'missing' | 'corrupt' | 'error' | 'slow' | 'cut';
const FAULTS: Fault[] = ['missing', 'corrupt', 'error', 'slow', 'cut'];

/** How fast a 'slow' file is sent: slow enough that a test can cancel mid-way. */
const SLOW_BYTES_PER_TICK = 16 * 1024;
const SLOW_TICK_MS = 100;

export class HubFaults {
  private faults = new Map<string, Fault>();

  get(modelId: string, file: string): Fault | undefined {
    return this.faults.get(`${modelId}/${file}`);
  }

  /** Handles a control request; returns false when the URL is not one. */
  control(url: URL, req: IncomingMessage, res: ServerResponse): boolean {
    if (url.pathname !== '/__faults') return false;
    const fault = url.searchParams.get('fault') as Fault | null;
    const model = url.searchParams.get('model');
    const file = url.searchParams.get('file');
    if (req.method !== 'POST') res.writeHead(405).end();
    else if (url.searchParams.has('clear')) {
      this.faults.clear();
      res.writeHead(204).end();
    } else if (model && file && fault && FAULTS.includes(fault)) {
      this.faults.set(`${model}/${file}`, fault);
      res.writeHead(204).end();
    } else res.writeHead(400).end('need model, file and fault (missing|corrupt|error|slow|cut), or clear=1');
    return true;
  }
}

/** The file's length in bytes that are not a valid ONNX model, as a broken upload would be. */
export function sendCorrupt(res: ServerResponse, size: number, headers: Record<string, string>): void {
  const body = Buffer.alloc(size, 0xff);
  body.write('this is not an ONNX file');
  res.writeHead(200, { ...headers, 'Content-Length': size });
  res.end(body);
}

/** Announces the whole file, sends half of it, then drops the connection: a download cut off mid-way. */
export function sendCut(res: ServerResponse, path: string, size: number, headers: Record<string, string>): void {
  res.writeHead(200, { ...headers, 'Content-Length': size });
  const stream = createReadStream(path, { end: Math.max(0, Math.floor(size / 2) - 1) });
  stream.on('data', (chunk) => res.write(chunk));
  stream.on('end', () => res.socket?.destroy());
}

export function sendSlowly(res: ServerResponse, path: string, size: number, headers: Record<string, string>): void {
  res.writeHead(200, { ...headers, 'Content-Length': size });
  const throttle = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const pieces: Buffer[] = [];
      for (let i = 0; i < chunk.length; i += SLOW_BYTES_PER_TICK)
        pieces.push(chunk.subarray(i, i + SLOW_BYTES_PER_TICK));
      const next = () => {
        const piece = pieces.shift();
        if (!piece) return done();
        this.push(piece);
        setTimeout(next, SLOW_TICK_MS);
      };
      next();
    },
  });
  const stream = createReadStream(path, { highWaterMark: SLOW_BYTES_PER_TICK });
  res.on('close', () => stream.destroy());
  stream.pipe(throttle).pipe(res);
}
