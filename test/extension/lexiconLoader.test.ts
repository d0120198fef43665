import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as vscode from 'vscode';
import { AnalysisCache } from '../../src/extension/analysisCache';
import { addLexiconEntry, LexiconLoader, mergeLexicons, readLexiconBytes } from '../../src/extension/lexiconLoader';

vi.mock('../../src/analysis/analyse', async () => (await import('./helpers')).fakeAnalyser.module());

const mock = vscode as unknown as typeof import('../mocks/vscode');
const bytes = (text: string) => new TextEncoder().encode(text);

describe('readLexiconBytes', () => {
  it('reads a valid lexicon without problems', () => {
    const { lexicon, problems } = readLexiconBytes(bytes('\uFEFF{"factions":[{"name":"Wagner Group","aliases":["Wagner"]}],"ignore":["Reuters"]}'));
    expect(problems).toEqual([]);
    expect(lexicon.factions?.[0].name).toBe('Wagner Group');
    expect(lexicon.ignore).toEqual(['Reuters']);
  });

  it('reports malformed JSON and falls back to an empty lexicon', () => {
    const { lexicon, problems } = readLexiconBytes(bytes('{"factions": [ {"name": "A"'));
    expect(lexicon).toEqual({});
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/JSON/);
  });

  it('refuses a huge file without decoding it', () => {
    const huge = new Uint8Array(4 * 1024 * 1024).fill(0x20);
    const { lexicon, problems } = readLexiconBytes(huge);
    expect(lexicon).toEqual({});
    expect(problems[0]).toMatch(/limit/);
  });
});

describe('mergeLexicons', () => {
  it('concatenates the lists in order and leaves out empty ones', () => {
    expect(mergeLexicons({ factions: [{ name: 'A' }] }, { factions: [{ name: 'B' }], ignore: ['x'] }, {})).toEqual({
      factions: [{ name: 'A' }, { name: 'B' }],
      ignore: ['x'],
    });
    expect(mergeLexicons({}, {})).toEqual({});
  });
});

describe('addLexiconEntry', () => {
  it('creates a lexicon when there is none', () => {
    expect(JSON.parse(addLexiconEntry(undefined, 'place', 'Kidal')!)).toEqual({ places: [{ name: 'Kidal' }] });
  });

  it('keeps the other entries and keys', () => {
    const before = JSON.stringify({ $schema: 'x', factions: [{ name: 'Wagner Group', aliases: ['Wagner'] }], places: [{ name: 'Kidal' }] });
    const after = JSON.parse(addLexiconEntry(before, 'faction', 'JNIM')!);
    expect(after).toEqual({ $schema: 'x', factions: [{ name: 'Wagner Group', aliases: ['Wagner'] }, { name: 'JNIM' }], places: [{ name: 'Kidal' }] });
  });

  it('does not add a name (or alias) already there', () => {
    const before = JSON.stringify({ factions: [{ name: 'Wagner Group', aliases: ['Wagner'] }] });
    expect(addLexiconEntry(before, 'faction', 'wagner')).toBeUndefined();
    expect(addLexiconEntry(JSON.stringify({ places: ['Kidal'] }), 'place', 'KIDAL')).toBeUndefined();
  });

  it('refuses to overwrite a broken file', () => {
    expect(() => addLexiconEntry('{ broken', 'place', 'Kidal')).toThrow();
    expect(() => addLexiconEntry('[1, 2]', 'place', 'Kidal')).toThrow(/not a JSON object/);
    expect(() => addLexiconEntry('{"places": 3}', 'place', 'Kidal')).toThrow(/not a list/);
  });
});

describe('LexiconLoader', () => {
  let cache: AnalysisCache;
  beforeEach(() => {
    mock.resetMock();
    cache = new AnalysisCache();
  });
  afterEach(() => cache.dispose());

  it('merges the workspace file with the setting and hands it to the analyser', async () => {
    mock.writeFile('/ws/.newsreview/lexicon.json', JSON.stringify({ places: [{ name: 'Kidal', country: 'ML' }] }));
    const setLexicon = vi.spyOn(cache, 'setLexicon');
    const loader = new LexiconLoader(cache, { ignore: ['Reuters'] });
    await loader.ready;
    expect(setLexicon).toHaveBeenLastCalledWith({ places: [{ name: 'Kidal', country: 'ML' }], ignore: ['Reuters'] });
    loader.setSettingLexicon({});
    expect(setLexicon).toHaveBeenLastCalledWith({ places: [{ name: 'Kidal', country: 'ML' }] });
    setLexicon.mockClear();
    loader.setSettingLexicon({});
    expect(setLexicon).not.toHaveBeenCalled(); // unchanged: the cache is not cleared
    loader.dispose();
  });

  it('puts a diagnostic on a malformed file, warns, and falls back to the setting alone', async () => {
    mock.writeFile('/ws/.newsreview/lexicon.json', '{ "places": [');
    const created: ReturnType<typeof mock.languages.createDiagnosticCollection>[] = [];
    const create = mock.languages.createDiagnosticCollection;
    vi.spyOn(mock.languages, 'createDiagnosticCollection').mockImplementation((name?: string) => {
      const collection = create(name);
      created.push(collection);
      return collection;
    });
    const setLexicon = vi.spyOn(cache, 'setLexicon');
    const loader = new LexiconLoader(cache, { ignore: ['Reuters'] });
    await loader.ready;
    expect(setLexicon).toHaveBeenLastCalledWith({ ignore: ['Reuters'] });
    const diagnostics = created[0].get(vscode.Uri.file('/ws/.newsreview/lexicon.json') as never)!;
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0].severity).toBe(vscode.DiagnosticSeverity.Warning);
    expect(diagnostics[0].message).toMatch(/JSON/);
    expect(mock.messages.some((m) => m.level === 'warning' && m.text.includes('.newsreview/lexicon.json'))).toBe(true);
    loader.dispose();
  });

  it('does not nag with a warning while the file is being edited', async () => {
    const uri = mock.writeFile('/ws/.newsreview/lexicon.json', '{ "places": [');
    mock.window.activeTextEditor = { document: { uri } };
    const loader = new LexiconLoader(cache, {});
    await loader.ready;
    expect(mock.messages).toEqual([]);
    loader.dispose();
  });

  it('works without a lexicon file', async () => {
    const setLexicon = vi.spyOn(cache, 'setLexicon');
    const loader = new LexiconLoader(cache, {});
    await loader.ready;
    expect(setLexicon).not.toHaveBeenCalled(); // {} is what the cache already uses
    expect(mock.messages).toEqual([]);
    loader.dispose();
  });
});
