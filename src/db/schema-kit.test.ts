import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { log } from '../features/log/logger.ts';
import { check, count, fraction, keepValid, numberRecord, oneOf, uniqueBy } from './schema-kit.ts';

describe('schema kit', () => {
  const row = v.object({ id: v.string('a string'), level: fraction, kind: v.optional(oneOf(['a', 'b'])) }, 'an object');

  it('names the first problem by its path, in words', () => {
    expect(
      check(
        v.array(row),
        [
          { id: 'x', level: 0.5 },
          { id: 'y', level: 2 },
        ],
        'rows',
      ),
    ).toEqual({
      ok: false,
      problem: 'rows[1].level must be a number from 0 to 1',
    });
    expect(check(row, { level: 0 }, 'row')).toEqual({ ok: false, problem: 'row.id is missing' });
    expect(check(row, { id: 'x', level: 0, kind: 'c' }, 'row')).toEqual({
      ok: false,
      problem: 'row.kind must be one of "a", "b"',
    });
    expect(check(row, 'x', '')).toEqual({ ok: false, problem: 'the value must be an object' });
  });

  it('drops unknown fields and keeps the rest as they were', () => {
    expect(check(row, { id: 'x', level: 1, extra: true })).toEqual({ ok: true, value: { id: 'x', level: 1 } });
  });

  it('keeps topics that are also Object.prototype names, and refuses "__proto__" keys', () => {
    const counts = numberRecord(count);
    expect(check(counts, { constructor: 2, toString: 1 })).toEqual({
      ok: true,
      value: { constructor: 2, toString: 1 },
    });
    expect(check(counts, JSON.parse('{"__proto__": 1}'))).toMatchObject({ ok: false });
    expect(check(counts, { music: 1.5 }, 'interactions')).toEqual({
      ok: false,
      problem: 'interactions.music must be a whole number ≥ 0',
    });
    expect(check(counts, [1], 'interactions')).toEqual({ ok: false, problem: 'interactions must be an object' });
  });

  it('refuses a list with a repeated id, naming the repeat', () => {
    const list = v.pipe(
      v.array(row),
      uniqueBy((item: v.InferOutput<typeof row>) => item.id),
    );
    expect(
      check(
        list,
        [
          { id: 'a', level: 0 },
          { id: 'b', level: 0 },
          { id: 'a', level: 1 },
        ],
        'rows',
      ),
    ).toEqual({
      ok: false,
      problem: 'rows[2] must be unique (another item has the same id)',
    });
  });

  it('keeps the valid rows and logs each damaged one', () => {
    const rows = keepValid(
      row,
      [
        { id: 'a', level: 0 },
        { id: 'b', level: 'high' },
        { id: 'c', level: 1 },
      ],
      'thing',
    );
    expect(rows.map((r) => r.id)).toEqual(['a', 'c']);
    expect(log.all.at(-1)).toMatchObject({
      level: 'WARN',
      message: 'A saved thing (row 2) is damaged and was left out: thing.level must be a number from 0 to 1',
    });
  });
});
