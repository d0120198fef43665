import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as vscode from 'vscode';
import { AnalysisCache } from '../../src/extension/analysisCache';
import { readConfiguration } from '../../src/extension/configuration';
import { EntityHoverProvider, entityAt, hoverMarkdown } from '../../src/extension/hover';
import { analysisOf, entities, entity } from './helpers';

vi.mock('../../src/analysis/analyse', async () => (await import('./helpers')).fakeAnalyser.module());

const mock = vscode as unknown as typeof import('../mocks/vscode');

const text =
  ' date 2020-05-25 Shelling in Khartoum\n\nThe RSF, backed by foreign*powers, shelled Khartoum for over nine years, ' +
  'the Sudanese army said. The Rapid Support Forces denied it.';
const rsf = { canonical: 'Rapid Support Forces', kind: 'armed-group' };
const found = [
  entity(text, 'date', 'over nine years', { value: 'P9Y' }),
  ...entities(text, 'place', 'Khartoum', { canonical: 'Khartoum', country: 'SD', kind: 'city', lat: 15.5518, lon: 32.5324 }),
  entity(text, 'faction', 'RSF', rsf),
  entity(text, 'faction', 'Rapid Support Forces', rsf),
  entity(text, 'faction', 'Sudanese army', { canonical: 'Sudanese Armed Forces', kind: 'state' }),
];
const analysis = analysisOf(text, found, {
  parties: [
    { canonical: 'Rapid Support Forces', aliases: ['RSF', 'Rapid Support Forces'], mentions: 2, kind: 'armed-group' },
    { canonical: 'Sudanese Armed Forces', aliases: ['Sudanese army'], mentions: 1, kind: 'state' },
  ],
  relations: [
    { from: 'Foreign*Power', to: 'Rapid Support Forces', kind: 'backs' },
    { from: 'Sudanese Armed Forces', to: 'Rapid Support Forces', kind: 'opposes' },
  ],
});

describe('hoverMarkdown', () => {
  it('shows a date and its resolved value', () => {
    const md = hoverMarkdown(analysis, found[0]);
    expect(md).toContain('`over nine years`');
    expect(md).toContain('`P9Y`');
    expect(md).toContain('duration');
    expect(md).toContain('1 mention in this file');
  });

  it("shows a place's canonical name, kind, country, coordinates and mentions", () => {
    const md = hoverMarkdown(analysis, found[1]);
    expect(md).toContain('**Place** Khartoum');
    expect(md).toContain('city');
    expect(md).toContain('`SD`');
    expect(md).toContain('15.5518, 32.5324');
    expect(md).toContain('2 mentions in this file');
  });

  it("shows a faction's canonical name, aliases and relations, with Markdown in names escaped", () => {
    const md = hoverMarkdown(analysis, found.find((e) => e.text === 'RSF')!);
    expect(md).toContain('**Faction** Rapid Support Forces (armed\\-group)');
    expect(md).toContain('Also written: RSF');
    expect(md).toContain('Backed by Foreign\\*Power');
    expect(md).toContain('Opposed by Sudanese Armed Forces');
    expect(md).toContain('2 mentions in this file');
    expect(hoverMarkdown(analysis, found.find((e) => e.text === 'Sudanese army')!)).toContain('Opposes Rapid Support Forces');
  });
});

describe('entityAt', () => {
  it('finds the entity under an offset, and nothing between entities', () => {
    expect(entityAt(analysis, text.indexOf('RSF') + 1)?.text).toBe('RSF');
    expect(entityAt(analysis, text.indexOf('shelled'))).toBeUndefined();
    expect(entityAt(analysis, text.indexOf('RSF') + 3)).toBeUndefined(); // end is exclusive
  });
});

describe('EntityHoverProvider', () => {
  beforeEach(() => mock.resetMock());

  it('hovers over the entity range in a highlighted language only, and not for a type switched off', () => {
    const cache = new AnalysisCache();
    vi.spyOn(cache, 'analyseDocument').mockReturnValue(analysis);
    let config = readConfiguration();
    const provider = new EntityHoverProvider(cache, () => config);
    const document = mock.createTextDocument(vscode.Uri.file('/ws/seeds/k.txt'), text, 'news');
    const at = document.positionAt(text.indexOf('Khartoum', 60) + 2);
    const hover = provider.provideHover(document, at)!;
    expect((hover.contents as unknown as vscode.MarkdownString).value).toContain('**Place** Khartoum');
    expect(document.getText(hover.range)).toBe('Khartoum');
    expect(provider.provideHover(mock.createTextDocument(document.uri, text, 'typescript'), at)).toBeUndefined();
    config = { ...config, highlight: { ...config.highlight, places: false } };
    expect(provider.provideHover(document, at)).toBeUndefined();
    cache.dispose();
  });
});
