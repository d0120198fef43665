import { inject, test } from 'vitest';
import { activityBarIcon, openWorkbench } from '../workbench';

// How long a reviewer waits, in a real VS Code, from opening the Seeds view in a fresh window to its
// first article: activation, the file search, reading and analysing every seed, and VS Code sending
// and drawing the items. Each trial is a new window, so a new extension host with nothing cached.

declare module 'vitest' {
  export interface ProvidedContext {
    seedCount: number;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('the Seeds view, cold, in a fresh window', async () => {
  const trials = Number(process.env.NEWS_REVIEW_VIEW_TRIALS ?? 3);
  const listedMs: number[] = [];
  for (let i = 0; i < trials; i++) {
    const { page, close } = await openWorkbench();
    await sleep(4000); // the workbench settles, so its own start-up is not timed
    const start = Date.now();
    await activityBarIcon(page).click();
    await page.locator('.part.sidebar .customview-tree [role="treeitem"][aria-level="2"]').first().waitFor({ timeout: 600_000 });
    listedMs.push(Date.now() - start);
    // The next window opens on the Explorer (its News Seeds view collapsed), so its view loads on the click too.
    await page.locator('.activitybar [aria-label^="Explorer"]').first().click();
    await sleep(1500);
    await close();
    await sleep(6000); // the window's extension host exits
  }
  const sorted = [...listedMs].sort((a, b) => a - b);
  const result = { seeds: inject('seedCount'), listedMs, medianMs: sorted[Math.floor(sorted.length / 2)] };
  console.log(JSON.stringify(result));
});
