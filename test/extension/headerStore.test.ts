import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as vscode from 'vscode';
import { HeaderStore, type StoredHeader } from '../../src/extension/headerStore';

const mock = vscode as unknown as typeof import('../mocks/vscode');
const folder = vscode.Uri.file('/storage/workspace');
const file = vscode.Uri.joinPath(folder, 'seed-headers.json');
const header = (headline: string, key = 'm1:20'): StoredHeader => ({ key, header: { date: '2020-05-25', headline }, size: 20 });

describe('HeaderStore', () => {
  beforeEach(() => mock.resetMock());

  it('keeps headers for the next window, which reads them back by URI', async () => {
    const createDirectory = vi.spyOn(mock.workspace.fs, 'createDirectory');
    const headers = new Map([
      ['file:///ws/seeds/a.txt', header('First')],
      ['file:///ws/seeds/b.txt', { ...header('Second', 'm2:30'), warning: 'invalid UTF-8 bytes replaced with U+FFFD' }],
      ['file:///ws/seeds/c.txt', { key: 'm3:5', header: { date: null, headline: undefined }, size: 5 }],
    ]);
    await new HeaderStore(folder, '1.2.3').save(headers);
    expect(createDirectory).toHaveBeenCalledWith(folder);
    expect(await new HeaderStore(folder, '1.2.3').load()).toEqual(headers);
  });

  it('reads nothing from a missing or damaged file, or from another version', async () => {
    expect((await new HeaderStore(folder, '1.2.3').load()).size).toBe(0);
    for (const text of ['{"format":1,"version":"1.2.3","headers":{"file:///a.txt":', 'null', '[]', '"text"']) {
      mock.files.set(file.toString(), { bytes: new TextEncoder().encode(text), mtime: 1 });
      expect((await new HeaderStore(folder, '1.2.3').load()).size).toBe(0);
    }
    await new HeaderStore(folder, '1.2.3').save(new Map([['file:///ws/seeds/a.txt', header('First')]]));
    expect((await new HeaderStore(folder, '1.2.3').load()).size).toBe(1);
    expect((await new HeaderStore(folder, '1.2.4').load()).size).toBe(0);
    const otherFormat = { format: 2, version: '1.2.3', headers: { 'file:///ws/seeds/a.txt': header('First') } };
    mock.files.set(file.toString(), { bytes: new TextEncoder().encode(JSON.stringify(otherFormat)), mtime: 1 });
    expect((await new HeaderStore(folder, '1.2.3').load()).size).toBe(0);
  });

  it('drops entries not of the shape it writes', async () => {
    const good = header('Good');
    const entries = {
      good,
      noKey: { ...good, key: 1 },
      noSize: { ...good, size: '20' },
      badDate: { ...good, header: { date: 20200525, headline: 'x' } },
      badHeadline: { ...good, header: { date: null, headline: ['x'] } },
      badWarning: { ...good, warning: true },
      noHeader: { key: 'm1:20', size: 20 },
      nothing: null,
    };
    mock.files.set(file.toString(), { bytes: new TextEncoder().encode(JSON.stringify({ format: 1, version: '1.2.3', headers: entries })), mtime: 1 });
    expect([...(await new HeaderStore(folder, '1.2.3').load()).keys()]).toEqual(['good']);
  });
});
