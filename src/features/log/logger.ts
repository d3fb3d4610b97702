// The terminal log: every step of every turn, for people who want to see what the model is doing.
// A bounded ring buffer (old lines drop off) with listeners notified at most once per frame, so a
// streaming reply cannot flood the UI. Everything is also written to the browser console at debug.

export const LEVELS = ['DEBUG', 'INFO', 'OK', 'WARN', 'ERROR', 'TOKEN'] as const;
export type Level = (typeof LEVELS)[number];

export interface LogEntry {
  id: number;
  at: number;
  level: Level;
  message: string;
}

export const DEFAULT_CAPACITY = 2000;

type Schedule = (flush: () => void) => void;
const nextFrame: Schedule = (flush) =>
  typeof requestAnimationFrame === 'function' ? requestAnimationFrame(() => flush()) : setTimeout(flush, 16);

export class Logger {
  private entries: LogEntry[] = [];
  private nextId = 1;
  private listeners = new Set<(entries: readonly LogEntry[]) => void>();
  private scheduled = false;

  constructor(
    private readonly capacity = DEFAULT_CAPACITY,
    private readonly schedule: Schedule = nextFrame,
    private readonly toConsole = true,
  ) {}

  log(level: Level, message: string, at = Date.now()): void {
    this.entries.push({ id: this.nextId++, at, level, message });
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
    if (this.toConsole) console.debug(`[forgeai] ${formatEntry(this.entries[this.entries.length - 1])}`);
    this.notify();
  }

  debug = (message: string) => this.log('DEBUG', message);
  info = (message: string) => this.log('INFO', message);
  ok = (message: string) => this.log('OK', message);
  warn = (message: string) => this.log('WARN', message);
  error = (message: string) => this.log('ERROR', message);
  token = (message: string) => this.log('TOKEN', message);

  get all(): readonly LogEntry[] {
    return this.entries;
  }

  clear(): void {
    this.entries = [];
    this.notify();
  }

  /** Listeners get the whole buffer, batched to one call per frame. Returns an unsubscribe function. */
  subscribe(listener: (entries: readonly LogEntry[]) => void): () => void {
    this.listeners.add(listener);
    listener(this.entries);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.schedule(() => {
      this.scheduled = false;
      const snapshot = this.entries.slice();
      for (const listener of this.listeners) listener(snapshot);
    });
  }
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `HH:MM:SS.mmm [LEVEL] message`, in local time. */
export function formatEntry(entry: LogEntry): string {
  const d = new Date(entry.at);
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
  return `${time} [${entry.level}] ${entry.message}`;
}

export function filterEntries(entries: readonly LogEntry[], levels: ReadonlySet<Level>, search: string): LogEntry[] {
  const needle = search.trim().toLowerCase();
  return entries.filter((e) => levels.has(e.level) && (!needle || e.message.toLowerCase().includes(needle)));
}

export const log = new Logger();
