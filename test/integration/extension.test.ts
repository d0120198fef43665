/// <reference types="mocha" />
// Runs inside a real VS Code (see .vscode-test.mjs) on test/integration/workspace: the real
// commands, the Seeds tree and the highlights, end to end through the extension's activation.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands, EXTENSION_ID, Views } from '../../src/extension/constants';
import type { NewsReviewApi } from '../../src/extension/extension';
import type { ArticleNode, SeedNode } from '../../src/extension/seedsTree';

const ARTICLE = 'seeds/harbour-clashes.txt';

function workspaceUri(path: string): vscode.Uri {
  return vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, path);
}

async function until<T>(get: () => T | undefined | Promise<T | undefined>, what: string, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await get();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('News Review in VS Code', () => {
  let api: NewsReviewApi;

  before(async () => {
    const extension = vscode.extensions.getExtension<NewsReviewApi>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    api = await extension.activate();
  });

  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('registers every command it contributes', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const contributed = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.commands as { command: string }[];
    for (const { command } of contributed) assert.ok(registered.has(command), `${command} is registered`);
    for (const command of Object.values(Commands)) assert.ok(registered.has(command), `${command} is registered`);
  });

  it('lists the seeds, newest first, with their groups', async () => {
    await vscode.commands.executeCommand(`${Views.seeds}.focus`);
    const articles = await api.seeds.allArticles();
    // The dated article first, the undated one last.
    assert.deepEqual(articles.map((a) => vscode.workspace.asRelativePath(a.uri)), [ARTICLE, 'seeds/border-talks.md']);
    const harbour = articles.find((a) => a.uri.path.endsWith('harbour-clashes.txt')) as ArticleNode;
    assert.equal(api.seeds.getTreeItem(harbour).label, 'Clashes reported near the harbour of Port Sudan');
    assert.equal(api.seeds.getTreeItem(harbour).description, '2021-03-14');
    const groups = await api.seeds.getChildren(harbour);
    assert.deepEqual(
      groups.map((g: SeedNode) => api.seeds.getTreeItem(g).label),
      ['Dates', 'Places', 'Factions', 'Claims'],
    );
  });

  it('reveals the active article in the Seeds view', async () => {
    await vscode.window.showTextDocument(workspaceUri(ARTICLE));
    await vscode.commands.executeCommand(Commands.revealInSeeds);
    const article = await api.seeds.findArticle(workspaceUri(ARTICLE));
    assert.ok(article, 'the article is in the tree');
  });

  it('highlights dates in an opened seed and hovers with the resolved value', async () => {
    const editor = await vscode.window.showTextDocument(workspaceUri(ARTICLE));
    assert.equal(editor.document.languageId, 'news');
    const decorated = await until(() => api.highlights.decorated(editor), 'highlights');
    const dates = decorated.date.map((range) => editor.document.getText(range));
    assert.ok(dates.includes('2021-03-14'), `the dateline is highlighted (got ${dates.join(', ')})`);

    const position = editor.document.positionAt(editor.document.getText().indexOf('2021-03-14') + 2);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, position);
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /\*\*Date\*\*/);
    assert.match(text, /2021-03-14/);
  });

  it('toggles highlights off and on through the setting', async () => {
    const editor = await vscode.window.showTextDocument(workspaceUri(ARTICLE));
    await until(() => api.highlights.decorated(editor), 'highlights');
    await vscode.commands.executeCommand(Commands.toggleHighlights);
    await until(() => (api.highlights.decorated(editor) ? undefined : true), 'highlights cleared');
    assert.equal(vscode.workspace.getConfiguration('newsReview').get('highlight.enabled'), false);
    await vscode.commands.executeCommand(Commands.toggleHighlights);
    await until(() => api.highlights.decorated(editor), 'highlights back');
  });

  it('copies the active article as Markdown', async () => {
    await vscode.window.showTextDocument(workspaceUri(ARTICLE));
    await vscode.env.clipboard.writeText('');
    await vscode.commands.executeCommand(Commands.copyAsMarkdown);
    assert.match(await vscode.env.clipboard.readText(), /^# Clashes reported near the harbour of Port Sudan/);
  });

  it('summarises all seeds into an untitled Markdown document, writing no file', async () => {
    await vscode.commands.executeCommand(Commands.summariseAllSeeds);
    const editor = await until(() => {
      const active = vscode.window.activeTextEditor;
      return active?.document.isUntitled && active.document.languageId === 'markdown' ? active : undefined;
    }, 'the corpus report');
    assert.match(editor.document.getText(), /Port Sudan/);
  });

  it('opens the summary panel for the current file', async () => {
    await vscode.window.showTextDocument(workspaceUri(ARTICLE));
    await vscode.commands.executeCommand(Commands.summariseCurrentFile);
    await until(
      () => (vscode.window.tabGroups.all.some((group) => group.tabs.some((tab) => tab.input instanceof vscode.TabInputWebview)) ? true : undefined),
      'the summary panel',
    );
  });
});
