import { readFileSync, statSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { gazetteer, gazetteerStats, goesOn, nameKey, placesOf, useGazetteerText, wordKey } from '../../src/analysis/gazetteer';
import { ensureBuiltGazetteer } from './placesSetup';

let file = '';

beforeAll(() => {
  file = ensureBuiltGazetteer();
});

describe('the built gazetteer', () => {
  it('is compact and loads on first use', () => {
    expect(statSync(file).size).toBeLessThan(2_000_000);
    expect(rows(readFileSync(file, 'utf8')).length).toBeGreaterThan(30_000);
    expect(gazetteerStats()).toMatchObject({ file });
    expect(gazetteerStats().loadMs).toBeGreaterThan(0);
  });

  it('has its lines sorted by key, as the lookups search them', () => {
    const keys = rows(readFileSync(file, 'utf8')).map(([key]) => key);
    expect(keys.every((key, i) => i === 0 || keys[i - 1] <= key)).toBe(true);
  });

  it('finds each word the names a line-by-line index of the file gives, and no other', () => {
    const text = readFileSync(file, 'utf8');
    const expected = referenceIndex(text);
    const index = gazetteer();
    for (const [first, bucket] of expected.buckets) {
      const found = index.byFirst.get(first);
      expect(found && { names: [...found.names], maxWords: found.maxWords }).toEqual({ names: [...bucket.names], maxWords: bucket.maxWords });
    }
    // Words next to those in the order of keys, and demonyms ("central african"), have a bucket only when the index has one.
    const others = [...expected.buckets.keys()].flatMap((first) => [first.slice(0, -1), `${first}a`, `${first}\u00e9`, `${first} `, `${first} x`]);
    for (const word of [...others, ...expected.demonyms]) expect(index.byFirst.get(word) !== undefined).toBe(expected.buckets.has(word));
    expect([...index.demonyms].sort()).toEqual([...expected.demonyms].sort());
  });

  it('writes keys the way the recogniser reads the text', async () => {
    // @ts-expect-error the build script is plain JavaScript
    const { nameKey: buildKey } = (await import('../../src/analysis/data/buildGazetteer.mjs')) as { nameKey: (name: string) => string };
    for (const name of ['Côte d’Ivoire', "N'Djamena", 'U.S.', 'Deir ez-Zor', 'São Tomé and Príncipe', 'Mrauk-U', 'Şa‘dah', 'Qiryat Shmona', 'Dahiyeh', 'El-Fasher']) {
      expect(buildKey(name)).toBe(nameKey(name));
    }
  });

  it('indexes every name by its first word, with regions, cities and countries', () => {
    const index = gazetteer();
    const lookup = (name: string) => {
      const bucket = index.byFirst.get(nameKey(name).split(' ')[0]);
      return (bucket && placesOf(bucket, nameKey(name))) ?? [];
    };
    expect(lookup('United Arab Emirates')[0]).toMatchObject({ canonical: 'United Arab Emirates', country: 'AE', kind: 'country' });
    expect(lookup('Bani Walid')[0]).toMatchObject({ country: 'LY' });
    expect(lookup('Tigray')[0]).toMatchObject({ country: 'ET', kind: 'region' });
    expect(lookup('Goma')[0]).toMatchObject({ country: 'CD' });
    expect(index.demonyms.has('libyan')).toBe(true);
  });
});

describe('keys', () => {
  it('ignore case, accents, apostrophes and dots', () => {
    expect(wordKey('São')).toBe('sao');
    expect(wordKey('d’Ivoire')).toBe(wordKey("d'Ivoire"));
    expect(wordKey('U.S')).toBe('us');
    expect(nameKey('Bani-Walid')).toBe(nameKey('bani walid'));
  });

  it('make transliteration variants one: q/k, -iyeh/-iyah/-iya, el-/al-/ash-', () => {
    expect(nameKey('Kiryat Gat')).toBe(nameKey('Qiryat Gat'));
    expect(wordKey('Dahiyeh')).toBe(wordKey('Dahiya'));
    expect(wordKey('Dahiyah')).toBe(wordKey('Dahiye'));
    expect(nameKey('El-Fasher')).toBe(nameKey('al Fasher'));
    expect(nameKey('Deir ez-Zor')).toBe(nameKey('Deir al-Zor'));
    // Short words and other endings are left alone.
    expect(wordKey('Oh')).toBe('oh');
    expect(wordKey('Gaza')).not.toBe(wordKey('Gaze'));
  });
});

describe('a gazetteer given as text', () => {
  it('is read line by line, and bad lines are skipped', () => {
    const original = readFileSync(file, 'utf8');
    try {
      useGazetteerText('\n\nnot a line\nnot\ta line\nqarmazin\tQarmazin\tLY\tlocality\t30.1\t15.2\t\n');
      const bucket = gazetteer().byFirst.get('qarmazin');
      expect(bucket && placesOf(bucket, 'qarmazin')).toEqual([{ canonical: 'Qarmazin', country: 'LY', kind: 'locality', lat: 30.1, lon: 15.2, flags: 0 }]);
      expect(gazetteer().byFirst.get('not')).toBeUndefined();
    } finally {
      useGazetteerText(original);
    }
  });
});

/** The gazetteer text's lines as fields. */
function rows(text: string): string[][] {
  return text
    .split('\n')
    .filter((line) => line)
    .map((line) => line.split('\t'));
}

/** What the lookups should find, indexed line by line: each line's key under its first word, demonyms apart. */
function referenceIndex(text: string) {
  const buckets = new Map<string, { names: Map<string, string[]>; maxWords: number }>();
  const demonyms = new Set<string>();
  for (const line of text.split('\n')) {
    const [key, , , kind, ...rest] = line.split('\t');
    if (rest.length !== 3) continue;
    if (kind === 'demonym') {
      demonyms.add(key);
      continue;
    }
    const words = key.split(' ');
    let bucket = buckets.get(words[0]);
    if (!bucket) buckets.set(words[0], (bucket = { names: new Map(), maxWords: 1 }));
    bucket.maxWords = Math.max(bucket.maxWords, words.length);
    bucket.names.set(key, [...(bucket.names.get(key) ?? []), line]);
  }
  return { buckets, demonyms };
}

describe('a lookup of a longer name', () => {
  it('reads on only with a word some name of the bucket has at that place', () => {
    const original = readFileSync(file, 'utf8');
    try {
      useGazetteerText('ras al ayn\tRas al Ayn\tSY\tlocality\t36.8\t40.1\t\nras tanura\tRas Tanura\tSA\tlocality\t26.6\t50.2\t\n');
      const bucket = gazetteer().byFirst.get('ras');
      expect(bucket && [goesOn(bucket, 1, 'al'), goesOn(bucket, 1, 'tanura'), goesOn(bucket, 2, 'ayn')]).toEqual([true, true, true]);
      expect(bucket && [goesOn(bucket, 1, 'ayn'), goesOn(bucket, 2, 'al'), goesOn(bucket, 3, 'ayn')]).toEqual([false, false, false]);
    } finally {
      useGazetteerText(original);
    }
  });
});
