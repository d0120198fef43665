import * as vscode from 'vscode';
import { AnalysisCache } from './analysisCache';
import { localFiles } from './articleFiles';
import { registerCommands } from './commands';
import { affects, type Configuration, readConfiguration } from './configuration';
import { CONFIG_SECTION, Settings, Views } from './constants';
import { HighlightController } from './decorations';
import { HeaderStore } from './headerStore';
import { EntityHoverProvider } from './hover';
import { LexiconLoader } from './lexiconLoader';
import { SeedsTreeProvider } from './seedsTree';
import { SummaryPanel } from './summaryPanel';

// Activation only builds and registers: no file is read and nothing is analysed until a view, an
// editor or a command asks (the first highlights are drawn after activate returns).

/** What `activate` returns: the live models, for the integration tests. */
export interface NewsReviewApi {
  seeds: SeedsTreeProvider;
  highlights: HighlightController;
}

export function activate(context: vscode.ExtensionContext): NewsReviewApi {
  let config = readConfiguration();
  // No folder open, no storage: nothing to list either.
  const headers = context.storageUri && new HeaderStore(context.storageUri, context.extension.packageJSON.version as string);
  const cache = new AnalysisCache(config.maxFileSizeBytes, localFiles, headers);
  const lexicon = new LexiconLoader(cache, config.lexicon);
  const tree = new SeedsTreeProvider(cache, config);
  const treeView = vscode.window.createTreeView(Views.seeds, { treeDataProvider: tree, showCollapseAll: true });
  const explorerView = vscode.window.createTreeView(Views.explorerSeeds, { treeDataProvider: tree, showCollapseAll: true });
  const highlights = new HighlightController(cache, config);
  const log = vscode.window.createOutputChannel('News Review', { log: true });
  const panel = new SummaryPanel(context.extensionUri, cache, log);

  let hover: vscode.Disposable | undefined;
  const registerHover = () => {
    hover?.dispose();
    const selector = config.highlight.languages.map((language) => ({ language }));
    hover = vscode.languages.registerHoverProvider(selector, new EntityHoverProvider(cache, () => config));
  };
  registerHover();

  const onConfiguration = (event: vscode.ConfigurationChangeEvent) => {
    if (!event.affectsConfiguration(CONFIG_SECTION)) return;
    const previous: Configuration = config;
    config = readConfiguration();
    if (affects(event, Settings.maxFileSizeMB)) cache.setMaxFileSize(config.maxFileSizeBytes);
    if (affects(event, Settings.lexicon)) lexicon.setSettingLexicon(config.lexicon);
    if (affects(event, Settings.seedsGlob) || affects(event, Settings.groupBy)) tree.configure(config);
    if (affects(event, 'highlight') || affects(event, Settings.maxFileSizeMB)) highlights.configure(config);
    if (config.highlight.languages.join() !== previous.highlight.languages.join()) registerHover();
  };

  context.subscriptions.push(
    log,
    cache,
    lexicon,
    tree,
    treeView,
    explorerView,
    highlights,
    panel,
    { dispose: () => hover?.dispose() },
    vscode.workspace.onDidChangeConfiguration(onConfiguration),
    vscode.workspace.onDidChangeWorkspaceFolders(() => tree.refresh()),
    tree.onDidChangeMessage((message) => (treeView.message = explorerView.message = message)),
    ...registerCommands({ cache, tree, treeViews: [treeView, explorerView], panel, config: () => config }),
  );
  return { seeds: tree, highlights };
}

export function deactivate(): void {}
