// Paths inside the private workspace. The model chooses them, so anything that could leave the
// workspace (.., absolute paths, drive letters) is refused, never "fixed".

export const MAX_PATH_LENGTH = 200;

/** "notes/./a.txt" → "notes/a.txt"; throws with a plain reason for anything outside the workspace. */
export function workspacePath(input: unknown, { allowRoot = false } = {}): string {
  if (typeof input !== 'string') throw new Error('The path must be text, like "notes/todo.txt".');
  const raw = input.trim().replaceAll('\\', '/');
  if (raw.length > MAX_PATH_LENGTH) throw new Error(`The path is longer than ${MAX_PATH_LENGTH} characters.`);
  if (/^[a-z]:/i.test(raw) || raw.startsWith('/') || raw.startsWith('~'))
    throw new Error(`"${input}" is an absolute path; use a path inside the workspace, like "notes/todo.txt".`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f<>:"|?*]/.test(raw))
    throw new Error(`"${input}" contains characters a file name cannot have.`);
  const parts = raw.split('/').filter((part) => part !== '' && part !== '.');
  if (parts.includes('..')) throw new Error(`"${input}" tries to leave the workspace (..).`);
  if (!parts.length && !allowRoot) throw new Error('The path is empty: name a file, like "notes/todo.txt".');
  return parts.join('/');
}
