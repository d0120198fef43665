import type { SourceGroup, Summary } from '../summary';
import type { Claim, Entity, EntityType, Party, Relation, SourceKind, Span } from '../types';

// The summary as HTML: the sections shared by the VS Code panel (interactive: every claim and
// entity carries its offsets for the panel's script) and the standalone export (no script at all).
// Every piece of article text goes through `escapeHtml`; offsets are written only as integers.

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

export interface ReportContext {
  /** The article's path or name: the title when it has no headline. */
  file?: string;
  /** The analysis' entities; without them only the summary's places are listed. */
  entities?: readonly Entity[];
  /** Give every claim and entity its offsets (`data-start`, `data-end`) so the panel can reveal it. */
  interactive?: boolean;
  /** Rows per list or table at most (the panel's page must stay light on a huge file); all by default. */
  maxRows?: number;
}

const SOURCING_LABELS: Record<SourceKind | 'hedged', string> = {
  person: 'Named people',
  role: 'Officials and roles',
  organisation: 'Organisations',
  media: 'Media',
  anonymous: 'Anonymous sources',
  hedged: 'Hedge only, no source',
};

const KIND_LABELS: Record<SourceKind, string> = {
  person: 'person',
  role: 'role',
  organisation: 'organisation',
  media: 'media',
  anonymous: 'anonymous',
};

/** How many mentions of one entity are linked individually; the rest are counted. */
const MAX_MENTION_LINKS = 12;

export function articleTitle(summary: Summary, file?: string): string {
  return summary.headline?.trim() || file || 'Untitled article';
}

/** The summary's sections (header, summary, sourcing, claims, parties, timeline, entities). */
export function renderSummarySections(summary: Summary, context: ReportContext = {}): string {
  const html = new HtmlWriter(context.interactive === true, context.maxRows ?? Number.POSITIVE_INFINITY);
  return [
    renderHeader(summary, context),
    renderLead(summary, html),
    renderSourcing(summary),
    renderClaims(summary, html),
    renderParties(summary, context.entities, html),
    renderTimeline(summary, html),
    renderEntities(summary, context.entities, html),
  ].join('\n');
}

export interface ReportArticle {
  summary: Summary;
  file?: string;
  context?: Omit<ReportContext, 'file' | 'interactive'>;
}

/** A standalone HTML page of the summary, under a CSP that allows no script and no remote load. */
export function renderHtml(summary: Summary, file?: string, context: ReportArticle['context'] = {}): string {
  return renderHtmlReport([{ summary, file, context }]);
}

/** One standalone page for several articles (`news-review summarise DIR --format html`). */
export function renderHtmlReport(articles: readonly ReportArticle[]): string {
  const title = articles.length === 1 ? articleTitle(articles[0].summary, articles[0].file) : `News Source Review: ${plural(articles.length, 'article')}`;
  const body = articles
    .map((a) => `<article class="report">\n${renderSummarySections(a.summary, { ...a.context, file: a.file, interactive: false })}\n</article>`)
    .join('\n<hr>\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${standalonePolicy()}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="News Source Review">
<title>${escapeHtml(title)}</title>
<style>${STANDALONE_STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

function renderHeader(summary: Summary, context: ReportContext): string {
  const facts: string[] = [];
  if (summary.dateline) facts.push(`<span class="dateline">${escapeHtml(summary.dateline)}</span>`);
  if (summary.date) facts.push(`<span class="date">Dated <time>${escapeHtml(summary.date)}</time></span>`);
  if (context.file) facts.push(`<span class="file">${escapeHtml(context.file)}</span>`);
  const counts = summary.counts;
  if (counts) {
    facts.push(
      `<span class="counts">${[plural(counts.claims, 'claim'), plural(counts.dates, 'date'), plural(counts.places, 'place'), plural(counts.factions, 'faction')].join(', ')}</span>`,
    );
  }
  return `<header class="article">
<h1>${escapeHtml(articleTitle(summary, context.file))}</h1>
${facts.length ? `<p class="facts">${facts.join(' <span class="sep">·</span> ')}</p>` : ''}
</header>`;
}

function renderLead(summary: Summary, html: HtmlWriter): string {
  const body = summary.sentences.length
    ? `<ol class="lead">${summary.sentences.map((s) => `<li>${html.reveal(s, escapeHtml(s.text))}</li>`).join('')}</ol>`
    : empty('No sentences to summarise: the article has no body text.');
  return section('summary', 'Summary', body);
}

function renderSourcing(summary: Summary): string {
  const rows = (Object.keys(SOURCING_LABELS) as (SourceKind | 'hedged')[]).map((kind) => ({ kind, count: summary.sourcing?.[kind] ?? 0 }));
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  const unattributed = summary.unattributed?.length ?? 0;
  if (total === 0 && unattributed === 0) {
    return section('sourcing', 'Sourcing', empty('No claim rests on a source or a hedge, so there is no sourcing profile.'));
  }
  const max = Math.max(1, ...rows.map((r) => r.count), unattributed);
  const bar = (label: string, count: number, kind: string) =>
    `<tr class="${kind}"><th scope="row">${label}</th><td class="bar"><span class="fill ${kind} ${widthClass(count, max)}"></span></td><td class="count">${count}</td></tr>`;
  const bars = rows.map((r) => bar(SOURCING_LABELS[r.kind], r.count, r.kind));
  if (unattributed) bars.push(bar('Unattributed statements', unattributed, 'unattributed'));
  return section(
    'sourcing',
    'Sourcing',
    `<p class="note">${plural(total, 'claim')} by the kind of source they rest on.</p><table class="chart" aria-label="Claims by kind of source"><tbody>${bars.join('')}</tbody></table>`,
  );
}

function renderClaims(summary: Summary, html: HtmlWriter): string {
  const groups = summary.claimsBySource ?? [];
  const count = groups.reduce((sum, g) => sum + g.claims.length, 0);
  let body: string;
  if (count === 0) {
    body = empty('No attributed claims found. A claim is a statement with a reporting verb ("said", "told", "denied") or a cue such as "according to" or "reportedly".');
  } else {
    // The row budget is shared by all groups, in order.
    let budget = html.maxRows;
    const rows: string[] = [];
    for (const group of groups) {
      if (budget <= 0) break;
      rows.push(renderSourceGroup(group, group.claims.slice(0, budget), html));
      budget -= group.claims.length;
    }
    body = `<table class="claims">
<thead><tr><th scope="col">Source</th><th scope="col">Kind</th><th scope="col">Cue</th><th scope="col">Hedge</th><th scope="col">Claim</th></tr></thead>
${rows.join('\n')}
</table>${more(count - Math.min(count, html.maxRows), 'claim')}`;
  }
  const unattributed = summary.unattributed ?? [];
  if (unattributed.length) {
    const shown = unattributed.slice(0, html.maxRows);
    body += `<h3>Unattributed statements</h3><ul class="unattributed">${shown.map((s) => `<li>${html.reveal(s, escapeHtml(s.text))}</li>`).join('')}</ul>${more(unattributed.length - shown.length, 'statement')}`;
  }
  return section('claims', `Claims <span class="count">${count}</span>`, body);
}

function renderSourceGroup(group: SourceGroup, claims: readonly Claim[], html: HtmlWriter): string {
  const name = group.source ? html.reveal(group.source, escapeHtml(group.source.text)) : '<em>No source</em>';
  const kind = group.kind ? ` <span class="kind">${escapeHtml(KIND_LABELS[group.kind] ?? group.kind)}</span>` : '';
  const head = `<tr class="group"><th colspan="5" scope="rowgroup">${name}${kind} <span class="count">${plural(group.claims.length, 'claim')}</span></th></tr>`;
  return `<tbody>${head}${claims.map((c) => renderClaimRow(c, html)).join('')}</tbody>`;
}

function renderClaimRow(claim: Claim, html: HtmlWriter): string {
  const source = claim.source
    ? html.reveal(claim.source, escapeHtml(claim.source.text)) +
      (claim.source.antecedent ? ` <span class="antecedent">(${html.reveal(claim.source.antecedent, escapeHtml(claim.source.antecedent.text))})</span>` : '')
    : '<span class="none">—</span>';
  const kind = claim.source ? escapeHtml(KIND_LABELS[claim.source.kind] ?? claim.source.kind) : '';
  const cue = claim.cue ? (claim.cueSpan ? html.reveal(claim.cueSpan, escapeHtml(claim.cue)) : escapeHtml(claim.cue)) : '';
  const hedge = claim.hedged
    ? `<span class="badge hedge" title="${escapeHtml(claim.hedges.join(', '))}">${escapeHtml(claim.hedges[0] ?? 'hedged')}</span>`
    : '';
  const marks = [
    claim.stance !== 'asserts' ? `<span class="badge stance ${escapeHtml(claim.stance)}">${escapeHtml(claim.stance)}</span>` : '',
    claim.quote ? '<span class="badge quote">quote</span>' : '',
    claim.channel ? `<span class="channel">via ${escapeHtml(claim.channel.text)}</span>` : '',
  ].join('');
  return `<tr><td class="source">${source}</td><td class="kind">${kind}</td><td class="cue">${cue}</td><td class="hedge">${hedge}</td><td class="claim">${html.reveal(claim, escapeHtml(claim.text))}${marks}</td></tr>`;
}

function renderParties(summary: Summary, entities: readonly Entity[] | undefined, html: HtmlWriter): string {
  const parties = summary.parties ?? [];
  if (parties.length === 0) return section('parties', 'Parties', empty('No factions found: no party to the events is named.'));
  const firstMention = new Map<string, Entity>();
  for (const entity of entities ?? []) {
    if (entity.type === 'faction' && !firstMention.has(entity.canonical ?? entity.text)) firstMention.set(entity.canonical ?? entity.text, entity);
  }
  const rows = parties.slice(0, html.maxRows).map((party) => {
    const first = firstMention.get(party.canonical);
    const name = first ? html.reveal(first, escapeHtml(party.canonical)) : escapeHtml(party.canonical);
    const aliases = party.aliases.filter((a) => a !== party.canonical).map(escapeHtml).join(', ');
    return `<tr><th scope="row">${name}</th><td>${escapeHtml(party.kind ?? '')}</td><td>${aliases}</td><td class="count">${party.mentions}</td><td>${relationsOf(party, summary.relations ?? [])}</td></tr>`;
  });
  return section(
    'parties',
    'Parties',
    `<table class="parties"><thead><tr><th scope="col">Party</th><th scope="col">Kind</th><th scope="col">Also called</th><th scope="col">Mentions</th><th scope="col">Relations</th></tr></thead><tbody>${rows.join('')}</tbody></table>${more(parties.length - rows.length, 'party', 'parties')}`,
  );
}

function relationsOf(party: Party, relations: readonly Relation[]): string {
  const items: string[] = [];
  for (const r of relations) {
    if (r.from === party.canonical) items.push(`<span class="relation ${r.kind}">${r.kind}</span> ${escapeHtml(r.to)}`);
    else if (r.to === party.canonical) items.push(`<span class="relation ${r.kind}">${r.kind === 'backs' ? 'backed by' : 'opposed by'}</span> ${escapeHtml(r.from)}`);
  }
  return items.join('<br>');
}

function renderTimeline(summary: Summary, html: HtmlWriter): string {
  const entries = summary.timeline ?? [];
  if (entries.length === 0) return section('timeline', 'Timeline', empty('No dated events: no date in the article resolves to a calendar value.'));
  const items = entries.slice(0, html.maxRows).map(
    (e) =>
      `<li><span class="when">${escapeHtml(e.value)}</span> <span class="what">${html.reveal(e.date, escapeHtml(e.date.text))}</span> <span class="sentence">${html.reveal(e.sentence, escapeHtml(e.sentence.text))}</span></li>`,
  );
  return section('timeline', 'Timeline', `<ol class="timeline">${items.join('')}</ol>${more(entries.length - items.length, 'dated statement')}`);
}

interface EntityGroup {
  label: string;
  detail: string;
  mentions: Span[];
}

function renderEntities(summary: Summary, entities: readonly Entity[] | undefined, html: HtmlWriter): string {
  if (!entities) {
    // Without the analysis (the CLI's export), the summary's places are all there is.
    const places = summary.places ?? [];
    if (places.length === 0) return '';
    const items = places.map((p) => `<li>${escapeHtml(p.name)}${p.country ? ` <span class="detail">${escapeHtml(p.country)}</span>` : ''} <span class="count">×${p.mentions}</span></li>`);
    return section('entities', 'Places', `<ul class="entities">${items.join('')}</ul>`);
  }
  const blocks = (['date', 'place', 'faction'] as EntityType[]).map((type) => {
    const groups = groupEntities(entities, type);
    const title = { date: 'Dates', place: 'Places', faction: 'Factions' }[type];
    if (groups.length === 0) return `<h3>${title}</h3>${empty(`No ${title.toLowerCase()} found.`)}`;
    const items = groups.slice(0, html.maxRows).map((g) => {
      const [first, ...rest] = g.mentions;
      const more = rest.slice(0, MAX_MENTION_LINKS - 1).map((m, i) => html.reveal(m, String(i + 2), 'mention'));
      const hidden = rest.length - more.length;
      return `<li>${html.reveal(first, escapeHtml(g.label))}${g.detail ? ` <span class="detail">${escapeHtml(g.detail)}</span>` : ''} <span class="count">×${g.mentions.length}</span>${more.length ? ` <span class="mentions">${more.join(' ')}${hidden > 0 ? ` +${hidden}` : ''}</span>` : ''}</li>`;
    });
    return `<h3>${title} <span class="count">${groups.length}</span></h3><ul class="entities ${type}">${items.join('')}</ul>${more(groups.length - items.length, type)}`;
  });
  return section('entities', 'Entities', blocks.join('\n'));
}

/** Distinct entities of one type in order of first mention: dates by text and value, others by canonical name. */
function groupEntities(entities: readonly Entity[], type: EntityType): EntityGroup[] {
  const groups = new Map<string, EntityGroup>();
  for (const e of entities) {
    if (e.type !== type) continue;
    const key = type === 'date' ? `${e.text.toLowerCase()}\u0000${e.value ?? ''}` : (e.canonical ?? e.text).toLowerCase();
    let group = groups.get(key);
    if (!group) {
      const detail = type === 'date' ? (e.value ?? '') : type === 'place' ? [e.kind, e.country].filter(Boolean).join(', ') : (e.kind ?? '');
      group = { label: type === 'date' ? e.text : (e.canonical ?? e.text), detail, mentions: [] };
      groups.set(key, group);
    }
    group.mentions.push(e);
  }
  return [...groups.values()];
}

/** Writes links that reveal a span in the editor when interactive, plain text otherwise. */
class HtmlWriter {
  constructor(
    private readonly interactive: boolean,
    readonly maxRows: number,
  ) {}

  reveal(span: Span, innerHtml: string, className = ''): string {
    const { start, end } = span;
    if (!this.interactive || !Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start) {
      return className ? `<span class="${className}">${innerHtml}</span>` : innerHtml;
    }
    return `<a class="reveal${className ? ` ${className}` : ''}" href="#" data-start="${start}" data-end="${end}">${innerHtml}</a>`;
  }
}

function section(id: string, title: string, body: string): string {
  return `<section class="${id}"><h2>${title}</h2>\n${body}\n</section>`;
}

function empty(text: string): string {
  return `<p class="empty">${escapeHtml(text)}</p>`;
}

function plural(n: number, word: string, words = `${word}s`): string {
  return `${n} ${n === 1 ? word : words}`;
}

/** What a capped list left out; the export has everything. */
function more(hidden: number, word: string, words?: string): string {
  return hidden > 0 ? `<p class="note more">…and ${hidden} more ${hidden === 1 ? word : (words ?? `${word}s`)}: export the summary to see them all.</p>` : '';
}

/** Bar widths in 5% steps as classes: the panel's CSP forbids inline style attributes. */
export function widthClass(count: number, max: number): string {
  const step = max > 0 ? Math.round((Math.max(0, count) / max) * 20) : 0;
  return `w${Math.min(20, step) * 5}`;
}

const WIDTH_RULES = Array.from({ length: 21 }, (_, i) => `.w${i * 5}{width:${i * 5}%}`).join('');

/** The standalone page's stylesheet: light and dark by the reader's preference. */
const STANDALONE_STYLE = `
:root{color-scheme:light dark;--fg:#1f2328;--muted:#59636e;--bg:#fff;--line:#d1d9e0;--accent:#0969da;--badge:#eaeef2;--hedge:#9a6700;--bar:#0969da}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9198a1;--bg:#0d1117;--line:#3d444d;--accent:#4493f8;--badge:#262c36;--hedge:#d29922;--bar:#4493f8}}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif}
.report{max-width:60rem;margin:0 auto;padding:1.5rem}hr{border:0;border-top:2px solid var(--line)}
h1{font-size:1.4rem;margin:0 0 .25rem}h2{font-size:1.15rem;border-bottom:1px solid var(--line);padding-bottom:.2rem;margin-top:1.8rem}h3{font-size:1rem;margin:1rem 0 .3rem}
.facts,.note,.empty,.detail,.kind,.antecedent,.channel,.mentions{color:var(--muted)}.empty{font-style:italic}
.count{color:var(--muted);font-weight:normal;font-size:.9em}
table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:.3rem .5rem;border-bottom:1px solid var(--line)}
tr.group th{background:var(--badge)}
.chart th{width:14rem;font-weight:normal;border:0}.chart td{border:0}.bar{width:60%}.fill{display:block;height:.8rem;background:var(--bar);border-radius:2px;min-width:1px}.fill.w0{min-width:0}
.badge{display:inline-block;margin-left:.4rem;padding:0 .4rem;border-radius:.6rem;background:var(--badge);font-size:.8em}.badge.hedge{color:var(--hedge)}
.relation{font-variant:small-caps}.timeline .when{font-family:ui-monospace,monospace;margin-right:.4rem}
.timeline li,.lead li{margin:.3rem 0}.timeline{list-style:none;padding-left:0}
${WIDTH_RULES}`.trim();

let standaloneCsp: string | undefined;

/**
 * Only the page's own stylesheet, by hash: no script, no remote load, no inline style attribute. Made on
 * the first export, so that what loads this module does not load node:crypto (~7 ms of every CLI run).
 */
export function standalonePolicy(): string {
  if (standaloneCsp === undefined) {
    const { createHash } = require('node:crypto') as typeof import('node:crypto');
    standaloneCsp = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STANDALONE_STYLE).digest('base64')}'; base-uri 'none'; form-action 'none'`;
  }
  return standaloneCsp;
}
