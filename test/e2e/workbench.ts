import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type FrameLocator, type Locator, type Page } from 'playwright-core';
import { afterEach, inject } from 'vitest';

// Drives the VS Code workbench the way a person does — activity bar, palette, tree, editor, panel —
// through Playwright in the system's Chromium. Selectors are the workbench's own DOM and ARIA.

const ROOT = join(import.meta.dirname, '..', '..');
const CHROMIUM = process.env.NEWS_REVIEW_E2E_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
export const RESULTS_DIR = join(ROOT, 'test-results', 'e2e');

interface Contributes {
  commands: { command: string; title: string; category?: string }[];
  viewsContainers: { activitybar: { id: string; title: string }[] };
  colors: { id: string; defaults: { dark: string } }[];
}
export const contributes: Contributes = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).contributes;

export interface Workbench {
  page: Page;
  close(): Promise<void>;
}

/** A fresh browser profile on the served workbench, with the extension's activity-bar icon showing. */
export async function openWorkbench(): Promise<Workbench> {
  const profile = mkdtempSync(join(tmpdir(), 'news-review-chromium-'));
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1400, height: 860 },
    });
    // Every wait is generous: two shared cores under load make the workbench many times slower.
    context.setDefaultTimeout(60_000);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${inject('workbenchUrl')}/?folder=${encodeURIComponent(inject('workspace'))}`, { waitUntil: 'domcontentloaded', timeout: 180_000 });
    await activityBarIcon(page).waitFor({ timeout: 180_000 });
    const opened = context;
    return {
      page,
      close: async () => {
        await opened.close();
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context?.close();
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}

export function activityBarIcon(page: Page): Locator {
  const title = contributes.viewsContainers.activitybar[0].title;
  return page.locator(`.activitybar a.action-label[aria-label^="${title}"]`);
}

/** "Category: Title" as the palette shows it, read from package.json so a renamed title fails here. */
export function commandLabel(id: string): string {
  const command = contributes.commands.find((c) => c.command === id);
  if (!command) throw new Error(`package.json contributes no command ${id}`);
  return command.category ? `${command.category}: ${command.title}` : command.title;
}

/** Runs one of the extension's commands from the palette, by its id. */
export function runCommand(page: Page, id: string, timeout?: number): Promise<void> {
  return runPaletteEntry(page, commandLabel(id), timeout);
}

/**
 * Runs the palette (F1) entry with this label. The workbench shows before the extension's commands
 * are registered, so a missing row is retried until the deadline rather than failing at once.
 */
export async function runPaletteEntry(page: Page, label: string, timeout = 60_000): Promise<void> {
  const typed = label.replace(/…$/, '');
  const deadline = Date.now() + timeout;
  for (;;) {
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`>${typed}`);
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first();
    try {
      await row.waitFor({ timeout: 2000 });
      await row.click();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`command "${label}" never appeared in the palette`, { cause: error });
    }
  }
}

/** Opens a workspace file with Quick Open (Ctrl+P), as a user would, and waits for its editor. */
export async function openFile(page: Page, name: string): Promise<Locator> {
  const tab = page.locator('.editor-group-container.active .tabs-container .tab.active', { hasText: name });
  // The list re-renders as it filters, so a pick can land on a row that just went away: retry.
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').fill(name);
    await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: name }).first().waitFor();
    await page.keyboard.press('Enter');
    try {
      await tab.waitFor({ timeout: 10_000 });
      break;
    } catch (error) {
      if (attempt === 5) throw error;
    }
  }
  const editor = activeEditor(page);
  await editor.locator('.view-lines').waitFor();
  return editor;
}

export function activeEditor(page: Page): Locator {
  return page.locator('.editor-group-container.active .editor-instance .monaco-editor').first();
}

/** Shows the extension's view container and returns its tree. */
export async function showSeedsView(page: Page): Promise<Locator> {
  const icon = activityBarIcon(page);
  const tab = icon.locator('xpath=ancestor::li[1]');
  if ((await tab.getAttribute('aria-expanded')) !== 'true') await icon.click();
  const tree = page.locator('.part.sidebar .customview-tree [role="tree"]');
  await tree.waitFor();
  return tree;
}

export function treeItem(tree: Locator, label: string | RegExp, level?: number): Locator {
  const rows = tree.locator(level === undefined ? '[role="treeitem"]' : `[role="treeitem"][aria-level="${level}"]`);
  return rows.filter({ has: tree.page().locator('.label-name', { hasText: label }) }).first();
}

/** "Ln 3, Col 5 (12 selected)" from the status bar, parsed. */
export async function editorSelection(page: Page): Promise<{ line: number; column: number; selected: number }> {
  const text = await page.locator('[id="status.editor.selection"]').innerText();
  const match = /Ln (\d+), Col (\d+)(?: \((\d+) selected\))?/.exec(text);
  if (!match) throw new Error(`unexpected selection status "${text}"`);
  return { line: Number(match[1]), column: Number(match[2]), selected: Number(match[3] ?? 0) };
}

/** The content document of the active webview: the workbench nests it in two iframes. */
export function webviewContent(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
}

/** Saves a screenshot under test-results/e2e/ on every run; README shots also go to the folder `npm run screenshots` sets. */
export async function screenshot(target: Page | Locator, name: string, options: { readme?: boolean } = {}): Promise<void> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, `${name}.png`);
  await target.screenshot({ path });
  const readmeDir = process.env.NEWS_REVIEW_SCREENSHOTS;
  if (options.readme && readmeDir) {
    mkdirSync(join(ROOT, readmeDir), { recursive: true });
    await target.screenshot({ path: join(ROOT, readmeDir, `${name}.png`) });
  }
}

/** Registers a hook that saves a screenshot of the workbench when a test fails, named after the test. */
export function screenshotFailures(page: () => Page | undefined): void {
  afterEach(async ({ task }) => {
    const current = page();
    if (task.result?.state !== 'fail' || !current) return;
    await screenshot(current, `failed-${task.name.replace(/[^\w-]+/g, '-').slice(0, 80)}`).catch(() => undefined);
  });
}

/** Whether a computed CSS colour (`rgb(…)`/`rgba(…)`) is the `#rrggbb[aa]` of a colour default. */
export function sameColor(computed: string, hex: string): boolean {
  const got = (computed.match(/[\d.]+/g) ?? []).map(Number);
  const want = [1, 3, 5, 7].map((i) => (hex.length > i ? parseInt(hex.slice(i, i + 2), 16) : 255));
  const alpha = got.length > 3 ? got[3] : 1;
  return got.slice(0, 3).every((v, i) => v === want[i]) && Math.abs(alpha - want[3] / 255) < 0.01;
}

export interface Box {
  color: string;
  top: number;
  left: number;
  width: number;
  height: number;
}

/** Every decoration box an editor draws (highlights, but also word and selection highlights). */
export function decorationBoxes(editor: Locator): Promise<Box[]> {
  return editor.locator('.view-overlays .cdr').evaluateAll((elements) =>
    elements.map((e) => {
      const r = e.getBoundingClientRect();
      return { color: getComputedStyle(e).backgroundColor, top: r.top, left: r.left, width: r.width, height: r.height };
    }),
  );
}

/** The dark-theme default of a colour the extension contributes. */
export function colorDefault(id: string): string {
  const color = contributes.colors.find((c) => c.id === id);
  if (!color) throw new Error(`package.json contributes no colour ${id}`);
  return color.defaults.dark;
}
