import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseDocument } from '../../src/analysis/document';
import type { Analysis } from '../../src/analysis/types';
import type { AnalysisCache } from '../../src/extension/analysisCache';
import { SummaryPanel, exportFormat } from '../../src/extension/summaryPanel';
import * as vscode from '../mocks/vscode';

/* eslint-disable @typescript-eslint/no-explicit-any */

// The summary's choices are the claims engineer's (test/analysis/summary*.test.ts); here every
// claim is listed, so the panel's own behaviour is tested whatever the summariser picks.
vi.mock('../../src/analysis/summary', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/analysis/summary')>();
  return {
    ...actual,
    summarise: (analysis: Analysis) => ({ ...actual.summarise(analysis), claimsBySource: [{ source: null, kind: null, claims: analysis.claims }] }),
  };
});

const TEXT = 'Floods reach the delta\n\nThe river rose overnight, officials said.\n\n"We are ready," the mayor told reporters.';

/** An analysis with one claim per quoted or "said" sentence: enough for the panel, independent of the recognisers. */
function analysisOf(text: string): Analysis {
  const document = parseDocument(text);
  const claims = document.paragraphs.slice(1).map((p) => ({
    start: p.start,
    end: p.end,
    text: text.slice(p.start, p.end),
    cue: 'said',
    hedged: false,
    hedges: [],
    source: null,
    stance: 'asserts' as const,
    quote: false,
  }));
  return { document, date: null, entities: [], claims, parties: [], relations: [] };
}

/** Like AnalysisCache: one analysis object per document version, until `clear` (a new lexicon). */
function fakeCache() {
  const changed = new vscode.EventEmitter<vscode.Uri>();
  const entries = new Map<string, { version: number; analysis: Analysis }>();
  const analyses = vi.fn((text: string) => analysisOf(text));
  const analyseDocument = (document: any) => {
    const entry = entries.get(document.uri.toString());
    if (entry && entry.version === document.version) return entry.analysis;
    const analysis = analyses(document.getText());
    entries.set(document.uri.toString(), { version: document.version, analysis });
    return analysis;
  };
  const cache = { analyseDocument, onDidChange: changed.event, maxFileSizeBytes: 10_000, dispose: () => {} };
  return {
    cache: cache as unknown as AnalysisCache,
    analyseDocument: analyses,
    fireChange: (uri: vscode.Uri) => changed.fire(uri),
    clear: () => entries.clear(),
  };
}

function fakePanel() {
  const disposed = new vscode.EventEmitter<void>();
  const viewState = new vscode.EventEmitter<any>();
  const received = new vscode.EventEmitter<unknown>();
  const posted: any[] = [];
  const panel = {
    title: '',
    visible: true,
    viewColumn: 2,
    /** The arguments of each `reveal`: column, then preserveFocus. */
    reveals: [] as unknown[][],
    reveal: (...args: unknown[]) => void panel.reveals.push(args),
    dispose: () => disposed.fire(),
    onDidDispose: disposed.event,
    onDidChangeViewState: viewState.event,
    webview: {
      html: '',
      cspSource: 'vscode-webview://csp',
      asWebviewUri: (uri: vscode.Uri) => uri.with({ scheme: 'vscode-resource' }),
      postMessage: async (message: unknown) => posted.push(message) > 0,
      onDidReceiveMessage: received.event,
    },
    posted,
    /** A message from the webview, then the extension's async handling. */
    receive: async (message: unknown) => {
      received.fire(message);
      await new Promise((resolve) => setImmediate(resolve));
    },
    setVisible: (visible: boolean) => {
      panel.visible = visible;
      viewState.fire({ webviewPanel: panel });
    },
  };
  return panel;
}

const extensionUri = vscode.Uri.file('/ext') as any;
let panel: ReturnType<typeof fakePanel>;
let createWebviewPanel: ReturnType<typeof vi.fn>;
let activeEditorChanged: vscode.EventEmitter<any>;
let log: { warn: ReturnType<typeof vi.fn>; error: ReturnType<typeof vi.fn>; dispose: () => void };
const window = vscode.window as any;
const original = { ...window };

beforeEach(() => {
  vscode.resetMock();
  panel = fakePanel();
  createWebviewPanel = vi.fn(() => panel);
  activeEditorChanged = new vscode.EventEmitter<any>();
  log = { warn: vi.fn(), error: vi.fn(), dispose: () => {} };
  Object.assign(window, {
    createWebviewPanel,
    createOutputChannel: () => log,
    onDidChangeActiveTextEditor: activeEditorChanged.event,
    showSaveDialog: vi.fn(),
    showTextDocument: vi.fn(async (document: any, options: any) => ({ document, selection: options?.selection, revealRange: vi.fn() })),
    activeTextEditor: undefined,
    visibleTextEditors: [],
  });
});

afterEach(() => {
  Object.assign(window, original);
  vi.useRealTimers();
});

function openArticle(path: string, text = TEXT, languageId = 'plaintext') {
  const document = vscode.createTextDocument(vscode.Uri.file(path), text, languageId);
  vscode.workspace.textDocuments.push(document);
  return document;
}

describe('SummaryPanel.show', () => {
  it('opens one locked-down panel beside the editor for the active article', () => {
    const document = openArticle('/ws/seeds/a.txt');
    window.activeTextEditor = { document };
    const summaryPanel = new SummaryPanel(extensionUri, fakeCache().cache);
    summaryPanel.show();
    summaryPanel.show();
    expect(createWebviewPanel).toHaveBeenCalledTimes(1);
    expect(panel.reveals).toEqual([[undefined, true]]);
    const [, , showOptions, webviewOptions] = createWebviewPanel.mock.calls[0];
    expect(showOptions).toMatchObject({ viewColumn: vscode.ViewColumn.Beside, preserveFocus: true });
    expect(webviewOptions.enableScripts).toBe(true);
    expect(webviewOptions.localResourceRoots.map(String)).toEqual(['file:///ext/media', 'file:///ext/dist/webview']);

    const html = panel.webview.html;
    const nonce = /script-src 'nonce-([^']+)'/.exec(html)?.[1];
    expect(nonce).toBeTruthy();
    expect(html).toContain(`<script nonce="${nonce}" src="vscode-resource:///ext/dist/webview/panel.js">`);
    expect(html).toContain('href="vscode-resource:///ext/media/panel.css"');
    expect(html).toContain('The river rose overnight, officials said.');
    expect(panel.title).toBe('Floods reach the delta');
    summaryPanel.dispose();
  });

  it('moves aside rather than cover the article when that is open in the panel\'s own column', () => {
    const document = openArticle('/ws/seeds/a.txt');
    window.activeTextEditor = { document, viewColumn: 1 };
    const summaryPanel = new SummaryPanel(extensionUri, fakeCache().cache);
    summaryPanel.show();
    const other = openArticle('/ws/seeds/b.txt', 'Storm nears the coast\n\nThe wind rose, forecasters said.');
    window.activeTextEditor = { document: other, viewColumn: panel.viewColumn };
    summaryPanel.show();
    expect(panel.reveals).toEqual([[vscode.ViewColumn.Beside, true]]);
    expect(panel.title).toBe('Storm nears the coast');
    // Neither in an editor column (the panel floated out of the window, say): it stays where it is.
    (panel as { viewColumn?: number }).viewColumn = undefined;
    window.activeTextEditor = { document: other };
    summaryPanel.show();
    expect(panel.reveals[1]).toEqual([undefined, true]);
    summaryPanel.dispose();
  });

  it('explains itself when no article is open', () => {
    const summaryPanel = new SummaryPanel(extensionUri, fakeCache().cache);
    summaryPanel.show();
    expect(panel.webview.html).toContain('Open an article');
    summaryPanel.dispose();
  });

  it('does not analyse a file above the size limit', () => {
    const { cache, analyseDocument } = fakeCache();
    const summaryPanel = new SummaryPanel(extensionUri, cache);
    summaryPanel.show(openArticle('/ws/big.txt', 'x'.repeat(20_000)));
    expect(analyseDocument).not.toHaveBeenCalled();
    expect(panel.webview.html).toContain('larger than the newsReview.maxFileSizeMB setting');
    summaryPanel.dispose();
  });

  it('follows the active editor until pinned', async () => {
    const first = openArticle('/ws/seeds/a.txt');
    const second = openArticle('/ws/seeds/b.md', '# Second article\n\nA ceasefire held, the army said.', 'markdown');
    const third = openArticle('/ws/seeds/c.txt', 'Third article\n\nNothing happened.');
    const summaryPanel = new SummaryPanel(extensionUri, fakeCache().cache);
    summaryPanel.show(first);

    activeEditorChanged.fire({ document: second });
    expect(panel.posted.at(-1)).toMatchObject({ type: 'update', article: second.uri.toString() });
    expect(panel.posted.at(-1).html).toContain('A ceasefire held');

    // Output panes and other languages are not articles.
    activeEditorChanged.fire({ document: vscode.createTextDocument(vscode.Uri.parse('output:log'), 'x', 'log') });
    expect(panel.posted).toHaveLength(1);

    await panel.receive({ type: 'togglePin' });
    expect(panel.title).toBe('Pinned: Second article');
    expect(panel.posted.at(-1).html).toContain('aria-pressed="true"');
    const count = panel.posted.length;
    activeEditorChanged.fire({ document: third });
    expect(panel.posted).toHaveLength(count);

    // An explicit request wins over the pin.
    summaryPanel.show(third);
    expect(panel.posted.at(-1)).toMatchObject({ article: third.uri.toString() });
    summaryPanel.dispose();
  });

  it('re-renders edits throttled, and skips unchanged versions', async () => {
    vi.useFakeTimers();
    const document = openArticle('/ws/seeds/a.txt');
    const { cache, analyseDocument, fireChange } = fakeCache();
    const summaryPanel = new SummaryPanel(extensionUri, cache);
    summaryPanel.show(document);
    expect(analyseDocument).toHaveBeenCalledTimes(1);

    fireChange(document.uri);
    await vi.advanceTimersByTimeAsync(1000);
    expect(analyseDocument).toHaveBeenCalledTimes(1);
    expect(panel.posted).toHaveLength(0);

    // Three edits in quick succession: one render, of the last version.
    for (const version of [2, 3, 4]) {
      document.version = version;
      document.getText = () => `${TEXT}\n\nEdit number ${version}, a witness said.`;
      fireChange(document.uri);
      await vi.advanceTimersByTimeAsync(50);
    }
    await vi.advanceTimersByTimeAsync(1000);
    expect(panel.posted).toHaveLength(1);
    expect(panel.posted[0].html).toContain('Edit number 4');
    expect(panel.posted[0].html).not.toContain('Edit number 3');

    // Another document's change is not this panel's business.
    fireChange(vscode.Uri.file('/ws/other.txt'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(panel.posted).toHaveLength(1);
    summaryPanel.dispose();
  });

  it('re-renders a new analysis of the same version (a new lexicon)', async () => {
    vi.useFakeTimers();
    const document = openArticle('/ws/seeds/a.txt');
    const { cache, analyseDocument, fireChange, clear } = fakeCache();
    const summaryPanel = new SummaryPanel(extensionUri, cache);
    summaryPanel.show(document);
    clear();
    fireChange(document.uri);
    await vi.advanceTimersByTimeAsync(1000);
    expect(analyseDocument).toHaveBeenCalledTimes(2);
    expect(panel.posted).toHaveLength(1);
    summaryPanel.dispose();
  });

  it('re-sends the whole page when a hidden panel shows again', () => {
    const document = openArticle('/ws/seeds/a.txt');
    const summaryPanel = new SummaryPanel(extensionUri, fakeCache().cache);
    summaryPanel.show(document);
    const firstPage = panel.webview.html;
    panel.setVisible(false);
    panel.setVisible(true);
    expect(panel.webview.html).not.toBe(firstPage); // a fresh nonce
    expect(panel.webview.html).toContain('Floods reach the delta');
    summaryPanel.dispose();
  });

  it('stops listening once the panel is closed', () => {
    const document = openArticle('/ws/seeds/a.txt');
    const { cache, analyseDocument } = fakeCache();
    const summaryPanel = new SummaryPanel(extensionUri, cache);
    summaryPanel.show(document);
    panel.dispose();
    activeEditorChanged.fire({ document: openArticle('/ws/seeds/b.txt', 'Other\n\nText.') });
    expect(analyseDocument).toHaveBeenCalledTimes(1);
    summaryPanel.dispose();
  });
});

describe('messages from the webview', () => {
  it('reveals and selects a valid span in the article', async () => {
    const document = openArticle('/ws/seeds/a.txt');
    const summaryPanel = new SummaryPanel(extensionUri, fakeCache().cache);
    summaryPanel.show(document);
    const start = TEXT.indexOf('The river');
    await panel.receive({ type: 'reveal', start, end: start + 9 });
    expect(window.showTextDocument).toHaveBeenCalledTimes(1);
    const [shown, options] = window.showTextDocument.mock.calls[0];
    expect(shown).toBe(document);
    expect(options.viewColumn).not.toBe(panel.viewColumn);
    expect(options.selection.start).toEqual(document.positionAt(start));
    expect(options.selection.end).toEqual(document.positionAt(start + 9));
    expect(options.selection.start.line).toBe(2);
    summaryPanel.dispose();
  });

  it('ignores and logs unknown types, bad fields and out-of-range offsets', async () => {
    const document = openArticle('/ws/seeds/a.txt');
    const summaryPanel = new SummaryPanel(extensionUri, fakeCache().cache);
    summaryPanel.show(document);
    const bad = [
      { type: 'runCommand', command: 'workbench.action.terminal.new' },
      { type: 'reveal', start: '0', end: 5 },
      { type: 'reveal', start: 0, end: TEXT.length + 1 },
      { type: 'reveal', start: -3, end: 2 },
      'reveal',
      null,
    ];
    for (const message of bad) await panel.receive(message);
    expect(window.showTextDocument).not.toHaveBeenCalled();
    expect(window.showSaveDialog).not.toHaveBeenCalled();
    expect(log.warn).toHaveBeenCalledTimes(bad.length);
    summaryPanel.dispose();
  });
});

describe('SummaryPanel.exportSummary', () => {
  async function exportTo(path: string | undefined) {
    const document = openArticle('/ws/seeds/a.txt');
    window.activeTextEditor = { document };
    window.showSaveDialog.mockResolvedValue(path && vscode.Uri.file(path));
    const summaryPanel = new SummaryPanel(extensionUri, fakeCache().cache);
    await summaryPanel.exportSummary();
    summaryPanel.dispose();
    const written = path && vscode.files.get(vscode.Uri.file(path).toString());
    return written ? new TextDecoder().decode(written.bytes) : undefined;
  }

  it('offers Markdown, JSON and HTML next to the article', async () => {
    await exportTo(undefined);
    const [options] = window.showSaveDialog.mock.calls[0];
    expect(Object.values(options.filters).flat()).toEqual(expect.arrayContaining(['md', 'json', 'html']));
    expect(options.defaultUri.toString()).toBe('file:///ws/seeds/a.summary.md');
  });

  it('writes nothing when cancelled', async () => {
    const before = vscode.files.size;
    await exportTo(undefined);
    expect(vscode.files.size).toBe(before);
  });

  it('writes the format of the chosen extension, and only that file', async () => {
    const html = await exportTo('/ws/out/report.html');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('The river rose overnight');

    const json = JSON.parse((await exportTo('/ws/out/report.json'))!);
    expect(json.file).toBe('seeds/a.txt');
    expect(json.claims).toHaveLength(2);
    expect(json.summary.headline).toBe('Floods reach the delta');

    const markdown = await exportTo('/ws/out/report.md');
    expect(markdown).toMatch(/^# Floods reach the delta/);
    expect([...vscode.files.keys()].sort()).toEqual(['file:///ws/out/report.html', 'file:///ws/out/report.json', 'file:///ws/out/report.md']);
  });

  it('says so when there is no article', async () => {
    const summaryPanel = new SummaryPanel(extensionUri, fakeCache().cache);
    await summaryPanel.exportSummary();
    expect(window.showSaveDialog).not.toHaveBeenCalled();
    expect(vscode.messages.at(-1)?.text).toContain('Open an article');
    summaryPanel.dispose();
  });
});

describe('exportFormat', () => {
  it('picks the format by extension, Markdown by default', () => {
    expect(exportFormat('/a/B.JSON')).toBe('json');
    expect(exportFormat('/a/b.htm')).toBe('html');
    expect(exportFormat('/a/b.md')).toBe('md');
    expect(exportFormat('/a/b')).toBe('md');
  });
});
