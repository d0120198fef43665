import { beforeEach, describe, expect, it } from 'vitest';
import * as vscode from 'vscode';
import { affects, DEFAULT_LANGUAGES, DEFAULT_SEEDS_GLOB, readConfiguration } from '../../src/extension/configuration';

const mock = vscode as unknown as typeof import('../mocks/vscode');

describe('readConfiguration', () => {
  beforeEach(() => mock.resetMock());

  it('gives the documented defaults when nothing is set', () => {
    const config = readConfiguration();
    expect(config.seedsGlob).toBe(DEFAULT_SEEDS_GLOB);
    expect(config.groupBy).toBe('month');
    expect(config.highlight).toEqual({ enabled: true, dates: true, places: true, factions: true, languages: DEFAULT_LANGUAGES });
    expect(config.maxFileSizeBytes).toBe(5 * 1024 * 1024);
    expect(config.lexicon).toEqual({});
  });

  it('reads every setting', () => {
    mock.settings.set('newsReview.seedsGlob', ' articles/*.txt ');
    mock.settings.set('newsReview.tree.groupBy', 'folder');
    mock.settings.set('newsReview.highlight.places', false);
    mock.settings.set('newsReview.highlight.languages', ['news']);
    mock.settings.set('newsReview.maxFileSizeMB', 0.5);
    mock.settings.set('newsReview.lexicon', { ignore: ['Reuters'] });
    const config = readConfiguration();
    expect(config.seedsGlob).toBe('articles/*.txt');
    expect(config.groupBy).toBe('folder');
    expect(config.highlight.places).toBe(false);
    expect(config.highlight.dates).toBe(true);
    expect(config.highlight.languages).toEqual(['news']);
    expect(config.maxFileSizeBytes).toBe(512 * 1024);
    expect(config.lexicon).toEqual({ ignore: ['Reuters'] });
  });

  it('replaces malformed values by the defaults instead of passing them on', () => {
    mock.settings.set('newsReview.seedsGlob', '   ');
    mock.settings.set('newsReview.tree.groupBy', 'by-colour');
    mock.settings.set('newsReview.highlight.enabled', 'yes');
    mock.settings.set('newsReview.highlight.languages', ['news', 3, null]);
    mock.settings.set('newsReview.maxFileSizeMB', -2);
    mock.settings.set('newsReview.lexicon', ['not', 'an', 'object']);
    const config = readConfiguration();
    expect(config.seedsGlob).toBe(DEFAULT_SEEDS_GLOB);
    expect(config.groupBy).toBe('month');
    expect(config.highlight.enabled).toBe(true);
    expect(config.highlight.languages).toEqual(['news']);
    expect(config.maxFileSizeBytes).toBe(5 * 1024 * 1024);
    expect(config.lexicon).toEqual({});
  });

  it('matches configuration changes by section', () => {
    const event = { affectsConfiguration: (section: string) => section === 'newsReview.highlight.enabled' || section === 'newsReview.highlight' };
    expect(affects(event as vscode.ConfigurationChangeEvent, 'highlight.enabled')).toBe(true);
    expect(affects(event as vscode.ConfigurationChangeEvent, 'seedsGlob')).toBe(false);
  });
});
