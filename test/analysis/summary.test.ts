import { describe, expect, it } from 'vitest';
import { findClaims } from '../../src/analysis/claims';
import { parseDocument } from '../../src/analysis/document';
import { summarise, summariseCorpus } from '../../src/analysis/summary';
import type { Analysis, Entity, Party, Relation } from '../../src/analysis/types';

// Analyses are built from invented text with hand-placed entities, so these tests do not depend on
// the state of the entity recognisers.

function entity(text: string, type: Entity['type'], phrase: string, occurrence = 0, extra: Partial<Entity> = {}): Entity {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(phrase, start + 1);
  if (start < 0) throw new Error(`"${phrase}" is not in the text`);
  return { type, text: phrase, start, end: start + phrase.length, ...extra };
}

function analysisOf(text: string, entities: Entity[] = [], parties: Party[] = [], relations: Relation[] = []): Analysis {
  const document = parseDocument(text);
  const sorted = [...entities].sort((a, b) => a.start - b.start);
  return { document, date: document.dateline?.date?.value ?? null, entities: sorted, claims: findClaims(document, sorted), parties, relations };
}

const ARTICLE = [
  '# Floods cut the valley road',
  '',
  'Floodwater cut the only road into Varna Valley on Tuesday, stranding 2,000 people.',
  '',
  'The regional governor said that rescue boats had reached two villages. “We are doing what we can,” she said. Local radio reported that a bridge near Osk had collapsed.',
  '',
  'The valley flooded in 2019 as well. The dam operator is reportedly under investigation.',
  '',
  'A source close to the rescue teams said the water was still rising near Osk.',
].join('\n');

describe('the dateline of a summary', () => {
  it('is the wire dateline as written, with or without an ISO date before it, never the ISO date alone', () => {
    const datelineOf = (text: string) => summarise(analysisOf(text)).dateline;
    expect(datelineOf('KHARTOUM, April 17 (Reuters) - Shelling resumed.')).toBe('KHARTOUM, April 17 (Reuters)');
    expect(datelineOf(' date 2023-10-09 CARACAS — Shelling resumed.')).toBe('CARACAS');
    expect(datelineOf(' date 2020-05-25 Shelling resumed.')).toBeNull();
  });
});

describe('summarise', () => {
  const entities = (text: string) => [
    entity(text, 'place', 'Varna Valley', 0, { canonical: 'Varna Valley', country: 'XX' }),
    entity(text, 'place', 'Osk', 0, { canonical: 'Osk' }),
    entity(text, 'place', 'Osk', 1, { canonical: 'Osk' }),
    entity(text, 'date', 'Tuesday', 0, { value: '2024-05-07' }),
    entity(text, 'date', '2019', 0, { value: '2019' }),
  ];
  const analysis = analysisOf(ARTICLE, entities(ARTICLE));
  const summary = summarise(analysis);

  it('takes the headline and starts the summary with the lead, not the title', () => {
    expect(summary.headline).toBe('Floods cut the valley road');
    expect(summary.sentences[0].text).toMatch(/^Floodwater cut the only road/);
    expect(summary.sentences.length).toBeGreaterThanOrEqual(2);
    expect(summary.sentences.length).toBeLessThanOrEqual(5);
    const starts = summary.sentences.map((s) => s.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    for (const s of summary.sentences) expect(ARTICLE.slice(s.start, s.end)).toBe(s.text);
  });

  it('prefers sentences rich in claims and entities over bare ones', () => {
    const texts = summary.sentences.map((s) => s.text);
    expect(texts.some((t) => t.includes('a bridge near Osk'))).toBe(true);
    expect(texts).not.toContain('The valley flooded in 2019 as well.');
  });

  it('groups claims by source, joining a pronoun to its antecedent', () => {
    const governor = summary.claimsBySource.find((g) => g.source?.text === 'The regional governor');
    expect(governor?.claims.map((c) => c.text)).toEqual(['rescue boats had reached two villages', 'We are doing what we can']);
    expect(governor?.kind).toBe('role');
    const hedged = summary.claimsBySource.at(-1);
    expect(hedged?.source).toBeNull();
    expect(hedged?.claims[0].hedged).toBe(true);
    const total = summary.claimsBySource.reduce((n, g) => n + g.claims.length, 0);
    expect(total).toBe(analysis.claims.length);
  });

  it('counts the sourcing profile by kind and hedges alone', () => {
    expect(summary.sourcing).toEqual({ person: 0, role: 2, organisation: 0, media: 1, anonymous: 1, hedged: 1 });
  });

  it('lists the writer\'s-voice sentences as unattributed', () => {
    expect(summary.unattributed.map((s) => s.text)).toEqual([
      'Floodwater cut the only road into Varna Valley on Tuesday, stranding 2,000 people.',
      'The valley flooded in 2019 as well.',
    ]);
  });

  it('counts place mentions and orders the timeline by date value', () => {
    expect(summary.places[0]).toEqual({ name: 'Osk', mentions: 2 });
    expect(summary.places.find((p) => p.name === 'Varna Valley')).toEqual({ name: 'Varna Valley', mentions: 1, country: 'XX' });
    expect(summary.timeline.map((t) => t.value)).toEqual(['2019', '2024-05-07']);
    expect(summary.timeline[0].sentence.text).toBe('The valley flooded in 2019 as well.');
  });

  it('merges a party speaking under two names into one source group', () => {
    const text = 'The Northern Front (NF), an armed group, said that it held the pass. The NF denied shelling the town.';
    const nf = { canonical: 'Northern Front' };
    const a = analysisOf(text, [entity(text, 'faction', 'Northern Front', 0, nf), entity(text, 'faction', 'NF', 0, nf), entity(text, 'faction', 'NF', 1, nf)]);
    const groups = summarise(a).claimsBySource;
    expect(groups).toHaveLength(1);
    expect(groups[0].claims).toHaveLength(2);
  });

  it('summarises entities and claims out of text order as it does them in order', () => {
    const shuffled = { ...analysis, entities: [...analysis.entities].reverse(), claims: [...analysis.claims].reverse() };
    expect(summarise(shuffled)).toEqual(summary);
  });

  it('summarises an empty document without failing', () => {
    const empty = summarise(analysisOf(''));
    expect(empty).toMatchObject({ headline: null, sentences: [], claimsBySource: [], unattributed: [], timeline: [] });
  });
});

describe('summariseCorpus', () => {
  const first = ' date 2024-05-08 The water board said that the dam held on 7 May. Reuters reported that 40 homes flooded.';
  const second = ' date 2024-05-06 The water board warned on 5 May that the dam could fail. Rebels of the Hill Army denied blocking aid.';
  const hill: Party = { canonical: 'Hill Army', aliases: ['Hill Army'], mentions: 1 };
  const corpus = summariseCorpus([
    { file: 'b.txt', analysis: analysisOf(first, [entity(first, 'date', '7 May', 0, { value: '2024-05-07' })]) },
    { file: 'a.txt', analysis: analysisOf(second, [entity(second, 'date', '5 May', 0, { value: '2024-05-05' })], [hill], [{ from: 'Hill Army', to: 'Valley Front', kind: 'opposes' }]) },
  ]);

  it('gives one row per article, ordered by date', () => {
    expect(corpus.articles.map((a) => [a.file, a.date, a.claims])).toEqual([
      ['a.txt', '2024-05-06', 2],
      ['b.txt', '2024-05-08', 2],
    ]);
  });

  it('ranks the sources relied on across articles first', () => {
    expect(corpus.sources[0]).toMatchObject({ name: 'The water board', claims: 2, files: ['b.txt', 'a.txt'] });
    expect(corpus.sourcing.media).toBe(1);
  });

  it('collects parties, relations and a merged timeline', () => {
    expect(corpus.parties).toEqual([{ canonical: 'Hill Army', mentions: 1, files: ['a.txt'] }]);
    expect(corpus.relations[0]).toMatchObject({ from: 'Hill Army', kind: 'opposes', files: ['a.txt'] });
    expect(corpus.timeline.map((t) => [t.value, t.file])).toEqual([
      ['2024-05-05', 'a.txt'],
      ['2024-05-07', 'b.txt'],
    ]);
  });
});
