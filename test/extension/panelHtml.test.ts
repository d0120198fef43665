import { describe, expect, it } from 'vitest';
import { escapeHtml, renderHtml } from '../../src/analysis/report/html';
import { PANEL_MAX_ROWS, createNonce, panelCsp, renderPanelBody, renderPanelHtml } from '../../src/extension/panelHtml';
import { EVIL, attributeNames, emptySummary, hostileEntities, hostileSummary, tagsOf } from './panelHtmlFixtures';

const options = {
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  nonce: 'n0nce+/AbC=',
  scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/panel.js',
  styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/panel.css',
};

const hostilePage = () =>
  renderPanelHtml(hostileSummary(), { ...options, file: EVIL, entities: hostileEntities(), article: EVIL, notice: EVIL });

describe('renderPanelHtml', () => {
  it('escapes article text in every field', () => {
    const html = hostilePage();
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img');
    // Each field shows up escaped: headline (title and h1), dateline, file, sentences, claims, sources,
    // cues, hedges, channel, parties, aliases, relations, timeline, entities, notice.
    const escaped = escapeHtml(EVIL);
    expect(html.split(escaped).length - 1).toBeGreaterThanOrEqual(25);
  });

  it('declares the strict CSP with the nonce and nothing else', () => {
    const html = renderPanelHtml(hostileSummary(), options);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
    expect(csp).toBe(panelCsp(options.cspSource, options.nonce));
    expect(panelCsp(options.cspSource, options.nonce)).toBe(
      `default-src 'none'; style-src ${options.cspSource}; script-src 'nonce-${options.nonce}'; img-src ${options.cspSource}`,
    );
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:\/\/(?!file\+)/);
    // Nothing can break out of the policy, even from a malformed source or nonce.
    const forged = panelCsp('x; script-src *', '"><script>');
    expect(forged.split(';')).toHaveLength(4);
    expect(forged).not.toMatch(/["<>]/);
  });

  it('loads exactly one script, by nonce, from the extension, and one stylesheet', () => {
    const tags = tagsOf(hostilePage());
    const scripts = tags.filter((t) => /^<script\b/i.test(t));
    expect(scripts).toEqual([`<script nonce="${escapeHtml(options.nonce)}" src="${options.scriptUri}">`]);
    const links = tags.filter((t) => /^<link\b/i.test(t));
    expect(links).toEqual([`<link rel="stylesheet" href="${options.styleUri}">`]);
  });

  it('has no inline event handler, style attribute or style element', () => {
    const html = hostilePage();
    const attributes = attributeNames(html);
    expect(attributes.length).toBeGreaterThan(20);
    expect(attributes.filter((a) => a.startsWith('on') || a === 'style')).toEqual([]);
    expect(tagsOf(html).some((t) => /^<style\b/i.test(t))).toBe(false);
  });

  it('gives every claim and entity integer offsets for the script', () => {
    const html = hostilePage();
    const reveals = tagsOf(html).filter((t) => t.startsWith('<a class="reveal'));
    expect(reveals.length).toBeGreaterThan(10);
    for (const tag of reveals) expect(tag).toMatch(/ data-start="\d+" data-end="\d+"/);
    // The claim at [0, 10), its source [11, 20) and the pronoun's antecedent [21, 25).
    expect(html).toContain('data-start="0" data-end="10"');
    expect(html).toContain('data-start="11" data-end="20"');
    expect(html).toContain('data-start="21" data-end="25"');
  });

  it('never writes a malformed offset', () => {
    const summary = hostileSummary();
    summary.sentences = [{ start: Number.NaN, end: 3, text: 'bad' }, { start: 5, end: 2, text: 'reversed' }];
    const body = renderPanelBody(summary, {});
    expect(body).toContain('bad');
    expect(body).toContain('reversed');
    expect(body).not.toContain('data-start="NaN"');
    expect(body).not.toContain('data-start="5" data-end="2"');
  });

  it('explains empty states', () => {
    const body = renderPanelBody(emptySummary(), { file: 'seeds/a.txt' });
    expect(body).toContain('No attributed claims found');
    expect(body).toContain('No dated events');
    expect(body).toContain('No factions found');
    expect(body).toContain('<h1>seeds/a.txt</h1>');
    const none = renderPanelHtml(null, options);
    expect(none).toContain('Open an article');
    expect(none).not.toContain('data-action="export"');
    expect(renderPanelBody(null, { notice: 'too large' })).toContain('too large');
  });

  it('caps every list on a huge article, and says how much is left out', () => {
    const summary = hostileSummary();
    const claim = summary.claimsBySource[0].claims[0];
    const many = PANEL_MAX_ROWS + 25;
    summary.claimsBySource = [
      { source: null, kind: null, claims: Array.from({ length: many - 5 }, () => claim) },
      { source: null, kind: null, claims: Array.from({ length: 5 }, () => claim) },
    ];
    summary.timeline = Array.from({ length: many }, () => summary.timeline[0]);
    const entities = Array.from({ length: many }, (_, i) => ({ type: 'place' as const, text: `Town ${i}`, start: i, end: i + 1 }));
    const body = renderPanelBody(summary, { entities });
    expect(body.match(/<td class="claim">/g)).toHaveLength(PANEL_MAX_ROWS);
    expect(body).toContain(`${many - 5} claims</span>`);
    expect(body).toContain('…and 25 more claims');
    expect(body).toContain('…and 25 more dated statements');
    expect(body).toContain('…and 25 more places');
    // The export keeps everything.
    const page = renderHtml(summary, 'x', { entities });
    expect(page.match(/<td class="claim">/g)).toHaveLength(many);
    expect(page).not.toContain('…and');
  });

  it('shows the pin state', () => {
    expect(renderPanelBody(emptySummary(), { pinned: true })).toContain('aria-pressed="true"');
    expect(renderPanelBody(emptySummary(), { pinned: false })).toContain('aria-pressed="false"');
  });
});

describe('createNonce', () => {
  it('is long, base64 and different every time', () => {
    const nonces = new Set(Array.from({ length: 50 }, createNonce));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{24}$/);
  });
});
