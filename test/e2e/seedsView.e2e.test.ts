import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { analyseSeeds, articleTitle, countOf, monthGroup, position, type ExpectedArticle } from './expected';
import { keptListings } from './codeServer';
import { editorSelection, openWorkbench, screenshot, screenshotFailures, showSeedsView, treeItem, type Workbench } from './workbench';

interface Row {
  level: number;
  label: string;
  description: string;
}

/** The rendered rows of the tree, in order. */
function rows(tree: Locator): Promise<Row[]> {
  return tree.locator('[role="treeitem"]').evaluateAll((elements) =>
    elements.map((e) => ({
      level: Number(e.getAttribute('aria-level')),
      label: e.querySelector('.label-name')?.textContent ?? '',
      description: e.querySelector('.label-description')?.textContent ?? '',
    })),
  );
}

describe('Seeds view', () => {
  const workspace = inject('workspace');
  let workbench: Workbench;
  let expected: Map<string, ExpectedArticle>;

  beforeAll(async () => {
    expected = analyseSeeds(workspace);
    workbench = await openWorkbench();
  });
  afterAll(() => workbench?.close());
  screenshotFailures(() => workbench?.page);

  /** Waits until the view in `page` lists every seed with its headline and date, under its month. */
  async function expectEverySeedListed(page: Workbench['page']): Promise<void> {
    const tree = await showSeedsView(page);
    const want = [...expected.values()]
      .map((a) => ({ group: monthGroup(a), title: articleTitle(a), date: a.date ?? '' }))
      .sort((a, b) => a.title.localeCompare(b.title));
    await expect
      .poll(async () => {
        let group = '';
        const seen: typeof want = [];
        for (const row of await rows(tree)) {
          if (row.level === 1) group = row.label;
          else if (row.level === 2) seen.push({ group, title: row.label, date: row.description });
        }
        return seen.sort((a, b) => a.title.localeCompare(b.title));
      }, { timeout: 30_000 })
      .toEqual(want);
  }

  test('lists every seed with its headline and date, under its month', async () => {
    await expectEverySeedListed(workbench.page);
  });

  test('keeps that listing for the next window, which lists the seeds the same from it', async () => {
    await expect.poll(() => keptListings(inject('userData')).length, { timeout: 10_000 }).toBe(1);
    const [kept] = keptListings(inject('userData'));
    const { headers } = JSON.parse(readFileSync(kept, 'utf8')) as { headers: Record<string, { header: { headline?: string } }> };
    const headline = (text: string | null | undefined) => text?.trim() ?? '';
    expect(Object.values(headers).map((h) => headline(h.header.headline)).sort()).toEqual([...expected.values()].map((a) => headline(a.headline)).sort());
    const next = await openWorkbench();
    try {
      await expectEverySeedListed(next.page);
    } finally {
      await next.close();
    }
  });

  test("hovering an article shows its counts, made only then (the view's items do not carry them)", async () => {
    const { page } = workbench;
    const tree = await showSeedsView(page);
    const article = [...expected.values()].sort((a, b) => b.claims.length - a.claims.length)[0];
    await treeItem(tree, articleTitle(article), 2).locator('.label-name').hover();
    const hover = page.locator('.workbench-hover').filter({ hasText: ' claims (' }).first();
    await hover.waitFor({ timeout: 10_000 });
    const counts = `${countOf(article, 'date')} dates · ${countOf(article, 'place')} places · ${countOf(article, 'faction')} factions · ${article.claims.length} claims`;
    expect(await hover.innerText()).toContain(counts);
    await page.mouse.move(0, 0);
    await page.keyboard.press('Escape');
  });

  test('an article expands to its dates, places, factions and claims with their counts; a place opens its span', async () => {
    const { page } = workbench;
    const tree = await showSeedsView(page);
    // The article with the most places, so the place clicked is a real choice among several.
    const article = [...expected.values()].sort((a, b) => countOf(b, 'place') - countOf(a, 'place'))[0];
    expect(countOf(article, 'place')).toBeGreaterThan(1);

    const articleRow = treeItem(tree, articleTitle(article), 2);
    await articleRow.locator('.monaco-tl-twistie').click();
    await expect
      .poll(async () => (await rows(tree)).filter((r) => r.level === 3), { timeout: 10_000 })
      .toEqual([
        { level: 3, label: 'Dates', description: String(countOf(article, 'date')) },
        { level: 3, label: 'Places', description: String(countOf(article, 'place')) },
        { level: 3, label: 'Factions', description: String(countOf(article, 'faction')) },
        { level: 3, label: 'Claims', description: String(article.claims.length) },
      ]);

    await treeItem(tree, 'Places', 3).locator('.monaco-tl-twistie').click();
    const place = treeItem(tree, /./, 4);
    const name = (await place.locator('.label-name').textContent()) ?? '';
    const mention = article.entities.find((e) => e.type === 'place' && (e.canonical ?? e.text) === name);
    expect(mention, `tree place "${name}" is one of the CLI's places`).toBeDefined();

    await place.locator('.label-name').click();
    await page.locator('.tabs-container .tab.active', { hasText: article.name }).waitFor();
    const text = readFileSync(join(workspace, 'seeds', article.name), 'utf8');
    const ends = [position(text, mention!.start), position(text, mention!.end)];
    await expect.poll(() => editorSelection(page), { timeout: 10_000 }).toMatchObject({ selected: mention!.end - mention!.start });
    const { line, column } = await editorSelection(page);
    expect(ends).toContainEqual({ line, column });

    await screenshot(page, 'seeds-tree', { readme: true });
  });
});
