import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../../src/analysis/analyse';
import { summarise } from '../../src/analysis/summary';
import { runCli } from '../cli/runCli';
import { hostileTexts, writeCorpus } from './corpus';

// Article text must never execute or load anything, in the panel or in an HTML export. Each page is
// opened from a file:// URL in headless Chromium with no network; every hostile payload in the corpus
// sets `window.__pwned` (or loads from evil.example), so a script that ran or a request that left the
// page is seen. A control page proves the harness would notice.

const CHROMIUM = '/usr/bin/chromium';
// Requests are recorded when attempted, even if the CSP then blocks them: article text should not even try.
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];
/** Where the fake webview serves the extension's own script and stylesheet (`webview.cspSource`). */
const WEBVIEW = 'https://webview.test';

let browser: Browser;
let dir: string;
let pageCount = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'news-review-html-'));
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Visit {
  pwned: unknown;
  dialogs: string[];
  console: string[];
  violations: string[];
  requests: string[];
  innerText: string;
  posted: unknown[];
}

/** Opens `html` from a file, optionally runs `after` in the page, and reports what happened. */
async function visit(html: string, options: { webviewScript?: string; after?: (page: import('playwright-core').Page) => Promise<void> } = {}): Promise<Visit> {
  const file = join(dir, `page-${pageCount++}.html`);
  writeFileSync(file, html);
  const url = pathToFileURL(file).href;
  const context = await browser.newContext({ javaScriptEnabled: true, offline: true });
  const page = await context.newPage();
  const seen: Visit = { pwned: undefined, dialogs: [], console: [], violations: [], requests: [], innerText: '', posted: [] };
  page.on('dialog', (dialog) => {
    seen.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('console', (message) => seen.console.push(`${message.type()}: ${message.text()}`));
  page.on('request', (request) => {
    const target = request.url();
    if (target !== url && !/^(?:data|about):/.test(target) && !(options.webviewScript && target.startsWith(`${WEBVIEW}/`))) seen.requests.push(target);
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  if (options.webviewScript) {
    const script = options.webviewScript;
    await context.route(`${WEBVIEW}/**`, (route) =>
      route.fulfill(route.request().url().endsWith('.js') ? { contentType: 'text/javascript', body: script } : { contentType: 'text/css', body: 'body { margin: 0 }' }),
    );
  }
  await page.goto(url, { waitUntil: 'load' });
  if (options.after) await options.after(page);
  await page.waitForTimeout(50); // let any timer or image error handler fire
  const result = await page.evaluate(() => {
    const w = window as unknown as { __pwned?: unknown; __violations: string[]; __posted?: unknown[] };
    return { pwned: w.__pwned, violations: w.__violations, innerText: document.body?.innerText ?? '', posted: w.__posted ?? [] };
  });
  await context.close();
  return { ...seen, ...result };
}

function expectInert(visit: Visit, label: string) {
  expect(visit.pwned, `${label}: a hostile script ran`).toBeUndefined();
  expect(visit.dialogs, `${label}: dialogs`).toEqual([]);
  expect(visit.requests, `${label}: requests that left the page`).toEqual([]);
  expect(visit.violations, `${label}: CSP violations (something tried to run or load)`).toEqual([]);
  expect(visit.console.filter((line) => !line.startsWith('debug')), `${label}: console`).toEqual([]);
}

/** The policy in the page's CSP meta, as directive -> sources; fails when it is missing or late. */
function csp(html: string): Map<string, string[]> {
  const metas = [...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>/gi)];
  expect(metas, 'exactly one CSP meta').toHaveLength(1);
  // It must come before anything the article contributes: the title is the first.
  expect(metas[0].index!, 'CSP meta before <title>').toBeLessThan(html.search(/<title>/i));
  expect(html.slice(0, metas[0].index).search(/<(?:script|link|style|img|body)\b/i), 'nothing loaded before the CSP').toBe(-1);
  const policy = new Map<string, string[]>();
  for (const directive of metas[0][1].replace(/&#39;/g, "'").replace(/&amp;/g, '&').split(';')) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (name) policy.set(name.toLowerCase(), sources);
  }
  return policy;
}

function expectStrictPolicy(policy: Map<string, string[]>, allowedOrigin?: string) {
  expect(policy.get('default-src')).toEqual(["'none'"]);
  for (const [name, sources] of policy) {
    for (const source of sources) {
      const fine =
        source === "'none'" ||
        source === allowedOrigin ||
        /^'nonce-[A-Za-z0-9+/=]{16,}'$/.test(source) ||
        (name === 'style-src' && (source === "'unsafe-inline'" || /^'sha(?:256|384|512)-[A-Za-z0-9+/=]+'$/.test(source)));
      expect(fine, `${name} ${source}`).toBe(true);
    }
  }
  const scripts = policy.get('script-src') ?? policy.get('default-src')!;
  expect(scripts.filter((s) => !s.startsWith("'nonce-") && s !== "'none'"), 'script-src allows only a nonce').toEqual([]);
}

describe('the harness', () => {
  it('sees a script that runs, a dialog, and a request when nothing forbids them', async () => {
    const open = await visit('<!DOCTYPE html><title>x</title><script>window.__pwned = 1; alert("x")</script><img src="https://evil.example/x.png">');
    expect(open.pwned).toBe(1);
    expect(open.dialogs).toEqual(['x']);
    expect(open.requests).toEqual(['https://evil.example/x.png']);
  });

  it('sees the same page blocked, and the attempts reported, under a strict CSP', async () => {
    const blocked = await visit(`<!DOCTYPE html><meta http-equiv="Content-Security-Policy" content="default-src 'none'"><title>x</title><script>window.__pwned = 1</script><img src="https://evil.example/x.png">`);
    expect(blocked.pwned).toBeUndefined();
    expect(blocked.violations).toEqual(expect.arrayContaining([expect.stringMatching(/^script-src/), expect.stringMatching(/^img-src https:\/\/evil\.example/)]));
  });
});

describe('news-review summarise --format html', () => {
  it('renders every hostile article inert, as text, under a strict CSP', async () => {
    const files = writeCorpus(join(dir, 'corpus')).filter((f) => f.expect !== 'error' && statSync(f.path).size < 20_000);
    const result = runCli(['summarise', '--format', 'html', ...files.map((f) => f.path)]);
    expect(result.status).toBe(0);
    const pages = result.stdout.split(/(?=<!DOCTYPE html>)/i).filter((page) => page.trim());
    expect(pages.length).toBeGreaterThan(0);
    let shownAsText = 0;
    for (const [i, page] of pages.entries()) {
      expectStrictPolicy(csp(page));
      const seen = await visit(page);
      expectInert(seen, `export page ${i}`);
      if (seen.innerText.includes('<script>')) shownAsText++;
    }
    // The markup article's headline and the Markdown heading carry a literal <script>: shown, not run.
    expect(shownAsText).toBeGreaterThan(0);
    expect(pages.join('')).toContain('&lt;script&gt;');
  }, 60_000);
});

const PANEL_TEXTS = ['markup', 'rtl', 'astral', 'quotes', 'lone-surrogates', 'nul-and-controls', 'dateline-only', 'empty'];
const panelHtmlPath = join(__dirname, '../../src/extension/panelHtml.ts');
const panelScriptPath = join(__dirname, '../../src/webview/panel.ts');

describe.skipIf(!existsSync(panelHtmlPath) || !existsSync(panelScriptPath))('the summary panel (renderPanelHtml)', () => {
  /** The panel's real script, bundled, behind a stand-in for the VS Code webview API that records messages. */
  const panelScript = () => {
    const bundled = buildSync({ entryPoints: [panelScriptPath], bundle: true, format: 'iife', target: 'es2022', write: false, logLevel: 'error' });
    const stub = `window.__posted = []; window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__posted.push(m), getState: () => undefined, setState: () => {} });`;
    return `${stub}\n${bundled.outputFiles[0].text}`;
  };

  it('renders every hostile article inert, as text, under a strict CSP, with its own script running', async () => {
    const { renderPanelHtml, renderPanelBody, createNonce } = await import('../../src/extension/panelHtml');
    const script = panelScript();
    // The articles with markup, scripts, quotes and odd characters; the long runs add nothing here.
    const texts = hostileTexts().filter((h) => PANEL_TEXTS.includes(h.name));
    expect(texts).toHaveLength(PANEL_TEXTS.length);
    // After the first render, the extension swaps in the markup article by message, as the panel does.
    const next = texts[0];
    const nextAnalysis = analyse(next.text);
    const update = { type: 'update', article: 'file:///articles/next.txt', html: renderPanelBody(summarise(nextAnalysis), { file: next.name, entities: nextAnalysis.entities }) };
    let shownAsText = 0;
    for (const { name, text } of texts) {
      const analysis = analyse(text);
      const summary = summarise(analysis);
      const nonce = createNonce();
      const html = renderPanelHtml(summary, {
        cspSource: WEBVIEW,
        nonce,
        scriptUri: `${WEBVIEW}/dist/webview/panel.js`,
        styleUri: `${WEBVIEW}/media/panel.css`,
        file: `/articles/${name}.txt`,
        entities: analysis.entities,
        article: `file:///articles/${name}.txt`,
      });
      expectStrictPolicy(csp(html), WEBVIEW);
      const seen = await visit(html, {
        webviewScript: script,
        after: async (page) => {
          await page.evaluate((message) => window.postMessage(message, '*'), update);
          if (await page.locator('a.reveal').count()) await page.locator('a.reveal').first().click();
        },
      });
      expectInert(seen, `panel ${name}`);
      if (seen.innerText.includes('<script>')) shownAsText++;
      for (const message of seen.posted as { type: string; start?: number; end?: number }[]) {
        expect(['reveal', 'togglePin', 'export']).toContain(message.type);
        if (message.type === 'reveal') expect(Number.isInteger(message.start) && Number.isInteger(message.end)).toBe(true);
      }
    }
    expect(shownAsText).toBeGreaterThan(0);
  }, 90_000);
});
