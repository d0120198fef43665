import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/cli';
import { runCli } from './runCli';

// `--jobs N` hands the files to worker threads; the output must not depend on it.

const dir = mkdtempSync(join(tmpdir(), 'news-review-jobs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// More files than one batch per worker, in nested folders, with an unreadable one in the middle.
const seeds = join(__dirname, '../../seeds');
mkdirSync(join(dir, 'b'));
for (let i = 0; i < 40; i++) {
  const folder = i % 2 ? 'b' : '';
  writeFileSync(join(dir, folder, `article-${String(i).padStart(2, '0')}.txt`), `KHARTOUM, April ${(i % 28) + 1} (Reuters) - The army said on Monday that ${i} people were killed in Omdurman.\n\nThe RSF denied it, a spokesman told reporters.`);
}
writeFileSync(join(dir, 'binary.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 0, 255]));

describe('news-review --jobs', () => {
  it('parses --jobs N and --jobs=N, and refuses anything but a whole number from 1', () => {
    expect(parseArgs(['analyse', 'x', '--jobs', '3'])).toMatchObject({ jobs: 3 });
    expect(parseArgs(['analyse', 'x', '--jobs=2'])).toMatchObject({ jobs: 2 });
    expect(parseArgs(['analyse', 'x'])).toMatchObject({ jobs: 1 });
    for (const bad of ['0', '-1', '1.5', 'two', '']) expect(() => parseArgs(['analyse', 'x', `--jobs=${bad}`])).toThrow(/--jobs/);
  });

  for (const args of [['analyse', '--json'], ['analyse'], ['summarise', '--format', 'json'], ['summarise', '--format', 'html'], ['summarise']]) {
    it(`gives the same stdout, stderr and status for ${args.join(' ')} with 1, 2 and 3 workers`, () => {
      const single = runCli([...args, dir, seeds, join(dir, 'missing.txt')]);
      expect(single.stdout.length).toBeGreaterThan(1000);
      expect(single.errors.length).toBeGreaterThan(0); // the binary and the missing file
      for (const jobs of ['2', '3']) {
        const parallel = runCli([...args, '--jobs', jobs, dir, seeds, join(dir, 'missing.txt')]);
        expect(parallel.stdout).toBe(single.stdout);
        expect(parallel.stderr).toBe(single.stderr);
        expect(parallel.status).toBe(single.status);
      }
    });
  }
});
