import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as vscode from 'vscode';
import { localFiles } from '../../src/extension/articleFiles';

const mock = vscode as unknown as typeof import('../mocks/vscode');

describe('localFiles', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    mock.resetMock();
  });

  it("reads file: URIs from the disk itself, not through VS Code's file service", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'news-review-files-'));
    try {
      const path = join(dir, 'a.txt');
      writeFileSync(path, 'Headline\n\nBody.');
      const viaVsCode = [vi.spyOn(mock.workspace.fs, 'stat'), vi.spyOn(mock.workspace.fs, 'readFile')];
      const uri = vscode.Uri.file(path);
      expect(await localFiles.stat(uri)).toMatchObject({ size: 15, mtime: expect.any(Number) });
      expect(new TextDecoder().decode(await localFiles.readFile(uri))).toBe('Headline\n\nBody.');
      await expect(localFiles.readFile(vscode.Uri.file(join(dir, 'missing.txt')))).rejects.toThrow();
      for (const spy of viaVsCode) expect(spy).not.toHaveBeenCalled();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads other schemes through workspace.fs (virtual and remote file systems)', async () => {
    const readFile = vi.spyOn(mock.workspace.fs, 'readFile').mockResolvedValue(new TextEncoder().encode('Virtual'));
    const stat = vi.spyOn(mock.workspace.fs, 'stat').mockResolvedValue({ type: 1, ctime: 0, mtime: 5, size: 7 } as never);
    for (const uri of [vscode.Uri.parse('memfs:/seeds/a.txt'), vscode.Uri.parse('vscode-vfs://github/org/repo/seeds/a.txt')]) {
      expect(await localFiles.stat(uri)).toMatchObject({ mtime: 5, size: 7 });
      expect(new TextDecoder().decode(await localFiles.readFile(uri))).toBe('Virtual');
      expect(readFile).toHaveBeenCalledWith(uri);
      expect(stat).toHaveBeenCalledWith(uri);
    }
  });
});
