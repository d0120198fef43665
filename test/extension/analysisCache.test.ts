import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as vscode from 'vscode';
import { AnalysisCache } from '../../src/extension/analysisCache';
import { type ArticleFiles, workspaceFiles } from '../../src/extension/articleFiles';
import { HeaderStore } from '../../src/extension/headerStore';
import { fakeAnalyser } from './helpers';

vi.mock('../../src/analysis/analyse', async () => (await import('./helpers')).fakeAnalyser.module());

const mock = vscode as unknown as typeof import('../mocks/vscode');
const writeFile = (path: string, text: string, mtime?: number) => mock.writeFile(path, text, mtime) as unknown as vscode.Uri;

describe('AnalysisCache', () => {
  let cache: AnalysisCache;
  beforeEach(() => {
    mock.resetMock();
    fakeAnalyser.calls = 0;
    fakeAnalyser.lexicons.length = 0;
    cache = new AnalysisCache(1000);
  });
  afterEach(() => cache.dispose());

  it('analyses an open document once per version', () => {
    const uri = vscode.Uri.file('/ws/seeds/a.txt');
    const v1 = mock.createTextDocument(uri, 'Headline\n\nBody.', 'news', 1);
    const first = cache.analyseDocument(v1);
    expect(cache.analyseDocument(v1)).toBe(first);
    expect(fakeAnalyser.calls).toBe(1);
    const v2 = mock.createTextDocument(uri, 'Other headline\n\nBody.', 'news', 2);
    expect(cache.analyseDocument(v2).document.headline?.text).toBe('Other headline');
    expect(fakeAnalyser.calls).toBe(2);
  });

  it('reads files through workspace.fs, cached by mtime and size', async () => {
    const uri = writeFile('/ws/seeds/a.txt', 'Headline\n\nBody.', 1);
    const first = await cache.analyseUri(uri);
    expect(first.kind === 'ok' && first.analysis.document.headline?.text).toBe('Headline');
    expect(await cache.analyseUri(uri)).toBe(first);
    expect(fakeAnalyser.calls).toBe(1);
    writeFile('/ws/seeds/a.txt', 'Headline two\n\nBody.', 2);
    const second = await cache.analyseUri(uri);
    expect(second.kind === 'ok' && second.analysis.document.headline?.text).toBe('Headline two');
  });

  it('lists a file by its header without analysing it, and gives the analysis instead once there is one', async () => {
    const uri = writeFile('/ws/seeds/a.txt', ' date 2020-05-25 Headline\n\nBody.', 1);
    expect(await cache.listUri(uri)).toEqual({ kind: 'listed', header: { date: '2020-05-25', headline: 'Headline' }, size: 32, warning: undefined });
    expect(fakeAnalyser.calls).toBe(0);
    const analysed = await cache.analyseUri(uri); // the listing kept nothing: the file is read and analysed
    expect(fakeAnalyser.calls).toBe(1);
    expect(await cache.listUri(uri)).toBe(analysed);
    writeFile('/ws/seeds/a.txt', ' date 2020-05-26 Headline\n\nBody.', 2);
    expect((await cache.listUri(uri)).kind).toBe('listed');
    const large = writeFile('/ws/seeds/large.txt', 'x'.repeat(2000));
    expect(await cache.listUri(large)).toEqual({ kind: 'tooLarge', size: 2000 });
    expect(fakeAnalyser.calls).toBe(1);
  });

  it('analyses a listed file from the text its listing read, unless the file has changed since', async () => {
    const readFile = vi.spyOn(mock.workspace.fs, 'readFile');
    const uri = writeFile('/ws/seeds/a.txt', 'Headline\n\nBody.', 1);
    await cache.listUri(uri);
    const analysed = await cache.analyseUri(uri);
    expect(analysed.kind === 'ok' && analysed.analysis.document.text).toBe('Headline\n\nBody.');
    expect(readFile).toHaveBeenCalledTimes(1);
    const other = writeFile('/ws/seeds/b.txt', 'Old headline\n\nBody.', 1);
    await cache.listUri(other);
    writeFile('/ws/seeds/b.txt', 'New headline\n\nBody.', 2);
    const changed = await cache.analyseUri(other);
    expect(changed.kind === 'ok' && changed.analysis.document.headline?.text).toBe('New headline');
    expect(readFile).toHaveBeenCalledTimes(3);
    readFile.mockRestore();
  });

  it('never throws: missing, binary and too large files are results', async () => {
    expect((await cache.analyseUri(vscode.Uri.file('/ws/missing.txt'))).kind).toBe('error');
    const binary = vscode.Uri.file('/ws/seeds/b.txt');
    mock.files.set(binary.toString(), { bytes: new Uint8Array([0x50, 0, 1, 2]), mtime: 1 });
    expect(await cache.analyseUri(binary)).toMatchObject({ kind: 'error', message: expect.stringContaining('binary') });
    const large = writeFile('/ws/seeds/large.txt', 'x'.repeat(2000));
    expect(await cache.analyseUri(large)).toEqual({ kind: 'tooLarge', size: 2000 });
    expect(fakeAnalyser.calls).toBe(0);
  });

  it('opens a file to read it, a stat telling whether one read before has changed, and closes every file it opens', async () => {
    const open = new Set<string>();
    let opened = 0;
    let stats = 0;
    const files: ArticleFiles = {
      stat: (uri) => (stats++, workspaceFiles.stat(uri)),
      async open(uri) {
        const file = await workspaceFiles.open(uri);
        opened++;
        open.add(uri.path);
        const read = uri.path.endsWith('broken.txt') ? () => Promise.reject(new Error('EIO: i/o error, read')) : file.read;
        return { ...file, read, close: async () => void open.delete(uri.path) };
      },
    };
    const reader = new AnalysisCache(1000, files);
    const a = writeFile('/ws/seeds/a.txt', 'Headline\n\nBody.', 1);
    const binary = vscode.Uri.file('/ws/seeds/binary.txt');
    mock.files.set(binary.toString(), { bytes: new Uint8Array([0x50, 0, 1, 2]), mtime: 1 });
    const broken = writeFile('/ws/seeds/broken.txt', 'Headline\n\nBody.', 1);
    const large = writeFile('/ws/seeds/large.txt', 'x'.repeat(2000));
    await reader.listUri(a);
    expect([opened, stats]).toEqual([1, 0]); // a new file's stat comes from its opening
    await reader.analyseUri(a); // from the listing's text
    await reader.analyseUri(a); // cached
    expect([opened, stats]).toEqual([1, 2]);
    writeFile('/ws/seeds/a.txt', 'New headline\n\nBody.', 2);
    const changed = await reader.analyseUri(a);
    expect(changed.kind === 'ok' && changed.analysis.document.headline?.text).toBe('New headline');
    expect(opened).toBe(2);
    expect(await reader.analyseUri(binary)).toMatchObject({ kind: 'error' });
    expect(await reader.analyseUri(broken)).toEqual({ kind: 'error', message: 'EIO: i/o error, read' });
    expect(await reader.analyseUri(large)).toMatchObject({ kind: 'tooLarge' });
    await new Promise((resolve) => setImmediate(resolve)); // closing is not waited for
    expect([...open]).toEqual([]);
    reader.dispose();
  });

  it("lists unchanged files from the last window's headers with a stat each, and keeps this window's for the next", async () => {
    const opened: string[] = [];
    let stats = 0;
    const files: ArticleFiles = {
      stat: (uri) => (stats++, workspaceFiles.stat(uri)),
      open: (uri) => (opened.push(uri.path), workspaceFiles.open(uri)),
    };
    const store = new HeaderStore(vscode.Uri.file('/storage'), '1.0.0');
    const save = vi.spyOn(store, 'save');
    const a = writeFile('/ws/seeds/a.txt', ' date 2020-05-25 Headline A\n\nBody.', 1);
    const b = writeFile('/ws/seeds/b.txt', 'Headline B\n\nBody.', 1);
    const first = new AnalysisCache(1000, files, store);
    const listedFirst = [await first.listUri(a), await first.analyseUri(b)];
    await first.keepHeaders([a, b]);
    expect(save).toHaveBeenCalledTimes(1);
    first.dispose();

    writeFile('/ws/seeds/b.txt', 'Headline B, edited\n\nBody.', 2);
    opened.length = 0;
    stats = 0;
    const next = new AnalysisCache(1000, files, store);
    expect(await next.listUri(a)).toEqual(listedFirst[0]);
    expect(await next.listUri(b)).toMatchObject({ kind: 'listed', header: { headline: 'Headline B, edited' } });
    expect(opened).toEqual(['/ws/seeds/b.txt']); // a from the kept header, b changed since
    expect(stats).toBe(2);
    expect(fakeAnalyser.calls).toBe(1);
    const analysed = await next.analyseUri(a); // its text was not kept: read now
    expect(analysed.kind === 'ok' && analysed.analysis.document.headline?.text).toBe('Headline A');
    expect(opened).toEqual(['/ws/seeds/b.txt', '/ws/seeds/a.txt']);
    expect(stats).toBe(2); // opened to be read: its stat comes with it
    await next.keepHeaders([a, b]);
    expect(save).toHaveBeenCalledTimes(2); // b's key changed
    await next.keepHeaders([a, b]);
    expect(save).toHaveBeenCalledTimes(2); // nothing did
    await next.keepHeaders([a]);
    expect(save).toHaveBeenCalledTimes(3); // b is gone
    expect([...(await store.load()).values()].map((h) => h.header.headline)).toEqual(['Headline A']);
    next.dispose();
  });

  it('prefers the open document (with unsaved edits) to the file on disk', async () => {
    const uri = writeFile('/ws/seeds/a.txt', 'On disk\n\nBody.');
    mock.workspace.textDocuments.push(mock.createTextDocument(uri, 'In the editor\n\nBody.', 'news', 3));
    const result = await cache.analyseUri(uri);
    expect(result.kind === 'ok' && result.analysis.document.headline?.text).toBe('In the editor');
  });

  it('tells listeners when a file is invalidated, when edits settle, and when the lexicon changes', async () => {
    vi.useFakeTimers();
    try {
      const fired: string[] = [];
      cache.onDidChange((uri) => fired.push(uri.path));
      const uri = writeFile('/ws/seeds/a.txt', 'Headline\n\nBody.');
      await cache.analyseUri(uri);
      cache.invalidate(uri);
      expect(fired).toEqual(['/ws/seeds/a.txt']);

      const document = mock.createTextDocument(vscode.Uri.file('/ws/seeds/b.txt'), 'B\n\nBody.', 'news');
      mock.fireDidChangeTextDocument(document);
      mock.fireDidChangeTextDocument(document);
      expect(fired).toHaveLength(1);
      vi.advanceTimersByTime(300);
      expect(fired).toEqual(['/ws/seeds/a.txt', '/ws/seeds/b.txt']);

      await cache.analyseUri(uri);
      const lexicon = { ignore: ['Reuters'] };
      cache.setLexicon(lexicon);
      expect(fired.at(-1)).toBe('/ws/seeds/a.txt');
      await cache.analyseUri(uri);
      expect(fakeAnalyser.lexicons.at(-1)).toBe(lexicon);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('AnalysisCache.analyseLines', () => {
  beforeEach(() => {
    mock.resetMock();
    fakeAnalyser.inputs.length = 0;
    fakeAnalyser.places = ['Goma'];
  });
  afterEach(() => {
    fakeAnalyser.places = [];
  });

  it('analyses whole paragraphs around the lines, with document offsets and the dateline as reference', () => {
    const text = ' date 2024-02-08 Headline\n\nFirst paragraph\nstill first, near Goma.\n\nSecond paragraph\nabout Goma\nends here.\n\nThird.';
    const document = mock.createTextDocument(vscode.Uri.file('/ws/seeds/a.txt'), text, 'news');
    const cache = new AnalysisCache();
    const part = cache.analyseLines(document, 6, 6); // "about Goma", inside the second paragraph
    expect(fakeAnalyser.inputs).toEqual([{ text: 'Second paragraph\nabout Goma\nends here.', referenceDate: '2024-02-08' }]);
    expect(part.entities.map((e) => text.slice(e.start, e.end))).toEqual(['Goma']);
    expect(part.entities[0].start).toBe(text.indexOf('Goma', text.indexOf('Second')));
    expect(cache.analyseLines(document, 5, 7)).toBe(part); // the same paragraph: cached
    expect(fakeAnalyser.inputs).toHaveLength(1);
    cache.dispose();
  });
});
