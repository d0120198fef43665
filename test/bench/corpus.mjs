// The bench corpus, generated deterministically from the articles in seeds/ and ../shared/seeds/:
// paragraphs shuffled, names swapped for others of the same kind from the seeds, numbers changed and
// dates changed for other valid ones, so that no two paragraphs repeat (the paragraph cache must not
// make the bench look fast) and the Seeds view groups them into a plausible number of months.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const SEED_DIRS = [join(root, 'seeds'), join(root, '../shared/seeds')];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** Dates stay dates: a dateline's, a year's or a day's digits are changed for a valid one in these years, any other number's at random. */
const FIRST_YEAR = 2015;
const LAST_YEAR = 2024;
const MONTH_NAMES = MONTHS.join('|');
const NUMBERS = new RegExp(`(\\d{4}-\\d{2}-\\d{2})|\\b((?:19|20)\\d\\d)\\b|(\\b\\d{1,2}(?= (?:${MONTH_NAMES})\\b)|(?<=\\b(?:${MONTH_NAMES}) )\\d{1,2}\\b)|\\d+`, 'g');

/** Mulberry32: small, fast, deterministic. */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function loadSeeds() {
  const seeds = [];
  for (const dir of SEED_DIRS) {
    let names = [];
    try {
      names = readdirSync(dir).filter((n) => /\.(txt|md)$/.test(n)).sort();
    } catch {
      continue; // ../shared may be absent outside this workspace
    }
    for (const name of names) {
      const text = readFileSync(join(dir, name), 'utf8').replace(/\r\n?/g, '\n');
      const paragraphs = text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
      seeds.push({ head: paragraphs[0], body: paragraphs.slice(1) });
    }
  }
  return seeds;
}

const SEEDS = loadSeeds();
// Capitalised words of two or more letters from the seeds: the pool names are swapped within.
const NAMES = [...new Set(SEEDS.flatMap((s) => [s.head, ...s.body].join(' ').match(/\b[A-Z][a-z]{3,}\b/g) ?? []))].sort();

/** One article: a seed's first paragraph, then its other paragraphs shuffled and varied. */
export function generateArticle(index, seed = 1) {
  const rand = seededRandom(seed * 1_000_003 + index);
  const source = SEEDS[index % SEEDS.length];
  const pick = (list) => list[Math.floor(rand() * list.length)];
  // A third of the names are swapped, each the same way throughout the article.
  const swaps = new Map();
  const swap = (name) => {
    if (!swaps.has(name)) swaps.set(name, rand() < 0.35 ? pick(NAMES) : name);
    return swaps.get(name);
  };
  const between = (low, high) => low + Math.floor(rand() * (high - low + 1));
  const two = (n) => String(n).padStart(2, '0');
  const changeNumber = (digits, isoDate, year, day) => {
    if (isoDate) return `${between(FIRST_YEAR, LAST_YEAR)}-${two(between(1, 12))}-${two(between(1, 28))}`;
    if (year) return String(between(FIRST_YEAR, LAST_YEAR));
    if (day) return String(between(1, 28));
    return String(Math.floor(rand() * 10 ** Math.min(digits.length, 4))).padStart(Math.min(digits.length, 4), '1');
  };
  const vary = (paragraph) =>
    paragraph
      .replace(/\b[A-Z][a-z]{3,}\b/g, swap)
      .replace(NUMBERS, changeNumber)
      .replace(new RegExp(`\\b(${MONTH_NAMES})\\b`, 'g'), () => pick(MONTHS));
  const body = [...source.body];
  for (let i = body.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [body[i], body[j]] = [body[j], body[i]];
  }
  return [vary(source.head), ...body.map(vary)].join('\n\n') + '\n';
}

/**
 * Writes `count` generated seed files under `dir`, a hundred to a folder (`f000/article-00000.txt`, …):
 * the workspace the bench indexes and `npm run bench:view` opens. Returns their paths.
 */
export function writeSeedFiles(dir, count) {
  const files = [];
  for (let i = 0; i < count; i++) {
    const folder = join(dir, `f${String(Math.floor(i / 100)).padStart(3, '0')}`);
    if (i % 100 === 0) mkdirSync(folder, { recursive: true });
    const file = join(folder, `article-${String(i).padStart(5, '0')}.txt`);
    writeFileSync(file, generateArticle(i, 7));
    files.push(file);
  }
  return files;
}

/** About `bytes` of articles one after another, as one document (what a long feed dump looks like). */
export function corpusText(bytes, seed = 1) {
  const parts = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const article = generateArticle(i, seed);
    parts.push(article);
    size += Buffer.byteLength(article) + 1;
  }
  return parts.join('\n');
}
