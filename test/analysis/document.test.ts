import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/analysis/document';
import { splitSentences } from '../../src/analysis/sentences';

const seedsDir = join(__dirname, '../../seeds');
const seeds = readdirSync(seedsDir).map((name) => ({ name, text: readFileSync(join(seedsDir, name), 'utf8') }));
const sentencesOf = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('dateline', () => {
  it('reads a leading ISO dateline and starts the body after it', () => {
    const text = ' date 2021-03-04 Troops entered the town on Monday.';
    const doc = parseDocument(text);
    expect(doc.dateline?.form).toBe('iso');
    expect(doc.dateline?.date).toMatchObject({ text: '2021-03-04', value: '2021-03-04' });
    expect(text.slice(doc.dateline!.date!.start, doc.dateline!.date!.end)).toBe('2021-03-04');
    expect(text.slice(doc.bodyStart)).toBe('Troops entered the town on Monday.');
  });

  it('refuses an impossible calendar date', () => {
    expect(parseDocument(' date 2021-02-30 Text.').dateline).toBeNull();
  });

  it('reads a wire dateline with its place and date', () => {
    const text = 'GOMA, Feb 8 (AFP) - Fighting resumed near the city.';
    const doc = parseDocument(text);
    expect(doc.dateline).toMatchObject({ form: 'wire', place: { text: 'GOMA' }, date: { text: 'Feb 8' } });
    expect(text.slice(doc.bodyStart)).toBe('Fighting resumed near the city.');
  });

  it('reads the country or region a wire dateline names after its city', () => {
    const text = 'MAIDUGURI, Nigeria, Feb 12 (Reuters) — Gunmen attacked a camp.';
    const doc = parseDocument(text);
    expect(doc.dateline).toMatchObject({ place: { text: 'MAIDUGURI' }, region: { text: 'Nigeria' }, date: { text: 'Feb 12' } });
    const { region, date } = doc.dateline!;
    expect(text.slice(region!.start, region!.end)).toBe('Nigeria');
    expect(text.slice(date!.start, date!.end)).toBe('Feb 12');
    expect(text.slice(doc.bodyStart)).toBe('Gunmen attacked a camp.');
    expect(parseDocument('GOMA, Feb 8 (AFP) - Fighting resumed.').dateline?.region).toBeUndefined();
  });

  it('reads a wire dateline after an ISO date, whose date it keeps', () => {
    const text = ' date 2023-10-09 KHARTOUM, Sudan, Oct 8 (Reuters) — Shelling resumed.';
    const doc = parseDocument(text);
    expect(doc.dateline).toMatchObject({ form: 'iso', date: { value: '2023-10-09' }, place: { text: 'KHARTOUM' }, region: { text: 'Sudan' } });
    for (const span of [doc.dateline!.place!, doc.dateline!.region!]) expect(text.slice(span.start, span.end)).toBe(span.text);
    expect(text.slice(doc.bodyStart)).toBe('Shelling resumed.');
    expect(parseDocument(' date 2023-10-09 BREAKING — Shelling resumed.').dateline).toMatchObject({ span: { end: 17 }, place: undefined });
  });

  it('reads a wire dateline without a date: with an agency, a country, or both', () => {
    for (const [text, region] of [
      ['KHARTOUM, Sudan (AP) — Shelling resumed.', 'Sudan'],
      ['NEW YORK (Reuters) - Shelling resumed.', undefined],
      ['GOMA, Congo — Shelling resumed.', 'Congo'],
      ['PORT-AU-PRINCE, Haiti (AP) — Shelling resumed.', 'Haiti'],
      ['JERUSALEM — Shelling resumed.', undefined],
      ['NEW YORK – Shelling resumed.', undefined],
      ['ISLAMABAD: Shelling resumed.', undefined],
    ] as const) {
      const doc = parseDocument(text);
      expect(doc.dateline, text).toMatchObject({ form: 'wire', region: region && { text: region } });
      expect(doc.dateline?.date).toBeUndefined();
      expect(text.slice(doc.bodyStart)).toBe('Shelling resumed.');
    }
    // A word in capitals and a dash is no dateline, nor is a bracket after lower-case words.
    expect(parseDocument('BREAKING — Shelling resumed.').dateline).toBeNull();
    expect(parseDocument('WARNING: Shelling resumed.').dateline).toBeNull();
    // Two cities: one dateline.
    expect(parseDocument('LONDON/KYIV, June 3 (Reuters) - Shelling resumed.').dateline).toMatchObject({ place: { text: 'LONDON/KYIV' }, date: { text: 'June 3' } });
    expect(parseDocument('JERUSALEM - Shelling resumed.').dateline).toBeNull();
    expect(parseDocument('UNHCR, EU AND AU officials met (briefly) - and said nothing.').dateline).toBeNull();
    expect(parseDocument('UNHCR, EU and AU officials met — and said nothing.').dateline).toBeNull();
    expect(parseDocument('KINSHASA, Democratic Republic of Congo — Shelling resumed.').dateline?.region?.text).toBe('Democratic Republic of Congo');
  });

  it('reads a dateline in title case with its country and a long dash, or a date or agency', () => {
    for (const [text, place] of [
      ['Beirut, Lebanon — Shelling resumed.', 'Beirut'],
      ['Port-au-Prince, Haiti – Shelling resumed.', 'Port-au-Prince'],
      ['Dar es Salaam, Oct. 2 (AP) - Shelling resumed.', 'Dar es Salaam'],
      ['Kyiv (Reuters) - Shelling resumed.', 'Kyiv'],
    ] as const) {
      const doc = parseDocument(text);
      expect(doc.dateline, text).toMatchObject({ form: 'wire', place: { text: place } });
      expect(text.slice(doc.bodyStart)).toBe('Shelling resumed.');
    }
    // A name set off by a dash opens a sentence; a hyphen after a country sets off no dateline in title case.
    expect(parseDocument('Hezbollah — the armed group — said the town was calm.').dateline).toBeNull();
    expect(parseDocument('Beirut, Lebanon - Shelling resumed.').dateline).toBeNull();
    expect(parseDocument('Hezbollah, Lebanon’s armed group — said the town was calm.').dateline).toBeNull();
  });

  it('finds no dateline in ordinary prose', () => {
    const doc = parseDocument('The council met in March. It adjourned.');
    expect(doc.dateline).toBeNull();
    expect(doc.bodyStart).toBe(0);
  });

  it('gives every seed with a leading "date" a dateline', () => {
    for (const seed of seeds.filter((s) => s.text.startsWith(' date '))) {
      expect(parseDocument(seed.text).dateline?.date?.value, seed.name).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});

describe('headline', () => {
  it('is the first sentence when there is no title line', () => {
    const doc = parseDocument(' date 2021-03-04 Shelling hit the port. Residents fled.\n\nMore text.');
    expect(doc.headline?.text).toBe('Shelling hit the port.');
  });

  it('is a title line without a full stop followed by a blank line', () => {
    const doc = parseDocument('Ceasefire collapses in the north\n\nFighting resumed on Sunday. It continued.');
    expect(doc.headline?.text).toBe('Ceasefire collapses in the north');
    expect(doc.paragraphs).toHaveLength(2);
  });

  it('is a Markdown heading without its hashes', () => {
    const text = '# Talks stall in Geneva\n\nDelegates left early.';
    const doc = parseDocument(text);
    expect(doc.headline?.text).toBe('Talks stall in Geneva');
    expect(text.slice(doc.headline!.start, doc.headline!.end)).toBe('Talks stall in Geneva');
  });

  it('is null for an article that is only a dateline', () => {
    expect(parseDocument(' date 2020-01-01 ').headline).toBeNull();
  });
});

describe('paragraphs', () => {
  it('splits on blank lines of any line ending, with exact offsets', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = `First one.${eol}${eol}Second one.${eol}  ${eol}Third one.`;
      const paragraphs = parseDocument(text).paragraphs.map((p) => text.slice(p.start, p.end));
      expect(paragraphs, JSON.stringify(eol)).toEqual(['First one.', 'Second one.', 'Third one.']);
    }
  });

  it('takes all the whitespace after a blank line into the break', () => {
    const text = 'One.\n \t\u00a0\n \u2003\n Two.\n\nThree.';
    const paragraphs = parseDocument(text).paragraphs.map((p) => text.slice(p.start, p.end));
    expect(paragraphs).toEqual(['One.', 'Two.', 'Three.']);
  });

  it('keeps a single line break of any line ending inside a paragraph', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      expect(parseDocument(`Line one${eol}continues here.${eol}${eol}Next.`).paragraphs, JSON.stringify(eol)).toHaveLength(2);
    }
  });

  it('covers every seed with sentences inside their paragraph', () => {
    for (const seed of seeds) {
      const doc = parseDocument(seed.text);
      expect(doc.paragraphs.length, seed.name).toBeGreaterThan(3);
      for (const p of doc.paragraphs) {
        expect(p.sentences.length).toBeGreaterThan(0);
        for (const s of p.sentences) {
          expect(s.start).toBeGreaterThanOrEqual(p.start);
          expect(s.end).toBeLessThanOrEqual(p.end);
          expect(seed.text.slice(s.start, s.end)).toBe(seed.text.slice(s.start, s.end).trim());
        }
      }
    }
  });
});

describe('sentences', () => {
  it('does not break after abbreviations and titles', () => {
    expect(sentencesOf('Gen. Ali met Lt. Col. Musa at St. Mary’s on Jan. 5 with Dr. Hassan. They talked.')).toEqual([
      'Gen. Ali met Lt. Col. Musa at St. Mary’s on Jan. 5 with Dr. Hassan.',
      'They talked.',
    ]);
  });

  it('keeps initialisms inside a sentence but ends one before a new sentence', () => {
    expect(sentencesOf('The U.S. Navy said the strike hit a depot. It was the second.')).toEqual([
      'The U.S. Navy said the strike hit a depot.',
      'It was the second.',
    ]);
    expect(sentencesOf('Aid came from the U.S. The convoy arrived later.')).toEqual([
      'Aid came from the U.S.',
      'The convoy arrived later.',
    ]);
  });

  it('reads the word before a full stop whole, accented letters included', () => {
    expect(sentencesOf('They met Zoë. She left.')).toEqual(['They met Zoë.', 'She left.']);
    expect(sentencesOf('Aid came via É.U. The convoy left.')).toEqual(['Aid came via É.U.', 'The convoy left.']);
    expect(sentencesOf('Ask at the Café St. Mary desk. Then go.')).toEqual(['Ask at the Café St. Mary desk.', 'Then go.']);
    expect(sentencesOf('It was a.bc. Then more.')).toEqual(['It was a.bc.', 'Then more.']);
  });

  it('ends a sentence at a line break even without a full stop', () => {
    expect(sentencesOf('Army retreats\nThe army left the base.')).toEqual(['Army retreats', 'The army left the base.']);
  });

  it('keeps a closing quotation mark with its sentence', () => {
    expect(sentencesOf('He said: “We will stay.” Then he left.')).toEqual(['He said: “We will stay.”', 'Then he left.']);
  });

  it('splits text in other scripts too, where the Unicode segmenter answers', () => {
    expect(sentencesOf('قال المتحدث. ثم غادر.')).toEqual(['قال المتحدث.', 'ثم غادر.']);
    expect(sentencesOf('Il a dit « non ».\u0301 Puis il est parti.')).toEqual(['Il a dit « non ».\u0301', 'Puis il est parti.']);
  });

  it('splits a very long run of sentences the same as short ones', () => {
    const sentence = 'The militia shelled the village again. ';
    const text = sentence.repeat(3000);
    const spans = splitSentences(text);
    expect(spans).toHaveLength(3000);
    expect(spans.every((s) => text.slice(s.start, s.end) === sentence.trim())).toBe(true);
  });
});
