import * as vscode from 'vscode';
import type { Analysis, EntityType, Span } from '../analysis/types';
import type { AnalysisCache } from './analysisCache';
import type { Configuration } from './configuration';
import { Colors } from './constants';
import { documentLength, firstEndingAfter, spanToRange } from './convert';

// Dates, places and factions as editor decorations. Decoration types are created once (colours are
// theme colours, so a theme change needs no work); an edit redraws only the editors of the edited
// document, after typing pauses; a large document is decorated around its visible lines only.

export type HighlightToggles = Pick<Configuration['highlight'], 'dates' | 'places' | 'factions'>;

const TYPES: readonly EntityType[] = ['date', 'place', 'faction'];
const TOGGLE: Record<EntityType, keyof HighlightToggles> = { date: 'dates', place: 'places', faction: 'factions' };
const COLORS: Record<EntityType, { background: string; ruler: string }> = {
  date: { background: Colors.dateBackground, ruler: Colors.dateRuler },
  place: { background: Colors.placeBackground, ruler: Colors.placeRuler },
  faction: { background: Colors.factionBackground, ruler: Colors.factionRuler },
};

/** Documents longer than this (UTF-16 units) are decorated around the visible ranges only. */
export const LARGE_DOCUMENT = 200_000;
/** Lines decorated above and below the visible ranges of a large document. */
const MARGIN_LINES = 100;

/** The spans to decorate, by type: the enabled types only, limited to `windows` (sorted offsets) if given. */
export function decorationSpans(analysis: Analysis, toggles: HighlightToggles, windows?: Span[]): Record<EntityType, Span[]> {
  const spans: Record<EntityType, Span[]> = { date: [], place: [], faction: [] };
  for (const entity of analysis.entities) {
    if (toggles[TOGGLE[entity.type]]) spans[entity.type].push({ start: entity.start, end: entity.end });
  }
  if (!windows) return spans;
  for (const type of TYPES) spans[type] = withinWindows(spans[type], windows);
  return spans;
}

/** Spans (sorted, non-overlapping within a type) that touch any window: binary search per window. */
function withinWindows(spans: Span[], windows: Span[]): Span[] {
  const kept: Span[] = [];
  let from = 0;
  for (const window of windows) {
    for (let i = Math.max(from, firstEndingAfter(spans, window.start)); i < spans.length && spans[i].start < window.end; i++) {
      kept.push(spans[i]);
      from = i + 1;
    }
  }
  return kept;
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
    const windows = length > LARGE_DOCUMENT ? visibleWindows(editor) : undefined;
    const spans = decorationSpans(this.cache.analyseDocument(document), this.config.highlight, windows);
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

/** The editor's visible ranges widened by a margin, as sorted offset windows. */
function visibleWindows(editor: vscode.TextEditor): Span[] {
  const document = editor.document;
  return [...editor.visibleRanges]
    .sort((a, b) => a.start.line - b.start.line)
    .map((range) => {
      const first = Math.max(0, range.start.line - MARGIN_LINES);
      const last = Math.min(document.lineCount - 1, range.end.line + MARGIN_LINES);
      return { start: document.offsetAt(new vscode.Position(first, 0)), end: document.offsetAt(document.lineAt(last).range.end) };
    });
}
