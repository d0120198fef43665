import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { analyseSeeds, articleTitle, position, type ExpectedArticle } from './expected';
import { HOSTILE_FILE } from './fixture';
import {
  activeEditor,
  editorSelection,
  openFile,
  openWorkbench,
  runCommand,
  runPaletteEntry,
  screenshot,
  screenshotFailures,
  webviewContent,
  type Workbench,
} from './workbench';

/** The rows of the panel's claims table: each claim's offsets and the source shown beside it. */
function panelClaims(page: Page) {
  return webviewContent(page)
    .locator('table.claims tr:has(td.claim)')
    .evaluateAll((rows) =>
      rows.map((row) => {
        const link = row.querySelector<HTMLElement>('td.claim a.reveal');
        return {
          start: Number(link?.dataset.start),
          end: Number(link?.dataset.end),
          source: row.querySelector('td.source a.reveal')?.textContent ?? null,
        };
      }),
    );
}

/** The visible text of the active editor (Monaco renders spaces as no-break spaces). */
async function editorText(page: Page): Promise<string> {
  return (await activeEditor(page).locator('.view-lines').innerText()).replace(/\u00a0/g, ' ');
}

describe('Summary panel and corpus commands', () => {
  const workspace = inject('workspace');
  let workbench: Workbench;
  let seeds: Map<string, ExpectedArticle>;
  let article: ExpectedArticle;
  const dialogs: string[] = [];

  beforeAll(async () => {
    seeds = analyseSeeds(workspace);
    // The plain-text seed with the most attributed claims.
    article = [...seeds.values()]
      .filter((a) => a.name.endsWith('.txt') && a.name !== HOSTILE_FILE)
      .sort((a, b) => b.claims.filter((c) => c.source).length - a.claims.filter((c) => c.source).length)[0];
    workbench = await openWorkbench();
    // An alert from any frame would show here: the hostile article must never raise one.
    workbench.page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  });
  afterAll(() => workbench?.close());
  screenshotFailures(() => workbench?.page);

  test('"Summarise Current File" opens the panel with the claims and their sources; clicking a claim selects it in the editor', async () => {
    const { page } = workbench;
    await openFile(page, article.name);
    await runCommand(page, 'newsReview.summariseCurrentFile');

    const want = article.claims.map((c) => ({ start: c.start, end: c.end, source: c.source?.text ?? null }));
    const byStart = (a: { start: number }, b: { start: number }) => a.start - b.start;
    await expect.poll(async () => (await panelClaims(page)).sort(byStart), { timeout: 90_000 }).toEqual(want.sort(byStart));
    await screenshot(page, 'summary-panel', { readme: true });

    // A claim further down, so the selection has to move.
    const claim = article.claims[article.claims.length - 1];
    await webviewContent(page).locator(`td.claim a.reveal[data-start="${claim.start}"]`).click();
    const text = readFileSync(join(workspace, 'seeds', article.name), 'utf8');
    await expect.poll(() => editorSelection(page), { timeout: 30_000 }).toMatchObject({ selected: claim.end - claim.start });
    const { line, column } = await editorSelection(page);
    expect([position(text, claim.start), position(text, claim.end)]).toContainEqual({ line, column });
  });

  test("an article opened in the panel's own column is summarised beside it, not covered by the panel", async () => {
    const { page } = workbench;
    const other = [...seeds.values()].find((a) => a.name.endsWith('.txt') && a.name !== article.name && a.name !== HOSTILE_FILE)!;
    await openFile(page, other.name);
    // Into the panel's group, in front of the panel. (Keys sent while a webview has focus may not reach the workbench.)
    await runPaletteEntry(page, 'View: Move Editor into Next Group');
    await expect.poll(() => page.locator('.editor-group-container.active .tab.active', { hasText: other.name }).count(), { timeout: 30_000 }).toBe(1);
    await runCommand(page, 'newsReview.summariseCurrentFile');
    await expect.poll(() => webviewContent(page).locator('body').innerText(), { timeout: 90_000 }).toContain(articleTitle(other));
    // The article is still the front tab of its group: the panel moved to another column.
    await expect.poll(() => page.locator('.tabs-container .tab.active', { hasText: other.name }).count(), { timeout: 30_000 }).toBe(1);
  });

  test('a hostile article shows its markup as text in the panel and runs none of it', async () => {
    const { page } = workbench;
    await openFile(page, HOSTILE_FILE);
    await runCommand(page, 'newsReview.summariseCurrentFile');
    const hostile = seeds.get(HOSTILE_FILE)!;
    const panel = webviewContent(page);
    const body = panel.locator('body');
    // The headline, tags and all, is text on the page.
    await expect.poll(() => body.innerText(), { timeout: 90_000 }).toContain(articleTitle(hostile));
    expect(hostile.claims.length, 'the hostile article has claims to render').toBeGreaterThan(0);

    await body.hover();
    const frame = await panel.locator('html').evaluate(() => ({
      title: document.title,
      scripts: Array.from(document.scripts, (s) => ({ inline: s.textContent?.trim() ?? '', src: s.src })),
      injected: document.querySelectorAll('img, b, [onerror], [onmouseover], iframe, object, embed').length,
    }));
    // The headline may be the page's title, as text; the article's scripts would make it "pwned-…".
    expect(frame.title).not.toMatch(/^pwned/);
    // The workbench's own bootstrap and the panel's script from the extension; nothing from the article.
    expect(frame.scripts.filter((s) => /pwned/.test(s.inline))).toEqual([]);
    expect(frame.scripts.filter((s) => s.src).map((s) => s.src)).toEqual([expect.stringMatching(/\/dist\/webview\/panel\.js$/)]);
    expect(frame.injected).toBe(0);
    expect(await page.title()).not.toMatch(/pwned/);
    expect(dialogs).toEqual([]);
  });

  test('"Export Summary" writes the summary to the file chosen in the save dialog', async () => {
    const { page } = workbench;
    const target = join(workspace, 'exported-summary.md');
    rmSync(target, { force: true });
    await openFile(page, article.name);
    await runCommand(page, 'newsReview.exportSummary');
    // code-server's save dialog is a quick input holding the path.
    const input = page.locator('.quick-input-widget input');
    await expect.poll(() => input.inputValue(), { timeout: 30_000 }).toMatch(/\.summary\.md$/);
    await input.fill(target);
    await page.locator('.quick-input-widget .monaco-button', { hasText: /^OK$/ }).click();
    // The file may exist a moment before its content lands.
    const exported = () => (existsSync(target) ? readFileSync(target, 'utf8') : '');
    await expect.poll(exported, { timeout: 30_000 }).toContain(articleTitle(article));
    rmSync(target, { force: true });
  });

  test('"Summarise All Seeds" shows its progress and opens the corpus report', async () => {
    const { page } = workbench;
    // Notifications can come and go between two polls: record every progress text the page shows.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { progressSeen: string[] }).progressSeen = seen;
      new MutationObserver(() => {
        const toast = document.querySelector('.notifications-toasts')?.textContent ?? '';
        if (/summarising/i.test(toast)) seen.push(toast);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await runCommand(page, 'newsReview.summariseAllSeeds');
    await expect.poll(() => editorText(page), { timeout: 90_000 }).toContain(`${seeds.size} articles`);
    // One table row per article, each naming its file (Markdown is not wrapped: see codeServer.ts).
    const report = await editorText(page);
    for (const name of seeds.keys()) expect(report).toContain(`seeds/${name}`);
    const progress = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
    expect(progress.length, 'a progress notification was shown').toBeGreaterThan(0);
  });
});
