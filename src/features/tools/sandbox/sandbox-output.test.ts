import { describe, expect, it } from 'vitest';
import { OUTPUT_LIMIT_ERROR, OutputCollector } from './sandbox-output.ts';
import { MAX_CHARS, MAX_LINES } from './sandbox-worker.ts';

describe('OutputCollector', () => {
  it('keeps console lines in order until the result', () => {
    const collector = new OutputCollector();
    expect(collector.take({ type: 'console', line: 'one' })).toBeUndefined();
    expect(collector.take({ type: 'console', line: 'two' })).toBeUndefined();
    expect(collector.take({ type: 'done', result: '42' })).toEqual({ ok: true, result: '42' });
    expect(collector.output).toEqual(['one', 'two']);
  });

  it('ends on a result without a value, and on an error', () => {
    expect(new OutputCollector().take({ type: 'done' })).toEqual({ ok: true, result: undefined });
    expect(new OutputCollector().take({ type: 'error', error: 'Error: boom' })).toEqual({
      ok: false,
      error: 'Error: boom',
    });
  });

  it("ends at the worker's own output limit", () => {
    expect(new OutputCollector().take({ type: 'limit' })).toEqual({ ok: false, error: OUTPUT_LIMIT_ERROR });
  });

  it('ends at the line limit even if the worker does not say so', () => {
    const collector = new OutputCollector();
    for (let i = 0; i < MAX_LINES; i++) expect(collector.take({ type: 'console', line: '' })).toBeUndefined();
    expect(collector.take({ type: 'console', line: 'one too many' })).toEqual({ ok: false, error: OUTPUT_LIMIT_ERROR });
    expect(collector.output).toHaveLength(MAX_LINES);
  });

  it('ends at the character limit even if the worker does not say so, keeping what fits', () => {
    const collector = new OutputCollector();
    expect(collector.take({ type: 'console', line: 'x'.repeat(MAX_CHARS - 10) })).toBeUndefined();
    expect(collector.take({ type: 'console', line: 'y'.repeat(1_000_000) })).toEqual({
      ok: false,
      error: OUTPUT_LIMIT_ERROR,
    });
    expect(collector.output.join('')).toHaveLength(MAX_CHARS);
    expect(collector.output[1]).toBe('y'.repeat(10));
  });

  it('cuts a long result or error to the character limit', () => {
    expect(new OutputCollector().take({ type: 'done', result: 'r'.repeat(MAX_CHARS * 2) })?.result).toHaveLength(
      MAX_CHARS,
    );
    expect(new OutputCollector().take({ type: 'error', error: 'e'.repeat(MAX_CHARS * 2) })?.error).toHaveLength(
      MAX_CHARS,
    );
  });

  it('ends the run on anything that is not a message of the sandbox', () => {
    const unexpected = { ok: false, error: 'The sandbox sent something unexpected.' };
    for (const message of [
      null,
      'text',
      42,
      {},
      { type: 'hello' },
      { type: 'console', line: 7 },
      { type: 'done', result: { not: 'text' } },
    ])
      expect(new OutputCollector().take(message)).toEqual(unexpected);
    expect(new OutputCollector().take({ type: 'error', error: 3 })).toEqual({ ok: false, error: 'Error' });
  });
});
