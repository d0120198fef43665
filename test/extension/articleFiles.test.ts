import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as vscode from 'vscode';
import { localFiles } from '../../src/extension/articleFiles';

const mock = vscode as unknown as typeof import('../mocks/vscode');
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('localFiles', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'news-review-files-'));
  });
  afterEach(() => {
    vi.restoreAllMocks();
    mock.resetMock();
    rmSync(dir, { recursive: true, force: true });
  });

  it("reads file: URIs from the disk itself, not through VS Code's file service", async () => {
    const path = join(dir, 'a.txt');
    writeFileSync(path, 'Headline\n\nBody.');
    const viaVsCode = [vi.spyOn(mock.workspace.fs, 'stat'), vi.spyOn(mock.workspace.fs, 'readFile')];
    const file = await localFiles.open(vscode.Uri.file(path));
    expect(file).toMatchObject({ size: 15, mtime: expect.any(Number) });
    expect(text(await file.read())).toBe('Headline\n\nBody.');
    await file.close();
    await expect(localFiles.open(vscode.Uri.file(join(dir, 'missing.txt')))).rejects.toThrow(/ENOENT/);
    for (const spy of viaVsCode) expect(spy).not.toHaveBeenCalled();
  });

  it('leaves nothing open once a file read is closed', async () => {
    if (process.platform !== 'linux') return;
    const path = join(dir, 'a.txt');
    writeFileSync(path, 'Headline\n\nBody.');
    const openFiles = () => readdirSync('/proc/self/fd').length;
    const before = openFiles();
    for (let i = 0; i < 20; i++) {
      const file = await localFiles.open(vscode.Uri.file(path));
      await file.read();
      await file.close();
    }
    expect(openFiles()).toBe(before);
  });

  it('gives the bytes there are when a file is cut short after it was opened', async () => {
    const path = join(dir, 'a.txt');
    writeFileSync(path, 'Headline\n\nA body that is cut short.');
    const file = await localFiles.open(vscode.Uri.file(path));
    truncateSync(path, 8);
    expect(text(await file.read())).toBe('Headline');
    await file.close();
  });

  it('refuses a directory, and a named pipe without waiting for a writer, leaving nothing open', async () => {
    await expect(localFiles.open(vscode.Uri.file(dir))).rejects.toThrow(/directory/i);
    if (process.platform === 'win32') return;
    const pipe = join(dir, 'pipe.txt');
    execFileSync('mkfifo', [pipe]);
    await expect(localFiles.open(vscode.Uri.file(pipe))).rejects.toThrow('not a regular file');
    if (process.platform !== 'linux') return;
    const openFiles = () => readdirSync('/proc/self/fd').length;
    const before = openFiles();
    for (let i = 0; i < 20; i++) await expect(localFiles.open(vscode.Uri.file(i % 2 ? dir : pipe))).rejects.toThrow();
    expect(openFiles()).toBe(before);
  });

  it('reads other schemes through workspace.fs (virtual and remote file systems)', async () => {
    const readFile = vi.spyOn(mock.workspace.fs, 'readFile').mockResolvedValue(new TextEncoder().encode('Virtual'));
    const stat = vi.spyOn(mock.workspace.fs, 'stat').mockResolvedValue({ type: 1, ctime: 0, mtime: 5, size: 7 } as never);
    for (const uri of [vscode.Uri.parse('memfs:/seeds/a.txt'), vscode.Uri.parse('vscode-vfs://github/org/repo/seeds/a.txt')]) {
      const file = await localFiles.open(uri);
      expect(file).toMatchObject({ mtime: 5, size: 7 });
      expect(text(await file.read())).toBe('Virtual');
      expect(readFile).toHaveBeenCalledWith(uri);
      expect(stat).toHaveBeenCalledWith(uri);
    }
  });
});
