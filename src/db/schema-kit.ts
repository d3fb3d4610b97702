// Small building blocks for the stored records' schemas (Valibot), each with the words a person reads
// when a value is wrong: "messages[3].status must be one of …". Every stored record has one schema,
// used wherever data comes from outside the running app: a backup, a file, or a value saved earlier.
import * as v from 'valibot';
import { log } from '../features/log/logger.ts';

const finiteNumber = (what: string) => v.pipe(v.number(what), v.finite(what));

/** A number in [min, max]; `what` is the phrase after "must be". */
export const numberIn = (min: number, max: number, what = `a number from ${min} to ${max}`) =>
  v.pipe(finiteNumber(what), v.minValue(min, what), v.maxValue(max, what));

export const wholeIn = (min: number, max: number, what = `a whole number from ${min} to ${max}`) =>
  v.pipe(numberIn(min, max, what), v.integer(what));

export const fraction = numberIn(0, 1);
export const count = wholeIn(0, Number.MAX_SAFE_INTEGER, 'a whole number ≥ 0');
/** Milliseconds since 1970 (or a duration): finite and not negative. */
export const time = numberIn(0, Number.MAX_SAFE_INTEGER, 'a time (a number ≥ 0)');
export const text = v.string('a string');
/** Ids and keys: kept exactly as they are, never empty. */
export const key = v.pipe(text, v.nonEmpty('a non-empty string'));
/** Names people read: trimmed, never empty. */
export const name = v.pipe(text, v.trim(), v.nonEmpty('a non-empty string'));
export const flag = v.boolean('true or false');
export const strings = v.array(text, 'a list of strings');

export const oneOf = <const T extends readonly string[]>(values: T) =>
  v.picklist(values, `one of ${values.map((value) => JSON.stringify(value)).join(', ')}`);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !Object.hasOwn(value, '__proto__');

/**
 * topic → number. Valibot's record() silently drops keys like "constructor", which are real topics here, so
 * this checks each own value itself and names the first bad one (`motivations.music must be …`).
 */
export const numberRecord = (value: v.GenericSchema<unknown, number>) =>
  v.pipe(
    v.custom<Record<string, number>>(isPlainObject, 'an object'),
    v.rawCheck(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      const input = dataset.value;
      for (const [key, item] of Object.entries(input)) {
        const result = v.safeParse(value, item);
        if (result.success) continue;
        addIssue({
          message: result.issues[0].message,
          path: [{ type: 'object', origin: 'value', input, key, value: item }],
        });
        return;
      }
    }),
  );

/** A list whose items have unique `key`s (ids, model ids): a damaged file with two of one id is refused. */
export const uniqueBy = <T>(key: (item: T) => unknown) =>
  v.checkItems<T[], string>(
    (item, index, items) => items.findIndex((other) => key(other) === key(item)) === index,
    'unique (another item has the same id)',
  );

/** `wants[2].intensity` from an issue's path, below `root`. */
function pathOf(issue: v.BaseIssue<unknown>, root: string): string {
  let path = root;
  for (const step of issue.path ?? []) {
    const key = step.key;
    path += typeof key === 'number' ? `[${key}]` : path ? `.${String(key)}` : String(key);
  }
  return path || 'the value';
}

/** What is wrong, in one line: the first problem, named by its path ("messages[3].status must be …"). */
export function describeProblem(issues: readonly v.BaseIssue<unknown>[], root = ''): string {
  const issue = issues[0];
  // A required field that is absent: the issue is the parent object's, so say it plainly.
  if (issue.kind === 'schema' && issue.received === 'undefined') return `${pathOf(issue, root)} is missing`;
  return `${pathOf(issue, root)} must be ${issue.message}`;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problem: string };

/** Checks `value` against `schema`; the output has unknown fields dropped and defaults filled in. */
export function check<T>(schema: v.GenericSchema<unknown, T>, value: unknown, root = ''): Checked<T> {
  const result = v.safeParse(schema, value);
  return result.success
    ? { ok: true, value: result.output }
    : { ok: false, problem: describeProblem(result.issues, root) };
}

/** The rows that pass `schema` (checked, defaults filled); each damaged one is left out with a line in the log. */
export function keepValid<T>(schema: v.GenericSchema<unknown, T>, rows: readonly unknown[], what: string): T[] {
  const valid: T[] = [];
  rows.forEach((row, index) => {
    const checked = check(schema, row, what);
    if (checked.ok) valid.push(checked.value);
    else log.warn(`A saved ${what} (row ${index + 1}) is damaged and was left out: ${checked.problem}`);
  });
  return valid;
}
