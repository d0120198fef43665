import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TestProject } from 'vitest/node';
import type { CodeServer } from '../codeServer';
import { serveWorkspace } from '../globalSetup';

// `npm run bench:view`: a workspace of generated seeds, laid out as the bench's (folders of 100), in
// a fresh code-server with the packaged extension (or the .vsix in NEWS_REVIEW_E2E_VSIX, to compare
// two versions the same way).

let server: CodeServer | undefined;
let runDir: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  runDir = mkdtempSync(join(tmpdir(), 'news-review-view-'));
  const workspace = join(runDir, 'workspace');
  const corpus = pathToFileURL(join(import.meta.dirname, '../../bench/corpus.mjs')).href; // the bench's generator
  const { writeSeedFiles } = (await import(corpus)) as { writeSeedFiles: (dir: string, count: number) => string[] };
  const count = Number(process.env.NEWS_REVIEW_VIEW_SEEDS ?? 10_000);
  writeSeedFiles(join(workspace, 'seeds'), count);
  server = await serveWorkspace(project, runDir, workspace);
  project.provide('seedCount', count);
}

export async function teardown(): Promise<void> {
  await server?.stop();
  if (runDir) rmSync(runDir, { recursive: true, force: true });
}
