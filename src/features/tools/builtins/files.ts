// list_files, read_file, write_file, delete_file: the model's files, kept in the private workspace.
import type { Tool } from '../registry.ts';
import type { Workspace } from '../workspace.svelte.ts';

/** OPFS says "NotFoundError: A requested file or directory could not be found…": say which. */
async function explained<T>(path: unknown, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof DOMException && error.name === 'NotFoundError')
      throw new Error(`Nothing named "${String(path ?? '')}" in the workspace. Use list_files to see what is there.`, {
        cause: error,
      });
    if (error instanceof DOMException && error.name === 'QuotaExceededError')
      throw new Error('The disk is full: the file was not saved. Delete files you no longer need.', { cause: error });
    throw error;
  }
}

const pathParam = { type: 'string', description: 'A path inside the workspace, like "notes/todo.txt"' } as const;

export function fileTools(workspace: Workspace): Tool[] {
  return [
    {
      name: 'list_files',
      description: 'Lists the files in the workspace (or in one folder of it), with their sizes.',
      parameters: { folder: { type: 'string', description: 'A folder inside the workspace; empty for all' } },
      example: {},
      async run(args) {
        const entries = await explained(args.folder, () => workspace.list(String(args.folder ?? '')));
        const lines = entries.map((e) => `${e.path} (${e.size} bytes)`);
        return {
          result: { files: entries.map(({ path, size }) => ({ path, size })) },
          display: { kind: 'text', text: lines.length ? lines.join('\n') : 'The workspace is empty.' },
        };
      },
    },
    {
      name: 'read_file',
      description: 'Reads a text file from the workspace.',
      parameters: { path: pathParam },
      required: ['path'],
      example: { path: 'notes/todo.txt' },
      async run(args) {
        const text = await explained(args.path, () => workspace.readText(String(args.path)));
        return { result: { path: args.path, content: text }, display: { kind: 'code', output: text } };
      },
    },
    {
      name: 'write_file',
      description: 'Writes a text file in the workspace (replacing it if it exists; folders are created).',
      parameters: { path: pathParam, content: { type: 'string', description: 'The whole text of the file' } },
      required: ['path', 'content'],
      risk: 'writes files',
      example: { path: 'notes/todo.txt', content: 'Buy milk' },
      async run(args) {
        const bytes = await explained(args.path, () => workspace.write(String(args.path), String(args.content)));
        return {
          result: { path: args.path, bytes },
          display: { kind: 'text', text: `Saved ${String(args.path)} (${bytes} bytes) — see the Files panel.` },
        };
      },
    },
    {
      name: 'delete_file',
      description: 'Deletes a file from the workspace.',
      parameters: { path: pathParam },
      required: ['path'],
      risk: 'deletes files',
      example: { path: 'notes/old.txt' },
      async run(args) {
        await explained(args.path, () => workspace.delete(String(args.path)));
        return { result: { deleted: args.path }, display: { kind: 'text', text: `Deleted ${String(args.path)}.` } };
      },
    },
  ];
}
