// Every id the extension shares with package.json, in one place: a typo here fails to compile
// instead of failing silently in the editor.

export const EXTENSION_ID = 'news-source-review.news-source-review';

export const Commands = {
  summariseCurrentFile: 'newsReview.summariseCurrentFile',
  summariseAllSeeds: 'newsReview.summariseAllSeeds',
  refreshSeeds: 'newsReview.refreshSeeds',
  toggleHighlights: 'newsReview.toggleHighlights',
  exportSummary: 'newsReview.exportSummary',
  revealInSeeds: 'newsReview.revealInSeeds',
  addSelectionToLexicon: 'newsReview.addSelectionToLexicon',
  filterSeeds: 'newsReview.filterSeeds',
  clearFilter: 'newsReview.clearFilter',
  copyAsMarkdown: 'newsReview.copyAsMarkdown',
  summariseArticle: 'newsReview.summariseArticle',
  revealInEditor: 'newsReview.revealInEditor',
  /** Internal: what clicking an entity or claim in the tree runs. */
  openSpan: 'newsReview.openSpan',
} as const;

export const Views = {
  container: 'newsReview',
  seeds: 'newsReview.seeds',
  explorerSeeds: 'newsReview.explorerSeeds',
} as const;

export const ContextKeys = {
  filterActive: 'newsReview.filterActive',
} as const;

/** `contextValue`s of tree items, matched by `viewItem == …` in package.json menus. */
export const TreeItemContext = {
  article: 'article',
  articleError: 'articleError',
  group: 'group',
  entity: 'entity',
  mention: 'mention',
  claim: 'claim',
  folder: 'folder',
} as const;

export const CONFIG_SECTION = 'newsReview';

export const Settings = {
  seedsGlob: 'seedsGlob',
  groupBy: 'tree.groupBy',
  highlightEnabled: 'highlight.enabled',
  highlightDates: 'highlight.dates',
  highlightPlaces: 'highlight.places',
  highlightFactions: 'highlight.factions',
  highlightLanguages: 'highlight.languages',
  maxFileSizeMB: 'maxFileSizeMB',
  lexicon: 'lexicon',
} as const;

export const Colors = {
  dateBackground: 'newsReview.dateBackground',
  placeBackground: 'newsReview.placeBackground',
  factionBackground: 'newsReview.factionBackground',
  dateRuler: 'newsReview.dateOverviewRuler',
  placeRuler: 'newsReview.placeOverviewRuler',
  factionRuler: 'newsReview.factionOverviewRuler',
} as const;

export const LANGUAGE_ID = 'news';
export const LEXICON_DIRECTORY = '.newsreview';
export const LEXICON_FILE = `${LEXICON_DIRECTORY}/lexicon.json`;
