// Folds transformers.js progress events into what a progress bar shows: bytes done, bytes in all.
import type { LoadProgress } from '../../workers/api-types.ts';

export class DownloadProgress {
  loaded = 0;
  total = 0;
  currentFile = '';
  private files = new Map<string, { loaded: number; total: number }>();

  update(p: LoadProgress): void {
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
    return copy;
  }
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
