import { describe, expect, it } from 'vitest';
import { getTimeTool } from './get-time.ts';

const context = { signal: new AbortController().signal, modelId: 'test' };

interface TimeResult {
  iso: string;
  local: string;
  timeZone: string;
}

describe('get_time', () => {
  it('reports the ISO time, the time zone and a readable local time with the year', async () => {
    const date = new Date('2031-07-15T12:34:56.000Z');
    const output = await getTimeTool(() => date).run({}, context);
    const result = output.result as TimeResult;
    expect(result.iso).toBe('2031-07-15T12:34:56.000Z');
    expect(result.timeZone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(result.timeZone.length).toBeGreaterThan(0);
    expect(result.local).toContain('2031');
    expect(result.local).toContain('July');
    expect(result.local).toMatch(/\d{2}:\d{2}:\d{2}/);
  });

  it('shows the local time as text', async () => {
    const output = await getTimeTool(() => new Date('2031-07-15T12:34:56.000Z')).run({}, context);
    expect(output.display).toEqual({ kind: 'text', text: (output.result as TimeResult).local });
  });

  it('reads the clock each time it runs, not when it is made', async () => {
    let now = new Date('2030-01-10T10:00:00.000Z');
    const tool = getTimeTool(() => now);
    const first = (await tool.run({}, context)).result as TimeResult;
    now = new Date('2032-06-20T10:00:00.000Z');
    const second = (await tool.run({}, context)).result as TimeResult;
    expect(first.iso).toBe('2030-01-10T10:00:00.000Z');
    expect(second.iso).toBe('2032-06-20T10:00:00.000Z');
    expect(second.local).toContain('2032');
  });

  it('uses the real clock by default', async () => {
    const before = Date.now();
    const result = (await getTimeTool().run({}, context)).result as TimeResult;
    const time = Date.parse(result.iso);
    expect(time).toBeGreaterThanOrEqual(before);
    expect(time).toBeLessThanOrEqual(Date.now());
  });

  it('takes no arguments', () => {
    const tool = getTimeTool();
    expect(tool.name).toBe('get_time');
    expect(tool.parameters).toEqual({});
    expect(tool.risk).toBeUndefined();
  });
});
