import * as vscode from 'vscode';
import { renderCorpusMarkdown, renderMarkdown } from '../analysis/report/markdown';
import { summarise, summariseCorpus } from '../analysis/summary';
import type { Analysis } from '../analysis/types';
import type { AnalysisCache } from './analysisCache';
import type { Configuration } from './configuration';
import { Commands, CONFIG_SECTION, ContextKeys, LEXICON_DIRECTORY, Settings } from './constants';
import { spanToRange } from './convert';
import { addLexiconEntry, lexiconUri } from './lexiconLoader';
import type { SeedFilter, SeedNode, SeedsTreeProvider } from './seedsTree';

// Every command of the palette and the Seeds view's menus. Handlers take the tree node a menu passes,
// or fall back to the active editor, so the same command works from both places.

/** What the commands need of the summary panel (src/extension/summaryPanel.ts). */
export interface SummaryPanelLike {
  show(document?: vscode.TextDocument): void;
  exportSummary(): Promise<void>;
}

export interface CommandContext {
  cache: AnalysisCache;
  tree: SeedsTreeProvider;
  /** The Seeds view and its Explorer twin: a reveal goes to the one visible (else the first). */
  treeViews: vscode.TreeView<SeedNode>[];
  panel: SummaryPanelLike;
  config: () => Configuration;
}

export function registerCommands(context: CommandContext): vscode.Disposable[] {
  const handlers: Record<string, (...args: any[]) => unknown> = {
    [Commands.summariseCurrentFile]: () => context.panel.show(),
    [Commands.summariseArticle]: async (node?: SeedNode) => {
      const uri = articleUri(node);
      if (uri) context.panel.show(await vscode.workspace.openTextDocument(uri));
    },
    [Commands.summariseAllSeeds]: () => summariseAllSeeds(context),
    [Commands.refreshSeeds]: () => context.tree.refresh(),
    [Commands.toggleHighlights]: () => toggleHighlights(context.config().highlight.enabled),
    [Commands.exportSummary]: () => context.panel.exportSummary(),
    [Commands.revealInSeeds]: (uri?: vscode.Uri) => revealInSeeds(context, uri),
    [Commands.revealInEditor]: async (node?: SeedNode) => {
      const uri = articleUri(node);
      if (uri) await vscode.window.showTextDocument(uri, { preview: false });
    },
    [Commands.addSelectionToLexicon]: () => addSelectionToLexicon(),
    [Commands.filterSeeds]: () => filterSeeds(context),
    [Commands.clearFilter]: () => setFilter(context, undefined),
    [Commands.copyAsMarkdown]: (node?: SeedNode) => copyAsMarkdown(context, node),
    [Commands.openSpan]: (uri: vscode.Uri, start: number, end: number) => openSpan(uri, start, end),
  };
  return Object.entries(handlers).map(([id, handler]) => vscode.commands.registerCommand(id, handler));
}

/** The article a menu was opened on, else the active editor's file. */
function articleUri(node: SeedNode | undefined): vscode.Uri | undefined {
  if (node?.kind === 'article') return node.uri;
  return vscode.window.activeTextEditor?.document.uri;
}

export async function openSpan(uri: vscode.Uri, start: number, end: number): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  const range = spanToRange(document, { start, end });
  const editor = await vscode.window.showTextDocument(document, { selection: range, preserveFocus: false, preview: true });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

async function toggleHighlights(enabled: boolean): Promise<void> {
  const config = vscode.workspace.getConfiguration(CONFIG_SECTION);
  // Change the value where it is set, so a workspace setting is not silently shadowing the toggle.
  const inspected = config.inspect<boolean>(Settings.highlightEnabled);
  const target =
    inspected?.workspaceFolderValue !== undefined
      ? vscode.ConfigurationTarget.WorkspaceFolder
      : inspected?.workspaceValue !== undefined
        ? vscode.ConfigurationTarget.Workspace
        : vscode.ConfigurationTarget.Global;
  await config.update(Settings.highlightEnabled, !enabled, target);
}

async function revealInSeeds(context: CommandContext, uri = vscode.window.activeTextEditor?.document.uri): Promise<void> {
  if (!uri) return void vscode.window.showInformationMessage('News Review: open an article to reveal it in the Seeds view.');
  const article = await context.tree.findArticle(uri);
  if (!article) {
    const why = context.tree.filter ? 'is hidden by the filter' : `does not match newsReview.seedsGlob (${context.config().seedsGlob})`;
    return void vscode.window.showInformationMessage(`News Review: ${vscode.workspace.asRelativePath(uri)} ${why}.`);
  }
  const view = context.treeViews.find((v) => v.visible) ?? context.treeViews[0];
  await view.reveal(article, { select: true, focus: true, expand: true });
}

async function filterSeeds(context: CommandContext): Promise<void> {
  const choices = await context.tree.filterChoices();
  if (choices.length === 0) return void vscode.window.showInformationMessage('News Review: no places or factions found in the seeds yet.');
  const picked = await vscode.window.showQuickPick(
    choices.map(({ filter, articles }) => ({
      label: `$(${filter.type === 'place' ? 'location' : 'organization'}) ${filter.name}`,
      description: `${filter.type} · ${articles} article${articles === 1 ? '' : 's'}`,
      filter,
    })),
    { title: 'Filter Seeds by a place or a faction', placeHolder: 'Show only the articles that name…', matchOnDescription: true },
  );
  if (picked) await setFilter(context, picked.filter);
}

async function setFilter(context: CommandContext, filter: SeedFilter | undefined): Promise<void> {
  context.tree.setFilter(filter);
  await vscode.commands.executeCommand('setContext', ContextKeys.filterActive, filter !== undefined);
}

async function copyAsMarkdown(context: CommandContext, node?: SeedNode): Promise<void> {
  const uri = articleUri(node);
  if (!uri) return void vscode.window.showInformationMessage('News Review: open an article or pick one in the Seeds view.');
  const result = await context.cache.analyseUri(uri);
  if (result.kind !== 'ok') return void vscode.window.showWarningMessage(`News Review: ${vscode.workspace.asRelativePath(uri)} cannot be summarised (${describeFailure(result)}).`);
  await vscode.env.clipboard.writeText(renderMarkdown(summarise(result.analysis), vscode.workspace.asRelativePath(uri)));
  void vscode.window.showInformationMessage('News Review: summary copied as Markdown.');
}

function describeFailure(result: { kind: 'tooLarge'; size: number } | { kind: 'error'; message: string }): string {
  return result.kind === 'tooLarge' ? 'above newsReview.maxFileSizeMB' : result.message;
}

/** Analyse every seed (cancellable between files), then open the corpus report as an untitled Markdown document. */
async function summariseAllSeeds(context: CommandContext): Promise<void> {
  const glob = context.config().seedsGlob;
  const articles = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'News Review: summarising the seeds', cancellable: true },
    async (progress, token) => {
      const uris = (await vscode.workspace.findFiles(glob, undefined, undefined, token)).sort((a, b) => a.path.localeCompare(b.path));
      const analysed: { file: string; analysis: Analysis }[] = [];
      for (const [index, uri] of uris.entries()) {
        if (token.isCancellationRequested) return undefined;
        const file = vscode.workspace.asRelativePath(uri);
        progress.report({ message: `${index + 1}/${uris.length} ${file}`, increment: 100 / uris.length });
        const result = await context.cache.analyseUri(uri);
        if (result.kind === 'ok') analysed.push({ file, analysis: result.analysis });
        await new Promise((resolve) => setTimeout(resolve, 0)); // let the cancel button be heard
      }
      return token.isCancellationRequested ? undefined : analysed;
    },
  );
  if (!articles) return;
  if (articles.length === 0) return void vscode.window.showInformationMessage(`News Review: no seeds found matching ${glob}.`);
  const report = renderCorpusMarkdown(summariseCorpus(articles));
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: report });
  await vscode.window.showTextDocument(document, { preview: false });
}

/** Add the selected words to the workspace lexicon as a faction or a place. */
async function addSelectionToLexicon(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const name = editor?.document.getText(editor.selection).replace(/\s+/g, ' ').trim();
  if (!editor || !name) return void vscode.window.showInformationMessage('News Review: select a name in an article first.');
  if (name.length > 120) return void vscode.window.showWarningMessage('News Review: select a name (at most 120 characters), not a passage.');
  const folder = vscode.workspace.getWorkspaceFolder(editor.document.uri) ?? vscode.workspace.workspaceFolders?.[0];
  if (!folder) return void vscode.window.showWarningMessage('News Review: open a folder to keep a lexicon in it.');
  const kind = await vscode.window.showQuickPick(
    [
      { label: '$(organization) Faction', description: 'a party to the events: armed group, government, force…', entry: 'faction' as const },
      { label: '$(location) Place', description: 'a town, region or country the gazetteer misses', entry: 'place' as const },
    ],
    { title: `Add "${name}" to the lexicon as…` },
  );
  if (!kind) return;
  const uri = lexiconUri(folder);
  let existing: string | undefined;
  try {
    existing = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    existing = undefined; // no lexicon yet: it is created
  }
  let updated: string | undefined;
  try {
    updated = addLexiconEntry(existing, kind.entry, name);
  } catch (error) {
    return void vscode.window.showErrorMessage(`News Review: ${vscode.workspace.asRelativePath(uri)} was left unchanged: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!updated) return void vscode.window.showInformationMessage(`News Review: "${name}" is already in ${vscode.workspace.asRelativePath(uri)}.`);
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(folder.uri, LEXICON_DIRECTORY));
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(updated));
  void vscode.window.showInformationMessage(`News Review: added "${name}" as a ${kind.entry} to ${vscode.workspace.asRelativePath(uri)}.`);
}

