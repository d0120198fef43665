import data from './data/factions.json';
import { normaliseKey, tokenise } from './factionsWords';
import type { UserLexicon } from './types';

// The built-in lexicon (parties, states, peoples) compiled into lookups keyed by a mention's first word,
// plus the user's entries. Compiled once per user lexicon object.

export interface PartyInfo {
  canonical: string;
  kind: string;
  country: string;
  leaders: string[];
  backers: string[];
}

export interface StateInfo {
  name: string;
  code: string;
  demonyms: string[];
}

export interface Alias {
  keys: string[];
  /** Acronyms ("LNA", "FAMa") match with their exact case. */
  exact: string | null;
  party?: PartyInfo;
  state?: StateInfo;
  /** A capital standing for its state ("Moscow denied ..."). */
  capital?: boolean;
}

export interface FactionLexicon {
  /** Aliases by `indexKey`, longest first. */
  aliases: Map<string, Alias[]>;
  /** Whole alias key (words joined by spaces) to its party, for naming pattern mentions. */
  partyByKey: Map<string, PartyInfo>;
  /** Leaders' full names and surnames to their party ("Haftar's forces"). */
  leaders: Map<string, PartyInfo>;
  /** Demonyms ("Russian", "South Sudanese") by key, to their state. */
  demonyms: Map<string, StateInfo>;
  peoples: Set<string>;
  /** State names, aliases, codes and demonyms to the state, for backers named in the lexicon. */
  statesByKey: Map<string, StateInfo>;
  /** The first government listed for a country: the one "the government" means there. */
  governmentOf: Map<string, PartyInfo>;
}

type PartyRow = [string, string, string, string[], string[]?, string[]?];
type StateRow = [string, string, string[], string[], string[]];

const ACRONYM_CASE = /\p{Lu}/u;

/** Acronyms and mixed-case names keep their case; ordinary names match any case. */
function exactCase(alias: string): string | null {
  for (const word of alias.split(/[\s-]+/)) if (ACRONYM_CASE.test(word.slice(1))) return alias.replace(/’/g, "'");
  return null;
}

/** Aliases are indexed by their first word, or by "the" and the next word ("the uae"): "the" alone would list hundreds. */
export function indexKey(keys: string[]): string {
  return keys[0] === 'the' && keys.length > 1 ? `the ${keys[1]}` : keys[0];
}

export function aliasKeys(alias: string): string[] {
  return tokenise(alias).map((w) => w.key);
}

const UNITED_NATIONS = 'United Nations ';
/** A name for a country's own government: "Government of Yemen", "Federal Government of Somalia", "Ethiopian government". */
const NATIONAL_GOVERNMENT = /^(?:Federal )?Government of |^\p{Lu}\p{L}+ (?:federal )?government$/u;
/** The Arabic article and its hyphen at a word's start: "al-Shabaab", "Ahrar ash-Sham". */
const ARTICLE_HYPHEN = /(?<![\p{L}])(al|el|ad|an|ar|as|ash|at|az)-(?=\p{L})/giu;

class Builder {
  aliases = new Map<string, Alias[]>();
  partyByKey = new Map<string, PartyInfo>();
  leaders = new Map<string, PartyInfo>();
  demonyms = new Map<string, StateInfo>();
  statesByKey = new Map<string, StateInfo>();
  governmentOf = new Map<string, PartyInfo>();

  addAlias(text: string, target: Omit<Alias, 'keys' | 'exact'>): void {
    const keys = aliasKeys(text);
    if (keys.length === 0 || keys.length > 16) return;
    // Every field set, even to undefined: one shape for all aliases keeps the scan's reads of them monomorphic.
    const alias: Alias = { keys, exact: exactCase(text), party: target.party, state: target.state, capital: target.capital };
    const first = indexKey(keys);
    const list = this.aliases.get(first);
    if (list) list.push(alias);
    else this.aliases.set(first, [alias]);
    if (target.party && !this.partyByKey.has(keys.join(' '))) this.partyByKey.set(keys.join(' '), target.party);
  }

  addParty(party: PartyInfo, aliases: string[]): void {
    for (const alias of [party.canonical, ...aliases]) {
      this.addAlias(alias, { party });
      // "Al Shabaab", "al Qaeda": the article spaced, as wire copy often writes it.
      const spaced = alias.replace(ARTICLE_HYPHEN, '$1 ');
      if (spaced !== alias) this.addAlias(spaced, { party });
      // "the UN Interim Force in Lebanon": a United Nations body as papers shorten it.
      if (alias.startsWith(UNITED_NATIONS)) this.addAlias(`UN ${alias.slice(UNITED_NATIONS.length)}`, { party });
    }
    for (const leader of party.leaders) {
      const keys = aliasKeys(leader);
      if (!keys.length) continue;
      if (!this.leaders.has(keys.join(' '))) this.leaders.set(keys.join(' '), party);
      if (!this.leaders.has(keys[keys.length - 1])) this.leaders.set(keys[keys.length - 1], party);
    }
    // A country's government is a party named as one ("Government of Yemen", "Somali government"), not a region's
    // or an opposition's ("Kurdistan Regional Government", "National Unity Government").
    if (party.kind === 'government' && party.country && !this.governmentOf.has(party.country) && [party.canonical, ...aliases].some((name) => NATIONAL_GOVERNMENT.test(name))) {
      this.governmentOf.set(party.country, party);
    }
  }

  finish(peoples: Set<string>): FactionLexicon {
    for (const list of this.aliases.values()) list.sort((a, b) => b.keys.length - a.keys.length);
    return {
      aliases: this.aliases,
      partyByKey: this.partyByKey,
      leaders: this.leaders,
      demonyms: this.demonyms,
      peoples,
      statesByKey: this.statesByKey,
      governmentOf: this.governmentOf,
    };
  }
}

function addBuiltIn(builder: Builder): void {
  for (const [canonical, kind, country, aliases, leaders = [], backers = []] of data.parties as PartyRow[]) {
    builder.addParty({ canonical, kind, country, leaders, backers }, aliases);
  }
  for (const [name, code, demonyms, aliases, capitals] of data.states as StateRow[]) {
    const state: StateInfo = { name, code, demonyms };
    for (const alias of [name, ...aliases]) {
      builder.addAlias(alias, { state });
      // "the UAE", "the United States": the article belongs to the name.
      if (!/^the /i.test(alias)) builder.addAlias(`the ${alias}`, { state });
    }
    for (const capital of capitals) builder.addAlias(capital, { state, capital: true });
    for (const key of [name, ...aliases, ...demonyms, code].map((a) => aliasKeys(a).join(' '))) {
      if (!builder.statesByKey.has(key)) builder.statesByKey.set(key, state);
    }
    for (const demonym of demonyms) {
      const key = aliasKeys(demonym).join(' ');
      if (!builder.demonyms.has(key)) builder.demonyms.set(key, state);
    }
  }
}

// Built on first use, not at load: activating the extension should not pay for it.
let builtInParts: { builder: Builder; lexicon: FactionLexicon } | undefined;

function builtInLexicons(): { builder: Builder; lexicon: FactionLexicon } {
  if (!builtInParts) {
    const builder = new Builder();
    addBuiltIn(builder);
    builtInParts = { builder, lexicon: builder.finish(new Set(data.peoples.map(normaliseKey))) };
  }
  return builtInParts;
}

const compiled = new WeakMap<UserLexicon, FactionLexicon>();

/** The built-in lexicon, with the user's factions first where they have any. */
export function factionLexicon(user: UserLexicon): FactionLexicon {
  const { builder: builtIn, lexicon: builtInLexicon } = builtInLexicons();
  const entries = Array.isArray(user.factions) ? user.factions : [];
  if (entries.length === 0) return builtInLexicon;
  const cached = compiled.get(user);
  if (cached) return cached;
  const builder = new Builder();
  for (const entry of entries) {
    if (!entry || typeof entry.name !== 'string' || !entry.name.trim()) continue;
    const aliases = Array.isArray(entry.aliases) ? entry.aliases.filter((a): a is string => typeof a === 'string') : [];
    const backers = Array.isArray(entry.backers) ? entry.backers.filter((a): a is string => typeof a === 'string') : [];
    builder.addParty({ canonical: entry.name.trim(), kind: 'armed-group', country: '', leaders: [], backers }, aliases);
  }
  // User entries win: they were added first, and a stable sort keeps them ahead of built-in aliases.
  for (const [key, list] of builtIn.aliases) {
    const own = builder.aliases.get(key);
    builder.aliases.set(key, own ? [...own, ...list] : list);
  }
  for (const [key, party] of builtIn.partyByKey) if (!builder.partyByKey.has(key)) builder.partyByKey.set(key, party);
  for (const [key, party] of builtIn.leaders) if (!builder.leaders.has(key)) builder.leaders.set(key, party);
  builder.demonyms = builtIn.demonyms;
  builder.statesByKey = builtIn.statesByKey;
  builder.governmentOf = builtIn.governmentOf;
  const lexicon = builder.finish(builtInLexicon.peoples);
  compiled.set(user, lexicon);
  return lexicon;
}
