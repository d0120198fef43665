import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../hostile/corpus';
import { runCli } from './runCli';

// A 50 MB article dump through the CLI: analysed in one process without running out of memory or time,
// and left as it was. (Throughput is the benchmark's business; the timeout here only catches a hang.)

const MB = 50;
let dir: string;
let path: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'news-review-large-'));
  path = writeCorpus(dir, { largeMB: MB }).find((f) => f.name.startsWith('large-'))!.path;
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe(`a ${MB} MB file`, () => {
  it('is analysed and summarised, and not modified', () => {
    const before = statSync(path);
    expect(before.size).toBeGreaterThanOrEqual(MB * 1024 * 1024);
    const result = runCli(['analyse', path], { timeout: 150_000 });
    expect(result.errors).toEqual([]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(path);
    expect(result.stdout).toMatch(/date: 2023-04-17/);
    const counts = /(\d+) dates, (\d+) places, (\d+) factions, (\d+) claims/.exec(result.stdout);
    expect(counts).not.toBeNull();
    const after = statSync(path);
    expect([after.mtimeMs, after.size]).toEqual([before.mtimeMs, before.size]);
  }, 180_000);
});
