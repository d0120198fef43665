#!/usr/bin/env node
// For performance work that must not change any answer: every stage's output on ~320 texts (our
// seeds, ../shared/seeds, the gold and held-out fixtures, 300 generated articles, 256 KB and 1 MB
// corpora), saved before a change and compared after it. Not part of `npm test`.
//   node test/bench/equivalence.mjs --save          before the change
//   node test/bench/equivalence.mjs                 after it: EQUIVALENT, or the stages that differ
//   node test/bench/equivalence.mjs --diff NAME STAGE   one text's differing items
// Stages are compared in pipeline order, so the first one listed is where a difference begins.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { root } from './bundle.mjs';
import { corpusText, generateArticle } from './corpus.mjs';
import { loadStages } from './stageTimes.mjs';

const STAGES = ['document', 'dates', 'places', 'factions', 'spreadPlaces', 'parties', 'claims', 'analyse', 'summarise'];
const BASELINE = join(tmpdir(), 'news-review-equivalence.json');
const args = process.argv.slice(2);
const diff = args[0] === '--diff' ? { name: args[1], stage: args[2] } : null;

const lib = loadStages();
const texts = [];
for (const dir of ['seeds', '../shared/seeds', 'test/fixtures/heldout', 'test/fixtures/gold'].map((d) => join(root, d))) {
  if (!existsSync(dir)) continue;
  for (const name of readdirSync(dir).sort()) if (/\.(txt|md)$/.test(name)) texts.push([relative(root, join(dir, name)), readFileSync(join(dir, name), 'utf8')]); // the same names in any checkout
}
for (let i = 0; i < 300; i++) texts.push([`generated#${i}`, generateArticle(i, 7)]);
texts.push(['corpus-256KB', corpusText(256 * 1024)], ['corpus-1MB', corpusText(1024 * 1024)]);

/** Every stage's output for one text, each stage fed as `analyse` feeds it. */
function stageOutputs(text) {
  const document = lib.parseDocument(text);
  const context = { documentDate: document.dateline?.date?.value ?? '2023-04-17', lexicon: {} };
  const out = { document: document.paragraphs, dates: [], places: [], factions: [] };
  const entities = [];
  for (const p of document.paragraphs) {
    const paragraph = text.slice(p.start, p.end);
    for (const [stage, find] of [['dates', lib.findDates], ['places', lib.findPlaces], ['factions', lib.findFactions]]) {
      const found = find(paragraph, context);
      out[stage].push(found);
      for (const e of found) entities.push({ ...e, start: e.start + p.start, end: e.end + p.start });
    }
  }
  out.spreadPlaces = lib.spreadPlaces(text, entities);
  out.parties = lib.resolveParties(text, entities.filter((e) => e.type === 'faction'), context);
  const analysis = lib.analyse(text, {});
  out.claims = analysis.claims;
  out.analyse = { date: analysis.date, entities: analysis.entities, parties: analysis.parties, relations: analysis.relations };
  out.summarise = lib.summarise(analysis);
  return out;
}

const hash = (value) => createHash('sha1').update(JSON.stringify(value)).digest('hex');
const isCorpus = (name) => name.startsWith('corpus-');

if (args[0] === '--save') {
  // Hashes for every text; the values too for articles, for --diff (the corpora would be too big).
  const saved = Object.fromEntries(
    texts.map(([name, text]) => {
      const out = stageOutputs(text);
      return [name, Object.fromEntries(STAGES.map((s) => [s, { hash: hash(out[s]), value: isCorpus(name) ? null : out[s] }]))];
    }),
  );
  writeFileSync(BASELINE, JSON.stringify(saved));
  console.log(`saved every stage's output on ${texts.length} texts to ${BASELINE}`);
} else if (diff) {
  const text = texts.find(([name]) => name === diff.name)?.[1];
  const before = JSON.parse(readFileSync(BASELINE, 'utf8'))[diff.name]?.[diff.stage]?.value;
  if (text === undefined || before === undefined || before === null) throw new Error(`no saved values for ${diff.name} ${diff.stage}`);
  const lines = (value) => (Array.isArray(value) ? value : [value]).map((item) => JSON.stringify(item));
  const [a, b] = [lines(before), lines(stageOutputs(text)[diff.stage])];
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) console.log(`[${i}]\n  before: ${a[i]}\n  now:    ${b[i]}`);
} else {
  const saved = JSON.parse(readFileSync(BASELINE, 'utf8'));
  const differing = Object.fromEntries(STAGES.map((s) => [s, []]));
  for (const [name, text] of texts) {
    const out = stageOutputs(text);
    for (const stage of STAGES) if (saved[name]?.[stage]?.hash !== hash(out[stage])) differing[stage].push(name);
  }
  const stages = STAGES.filter((s) => differing[s].length);
  if (!stages.length) console.log(`EQUIVALENT: every stage's output is the same on all ${texts.length} texts`);
  for (const stage of stages) console.log(`DIFFERS ${stage}: ${differing[stage].length} texts, e.g. ${differing[stage].slice(0, 3).join(', ')}`);
  process.exitCode = stages.length ? 1 : 0;
}
