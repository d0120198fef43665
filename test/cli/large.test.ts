import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../hostile/corpus';
import { runCli } from './runCli';

// A 50 MB article dump through the CLI: analysed in one process without running out of memory or time,
// and left as it was. (Throughput is the benchmark's business; the timeout here only catches a hang.)

const MB = 50;
/** Generous: at the 10 MB/s target this takes 5 s; the limit only tells slow from hung. */
const LIMIT_MS = 120_000;
let dir: string;
let path: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'news-review-large-'));
  path = writeCorpus(dir, { largeMB: MB }).find((f) => f.name.startsWith('large-'))!.path;
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe(`a ${MB} MB file`, () => {
  it('is analysed, and not modified', () => {
    const before = statSync(path);
    expect(before.size).toBeGreaterThanOrEqual(MB * 1024 * 1024);
    let result;
    try {
      result = runCli(['analyse', path], { timeout: LIMIT_MS });
    } catch (error) {
      throw new Error(`news-review analyse did not finish a ${MB} MB file in ${LIMIT_MS / 1000} s (${(error as Error).message}): a superlinear pass? see test/bench/linearity.mjs`);
    }
    expect(result.errors).toEqual([]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(path);
    expect(result.stdout).toMatch(/date: 2023-04-17/);
    const counts = /(\d+) dates, (\d+) places, (\d+) factions, (\d+) claims/.exec(result.stdout);
    expect(counts).not.toBeNull();
    const after = statSync(path);
    expect([after.mtimeMs, after.size]).toEqual([before.mtimeMs, before.size]);
  }, LIMIT_MS + 30_000);
});
