// Folds transformers.js progress events into what a progress bar shows: bytes done, bytes in all.
import type { LoadProgress } from '../../shared/model-types.ts';

/** Speed is averaged over this window: long enough to be steady, short enough to follow changes. */
const SPEED_WINDOW_MS = 3000;

export class DownloadProgress {
  loaded = 0;
  total = 0;
  currentFile = '';
  private files = new Map<string, { loaded: number; total: number }>();
  private samples: { at: number; loaded: number }[] = [];

  /** Bytes per second over the last few seconds; undefined until there are two samples. */
  get bytesPerSecond(): number | undefined {
    const first = this.samples[0];
    const last = this.samples.at(-1);
    if (!first || !last || last.at <= first.at) return undefined;
    return ((last.loaded - first.loaded) * 1000) / (last.at - first.at);
  }

  get secondsLeft(): number | undefined {
    const speed = this.bytesPerSecond;
    if (!speed || this.total <= 0) return undefined;
    return Math.max(0, (this.total - this.loaded) / speed);
  }

  update(p: LoadProgress, now = performance.now()): void {
    this.apply(p);
    this.samples.push({ at: now, loaded: this.loaded });
    while (this.samples.length > 2 && now - this.samples[0].at > SPEED_WINDOW_MS) this.samples.shift();
  }

  private apply(p: LoadProgress): void {
    if (p.file) this.currentFile = p.file;
    if (p.status === 'total') {
      // transformers.js's own running total over every file it expects to fetch.
      this.loaded = p.loaded ?? this.loaded;
      this.total = p.total ?? this.total;
      return;
    }
    if (p.status === 'progress' && p.file) {
      this.files.set(p.file, { loaded: p.loaded ?? 0, total: p.total ?? 0 });
      const sum = (key: 'loaded' | 'total') => [...this.files.values()].reduce((acc, f) => acc + f[key], 0);
      this.loaded = Math.max(this.loaded, sum('loaded'));
      this.total = Math.max(this.total, sum('total'));
    }
  }

  /** 0–1, or undefined while the size is unknown. */
  get fraction(): number | undefined {
    return this.total > 0 ? Math.min(1, this.loaded / this.total) : undefined;
  }

  snapshot(): DownloadProgress {
    const copy = new DownloadProgress();
    copy.loaded = this.loaded;
    copy.total = this.total;
    copy.currentFile = this.currentFile;
    copy.files = this.files;
    copy.samples = this.samples;
    return copy;
  }
}

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60
    ? `${minutes} min ${Math.round(seconds % 60)} s`
    : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
