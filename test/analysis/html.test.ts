import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { escapeHtml, renderHtml, renderHtmlReport, standalonePolicy, widthClass } from '../../src/analysis/report/html';
import { EVIL, attributeNames, emptySummary, hostileEntities, hostileSummary, tagsOf } from '../extension/panelHtmlFixtures';

describe('escapeHtml', () => {
  it('escapes the five markup characters and nothing else', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a> é`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt; é');
  });
});

describe('renderHtml', () => {
  const page = renderHtml(hostileSummary(), EVIL, { entities: hostileEntities() });

  it('escapes article text everywhere', () => {
    expect(page).not.toContain('<script');
    expect(page).not.toContain('<img');
    expect(page.split(escapeHtml(EVIL)).length - 1).toBeGreaterThanOrEqual(20);
  });

  it('has no script, no handler, no remote resource and no offsets', () => {
    const attributes = attributeNames(page);
    expect(attributes.filter((a) => a.startsWith('on') || a === 'src' || a === 'href' || a.startsWith('data-'))).toEqual([]);
    expect(tagsOf(page).filter((t) => /^<(script|link|img|iframe|object)\b/i.test(t))).toEqual([]);
  });

  it('allows only its own stylesheet, by hash', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(page)?.[1];
    expect(csp).toBe(standalonePolicy());
    expect(csp).toMatch(/^default-src 'none'; /);
    expect(csp).not.toMatch(/script-src|unsafe/);
    const style = /<style>([\s\S]*?)<\/style>/.exec(page)?.[1] ?? '';
    expect(style.length).toBeGreaterThan(100);
    const hash = createHash('sha256').update(style).digest('base64');
    expect(csp).toContain(`style-src 'sha256-${hash}'`);
  });

  it('titles the page by headline, else by file', () => {
    expect(renderHtml({ ...emptySummary(), headline: 'Rain & wind' }, 'a.txt')).toContain('<title>Rain &amp; wind</title>');
    expect(renderHtml(emptySummary(), 'seeds/b.txt')).toContain('<title>seeds/b.txt</title>');
  });

  it('shows a wire dateline beside the date, and only the date when there is none', () => {
    const wire = renderHtml({ ...emptySummary(), date: '2023-04-17', dateline: 'KHARTOUM, April 17 (Reuters)' });
    expect(wire).toContain('<span class="dateline">KHARTOUM, April 17 (Reuters)</span>');
    const iso = renderHtml({ ...emptySummary(), date: '2020-05-25', dateline: null });
    expect(iso).not.toContain('class="dateline"');
    expect(iso).toContain('Dated <time>2020-05-25</time>');
  });

  it('lists the summary places when the entities are not given', () => {
    const summary = { ...emptySummary(), places: [{ name: 'Goma', mentions: 3, country: 'CD' }] };
    expect(renderHtml(summary)).toMatch(/Goma <span class="detail">CD<\/span> <span class="count">×3/);
  });

  it('puts several articles in one page', () => {
    const report = renderHtmlReport([
      { summary: { ...emptySummary(), headline: 'First' } },
      { summary: { ...emptySummary(), headline: 'Second' } },
    ]);
    expect(report.match(/<!DOCTYPE html>/g)).toHaveLength(1);
    expect(report.match(/<article class="report">/g)).toHaveLength(2);
    expect(report).toContain('<title>News Source Review: 2 articles</title>');
  });
});

describe('sourcing chart', () => {
  it('scales bars to the largest count in 5% steps', () => {
    expect(widthClass(3, 3)).toBe('w100');
    expect(widthClass(1, 3)).toBe('w35');
    expect(widthClass(0, 3)).toBe('w0');
    expect(widthClass(5, 0)).toBe('w0');
    const page = renderHtml(hostileSummary());
    expect(page).toContain('<span class="fill person w100">');
    expect(page).toContain('<span class="fill anonymous w65">');
  });
});
