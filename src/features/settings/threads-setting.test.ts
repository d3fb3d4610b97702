import { afterEach, describe, expect, it, vi } from 'vitest';
import { processorCores, threadsFor } from './threads-setting.svelte.ts';

afterEach(() => vi.unstubAllGlobals());

describe('threadsFor', () => {
  it('uses one thread when the page is not cross-origin isolated', () => {
    expect(threadsFor(0, false, 8)).toBe(1);
    expect(threadsFor(4, false, 8)).toBe(1);
    expect(threadsFor(16, false, 16)).toBe(1);
  });

  it('uses one thread per core when set to automatic', () => {
    expect(threadsFor(0, true, 8)).toBe(8);
    expect(threadsFor(0, true, 1)).toBe(1);
  });

  it('uses the chosen count', () => {
    expect(threadsFor(3, true, 8)).toBe(3);
  });

  it('never uses more threads than cores', () => {
    expect(threadsFor(12, true, 8)).toBe(8);
  });

  it('rounds a fractional choice', () => {
    expect(threadsFor(2.6, true, 8)).toBe(3);
    expect(threadsFor(2.4, true, 8)).toBe(2);
  });

  it('never uses fewer than one thread', () => {
    expect(threadsFor(-5, true, 8)).toBe(1);
    expect(threadsFor(0.2, true, 8)).toBe(1);
  });
});

describe('processorCores', () => {
  it('reports the browser core count', () => {
    vi.stubGlobal('navigator', { hardwareConcurrency: 6 });
    expect(processorCores()).toBe(6);
  });

  it('reports at least one core when the browser reports none', () => {
    vi.stubGlobal('navigator', { hardwareConcurrency: 0 });
    expect(processorCores()).toBe(1);
    vi.stubGlobal('navigator', {});
    expect(processorCores()).toBe(1);
  });
});
