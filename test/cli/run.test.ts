import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { parseArgs, run } from '../../src/cli/cli';

// The CLI's loop in-process, with an analyser that fails on one file: the others are still answered.

vi.mock('../../src/analysis/analyse', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/analysis/analyse')>();
  const analyse: typeof real.analyse = (text, options) => {
    if (text.includes('EXPLODE')) throw new RangeError('Maximum call stack size exceeded');
    return real.analyse(text, options);
  };
  return { ...real, analyse };
});

const dir = mkdtempSync(join(tmpdir(), 'news-review-run-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('run() when the analysis of one file throws', () => {
  it('answers that file with an error entry and one stderr line, and the others normally', async () => {
    const bad = join(dir, 'a-bad.txt');
    const good = join(dir, 'b-good.txt');
    writeFileSync(bad, 'The army said EXPLODE on Monday.');
    writeFileSync(good, 'The army said on Monday that Goma had fallen.');
    const warnings: string[] = [];
    const invocation = parseArgs(['analyse', dir, '--json']);
    if (invocation === 'help') throw new Error('unexpected help');
    let output = '';
    const outcome = await run(invocation, (line) => warnings.push(line), (chunk) => (output += chunk));
    expect(warnings).toEqual([`news-review: ${bad}: analysis failed: Maximum call stack size exceeded`]);
    expect(outcome).toMatchObject({ answered: 1, errors: 1 });
    const [first, second] = JSON.parse(output);
    expect(first).toEqual({ file: bad, date: null, error: 'analysis failed: Maximum call stack size exceeded' });
    expect(second).toMatchObject({ file: good, entities: expect.any(Array) });
  });
});
