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
    const stats = gazetteerStats();
    expect(stats.lines).toBeGreaterThan(30_000);
    expect(stats.loadMs).toBeGreaterThan(0);
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
  it('is parsed line by line, and bad lines are skipped', () => {
    const original = readFileSync(file, 'utf8');
    try {
      useGazetteerText('Qarmazin\tLY\tlocality\t30.1\t15.2\t\tqarmazin\nnot a line\n');
      expect(gazetteerStats().lines).toBe(1);
      const bucket = gazetteer().byFirst.get('qarmazin');
      expect(bucket && placesOf(bucket, 'qarmazin')?.[0]).toMatchObject({ canonical: 'Qarmazin', lat: 30.1, lon: 15.2 });
    } finally {
      useGazetteerText(original);
    }
  });
});

describe('a lookup of a longer name', () => {
  it('reads on only with a word some name of the bucket has at that place', () => {
    const original = readFileSync(file, 'utf8');
    try {
      useGazetteerText('Ras al Ayn\tSY\tlocality\t36.8\t40.1\t\tras al ayn\nRas Tanura\tSA\tlocality\t26.6\t50.2\t\tras tanura\n');
      const bucket = gazetteer().byFirst.get('ras');
      expect(bucket && [goesOn(bucket, 1, 'al'), goesOn(bucket, 1, 'tanura'), goesOn(bucket, 2, 'ayn')]).toEqual([true, true, true]);
      expect(bucket && [goesOn(bucket, 1, 'ayn'), goesOn(bucket, 2, 'al'), goesOn(bucket, 3, 'ayn')]).toEqual([false, false, false]);
    } finally {
      useGazetteerText(original);
    }
  });
});
