import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as vscode from 'vscode';
import { AnalysisCache } from '../../src/extension/analysisCache';
import { type CommandContext, registerCommands } from '../../src/extension/commands';
import { readConfiguration } from '../../src/extension/configuration';
import { Colors, Commands, ContextKeys, Settings, Views } from '../../src/extension/constants';
import { SeedsTreeProvider } from '../../src/extension/seedsTree';

vi.mock('../../src/analysis/analyse', async () => (await import('./helpers')).fakeAnalyser.module());
// The corpus report is the claims engineer's; here only its wiring is under test.
vi.mock('../../src/analysis/summary', async (original) => ({
  ...(await original<object>()),
  summariseCorpus: (articles: { file: string }[]) => ({ files: articles.map((a) => a.file) }),
}));
vi.mock('../../src/analysis/report/markdown', async (original) => ({
  ...(await original<object>()),
  renderCorpusMarkdown: (corpus: { files: string[] }) => `# Corpus\n\n${corpus.files.join('\n')}`,
}));

const mock = vscode as unknown as typeof import('../mocks/vscode');
const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));

describe('package.json and constants agree', () => {
  it('contributes exactly the commands the extension registers', () => {
    const contributed = manifest.contributes.commands.map((c: { command: string }) => c.command).sort();
    expect(contributed).toEqual(Object.values(Commands).sort());
    for (const command of manifest.contributes.commands) expect(command.category).toBe('News Review');
  });

  it('contributes the views, settings and colours the code uses', () => {
    const views = Object.values(manifest.contributes.views).flat().map((v) => (v as { id: string }).id);
    expect(views.sort()).toEqual([Views.explorerSeeds, Views.seeds].sort());
    expect(Object.keys(manifest.contributes.viewsContainers.activitybar.reduce((a: object, c: { id: string }) => ({ ...a, [c.id]: 1 }), {}))).toEqual([Views.container]);
    const settings = Object.keys(manifest.contributes.configuration.properties).sort();
    expect(settings).toEqual(Object.values(Settings).map((key) => `newsReview.${key}`).sort());
    const colors = manifest.contributes.colors.map((c: { id: string }) => c.id).sort();
    expect(colors).toEqual(Object.values(Colors).sort());
    for (const color of manifest.contributes.colors) expect(Object.keys(color.defaults).sort()).toEqual(['dark', 'highContrast', 'highContrastLight', 'light']);
  });

  it('activates on the highlighted languages (VS Code infers no onLanguage event) and names the context keys its menus use', () => {
    expect(manifest.activationEvents).toEqual(['onLanguage:news', 'onLanguage:plaintext', 'onLanguage:markdown']);
    expect(JSON.stringify(manifest.contributes.menus)).toContain(ContextKeys.filterActive);
  });
});

describe('commands', () => {
  let context: CommandContext;
  let panel: { show: ReturnType<typeof vi.fn<(document?: vscode.TextDocument) => void>>; exportSummary: ReturnType<typeof vi.fn<() => Promise<void>>> };
  let treeView: { reveal: ReturnType<typeof vi.fn>; message?: string; visible: boolean };
  let explorerView: typeof treeView;

  beforeEach(() => {
    mock.resetMock();
    mock.writeFile('/ws/seeds/a.txt', ' date 2020-05-25 First headline\n\nBody.');
    mock.writeFile('/ws/seeds/b.txt', ' date 2020-04-01 Second headline\n\nBody.');
    const cache = new AnalysisCache();
    const config = readConfiguration();
    const tree = new SeedsTreeProvider(cache, config);
    panel = { show: vi.fn<(document?: vscode.TextDocument) => void>(), exportSummary: vi.fn(async () => {}) };
    treeView = { reveal: vi.fn(async () => {}), visible: false };
    explorerView = { reveal: vi.fn(async () => {}), visible: false };
    const views = [treeView, explorerView] as unknown as vscode.TreeView<never>[];
    context = { cache, tree, treeViews: views, panel, config: () => readConfiguration() };
    registerCommands(context);
  });
  afterEach(() => {
    vi.restoreAllMocks();
    context.tree.dispose();
    context.cache.dispose();
  });

  const run = (command: string, ...args: unknown[]) => vscode.commands.executeCommand(command, ...args);

  it('opens and exports the summary through the panel', async () => {
    await run(Commands.summariseCurrentFile);
    expect(panel.show).toHaveBeenCalledWith();
    await run(Commands.exportSummary);
    expect(panel.exportSummary).toHaveBeenCalled();
  });

  it('summarises an article picked in the tree', async () => {
    const [article] = await context.tree.allArticles();
    await run(Commands.summariseArticle, article);
    expect(panel.show.mock.calls[0][0]?.uri.path).toBe('/ws/seeds/a.txt');
  });

  it('copies an article as Markdown', async () => {
    const [article] = await context.tree.allArticles();
    await run(Commands.copyAsMarkdown, article);
    expect(mock.env.clipboard.text).toMatch(/^# First headline/);
  });

  it('filters by a picked name and clears the filter', async () => {
    vi.spyOn(context.tree, 'filterChoices').mockResolvedValue([{ filter: { type: 'place', name: 'Goma' }, articles: 1 }]);
    await run(Commands.filterSeeds);
    expect(context.tree.filter).toEqual({ type: 'place', name: 'Goma' });
    expect(context.tree.message).toBe('Articles naming the place Goma');
    expect(mock.executed).toContainEqual({ command: 'setContext', args: [ContextKeys.filterActive, true] });
    await run(Commands.clearFilter);
    expect(context.tree.filter).toBeUndefined();
    expect(context.tree.message).toBeUndefined();
    expect(mock.executed).toContainEqual({ command: 'setContext', args: [ContextKeys.filterActive, false] });
  });

  it('reveals the active article in the Seeds view', async () => {
    mock.window.activeTextEditor = { document: { uri: vscode.Uri.file('/ws/seeds/b.txt') } };
    await run(Commands.revealInSeeds);
    expect(treeView.reveal.mock.calls[0][0].uri.path).toBe('/ws/seeds/b.txt');
    expect(treeView.reveal.mock.calls[0][1]).toMatchObject({ select: true, focus: true });
    explorerView.visible = true; // the Explorer twin is the one on screen
    await run(Commands.revealInSeeds);
    expect(explorerView.reveal).toHaveBeenCalledTimes(1);
  });

  it('toggles highlights through the setting', async () => {
    await run(Commands.toggleHighlights);
    expect(mock.settings.get('newsReview.highlight.enabled')).toBe(false);
    await run(Commands.toggleHighlights);
    expect(mock.settings.get('newsReview.highlight.enabled')).toBe(true);
  });

  it('adds the selection to the workspace lexicon, creating it and keeping what is there', async () => {
    const document = mock.createTextDocument(vscode.Uri.file('/ws/seeds/a.txt'), 'Fighters of the Wagner Group advanced.');
    const start = document.positionAt(16);
    mock.window.activeTextEditor = { document, selection: new vscode.Range(start, document.positionAt(28)) };
    await run(Commands.addSelectionToLexicon); // the mock quick pick takes the first choice: faction
    const written = () => JSON.parse(new TextDecoder().decode(mock.files.get('file:///ws/.newsreview/lexicon.json')!.bytes));
    expect(written()).toEqual({ factions: [{ name: 'Wagner Group' }] });
    mock.writeFile('/ws/.newsreview/lexicon.json', JSON.stringify({ ignore: ['Reuters'], factions: [{ name: 'JNIM' }] }));
    await run(Commands.addSelectionToLexicon);
    expect(written()).toEqual({ ignore: ['Reuters'], factions: [{ name: 'JNIM' }, { name: 'Wagner Group' }] });
  });

  it('leaves a broken lexicon file untouched', async () => {
    const document = mock.createTextDocument(vscode.Uri.file('/ws/seeds/a.txt'), 'Wagner Group');
    mock.window.activeTextEditor = { document, selection: new vscode.Range(document.positionAt(0), document.positionAt(12)) };
    mock.writeFile('/ws/.newsreview/lexicon.json', '{ broken');
    await run(Commands.addSelectionToLexicon);
    expect(new TextDecoder().decode(mock.files.get('file:///ws/.newsreview/lexicon.json')!.bytes)).toBe('{ broken');
    expect(mock.messages.at(-1)).toMatchObject({ level: 'error', text: expect.stringContaining('left unchanged') });
  });

  it('summarises all seeds into an untitled Markdown document', async () => {
    const shown = vi.spyOn(mock.window, 'showTextDocument');
    await run(Commands.summariseAllSeeds);
    const document = shown.mock.calls[0][0];
    expect(document.languageId).toBe('markdown');
    expect(document.uri.scheme).toBe('untitled');
    expect(document.getText()).toBe('# Corpus\n\nseeds/a.txt\nseeds/b.txt');
  });

  it('stops when the progress notification is cancelled, opening nothing', async () => {
    const shown = vi.spyOn(mock.window, 'showTextDocument');
    vi.spyOn(mock.window, 'withProgress').mockImplementation(async (_options, task) =>
      task({ report: () => {} }, { isCancellationRequested: true, onCancellationRequested: () => new mock.Disposable() }),
    );
    await run(Commands.summariseAllSeeds);
    expect(shown).not.toHaveBeenCalled();
  });

  it('opens a span selected and revealed', async () => {
    const shown = vi.spyOn(mock.window, 'showTextDocument');
    await run(Commands.openSpan, vscode.Uri.file('/ws/seeds/a.txt'), 17, 31);
    const [document, options] = shown.mock.calls[0] as unknown as [ReturnType<typeof mock.createTextDocument>, { selection: vscode.Range }];
    expect(document.getText(options.selection)).toBe('First headline');
  });
});
