import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as vscode from 'vscode';
import { AnalysisCache, EDIT_SETTLE_MS as DEBOUNCE_MS } from '../../src/extension/analysisCache';
import type { Configuration } from '../../src/extension/configuration';
import { readConfiguration } from '../../src/extension/configuration';
import { decorationSpans, HighlightController, shouldHighlight } from '../../src/extension/decorations';
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

  it('keeps only the spans touching the windows of a large document', () => {
    const second = text.indexOf('advanced');
    const spans = decorationSpans(analysis, all, [{ start: second, end: text.length }]);
    expect(texts(spans.place)).toEqual(['Goma']);
    expect(texts(spans.date)).toEqual(['Sunday']);
    expect(spans.faction).toEqual([]);
    const both = decorationSpans(analysis, all, [{ start: 0, end: 20 }, { start: second, end: text.length }]);
    expect(texts(both.date)).toEqual(['2020-05-25', 'Sunday']);
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
