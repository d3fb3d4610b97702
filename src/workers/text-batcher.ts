// Streams text to a callback at most once per frame: one Comlink message per token costs throughput
// for fast models, and the eye cannot tell the difference.
export class TextBatcher {
  private pending = '';
  private lastSent = -Infinity;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly send: (text: string) => void,
    private readonly intervalMs = 16,
  ) {}

  push(text: string): void {
    if (!text) return;
    this.pending += text;
    const wait = this.intervalMs - (performance.now() - this.lastSent);
    if (wait <= 0) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), wait);
  }

  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.pending) return;
    const text = this.pending;
    this.pending = '';
    this.lastSent = performance.now();
    this.send(text);
  }
}
