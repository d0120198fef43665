import { describe, expect, it } from 'vitest';
import { findClaims } from '../../src/analysis/claims';
import { parseDocument } from '../../src/analysis/document';
import { escapeMarkdown, renderCorpusMarkdown, renderMarkdown, sourcingLine } from '../../src/analysis/report/markdown';
import { summarise, summariseCorpus } from '../../src/analysis/summary';
import type { Analysis, Entity, Party, Relation } from '../../src/analysis/types';

function analysisOf(text: string, entities: Entity[] = [], parties: Party[] = [], relations: Relation[] = []): Analysis {
  const document = parseDocument(text);
  return { document, date: document.dateline?.date?.value ?? null, entities, claims: findClaims(document, entities), parties, relations };
}

const TEXT = [
  ' date 2024-06-02 Clashes spread to the port district of Lumo on Saturday.',
  '',
  'The harbour police said that 12 people were injured. Rebels are reportedly digging in near the *old* fort | east gate.',
  '',
  '“We saw smoke all night,” said Ana Duarte, a fisherwoman.',
].join('\n');

function sectionOf(markdown: string, heading: string): string {
  const start = markdown.indexOf(`## ${heading}`);
  expect(start).toBeGreaterThanOrEqual(0);
  const next = markdown.indexOf('\n## ', start + 3);
  return markdown.slice(start, next < 0 ? undefined : next);
}

describe('renderMarkdown', () => {
  const date = TEXT.indexOf('Saturday');
  const entities: Entity[] = [{ type: 'date', text: 'Saturday', start: date, end: date + 8, value: '2024-06-01' }];
  const parties: Party[] = [{ canonical: 'Harbour Rebels', aliases: ['Harbour Rebels', 'Rebels'], mentions: 2 }];
  const relations: Relation[] = [{ from: 'Outside Power', to: 'Harbour Rebels', kind: 'backs' }];
  const markdown = renderMarkdown(summarise(analysisOf(TEXT, entities, parties, relations)), 'seeds/lumo.txt');

  it('opens with the headline, the file and the date', () => {
    const [title, , facts] = markdown.split('\n');
    expect(title).toBe('# Clashes spread to the port district of Lumo on Saturday.');
    expect(facts).toContain('`seeds/lumo.txt`');
    expect(facts).toContain('**Date:** 2024-06-02');
  });

  it('gives the sourcing profile in one line', () => {
    expect(markdown).toContain('**Sourcing:** 3 claims — 1 on named person, 1 on organisation, 1 on hedges alone');
  });

  it('lists claims under their source with kind, cue and a hedge marker', () => {
    const claims = sectionOf(markdown, 'Claims by source');
    expect(claims).toContain('### The harbour police — organisation');
    expect(claims).toContain('- 12 people were injured — *said*');
    expect(claims).toContain('### Ana Duarte, a fisherwoman — named person');
    expect(claims).toContain('- “We saw smoke all night” — *said*');
    expect(claims).toMatch(/### No source: on hedges alone\n\n- Rebels are reportedly .* ⚠ hedged \(reportedly\)/);
  });

  it('escapes Markdown in article text so emphasis and tables stay intact', () => {
    expect(markdown).toContain('near the \\*old\\* fort \\| east gate');
    expect(markdown).not.toContain('*old*');
  });

  it('shows parties with their relations, and the timeline', () => {
    const section = sectionOf(markdown, 'Parties');
    expect(section).toContain('| Harbour Rebels | 2 | Rebels |');
    expect(section).toContain('- Outside Power **backs** Harbour Rebels');
    expect(sectionOf(markdown, 'Timeline')).toContain('| 2024-06-01 | Clashes spread to the port district of Lumo on Saturday. |');
  });
});

describe('escapeMarkdown', () => {
  it.each([
    ['a | b', 'a \\| b'],
    ['*bold* and _it_', '\\*bold\\* and \\_it\\_'],
    ['# not a heading', '\\# not a heading'],
    ['1. not a list', '1\\. not a list'],
    ['<script>', '\\<script\\>'],
    ['line\nbreak', 'line break'],
    ['[link](x)', '\\[link\\](x)'],
  ])('%j', (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });
});

describe('sourcingLine', () => {
  it('says so when nothing is attributed', () => {
    expect(sourcingLine({ person: 0, role: 0, organisation: 0, media: 0, anonymous: 0, hedged: 0 })).toBe('no attributed claims');
  });
});

describe('renderCorpusMarkdown', () => {
  const a = ' date 2024-06-01 The harbour police said that the port was shut. Residents said that boats had left.';
  const b = ' date 2024-06-03 The harbour police said that the port had reopened.';
  const corpus = summariseCorpus([
    { file: 'b.txt', analysis: analysisOf(b) },
    { file: 'a|odd.txt', analysis: analysisOf(a) },
  ]);
  const markdown = renderCorpusMarkdown(corpus);

  it('has one table row per article and keeps pipes out of cells', () => {
    const rows = markdown.split('\n').filter((line) => /^\| 2024-/.test(line));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('`aodd.txt`');
    for (const row of rows) expect(row.split(/(?<!\\)\|/).length).toBe(9);
  });

  it('ranks the source most relied on across articles first', () => {
    const section = sectionOf(markdown, 'Sources most relied on');
    const first = section.split('\n').find((line) => line.startsWith('| ') && !line.startsWith('| Source') && !line.startsWith('| ---'));
    expect(first).toBe('| The harbour police | organisation | 2 | 2 |');
  });
});
