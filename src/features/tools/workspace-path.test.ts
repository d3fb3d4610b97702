import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_PATH_LENGTH, workspacePath } from './workspace-path.ts';

describe('workspacePath: paths inside the workspace', () => {
  it.each([
    ['notes/todo.txt', 'notes/todo.txt'],
    ['notes/./a.txt', 'notes/a.txt'],
    ['./notes/a.txt', 'notes/a.txt'],
    ['a//b', 'a/b'],
    ['a/b/', 'a/b'],
    ['notes\\sub\\a.txt', 'notes/sub/a.txt'],
    ['  notes/a.txt  ', 'notes/a.txt'],
    ['\tnotes/a.txt\n', 'notes/a.txt'],
    ['my notes/to do.txt', 'my notes/to do.txt'],
    ['...', '...'],
    ['a..b/c', 'a..b/c'],
    ['.hidden', '.hidden'],
  ])('%j becomes %j', (input, expected) => {
    expect(workspacePath(input)).toBe(expected);
  });

  it('accepts a path of exactly MAX_PATH_LENGTH characters', () => {
    const path = 'a'.repeat(MAX_PATH_LENGTH);
    expect(workspacePath(path)).toBe(path);
  });

  it('measures the length after trimming surrounding spaces', () => {
    const path = 'a'.repeat(MAX_PATH_LENGTH);
    expect(workspacePath(`   ${path}   `)).toBe(path);
  });
});

describe('workspacePath: escapes are refused with the reason', () => {
  it.each(['../secret', 'notes/../../x', '..', './..', 'a/b/../../..', '..\\x', 'a\\..\\..\\x', 'notes/..'])(
    '%j tries to leave the workspace',
    (input) => {
      expect(() => workspacePath(input)).toThrow(`"${input}" tries to leave the workspace (..).`);
    },
  );

  it.each(['/etc/passwd', 'C:\\Windows\\x', 'c:/x', 'C:x', '~/x', '~', '\\\\server\\share\\x', '  /etc/passwd'])(
    '%j is an absolute path',
    (input) => {
      expect(() => workspacePath(input)).toThrow(`"${input}" is an absolute path`);
    },
  );

  it.each(['a\u0000b', 'a\nb', 'notes/\u001fx', 'a<b', 'a>b', 'notes/a:b', 'say "hi"', 'a|b', 'what?', 'star*'])(
    '%j has characters a file name cannot have',
    (input) => {
      expect(() => workspacePath(input)).toThrow('contains characters a file name cannot have');
    },
  );

  it.each([undefined, null, 42, ['a'], { path: 'a' }])('refuses %j, which is not text', (input) => {
    expect(() => workspacePath(input)).toThrow('The path must be text');
  });

  it.each(['', '   ', '.', './', './/.', '.\\.'])('refuses the empty path %j', (input) => {
    expect(() => workspacePath(input)).toThrow('The path is empty');
  });

  it.each(['', '  ', '.', './.'])('gives the root for %j when allowRoot is set', (input) => {
    expect(workspacePath(input, { allowRoot: true })).toBe('');
  });

  it('still refuses escapes when allowRoot is set', () => {
    expect(() => workspacePath('..', { allowRoot: true })).toThrow('tries to leave the workspace');
    expect(() => workspacePath('/', { allowRoot: true })).toThrow('is an absolute path');
  });

  it('refuses a path longer than MAX_PATH_LENGTH, saying the limit', () => {
    expect(() => workspacePath('a'.repeat(MAX_PATH_LENGTH + 1))).toThrow(
      `The path is longer than ${MAX_PATH_LENGTH} characters.`,
    );
  });
});

describe('workspacePath: property', () => {
  it('never returns a path with a ".." segment or a leading slash', () => {
    const segment = fc.constantFrom('a', 'b', '.', '..', '', ' ');
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 12 }), fc.boolean(), (segments, allowRoot) => {
        const input = segments.join('/');
        let path: string;
        try {
          path = workspacePath(input, { allowRoot });
        } catch (error) {
          expect(error).toBeInstanceOf(Error);
          return;
        }
        expect(path.split('/')).not.toContain('..');
        expect(path.startsWith('/')).toBe(false);
        if (!allowRoot) expect(path).not.toBe('');
      }),
      { numRuns: 2000 },
    );
  });
});
