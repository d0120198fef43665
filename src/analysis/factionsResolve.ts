import { BoundedMemo } from './boundedMemo';
import { isLetterOrDigitAt, isRegexSpace, spacesAfter, spacesBefore } from './chars';
import { aliasKeys, factionLexicon, type FactionLexicon, type PartyInfo, type StateInfo } from './factionsLexicon';
import { tokenise } from './factionsWords';
import { isSortedByStart } from './sortedSpans';
import type { Entity, Party, RecogniserContext, Relation } from './types';

// Document-level pass over the faction mentions of all paragraphs: links the mentions of one party
// (acronym definitions, "known as", a leader's forces, a backer's proxies, "the government" of the
// article's country), spreads acronyms defined in the text to their later uses, and reads the backing
// and fighting the text states between parties.

const DEFINITION = /^\s*\(\s*$|^,?\s+(?:(?:also|formally|locally|commonly|widely|officially|better|collectively)\s+)?(?:known|referred\s+to)\s+(?:as|by\s+(?:its|their|the)\s+(?:\p{L}+\s+){0,2}?(?:acronym|name|initials|abbreviation))\s+[“"‘']?$/u;
const POSSESSIVE_FORCES = /^(?:the\s+)?(.+?)['’]s\s+(?:\p{L}+\s+)?(?:forces|fighters|troops|loyalists|men|militias?|army|soldiers|supporters|guards)$/u;
const LEADS = /\b(?:led|headed|commanded|leader|chief|commander|founder|head|under|loyal)\b/;
const BACKED_PREFIX = /^(?:the\s+)?([\p{L}.]+(?:\s[\p{L}.]+)?)-(?:backed|supported|sponsored|armed|funded|trained|allied)\b/iu;
/** The "-backed" words of a backer named before a mention. */
const BACKED_WORDS = ['backed', 'supported', 'sponsored', 'armed', 'funded', 'trained'];
const BACKED_BEFORE = new RegExp(`([\\p{L}.]+)-(?:${BACKED_WORDS.join('|')})\\s+$`, 'u');
const BACKING_VERBS = ['backed', 'supported', 'armed', 'funded', 'financed', 'trained', 'equipped', 'sponsored', 'bankrolled', 'aided'];
/** "backed by", tried only where a "by" follows one of the verbs: trying it at every position of the text is slow. */
const PASSIVE = new RegExp(`\\b(?:${BACKING_VERBS.join('|')})\\s+by\\s+`, 'uy');
const ACTIVE = /^\s+(?:(?:is|are|was|were|has|have|had|reportedly|allegedly|also|openly|now|long)\s+)*(?:backs|backed|supports|supported|backing|supporting|arms|armed|funds|funded|trains|trained|allied\s+with|fought\s+alongside|fights\s+alongside|fighting\s+alongside)\s+(?:the\s+)?$/u;
const ATTACKS = /^\s+(?:(?:has|have|had|is|are|was|were|reportedly|allegedly|also|repeatedly|then|later)\s+)*(?:attacked|attacks|attacking|shelled|shells|shelling|struck|strikes|fought|fights|fighting|clashed\s+with|clashing\s+with|ambushed|ambushes|targeted|targets|bombed|bombs|raided|raids|killed|kills|captured|seized|besieged|besieges)\s+(?:the\s+)?$/u;
const AGAINST = /\b(?:fight|fighting|fought|war|battle|offensive|campaign|insurgency|rebellion|struggle|turned|clashes|clashed|fights)\s+(?:against|with)\s+(?:the\s+)?$/iu;
const BETWEEN = /\b(?:fighting|clashes|war|battles?|conflict|hostilities|combat)\s+between\s+(?:the\s+)?(?:[\p{L}-]+\s+)?$/iu;
const AND_GAP = /^\s*(?:\)\s*)?,?\s*and\s+(?:the\s+)?(?:\p{Ll}+\s+)?$/u;
/** After "X and Y": "... fought for control", "... have clashed". */
const FOUGHT_AFTER = /^\s*(?:\([^()]{1,12}\)\s*)?(?:(?:have|had|has|have\s+been|had\s+been|were|are)\s+)?(?:fought|clashed|battled|fighting|clashing|battling|exchanged\s+fire)\b/u;
const LIST_GAP = /^(?:,\s*(?:and\s+)?(?:by\s+)?|\s+and\s+(?:by\s+)?|\s+or\s+)$/;
const SENTENCE_END = /[.!?;]\s/;
/** How many text-defined acronyms, and leaders' names, are searched for across the document. */
const MAX_SPREAD = 64;
/** How many places of a leader's name are looked at: a bounded number keeps hostile input linear. */
const MAX_TRIES = 50;
const ACRONYM_WORD = /^[\p{Lu}\d][\p{L}\d-]{1,9}$/u;
const GOVERNMENT = /\bgovernment\b/i;
/** Entries each memo keeps: more than any article's names, bounded over a stream of texts. */
const MEMO_LIMIT = 4096;

export interface PartiesFound {
  factions: Entity[];
  parties: Party[];
  relations: Relation[];
}

export function resolveParties(text: string, factions: Entity[], context: RecogniserContext): PartiesFound {
  if (factions.length === 0) return { factions, parties: [], relations: [] };
  const { factions: resolved, parties, relations } = mergeParties(text, mentionsInOrder(factions), partiesIndex(context));
  return { factions: resolved, parties, relations };
}

/** Paragraph by paragraph, mentions usually come sorted already: a stable sort would keep them as they are. */
export function mentionsInOrder(factions: Entity[]): Entity[] {
  return isSortedByStart(factions) ? factions : [...factions].sort((a, b) => a.start - b.start);
}

export function partiesIndex(context: RecogniserContext): LexiconIndex {
  return lexiconIndex(factionLexicon(context.lexicon ?? {}));
}

/**
 * What party merging read and found in one version of a text: all that a next version's merging needs
 * to tell whether an edit changed anything it reads (see factionsEdit.ts).
 */
export interface PartiesReading extends PartiesFound {
  text: string;
  index: LexiconIndex;
  /** The mentions given, in order of start. */
  given: Entity[];
  /** `given` with the spread definitions among them, in order of start: `factions` before resolving. */
  mentions: Entity[];
  /** Each of `mentions`' index in `given`, -1 for a spread definition. */
  givenAt: Int32Array;
  facts: MentionFacts[];
  /** The acronyms and leaders' surnames searched for in the whole text. */
  searched: string[];
  surnames: string[];
  surnamePlaces: number[][];
  leaders: Map<string, string> | null;
  /** The resolved mentions' offsets and names, as relations read them. */
  columns: MentionColumns;
  /** What the passive lists state ("X, backed by Y"), as `Statements`. */
  passive: Statements;
}

/** Merges `given` (sorted by start, not empty) into parties, noting what it read. */
export function mergeParties(text: string, given: Entity[], index: LexiconIndex): PartiesReading {
  const givenPairs = definitionPairs(text, given);
  const givenFacts = factsOf(given, index);
  const surnames = leaderSurnames(given, givenFacts, index);
  const { mentions, searched, surnamePlaces } = spreadDefinitions(text, given, givenPairs, surnames, index);
  const pairs = mentions === given ? givenPairs : definitionPairs(text, mentions);
  const givenAt = new Int32Array(mentions.length);
  const facts = mentions === given ? givenFacts : factsWithSpread(mentions, given, givenFacts, index, givenAt);
  if (mentions === given) for (let i = 0; i < givenAt.length; i++) givenAt[i] = i;
  const groups = new Groups();
  // The lexicon's party of each group member, looked up once per member.
  const named: (PartyInfo | null)[] = [];
  const partyOf = (id: number): PartyInfo | null => (named[id] !== undefined ? named[id] : (named[id] = partyNamed(groups.key(id), index)));
  // A party's kind, by group member: its first mention's, until the groups are settled.
  const kinds: (string | undefined)[] = [];
  const ids = mentions.map((m, i) => {
    const id = groups.add(m.canonical ?? facts[i].key);
    // Ranks: the lexicon's names 3, other canonical names 2, states 1, the text's own names 0.
    if (m.canonical) groups.raise(id, m.kind === 'state' ? 1 : partyOf(id) ? 3 : 2);
    if (m.kind && kinds[id] === undefined) kinds[id] = m.kind;
    return id;
  });

  for (const [a, b] of pairs) groups.union(ids[a], ids[b]);
  const leaders = leadersParties(text, mentions, facts, surnames, surnamePlaces);
  // The text's backed parties and main country, found only when a mention first needs them: in most texts none does.
  let backed: Map<string, Set<string>> | undefined;
  let country: StateInfo | null | undefined;
  mentions.forEach((m, i) => {
    if (m.canonical) return;
    let target = innerParty(m.text, facts[i], index);
    const { surname } = facts[i];
    if (target === null && surname !== null && leaders !== null) target = leaders.get(surname) ?? null;
    // Most mentions name no backer: none of those is a proxy, unless the lexicon names a backer "" (see `proxyOf`).
    if (target === null && (facts[i].backer !== undefined || index.backsUnnamed)) target = proxyOf(facts[i].backer, (backed ??= backedParties(mentions, ids, partyOf, index)), index);
    if (target === null && facts[i].government) target = governmentOf(m.text, country === undefined ? (country = mainCountry(mentions, ids, partyOf, index)) : country, index.lexicon);
    if (target) {
      const id = groups.add(target);
      groups.raise(id, 2);
      groups.union(ids[i], id);
    }
  });

  // A party's kind is the lexicon's, else its named mention's ("state"), else the first mention's.
  const roots = mentions.map((m, i) => {
    const root = groups.find(ids[i]);
    const party = partyOf(root);
    if (party) kinds[root] = party.kind;
    else if (m.kind === 'state' && ids[i] === root) kinds[root] = 'state';
    else if (m.kind && kinds[root] === undefined) kinds[root] = m.kind;
    return root;
  });
  const resolved = mentions.map((m, i) => withParty(m, groups.key(roots[i]), kinds[roots[i]] ?? m.kind));
  const columns = columnsOf(resolved);
  const passive = passiveStatements(text, resolved, columns);
  return {
    factions: resolved,
    parties: partiesOf(resolved, roots, facts),
    relations: relationsOf(text, columns, facts, index, passive),
    text,
    index,
    given,
    mentions,
    givenAt,
    facts,
    searched,
    surnames,
    surnamePlaces,
    leaders,
    columns,
    passive,
  };
}

/**
 * The mention named `canonical`, of `kind` if any: the mention itself when it says so already (most do;
 * mentions are never changed, so sharing one is safe), else a copy.
 */
export function withParty(m: Entity, canonical: string, kind: string | undefined): Entity {
  if (m.canonical === canonical && (!kind || m.kind === kind)) return m;
  // A bare spread is V8's fast copy, of the same size: a mention has its `canonical` and `kind` keys
  // from the recogniser (set or not), so the assignments add no key.
  const copy = { ...m };
  copy.canonical = canonical;
  if (kind) copy.kind = kind;
  return copy;
}

/**
 * Union-find over canonical keys, numbered as they are added; a group is named by its best-ranked
 * member (lexicon > state > text).
 */
class Groups {
  private readonly ids = new Map<string, number>();
  private readonly keys: string[] = [];
  private readonly parents: number[] = [];
  private readonly ranks: number[] = [];

  /** The key's number, the key added (alone in its group, rank 0) if new. */
  add(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.ids.set(key, id);
      this.keys.push(key);
      this.parents.push(id);
      this.ranks.push(0);
    }
    return id;
  }

  /** Raises the member's rank to `rank` if lower. */
  raise(id: number, rank: number): void {
    if (rank > this.ranks[id]) this.ranks[id] = rank;
  }

  key(id: number): string {
    return this.keys[id];
  }

  /** The number of the member naming `id`'s group. */
  find(id: number): number {
    let root = id;
    while (this.parents[root] !== root) root = this.parents[root];
    this.parents[id] = root;
    return root;
  }

  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    // The better-ranked name becomes the root; ties keep the first seen.
    if (this.ranks[rb] > this.ranks[ra]) this.parents[ra] = rb;
    else this.parents[rb] = ra;
  }
}

/**
 * What merging reads from a mention's text, read once per text: the same texts recur across mentions and
 * documents. The fields found later are set from the start, to undefined: one shape for all facts.
 */
export interface MentionFacts {
  /** The text without a leading "the": the party's alias. */
  name: string;
  /** Its group key when the mention has no canonical name. */
  key: string;
  /** The alias lower-cased, as parties' aliases are told apart, once asked for (`aliasOf`): most parties have one name only. */
  alias: string | undefined;
  /** A leader's forces ("Khalifa Haftar's forces"). */
  possessive: boolean;
  surname: string | null;
  /** "Turkey" in "Turkey-backed forces". */
  backer: string | undefined;
  /** The text says "government". */
  government: boolean;
  /** The party the text names inside it, once asked for (it is looked for only in mentions without a canonical name). */
  inner: string | null | undefined;
  /** Whether a definition of the text spreads it, once asked for (`isSpreadable`). */
  spreadable: boolean | undefined;
}

/** What each mention's text says. */
function factsOf(mentions: Entity[], index: LexiconIndex): MentionFacts[] {
  return mentions.map((m) => index.facts.get(m.text, readMention));
}

/**
 * The facts of `mentions`, `given`'s and the spread definitions merged among them: only the spread ones
 * looked up. Notes each mention's index in `given` (-1 for a spread one) in `givenAt`.
 */
function factsWithSpread(mentions: Entity[], given: Entity[], givenFacts: MentionFacts[], index: LexiconIndex, givenAt: Int32Array): MentionFacts[] {
  let k = 0;
  return mentions.map((m, i) => {
    if (m !== given[k]) {
      givenAt[i] = -1;
      return index.facts.get(m.text, readMention);
    }
    givenAt[i] = k;
    return givenFacts[k++];
  });
}

function readMention(text: string): MentionFacts {
  const name = withoutArticle(text);
  // POSSESSIVE_FORCES needs an "'s", the key a "’" to replace: most mentions have neither.
  const possessive = text.includes("'s") || text.includes('’s') ? POSSESSIVE_FORCES.exec(text) : null;
  return {
    name,
    key: name.includes('’') ? name.replace(/’/g, "'") : name,
    possessive: possessive !== null,
    surname: possessive ? leaderSurname(possessive[1]) : null,
    backer: prefixBacker(text),
    government: GOVERNMENT.test(text),
    alias: undefined,
    inner: undefined,
    spreadable: undefined,
  };
}

/** The mention's alias lower-cased, made once asked for. */
function aliasOf(facts: MentionFacts): string {
  return (facts.alias ??= facts.name.toLowerCase());
}

/** The text without a leading "the" and the spaces after it (what `/^the\s+/i` removes). */
function withoutArticle(text: string): string {
  // `| 32` lower-cases an ASCII letter: "t", "h", "e" in either case.
  if ((text.charCodeAt(0) | 32) !== 116 || (text.charCodeAt(1) | 32) !== 104 || (text.charCodeAt(2) | 32) !== 101) return text;
  const end = spacesAfter(text, 3, text.length);
  return end > 3 ? text.slice(end) : text;
}

/** A name's lexicon key (its words' keys joined): the same canonical names recur across mentions and texts. */
const lexiconKeys = new BoundedMemo<string>(MEMO_LIMIT);
const lexiconKey = (name: string) => aliasKeys(name).join(' ');

/** Lookups built once per lexicon object. */
export interface LexiconIndex {
  lexicon: FactionLexicon;
  /** The first state listed for each country code. */
  stateByCode: Map<string, StateInfo>;
  /** The first words of the lexicon's names (parties' and leaders') of two words or more. */
  firstWords: Set<string>;
  /** The names of each party's backers as the text's backed parties are filed: a state's name, else as written. */
  backerNames: Map<PartyInfo, string[]>;
  /** Some backer's name is "" (a user's lexicon may say so), as `proxyOf` files a mention naming none. */
  backsUnnamed: boolean;
  /** What each mention text says, as `readMention` reads it. */
  facts: BoundedMemo<MentionFacts>;
  /** The party each name is in the lexicon, or null. */
  parties: BoundedMemo<PartyInfo | null>;
  /** The state of the first demonym in a mention ("the Sudanese government"), or null. */
  demonymState: BoundedMemo<StateInfo | null>;
}

const indexes = new WeakMap<FactionLexicon, LexiconIndex>();

function lexiconIndex(lexicon: FactionLexicon): LexiconIndex {
  let index = indexes.get(lexicon);
  if (!index) {
    const stateByCode = new Map<string, StateInfo>();
    for (const state of lexicon.statesByKey.values()) if (!stateByCode.has(state.code)) stateByCode.set(state.code, state);
    const backerNames = new Map<PartyInfo, string[]>();
    for (const party of lexicon.partyByKey.values()) backerNames.set(party, party.backers.map((backer) => stateOf(backer, lexicon)?.name ?? backer));
    index = {
      lexicon,
      stateByCode,
      firstWords: firstWordsOf([...lexicon.partyByKey.keys(), ...lexicon.leaders.keys()]),
      backerNames,
      backsUnnamed: [...backerNames.values()].some((names) => names.includes('')),
      facts: new BoundedMemo(MEMO_LIMIT),
      parties: new BoundedMemo(MEMO_LIMIT),
      demonymState: new BoundedMemo(MEMO_LIMIT),
    };
    indexes.set(lexicon, index);
  }
  return index;
}

/** The first words of the names of several words among `keys` (words joined by a space). */
function firstWordsOf(keys: string[]): Set<string> {
  const words = new Set<string>();
  for (const key of keys) {
    const space = key.indexOf(' ');
    if (space >= 0) words.add(key.slice(0, space));
  }
  return words;
}

function partyNamed(name: string, index: LexiconIndex): PartyInfo | null {
  return index.parties.get(name, (key) => index.lexicon.partyByKey.get(lexiconKeys.get(key, lexiconKey)) ?? null);
}

/**
 * Acronyms and names the text defines ("(EMC)", "known as GNA") are parties wherever they recur: the
 * mentions with those found added (`pairs` are the mentions' definition pairs). The same search of the
 * text finds where the leaders' `surnames` occur, the first MAX_TRIES places of each: a pass over the
 * text for both, not one each.
 */
function spreadDefinitions(
  text: string,
  mentions: Entity[],
  pairs: [number, number][],
  surnames: string[],
  index: LexiconIndex,
): { mentions: Entity[]; searched: string[]; surnamePlaces: number[][] } {
  // Most texts define nothing and name no leader's forces: nothing to search for.
  if (pairs.length === 0 && surnames.length === 0) return { mentions, searched: [], surnamePlaces: [] };
  const defined = new Map<string, Pick<Entity, 'canonical' | 'kind'>>();
  for (const [a, b] of pairs) {
    const short = mentions[b];
    // Each definition costs a scan of the text: a bounded number keeps hostile input linear.
    if (defined.size < MAX_SPREAD && isSpreadable(short.text, index)) defined.set(short.text, { canonical: mentions[a].canonical ?? short.canonical, kind: short.kind });
  }
  const acronyms = [...defined.keys()];
  const surnamePlaces = surnames.map((): number[] => []);
  const added: Entity[] = []; // in text order, as the search visits them
  const searched = [...acronyms, ...surnames];
  forEachOccurrence(text, searched, (a, at) => {
    if (a >= acronyms.length) return surnamePlaces[a - acronyms.length].push(at) < MAX_TRIES;
    const acronym = acronyms[a];
    const end = at + acronym.length;
    if (isLetterOrDigitAt(text, at - 1) || isLetterOrDigitAt(text, end)) return true;
    const k = lastEndingBefore(mentions, end);
    const covering = mentions[k + 1];
    if ((k >= 0 && mentions[k].end > at) || (covering && covering.start < end && at < covering.end)) return true;
    const model = defined.get(acronym)!;
    added.push({ type: 'faction', text: acronym, start: at, end, canonical: model.canonical, kind: model.kind });
    return true;
  });
  return { mentions: added.length === 0 ? mentions : mergeByStart(mentions, added), searched, surnamePlaces };
}

/** An acronym-like word, not one of the lexicon's aliases (found wherever it occurs already). */
function isSpreadable(word: string, index: LexiconIndex): boolean {
  const facts = index.facts.get(word, readMention);
  if (facts.spreadable === undefined) facts.spreadable = ACRONYM_WORD.test(word) && !index.lexicon.aliases.has(word.toLowerCase());
  return facts.spreadable;
}

/** Two lists sorted by start merged into one; `a`'s come first at equal starts, as a stable sort of both would put them. */
function mergeByStart(a: Entity[], b: Entity[]): Entity[] {
  const merged: Entity[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) merged.push(j >= b.length || (i < a.length && a[i].start <= b[j].start) ? a[i++] : b[j++]);
  return merged;
}

/**
 * Calls `visit` at each place a pattern (two characters or more) occurs, as repeated `indexOf` calls
 * would find them (a search resumes after its last hit): one pass over the text for all patterns, not
 * one each. Places come in text order, and at one place in the patterns' order. `visit` returns false
 * when it wants no more places of that pattern.
 */
function forEachOccurrence(text: string, patterns: string[], visit: (pattern: number, at: number) => boolean): void {
  if (patterns.length === 0) return;
  // One native search per pattern is quickest, unless the patterns are many and the text long: then
  // compiling one search for all pays off.
  if (patterns.length <= 8 || patterns.length * text.length <= 262144) {
    visitEach(text, patterns, visit);
    return;
  }
  // Patterns by their first two characters, to try at each place where one of them starts.
  const byStart = new Map<number, number[]>();
  patterns.forEach((pattern, p) => {
    const start = pattern.charCodeAt(0) * 65536 + pattern.charCodeAt(1);
    byStart.set(start, [...(byStart.get(start) ?? []), p]);
  });
  const resume = patterns.map(() => 0); // where each pattern's next search starts; -1 once it is done
  let open = patterns.length;
  const starts = startsOfAny(patterns);
  starts.lastIndex = 0;
  for (let hit = starts.exec(text); hit !== null && open > 0; hit = starts.exec(text)) {
    const i = hit.index;
    // Resuming one place on finds patterns that overlap this one.
    starts.lastIndex = i + 1;
    for (const p of byStart.get(text.charCodeAt(i) * 65536 + text.charCodeAt(i + 1))!) {
      if (resume[p] < 0 || i < resume[p] || !text.startsWith(patterns[p], i)) continue;
      resume[p] = i + patterns[p].length;
      if (!visit(p, i)) {
        resume[p] = -1;
        open--;
      }
    }
  }
}

/** forEachOccurrence by an `indexOf` search per pattern, visiting the nearest place of any next. */
function visitEach(text: string, patterns: string[], visit: (pattern: number, at: number) => boolean): void {
  const next = patterns.map((pattern) => text.indexOf(pattern)); // -1 once a pattern is done
  for (;;) {
    let p = -1;
    for (let q = 0; q < next.length; q++) if (next[q] >= 0 && (p < 0 || next[q] < next[p])) p = q;
    if (p < 0) return;
    const at = next[p];
    next[p] = visit(p, at) ? text.indexOf(patterns[p], at + patterns[p].length) : -1;
  }
}

/** Pattern sets recur (the same acronyms and leaders across a document's versions), and compiling a search is slow. A few are kept: each holds compiled code. */
const searches = new BoundedMemo<RegExp>(16);

/**
 * A search for the places where any of `patterns` starts. V8 compiles the alternation of literals to
 * native code that skips ahead far faster than a loop over characters; without the `u` flag it
 * compares UTF-16 code units, as `startsWith` does.
 */
function startsOfAny(patterns: string[]): RegExp {
  return searches.get(patterns.join('\u0000'), () => new RegExp(patterns.map((p) => p.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&')).join('|'), 'g'));
}

/** Neighbouring mentions where the second defines the first: "X (ACR)", "X, known as Y". */
function definitionPairs(text: string, mentions: Entity[]): [number, number][] {
  const pairs: [number, number][] = [];
  for (let i = 0; i + 1 < mentions.length; i++) if (defines(text, mentions[i].end, mentions[i + 1].start)) pairs.push([i, i + 1]);
  return pairs;
}

/** The text between two mentions, text[from, to), says the second defines the first. */
export function defines(text: string, from: number, to: number): boolean {
  return to - from <= 80 && mayDefine(text, from, to) && DEFINITION.test(text.slice(from, to));
}

/** DEFINITION can match text[from, to) only as spaces, "(" and spaces, or a lower-case word after a comma if any and spaces. */
function mayDefine(text: string, from: number, to: number): boolean {
  const spaces = text.charCodeAt(from) === 44 ? from + 1 : from; // ","
  const i = spacesAfter(text, spaces, to);
  const c = text.charCodeAt(i);
  if (i >= to) return false;
  if (c === 40) return spacesAfter(text, i + 1, to) === to; // "("
  return i > spaces && c >= 97 && c <= 122; // a-z
}

/** A party the mention names inside it: "the Tripoli forces", "forces loyal to ... al-Burhan". */
function innerParty(mentionText: string, facts: MentionFacts, index: LexiconIndex): string | null {
  if (facts.inner === undefined) facts.inner = findInnerParty(mentionText, index);
  return facts.inner;
}

function findInnerParty(mentionText: string, { lexicon, firstWords }: LexiconIndex): string | null {
  const words = tokenise(mentionText);
  if (words.length > 24) return null;
  // A word's key holds no space, so it is the first word of the names it may begin: looked up once a word, not once a length.
  const begins = words.map((w) => firstWords.has(w.key));
  for (let n = Math.min(6, words.length); n >= 1; n--) {
    for (let i = 0; i + n <= words.length; i++) {
      if (n > 1 && !begins[i]) continue;
      let key = '';
      for (let j = i; j < i + n - 1; j++) key += `${words[j].key} `;
      key += words[i + n - 1].base;
      const party = lexicon.partyByKey.get(key) ?? (n > 1 || words[i].capitalised ? lexicon.leaders.get(key) : undefined);
      if (party && party.kind !== 'organisation' && (n > 1 || words[i].capitalised)) return party.canonical;
    }
  }
  return null;
}

/**
 * The surnames of the leaders whose forces mentions not named otherwise are ("Khalifa Haftar's forces"),
 * to search the text for. Spread definitions never add one: an acronym has no "'s forces".
 */
function leaderSurnames(mentions: Entity[], facts: MentionFacts[], index: LexiconIndex): string[] {
  // Most texts name no leader's forces: no set made for them.
  let surnames: Set<string> | undefined;
  mentions.forEach((m, i) => {
    const { surname } = facts[i];
    if (!m.canonical && surname !== null && !innerParty(m.text, facts[i], index)) (surnames ??= new Set()).add(surname);
  });
  // Each surname costs a search of the text: a bounded number keeps hostile input linear.
  return surnames ? [...surnames].slice(0, MAX_SPREAD) : [];
}

/**
 * "Haftar's forces" is the party a sentence says Haftar leads ("LNA headed by ... Khalifa Haftar"): the
 * party each of the `surnames` is found leading, by surname (null when there are none to look for).
 * `places` are where each of the `surnames` searched for occurs.
 */
export function leadersParties(text: string, mentions: Entity[], facts: MentionFacts[], surnames: string[], places: number[][]): Map<string, string> | null {
  if (surnames.length === 0) return null;
  const found = new Map<string, string>();
  surnames.forEach((surname, s) => {
    for (const at of places[s]) {
      const party = partyLedAt(text, mentions, facts, at);
      if (party) {
        found.set(surname, party);
        return;
      }
    }
  });
  return found;
}

/** "Haftar" in "Khalifa Haftar", the leader POSSESSIVE_FORCES finds; null when too short to search for. */
function leaderSurname(leader: string): string | null {
  const surname = leader.split(/\s+/).pop()!;
  return surname.length < 3 ? null : surname;
}

/** The party of the mention nearest before `at`, in the same sentence, when the words between say it is led. */
function partyLedAt(text: string, mentions: Entity[], facts: MentionFacts[], at: number): string | null {
  for (let k = lastEndingBefore(mentions, at), steps = 0; k >= 0 && steps < 4; k--, steps++) {
    const other = mentions[k];
    if (at - other.end > 120 || SENTENCE_END.test(text.slice(other.end, at))) break;
    if (facts[k].possessive || !other.canonical || other.kind === 'state') continue;
    return LEADS.test(text.slice(other.end, at)) ? other.canonical : null;
  }
  return null;
}

/** Index of the last mention (sorted by start) that ends at or before `at`, or -1. */
function lastEndingBefore(mentions: Entity[], at: number): number {
  let lo = 0;
  let hi = mentions.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid].start < at) {
      if (mentions[mid].end <= at) best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  // Mentions do not overlap, so the one found is the nearest.
  return best;
}

/** For each backer the lexicon names, the parties of this text it backs. */
function backedParties(mentions: Entity[], ids: number[], partyOf: (id: number) => PartyInfo | null, index: LexiconIndex): Map<string, Set<string>> {
  const backed = new Map<string, Set<string>>();
  const seen: boolean[] = [];
  mentions.forEach((m, i) => {
    if (!m.canonical || seen[ids[i]]) return;
    seen[ids[i]] = true;
    const party = partyOf(ids[i]);
    if (!party) return;
    // Every party of the lexicon has its backers' names.
    for (const name of index.backerNames.get(party)!) {
      const set = backed.get(name) ?? new Set<string>();
      set.add(party.canonical);
      backed.set(name, set);
    }
  });
  return backed;
}

/** "Rwanda-backed forces" is the one party in the text the lexicon says that state (`backer`, the mention's `prefixBacker`) backs. */
function proxyOf(backer: string | undefined, backed: Map<string, Set<string>>, index: LexiconIndex): string | null {
  const state = backer ? stateOf(backer, index.lexicon) : undefined;
  const candidates = backed.get(state?.name ?? backer ?? '');
  return candidates?.size === 1 ? [...candidates][0] : null;
}

/** "the UN-backed government", "government forces" (a mention saying "government"): the government of the named or main country. */
function governmentOf(mentionText: string, country: StateInfo | null, lexicon: FactionLexicon): string | null {
  const state = lexiconIndex(lexicon).demonymState.get(mentionText, (text) => findDemonymState(text, lexicon)) ?? country;
  if (!state) return null;
  return lexicon.governmentOf.get(state.code)?.canonical ?? state.name;
}

function findDemonymState(mentionText: string, lexicon: FactionLexicon): StateInfo | null {
  for (const w of tokenise(mentionText)) {
    const state = lexicon.demonyms.get(w.key);
    if (state) return state;
  }
  return null;
}

function stateOf(name: string, lexicon: FactionLexicon): StateInfo | undefined {
  return lexicon.statesByKey.get(lexiconKeys.get(name, lexiconKey));
}

/** The country whose named parties the article mentions most. */
function mainCountry(mentions: Entity[], ids: number[], partyOf: (id: number) => PartyInfo | null, index: LexiconIndex): StateInfo | null {
  const counts = new Map<string, number>();
  mentions.forEach((m, i) => {
    const party = m.canonical ? partyOf(ids[i]) : null;
    if (party?.country && party.kind !== 'organisation' && party.kind !== 'coalition') counts.set(party.country, (counts.get(party.country) ?? 0) + 1);
  });
  let best: string | null = null;
  for (const [code, n] of counts) if (best === null || n > counts.get(best)!) best = code;
  return best ? (index.stateByCode.get(best) ?? null) : null;
}

/** The parties of resolved mentions (canonical and kind final; `roots`, their groups), with their names without "the" as aliases. */
function partiesOf(mentions: Entity[], roots: number[], facts: MentionFacts[]): Party[] {
  // Lower-case aliases: the first's facts, then a set of them once a second comes (a lookup, not a scan of the party's aliases).
  const byRoot: { party: Party; first: MentionFacts; seen: Set<string> | null }[] = [];
  const parties: Party[] = [];
  mentions.forEach((m, i) => {
    const { name } = facts[i];
    const entry = byRoot[roots[i]];
    if (!entry) {
      const party: Party = { canonical: m.canonical!, aliases: [name], mentions: 1, kind: m.kind || undefined };
      byRoot[roots[i]] = { party, first: facts[i], seen: null };
      parties.push(party);
      return;
    }
    entry.party.mentions++;
    // The same name is the same alias: lower-cased only when names differ.
    if (name === entry.first.name) return;
    const alias = aliasOf(facts[i]);
    if (alias === aliasOf(entry.first)) return;
    const seen = (entry.seen ??= new Set([aliasOf(entry.first)]));
    if (!seen.has(alias)) {
      seen.add(alias);
      entry.party.aliases.push(name);
    }
  });
  return byMentions(parties);
}

/**
 * The parties most mentioned first, ties in their order (a stable sort). An article names a handful,
 * which an insertion sort puts in order faster than the generic sort sets out.
 */
function byMentions(parties: Party[]): Party[] {
  if (parties.length > 16) return parties.sort((a, b) => b.mentions - a.mentions);
  for (let k = 1; k < parties.length; k++) {
    const party = parties[k];
    let j = k;
    for (; j > 0 && parties[j - 1].mentions < party.mentions; j--) parties[j] = parties[j - 1];
    parties[j] = party;
  }
  return parties;
}

/** "Turkey-backed forces", "Turkish-trained Gorgor commandos": the backer a mention, or the words before it, name. */
function namedBacker(text: string, start: number, facts: MentionFacts): string | undefined {
  const inside = facts.backer;
  if (inside !== undefined) return inside;
  const from = Math.max(0, start - BACKER_REACH);
  // BACKED_BEFORE is slow to fail: it runs only where its end matches.
  return endsWithBackedWord(text, from, start) ? BACKED_BEFORE.exec(text.slice(from, start))?.[1] : undefined;
}

/** text[from, at) ends in a "-backed" word and spaces (what `/-(?:backed|...)\s+$/` tests). */
function endsWithBackedWord(text: string, from: number, at: number): boolean {
  const end = spacesBefore(text, at, from);
  // Every "-backed" word ends in "d".
  if (end === at || text.charCodeAt(end - 1) !== 100) return false;
  return BACKED_WORDS.some((word) => end - word.length > from && text.charCodeAt(end - word.length - 1) === 45 && text.startsWith(word, end - word.length)); // "-"
}

/** "Turkey" in "Turkey-backed forces". BACKED_PREFIX needs a hyphen: testing for one first spares most mentions the slow pattern. */
function prefixBacker(mentionText: string): string | undefined {
  return mentionText.includes('-') ? BACKED_PREFIX.exec(mentionText)?.[1] : undefined;
}

/** ACTIVE and ATTACKS can match text[from, to) only when it starts and ends with a space. */
function isSpacedGap(text: string, from: number, to: number): boolean {
  return from < to && isRegexSpace(text.charCodeAt(from)) && isRegexSpace(text.charCodeAt(to - 1));
}

/** AND_GAP can match text[from, to) only when it starts as AND_GAP does (spaces, ")", ",", "and" and a space) and ends with a space. */
function mayJoin(text: string, from: number, to: number): boolean {
  let i = spacesAfter(text, from, to);
  if (i < to && text.charCodeAt(i) === 41) i = spacesAfter(text, i + 1, to); // ")"
  if (i < to && text.charCodeAt(i) === 44) i++; // ","
  i = spacesAfter(text, i, to);
  return i + 3 < to && text.startsWith('and', i) && isRegexSpace(text.charCodeAt(i + 3)) && isRegexSpace(text.charCodeAt(to - 1));
}

/** Neither a comma nor a sentence end in `gap`. */
function isOneClause(gap: string): boolean {
  return !gap.includes(',') && !SENTENCE_END.test(gap);
}

/** BETWEEN matches the BETWEEN_REACH characters before `at`; it runs only where they hold a "between" (in any case: no other letter folds to its letters). */
function followsBetween(text: string, at: number): boolean {
  const from = Math.max(0, at - BETWEEN_REACH);
  return includesIgnoringCase(text, from, at, 'between') && BETWEEN.test(text.slice(from, at));
}

/** text[from, to) holds `word` (lower-case ASCII letters) in any case. */
function includesIgnoringCase(text: string, from: number, to: number, word: string): boolean {
  const first = word.charCodeAt(0);
  for (let i = from; i + word.length <= to; i++) {
    if ((text.charCodeAt(i) | 32) !== first) continue;
    let k = 1;
    while (k < word.length && (text.charCodeAt(i + k) | 32) === word.charCodeAt(k)) k++;
    if (k === word.length) return true;
  }
  return false;
}

/** AGAINST can match the AGAINST_REACH characters before `at` only when they end in "against" or "with", then spaces, and "the" and spaces if any. */
function mayFollowAgainst(text: string, at: number): boolean {
  const from = Math.max(0, at - AGAINST_REACH);
  let end = spacesBefore(text, at, from);
  if (end === at) return false;
  if (endsWithIgnoringCase(text, from, end, 'against') || endsWithIgnoringCase(text, from, end, 'with')) return true;
  if (!endsWithIgnoringCase(text, from, end, 'the')) return false;
  const word = end - 3;
  end = spacesBefore(text, word, from);
  return end < word && (endsWithIgnoringCase(text, from, end, 'against') || endsWithIgnoringCase(text, from, end, 'with'));
}

/**
 * text[from, end) ends with `word` (lower-case ASCII letters) as a case-insensitive Unicode pattern reads
 * it: any case, and "ſ" (long s) for "s", the one other letter folding to a letter of these words.
 */
function endsWithIgnoringCase(text: string, from: number, end: number, word: string): boolean {
  const at = end - word.length;
  if (at < from) return false;
  // From the end: most texts differ in the last letter.
  for (let k = word.length - 1; k >= 0; k--) {
    const c = text.charCodeAt(at + k);
    const w = word.charCodeAt(k);
    // `| 32` lower-cases an ASCII letter and turns no other character into one.
    if ((c | 32) !== w && !(w === 115 && c === 0x17f)) return false;
  }
  return true;
}

/**
 * Where PASSIVE matches in the text, as [start, end], at the "by"s that begin a list of mentions: only
 * there can a match add a relation (its first mention follows right after), and looking just before each
 * mention spares a search of the whole text. In text order, as the mentions are.
 */
function passiveSpans(text: string, starts: Int32Array): [number, number][] {
  const spans: [number, number][] = [];
  let last = -1;
  for (const start of starts) {
    const by = byBefore(text, start);
    if (by < 0 || by === last) continue;
    last = by;
    const span = passiveEndingAt(text, by);
    if (span) spans.push(span);
  }
  return spans;
}

/** Where the "by" starts that text[0, at) ends in, with spaces, and "the" and spaces if any (as a PASSIVE match and `/^(?:the\s+)?$/` after it read); -1 if none. */
function byBefore(text: string, at: number): number {
  let end = spacesBefore(text, at, 0);
  if (end === at) return -1;
  if (end >= 2 && text.startsWith('by', end - 2)) return end - 2;
  if (end < 3 || !text.startsWith('the', end - 3)) return -1;
  const word = end - 3;
  end = spacesBefore(text, word, 0);
  return end < word && end >= 2 && text.startsWith('by', end - 2) ? end - 2 : -1;
}

/** The PASSIVE match whose "by" starts at `by`, as [start, end], or null. */
function passiveEndingAt(text: string, by: number): [number, number] | null {
  const verbEnd = spacesBefore(text, by, 0);
  // Every backing verb ends in "d".
  if (verbEnd === by || text.charCodeAt(verbEnd - 1) !== 100) return null;
  const verb = BACKING_VERBS.find((v) => text.endsWith(v, verbEnd));
  if (!verb) return null;
  PASSIVE.lastIndex = verbEnd - verb.length;
  const match = PASSIVE.exec(text);
  return match ? [match.index, match.index + match[0].length] : null;
}

/**
 * Relations as stated, one after another, as `from, to, kind` triples in one flat array: a name may be
 * undefined (a mention without a canonical name) or a party stated to back itself; `relationsOf` keeps
 * only the statements that make a relation.
 */
export type Statements = (string | undefined)[];

/** The resolved mentions' offsets and names, read once: mentions come in many shapes, slow to read property by property. */
export interface MentionColumns {
  starts: Int32Array;
  ends: Int32Array;
  names: (string | undefined)[];
}

function columnsOf(mentions: Entity[]): MentionColumns {
  const n = mentions.length;
  const starts = new Int32Array(n);
  const ends = new Int32Array(n);
  const names: (string | undefined)[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const m = mentions[i];
    starts[i] = m.start;
    ends[i] = m.end;
    names[i] = m.canonical;
  }
  return { starts, ends, names };
}

/** Backing and fighting the text states between mentioned parties: what each mention states, then the `passive` lists'. */
function relationsOf(text: string, columns: MentionColumns, facts: MentionFacts[], index: LexiconIndex, passive: Statements): Relation[] {
  const stated: Statements = [];
  for (let i = 0; i < facts.length; i++) statedAt(text, columns, i, facts[i], index, stated);
  for (const statement of passive) stated.push(statement);
  return relationsStated(stated);
}

/** The relations `stated`, each kind from one party to another kept once, where first stated. */
function relationsStated(stated: Statements): Relation[] {
  const relations: Relation[] = [];
  // The kinds stated so far from each party to each other, as bits.
  const known = new Map<string, Map<string, number>>();
  for (let s = 0; s < stated.length; s += 3) {
    const from = stated[s];
    const to = stated[s + 1];
    const kind = stated[s + 2] as Relation['kind'];
    if (!from || !to || from === to) continue;
    const bit = kind === 'backs' ? 1 : 2;
    let kinds = known.get(from);
    if (!kinds) known.set(from, (kinds = new Map()));
    const bits = kinds.get(to) ?? 0;
    if ((bits & bit) !== 0) continue;
    kinds.set(to, bits | bit);
    relations.push({ from, to, kind });
  }
  return relations;
}

/** How far before a mention its backer ("Turkey-backed"), "fighting between" and "fight against" are read. */
const BACKER_REACH = 40;
const BETWEEN_REACH = 60;
const AGAINST_REACH = 40;

/**
 * `statedAt` reads the text from STATED_BEFORE characters before a mention's start to STATED_AFTER after
 * the end of the STATED_AHEAD-th mention after it. "Against" is read before the next mention, within that.
 */
export const STATED_BEFORE = Math.max(BACKER_REACH, BETWEEN_REACH);
export const STATED_AFTER = 40;
export const STATED_AHEAD = 4;

/**
 * What the text around mention `i` states (appended to `stated`): a backer named before it, and what the
 * words up to the next mentions say. Reads the text and the mentions' offsets and names no further than
 * STATED_BEFORE, STATED_AFTER and STATED_AHEAD say.
 */
export function statedAt(text: string, { starts, ends, names }: MentionColumns, i: number, facts: MentionFacts, index: LexiconIndex, stated: Statements): void {
  const n = starts.length;
  const prefix = namedBacker(text, starts[i], facts);
  if (prefix) stated.push(backerName(prefix, index), names[i], 'backs');
  const next = i + 1;
  if (next === n) return;
  // The gap is cut out only where a pattern may match in it: most mentions are far apart.
  const gapLength = Math.max(0, starts[next] - ends[i]);
  if (gapLength <= 60 && isSpacedGap(text, ends[i], starts[next])) {
    const gap = text.slice(ends[i], starts[next]);
    if (ACTIVE.test(gap)) stated.push(names[i], names[next], 'backs');
    if (ATTACKS.test(gap)) stated.push(names[i], names[next], 'opposes');
  }
  // "Fighting between the X (X), known as Y, and Z": skip X's own aliases to reach Z.
  let j = next;
  while (j - i < STATED_AHEAD && j < n && names[j] === names[i] && starts[j] - ends[j - 1] <= 20) j++;
  if (j < n && mayJoin(text, ends[j - 1], starts[j]) && AND_GAP.test(text.slice(ends[j - 1], starts[j]))) {
    // "Fighting between X and Y", "X and Y fought".
    if (followsBetween(text, starts[i]) || FOUGHT_AFTER.test(text.slice(ends[j], ends[j] + STATED_AFTER))) stated.push(names[i], names[j], 'opposes');
  }
  // "the LNA has suffered defeats in its fight against the Turkey-backed forces".
  // Only when nothing parenthetical stands between: "X, which fought Y, turned against Z" is not X's.
  if (gapLength <= 100 && mayFollowAgainst(text, starts[next]) && isOneClause(text.slice(ends[i], starts[next])) && AGAINST.test(text.slice(Math.max(0, starts[next] - AGAINST_REACH), starts[next]))) {
    stated.push(names[i], names[next], 'opposes');
  }
}

/** A backer as relations name it: a state's name, else the lexicon's party's. */
function backerName(name: string, index: LexiconIndex): string | undefined {
  const state = stateOf(name, index.lexicon);
  if (state) return state.name;
  return partyNamed(name, index)?.canonical;
}

/** What the passive lists state: "<A>, supported by <B>, <C> and <D>". */
export function passiveStatements(text: string, mentions: Entity[], { starts, ends, names }: MentionColumns): Statements {
  const stated: Statements = [];
  for (const [at, after] of passiveSpans(text, starts)) {
    const before = lastEndingBefore(mentions, at);
    if (before < 0 || at - ends[before] > 150 || SENTENCE_END.test(text.slice(ends[before], at))) continue;
    for (let k = before + 1, previousEnd = after; k < starts.length && k - before < 20; k++) {
      if (starts[k] < after) continue;
      const gap = text.slice(previousEnd, starts[k]);
      if (previousEnd === after ? !/^(?:the\s+)?$/.test(gap) : !LIST_GAP.test(gap) && !/^\s*(?:known as|,)?\s*$/.test(gap)) break;
      stated.push(names[k], names[before], 'backs');
      previousEnd = ends[k];
    }
  }
  return stated;
}
