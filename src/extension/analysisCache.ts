import * as vscode from 'vscode';
import type { Analyser } from '../analysis/analyse';
import { decodeArticle } from '../analysis/decode';
import { findDateline } from '../analysis/document';
import { type ArticleHeader, headerOf, readHeader } from '../analysis/header';
import type { Analysis, UserLexicon } from '../analysis/types';
import { type ArticleFile, type ArticleFiles, workspaceFiles } from './articleFiles';
import { analysisModule } from './analysisModule';
import { documentLength } from './convert';
import type { HeaderStore, StoredHeader } from './headerStore';

// One Analyser for the open documents of the whole window, so paragraph results are shared between
// the highlights, the hovers, the panel and the tree, and an edit re-analyses only its paragraph.
// Files read from disk are analysed once without it: their paragraphs would only crowd the memo
// (10,000 seeds hold some 40 MB of them). Whole analyses are cached by document version (open
// documents) or by mtime and size (files read from disk).

export type ArticleResult =
  | { kind: 'ok'; analysis: Analysis; size: number; warning?: string }
  | { kind: 'tooLarge'; size: number }
  | { kind: 'error'; message: string };

/** An article read but not analysed yet: what the Seeds view lists it by. */
export interface ListedArticle {
  kind: 'listed';
  header: ArticleHeader;
  size: number;
  warning?: string;
}

/** What `listUri` gives: the analysis when there is one already, else the article as listed. */
export type ArticleState = ArticleResult | ListedArticle;

interface Entry {
  /** `v<version>` for an open document, `m<mtime>:<size>` for a file on disk. */
  key: string;
  result: ArticleResult;
}

/** A file listed and not analysed yet: its header, and its text unless the header came from the header store. */
interface Listed extends StoredHeader {
  text?: string;
}

/** What the highlights and hovers of a large document use: the analysis of some of its paragraphs. */
export type PartialAnalysis = Pick<Analysis, 'entities' | 'parties' | 'relations'>;

/** Part analyses kept per window; a scroll back and forth reuses them. */
const MAX_PARTS = 16;
/** Lines searched up or down for a paragraph break when widening a window. */
const MAX_PARAGRAPH_LINES = 200;

/** How long edits settle before `onDidChange` fires for a document. */
export const EDIT_SETTLE_MS = 250;

export class AnalysisCache implements vscode.Disposable {
  private shared?: Analyser;
  private readonly entries = new Map<string, Entry>();
  /** Files listed (with the key they were read under), their texts kept until analysed: not read twice. */
  private readonly listed = new Map<string, Listed>();
  /** The headers kept for the next window (`headers`): the last window's, read for the first listing, then this one's. */
  private stored: Promise<ReadonlyMap<string, StoredHeader>> | undefined;
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly pendingEdits = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly parts = new Map<string, PartialAnalysis>();
  private lexicon: UserLexicon = {};

  /** Fires (debounced while typing) when what `analyseDocument`/`analyseUri` return for a URI may have changed. */
  readonly onDidChange: vscode.Event<vscode.Uri> = this.changed.event;

  /**
   * @param maxFileSize bytes above which a file is not analysed (`newsReview.maxFileSizeMB`).
   * @param files how files on disk are read (`articleFiles.ts`).
   * @param headers where listings are kept for the next window, if anywhere.
   */
  constructor(
    private maxFileSize = 5 * 1024 * 1024,
    private readonly files: ArticleFiles = workspaceFiles,
    private readonly headers?: HeaderStore,
  ) {
    this.subscriptions.push(
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0) this.editSettled(event.document.uri);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.entries.delete(document.uri.toString())),
    );
  }

  /** Made on the first analysis, which loads the recognisers. */
  private get analyser(): Analyser {
    return (this.shared ??= new (analysisModule().Analyser)());
  }

  /** The analysis of an open document, recomputed only when its version changes. */
  analyseDocument(document: vscode.TextDocument): Analysis {
    const key = `v${document.version}`;
    const id = document.uri.toString();
    const entry = this.entries.get(id);
    if (entry?.key === key && entry.result.kind === 'ok') return entry.result.analysis;
    const text = document.getText();
    const previous = entry?.result.kind === 'ok' ? entry.result.analysis : undefined; // an edit reuses its unchanged paragraphs
    const analysis = this.analyser.analyse(text, { lexicon: this.lexicon }, previous);
    this.entries.set(id, { key, result: { kind: 'ok', analysis, size: text.length } });
    return analysis;
  }

  /**
   * The entities (and parties) of lines `first`..`last` of a large document, widened to whole
   * paragraphs, with document offsets: the cost of a screenful, not of the file. Relative dates
   * resolve against the document's dateline as in a full analysis.
   */
  analyseLines(document: vscode.TextDocument, first: number, last: number): PartialAnalysis {
    const start = paragraphEdge(document, Math.max(0, first), -1);
    const end = paragraphEdge(document, Math.min(document.lineCount - 1, last), 1);
    const key = `${document.uri.toString()}\u0000${document.version}\u0000${start}\u0000${end}`;
    const cached = this.parts.get(key);
    if (cached) return cached;
    const range = new vscode.Range(start, 0, end, document.lineAt(end).range.end.character);
    const offset = document.offsetAt(range.start);
    const head = document.getText(new vscode.Range(document.positionAt(0), document.positionAt(400)));
    const referenceDate = findDateline(head)?.date?.value;
    const analysis = this.analyser.analyse(document.getText(range), { lexicon: this.lexicon, referenceDate });
    const part: PartialAnalysis = {
      entities: analysis.entities.map((e) => ({ ...e, start: e.start + offset, end: e.end + offset })),
      parties: analysis.parties,
      relations: analysis.relations,
    };
    if (this.parts.size >= MAX_PARTS) this.parts.delete(this.parts.keys().next().value as string);
    this.parts.set(key, part);
    return part;
  }

  /**
   * The analysis of a file, open or not: an open document wins (it may hold unsaved edits); otherwise
   * the bytes are read through `files` (`workspace.fs` unless said otherwise). Never throws.
   */
  analyseUri(uri: vscode.Uri): Promise<ArticleResult> {
    return this.read(uri, true) as Promise<ArticleResult>;
  }

  /**
   * As `analyseUri`, but a file on disk not analysed yet is only read for its header (date and
   * headline): a list of thousands shows in a fraction of the time their analyses take.
   */
  listUri(uri: vscode.Uri): Promise<ArticleState> {
    return this.read(uri, false);
  }

  private async read(uri: vscode.Uri, analysed: boolean): Promise<ArticleState> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) {
      const size = documentLength(open);
      if (size > this.maxFileSize) return { kind: 'tooLarge', size };
      return { kind: 'ok', analysis: this.analyseDocument(open), size };
    }
    const id = uri.toString();
    let file: ArticleFile | undefined;
    try {
      const listedBefore = this.listed.get(id);
      const known = this.entries.has(id) || listedBefore !== undefined;
      const stored = analysed || known || !this.headers ? undefined : (await (this.stored ??= this.headers.load())).get(id);
      // A file read before (or listed from the last window's headers) is most often unchanged, which a
      // stat tells; one to read now is opened, its stat and bytes read from one opening.
      const toRead = analysed ? !this.entries.has(id) && listedBefore?.text === undefined : !known && !stored;
      const stat = toRead ? (file = await this.files.open(uri)) : await this.files.stat(uri);
      const key = `m${stat.mtime}:${stat.size}`;
      const entry = this.entries.get(id);
      if (entry?.key === key) return entry.result;
      if (stat.size > this.maxFileSize) return this.keep(id, key, { kind: 'tooLarge', size: stat.size });
      // Listed under this key already: by the last window (no text kept), or by a listing of this one.
      const listed = [stored, listedBefore].find((candidate): candidate is Listed => candidate?.key === key);
      if (listed && !analysed) return this.list(id, listed);
      let { text, size, warning } = listed ?? { text: undefined, size: 0, warning: undefined };
      if (text === undefined) {
        file ??= await this.files.open(uri);
        const bytes = await file.read();
        const decoded = decodeArticle(bytes);
        if ('error' in decoded) return this.keep(id, key, { kind: 'error', message: decoded.error });
        ({ text, warning } = decoded);
        size = bytes.length;
        if (!analysed) return this.list(id, { key, text, size, warning, header: readHeader(text) });
      }
      this.listed.delete(id);
      return this.keep(id, key, { kind: 'ok', analysis: analysisModule().analyse(text, { lexicon: this.lexicon }), size, warning });
    } catch (error) {
      return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
    } finally {
      void file?.close().catch(() => undefined); // nothing is left to read from it
    }
  }

  /** Keeps the headers of `uris` (as listed, or as analysed) for the next window, once they are listed. */
  async keepHeaders(uris: readonly vscode.Uri[]): Promise<void> {
    if (!this.headers) return;
    const before = await this.stored;
    const headers = new Map<string, StoredHeader>();
    for (const uri of uris) {
      const id = uri.toString();
      const listed = this.listed.get(id);
      const entry = this.entries.get(id);
      if (listed) headers.set(id, { key: listed.key, header: listed.header, size: listed.size, warning: listed.warning });
      else if (entry?.result.kind === 'ok' && entry.key.startsWith('m')) {
        headers.set(id, { key: entry.key, header: headerOf(entry.result.analysis), size: entry.result.size, warning: entry.result.warning });
      }
    }
    this.stored = Promise.resolve(headers);
    if (!sameKeys(before, headers)) await this.headers.save(headers);
  }

  private list(id: string, listed: Listed): ListedArticle {
    this.listed.set(id, listed);
    return { kind: 'listed', header: listed.header, size: listed.size, warning: listed.warning };
  }

  private keep(id: string, key: string, result: ArticleResult): ArticleResult {
    this.entries.set(id, { key, result });
    return result;
  }

  /** The last result computed for a URI, without any work. */
  peek(uri: vscode.Uri): ArticleResult | undefined {
    return this.entries.get(uri.toString())?.result;
  }

  /** Forget a file (changed or deleted on disk) and tell listeners. */
  invalidate(uri: vscode.Uri): void {
    this.entries.delete(uri.toString());
    this.listed.delete(uri.toString());
    this.changed.fire(uri);
  }

  /** Analyse with a new user lexicon from now on; every cached analysis is stale. */
  setLexicon(lexicon: UserLexicon): void {
    if (lexicon === this.lexicon) return;
    this.lexicon = lexicon;
    this.parts.clear();
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
    this.listed.clear();
    this.parts.clear();
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

/** The nearest line at or beyond `line` (going `step`) next to a blank line, so no paragraph is cut. */
function paragraphEdge(document: vscode.TextDocument, line: number, step: -1 | 1): number {
  const limit = step < 0 ? Math.max(0, line - MAX_PARAGRAPH_LINES) : Math.min(document.lineCount - 1, line + MAX_PARAGRAPH_LINES);
  for (let at = line; at !== limit; at += step) {
    if (document.lineAt(at + step).isEmptyOrWhitespace) return at;
  }
  return limit;
}

/** Whether both hold the same files under the same keys: then the kept headers need no new copy. */
function sameKeys(before: ReadonlyMap<string, StoredHeader> | undefined, now: ReadonlyMap<string, StoredHeader>): boolean {
  if (before?.size !== now.size) return false;
  for (const [id, header] of now) if (before.get(id)?.key !== header.key) return false;
  return true;
}
