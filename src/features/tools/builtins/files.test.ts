import { describe, expect, it, vi } from 'vitest';
import type { Tool } from '../registry.ts';
import type { Workspace, WorkspaceEntry } from '../workspace.svelte.ts';
import { fileTools } from './files.ts';

const context = { signal: new AbortController().signal, modelId: 'test' };

/** The Workspace methods the file tools use, as mocks; each test sets what they answer. */
function fakeWorkspace() {
  const fake = {
    list: vi.fn(async (_under?: string): Promise<WorkspaceEntry[]> => []),
    readText: vi.fn(async (_path: string): Promise<string> => ''),
    write: vi.fn(async (_path: string, _content: Blob | string): Promise<number> => 0),
    delete: vi.fn(async (_path: string): Promise<void> => undefined),
  };
  const tools = fileTools(fake as unknown as Workspace);
  const tool = (name: string): Tool => {
    const found = tools.find((candidate) => candidate.name === name);
    if (!found) throw new Error(`no tool ${name}`);
    return found;
  };
  return { fake, tools, tool };
}

const notFound = () => new DOMException('A requested file or directory could not be found.', 'NotFoundError');
const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('fileTools', () => {
  it('offers list_files, read_file, write_file and delete_file', () => {
    expect(fakeWorkspace().tools.map((tool) => tool.name)).toEqual([
      'list_files',
      'read_file',
      'write_file',
      'delete_file',
    ]);
  });

  it('asks before writing or deleting, and not before listing or reading', () => {
    const { tool } = fakeWorkspace();
    expect(tool('write_file').risk).toBe('writes files');
    expect(tool('delete_file').risk).toBe('deletes files');
    expect(tool('list_files').risk).toBeUndefined();
    expect(tool('read_file').risk).toBeUndefined();
  });
});

describe('list_files', () => {
  it('says the workspace is empty when there are no files', async () => {
    const { fake, tool } = fakeWorkspace();
    const output = await tool('list_files').run({}, context);
    expect(fake.list).toHaveBeenCalledWith('');
    expect(output.result).toEqual({ files: [] });
    expect(output.display).toEqual({ kind: 'text', text: 'The workspace is empty.' });
  });

  it('lists paths and sizes, without the modification times', async () => {
    const { fake, tool } = fakeWorkspace();
    fake.list.mockResolvedValue([
      { path: 'notes/a.txt', size: 5, modified: 1 },
      { path: 'notes/b.txt', size: 1200, modified: 2 },
    ]);
    const output = await tool('list_files').run({ folder: 'notes' }, context);
    expect(fake.list).toHaveBeenCalledWith('notes');
    expect(output.result).toEqual({
      files: [
        { path: 'notes/a.txt', size: 5 },
        { path: 'notes/b.txt', size: 1200 },
      ],
    });
    expect(output.display).toEqual({ kind: 'text', text: 'notes/a.txt (5 bytes)\nnotes/b.txt (1200 bytes)' });
  });

  it('names a missing folder', async () => {
    const { fake, tool } = fakeWorkspace();
    fake.list.mockRejectedValue(notFound());
    await expect(tool('list_files').run({ folder: 'old' }, context)).rejects.toThrow(
      'Nothing named "old" in the workspace. Use list_files to see what is there.',
    );
  });
});

describe('read_file', () => {
  it('gives the file’s content and shows it as code', async () => {
    const { fake, tool } = fakeWorkspace();
    fake.readText.mockResolvedValue('Buy milk\nBuy bread');
    const output = await tool('read_file').run({ path: 'notes/todo.txt' }, context);
    expect(fake.readText).toHaveBeenCalledWith('notes/todo.txt');
    expect(output.result).toEqual({ path: 'notes/todo.txt', content: 'Buy milk\nBuy bread' });
    expect(output.display).toEqual({ kind: 'code', output: 'Buy milk\nBuy bread' });
  });

  it('turns the workspace’s NotFoundError into a sentence naming the path, keeping the cause', async () => {
    const { fake, tool } = fakeWorkspace();
    const cause = notFound();
    fake.readText.mockRejectedValue(cause);
    const error = await tool('read_file')
      .run({ path: 'notes/missing.txt' }, context)
      .then(
        () => undefined,
        (reason: unknown) => reason,
      );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(
      'Nothing named "notes/missing.txt" in the workspace. Use list_files to see what is there.',
    );
    expect((error as Error).cause).toBe(cause);
  });

  it('passes other errors through unchanged', async () => {
    const { fake, tool } = fakeWorkspace();
    const tooBig = new Error('big.txt is 200000 bytes; only files up to 100000 bytes are read.');
    fake.readText.mockRejectedValue(tooBig);
    await expect(tool('read_file').run({ path: 'big.txt' }, context)).rejects.toBe(tooBig);
  });

  it('passes DOMExceptions with other names through unchanged', async () => {
    const { fake, tool } = fakeWorkspace();
    const denied = new DOMException('Not allowed.', 'NotAllowedError');
    fake.readText.mockRejectedValue(denied);
    await expect(tool('read_file').run({ path: 'a.txt' }, context)).rejects.toBe(denied);
  });

  it('passes a NotFoundError-named plain Error through (only DOMExceptions are explained)', async () => {
    const { fake, tool } = fakeWorkspace();
    const plain = Object.assign(new Error('gone'), { name: 'NotFoundError' });
    fake.readText.mockRejectedValue(plain);
    await expect(tool('read_file').run({ path: 'a.txt' }, context)).rejects.toBe(plain);
  });
});

describe('write_file', () => {
  it('writes the content and reports the bytes written', async () => {
    const { fake, tool } = fakeWorkspace();
    fake.write.mockResolvedValue(9);
    const output = await tool('write_file').run({ path: 'notes/todo.txt', content: 'Buy milk!' }, context);
    expect(fake.write).toHaveBeenCalledWith('notes/todo.txt', 'Buy milk!');
    expect(output.result).toEqual({ path: 'notes/todo.txt', bytes: 9 });
    expect(output.display).toEqual({
      kind: 'text',
      text: 'Saved notes/todo.txt (9 bytes) — see the Files panel.',
    });
  });

  it('says the disk is full on a QuotaExceededError, keeping the cause', async () => {
    const { fake, tool } = fakeWorkspace();
    const cause = quota();
    fake.write.mockRejectedValue(cause);
    const error = await tool('write_file')
      .run({ path: 'big.txt', content: 'x' }, context)
      .then(
        () => undefined,
        (reason: unknown) => reason,
      );
    expect((error as Error).message).toBe('The disk is full: the file was not saved. Delete files you no longer need.');
    expect((error as Error).cause).toBe(cause);
  });

  it('passes a refused path’s error through', async () => {
    const { fake, tool } = fakeWorkspace();
    const refused = new Error('"../x" tries to leave the workspace (..).');
    fake.write.mockRejectedValue(refused);
    await expect(tool('write_file').run({ path: '../x', content: 'x' }, context)).rejects.toBe(refused);
  });
});

describe('delete_file', () => {
  it('deletes the file and says so', async () => {
    const { fake, tool } = fakeWorkspace();
    const output = await tool('delete_file').run({ path: 'notes/old.txt' }, context);
    expect(fake.delete).toHaveBeenCalledWith('notes/old.txt');
    expect(output.result).toEqual({ deleted: 'notes/old.txt' });
    expect(output.display).toEqual({ kind: 'text', text: 'Deleted notes/old.txt.' });
  });

  it('names a file that is not there', async () => {
    const { fake, tool } = fakeWorkspace();
    fake.delete.mockRejectedValue(notFound());
    await expect(tool('delete_file').run({ path: 'nope.txt' }, context)).rejects.toThrow(
      'Nothing named "nope.txt" in the workspace. Use list_files to see what is there.',
    );
  });
});
