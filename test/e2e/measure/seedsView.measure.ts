import { rmSync } from 'node:fs';
import { inject, test } from 'vitest';
import { keptListings } from '../codeServer';
import { activityBarIcon, openWorkbench } from '../workbench';

// How long a reviewer waits, in a real VS Code, from opening the Seeds view in a fresh window to its
// first article: activation, the file search, reading every seed for its header (or, in a window
// opened on a workspace listed before, its header kept by that listing: a stat each), and VS Code
// sending and drawing the items. Each trial is a new window, so a new extension host with nothing
// cached in memory; trials go in pairs, the first with the kept listing deleted, then a reopening.

declare module 'vitest' {
  export interface ProvidedContext {
    seedCount: number;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Deletes the listings the extension kept in code-server's workspace storage. */
function forgetListings(): void {
  for (const path of keptListings(inject('userData'))) rmSync(path);
}

/** Milliseconds from the click on the view, in a new window, to its first article. */
async function firstArticleMs(): Promise<number> {
  const { page, close } = await openWorkbench();
  await sleep(4000); // the workbench settles, so its own start-up is not timed
  const start = Date.now();
  await activityBarIcon(page).click();
  await page.locator('.part.sidebar .customview-tree [role="treeitem"][aria-level="2"]').first().waitFor({ timeout: 600_000 });
  const ms = Date.now() - start;
  // The next window opens on the Explorer (its News Seeds view collapsed), so its view loads on the click too.
  await page.locator('.activitybar [aria-label^="Explorer"]').first().click();
  await sleep(1500);
  await close();
  await sleep(6000); // the window's extension host exits
  return ms;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

test('the Seeds view, cold and reopened, in fresh windows', async () => {
  const pairs = Number(process.env.NEWS_REVIEW_VIEW_TRIALS ?? 3);
  const coldMs: number[] = [];
  const reopenedMs: number[] = [];
  for (let i = 0; i < pairs; i++) {
    forgetListings();
    coldMs.push(await firstArticleMs());
    reopenedMs.push(await firstArticleMs());
  }
  console.log(JSON.stringify({ seeds: inject('seedCount'), coldMs, reopenedMs, medianColdMs: median(coldMs), medianReopenedMs: median(reopenedMs) }));
});
