import * as fs from 'node:fs';
import { promisify } from 'node:util';
import * as vscode from 'vscode';

// How the cache reads articles from disk: through `workspace.fs`, so remote and virtual workspaces
// work, or, for the extension, `file:` URIs with Node's own `fs` (the extension runs where those files
// are). Each `workspace.fs` call may be a round trip to VS Code's file service: in code-server, listing
// 10,000 seeds took 3.2–3.8 s through it and 1.5–1.6 s with `fs`.

export interface FileStat {
  readonly mtime: number;
  readonly size: number;
}

/** A file opened for the cache: its stat, and its bytes on demand. */
export interface ArticleFile extends FileStat {
  read(): Promise<Uint8Array>;
  close(): Promise<void>;
}

export interface ArticleFiles {
  /** Enough to tell whether a file read before has changed. */
  stat(uri: vscode.Uri): Promise<FileStat>;
  /** A file to read: its stat and bytes from one opening. */
  open(uri: vscode.Uri): Promise<ArticleFile>;
}

export const workspaceFiles: ArticleFiles = {
  async stat(uri) {
    const { mtime, size } = await vscode.workspace.fs.stat(uri);
    return { mtime, size };
  },
  async open(uri) {
    const { mtime, size } = await workspaceFiles.stat(uri);
    return { mtime, size, read: () => Promise.resolve(vscode.workspace.fs.readFile(uri)), close: () => Promise.resolve() };
  },
};

// Node's callback API, promisified: `fs.promises` wraps every descriptor in a FileHandle and
// `readFile` in several more steps. Reading 10,000 seeds' stat and bytes took 510–680 ms with
// `fs.promises.stat` and `readFile`, 220–300 ms so (and half the CPU). A descriptor opened only to read
// is closed at once, in this thread: that cannot wait on the disk, and a trip through libuv's thread
// pool for it cost more than the close (the view listed 10,000 seeds in 1.01–1.15 s, 1.21–1.33 s so).
const statFile = promisify(fs.stat);
const openFile = promisify(fs.open);
const fstat = promisify(fs.fstat);
const readInto = promisify(fs.read);

/** Non-blocking, so that a named pipe given an article's name is not waited on: it is refused once stat. */
const READ_ONLY = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

export const localFiles: ArticleFiles = {
  async stat(uri) {
    if (uri.scheme !== 'file') return workspaceFiles.stat(uri);
    const stat = await statFile(uri.fsPath);
    return { mtime: stat.mtimeMs, size: stat.size };
  },
  async open(uri) {
    if (uri.scheme !== 'file') return workspaceFiles.open(uri);
    const fd = await openFile(uri.fsPath, READ_ONLY);
    try {
      const stat = await fstat(fd);
      if (!stat.isFile()) throw new Error(stat.isDirectory() ? 'is a directory' : 'not a regular file');
      return { mtime: stat.mtimeMs, size: stat.size, read: () => readAll(fd, stat.size), close: async () => fs.closeSync(fd) };
    } catch (error) {
      fs.closeSync(fd);
      throw error;
    }
  },
};

/** The `size` bytes of an open file, or fewer if it was cut short since its stat. */
async function readAll(fd: number, size: number): Promise<Uint8Array> {
  const bytes = Buffer.allocUnsafe(size);
  let done = 0;
  while (done < size) {
    const { bytesRead } = await readInto(fd, bytes, done, size - done, done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return bytes.subarray(0, done);
}
