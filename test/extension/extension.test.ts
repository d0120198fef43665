import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as vscode from 'vscode';
import { Commands } from '../../src/extension/constants';
import { activate } from '../../src/extension/extension';
import { fakeAnalyser } from './helpers';

vi.mock('../../src/analysis/analyse', async () => (await import('./helpers')).fakeAnalyser.module());

const mock = vscode as unknown as typeof import('../mocks/vscode');

describe('activate', () => {
  let subscriptions: { dispose(): unknown }[];
  const context = () => ({ subscriptions, extensionUri: vscode.Uri.file('/ext'), storageUri: vscode.Uri.file('/storage/ws'), extension: { packageJSON: { version: '1.0.0' } } });
  beforeEach(() => {
    mock.resetMock();
    fakeAnalyser.calls = 0;
    subscriptions = [];
  });

  it('registers every command and view without reading or analysing anything (its speed is in the bench)', () => {
    mock.writeFile('/ws/seeds/a.txt', ' date 2020-05-25 Headline\n\nBody.');
    const readFile = vi.spyOn(mock.workspace.fs, 'readFile');
    const findFiles = vi.spyOn(mock.workspace, 'findFiles');
    const createTreeView = vi.spyOn(mock.window, 'createTreeView');
    const api = activate(context() as unknown as vscode.ExtensionContext);

    expect(mock.commands.getRegistered().sort()).toEqual(Object.values(Commands).sort());
    expect(createTreeView.mock.calls.map(([id]) => id)).toEqual(['newsReview.seeds', 'newsReview.explorerSeeds']);
    expect(api.seeds).toBeDefined();
    expect(fakeAnalyser.calls).toBe(0);
    expect(findFiles).not.toHaveBeenCalled();
    // Only the lexicon file may be looked for (it does not exist here).
    expect(readFile.mock.calls.every(([uri]) => String(uri).endsWith('.newsreview/lexicon.json'))).toBe(true);

    for (const disposable of subscriptions) disposable.dispose();
    expect(mock.commands.getRegistered()).toEqual([]);
    vi.restoreAllMocks();
  });

  it("shows the Seeds views' message in both views", () => {
    const createTreeView = vi.spyOn(mock.window, 'createTreeView');
    const api = activate(context() as unknown as vscode.ExtensionContext);
    const views = createTreeView.mock.results.map((r) => r.value as vscode.TreeView<unknown>);
    api.seeds.setFilter({ type: 'place', name: 'Goma' });
    expect(views.map((v) => v.message)).toEqual([api.seeds.message, api.seeds.message]);
    expect(api.seeds.message).toContain('Goma');
    api.seeds.setFilter(undefined);
    expect(views.map((v) => v.message)).toEqual([undefined, undefined]);
    for (const disposable of subscriptions) disposable.dispose();
    vi.restoreAllMocks();
  });

  it("keeps the Seeds view's listing in the workspace's storage for the next window", async () => {
    // The extension reads local files with Node's fs: the seed is on disk as well as in the mock's workspace.
    const folder = mkdtempSync(join(tmpdir(), 'news-review-ws-'));
    try {
      const text = ' date 2020-05-25 Headline\n\nBody.';
      mkdirSync(join(folder, 'seeds'));
      writeFileSync(join(folder, 'seeds/a.txt'), text);
      mock.workspace.workspaceFolders = [{ uri: vscode.Uri.file(folder), name: 'ws', index: 0 }];
      const seed = mock.writeFile(join(folder, 'seeds/a.txt'), text);
      const api = activate(context() as unknown as vscode.ExtensionContext);
      await api.seeds.getChildren();
      await new Promise((resolve) => setTimeout(resolve, 10));
      const kept = mock.files.get(vscode.Uri.file('/storage/ws/seed-headers.json').toString());
      expect(JSON.parse(new TextDecoder().decode(kept?.bytes)).headers).toEqual({
        [seed.toString()]: { key: expect.stringMatching(/^m[\d.]+:32$/), header: { date: '2020-05-25', headline: 'Headline' }, size: 32 },
      });
      for (const disposable of subscriptions) disposable.dispose();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
