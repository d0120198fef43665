import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as vscode from 'vscode';
import { AnalysisCache, type ArticleState } from '../../src/extension/analysisCache';
import { Commands } from '../../src/extension/constants';
import {
  type ArticleNode,
  type BucketNode,
  articleCounts,
  articleNode,
  categoryNodes,
  groupArticles,
  grouped,
  loadArticles,
  matchesFilter,
  mentionNodes,
  type SeedNode,
  SeedsTreeProvider,
  sortArticles,
  toTreeItem,
} from '../../src/extension/seedsTree';
import { analysisOf, claim, entities, entity, fakeAnalyser } from './helpers';

vi.mock('../../src/analysis/analyse', async () => (await import('./helpers')).fakeAnalyser.module());

const mock = vscode as unknown as typeof import('../mocks/vscode');

function article(path: string, text: string, found = [] as ReturnType<typeof entity>[]): ArticleNode {
  return articleNode(vscode.Uri.file(path), { kind: 'ok', analysis: analysisOf(text, found), size: text.length });
}

const folderOf = (uri: vscode.Uri) => uri.path.slice(0, uri.path.lastIndexOf('/'));

describe('grouping and sorting', () => {
  const may25 = article('/ws/seeds/a/one.txt', ' date 2020-05-25 Ceasefire collapses\n\nText.');
  const may02 = article('/ws/seeds/b/two.txt', ' date 2020-05-02 Talks open\n\nText.');
  const june = article('/ws/seeds/a/three.txt', ' date 2020-06-10 Port reopens\n\nText.');
  const undated = article('/ws/seeds/b/four.txt', 'An undated report\n\nText.');

  it('puts the newest first and undated articles last', () => {
    expect(sortArticles([undated, may02, june, may25]).map((a) => a.uri.path)).toEqual([june, may25, may02, undated].map((a) => a.uri.path));
  });

  it('orders the articles of one date, and the undated ones, by headline', () => {
    const bravo = article('/ws/seeds/a/1.txt', ' date 2020-05-25 Bravo company withdraws\n\nText.');
    const alpha = article('/ws/seeds/b/2.txt', ' date 2020-05-25 Alpha team arrives\n\nText.');
    const zulu = article('/ws/seeds/a/3.txt', 'Zulu time agreed\n\nText.');
    const echo = article('/ws/seeds/b/4.txt', 'Echo of the talks\n\nText.');
    expect(sortArticles([zulu, bravo, echo, may02, alpha]).map((a) => a.uri.path)).toEqual([alpha, bravo, may02, echo, zulu].map((a) => a.uri.path));
  });

  it('groups by month of the dateline, newest month first, with Undated last', () => {
    const roots = groupArticles([may02, undated, may25, june], 'month', folderOf);
    expect(roots.map((node) => (node.kind === 'bucket' ? node.label : '?'))).toEqual(['June 2020', 'May 2020', 'Undated']);
    const mayBucket = roots[1];
    expect(mayBucket.kind === 'bucket' && mayBucket.articles).toEqual([may25, may02]);
    expect(may25.parent).toBe(mayBucket);
    expect(new Set(roots.map((r) => r.id)).size).toBe(3);
  });

  it('starts every bucket expanded in a view of a few hundred articles, only the first in a larger one', () => {
    const expanded = (roots: SeedNode[]) => roots.map((node) => toTreeItem(node).collapsibleState === vscode.TreeItemCollapsibleState.Expanded);
    expect(expanded(groupArticles([may02, undated, may25, june], 'month', folderOf))).toEqual([true, true, true]);
    const many = (count: number) =>
      Array.from({ length: count }, (_, i) => article(`/ws/seeds/${i % 7}/${i}.txt`, ` date 2020-${String(1 + (i % 12)).padStart(2, '0')}-02 Report ${i}\n\nText.`));
    expect(expanded(groupArticles(many(500), 'month', folderOf)).every(Boolean)).toBe(true);
    const large = groupArticles(many(501), 'month', folderOf);
    expect(expanded(large)).toEqual([true, ...Array(11).fill(false)]);
    expect(expanded(groupArticles(many(501), 'folder', folderOf))).toEqual([true, ...Array(6).fill(false)]);
    // A filtered view's groups are new to VS Code, so they open as given, not as the full view left them.
    const filtered = groupArticles(many(20), 'month', folderOf, { type: 'place', name: 'Khartoum' });
    expect(expanded(filtered).every(Boolean)).toBe(true);
    expect(filtered.map((node) => node.id).filter((id) => large.some((node) => node.id === id))).toEqual([]);
  });

  it('groups by folder', () => {
    const roots = groupArticles([may02, undated, may25, june], 'folder', folderOf);
    expect(roots.map((node) => node.kind === 'bucket' && node.label)).toEqual(['/ws/seeds/a', '/ws/seeds/b']);
    expect(roots[1].kind === 'bucket' && roots[1].articles).toEqual([may02, undated]);
  });

  it('lists articles flat, without parents, when not grouping', () => {
    groupArticles([may02, june], 'month', folderOf);
    const roots = groupArticles([may02, june], 'none', folderOf);
    expect(roots).toEqual([june, may02]);
    expect(june.parent).toBeUndefined();
  });
});

describe('an article and its children', () => {
  const text = ' date 2020-05-25 Fighting in Khartoum\n\nThe RSF shelled Khartoum yesterday, the army said. The Rapid Support Forces denied it.\n\nOmdurman was calm.';
  const found = [
    entity(text, 'date', '2020-05-25', { value: '2020-05-25' }),
    entity(text, 'date', 'yesterday', { value: '2020-05-24' }),
    ...entities(text, 'place', 'Khartoum', { canonical: 'Khartoum', country: 'SD', kind: 'city' }),
    entity(text, 'place', 'Omdurman', { canonical: 'Omdurman', country: 'SD', kind: 'city' }),
    entity(text, 'faction', 'RSF', { canonical: 'Rapid Support Forces', kind: 'armed-group' }),
    entity(text, 'faction', 'Rapid Support Forces', { canonical: 'Rapid Support Forces', kind: 'armed-group' }),
  ];
  const claims = [claim(text, 'The RSF shelled Khartoum yesterday', { cue: 'said', source: { kind: 'organisation', text: 'the army', start: 0, end: 0 } })];
  const node = articleNode(vscode.Uri.file('/ws/seeds/k.txt'), { kind: 'ok', analysis: analysisOf(text, found, { claims }), size: text.length });

  it('has four groups whose counts are the mentions', () => {
    const groups = categoryNodes(node);
    expect(groups.map((g) => g.category)).toEqual(['dates', 'places', 'factions', 'claims']);
    const described = groups.map((g) => toTreeItem(g).description);
    expect(described).toEqual(['2', '3', '2', '1']);
  });

  it('lists a faction once with its mention count, and its mentions under it', () => {
    const factions = categoryNodes(node)[2];
    expect(factions.items).toHaveLength(1);
    const party = factions.items[0];
    expect(party.label).toBe('Rapid Support Forces');
    expect(party.spans.map((s) => s.text)).toEqual(['RSF', 'Rapid Support Forces']);
    expect(party.description).toContain('×2');
    const mentions = mentionNodes(party, text);
    expect(mentions.map((m) => m.span.text)).toEqual(['RSF', 'Rapid Support Forces']);
    expect(mentions[0].context).toContain('The RSF shelled');
    const shown = toTreeItem(mentions[1]);
    expect(shown.label).toBe('Rapid Support Forces');
    expect(shown.description).toContain('The Rapid Support Forces denied');
  });

  it('orders places by mentions and dates by appearance, showing resolved values', () => {
    const [dates, places] = categoryNodes(node);
    expect(places.items.map((i) => i.label)).toEqual(['Khartoum', 'Omdurman']);
    expect(dates.items.map((i) => i.label)).toEqual(['2020-05-25', 'yesterday']);
    expect(dates.items[1].description).toBe('2020-05-24');
    expect(mentionNodes(places.items[1], text)).toEqual([]); // one mention: no children
  });

  it('gives every node a unique id and a parent chain back to the article', () => {
    const ids = new Set<string>();
    const provider = new SeedsTreeProvider(new AnalysisCache(), { seedsGlob: '**/*.txt', groupBy: 'none' });
    for (const group of categoryNodes(node)) {
      ids.add(group.id);
      expect(provider.getParent(group)).toBe(node);
      for (const item of group.items) {
        ids.add(item.id);
        expect(provider.getParent(item)).toBe(group);
        for (const mention of mentionNodes(item, text)) {
          ids.add(mention.id);
          expect(provider.getParent(mention)).toBe(item);
        }
      }
    }
    expect(ids.size).toBe(4 + 2 + 2 + 1 + 1 + 2 + 2); // groups, dates, places, faction, claim, Khartoum's and the faction's mentions
  });

  it('opens the span when an item is clicked', () => {
    const item = toTreeItem(categoryNodes(node)[1].items[1]);
    const omdurman = text.indexOf('Omdurman');
    expect(item.command).toEqual({ command: Commands.openSpan, title: 'Reveal', arguments: [node.uri, omdurman, omdurman + 'Omdurman'.length] });
  });

  it('shows headline and date, and the counts in a tooltip made on hover', async () => {
    let claimsRead = 0;
    const analysis = analysisOf(text, found, { claims });
    const counted = articleNode(node.uri, {
      kind: 'ok',
      analysis: {
        ...analysis,
        get claims() {
          claimsRead++;
          return analysis.claims;
        },
      },
      size: text.length,
    });
    const provider = new SeedsTreeProvider(new AnalysisCache(), { seedsGlob: '**/*.txt', groupBy: 'none' });
    const item = provider.getTreeItem(counted);
    expect(item.label).toBe('Fighting in Khartoum');
    expect(item.description).toBe('2020-05-25');
    expect(item.contextValue).toBe('article');
    // The view makes the items of every article in an expanded month at once: none may find its claims.
    expect(item.tooltip).toBeUndefined();
    expect(claimsRead).toBe(0);
    const tooltip = ((await provider.resolveTreeItem(item, counted)).tooltip as vscode.MarkdownString).value;
    expect(tooltip).toContain('seeds/k\\.txt'); // escaped as Markdown
    expect(tooltip).toContain('2 dates · 3 places · 2 factions · 1 claims (0 hedged)');
    expect(claimsRead).toBeGreaterThan(0);
    expect(articleCounts(analysisOf(text, found, { claims })).places).toBe(3);
  });

  it('filters by a place or faction canonical name', () => {
    expect(matchesFilter(node, { type: 'place', name: 'Omdurman' })).toBe(true);
    expect(matchesFilter(node, { type: 'faction', name: 'Rapid Support Forces' })).toBe(true);
    expect(matchesFilter(node, { type: 'place', name: 'Rapid Support Forces' })).toBe(false);
    expect(matchesFilter(node, undefined)).toBe(true);
  });

  it('shows files it could not analyse with a warning instead of failing', async () => {
    const large = toTreeItem(articleNode(vscode.Uri.file('/ws/seeds/big.txt'), { kind: 'tooLarge', size: 12 * 1024 * 1024 }));
    expect(large.label).toBe('big.txt');
    expect((large.iconPath as vscode.ThemeIcon).id).toBe('warning');
    expect(large.description).toContain('12.0 MB');
    expect(large.collapsibleState).toBe(vscode.TreeItemCollapsibleState.None);
    const brokenNode = articleNode(vscode.Uri.file('/ws/seeds/bin.txt'), { kind: 'error', message: 'binary file' });
    const broken = toTreeItem(brokenNode);
    expect(broken.contextValue).toBe('articleError');
    expect((broken.iconPath as vscode.ThemeIcon).id).toBe('error');
    const provider = new SeedsTreeProvider(new AnalysisCache(), { seedsGlob: '**/*.txt', groupBy: 'none' });
    expect(((await provider.resolveTreeItem(broken, brokenNode)).tooltip as vscode.MarkdownString).value).toContain('binary file');
  });
});

describe('loadArticles', () => {
  it('keeps the files in order, however they finish, and reads a bounded number at once', async () => {
    const uris = Array.from({ length: 300 }, (_, i) => vscode.Uri.file(`/ws/seeds/${i}.txt`));
    let open = 0;
    let most = 0;
    const finished: number[] = [];
    const articles = await loadArticles(uris, async (uri) => {
      const i = Number(uri.path.match(/(\d+)\.txt$/)?.[1]);
      most = Math.max(most, ++open);
      // Files finish out of order: every third takes three turns of the event loop longer.
      for (let turn = 0; turn < (i % 3 === 0 ? 4 : 1); turn++) await new Promise((resolve) => setImmediate(resolve));
      open--;
      finished.push(i);
      return { kind: 'error', message: `${i}` };
    });
    expect(articles.map((a) => a.uri.path)).toEqual(uris.map((u) => u.path));
    expect(articles.map((a) => a.result.kind === 'error' && a.result.message)).toEqual(uris.map((_, i) => `${i}`));
    expect(finished).not.toEqual([...finished].sort((a, b) => a - b)); // they did finish out of order
    expect(most).toBe(64);
  });
});

/** A cache whose analyses wait until `open()` is called: the view as it is while they are pending. */
function gatedCache(): { cache: AnalysisCache; open: () => void } {
  const cache = new AnalysisCache();
  const analyseUri = cache.analyseUri.bind(cache);
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  vi.spyOn(cache, 'analyseUri').mockImplementation(async (uri) => {
    await gate;
    return analyseUri(uri);
  });
  return { cache, open };
}

describe('SeedsTreeProvider', () => {
  beforeEach(() => mock.resetMock());

  it('lists the files matching the glob, read through workspace.fs, and updates one file at a time', async () => {
    mock.writeFile('/ws/seeds/a.txt', ' date 2020-05-25 First headline\n\nBody.', 1);
    mock.writeFile('/ws/seeds/nested/b.md', '# Second headline\n\nBody.', 1);
    mock.writeFile('/ws/notes/c.txt', 'Not a seed\n\nBody.', 1);
    const cache = new AnalysisCache();
    const provider = new SeedsTreeProvider(cache, { seedsGlob: '**/seeds/**/*.{txt,md}', groupBy: 'none' });
    let changes = 0;
    provider.onDidChangeTreeData(() => changes++);

    const roots = (await provider.getChildren()) as ArticleNode[];
    expect(roots.map((r) => toTreeItem(r).label)).toEqual(['First headline', 'Second headline']);

    // A change on disk: only that file is read again.
    const b = roots[1];
    mock.writeFile('/ws/seeds/nested/b.md', '# Renamed headline\n\nBody.', 2);
    cache.invalidate(b.uri);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(changes).toBe(1);
    const again = (await provider.getChildren()) as ArticleNode[];
    expect(again[0]).toBe(roots[0]); // untouched node reused
    expect(toTreeItem(again[1]).label).toBe('Renamed headline');
    provider.dispose();
    cache.dispose();
  });

  it('redraws only an edited article while it keeps its place, and the whole view once it moves', async () => {
    mock.writeFile('/ws/seeds/a.txt', ' date 2020-05-25 First headline\n\nBody.', 1);
    mock.writeFile('/ws/seeds/b.txt', ' date 2020-05-26 Second headline\n\nBody.', 1);
    const cache = new AnalysisCache();
    const provider = new SeedsTreeProvider(cache, { seedsGlob: '**/seeds/*.txt', groupBy: 'month' });
    const fired: (SeedNode | undefined)[] = [];
    provider.onDidChangeTreeData((node) => fired.push(node));
    const [month] = (await provider.getChildren()) as BucketNode[];
    const [, first] = month.articles;
    const categories = await provider.getChildren(first);
    const changed = async (text: string, mtime: number) => {
      mock.writeFile('/ws/seeds/a.txt', text, mtime);
      cache.invalidate(first.uri);
      await new Promise((resolve) => setTimeout(resolve, 10));
    };

    await changed(' date 2020-05-25 First headline\n\nA longer body.', 2);
    expect(fired).toEqual([first]);
    expect(first.result.kind === 'ok' && first.result.analysis.document.text).toContain('A longer body.');
    expect(await provider.getChildren(first)).not.toBe(categories); // its children read the new analysis

    await changed(' date 2020-05-26 First headline\n\nA longer body.', 3); // the other's date: it sorts first, by headline
    expect(fired).toEqual([first, undefined]);
    const [again] = (await provider.getChildren()) as BucketNode[];
    expect(again.articles.map((a) => toTreeItem(a).label)).toEqual(['First headline', 'Second headline']);

    await changed(' date 2020-05-26 Third headline\n\nA longer body.', 4); // only the headline changes: it sorts last
    expect(fired).toEqual([first, undefined, undefined]);
    const [last] = (await provider.getChildren()) as BucketNode[];
    expect(last.articles.map((a) => toTreeItem(a).label)).toEqual(['Second headline', 'Third headline']);
    provider.dispose();
    cache.dispose();
  });

  it('gives a filtered view groups of its own, so VS Code opens them afresh', async () => {
    fakeAnalyser.places = ['Khartoum'];
    mock.writeFile('/ws/seeds/a.txt', ' date 2020-05-25 First headline\n\nIn Khartoum.', 1);
    const cache = new AnalysisCache();
    const provider = new SeedsTreeProvider(cache, { seedsGlob: '**/seeds/*.txt', groupBy: 'month' });
    const [full] = await provider.getChildren();
    provider.setFilter({ type: 'place', name: 'Khartoum' });
    const [filtered] = await provider.getChildren();
    fakeAnalyser.places = [];
    expect(filtered.kind === 'bucket' && filtered.label).toBe('May 2020');
    expect(filtered.id).not.toBe(full.id);
    provider.dispose();
    cache.dispose();
  });

  it('redraws the whole view when an edit changes whether an article passes the filter', async () => {
    fakeAnalyser.places = ['Khartoum'];
    mock.writeFile('/ws/seeds/a.txt', ' date 2020-05-25 First headline\n\nIn Khartoum.', 1);
    const cache = new AnalysisCache();
    const provider = new SeedsTreeProvider(cache, { seedsGlob: '**/seeds/*.txt', groupBy: 'none' });
    provider.setFilter({ type: 'place', name: 'Khartoum' });
    const [shown] = (await provider.getChildren()) as ArticleNode[];
    const fired: (SeedNode | undefined)[] = [];
    provider.onDidChangeTreeData((node) => fired.push(node));
    mock.writeFile('/ws/seeds/a.txt', ' date 2020-05-25 First headline\n\nIn Omdurman.', 2);
    cache.invalidate(shown.uri);
    await new Promise((resolve) => setTimeout(resolve, 10));
    fakeAnalyser.places = [];
    expect(fired).toEqual([undefined]);
    expect(await provider.getChildren()).toEqual([]);
    provider.dispose();
    cache.dispose();
  });

  it('lists articles by their headers before analysing them, then analyses them in the background', async () => {
    mock.writeFile('/ws/seeds/a.txt', ' date 2020-05-25 First headline\n\nBody.', 1);
    mock.writeFile('/ws/seeds/b.txt', 'Second headline\n\nBody.', 1);
    fakeAnalyser.calls = 0;
    const { cache, open } = gatedCache();
    const provider = new SeedsTreeProvider(cache, { seedsGlob: '**/seeds/*.txt', groupBy: 'none' });
    const fired: (SeedNode | undefined)[] = [];
    provider.onDidChangeTreeData((node) => fired.push(node));

    const listed = (await provider.getChildren()) as ArticleNode[];
    expect(listed.map((a) => [toTreeItem(a).label, toTreeItem(a).description, toTreeItem(a).collapsibleState])).toEqual([
      ['First headline', '2020-05-25', vscode.TreeItemCollapsibleState.Collapsed],
      ['Second headline', undefined, vscode.TreeItemCollapsibleState.Collapsed],
    ]);
    expect(listed.map((a) => a.result.kind)).toEqual(['listed', 'listed']);
    expect(fakeAnalyser.calls).toBe(0);

    const expanded = provider.getChildren(listed[1]); // expanding waits for the article's analysis
    open();
    expect(((await expanded) as { kind: string }[]).map((n) => n.kind)).toEqual(['category', 'category', 'category', 'category']);
    await provider.whenAnalysed();
    expect(listed.map((a) => a.result.kind)).toEqual(['ok', 'ok']);
    expect(fakeAnalyser.calls).toBe(2); // each once, though asked for twice
    expect(fired).toEqual([]); // drawn as they were listed
    provider.dispose();
    cache.dispose();
  });

  it('redraws an article whose analysis finds it changed since it was listed', async () => {
    mock.writeFile('/ws/seeds/a.txt', ' date 2020-05-25 First headline\n\nBody.', 1);
    mock.writeFile('/ws/seeds/b.txt', ' date 2020-05-26 Second headline\n\nBody.', 1);
    const { cache, open } = gatedCache();
    const provider = new SeedsTreeProvider(cache, { seedsGlob: '**/seeds/*.txt', groupBy: 'none' });
    const [second, first] = (await provider.getChildren()) as ArticleNode[];
    const fired: (SeedNode | undefined)[] = [];
    provider.onDidChangeTreeData((node) => fired.push(node));
    // Between the listing and the analyses: one gains a byte that is not UTF-8, the other a new headline.
    const bytes = new TextEncoder().encode(' date 2020-05-25 First headline\n\nBody \u00ff.');
    mock.files.set(first.uri.toString(), { bytes: bytes.map((b, i) => (i === bytes.length - 3 ? 0xff : b)), mtime: 2 });
    mock.writeFile('/ws/seeds/b.txt', ' date 2020-05-26 Renamed headline\n\nBody.', 2);
    open();
    await provider.whenAnalysed();
    expect(fired).toContainEqual(first); // the same place, drawn with a warning
    expect((toTreeItem(first).iconPath as vscode.ThemeIcon).id).toBe('warning');
    expect(fired).toContainEqual(undefined); // the renamed one may move
    expect(toTreeItem(second).label).toBe('Renamed headline');
    provider.dispose();
    cache.dispose();
  });

  it('offers the filter choices, and the corpus its articles, of every article: the listed ones analysed first', async () => {
    mock.writeFile('/ws/seeds/a.txt', 'Shelling in Goma\n\nBody.');
    mock.writeFile('/ws/seeds/b.txt', 'Goma again\n\nBody.');
    fakeAnalyser.places = ['Goma'];
    try {
      const cache = new AnalysisCache();
      const provider = new SeedsTreeProvider(cache, { seedsGlob: '**/seeds/*.txt', groupBy: 'none' });
      expect(await provider.filterChoices()).toEqual([{ filter: { type: 'place', name: 'Goma' }, articles: 2 }]);
      const fresh = new AnalysisCache();
      const again = new SeedsTreeProvider(fresh, { seedsGlob: '**/seeds/*.txt', groupBy: 'none' });
      expect((await again.allArticles()).map((a) => a.result.kind)).toEqual(['ok', 'ok']);
      for (const disposable of [provider, cache, again, fresh]) disposable.dispose();
    } finally {
      fakeAnalyser.places = [];
    }
  });

  it('starts the background analyses once the list has had time to be drawn, unless asked for sooner', async () => {
    mock.writeFile('/ws/seeds/a.txt', 'First headline\n\nBody.', 1);
    mock.writeFile('/ws/seeds/b.txt', 'Second headline\n\nBody.', 1);
    fakeAnalyser.calls = 0;
    const cache = new AnalysisCache();
    const provider = new SeedsTreeProvider(cache, { seedsGlob: '**/seeds/*.txt', groupBy: 'none' });
    const started = Date.now();
    await provider.getChildren();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(fakeAnalyser.calls).toBe(0); // still drawing
    await vi.waitFor(() => expect(fakeAnalyser.calls).toBe(2), { timeout: 5000, interval: 50 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    provider.dispose();

    fakeAnalyser.calls = 0;
    const fresh = new AnalysisCache();
    const asked = new SeedsTreeProvider(fresh, { seedsGlob: '**/seeds/*.txt', groupBy: 'none' });
    const askedAt = Date.now();
    await asked.whenAnalysed();
    expect(fakeAnalyser.calls).toBe(2);
    expect(Date.now() - askedAt).toBeLessThan(1000);
    for (const disposable of [asked, fresh, cache]) disposable.dispose();
  });

  it('stops analysing in the background the articles of a listing a refresh replaced', async () => {
    for (let i = 0; i < 200; i++) mock.writeFile(`/ws/seeds/${String(i).padStart(3, '0')}.txt`, `Headline ${i}\n\nBody.`, 1);
    const { cache, open } = gatedCache();
    const provider = new SeedsTreeProvider(cache, { seedsGlob: '**/seeds/*.txt', groupBy: 'none' });
    await provider.getChildren(); // its analyses wait while the list is drawn
    provider.refresh();
    await provider.getChildren(); // listed again: none was analysed yet
    open();
    await provider.whenAnalysed();
    expect(vi.mocked(cache.analyseUri)).toHaveBeenCalledTimes(200); // the new listing's only
    provider.dispose();
    cache.dispose();
  });

  it('says how far each phase of a long load has got, once it has taken a second, and stops saying it when done', async () => {
    for (let i = 0; i < 200; i++) mock.writeFile(`/ws/seeds/${String(i).padStart(3, '0')}.txt`, `Headline ${i}\n\nBody.`, 1);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const cache = new AnalysisCache();
      const slowly = <T>(read: (uri: vscode.Uri) => Promise<T>) => async (uri: vscode.Uri) => {
        vi.setSystemTime(Date.now() + 10); // each file takes 10 ms
        return read(uri);
      };
      const listUri = cache.listUri.bind(cache);
      const analyseUri = cache.analyseUri.bind(cache);
      vi.spyOn(cache, 'listUri').mockImplementation(slowly(listUri));
      vi.spyOn(cache, 'analyseUri').mockImplementation(slowly(analyseUri));
      const provider = new SeedsTreeProvider(cache, { seedsGlob: '**/seeds/*.txt', groupBy: 'none' });
      const messages: (string | undefined)[] = [];
      provider.onDidChangeMessage((message) => messages.push(message));
      await provider.getChildren();
      // Batches of 64 files: 0.64 s after the first, 1.28 s after the second.
      expect(messages).toEqual(['Reading articles: 128 of 200…', 'Reading articles: 192 of 200…', 'Reading articles: 200 of 200…', undefined]);
      messages.length = 0;
      await provider.whenAnalysed();
      expect(messages).toEqual(['Analysing articles: 128 of 200…', 'Analysing articles: 192 of 200…', 'Analysing articles: 200 of 200…', undefined]);

      provider.setFilter({ type: 'place', name: 'Goma' });
      expect(provider.message).toBe('Articles naming the place Goma');
      messages.length = 0;
      vi.mocked(cache.listUri).mockImplementation(listUri); // analysed now: a stat each, no time passes
      provider.refresh();
      await provider.getChildren();
      expect(messages).toEqual([]);
      expect(provider.message).toBe('Articles naming the place Goma');
      provider.dispose();
      cache.dispose();
    } finally {
      vi.useRealTimers();
    }
  });

  it('writes the counts of its progress with thousands separated, as toLocaleString("en") does', () => {
    for (const n of [0, 7, 200, 999, 1000, 10_000, 123_456, 1_234_567]) expect(grouped(n)).toBe(n.toLocaleString('en'));
  });

  it('reads a large folder a batch of files at a time, and lists them all', async () => {
    for (let i = 0; i < 200; i++) mock.writeFile(`/ws/seeds/${String(i).padStart(3, '0')}.txt`, `Headline ${i}\n\nBody.`, 1);
    const cache = new AnalysisCache();
    let reading = 0;
    let most = 0;
    const readers = [cache.listUri, cache.analyseUri].map((read) => read.bind(cache));
    const counted = (read: (uri: vscode.Uri) => Promise<ArticleState>) => async (uri: vscode.Uri) => {
      most = Math.max(most, ++reading);
      const result = await read(uri);
      reading--;
      return result;
    };
    vi.spyOn(cache, 'listUri').mockImplementation(counted(readers[0]));
    vi.spyOn(cache, 'analyseUri').mockImplementation(counted(readers[1]) as typeof cache.analyseUri);
    const provider = new SeedsTreeProvider(cache, { seedsGlob: '**/seeds/*.txt', groupBy: 'none' });
    expect(await provider.getChildren()).toHaveLength(200);
    expect(most).toBeGreaterThan(1);
    expect(most).toBeLessThanOrEqual(64);
    most = 0;
    await provider.whenAnalysed(); // the analyses too
    expect(most).toBeGreaterThan(1);
    expect(most).toBeLessThanOrEqual(64);
    provider.dispose();
    cache.dispose();
  });

  it('adds a created file and drops a deleted one, as the watcher reports them', async () => {
    mock.writeFile('/ws/seeds/a.txt', ' date 2020-05-25 First headline\n\nBody.');
    const watchers: ReturnType<typeof mock.workspace.createFileSystemWatcher>[] = [];
    const create = mock.workspace.createFileSystemWatcher;
    const spy = vi.spyOn(mock.workspace, 'createFileSystemWatcher').mockImplementation(() => {
      const watcher = create();
      watchers.push(watcher);
      return watcher;
    });
    const cache = new AnalysisCache();
    const provider = new SeedsTreeProvider(cache, { seedsGlob: '**/seeds/**/*.txt', groupBy: 'none' });
    expect(await provider.getChildren()).toHaveLength(1);
    expect(watchers).toHaveLength(1); // one per workspace folder
    const b = mock.writeFile('/ws/seeds/b.txt', ' date 2020-06-01 Later headline\n\nBody.');
    watchers[0].fireCreate(b);
    await new Promise((resolve) => setTimeout(resolve, 10));
    const roots = (await provider.getChildren()) as ArticleNode[];
    expect(roots.map((r) => toTreeItem(r).label)).toEqual(['Later headline', 'First headline']);
    watchers[0].fireDelete(b);
    expect(await provider.getChildren()).toHaveLength(1);
    spy.mockRestore();
    provider.dispose();
    cache.dispose();
  });

  it('filters, and finds an article to reveal with its parent set', async () => {
    mock.writeFile('/ws/seeds/a.txt', ' date 2020-05-25 First headline\n\nBody.');
    const cache = new AnalysisCache();
    const provider = new SeedsTreeProvider(cache, { seedsGlob: '**/seeds/**/*.txt', groupBy: 'month' });
    const found = await provider.findArticle(vscode.Uri.file('/ws/seeds/a.txt'));
    expect(found?.parent?.label).toBe('May 2020');
    expect(provider.getParent(found!)).toBe(found!.parent);
    provider.setFilter({ type: 'place', name: 'Nowhere' });
    expect(await provider.getChildren()).toEqual([]);
    expect(await provider.findArticle(vscode.Uri.file('/ws/seeds/a.txt'))).toBeUndefined();
    provider.dispose();
    cache.dispose();
  });
});
