import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPanelBody, renderPanelHtml } from '../../src/extension/panelHtml';
import { EVIL, hostileEntities, hostileSummary } from '../extension/panelHtmlFixtures';

// The panel's real script in a real browser, under the panel's real CSP: clicks become exactly the
// messages the extension validates, updates swap the content, and no article text ever runs.

const CHROMIUM = process.env.NEWS_REVIEW_E2E_CHROMIUM ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);

let dir: string;
let browser: Browser;

beforeAll(async () => {
  if (!available) return;
  dir = mkdtempSync(join(tmpdir(), 'news-review-panel-'));
  await esbuild.build({ entryPoints: ['src/webview/panel.ts'], bundle: true, format: 'iife', platform: 'browser', outfile: join(dir, 'panel.js'), logLevel: 'silent' });
  writeFileSync(join(dir, 'panel.css'), '');
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Opens the panel page with a stand-in for VS Code's webview API that records posted messages. */
async function openPanel(): Promise<Page> {
  const html = renderPanelHtml(hostileSummary(), {
    cspSource: 'file:',
    nonce: 'test-nonce',
    scriptUri: 'panel.js',
    styleUri: 'panel.css',
    entities: hostileEntities(),
    article: 'file:///a.txt',
  });
  writeFileSync(join(dir, 'panel.html'), html);
  const page = await browser.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { posted: unknown[]; alerts: number; acquireVsCodeApi: () => unknown };
    w.posted = [];
    w.alerts = 0;
    window.alert = () => void w.alerts++;
    let state: unknown;
    w.acquireVsCodeApi = () => ({ postMessage: (m: unknown) => w.posted.push(m), getState: () => state, setState: (s: unknown) => (state = s) });
  });
  await page.goto(pathToFileURL(join(dir, 'panel.html')).href);
  await page.waitForFunction(() => document.readyState === 'complete');
  return page;
}

const posted = (page: Page) => page.evaluate(() => (window as unknown as { posted: unknown[] }).posted);

describe.skipIf(!available)('the panel script in Chromium', () => {
  it('posts a reveal with the offsets of the clicked claim, and the toolbar actions', async () => {
    const page = await openPanel();
    await page.locator('td.claim a.reveal').first().click();
    await page.locator('button[data-action="togglePin"]').click();
    await page.locator('button[data-action="export"]').click();
    expect(await posted(page)).toEqual([{ type: 'reveal', start: 0, end: 10 }, { type: 'togglePin' }, { type: 'export' }]);
    expect(page.url()).toMatch(/panel\.html$/); // the link's href="#" did not navigate
    await page.close();
  });

  it('swaps in updated content and keeps article text inert', async () => {
    const page = await openPanel();
    const body = renderPanelBody({ ...hostileSummary(), headline: 'Updated headline' }, { pinned: true, entities: hostileEntities() });
    await page.evaluate((html) => window.postMessage({ type: 'update', html, article: 'file:///a.txt' }, '*'), body);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Updated headline');
    expect(await page.locator('button[data-action="togglePin"]').getAttribute('aria-pressed')).toBe('true');
    // Every hostile field shows as text; nothing ran and no element came from it.
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { alerts: number }).alerts)).toBe(0);
    expect(await page.locator('td.claim').first().textContent()).toContain(EVIL);
    await page.close();
  });

  it('ignores messages that are not updates', async () => {
    const page = await openPanel();
    const before = await page.locator('#content').innerHTML();
    await page.evaluate(() => {
      window.postMessage({ type: 'eval', html: '<p>x</p>' }, '*');
      window.postMessage({ type: 'update', html: 42 }, '*');
      window.postMessage('update', '*');
    });
    await page.waitForTimeout(100);
    expect(await page.locator('#content').innerHTML()).toBe(before);
    await page.close();
  });
});
