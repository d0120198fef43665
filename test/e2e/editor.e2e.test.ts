import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { analyseFolder, analyseSeeds, articleTitle, countOf, type ExpectedArticle, type ExpectedEntity } from './expected';
import {
  colorDefault,
  decorationBoxes,
  openFile,
  openWorkbench,
  runCommand,
  runPaletteEntry,
  sameColor,
  screenshot,
  screenshotFailures,
  showSeedsView,
  treeItem,
  type Box,
  type Workbench,
} from './workbench';

const TYPES: ExpectedEntity['type'][] = ['date', 'place', 'faction'];

/** The editor's highlight boxes by entity type, told apart by the colours package.json contributes. */
async function highlights(editor: Locator): Promise<Record<ExpectedEntity['type'], Box[]>> {
  const boxes = await decorationBoxes(editor);
  const of = (type: ExpectedEntity['type']) => boxes.filter((b) => sameColor(b.color, colorDefault(`newsReview.${type}Background`)));
  return { date: of('date'), place: of('place'), faction: of('faction') };
}

async function highlightCounts(editor: Locator): Promise<Record<ExpectedEntity['type'], number>> {
  const found = await highlights(editor);
  return { date: found.date.length, place: found.place.length, faction: found.faction.length };
}

function expectedCounts(article: ExpectedArticle): Record<ExpectedEntity['type'], number> {
  return { date: countOf(article, 'date'), place: countOf(article, 'place'), faction: countOf(article, 'faction') };
}

/** The CLI's analysis of a text that exists only in the editor (the edit is not saved). */
function analyseText(name: string, text: string): ExpectedArticle {
  const dir = mkdtempSync(join(tmpdir(), 'news-review-edit-'));
  try {
    writeFileSync(join(dir, name), text);
    return analyseFolder(dir).get(name)!;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function hoverText(page: Page, box: Box): Promise<string> {
  await page.mouse.move(0, 0);
  await page.mouse.move(box.left + box.width / 2, box.top + box.height / 2);
  const hover = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content').filter({ hasText: 'Date' }).first();
  await hover.waitFor({ timeout: 10_000 });
  return hover.innerText();
}

describe('Highlights and hovers', () => {
  const workspace = inject('workspace');
  let workbench: Workbench;
  let article: ExpectedArticle;

  beforeAll(async () => {
    // A plain-text seed (no word wrap splitting a highlight in two) that has all three kinds.
    const candidates = [...analyseSeeds(workspace).values()].filter((a) => a.name.endsWith('.txt') && TYPES.every((t) => countOf(a, t) > 0));
    article = candidates.sort((a, b) => b.entities.length - a.entities.length)[0];
    workbench = await openWorkbench();
  });
  afterAll(() => workbench?.close());
  screenshotFailures(() => workbench?.page);

  test('an opened seed shows its dates, places and factions in their colours, and a date hover shows its value', async () => {
    const { page } = workbench;
    const editor = await openFile(page, article.name);
    await expect.poll(() => highlightCounts(editor), { timeout: 90_000 }).toEqual(expectedCounts(article));

    // Hover the visible dates until one resolved to a value; what it shows must be what the CLI found.
    const editorBox = (await editor.boundingBox())!;
    const dates = (await highlights(editor)).date.filter((b) => b.left + b.width < editorBox.x + editorBox.width - 20);
    let resolved: { text: string; value: string } | undefined;
    for (const box of dates.slice(0, 6)) {
      const shown = /Date\s+(.+?)\s*\n[\s\S]*?Resolved to\s+(\S+)/.exec(await hoverText(page, box));
      if (!shown) continue;
      resolved = { text: shown[1], value: shown[2] };
      if (resolved.text !== resolved.value) break; // a relative date shows the resolution best
    }
    expect(resolved, 'a hovered date shows "Resolved to <value>"').toBeDefined();
    expect(article.entities.filter((e) => e.type === 'date').map((e) => ({ text: e.text, value: e.value }))).toContainEqual(resolved);
    await screenshot(page, 'highlights-hover', { readme: true });
  });

  test('Toggle Highlights removes every highlight, and running it again restores them', async () => {
    const { page } = workbench;
    const editor = await openFile(page, article.name);
    const counts = expectedCounts(article);
    await expect.poll(() => highlightCounts(editor), { timeout: 90_000 }).toEqual(counts);
    await runCommand(page, 'newsReview.toggleHighlights');
    await expect.poll(() => highlightCounts(editor), { timeout: 30_000 }).toEqual({ date: 0, place: 0, faction: 0 });
    await runCommand(page, 'newsReview.toggleHighlights');
    await expect.poll(() => highlightCounts(editor), { timeout: 30_000 }).toEqual(counts);
  });

  test('editing an article updates its highlights and its entry in the Seeds view', async () => {
    const { page } = workbench;
    const editor = await openFile(page, article.name);
    const addition = '\n\nOn 14 March 2024, fighters withdrew from Mogadishu and Kharkiv, officials said on Sunday.';
    const edited = analyseText(article.name, readFileSync(join(workspace, 'seeds', article.name), 'utf8') + addition);
    expect(countOf(edited, 'date'), 'the added sentence adds dates').toBeGreaterThan(countOf(article, 'date'));

    await editor.locator('.view-lines').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText(addition);
    await expect.poll(() => highlightCounts(editor), { timeout: 60_000 }).toEqual(expectedCounts(edited));

    const tree = await showSeedsView(page);
    const row = treeItem(tree, articleTitle(article), 2);
    if ((await row.getAttribute('aria-expanded')) !== 'true') await row.locator('.monaco-tl-twistie').click();
    const dates = treeItem(tree, 'Dates', 3).locator('.label-description');
    await expect.poll(() => dates.textContent(), { timeout: 60_000 }).toBe(String(countOf(edited, 'date')));

    // Unsaved: revert, so later files see the seed as it is on disk.
    await runPaletteEntry(page, 'File: Revert File');
  });
});
