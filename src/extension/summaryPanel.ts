import * as vscode from 'vscode';
import { renderHtml } from '../analysis/report/html';
import { toDocumentJson } from '../analysis/report/json';
import { renderMarkdown } from '../analysis/report/markdown';
import { summarise, type Summary } from '../analysis/summary';
import type { Analysis } from '../analysis/types';
import { parseWebviewMessage, type UpdateMessage } from '../webview/protocol';
import type { AnalysisCache } from './analysisCache';
import { DEFAULT_LANGUAGES, readConfiguration } from './configuration';
import { createNonce, renderPanelBody, renderPanelHtml, type PanelHtmlOptions } from './panelHtml';

// The summary panel: one webview beside the editor showing the active article (or, pinned, one
// article). The first render sets the page; later ones post the new content, throttled, and are
// skipped when the document version has not changed. Messages from the webview are untrusted.

const VIEW_TYPE = 'newsReview.summary';
/** Later renders wait this long, so typing does not re-render on every keystroke. */
const RENDER_THROTTLE_MS = 300;


export class SummaryPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private panelSubscriptions: vscode.Disposable[] = [];
  private document: vscode.TextDocument | undefined;
  private pinned = false;
  /** What the webview shows (`<uri>@<version>|<pinned>` and the analysis), or undefined when it needs the whole page. */
  private rendered: { key: string; analysis: Analysis | undefined } | undefined;
  private renderTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly log: vscode.LogOutputChannel;
  private readonly ownsLog: boolean;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly cache: AnalysisCache,
    log?: vscode.LogOutputChannel,
  ) {
    this.ownsLog = !log;
    this.log = log ?? vscode.window.createOutputChannel('News Review', { log: true });
  }

  /** Opens the panel beside the editor (or reveals it) for `document`, default the active editor's. */
  show(document?: vscode.TextDocument): void {
    const editor = vscode.window.activeTextEditor;
    const target = document ?? editor?.document ?? this.document;
    if (!this.panel) this.panel = this.createPanel();
    // Shown in the active editor's own column, the panel would cover the article it is asked to summarise.
    else this.panel.reveal(editor?.viewColumn !== undefined && editor.viewColumn === this.panel.viewColumn ? vscode.ViewColumn.Beside : undefined, true);
    this.setDocument(target);
  }

  /** Saves the summary of the panel's article (or the active editor's) as Markdown, JSON or HTML. */
  async exportSummary(): Promise<void> {
    const document = this.document ?? vscode.window.activeTextEditor?.document;
    if (!document) {
      void vscode.window.showInformationMessage('Open an article to export its summary.');
      return;
    }
    const target = await vscode.window.showSaveDialog({
      defaultUri: defaultExportUri(document.uri),
      filters: { Markdown: ['md'], JSON: ['json'], HTML: ['html', 'htm'] },
      saveLabel: 'Export Summary',
      title: 'Export Summary',
    });
    if (!target) return;
    // Analysed after the dialog: the article may have been edited meanwhile.
    const analysis = this.analyse(document);
    if (!analysis) {
      void vscode.window.showWarningMessage('This article could not be analysed; see the "News Review" output.');
      return;
    }
    const file = vscode.workspace.asRelativePath(document.uri, false);
    const summary = summarise(analysis);
    try {
      const text = renderExport(exportFormat(target.path), summary, analysis, file);
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
    } catch (error) {
      this.log.error(`Export to ${target.toString()} failed: ${describe(error)}`);
      void vscode.window.showErrorMessage(`Could not export the summary: ${describe(error)}`);
      return;
    }
    const open = await vscode.window.showInformationMessage(`Summary exported to ${baseName(target.path)}.`, 'Open');
    if (open === 'Open') await vscode.window.showTextDocument(target);
  }

  dispose(): void {
    this.panel?.dispose();
    this.disposePanelState();
    if (this.ownsLog) this.log.dispose();
  }

  private createPanel(): vscode.WebviewPanel {
    const panel = vscode.window.createWebviewPanel(
      VIEW_TYPE,
      'News Review',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      {
        enableScripts: true,
        enableFindWidget: true,
        localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media'), vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview')],
      },
    );
    this.panelSubscriptions.push(
      panel.onDidDispose(() => {
        this.panel = undefined;
        this.disposePanelState();
      }),
      // A hidden webview is discarded; when it shows again it needs the whole page.
      panel.onDidChangeViewState(({ webviewPanel }) => {
        if (!webviewPanel.visible) return;
        this.rendered = undefined;
        this.render();
      }),
      panel.webview.onDidReceiveMessage((message) => void this.onMessage(message)),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (!this.pinned && editor && isArticle(editor.document)) this.setDocument(editor.document);
      }),
      this.cache.onDidChange((uri) => {
        if (this.document && uri.toString() === this.document.uri.toString()) this.scheduleRender();
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === this.document && event.contentChanges.length > 0) this.scheduleRender();
      }),
    );
    return panel;
  }

  private disposePanelState(): void {
    clearTimeout(this.renderTimer);
    this.renderTimer = undefined;
    this.rendered = undefined;
    this.panelSubscriptions.forEach((d) => d.dispose());
    this.panelSubscriptions = [];
  }

  private setDocument(document: vscode.TextDocument | undefined): void {
    this.document = document;
    // Another article (or the first render) shows at once; only edits are throttled.
    clearTimeout(this.renderTimer);
    this.renderTimer = undefined;
    this.render();
  }

  private scheduleRender(): void {
    if (this.renderTimer) return;
    this.renderTimer = setTimeout(() => {
      this.renderTimer = undefined;
      this.render();
    }, RENDER_THROTTLE_MS);
  }

  private render(): void {
    const panel = this.panel;
    if (!panel || !panel.visible) return;
    const document = this.document;
    const tooLarge = document !== undefined && document.getText().length > this.cache.maxFileSizeBytes;
    // The cache hands back the same object until the version or the lexicon changes.
    const analysis = document && !tooLarge ? this.analyse(document) : undefined;
    const key = `${document ? `${document.uri.toString()}@${document.version}` : '-'}|${this.pinned}`;
    if (this.rendered?.key === key && this.rendered.analysis === analysis) return;

    const options = this.contentFor(document, analysis, tooLarge);
    panel.title = options.title;
    const rendered = { key, analysis };
    const firstRender = !this.rendered;
    this.rendered = rendered;
    if (firstRender) {
      const webview = panel.webview;
      webview.html = renderPanelHtml(options.summary, {
        ...options.body,
        cspSource: webview.cspSource,
        nonce: createNonce(),
        scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview', 'panel.js')).toString(),
        styleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'panel.css')).toString(),
      });
      return;
    }
    const message: UpdateMessage = { type: 'update', html: renderPanelBody(options.summary, options.body), article: options.body.article ?? '' };
    void Promise.resolve(panel.webview.postMessage(message)).then((delivered) => {
      // Not delivered (the page was reloading): unless a newer render went out, send the whole page next time.
      if (!delivered && this.rendered === rendered) this.rendered = undefined;
    });
  }

  private contentFor(
    document: vscode.TextDocument | undefined,
    analysis: Analysis | undefined,
    tooLarge: boolean,
  ): {
    summary: Summary | null;
    title: string;
    body: Omit<PanelHtmlOptions, 'cspSource' | 'nonce' | 'scriptUri' | 'styleUri'>;
  } {
    const base = { pinned: this.pinned };
    if (!document) return { summary: null, title: 'News Review', body: base };
    const file = vscode.workspace.asRelativePath(document.uri, false);
    const article = document.uri.toString();
    if (tooLarge) {
      const notice = `${baseName(document.uri.path)} is larger than the newsReview.maxFileSizeMB setting, so it is not analysed.`;
      return { summary: null, title: 'News Review', body: { ...base, article, file, notice } };
    }
    if (!analysis) {
      return { summary: null, title: 'News Review', body: { ...base, article, file, notice: 'This article could not be analysed; see the "News Review" output.' } };
    }
    const summary = summarise(analysis);
    const headline = summary.headline?.trim() || baseName(document.uri.path);
    return {
      summary,
      title: `${this.pinned ? 'Pinned: ' : ''}${truncate(headline, 40)}`,
      body: { ...base, article, file, entities: analysis.entities },
    };
  }

  private analyse(document: vscode.TextDocument): Analysis | undefined {
    try {
      return this.cache.analyseDocument(document);
    } catch (error) {
      this.log.error(`Analysing ${document.uri.toString()} failed: ${describe(error)}`);
      return undefined;
    }
  }

  private async onMessage(raw: unknown): Promise<void> {
    const document = this.document;
    const parsed = parseWebviewMessage(raw, document ? document.getText().length : 0);
    if (!parsed.ok) {
      this.log.warn(`Ignored a message from the summary panel: ${parsed.reason}`);
      return;
    }
    const message = parsed.message;
    if (message.type === 'togglePin') {
      this.pinned = !this.pinned;
      const active = vscode.window.activeTextEditor?.document;
      if (!this.pinned && active && isArticle(active)) this.document = active;
      this.render();
    } else if (message.type === 'export') {
      await this.exportSummary();
    } else if (document) {
      await this.reveal(document, message.start, message.end);
    } else {
      this.log.warn('Ignored a reveal from the summary panel: no article is shown.');
    }
  }

  private async reveal(document: vscode.TextDocument, start: number, end: number): Promise<void> {
    const target = document.isClosed ? await vscode.workspace.openTextDocument(document.uri) : document;
    const range = new vscode.Range(target.positionAt(start), target.positionAt(end));
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === target.uri.toString());
    // Never open the article in the panel's own group.
    const column = visible?.viewColumn ?? (this.panel?.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One);
    const editor = await vscode.window.showTextDocument(target, { viewColumn: column, selection: range, preserveFocus: false });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
}

export type ExportFormat = 'md' | 'json' | 'html';

export function exportFormat(path: string): ExportFormat {
  const lower = path.toLowerCase();
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.html') || lower.endsWith('.htm')) return 'html';
  return 'md';
}

export function renderExport(format: ExportFormat, summary: Summary, analysis: Analysis, file: string): string {
  if (format === 'json') return `${JSON.stringify({ ...toDocumentJson(file, analysis), summary }, null, 1)}\n`;
  if (format === 'html') return renderHtml(summary, file, { entities: analysis.entities });
  return renderMarkdown(summary, file);
}

/** Languages the panel follows: the highlight languages (plain text, Markdown, news by default). */
function isArticle(document: vscode.TextDocument): boolean {
  if (document.uri.scheme === 'output' || document.uri.scheme === 'vscode-scm') return false;
  const languages = readConfiguration(document.uri).highlight.languages;
  return (languages.length ? languages : DEFAULT_LANGUAGES).includes(document.languageId);
}

function defaultExportUri(uri: vscode.Uri): vscode.Uri | undefined {
  if (uri.scheme === 'untitled') return vscode.workspace.workspaceFolders?.[0] && vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, 'summary.md');
  return uri.with({ path: `${uri.path.replace(/\.[^./]*$/, '')}.summary.md` });
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
