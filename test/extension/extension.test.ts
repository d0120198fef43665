import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as vscode from 'vscode';
import { Commands } from '../../src/extension/constants';
import { activate } from '../../src/extension/extension';
import { fakeAnalyser } from './helpers';

vi.mock('../../src/analysis/analyse', async () => (await import('./helpers')).fakeAnalyser.module());

const mock = vscode as unknown as typeof import('../mocks/vscode');

describe('activate', () => {
  beforeEach(() => {
    mock.resetMock();
    fakeAnalyser.calls = 0;
  });

  it('registers every command and view without reading or analysing anything (its speed is in the bench)', () => {
    mock.writeFile('/ws/seeds/a.txt', ' date 2020-05-25 Headline\n\nBody.');
    const readFile = vi.spyOn(mock.workspace.fs, 'readFile');
    const findFiles = vi.spyOn(mock.workspace, 'findFiles');
    const createTreeView = vi.spyOn(mock.window, 'createTreeView');
    const context = { subscriptions: [] as { dispose(): unknown }[], extensionUri: vscode.Uri.file('/ext') };

    const api = activate(context as unknown as vscode.ExtensionContext);

    expect(mock.commands.getRegistered().sort()).toEqual(Object.values(Commands).sort());
    expect(createTreeView.mock.calls.map(([id]) => id)).toEqual(['newsReview.seeds', 'newsReview.explorerSeeds']);
    expect(api.seeds).toBeDefined();
    expect(fakeAnalyser.calls).toBe(0);
    expect(findFiles).not.toHaveBeenCalled();
    // Only the lexicon file may be looked for (it does not exist here).
    expect(readFile.mock.calls.every(([uri]) => String(uri).endsWith('.newsreview/lexicon.json'))).toBe(true);

    for (const disposable of context.subscriptions) disposable.dispose();
    expect(mock.commands.getRegistered()).toEqual([]);
    vi.restoreAllMocks();
  });

  it("shows the Seeds views' message in both views", () => {
    const createTreeView = vi.spyOn(mock.window, 'createTreeView');
    const context = { subscriptions: [] as { dispose(): unknown }[], extensionUri: vscode.Uri.file('/ext') };
    const api = activate(context as unknown as vscode.ExtensionContext);
    const views = createTreeView.mock.results.map((r) => r.value as vscode.TreeView<unknown>);
    api.seeds.setFilter({ type: 'place', name: 'Goma' });
    expect(views.map((v) => v.message)).toEqual([api.seeds.message, api.seeds.message]);
    expect(api.seeds.message).toContain('Goma');
    api.seeds.setFilter(undefined);
    expect(views.map((v) => v.message)).toEqual([undefined, undefined]);
    for (const disposable of context.subscriptions) disposable.dispose();
    vi.restoreAllMocks();
  });
});
