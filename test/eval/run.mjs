#!/usr/bin/env node
// `npm run eval`: runs the built CLI on the shared seed articles, our own seeds and a held-out set, and scores
// each against its gold annotations with the shared scorer. Extra arguments go to the scorer (--json).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const shared = resolve(root, '../shared');
const scorer = join(shared, 'eval/score.mjs');
const cli = join(root, 'dist/cli.js');
const extra = process.argv.slice(2);

if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` first');
if (!existsSync(scorer)) throw new Error(`the shared scorer is missing at ${scorer}: clone this repository beside shared/`);

const sets = [
  { name: 'shared seed (../shared/seeds)', seeds: join(shared, 'seeds'), gold: join(shared, 'eval/gold') },
  { name: 'own gold (seeds/ against test/fixtures/gold)', seeds: join(root, 'seeds'), gold: join(root, 'test/fixtures/gold') },
  // Written after the recognisers and never tuned on: the honest measure of how the rules generalise.
  { name: 'held-out (test/fixtures/heldout)', seeds: join(root, 'test/fixtures/heldout'), gold: join(root, 'test/fixtures/heldout/gold') },
];
const work = mkdtempSync(join(tmpdir(), 'news-review-eval-'));
for (const set of sets) {
  if (!existsSync(set.gold) || readdirSync(set.gold).length === 0) {
    console.log(`\n== ${set.name}: no gold files, skipped`);
    continue;
  }
  const pred = join(work, `${set.name.split(' ')[0]}.json`);
  writeFileSync(pred, execFileSync(process.execPath, [cli, 'analyse', set.seeds, '--json'], { maxBuffer: 1 << 30 }));
  console.log(`\n== ${set.name}`);
  process.stdout.write(execFileSync(process.execPath, [scorer, '--gold', set.gold, '--pred', pred, ...extra]));
}
