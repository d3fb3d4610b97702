import { describe, expect, it } from 'vitest';
import { DownloadProgress, formatBytes, formatDuration } from './download-progress.ts';

describe('DownloadProgress', () => {
  it('sums per-file progress events', () => {
    const progress = new DownloadProgress();
    progress.update({ status: 'progress', file: 'config.json', loaded: 100, total: 100 });
    progress.update({ status: 'progress', file: 'onnx/model.onnx', loaded: 400, total: 1900 });
    expect(progress).toMatchObject({ loaded: 500, total: 2000, currentFile: 'onnx/model.onnx' });
    expect(progress.fraction).toBe(0.25);

    progress.update({ status: 'progress', file: 'onnx/model.onnx', loaded: 1900, total: 1900 });
    expect(progress).toMatchObject({ loaded: 2000, total: 2000 });
    expect(progress.fraction).toBe(1);
  });

  it("takes transformers.js's running 'total' event as the whole picture", () => {
    const progress = new DownloadProgress();
    progress.update({ status: 'progress', file: 'config.json', loaded: 100, total: 100 });
    progress.update({ status: 'total', loaded: 3000, total: 12000 });
    expect(progress).toMatchObject({ loaded: 3000, total: 12000 });
    expect(progress.fraction).toBe(0.25);
  });

  it('keeps the known numbers when a total event leaves one out', () => {
    const progress = new DownloadProgress();
    progress.update({ status: 'total', loaded: 10, total: 40 });
    progress.update({ status: 'total', loaded: 20 });
    expect(progress).toMatchObject({ loaded: 20, total: 40 });
  });

  it('has no fraction while the total size is unknown', () => {
    const progress = new DownloadProgress();
    expect(progress.fraction).toBeUndefined();
    progress.update({ status: 'initiate', file: 'onnx/model.onnx' });
    progress.update({ status: 'progress', file: 'onnx/model.onnx', loaded: 50, total: 0 });
    expect(progress.total).toBe(0);
    expect(progress.fraction).toBeUndefined();
    expect(progress.currentFile).toBe('onnx/model.onnx');
  });

  it('never shows more than 100%', () => {
    const progress = new DownloadProgress();
    progress.update({ status: 'total', loaded: 150, total: 100 });
    expect(progress.fraction).toBe(1);
  });

  it('snapshot() is a separate object with the same numbers', () => {
    const progress = new DownloadProgress();
    progress.update({ status: 'progress', file: 'a.onnx', loaded: 10, total: 100 });
    const snap = progress.snapshot();
    expect(snap).not.toBe(progress);
    expect(snap).toMatchObject({ loaded: 10, total: 100, currentFile: 'a.onnx', fraction: 0.1 });

    progress.update({ status: 'progress', file: 'b.onnx', loaded: 50, total: 100 });
    expect(progress).toMatchObject({ loaded: 60, total: 200 });
    expect(snap).toMatchObject({ loaded: 10, total: 100, currentFile: 'a.onnx' });
  });
});

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [512, '512 B'],
    [1023, '1023 B'],
    [1536, '1.5 KB'],
    [5 * 1024 * 1024, '5.0 MB'],
    [300 * 1024 * 1024, '300 MB'],
    [2.5 * 1024 ** 3, '2.5 GB'],
    [2048 * 1024 ** 3, '2048 GB'],
  ])('formats %d bytes as %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe('DownloadProgress speed and time left', () => {
  it('measures speed over the last seconds and estimates the time left', () => {
    const progress = new DownloadProgress();
    progress.update({ status: 'total', loaded: 0, total: 10_000_000 }, 0);
    progress.update({ status: 'total', loaded: 2_000_000, total: 10_000_000 }, 1000);
    expect(progress.bytesPerSecond).toBe(2_000_000);
    expect(progress.secondsLeft).toBe(4);
  });

  it('forgets samples older than its window, so a slowdown shows', () => {
    const progress = new DownloadProgress();
    progress.update({ status: 'total', loaded: 0, total: 100_000_000 }, 0);
    progress.update({ status: 'total', loaded: 50_000_000, total: 100_000_000 }, 1000);
    progress.update({ status: 'total', loaded: 51_000_000, total: 100_000_000 }, 5000);
    progress.update({ status: 'total', loaded: 52_000_000, total: 100_000_000 }, 6000);
    expect(progress.bytesPerSecond).toBe(1_000_000); // the last second only, not the fast start
  });

  it('has no speed before two samples', () => {
    const progress = new DownloadProgress();
    progress.update({ status: 'total', loaded: 5, total: 10 }, 0);
    expect(progress.bytesPerSecond).toBeUndefined();
    expect(progress.secondsLeft).toBeUndefined();
  });
});

describe('formatDuration', () => {
  it('reads like a person would say it', () => {
    expect(formatDuration(4.2)).toBe('5 s');
    expect(formatDuration(125)).toBe('2 min 5 s');
    expect(formatDuration(3 * 3600 + 120)).toBe('3 h 2 min');
  });
});
