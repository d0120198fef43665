import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as vscode from 'vscode';
import { AnalysisCache, EDIT_SETTLE_MS as DEBOUNCE_MS } from '../../src/extension/analysisCache';
import type { Configuration } from '../../src/extension/configuration';
import { readConfiguration } from '../../src/extension/configuration';
import { decorationSpans, HighlightController, LARGE_DOCUMENT, shouldHighlight, visibleLines } from '../../src/extension/decorations';
import { analysisOf, entities, entity } from './helpers';

vi.mock('../../src/analysis/analyse', async () => (await import('./helpers')).fakeAnalyser.module());

const mock = vscode as unknown as typeof import('../mocks/vscode');

const text = ' date 2020-05-25 Clashes near Goma\n\nM23 fighters advanced on Goma, the army said on Sunday.';
const found = [
  entity(text, 'date', '2020-05-25', { value: '2020-05-25' }),
  entity(text, 'date', 'Sunday', { value: '2020-05-24' }),
  ...entities(text, 'place', 'Goma'),
  entity(text, 'faction', 'M23'),
];
const all = { dates: true, places: true, factions: true };
const texts = (spans: { start: number; end: number }[]) => spans.map((s) => text.slice(s.start, s.end));

describe('decorationSpans', () => {
  const analysis = analysisOf(text, found);

  it('gives the spans of each type', () => {
    const spans = decorationSpans(analysis, all);
    expect(texts(spans.date)).toEqual(['2020-05-25', 'Sunday']);
    expect(texts(spans.place)).toEqual(['Goma', 'Goma']);
    expect(texts(spans.faction)).toEqual(['M23']);
  });

  it('leaves out the types switched off', () => {
    const spans = decorationSpans(analysis, { dates: false, places: true, factions: false });
    expect(spans.date).toEqual([]);
    expect(spans.faction).toEqual([]);
    expect(texts(spans.place)).toEqual(['Goma', 'Goma']);
  });
});

describe('visibleLines', () => {
  it('widens the visible ranges by a margin, clamped to the document, and merges overlaps', () => {
    const document = { lineCount: 1000 } as vscode.TextDocument;
    const windows = visibleLines({ document, visibleRanges: [new vscode.Range(600, 0, 640, 0), new vscode.Range(10, 0, 50, 0), new vscode.Range(700, 0, 720, 0)] });
    expect(windows).toEqual([
      { first: 0, last: 150 },
      { first: 500, last: 820 },
    ]);
    expect(visibleLines({ document, visibleRanges: [new vscode.Range(990, 0, 999, 0)] })).toEqual([{ first: 890, last: 999 }]);
  });
});

describe('shouldHighlight', () => {
  const highlight = readConfiguration().highlight;
  it('follows the language list and the master switch', () => {
    const doc = (languageId: string) => ({ languageId, uri: vscode.Uri.file('/ws/a.txt') });
    expect(shouldHighlight(doc('news'), highlight)).toBe(true);
    expect(shouldHighlight(doc('typescript'), highlight)).toBe(false);
    expect(shouldHighlight(doc('news'), { ...highlight, enabled: false })).toBe(false);
  });
});

describe('HighlightController', () => {
  let config: Configuration;
  beforeEach(() => {
    mock.resetMock();
    vi.useFakeTimers();
    config = readConfiguration();
  });
  afterEach(() => vi.useRealTimers());

  function editorFor(document: ReturnType<typeof mock.createTextDocument>) {
    const applied = new Map<unknown, vscode.Range[]>();
    const editor = {
      document,
      visibleRanges: [new vscode.Range(0, 0, 1, 0)],
      setDecorations: (type: unknown, ranges: vscode.Range[]) => applied.set(type, ranges),
    };
    return { editor, applied };
  }

  it('decorates the visible editors after activation, with ranges at the entities', () => {
    const cache = new AnalysisCache();
    vi.spyOn(cache, 'analyseDocument').mockReturnValue(analysisOf(text, found));
    const document = mock.createTextDocument(vscode.Uri.file('/ws/seeds/goma.txt'), text, 'news');
    const { editor, applied } = editorFor(document);
    mock.window.visibleTextEditors = [editor];
    const controller = new HighlightController(cache, config);
    expect(applied.size).toBe(0); // nothing during activation
    vi.advanceTimersByTime(1);
    const ranges = [...applied.values()];
    expect(ranges).toHaveLength(3);
    const all = ranges.flat().map((r) => document.getText(r)).sort();
    expect(all).toEqual(['2020-05-25', 'Goma', 'Goma', 'M23', 'Sunday']);
    controller.dispose();
    cache.dispose();
  });

  it('redraws an edited document once typing settles, and clears when switched off', () => {
    const cache = new AnalysisCache();
    const analyse = vi.spyOn(cache, 'analyseDocument').mockReturnValue(analysisOf(text, found));
    const document = mock.createTextDocument(vscode.Uri.file('/ws/seeds/goma.txt'), text, 'news');
    const { editor, applied } = editorFor(document);
    mock.window.visibleTextEditors = [editor];
    const controller = new HighlightController(cache, config);
    vi.advanceTimersByTime(1);
    analyse.mockClear();
    mock.fireDidChangeTextDocument(document);
    mock.fireDidChangeTextDocument(document);
    vi.advanceTimersByTime(DEBOUNCE_MS - 10);
    expect(analyse).not.toHaveBeenCalled();
    vi.advanceTimersByTime(20);
    expect(analyse).toHaveBeenCalledTimes(1);

    // A change on disk or in the lexicon: the cache says so and the editor is redrawn at once.
    analyse.mockClear();
    cache.invalidate(document.uri);
    expect(analyse).toHaveBeenCalledTimes(1);
    cache.invalidate(vscode.Uri.file('/ws/seeds/other.txt'));
    expect(analyse).toHaveBeenCalledTimes(1);

    controller.configure({ ...config, highlight: { ...config.highlight, enabled: false } });
    expect([...applied.values()].every((ranges) => ranges.length === 0)).toBe(true);
    controller.dispose();
    cache.dispose();
  });

  it('analyses a large document only around the lines on screen, and again as it scrolls', () => {
    const paragraph = 'Shelling was reported near Goma and in the hills around it.\n\n';
    const large = ' date 2024-02-08 Headline\n\n' + paragraph.repeat(Math.ceil(LARGE_DOCUMENT / paragraph.length) + 10);
    const cache = new AnalysisCache(10 * LARGE_DOCUMENT);
    const whole = vi.spyOn(cache, 'analyseDocument');
    const part = vi.spyOn(cache, 'analyseLines').mockImplementation((document, first) => ({
      entities: [document.getText(new vscode.Range(first, 0, first, 40)).indexOf('Goma')]
        .filter((at) => at >= 0)
        .map((at) => ({ type: 'place' as const, text: 'Goma', start: document.offsetAt(new vscode.Position(first, at)), end: document.offsetAt(new vscode.Position(first, at + 4)) })),
      parties: [],
      relations: [],
    }));
    const document = mock.createTextDocument(vscode.Uri.file('/ws/seeds/large.txt'), large, 'news');
    const { editor, applied } = editorFor(document);
    editor.visibleRanges = [new vscode.Range(1000, 0, 1040, 0)];
    const controller = new HighlightController(cache, config);
    controller.decorate(editor as unknown as vscode.TextEditor);
    expect(whole).not.toHaveBeenCalled();
    expect(part).toHaveBeenCalledWith(document, 900, 1140);
    const places = [...applied.values()].flat().map((range) => range.start.line);
    expect(places).toEqual([900]);
    editor.visibleRanges = [new vscode.Range(3000, 0, 3040, 0)];
    controller.decorate(editor as unknown as vscode.TextEditor);
    expect(part).toHaveBeenLastCalledWith(document, 2900, 3140);
    controller.dispose();
    cache.dispose();
  });

  it('skips files above the size limit with one notice per file', () => {
    const cache = new AnalysisCache(10);
    const analyse = vi.spyOn(cache, 'analyseDocument');
    const document = mock.createTextDocument(vscode.Uri.file('/ws/seeds/goma.txt'), text, 'news');
    const { editor, applied } = editorFor(document);
    const controller = new HighlightController(cache, config);
    controller.decorate(editor as unknown as vscode.TextEditor);
    controller.decorate(editor as unknown as vscode.TextEditor);
    expect(analyse).not.toHaveBeenCalled();
    expect([...applied.values()].every((ranges) => ranges.length === 0)).toBe(true);
    expect(mock.messages.filter((m) => m.text.includes('maxFileSizeMB'))).toHaveLength(1);
    controller.dispose();
    cache.dispose();
  });
});
