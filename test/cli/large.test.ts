import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../hostile/corpus';
import { runCli, type CliResult } from './runCli';

// A 50 MB article dump through the CLI: analysed and summarised in one process without running out of
// memory or time, and left as it was. (Throughput is the benchmark's business; the limit only tells a
// slow run from a hung one: at the 10 MB/s target each command takes about 5 s, a quadratic pass hours;
// the margin is wide because the suite runs test files in parallel on a 2-core machine.)

const MB = 50;
const LIMIT_MS = 300_000;
let dir: string;
let path: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'news-review-large-'));
  path = writeCorpus(dir, { largeMB: MB }).find((f) => f.name.startsWith('large-'))!.path;
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function within(args: string[]): CliResult {
  try {
    return runCli(args, { timeout: LIMIT_MS });
  } catch (error) {
    throw new Error(`news-review ${args[0]} did not finish a ${MB} MB file in ${LIMIT_MS / 1000} s (${(error as Error).message}): a superlinear pass? see test/bench/linearity.mjs`);
  }
}

describe(`a ${MB} MB file`, () => {
  it('is analysed, and not modified', () => {
    const before = statSync(path);
    expect(before.size).toBeGreaterThanOrEqual(MB * 1024 * 1024);
    const result = within(['analyse', path]);
    expect(result.errors).toEqual([]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(path);
    expect(result.stdout).toMatch(/date: 2023-04-17/);
    expect(result.stdout).toMatch(/\d+ dates, \d+ places, \d+ factions, [1-9]\d* claims/);
    const after = statSync(path);
    expect([after.mtimeMs, after.size]).toEqual([before.mtimeMs, before.size]);
  }, LIMIT_MS + 30_000);

  it('is summarised', () => {
    const result = within(['summarise', '--format', 'json', path]);
    expect(result.errors).toEqual([]);
    expect(result.status).toBe(0);
    const [summary] = JSON.parse(result.stdout);
    expect(summary.summary.claimsBySource.length).toBeGreaterThan(0);
  }, LIMIT_MS + 30_000);
});
