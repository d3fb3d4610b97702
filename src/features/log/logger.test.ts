import { describe, expect, it } from 'vitest';
import { filterEntries, formatEntry, LEVELS, Logger, type LogEntry } from './logger.ts';

/** A logger whose batched notifications run when the test says so. */
function manualLogger(capacity = 5) {
  const pending: (() => void)[] = [];
  const logger = new Logger(capacity, (flush) => pending.push(flush), false);
  return { logger, flush: () => pending.splice(0).forEach((f) => f()) };
}

describe('Logger', () => {
  it('keeps only the newest entries once full', () => {
    const { logger } = manualLogger(3);
    for (let i = 1; i <= 5; i++) logger.info(`line ${i}`);
    expect(logger.all.map((e) => e.message)).toEqual(['line 3', 'line 4', 'line 5']);
  });

  it('tells listeners once per batch, however many lines arrive', () => {
    const { logger, flush } = manualLogger(100);
    const calls: number[] = [];
    logger.subscribe((entries) => calls.push(entries.length));
    for (let i = 0; i < 50; i++) logger.token(`t${i}`);
    flush();
    expect(calls).toEqual([0, 50]);
  });

  it('clear empties the buffer and notifies', () => {
    const { logger, flush } = manualLogger();
    const seen: number[] = [];
    logger.info('x');
    logger.subscribe((entries) => seen.push(entries.length));
    logger.clear();
    flush();
    expect(seen.at(-1)).toBe(0);
  });
});

describe('formatEntry', () => {
  it('writes HH:MM:SS.mmm [LEVEL] message', () => {
    const at = new Date(2026, 0, 2, 3, 4, 5, 6).getTime();
    expect(formatEntry({ id: 1, at, level: 'OK', message: 'Generated 12 characters' })).toBe(
      '03:04:05.006 [OK] Generated 12 characters',
    );
  });
});

describe('filterEntries', () => {
  const entries: LogEntry[] = LEVELS.map((level, i) => ({ id: i, at: 0, level, message: `${level} about Music` }));

  it('keeps only the chosen levels', () => {
    expect(filterEntries(entries, new Set(['WARN', 'ERROR']), '').map((e) => e.level)).toEqual(['WARN', 'ERROR']);
  });

  it('searches case-insensitively', () => {
    expect(filterEntries(entries, new Set(LEVELS), 'music')).toHaveLength(LEVELS.length);
    expect(filterEntries(entries, new Set(LEVELS), 'info about')).toHaveLength(1);
  });
});
