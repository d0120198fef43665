import * as vscode from 'vscode';
import { type ArticleHeader, headerOf } from '../analysis/header';
import type { Analysis, Claim, Entity, EntityType, TextSpan } from '../analysis/types';
import type { AnalysisCache, ArticleResult, ArticleState, ListedArticle } from './analysisCache';
import type { GroupBy } from './configuration';
import { Commands, TreeItemContext } from './constants';

// The Seeds view: articles grouped by month, folder or not at all, newest first; under each article
// its dates, places, factions and claims; under a repeated item its mentions. The model functions
// are pure (tested without an editor); the provider adds loading, watching and filtering. It lists
// the articles by their headers first, then analyses them in the background: an article expanded,
// hovered or filtered before its turn is analysed on the spot.

export type Category = 'dates' | 'places' | 'factions' | 'claims';
const CATEGORIES: readonly Category[] = ['dates', 'places', 'factions', 'claims'];
const CATEGORY_LABELS: Record<Category, string> = { dates: 'Dates', places: 'Places', factions: 'Factions', claims: 'Claims' };
const CATEGORY_TYPES: Record<Exclude<Category, 'claims'>, EntityType> = { dates: 'date', places: 'place', factions: 'faction' };
const CATEGORY_ICONS: Record<Category, string> = { dates: 'calendar', places: 'location', factions: 'organization', claims: 'quote' };

export interface ArticleNode {
  kind: 'article';
  id: string;
  uri: vscode.Uri;
  /** `listed` until analysed. */
  result: ArticleState;
  parent?: BucketNode;
}
export interface BucketNode {
  kind: 'bucket';
  id: string;
  label: string;
  articles: ArticleNode[];
  /** Whether it starts expanded (see EXPAND_ALL_UP_TO). */
  expanded: boolean;
}
export interface CategoryNode {
  kind: 'category';
  id: string;
  category: Category;
  article: ArticleNode;
  items: ItemNode[];
}
export interface ItemNode {
  kind: 'item';
  id: string;
  parent: CategoryNode;
  label: string;
  description?: string;
  /** Every mention, in document order. */
  spans: TextSpan[];
}
export interface MentionNode {
  kind: 'mention';
  id: string;
  parent: ItemNode;
  span: TextSpan;
  context: string;
}
export type SeedNode = BucketNode | ArticleNode | CategoryNode | ItemNode | MentionNode;

export interface SeedFilter {
  type: 'place' | 'faction';
  name: string;
}

export function articleNode(uri: vscode.Uri, result: ArticleState): ArticleNode {
  return { kind: 'article', id: `article:${uri.toString()}`, uri, result };
}

export function articleTitle(article: ArticleNode): string {
  const headline = stateHeader(article.result)?.headline?.trim();
  return headline || article.uri.path.slice(article.uri.path.lastIndexOf('/') + 1);
}

function articleDate(article: ArticleNode): string | null {
  return stateHeader(article.result)?.date ?? null;
}

/** Listed or analysed, the same header (`readHeader` is tested to agree with the analysis). */
function stateHeader(result: ArticleState): ArticleHeader | undefined {
  if (result.kind === 'listed') return result.header;
  return result.kind === 'ok' ? headerOf(result.analysis) : undefined;
}

/** Newest first; undated articles last, by title. */
export function sortArticles(articles: ArticleNode[]): ArticleNode[] {
  // Every change to a file sorts all the articles again: each one's keys are read once, not at every comparison.
  const keyed = articles.map((article) => ({ article, date: articleDate(article), title: articleTitle(article) }));
  keyed.sort((a, b) => {
    if (a.date !== b.date) {
      if (!a.date) return 1;
      if (!b.date) return -1;
      return a.date < b.date ? 1 : -1;
    }
    return a.title.localeCompare(b.title);
  });
  return keyed.map((k) => k.article);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function monthLabel(key: string): string {
  const month = Number(key.slice(5, 7));
  return month >= 1 && month <= 12 ? `${MONTHS[month - 1]} ${key.slice(0, 4)}` : key.slice(0, 4);
}

/**
 * A view of more articles than this starts with its first bucket (the newest month) expanded, the
 * others collapsed: VS Code makes the item of every article in an expanded bucket at once, and a wall
 * of thousands is no way in. In code-server, 10,000 seeds in 121 months, from the click on the view
 * to its first article: 1.4–2.1 s, against 2.1–2.7 s with every month expanded (two sessions of three).
 */
const EXPAND_ALL_UP_TO = 500;

/**
 * The root level: buckets (by month of the dateline, or by folder) holding sorted articles, or the
 * sorted articles themselves. Sets each article's `parent` so `getParent` (and `reveal`) work.
 */
export function groupArticles(articles: ArticleNode[], groupBy: GroupBy, folderOf: (uri: vscode.Uri) => string, filter?: SeedFilter): SeedNode[] {
  const sorted = sortArticles(articles);
  if (groupBy === 'none') {
    for (const article of sorted) article.parent = undefined;
    return sorted;
  }
  const buckets = new Map<string, BucketNode>();
  for (const article of sorted) {
    const key = groupBy === 'month' ? (articleDate(article)?.slice(0, 7) ?? '') : folderOf(article.uri);
    let bucket = buckets.get(key);
    if (!bucket) {
      const label = groupBy === 'month' ? (key ? monthLabel(key) : 'Undated') : key || '(root)';
      bucket = { kind: 'bucket', id: bucketId(groupBy, key, filter), label, articles: [], expanded: articles.length <= EXPAND_ALL_UP_TO };
      buckets.set(key, bucket);
    }
    bucket.articles.push(article);
    article.parent = bucket;
  }
  const keys = [...buckets.keys()];
  // Months newest first with "Undated" last; folders alphabetically.
  if (groupBy === 'month') keys.sort((a, b) => (!a ? 1 : !b ? -1 : a < b ? 1 : a > b ? -1 : 0));
  else keys.sort((a, b) => a.localeCompare(b));
  const roots = keys.map((key) => buckets.get(key)!);
  if (roots.length) roots[0].expanded = true;
  return roots;
}

/**
 * A filtered view's groups have ids of their own: VS Code keeps a group's expansion by its id, and a
 * group the full view showed collapsed would stay so in a filtered view of a few articles.
 */
function bucketId(groupBy: GroupBy, key: string, filter: SeedFilter | undefined): string {
  return `bucket:${groupBy}:${key}${filter ? `|${filter.type}:${filter.name}` : ''}`;
}

export function matchesFilter(article: ArticleNode, filter: SeedFilter | undefined): boolean {
  if (!filter) return true;
  if (article.result.kind !== 'ok') return false;
  return article.result.analysis.entities.some((e) => e.type === filter.type && entityKey(e) === filter.name);
}

/** What identifies an entity across mentions: a date's value, a place's or faction's canonical name. */
export function entityKey(entity: Entity): string {
  if (entity.type === 'date') return entity.value ?? entity.text;
  return entity.canonical ?? entity.text;
}

export function categoryNodes(article: ArticleNode): CategoryNode[] {
  if (article.result.kind !== 'ok') return [];
  const analysis = article.result.analysis;
  return CATEGORIES.map((category) => {
    const node: CategoryNode = { kind: 'category', id: `${article.id}#${category}`, category, article, items: [] };
    node.items = category === 'claims' ? claimItems(analysis, node) : entityItems(analysis, node, CATEGORY_TYPES[category]);
    return node;
  });
}

/** One item per distinct entity, its mentions under it: dates in order of appearance, places and factions most mentioned first. */
function entityItems(analysis: Analysis, parent: CategoryNode, type: EntityType): ItemNode[] {
  const byKey = new Map<string, { first: Entity; spans: TextSpan[] }>();
  for (const entity of analysis.entities) {
    if (entity.type !== type) continue;
    const key = entityKey(entity);
    const entry = byKey.get(key) ?? { first: entity, spans: [] };
    entry.spans.push({ text: entity.text, start: entity.start, end: entity.end });
    byKey.set(key, entry);
  }
  const items = [...byKey].map(([key, { first, spans }]): ItemNode => ({
    kind: 'item',
    id: `${parent.id}#${key}`,
    parent,
    label: type === 'date' ? first.text : key,
    description: itemDescription(first, spans.length),
    spans,
  }));
  if (type !== 'date') items.sort((a, b) => b.spans.length - a.spans.length || a.label.localeCompare(b.label));
  return items;
}

function itemDescription(entity: Entity, mentions: number): string {
  const parts: string[] = [];
  if (entity.type === 'date' && entity.value && entity.value !== entity.text) parts.push(entity.value);
  if (entity.type === 'place' && entity.country) parts.push(entity.country);
  if (entity.type !== 'date' && entity.kind) parts.push(entity.kind);
  if (mentions > 1) parts.push(`×${mentions}`);
  return parts.join(' · ');
}

function claimItems(analysis: Analysis, parent: CategoryNode): ItemNode[] {
  return analysis.claims.map((claim) => ({
    kind: 'item',
    id: `${parent.id}#${claim.start}-${claim.end}`,
    parent,
    label: clip(claim.text, 80),
    description: claimDescription(claim),
    spans: [{ text: claim.text, start: claim.start, end: claim.end }],
  }));
}

function claimDescription(claim: Claim): string {
  const source = claim.source ? (claim.source.antecedent?.text ?? claim.source.text) : 'unattributed';
  return [source, claim.cue, claim.hedged ? 'hedged' : ''].filter(Boolean).join(' · ');
}

export function mentionNodes(item: ItemNode, text: string): MentionNode[] {
  if (item.spans.length < 2) return [];
  return item.spans.map((span) => ({
    kind: 'mention',
    id: `${item.id}@${span.start}`,
    parent: item,
    span,
    context: snippet(text, span),
  }));
}

/** The mention with up to 30 characters either side, on one line. */
function snippet(text: string, span: TextSpan): string {
  const before = text.slice(Math.max(0, span.start - 30), span.start).replace(/\s+/g, ' ');
  const after = text.slice(span.end, span.end + 30).replace(/\s+/g, ' ');
  return `…${before}${span.text}${after}…`;
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function articleCounts(analysis: Analysis): Record<Category, number> & { hedged: number } {
  const count = (type: EntityType) => analysis.entities.filter((e) => e.type === type).length;
  return {
    dates: count('date'),
    places: count('place'),
    factions: count('faction'),
    claims: analysis.claims.length,
    hedged: analysis.claims.filter((c) => c.hedged).length,
  };
}

/**
 * Made on hover (`resolveTreeItem`), from the article's analysis: its counts read the claims too,
 * which are found when first read.
 */
function articleTooltip(article: ArticleNode, result: ArticleResult, relativePath: string): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString('', true);
  tooltip.appendMarkdown('**').appendText(articleTitle(article)).appendMarkdown('**\n\n');
  tooltip.appendText(relativePath).appendMarkdown('\n\n');
  if (result.kind === 'ok') {
    const counts = articleCounts(result.analysis);
    if (result.analysis.date) tooltip.appendMarkdown(`$(calendar) ${result.analysis.date}\n\n`);
    tooltip.appendMarkdown(
      `${counts.dates} dates · ${counts.places} places · ${counts.factions} factions · ` +
        `${counts.claims} claims (${counts.hedged} hedged) · ${result.analysis.parties.length} parties`,
    );
    if (result.warning) tooltip.appendMarkdown('\n\n$(warning) ').appendText(result.warning);
  } else if (result.kind === 'tooLarge') {
    tooltip.appendMarkdown(`$(warning) Not analysed: ${formatMB(result.size)} is above \`newsReview.maxFileSizeMB\`.`);
  } else {
    tooltip.appendMarkdown('$(error) ').appendText(result.message);
  }
  return tooltip;
}

function formatMB(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function toTreeItem(node: SeedNode): vscode.TreeItem {
  const { Collapsed, None, Expanded } = vscode.TreeItemCollapsibleState;
  switch (node.kind) {
    case 'bucket': {
      const item = new vscode.TreeItem(node.label, node.expanded ? Expanded : Collapsed);
      item.description = `${node.articles.length}`;
      item.contextValue = TreeItemContext.folder;
      item.iconPath = new vscode.ThemeIcon(node.id.startsWith('bucket:month') ? 'calendar' : 'folder');
      return withId(item, node.id);
    }
    case 'article': {
      const result = node.result;
      const readable = result.kind === 'ok' || result.kind === 'listed'; // a listed article is drawn as it will be once analysed
      const item = new vscode.TreeItem(articleTitle(node), readable ? Collapsed : None);
      item.resourceUri = node.uri;
      if (readable) {
        item.description = articleDate(node) ?? undefined;
        item.contextValue = TreeItemContext.article;
        item.iconPath = new vscode.ThemeIcon(result.warning ? 'warning' : 'file-text');
      } else {
        item.description = result.kind === 'tooLarge' ? `too large (${formatMB(result.size)})` : result.message;
        item.contextValue = TreeItemContext.articleError;
        item.iconPath = new vscode.ThemeIcon(result.kind === 'tooLarge' ? 'warning' : 'error', new vscode.ThemeColor(result.kind === 'tooLarge' ? 'list.warningForeground' : 'list.errorForeground'));
      }
      item.command = { command: 'vscode.open', title: 'Open', arguments: [node.uri, { preview: true }] };
      return withId(item, node.id);
    }
    case 'category': {
      const count = node.items.reduce((sum, i) => sum + i.spans.length, 0);
      const item = new vscode.TreeItem(CATEGORY_LABELS[node.category], count ? Collapsed : None);
      item.description = `${count}`;
      item.contextValue = TreeItemContext.group;
      item.iconPath = new vscode.ThemeIcon(CATEGORY_ICONS[node.category]);
      return withId(item, node.id);
    }
    case 'item': {
      const item = new vscode.TreeItem(node.label, node.spans.length > 1 ? Collapsed : None);
      item.description = node.description;
      item.contextValue = node.parent.category === 'claims' ? TreeItemContext.claim : TreeItemContext.entity;
      if (node.parent.category === 'claims') item.tooltip = node.spans[0].text;
      item.command = openSpanCommand(node.parent.article.uri, node.spans[0]);
      return withId(item, node.id);
    }
    case 'mention': {
      const item = new vscode.TreeItem(node.span.text, None);
      item.description = node.context;
      item.contextValue = TreeItemContext.mention;
      item.command = openSpanCommand(node.parent.parent.article.uri, node.span);
      return withId(item, node.id);
    }
  }
}

function withId(item: vscode.TreeItem, id: string): vscode.TreeItem {
  item.id = id;
  return item;
}

function openSpanCommand(uri: vscode.Uri, span: TextSpan): vscode.Command {
  return { command: Commands.openSpan, title: 'Reveal', arguments: [uri, span.start, span.end] };
}

/** Files read and analysed together when the tree loads. */
const LOAD_BATCH = 64;

/**
 * The articles of `uris`, in their order, a batch at a time: thousands of reads at once would hold
 * every file's bytes and slow the analyses down (10,000 seeds: ~20% slower, ~20% more memory than
 * batches of 64). Starting the next read as soon as any file was analysed, rather than batch by
 * batch, measured no faster (10,000 seeds, five runs each).
 */
export function loadArticles(
  uris: readonly vscode.Uri[],
  read: (uri: vscode.Uri) => Promise<ArticleState>,
  onBatch?: (done: number) => void,
): Promise<ArticleNode[]> {
  return inBatches(uris, async (uri) => articleNode(uri, await read(uri)), onBatch);
}

/**
 * `work` on every item, LOAD_BATCH at a time (as `loadArticles` reads), the results in order; `onBatch`
 * is told how many are done after each batch, and no batch starts once `going` says no.
 */
async function inBatches<T, R>(items: readonly T[], work: (item: T) => Promise<R>, onBatch?: (done: number) => void, going = () => true): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length && going(); i += LOAD_BATCH) {
    results.push(...(await Promise.all(items.slice(i, i + LOAD_BATCH).map(work))));
    onBatch?.(results.length);
  }
  return results;
}

/** How far a load of the view has got, once it has taken long enough to say so. */
interface LoadProgress {
  /** Reading the files for their headers, or analysing the articles so listed. */
  phase: 'reading' | 'analysing';
  done: number;
  total: number;
}

/** Each phase of a load is reported only after this long: a refresh of cached articles (a stat each) ends sooner. */
const LOAD_PROGRESS_AFTER_MS = 1000;

/**
 * How long the background analyses wait after a listing, while VS Code draws the list: started at
 * once, they held the first of 10,000 articles back (4.0–4.6 s after the click in code-server, against
 * 2.6–3.1 s), competing with the drawing for the two cores. Whatever needs every analysis
 * (`whenAnalysed`) starts them at once; an article expanded or hovered is analysed on the spot.
 */
const ANALYSE_AFTER_MS = 1500;

/**
 * "10,000", as `toLocaleString('en')` writes it, without ICU: a load reports after every batch, and each
 * `toLocaleString` cost ~80 µs (the first in a process ~20 ms), ~40 ms of indexing 10,000 seeds.
 */
export function grouped(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+$)/g, ',');
}

/** What the views say above their articles: how far a long load has got, else the filter. */
function viewMessage(progress: LoadProgress | undefined, filter: SeedFilter | undefined): string | undefined {
  if (progress) {
    const counts = `${grouped(progress.done)} of ${grouped(progress.total)}`;
    return `${progress.phase === 'reading' ? 'Reading' : 'Analysing'} articles: ${counts}…`;
  }
  return filter && `Articles naming the ${filter.type} ${filter.name}`;
}

/** The data behind both Seeds views: one model, loaded lazily, updated file by file. */
export class SeedsTreeProvider implements vscode.TreeDataProvider<SeedNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<SeedNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly messageChanged = new vscode.EventEmitter<string | undefined>();
  /** Fires with the views' new `message`. */
  readonly onDidChangeMessage = this.messageChanged.event;
  private progress: LoadProgress | undefined;
  private readonly articles = new Map<string, ArticleNode>();
  /** Listing the files (see `loadAll`). */
  private loading: Promise<void> | undefined;
  /** Analysing what the last listing listed, in the background. */
  private analysing: Promise<void> = Promise.resolve();
  /** Counts loads, so a background analysis stops when a newer load replaces its articles. */
  private generation = 0;
  /** Ends the background analysis's wait (`ANALYSE_AFTER_MS`). */
  private startAnalysing: (() => void) | undefined;
  private readonly pending = new WeakMap<ArticleNode, Promise<ArticleResult>>();
  private watchers: vscode.FileSystemWatcher[] = [];
  private readonly subscriptions: vscode.Disposable[] = [];
  private children = new WeakMap<SeedNode, SeedNode[]>();
  filter: SeedFilter | undefined;

  constructor(
    private readonly cache: AnalysisCache,
    private settings: { seedsGlob: string; groupBy: GroupBy },
  ) {
    this.subscriptions.push(cache.onDidChange((uri) => this.articles.has(uri.toString()) && void this.update(uri)));
  }

  /** New settings: a new glob means a new file list and watcher; a new grouping only a redraw. */
  configure(settings: { seedsGlob: string; groupBy: GroupBy }): void {
    const globChanged = settings.seedsGlob !== this.settings.seedsGlob;
    this.settings = settings;
    if (globChanged) this.refresh();
    else this.changed.fire(undefined);
  }

  /** Find the files again (analyses stay cached by mtime, so unchanged files cost a stat). */
  refresh(): void {
    this.stopAnalysing(); // the listing is replaced: its articles need no analysis now
    this.loading = undefined;
    this.changed.fire(undefined);
  }

  setFilter(filter: SeedFilter | undefined): void {
    this.filter = filter;
    this.changed.fire(undefined);
    this.messageChanged.fire(this.message);
  }

  /** What the views say above their articles (`viewMessage`). */
  get message(): string | undefined {
    return viewMessage(this.progress, this.filter);
  }

  async getChildren(node?: SeedNode): Promise<SeedNode[]> {
    if (!node) {
      // A filter reads every article's entities: listing waits for their analyses.
      await (this.filter ? this.whenAnalysed() : this.load());
      const visible = [...this.articles.values()].filter((a) => matchesFilter(a, this.filter));
      return groupArticles(visible, this.settings.groupBy, (uri) => folderOf(uri), this.filter);
    }
    if (node.kind === 'article') await this.analysed(node);
    const cached = this.children.get(node);
    if (cached) return cached;
    const children = this.computeChildren(node);
    this.children.set(node, children);
    return children;
  }

  getTreeItem(node: SeedNode): vscode.TreeItem {
    return toTreeItem(node);
  }

  /**
   * An article's tooltip, on hover only: the view makes the items of every article in an expanded
   * month at once, and the tooltip's counts would find every article's claims (10,000 seeds: ~1.7 s).
   */
  async resolveTreeItem(item: vscode.TreeItem, node: SeedNode): Promise<vscode.TreeItem> {
    if (node.kind === 'article') item.tooltip = articleTooltip(node, await this.analysed(node), vscode.workspace.asRelativePath(node.uri));
    return item;
  }

  /** Resolves once every article the view lists is analysed. */
  async whenAnalysed(): Promise<void> {
    await this.load();
    this.startAnalysing?.();
    await this.analysing;
  }

  getParent(node: SeedNode): SeedNode | undefined {
    switch (node.kind) {
      case 'bucket':
        return undefined;
      case 'article':
        return node.parent;
      case 'category':
        return node.article;
      case 'item':
        return node.parent;
      case 'mention':
        return node.parent;
    }
  }

  /** The node of an article, once loaded (for "Reveal in Seeds"). */
  async findArticle(uri: vscode.Uri): Promise<ArticleNode | undefined> {
    await this.getChildren(); // sets parents for the current grouping
    const article = this.articles.get(uri.toString());
    return article && matchesFilter(article, this.filter) ? article : undefined;
  }

  /** Every article, analysed, for corpus commands. */
  async allArticles(): Promise<ArticleNode[]> {
    await this.whenAnalysed();
    return sortArticles([...this.articles.values()]);
  }

  /** Distinct places and factions across the loaded articles, with how many articles name each. */
  async filterChoices(): Promise<{ filter: SeedFilter; articles: number }[]> {
    await this.whenAnalysed();
    const counts = new Map<string, { filter: SeedFilter; articles: number }>();
    for (const article of this.articles.values()) {
      if (article.result.kind !== 'ok') continue;
      const seen = new Set<string>();
      for (const entity of article.result.analysis.entities) {
        if (entity.type === 'date') continue;
        const key = `${entity.type}:${entityKey(entity)}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const entry = counts.get(key) ?? { filter: { type: entity.type, name: entityKey(entity) }, articles: 0 };
        entry.articles++;
        counts.set(key, entry);
      }
    }
    return [...counts.values()].sort((a, b) => b.articles - a.articles || a.filter.name.localeCompare(b.filter.name));
  }

  dispose(): void {
    this.stopAnalysing();
    this.watchers.forEach((w) => w.dispose());
    this.subscriptions.forEach((d) => d.dispose());
    this.changed.dispose();
    this.messageChanged.dispose();
  }

  private computeChildren(node: SeedNode): SeedNode[] {
    switch (node.kind) {
      case 'bucket':
        return node.articles;
      case 'article':
        return categoryNodes(node);
      case 'category':
        return node.items;
      case 'item': {
        const result = node.parent.article.result;
        return result.kind === 'ok' ? mentionNodes(node, result.analysis.document.text) : [];
      }
      case 'mention':
        return [];
    }
  }

  private load(): Promise<void> {
    this.loading ??= this.loadAll();
    return this.loading;
  }

  /**
   * Lists the files by their headers (date and headline; the analyses kept from before where the
   * files are unchanged), then analyses the others in the background: 10,000 seeds are listed in a
   * fraction of the time their analyses take.
   */
  private async loadAll(): Promise<void> {
    const generation = ++this.generation;
    this.watch();
    const uris = vscode.workspace.workspaceFolders?.length ? await vscode.workspace.findFiles(this.settings.seedsGlob) : [];
    const results = await loadArticles(uris, (uri) => this.cache.listUri(uri), this.reporter('reading', uris.length));
    if (this.progress) this.setProgress(undefined);
    void this.cache.keepHeaders(uris).catch(() => undefined); // only a head start for the next window
    this.articles.clear();
    for (const article of results) this.articles.set(article.uri.toString(), article);
    this.analysing = this.analyseListed(generation);
  }

  /** Analyses the listed articles a batch at a time, as the listing read them, once the list is drawn. */
  private async analyseListed(generation: number): Promise<void> {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ANALYSE_AFTER_MS);
      this.startAnalysing = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    const listed = [...this.articles.values()].filter((a) => a.result.kind === 'listed');
    const current = () => generation === this.generation;
    await inBatches(listed, (article) => this.analysed(article), this.reporter('analysing', listed.length, current), current);
    if (current() && this.progress) this.setProgress(undefined);
  }

  /** Reports how far a phase has got after each batch, once it has taken LOAD_PROGRESS_AFTER_MS, while `current`. */
  private reporter(phase: LoadProgress['phase'], total: number, current = () => true): (done: number) => void {
    const started = Date.now();
    return (done) => {
      if (current() && Date.now() - started >= LOAD_PROGRESS_AFTER_MS) this.setProgress({ phase, done, total });
    };
  }

  /** An article's analysis: made now when the background has not reached it yet, once however often asked. */
  private analysed(article: ArticleNode): Promise<ArticleResult> {
    const listed = article.result;
    if (listed.kind !== 'listed') return Promise.resolve(listed);
    let pending = this.pending.get(article);
    if (!pending) {
      pending = this.cache.analyseUri(article.uri).then((result) => {
        this.pending.delete(article);
        if (article.result === listed) this.settle(article, listed, result); // else an update came first
        return result;
      });
      this.pending.set(article, pending);
    }
    return pending;
  }

  /** A listed article is drawn as it will be once analysed: redrawn only if its analysis says otherwise. */
  private settle(article: ArticleNode, listed: ListedArticle, result: ArticleResult): void {
    const inPlace = this.keepsItsPlace(article, articleNode(article.uri, result));
    article.result = result;
    this.children.delete(article);
    if (!inPlace) this.changed.fire(undefined);
    else if (result.kind !== 'ok' || result.warning !== listed.warning) this.changed.fire(article);
  }

  /** The background analysis, if any, ends without analysing more, its wait included. */
  private stopAnalysing(): void {
    this.generation++;
    this.startAnalysing?.();
  }

  private setProgress(progress: LoadProgress | undefined): void {
    this.progress = progress;
    this.messageChanged.fire(this.message);
  }

  /** Re-read one file (created, changed or edited); everything else stays as it is. */
  private async update(uri: vscode.Uri): Promise<void> {
    const result = await this.cache.analyseUri(uri);
    const previous = this.articles.get(uri.toString());
    if (previous?.result === result) return;
    const article = articleNode(uri, result);
    if (previous && this.keepsItsPlace(previous, article)) {
      // Only its item and children are redrawn: a refresh of the whole view would sort and send again
      // every article's item (an edit settling in one of 10,000 seeds, or each file a checkout changes).
      previous.result = result;
      this.children.delete(previous);
      this.changed.fire(previous);
      return;
    }
    this.articles.set(uri.toString(), article);
    this.changed.fire(undefined);
  }

  /** Whether the new version sorts, groups and filters as the old one did. */
  private keepsItsPlace(previous: ArticleNode, article: ArticleNode): boolean {
    return (
      articleDate(previous) === articleDate(article) &&
      articleTitle(previous) === articleTitle(article) &&
      matchesFilter(previous, this.filter) === matchesFilter(article, this.filter)
    );
  }

  private remove(uri: vscode.Uri): void {
    if (this.articles.delete(uri.toString())) this.changed.fire(undefined);
  }

  /** One watcher per workspace folder, so a relative glob means the same as for `findFiles`. */
  private watch(): void {
    this.watchers.forEach((w) => w.dispose());
    this.watchers = (vscode.workspace.workspaceFolders ?? []).map((folder) => {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, this.settings.seedsGlob));
      watcher.onDidCreate((uri) => void this.update(uri));
      watcher.onDidChange((uri) => this.cache.invalidate(uri)); // the cache tells us (and the panel) back
      watcher.onDidDelete((uri) => {
        this.cache.invalidate(uri);
        this.remove(uri);
      });
      return watcher;
    });
  }
}

/** The article's folder relative to its workspace folder (with the folder's name in a multi-root workspace). */
function folderOf(uri: vscode.Uri): string {
  const relative = vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
  const slash = relative.lastIndexOf('/');
  return slash < 0 ? '' : relative.slice(0, slash);
}
