import type { Analysis, Claim, Entity, Party, Relation, SourceKind, Span, TextSpan } from './types';

// The summary model behind the panel, `news-review summarise` and the exports: what a reviewer needs
// without opening the article — the lead and the richest sentences, who says what and on whose word,
// the parties, places and dated statements. Pure data; the report/ modules render it.

export interface SourceGroup {
  /** The source as first written (a pronoun's antecedent when known), or null for claims resting on hedges alone. */
  source: TextSpan | null;
  kind: SourceKind | null;
  claims: Claim[];
}

export interface TimelineEntry {
  value: string;
  date: Entity;
  /** The sentence the date stands in. */
  sentence: TextSpan;
}

export interface PlaceCount {
  name: string;
  mentions: number;
  country?: string;
}

export type Sourcing = Record<SourceKind | 'hedged', number>;

export interface Summary {
  headline: string | null;
  date: string | null;
  /** The wire or ISO dateline as written ("KHARTOUM, April 17 (Reuters)"), or null. */
  dateline: string | null;
  /** The extractive summary: the lead and the sentences richest in claims and entities, in text order. */
  sentences: TextSpan[];
  claimsBySource: SourceGroup[];
  /** How many claims rest on each kind of source; `hedged` counts claims with no source but a hedge. */
  sourcing: Sourcing;
  /** Sentences in the writer's own voice: no claim covers them. */
  unattributed: TextSpan[];
  parties: Party[];
  relations: Relation[];
  places: PlaceCount[];
  timeline: TimelineEntry[];
  counts: { claims: number; dates: number; places: number; factions: number };
}

/** Sentences in the extractive summary, the lead included. */
const SUMMARY_SENTENCES = 4;

export function summarise(analysis: Analysis): Summary {
  const { document } = analysis;
  const text = document.text;
  const body = bodySentences(analysis);
  const claims = [...analysis.claims].sort((a, b) => a.start - b.start);
  const count = (type: Entity['type']) => analysis.entities.filter((e) => e.type === type).length;
  return {
    headline: document.headline?.text.trim() || null,
    date: analysis.date,
    dateline: document.dateline ? text.slice(document.dateline.span.start, document.dateline.span.end).replace(/[\s\-–—]+$/, '').trim() || null : null,
    sentences: extract(analysis, body),
    claimsBySource: groupBySource(claims, analysis.entities),
    sourcing: sourcingOf(claims),
    unattributed: unattributedOf(body, claims),
    parties: analysis.parties,
    relations: analysis.relations,
    places: placesOf(analysis.entities),
    timeline: timelineOf(analysis, body),
    counts: { claims: claims.length, dates: count('date'), places: count('place'), factions: count('faction') },
  };
}

export function sourcingOf(claims: readonly Claim[]): Sourcing {
  const sourcing: Sourcing = { person: 0, role: 0, organisation: 0, media: 0, anonymous: 0, hedged: 0 };
  for (const claim of claims) {
    if (claim.source) sourcing[claim.source.kind]++;
    else if (claim.hedged) sourcing.hedged++;
  }
  return sourcing;
}

/** The article's sentences without the headline when it stands on its own line. */
function bodySentences(analysis: Analysis): TextSpan[] {
  const { document } = analysis;
  const headline = document.headline;
  const sentences: TextSpan[] = [];
  for (const paragraph of document.paragraphs) {
    for (const s of paragraph.sentences) {
      if (headline && s.start <= headline.start && s.end >= headline.end && isTitleLine(analysis, s)) continue;
      sentences.push({ text: document.text.slice(s.start, s.end), start: s.start, end: s.end });
    }
  }
  return sentences;
}

/** A Markdown heading or a first line without a full stop is a title, not the lead. */
function isTitleLine(analysis: Analysis, sentence: Span): boolean {
  const text = analysis.document.text.slice(sentence.start, sentence.end);
  return text.startsWith('#') || !/[.!?…"”’)]$/.test(text.trim());
}

/** The lead, then the sentences with the most claims and distinct entities, back in text order. */
function extract(analysis: Analysis, body: TextSpan[]): TextSpan[] {
  if (body.length === 0) return [];
  const claims = new Array<number>(body.length).fill(0);
  for (const claim of analysis.claims) {
    const i = sentenceIndex(body, claim.start);
    if (i >= 0) claims[i]++;
  }
  const names = body.map(() => new Set<string>());
  for (const entity of analysis.entities) {
    const i = sentenceIndex(body, entity.start);
    if (i >= 0) names[i].add(`${entity.type}:${entity.canonical ?? entity.text}`);
  }
  const scored = body.slice(1).map((sentence, index) => {
    // Long sentences are not better summaries; a gentle length penalty keeps the summary short.
    return { sentence, index, score: 2 * claims[index + 1] + names[index + 1].size - sentence.text.length / 400 };
  });
  const picked = scored
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, SUMMARY_SENTENCES - 1)
    .sort((a, b) => a.index - b.index)
    .map((s) => s.sentence);
  return [body[0], ...picked];
}

/** Claims grouped by who they rest on: one group per source (pronouns join their antecedent), hedged claims last. */
function groupBySource(claims: readonly Claim[], entities: readonly Entity[]): SourceGroup[] {
  const factions = factionsByStart(entities);
  const groups = new Map<string, SourceGroup>();
  const hedged: SourceGroup = { source: null, kind: null, claims: [] };
  for (const claim of claims) {
    if (!claim.source) {
      hedged.claims.push(claim);
      continue;
    }
    const named = claim.source.antecedent ?? claim.source;
    const key = sourceKey(named, factions);
    let group = groups.get(key);
    if (!group) {
      group = { source: { text: named.text, start: named.start, end: named.end }, kind: claim.source.kind, claims: [] };
      groups.set(key, group);
    }
    group.claims.push(claim);
  }
  return [...groups.values(), ...(hedged.claims.length ? [hedged] : [])];
}

/**
 * One key per source however it is written: a party speaking is keyed by its canonical name ("The AA"
 * and "The Arakan Army (AA), ..." are one source); otherwise the text without articles, case or quotes.
 */
export function sourceKey(source: TextSpan, factions: readonly Entity[]): string {
  const faction = factionAtHead(source, factions);
  const head = source.text.split(',')[0];
  if (faction?.canonical && head.length <= faction.text.length + 12) return `party:${faction.canonical.toLowerCase()}`;
  return normaliseSource(source.text);
}

/** The faction entities sorted by offset, for `sourceKey`'s binary search. */
export function factionsByStart(entities: readonly Entity[]): Entity[] {
  return entities.filter((e) => e.type === 'faction').sort((a, b) => a.start - b.start);
}

/** The first faction inside `source` that starts within its first few characters (binary search: linear summaries). */
function factionAtHead(source: TextSpan, factions: readonly Entity[]): Entity | undefined {
  let low = 0;
  let high = factions.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (factions[mid].start < source.start) low = mid + 1;
    else high = mid;
  }
  for (let i = low; i < factions.length && factions[i].start - source.start <= 4; i++) {
    if (factions[i].end <= source.end) return factions[i];
  }
  return undefined;
}

export function normaliseSource(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/^(?:the|a|an)\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function placesOf(entities: readonly Entity[]): PlaceCount[] {
  const places = new Map<string, PlaceCount>();
  for (const entity of entities) {
    if (entity.type !== 'place') continue;
    const name = entity.canonical ?? entity.text;
    const place = places.get(name) ?? { name, mentions: 0, ...(entity.country ? { country: entity.country } : {}) };
    place.mentions++;
    places.set(name, place);
  }
  return [...places.values()].sort((a, b) => b.mentions - a.mentions);
}

/** Dated statements: every calendar date (not durations) with its sentence, ordered by date. */
function timelineOf(analysis: Analysis, body: TextSpan[]): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  let i = 0;
  const dates = analysis.entities.filter((e) => e.type === 'date' && e.value && /^\d{4}/.test(e.value)).sort((a, b) => a.start - b.start);
  for (const date of dates) {
    while (i < body.length && body[i].end <= date.start) i++;
    const sentence = body[i] && body[i].start <= date.start ? body[i] : undefined;
    if (sentence) entries.push({ value: date.value as string, date, sentence });
  }
  return entries.sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : a.date.start - b.date.start));
}

/** Sentences that no claim (content or source) touches. */
function unattributedOf(body: TextSpan[], claims: readonly Claim[]): TextSpan[] {
  const touched = new Array<boolean>(body.length).fill(false);
  for (const claim of claims) {
    for (const span of claim.source ? [claim, claim.source] : [claim]) {
      for (let i = Math.max(0, sentenceIndex(body, span.start)); i < body.length && body[i].start < span.end; i++) {
        if (body[i].end > span.start) touched[i] = true;
      }
    }
  }
  return body.filter((_, i) => !touched[i]);
}

/** The index of the sentence containing `at` (or the last one starting before it), -1 if none. */
function sentenceIndex(body: readonly Span[], at: number): number {
  let lo = 0;
  let hi = body.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (body[mid].start <= at) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

// ---- across articles ------------------------------------------------------------------------

export interface CorpusArticle {
  file: string;
  date: string | null;
  headline: string | null;
  claims: number;
  /** Claims resting on hedges alone, and on anonymous sources. */
  hedged: number;
  anonymous: number;
  places: number;
  factions: number;
  sourcing: Sourcing;
}

export interface CorpusSource {
  name: string;
  kind: SourceKind;
  claims: number;
  files: string[];
}

export interface CorpusParty {
  canonical: string;
  mentions: number;
  files: string[];
}

export interface CorpusTimelineEntry {
  value: string;
  file: string;
  sentence: string;
}

export interface CorpusSummary {
  articles: CorpusArticle[];
  sourcing: Sourcing;
  /** The sources most relied on: by how many articles cite them, then by claims. */
  sources: CorpusSource[];
  parties: CorpusParty[];
  relations: (Relation & { files: string[] })[];
  timeline: CorpusTimelineEntry[];
}

export function summariseCorpus(documents: readonly { file: string; analysis: Analysis }[]): CorpusSummary {
  const articles: CorpusArticle[] = [];
  const sources = new Map<string, CorpusSource>();
  const parties = new Map<string, CorpusParty>();
  const relations = new Map<string, Relation & { files: string[] }>();
  const timeline: CorpusTimelineEntry[] = [];
  const total: Sourcing = { person: 0, role: 0, organisation: 0, media: 0, anonymous: 0, hedged: 0 };

  for (const { file, analysis } of documents) {
    const factions = factionsByStart(analysis.entities);
    const summary = summarise(analysis);
    articles.push({
      file,
      date: summary.date,
      headline: summary.headline,
      claims: summary.counts.claims,
      hedged: summary.sourcing.hedged,
      anonymous: summary.sourcing.anonymous,
      places: summary.places.length,
      factions: summary.parties.length,
      sourcing: summary.sourcing,
    });
    for (const kind of Object.keys(total) as (keyof Sourcing)[]) total[kind] += summary.sourcing[kind];
    for (const group of summary.claimsBySource) {
      if (!group.source || !group.kind) continue;
      const key = sourceKey(group.source, factions);
      const source = sources.get(key) ?? { name: group.source.text, kind: group.kind, claims: 0, files: [] };
      source.claims += group.claims.length;
      if (!source.files.includes(file)) source.files.push(file);
      sources.set(key, source);
    }
    for (const party of analysis.parties) {
      const entry = parties.get(party.canonical) ?? { canonical: party.canonical, mentions: 0, files: [] };
      entry.mentions += party.mentions;
      if (!entry.files.includes(file)) entry.files.push(file);
      parties.set(party.canonical, entry);
    }
    for (const relation of analysis.relations) {
      const key = `${relation.from}\u0000${relation.kind}\u0000${relation.to}`;
      const entry = relations.get(key) ?? { ...relation, files: [] };
      if (!entry.files.includes(file)) entry.files.push(file);
      relations.set(key, entry);
    }
    for (const entry of summary.timeline) timeline.push({ value: entry.value, file, sentence: entry.sentence.text });
  }

  return {
    articles: articles.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.file.localeCompare(b.file)),
    sourcing: total,
    sources: [...sources.values()].sort((a, b) => b.files.length - a.files.length || b.claims - a.claims),
    parties: [...parties.values()].sort((a, b) => b.files.length - a.files.length || b.mentions - a.mentions),
    relations: [...relations.values()].sort((a, b) => b.files.length - a.files.length),
    timeline: timeline.sort((a, b) => a.value.localeCompare(b.value) || a.file.localeCompare(b.file)),
  };
}
