import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startCodeServer, type CodeServer } from './codeServer';
import { buildWorkspace } from './fixture';
import { RESULTS_DIR } from './workbench';

// Once per run: package the extension, install the .vsix into a fresh code-server (what a user
// installs, not the source tree) and serve the fixture workspace. Each test file opens its own browser.

declare module 'vitest' {
  export interface ProvidedContext {
    workbenchUrl: string;
    workspace: string;
    userData: string;
  }
}

const ROOT = join(import.meta.dirname, '..', '..');

let server: CodeServer | undefined;
let runDir: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  rmSync(RESULTS_DIR, { recursive: true, force: true }); // screenshots of this run only
  runDir = mkdtempSync(join(tmpdir(), 'news-review-e2e-'));
  server = await serveWorkspace(project, runDir, buildWorkspace(runDir));
}

export async function teardown(): Promise<void> {
  await server?.stop();
  if (runDir && !process.env.NEWS_REVIEW_E2E_KEEP) rmSync(runDir, { recursive: true, force: true });
}

/**
 * Serves `workspace` in a fresh code-server with the packaged extension (or the .vsix in
 * NEWS_REVIEW_E2E_VSIX), and tells the tests where: its address, the workspace, its user data.
 */
export async function serveWorkspace(project: TestProject, runDir: string, workspace: string): Promise<CodeServer> {
  const vsix = process.env.NEWS_REVIEW_E2E_VSIX ?? packageExtension(runDir);
  const server = await startCodeServer(runDir, vsix, workspace);
  project.provide('workbenchUrl', server.url);
  project.provide('workspace', workspace);
  project.provide('userData', server.userData);
  return server;
}

/** Packages the extension into `dir`, as `npm run package` does for a user. */
export function packageExtension(dir: string): string {
  const vsix = join(dir, 'news-source-review.vsix');
  execFileSync('npm', ['run', '--silent', 'package', '--', '--out', vsix], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  return vsix;
}
