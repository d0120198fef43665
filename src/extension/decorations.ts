import * as vscode from 'vscode';
import type { Analysis, EntityType, Span } from '../analysis/types';
import type { AnalysisCache } from './analysisCache';
import type { Configuration } from './configuration';
import { Colors } from './constants';
import { documentLength, spanToRange } from './convert';

// Dates, places and factions as editor decorations. Decoration types are created once (colours are
// theme colours, so a theme change needs no work); an edit redraws only the editors of the edited
// document, after typing pauses; a large document is analysed and decorated only around the lines
// on screen, and again as it scrolls.

export type HighlightToggles = Pick<Configuration['highlight'], 'dates' | 'places' | 'factions'>;

const TYPES: readonly EntityType[] = ['date', 'place', 'faction'];
const TOGGLE: Record<EntityType, keyof HighlightToggles> = { date: 'dates', place: 'places', faction: 'factions' };
const COLORS: Record<EntityType, { background: string; ruler: string }> = {
  date: { background: Colors.dateBackground, ruler: Colors.dateRuler },
  place: { background: Colors.placeBackground, ruler: Colors.placeRuler },
  faction: { background: Colors.factionBackground, ruler: Colors.factionRuler },
};

/** Documents longer than this (UTF-16 units) are analysed and decorated around the visible lines only. */
export const LARGE_DOCUMENT = 200_000;
/** Lines decorated above and below the visible ranges of a large document. */
const MARGIN_LINES = 100;

/** The spans to decorate, by type: the enabled types only. */
export function decorationSpans(analysis: Pick<Analysis, 'entities'>, toggles: HighlightToggles): Record<EntityType, Span[]> {
  const spans: Record<EntityType, Span[]> = { date: [], place: [], faction: [] };
  for (const entity of analysis.entities) {
    if (toggles[TOGGLE[entity.type]]) spans[entity.type].push({ start: entity.start, end: entity.end });
  }
  return spans;
}

export function shouldHighlight(document: Pick<vscode.TextDocument, 'languageId' | 'uri'>, highlight: Configuration['highlight']): boolean {
  return highlight.enabled && highlight.languages.includes(document.languageId) && document.uri.scheme !== 'output';
}

export class HighlightController implements vscode.Disposable {
  private readonly types: Record<EntityType, vscode.TextEditorDecorationType>;
  private readonly noticed = new Set<string>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private visibleRangesListener: vscode.Disposable | undefined;
  private readonly applied = new WeakMap<vscode.TextEditor, Record<EntityType, vscode.Range[]>>();

  constructor(
    private readonly cache: AnalysisCache,
    private config: Configuration,
  ) {
    this.types = Object.fromEntries(
      TYPES.map((type) => [
        type,
        vscode.window.createTextEditorDecorationType({
          backgroundColor: new vscode.ThemeColor(COLORS[type].background),
          overviewRulerColor: new vscode.ThemeColor(COLORS[type].ruler),
          overviewRulerLane: vscode.OverviewRulerLane.Right,
          rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
          borderRadius: '2px',
        }),
      ]),
    ) as Record<EntityType, vscode.TextEditorDecorationType>;
    this.subscriptions.push(
      vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => this.decorate(e))),
      // Fires once typing settles (debounced by the cache), when the file changes on disk, or when
      // the lexicon changes: only the editors showing that document are redrawn.
      cache.onDidChange((uri) => this.redraw(uri)),
    );
    // The first highlights wait until activation has returned.
    const initial = setTimeout(() => this.configure(this.config), 0);
    this.subscriptions.push({ dispose: () => clearTimeout(initial) });
  }

  /** New settings: redraw every visible editor (or clear them when highlighting is off). */
  configure(config: Configuration): void {
    this.config = config;
    // Only large documents need to follow scrolling; listen only while highlighting is on.
    this.visibleRangesListener?.dispose();
    this.visibleRangesListener = config.highlight.enabled
      ? vscode.window.onDidChangeTextEditorVisibleRanges((event) => {
          if (documentLength(event.textEditor.document) > LARGE_DOCUMENT) this.decorate(event.textEditor);
        })
      : undefined;
    vscode.window.visibleTextEditors.forEach((editor) => this.decorate(editor));
  }

  /** Recompute and apply the highlights of one editor now. */
  decorate(editor: vscode.TextEditor): void {
    const document = editor.document;
    if (!shouldHighlight(document, this.config.highlight)) return this.clear(editor);
    const length = documentLength(document);
    if (length > this.cache.maxFileSizeBytes) {
      this.clear(editor);
      return this.noticeTooLarge(document, length);
    }
    const spans =
      length > LARGE_DOCUMENT
        ? this.visibleSpans(editor)
        : decorationSpans(this.cache.analyseDocument(document), this.config.highlight);
    const ranges = { date: [], place: [], faction: [] } as Record<EntityType, vscode.Range[]>;
    for (const type of TYPES) {
      ranges[type] = spans[type].map((span) => spanToRange(document, span));
      editor.setDecorations(this.types[type], ranges[type]);
    }
    this.applied.set(editor, ranges);
  }

  /** The ranges last drawn in an editor, by type (the integration tests read them). */
  decorated(editor: vscode.TextEditor): Record<EntityType, vscode.Range[]> | undefined {
    return this.applied.get(editor);
  }

  dispose(): void {
    this.visibleRangesListener?.dispose();
    this.subscriptions.forEach((d) => d.dispose());
    TYPES.forEach((type) => this.types[type].dispose());
  }

  /** A large document: only the paragraphs on screen (plus a margin) are analysed and decorated. */
  private visibleSpans(editor: vscode.TextEditor): Record<EntityType, Span[]> {
    const spans: Record<EntityType, Span[]> = { date: [], place: [], faction: [] };
    for (const window of visibleLines(editor)) {
      const part = decorationSpans(this.cache.analyseLines(editor.document, window.first, window.last), this.config.highlight);
      for (const type of TYPES) {
        // Windows are sorted; a paragraph shared by two windows gives the same spans twice.
        const last = spans[type].at(-1)?.start ?? -1;
        spans[type].push(...part[type].filter((span) => span.start > last));
      }
    }
    return spans;
  }

  private clear(editor: vscode.TextEditor): void {
    for (const type of TYPES) editor.setDecorations(this.types[type], []);
    this.applied.delete(editor);
  }

  private redraw(uri: vscode.Uri): void {
    const id = uri.toString();
    for (const editor of vscode.window.visibleTextEditors) if (editor.document.uri.toString() === id) this.decorate(editor);
  }

  private noticeTooLarge(document: vscode.TextDocument, length: number): void {
    const id = document.uri.toString();
    if (this.noticed.has(id)) return;
    this.noticed.add(id);
    const mb = (length / 1024 / 1024).toFixed(1);
    void vscode.window.showInformationMessage(
      `News Review: ${vscode.workspace.asRelativePath(document.uri)} (${mb} MB) is above newsReview.maxFileSizeMB; it is not highlighted.`,
    );
  }
}

/** The editor's visible lines widened by a margin, sorted, overlapping windows merged. */
export function visibleLines(editor: Pick<vscode.TextEditor, 'visibleRanges' | 'document'>): { first: number; last: number }[] {
  const lastLine = editor.document.lineCount - 1;
  const windows = [...editor.visibleRanges]
    .map((range) => ({ first: Math.max(0, range.start.line - MARGIN_LINES), last: Math.min(lastLine, range.end.line + MARGIN_LINES) }))
    .sort((a, b) => a.first - b.first);
  const merged: { first: number; last: number }[] = [];
  for (const window of windows) {
    const previous = merged.at(-1);
    if (previous && window.first <= previous.last + 1) previous.last = Math.max(previous.last, window.last);
    else merged.push({ ...window });
  }
  return merged;
}
