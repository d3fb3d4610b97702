// The private workspace for file tools and the Files panel: a folder in the Origin Private File
// System, which only this app can see. Every path goes through workspacePath first.
import { workspacePath } from './workspace-path.ts';

export interface WorkspaceEntry {
  path: string;
  size: number;
  modified: number;
}

/** Text files the model may read whole; larger ones are refused with their size. */
export const MAX_READ_BYTES = 100_000;
const ROOT_NAME = 'forgeai-workspace';

export class Workspace {
  /** Bumped on every change, so the Files panel can follow. */
  changes = $state(0);

  constructor(
    private readonly storageRoot: () => Promise<FileSystemDirectoryHandle> = () => navigator.storage.getDirectory(),
  ) {}

  private async root(): Promise<FileSystemDirectoryHandle> {
    return (await this.storageRoot()).getDirectoryHandle(ROOT_NAME, { create: true });
  }

  /** The folder holding `path`'s last part (created when `create`), and that part's name. */
  private async locate(path: string, create: boolean): Promise<{ folder: FileSystemDirectoryHandle; name: string }> {
    const parts = workspacePath(path).split('/');
    let folder = await this.root();
    for (const part of parts.slice(0, -1)) folder = await folder.getDirectoryHandle(part, { create });
    return { folder, name: parts[parts.length - 1] };
  }

  async list(under = ''): Promise<WorkspaceEntry[]> {
    const start = workspacePath(under, { allowRoot: true });
    let folder = await this.root();
    for (const part of start ? start.split('/') : []) folder = await folder.getDirectoryHandle(part);
    const entries: WorkspaceEntry[] = [];
    const walk = async (dir: FileSystemDirectoryHandle, prefix: string) => {
      for await (const [name, handle] of dir.entries()) {
        const path = prefix ? `${prefix}/${name}` : name;
        if (handle.kind === 'directory') await walk(handle as FileSystemDirectoryHandle, path);
        else {
          const file = await (handle as FileSystemFileHandle).getFile();
          entries.push({ path, size: file.size, modified: file.lastModified });
        }
      }
    };
    await walk(folder, start);
    return entries.sort((a, b) => a.path.localeCompare(b.path));
  }

  async file(path: string): Promise<File> {
    const { folder, name } = await this.locate(path, false);
    return (await folder.getFileHandle(name)).getFile();
  }

  async readText(path: string): Promise<string> {
    const file = await this.file(path);
    if (file.size > MAX_READ_BYTES)
      throw new Error(`${path} is ${file.size} bytes; only files up to ${MAX_READ_BYTES} bytes are read.`);
    return file.text();
  }

  async write(path: string, content: Blob | string): Promise<number> {
    const { folder, name } = await this.locate(path, true);
    const writable = await (await folder.getFileHandle(name, { create: true })).createWritable();
    await writable.write(content);
    await writable.close();
    this.changes++;
    return typeof content === 'string' ? new Blob([content]).size : content.size;
  }

  async delete(path: string): Promise<void> {
    const { folder, name } = await this.locate(path, false);
    await folder.removeEntry(name);
    this.changes++;
  }
}
