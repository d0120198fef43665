import * as vscode from 'vscode';
import { validateUserLexicon } from '../analysis/lexicon';
import type { UserLexicon } from '../analysis/types';
import { CONFIG_SECTION, Settings } from './constants';

// The typed mirror of `contributes.configuration`. Values are read once per change and normalised
// here, so the rest of the extension never sees a malformed setting.

export type GroupBy = 'month' | 'folder' | 'none';

export interface Configuration {
  seedsGlob: string;
  groupBy: GroupBy;
  highlight: {
    enabled: boolean;
    dates: boolean;
    places: boolean;
    factions: boolean;
    languages: string[];
  };
  maxFileSizeBytes: number;
  lexicon: UserLexicon;
}

export const DEFAULT_SEEDS_GLOB = '**/seeds/**/*.{txt,md}';
export const DEFAULT_LANGUAGES = ['plaintext', 'markdown', 'news'];
const DEFAULT_MAX_MB = 5;

export function readConfiguration(scope?: vscode.ConfigurationScope): Configuration {
  const config = vscode.workspace.getConfiguration(CONFIG_SECTION, scope);
  const get = <T>(key: string): unknown => config.get<T>(key);
  const bool = (key: string, fallback: boolean) => {
    const value = get<boolean>(key);
    return typeof value === 'boolean' ? value : fallback;
  };
  const glob = get<string>(Settings.seedsGlob);
  const groupBy = get<string>(Settings.groupBy);
  const languages = get<string[]>(Settings.highlightLanguages);
  const maxMB = get<number>(Settings.maxFileSizeMB);
  const lexicon = get<UserLexicon>(Settings.lexicon);
  return {
    seedsGlob: typeof glob === 'string' && glob.trim() ? glob.trim() : DEFAULT_SEEDS_GLOB,
    groupBy: groupBy === 'folder' || groupBy === 'none' ? groupBy : 'month',
    highlight: {
      enabled: bool(Settings.highlightEnabled, true),
      dates: bool(Settings.highlightDates, true),
      places: bool(Settings.highlightPlaces, true),
      factions: bool(Settings.highlightFactions, true),
      languages: Array.isArray(languages) ? languages.filter((l): l is string => typeof l === 'string') : DEFAULT_LANGUAGES,
    },
    maxFileSizeBytes: (typeof maxMB === 'number' && Number.isFinite(maxMB) && maxMB > 0 ? maxMB : DEFAULT_MAX_MB) * 1024 * 1024,
    // Only the valid entries: a malformed setting must not reach the analyser.
    lexicon: lexicon === undefined || lexicon === null ? {} : validateUserLexicon(lexicon),
  };
}

/** Whether a configuration change touches `newsReview.<key>`. */
export function affects(event: vscode.ConfigurationChangeEvent, key: string): boolean {
  return event.affectsConfiguration(`${CONFIG_SECTION}.${key}`);
}
