import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentJson } from '../../src/analysis/report/json';
import { writeCorpus, type CorpusFile } from '../hostile/corpus';
import { cliBundle, runCli } from './runCli';

// The CLI on the hostile corpus: every file answered (an analysis or an `error` entry), one clear stderr
// line per bad or repaired file, offsets relative to the decoded text, input files never written.

let dir: string;
let corpus: CorpusFile[];
let documents: DocumentJson[];
let stderrLines: string[];
let status: number | null;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'news-review-hostile-'));
  corpus = writeCorpus(join(dir, 'corpus'));
  const result = runCli(['analyse', join(dir, 'corpus'), '--json']);
  status = result.status;
  stderrLines = result.errors;
  documents = JSON.parse(result.stdout);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const entryFor = (file: CorpusFile) => documents.find((d) => d.file === file.path);
const linesAbout = (file: CorpusFile) => stderrLines.filter((line) => line.includes(file.path));

describe('news-review analyse --json on the hostile corpus', () => {
  it('answers every file once and exits 0 because some could be read', () => {
    expect(status).toBe(0);
    expect(documents.map((d) => d.file).sort()).toEqual(corpus.map((f) => f.path).sort());
  });

  it('gives refused files an error entry and exactly one stderr line that names the file and the reason', () => {
    for (const file of corpus.filter((f) => f.expect === 'error')) {
      const entry = entryFor(file);
      expect(entry?.error, file.name).toMatch(file.message!);
      expect(entry?.entities, file.name).toBeUndefined();
      expect(linesAbout(file), file.name).toEqual([`news-review: ${file.path}: ${entry?.error}`]);
    }
  });

  it('analyses repaired files, with a warning field and exactly one stderr line each', () => {
    for (const file of corpus.filter((f) => f.expect === 'warning')) {
      const entry = entryFor(file);
      expect(entry?.error, file.name).toBeUndefined();
      expect(entry?.warning, file.name).toMatch(/replaced/);
      expect(linesAbout(file), file.name).toEqual([`news-review: ${file.path}: ${entry?.warning}`]);
    }
  });

  it('analyses good files silently', () => {
    for (const file of corpus.filter((f) => f.expect === 'ok')) {
      const entry = entryFor(file);
      expect(entry?.error, file.name).toBeUndefined();
      expect(entry?.warning, file.name).toBeUndefined();
      expect(Array.isArray(entry?.entities), file.name).toBe(true);
      expect(linesAbout(file), file.name).toEqual([]);
    }
  });

  it('gives offsets into the decoded text: BOM removed, UTF-16 decoded, invalid bytes replaced', () => {
    const checked = corpus.filter((f) => f.text !== undefined && f.expect !== 'error');
    expect(checked.map((f) => f.name)).toEqual(expect.arrayContaining(['utf8-bom.txt', 'utf16le-bom.txt', 'utf16be-bom.txt', 'utf16le-astral.txt', 'invalid-utf8.txt']));
    for (const file of checked) {
      const entry = entryFor(file)!;
      const spans = [
        ...(entry.entities ?? []),
        ...(entry.claims ?? []).flatMap((c) => [c, c.source, c.source?.antecedent, c.channel]),
      ].filter((s) => s != null);
      for (const span of spans) expect(file.text!.slice(span.start, span.end), `${file.name} ${JSON.stringify(span)}`).toBe(span.text);
    }
  });

  it('reads UTF-16 LE and BE and UTF-8 with a BOM to the same analysis as plain UTF-8', () => {
    const plain = runCli(['analyse', join(__dirname, '../../seeds', readdirSync(join(__dirname, '../../seeds')).sort()[0]), '--json']);
    const expected = JSON.parse(plain.stdout)[0];
    for (const name of ['utf8-bom.txt', 'utf16le-bom.txt', 'utf16be-bom.txt']) {
      const entry = entryFor(corpus.find((f) => f.name === name)!)!;
      expect({ ...entry, file: '' }, name).toEqual({ ...expected, file: '' });
    }
  });
});

describe('news-review exit codes and odd paths', () => {
  it('exits 1 when no file could be read, still answering each one', () => {
    const bad = ['binary-random.txt', 'empty.txt', 'image-png.txt'].map((name) => join(dir, 'corpus', name));
    const result = runCli(['analyse', ...bad, join(dir, 'missing.txt'), '--json']);
    expect(result.status).toBe(1);
    const entries: DocumentJson[] = JSON.parse(result.stdout);
    expect(entries.map((e) => e.file)).toEqual([...bad, join(dir, 'missing.txt')]);
    expect(entries.every((e) => typeof e.error === 'string' && e.error.length > 0)).toBe(true);
    expect(entries.at(-1)?.error).toMatch(/no such file/);
    expect(result.errors).toHaveLength(4);
  });

  it('exits 0 when one file of several could be read', () => {
    const result = runCli(['summarise', join(dir, 'missing.txt'), join(dir, 'corpus', 'utf8-bom.txt')]);
    expect(result.status).toBe(0);
    expect(result.errors).toEqual([`news-review: ${join(dir, 'missing.txt')}: no such file`]);
  });

  it('reports a directory with no articles as an entry of its own', () => {
    const empty = join(dir, 'no-articles');
    mkdirSync(empty, { recursive: true });
    const result = runCli(['analyse', empty, '--json']);
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual([{ file: empty, date: null, error: expect.stringMatching(/no .txt or .md/) }]);
  });

  it('refuses a device instead of reading it forever', () => {
    const result = runCli(['analyse', '/dev/zero', '--json'], { timeout: 20_000 });
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual([{ file: '/dev/zero', date: null, error: 'not a regular file' }]);
  });

  it.each([['one thread', []], ['--jobs 2', ['--jobs', '2']]])(
    'stops quietly with exit code 0 when its reader leaves early (%s)',
    async (_, jobs) => {
      // Far more output than one pipe buffer, so writes go on after the reader has gone.
      const child = spawn(process.execPath, [cliBundle(), 'analyse', '--json', ...jobs, ...Array(20).fill(join(dir, 'corpus'))]);
      let stderr = '';
      child.stderr.on('data', (chunk) => (stderr += chunk));
      child.stdout.once('data', () => child.stdout.destroy());
      const [code, signal] = (await once(child, 'exit')) as [number | null, string | null];
      expect({ code, signal, stderr }).toEqual({ code: 0, signal: null, stderr: expect.not.stringMatching(/EPIPE|Error/) });
    },
    60_000,
  );

  it('rejects an unknown option with exit code 2 and the usage on stderr', () => {
    const result = runCli(['analyse', '--frobnicate', dir]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/unknown option "--frobnicate"[\s\S]*Usage:/);
  });
});

describe('news-review never writes to its input', () => {
  it('leaves every file (contents and modification time) and the directory listing unchanged', () => {
    // The small files of the corpus, good and bad, read by every command.
    const corpusDir = join(dir, 'small');
    mkdirSync(corpusDir);
    for (const file of corpus.filter((f) => statSync(f.path).size < 8_000)) copyFileSync(file.path, join(corpusDir, file.name));
    const snapshot = () =>
      readdirSync(corpusDir)
        .sort()
        .map((name) => {
          const path = join(corpusDir, name);
          const stat = statSync(path);
          return { name, mtime: stat.mtimeMs, size: stat.size, mode: stat.mode, sha: createHash('sha256').update(readFileSync(path)).digest('hex') };
        });
    const before = snapshot();
    for (const args of [['analyse'], ['analyse', '--json'], ['summarise'], ['summarise', '--format', 'json'], ['summarise', '--format', 'html']]) {
      const result = runCli([...args, corpusDir]);
      expect(result.status, args.join(' ')).toBe(0);
      expect(result.stdout.length, args.join(' ')).toBeGreaterThan(0);
    }
    expect(snapshot()).toEqual(before);
  });
});
