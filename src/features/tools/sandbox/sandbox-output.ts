// The app's side of run_code's output: it trusts nothing the worker sends. It counts every message,
// and the run ends at the first thing that is not a well-formed line, or at the output limit.
import { MAX_CHARS, MAX_LINES } from './sandbox-worker.ts';

export interface RunEnd {
  ok: boolean;
  result?: string;
  error?: string;
}

export const OUTPUT_LIMIT_ERROR = `Stopped: the output passed its limit (${MAX_LINES} lines or ${MAX_CHARS} characters).`;
const UNEXPECTED: RunEnd = { ok: false, error: 'The sandbox sent something unexpected.' };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

export class OutputCollector {
  readonly output: string[] = [];
  private chars = 0;

  /** Takes one message; returns how the run ends, or undefined while it goes on. */
  take(message: unknown): RunEnd | undefined {
    if (!isRecord(message)) return UNEXPECTED;
    switch (message.type) {
      case 'console': {
        if (typeof message.line !== 'string') return UNEXPECTED;
        const room = MAX_CHARS - this.chars;
        if (this.output.length >= MAX_LINES || message.line.length > room) {
          if (this.output.length < MAX_LINES && room > 0) this.output.push(message.line.slice(0, room));
          return { ok: false, error: OUTPUT_LIMIT_ERROR };
        }
        this.output.push(message.line);
        this.chars += message.line.length;
        return undefined;
      }
      case 'limit':
        return { ok: false, error: OUTPUT_LIMIT_ERROR };
      case 'done':
        if (message.result !== undefined && typeof message.result !== 'string') return UNEXPECTED;
        return { ok: true, result: message.result?.slice(0, MAX_CHARS) };
      case 'error':
        return { ok: false, error: typeof message.error === 'string' ? message.error.slice(0, MAX_CHARS) : 'Error' };
      default:
        return UNEXPECTED;
    }
  }
}
