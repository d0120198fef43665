import * as vscode from 'vscode';
import { Analyser } from '../analysis/analyse';
import { decodeArticle } from '../analysis/decode';
import type { Analysis, UserLexicon } from '../analysis/types';
import { documentLength } from './convert';

// One Analyser for the whole window, so paragraph results are shared between the tree, the
// highlights, the hovers and the panel; whole analyses are cached by document version (open
// documents) or by mtime and size (files read from disk).

export type ArticleResult =
  | { kind: 'ok'; analysis: Analysis; size: number; warning?: string }
  | { kind: 'tooLarge'; size: number }
  | { kind: 'error'; message: string };

interface Entry {
  /** `v<version>` for an open document, `m<mtime>:<size>` for a file on disk. */
  key: string;
  result: ArticleResult;
}

/** How long edits settle before `onDidChange` fires for a document. */
export const EDIT_SETTLE_MS = 250;

export class AnalysisCache implements vscode.Disposable {
  private readonly analyser = new Analyser();
  private readonly entries = new Map<string, Entry>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly pendingEdits = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private lexicon: UserLexicon = {};

  /** Fires (debounced while typing) when what `analyseDocument`/`analyseUri` return for a URI may have changed. */
  readonly onDidChange: vscode.Event<vscode.Uri> = this.changed.event;

  /** @param maxFileSize bytes above which a file is not analysed (`newsReview.maxFileSizeMB`). */
  constructor(private maxFileSize = 5 * 1024 * 1024) {
    this.subscriptions.push(
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0) this.editSettled(event.document.uri);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.entries.delete(document.uri.toString())),
    );
  }

  /** The analysis of an open document, recomputed only when its version changes. */
  analyseDocument(document: vscode.TextDocument): Analysis {
    const key = `v${document.version}`;
    const id = document.uri.toString();
    const entry = this.entries.get(id);
    if (entry?.key === key && entry.result.kind === 'ok') return entry.result.analysis;
    const text = document.getText();
    const analysis = this.analyse(text);
    this.entries.set(id, { key, result: { kind: 'ok', analysis, size: text.length } });
    return analysis;
  }

  /**
   * The analysis of a file, open or not: an open document wins (it may hold unsaved edits); otherwise
   * the bytes are read through `workspace.fs`, so remote and virtual workspaces work. Never throws.
   */
  async analyseUri(uri: vscode.Uri): Promise<ArticleResult> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) {
      const size = documentLength(open);
      if (size > this.maxFileSize) return { kind: 'tooLarge', size };
      return { kind: 'ok', analysis: this.analyseDocument(open), size };
    }
    const id = uri.toString();
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      const key = `m${stat.mtime}:${stat.size}`;
      const entry = this.entries.get(id);
      if (entry?.key === key) return entry.result;
      const result = stat.size > this.maxFileSize ? { kind: 'tooLarge' as const, size: stat.size } : this.decode(await vscode.workspace.fs.readFile(uri));
      this.entries.set(id, { key, result });
      return result;
    } catch (error) {
      return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
    }
  }

  /** The last result computed for a URI, without any work. */
  peek(uri: vscode.Uri): ArticleResult | undefined {
    return this.entries.get(uri.toString())?.result;
  }

  /** Forget a file (changed or deleted on disk) and tell listeners. */
  invalidate(uri: vscode.Uri): void {
    this.entries.delete(uri.toString());
    this.changed.fire(uri);
  }

  /** Analyse with a new user lexicon from now on; every cached analysis is stale. */
  setLexicon(lexicon: UserLexicon): void {
    if (lexicon === this.lexicon) return;
    this.lexicon = lexicon;
    const uris = [...this.entries.keys()];
    this.entries.clear();
    for (const id of uris) this.changed.fire(vscode.Uri.parse(id));
  }

  setMaxFileSize(bytes: number): void {
    if (bytes === this.maxFileSize) return;
    this.maxFileSize = bytes;
    const uris = [...this.entries.keys()];
    this.entries.clear();
    for (const id of uris) this.changed.fire(vscode.Uri.parse(id));
  }

  get maxFileSizeBytes(): number {
    return this.maxFileSize;
  }

  dispose(): void {
    for (const timer of this.pendingEdits.values()) clearTimeout(timer);
    this.pendingEdits.clear();
    this.subscriptions.forEach((d) => d.dispose());
    this.changed.dispose();
    this.entries.clear();
  }

  private analyse(text: string): Analysis {
    return this.analyser.analyse(text, { lexicon: this.lexicon });
  }

  private decode(bytes: Uint8Array): ArticleResult {
    const decoded = decodeArticle(bytes);
    if ('error' in decoded) return { kind: 'error', message: decoded.error };
    return { kind: 'ok', analysis: this.analyse(decoded.text), size: bytes.length, warning: decoded.warning };
  }

  private editSettled(uri: vscode.Uri): void {
    const id = uri.toString();
    clearTimeout(this.pendingEdits.get(id));
    this.pendingEdits.set(
      id,
      setTimeout(() => {
        this.pendingEdits.delete(id);
        this.changed.fire(uri);
      }, EDIT_SETTLE_MS),
    );
  }
}
