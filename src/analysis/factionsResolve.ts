import { BoundedMemo } from './boundedMemo';
import { isRegexSpace } from './chars';
import { aliasKeys, factionLexicon, type FactionLexicon, type PartyInfo, type StateInfo } from './factionsLexicon';
import { tokenise } from './factionsWords';
import type { Entity, Party, RecogniserContext, Relation } from './types';

// Document-level pass over the faction mentions of all paragraphs: links the mentions of one party
// (acronym definitions, "known as", a leader's forces, a backer's proxies, "the government" of the
// article's country), spreads acronyms defined in the text to their later uses, and reads the backing
// and fighting the text states between parties.

const DEFINITION = /^\s*\(\s*$|^,?\s+(?:(?:also|formally|locally|commonly|widely|officially|better|collectively)\s+)?(?:known|referred\s+to)\s+(?:as|by\s+(?:its|their|the)\s+(?:\p{L}+\s+){0,2}?(?:acronym|name|initials|abbreviation))\s+[“"‘']?$/u;
const POSSESSIVE_FORCES = /^(?:the\s+)?(.+?)['’]s\s+(?:\p{L}+\s+)?(?:forces|fighters|troops|loyalists|men|militias?|army|soldiers|supporters|guards)$/u;
const LEADS = /\b(?:led|headed|commanded|leader|chief|commander|founder|head|under|loyal)\b/;
const BACKED_PREFIX = /^(?:the\s+)?([\p{L}.]+(?:\s[\p{L}.]+)?)-(?:backed|supported|sponsored|armed|funded|trained|allied)\b/iu;
const BACKED_BEFORE = /([\p{L}.]+)-(?:backed|supported|sponsored|armed|funded|trained)\s+$/u;
/** What BACKED_BEFORE needs at least: a quick test, as BACKED_BEFORE itself is slow to fail. */
const BACKED_TAIL = /-(?:backed|supported|sponsored|armed|funded|trained)\s+$/u;
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
const ACRONYM_WORD = /^[\p{Lu}\d][\p{L}\d-]{1,9}$/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const GOVERNMENT = /\bgovernment\b/i;
/** Entries each memo keeps: more than any article's names, bounded over a stream of texts. */
const MEMO_LIMIT = 4096;

export function resolveParties(text: string, factions: Entity[], context: RecogniserContext): { factions: Entity[]; parties: Party[]; relations: Relation[] } {
  if (factions.length === 0) return { factions, parties: [], relations: [] };
  const lexicon = factionLexicon(context.lexicon ?? {});
  const mentions = spreadDefinitions(text, [...factions].sort((a, b) => a.start - b.start), lexicon);
  const groups = new Groups();
  const names = mentions.map((m) => withoutArticle(m.text));
  const keys = mentions.map((m, i) => m.canonical ?? names[i].replace(/’/g, "'"));
  const kinds = new Map<string, string>();
  mentions.forEach((m, i) => {
    groups.add(keys[i], rank(m, lexicon));
    if (m.kind && !kinds.has(keys[i])) kinds.set(keys[i], m.kind);
  });

  for (const [a, b] of definitionPairs(text, mentions)) groups.union(keys[a], keys[b]);
  const country = mainCountry(mentions, lexicon);
  const backed = backedParties(mentions, lexicon);
  const inner = mentions.map((m) => (m.canonical ? null : innerParty(m.text, lexicon)));
  const led = ledParties(text, mentions, inner);
  mentions.forEach((m, i) => {
    if (m.canonical) return;
    const target = inner[i] ?? led[i] ?? proxyOf(m.text, backed, lexicon) ?? governmentOf(m.text, country, lexicon);
    if (target) {
      groups.add(target, 2);
      groups.union(keys[i], target);
    }
  });

  // A party's kind is the lexicon's, else its named mention's ("state"), else the first mention's.
  mentions.forEach((m, i) => {
    const root = groups.canonical(keys[i]);
    const party = partyNamed(root, lexicon);
    if (party) kinds.set(root, party.kind);
    else if (m.kind === 'state' && keys[i] === root) kinds.set(root, 'state');
    else if (m.kind && !kinds.has(root)) kinds.set(root, m.kind);
  });
  const resolved = mentions.map((m, i) => {
    const canonical = groups.canonical(keys[i]);
    const kind = kinds.get(canonical) ?? m.kind;
    // A bare spread is V8's fast copy; assigning afterwards gives the same keys in the same order.
    const copy = { ...m };
    copy.canonical = canonical;
    if (kind) copy.kind = kind;
    return copy;
  });
  return { factions: resolved, parties: partiesOf(resolved, names), relations: relationsOf(text, resolved, lexicon) };
}

/** Union-find over canonical keys; a group is named by its best-ranked member (lexicon > state > text). */
class Groups {
  private parent = new Map<string, string>();
  private ranks = new Map<string, number>();

  add(key: string, rank: number): void {
    if (!this.parent.has(key)) this.parent.set(key, key);
    this.ranks.set(key, Math.max(rank, this.ranks.get(key) ?? 0));
  }

  find(key: string): string {
    let root = key;
    for (let up = this.parent.get(root); up !== undefined && up !== root; up = this.parent.get(root)) root = up;
    if (root !== key) this.parent.set(key, root);
    return root;
  }

  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    // The better-ranked name becomes the root; ties keep the first seen.
    if ((this.ranks.get(rb) ?? 0) > (this.ranks.get(ra) ?? 0)) this.parent.set(ra, rb);
    else this.parent.set(rb, ra);
  }

  canonical(key: string): string {
    return this.find(key);
  }
}

/** The text without a leading "the" and the spaces after it (what `/^the\s+/i` removes). */
function withoutArticle(text: string): string {
  // `| 32` lower-cases an ASCII letter: "t", "h", "e" in either case.
  if ((text.charCodeAt(0) | 32) !== 116 || (text.charCodeAt(1) | 32) !== 104 || (text.charCodeAt(2) | 32) !== 101) return text;
  let end = 3;
  while (end < text.length && isRegexSpace(text.charCodeAt(end))) end++;
  return end > 3 ? text.slice(end) : text;
}

function rank(m: Entity, lexicon: FactionLexicon): number {
  if (!m.canonical) return 0;
  if (m.kind === 'state') return 1;
  return partyNamed(m.canonical, lexicon) ? 3 : 2;
}

/** A name's lexicon key (its words' keys joined): the same canonical names recur across mentions and texts. */
const lexiconKeys = new BoundedMemo<string>(MEMO_LIMIT);
const lexiconKey = (name: string) => aliasKeys(name).join(' ');

/** Lookups built once per lexicon object. */
interface LexiconIndex {
  /** The first state listed for each country code. */
  stateByCode: Map<string, StateInfo>;
  innerParty: BoundedMemo<string | null>;
  /** The state of the first demonym in a mention ("the Sudanese government"), or null. */
  demonymState: BoundedMemo<StateInfo | null>;
}

const indexes = new WeakMap<FactionLexicon, LexiconIndex>();

function lexiconIndex(lexicon: FactionLexicon): LexiconIndex {
  let index = indexes.get(lexicon);
  if (!index) {
    const stateByCode = new Map<string, StateInfo>();
    for (const state of lexicon.statesByKey.values()) if (!stateByCode.has(state.code)) stateByCode.set(state.code, state);
    index = {
      stateByCode,
      innerParty: new BoundedMemo(MEMO_LIMIT),
      demonymState: new BoundedMemo(MEMO_LIMIT),
    };
    indexes.set(lexicon, index);
  }
  return index;
}

function partyNamed(name: string, lexicon: FactionLexicon): PartyInfo | undefined {
  return lexicon.partyByKey.get(lexiconKeys.get(name, lexiconKey));
}

/** Acronyms and names the text defines ("(EMC)", "known as GNA") are parties wherever they recur. */
function spreadDefinitions(text: string, mentions: Entity[], lexicon: FactionLexicon): Entity[] {
  const defined = new Map<string, Entity>();
  for (const [a, b] of definitionPairs(text, mentions)) {
    const short = mentions[b];
    // Each definition costs a scan of the text: a bounded number keeps hostile input linear.
    if (defined.size < MAX_SPREAD && ACRONYM_WORD.test(short.text) && !lexicon.aliases.has(short.text.toLowerCase())) defined.set(short.text, { ...short, canonical: mentions[a].canonical ?? short.canonical });
  }
  if (defined.size === 0) return mentions;
  const acronyms = [...defined.keys()];
  const added: Entity[] = []; // in text order, as the search visits them
  forEachOccurrence(text, acronyms, (a, at) => {
    const acronym = acronyms[a];
    const end = at + acronym.length;
    if (isLetterOrDigit(text, at - 1) || isLetterOrDigit(text, end)) return true;
    const k = lastEndingBefore(mentions, end);
    const covering = mentions[k + 1];
    if ((k >= 0 && mentions[k].end > at) || (covering && covering.start < end && at < covering.end)) return true;
    const model = defined.get(acronym)!;
    added.push({ type: 'faction', text: acronym, start: at, end, canonical: model.canonical, kind: model.kind });
    return true;
  });
  return mergeByStart(mentions, added);
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
  // Patterns by their first two characters; a table of first characters skips most of the text quickly.
  const byStart = new Map<number, number[]>();
  const asciiFirst = new Uint8Array(128);
  patterns.forEach((pattern, p) => {
    const first = pattern.charCodeAt(0);
    if (first < 128) asciiFirst[first] = 1;
    const start = first * 65536 + pattern.charCodeAt(1);
    byStart.set(start, [...(byStart.get(start) ?? []), p]);
  });
  const resume = patterns.map(() => 0); // where each pattern's next search starts; -1 once it is done
  let open = patterns.length;
  for (let i = 0; i < text.length && open > 0; i++) {
    const c = text.charCodeAt(i);
    if (c < 128 && asciiFirst[c] === 0) continue;
    const candidates = byStart.get(c * 65536 + text.charCodeAt(i + 1));
    if (candidates === undefined) continue;
    for (const p of candidates) {
      if (resume[p] < 0 || i < resume[p] || !text.startsWith(patterns[p], i)) continue;
      resume[p] = i + patterns[p].length;
      if (!visit(p, i)) {
        resume[p] = -1;
        open--;
      }
    }
  }
}

/** The character at `i` is a letter or digit (false outside the text). */
function isLetterOrDigit(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return c === c && LETTER_OR_DIGIT.test(text[i]); // NaN outside the text
}

/** Neighbouring mentions where the second defines the first: "X (ACR)", "X, known as Y". */
function definitionPairs(text: string, mentions: Entity[]): [number, number][] {
  const pairs: [number, number][] = [];
  for (let i = 0; i + 1 < mentions.length; i++) {
    if (mentions[i + 1].start - mentions[i].end > 80) continue;
    if (DEFINITION.test(text.slice(mentions[i].end, mentions[i + 1].start))) pairs.push([i, i + 1]);
  }
  return pairs;
}

/** A party the mention names inside it: "the Tripoli forces", "forces loyal to ... al-Burhan". */
function innerParty(mentionText: string, lexicon: FactionLexicon): string | null {
  return lexiconIndex(lexicon).innerParty.get(mentionText, (text) => findInnerParty(text, lexicon));
}

function findInnerParty(mentionText: string, lexicon: FactionLexicon): string | null {
  const words = tokenise(mentionText);
  if (words.length > 24) return null;
  for (let n = Math.min(6, words.length); n >= 1; n--) {
    for (let i = 0; i + n <= words.length; i++) {
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
 * "Haftar's forces" is the party a sentence says Haftar leads ("LNA headed by ... Khalifa Haftar"): for
 * each mention not named otherwise (`inner`), the party its leader's surname links it to, or null.
 */
function ledParties(text: string, mentions: Entity[], inner: (string | null)[]): (string | null)[] {
  const surnames = mentions.map((m, i) => (m.canonical || inner[i] ? null : leaderSurname(m.text)));
  // Each surname costs a search of the text: a bounded number keeps hostile input linear.
  const searched = [...new Set(surnames.filter((s) => s !== null))].slice(0, MAX_SPREAD);
  const found = new Map<string, string>();
  // A bounded number of places to look, too.
  const tries = searched.map(() => 0);
  forEachOccurrence(text, searched, (s, at) => {
    const party = partyLedAt(text, mentions, at);
    if (party) found.set(searched[s], party);
    return !party && ++tries[s] < 50;
  });
  return surnames.map((surname) => (surname === null ? null : (found.get(surname) ?? null)));
}

/** "Haftar" in "Khalifa Haftar's forces"; null when too short to search for. */
function leaderSurname(mentionText: string): string | null {
  const match = POSSESSIVE_FORCES.exec(mentionText);
  if (!match) return null;
  const surname = match[1].split(/\s+/).pop()!;
  return surname.length < 3 ? null : surname;
}

/** The party of the mention nearest before `at`, in the same sentence, when the words between say it is led. */
function partyLedAt(text: string, mentions: Entity[], at: number): string | null {
  for (let k = lastEndingBefore(mentions, at), steps = 0; k >= 0 && steps < 4; k--, steps++) {
    const other = mentions[k];
    if (at - other.end > 120 || SENTENCE_END.test(text.slice(other.end, at))) break;
    if (POSSESSIVE_FORCES.test(other.text) || !other.canonical || other.kind === 'state') continue;
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
function backedParties(mentions: Entity[], lexicon: FactionLexicon): Map<string, Set<string>> {
  const backed = new Map<string, Set<string>>();
  const seen = new Set<string>();
  for (const m of mentions) {
    if (!m.canonical || seen.has(m.canonical)) continue;
    seen.add(m.canonical);
    const party = partyNamed(m.canonical, lexicon);
    for (const backer of party?.backers ?? []) {
      const key = stateOf(backer, lexicon)?.name ?? backer;
      const set = backed.get(key) ?? new Set<string>();
      set.add(party!.canonical);
      backed.set(key, set);
    }
  }
  return backed;
}

/** "Rwanda-backed forces" is the one party in the text the lexicon says that state backs. */
function proxyOf(mentionText: string, backed: Map<string, Set<string>>, lexicon: FactionLexicon): string | null {
  const backer = prefixBacker(mentionText);
  const state = backer ? stateOf(backer, lexicon) : undefined;
  const candidates = backed.get(state?.name ?? backer ?? '');
  return candidates?.size === 1 ? [...candidates][0] : null;
}

/** "the UN-backed government", "government forces": the government of the named or main country. */
function governmentOf(mentionText: string, country: StateInfo | null, lexicon: FactionLexicon): string | null {
  if (!GOVERNMENT.test(mentionText)) return null;
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
function mainCountry(mentions: Entity[], lexicon: FactionLexicon): StateInfo | null {
  const counts = new Map<string, number>();
  for (const m of mentions) {
    const party = m.canonical ? partyNamed(m.canonical, lexicon) : undefined;
    if (party?.country && party.kind !== 'organisation' && party.kind !== 'coalition') counts.set(party.country, (counts.get(party.country) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [code, n] of counts) if (best === null || n > counts.get(best)!) best = code;
  return best ? (lexiconIndex(lexicon).stateByCode.get(best) ?? null) : null;
}

/** The parties of resolved mentions (canonical and kind final), with `names`, their texts without "the", as aliases. */
function partiesOf(mentions: Entity[], names: string[]): Party[] {
  const parties = new Map<string, { party: Party; seen: Set<string> }>();
  mentions.forEach((m, i) => {
    const canonical = m.canonical!;
    let entry = parties.get(canonical);
    if (!entry) {
      const party: Party = { canonical, aliases: [], mentions: 0 };
      if (m.kind) party.kind = m.kind;
      // Lower-case aliases: a lookup, not a scan of the party's aliases.
      entry = { party, seen: new Set() };
      parties.set(canonical, entry);
    }
    entry.party.mentions++;
    const key = names[i].toLowerCase();
    if (!entry.seen.has(key)) {
      entry.seen.add(key);
      entry.party.aliases.push(names[i]);
    }
  });
  return [...parties.values()].map((entry) => entry.party).sort((a, b) => b.mentions - a.mentions);
}

/** "Turkey-backed forces", "Turkish-trained Gorgor commandos": the backer a mention, or the words before it, name. */
function namedBacker(text: string, m: Entity): string | undefined {
  const inside = prefixBacker(m.text);
  if (inside !== undefined) return inside;
  const from = Math.max(0, m.start - 40);
  // Every "-backed" word ends in "d".
  if (beforeTrailingSpaces(text, from, m.start) !== 100) return undefined;
  const before = text.slice(from, m.start);
  return BACKED_TAIL.test(before) ? BACKED_BEFORE.exec(before)?.[1] : undefined;
}

/** "Turkey" in "Turkey-backed forces". BACKED_PREFIX needs a hyphen: testing for one first spares most mentions the slow pattern. */
function prefixBacker(mentionText: string): string | undefined {
  return mentionText.includes('-') ? BACKED_PREFIX.exec(mentionText)?.[1] : undefined;
}

/** AGAINST can match the 40 characters before `at` only when they end in "against", "with" or "the" and spaces. */
function mayFollowAgainst(text: string, at: number): boolean {
  // `| 32` lower-cases an ASCII letter; no other character matches "t", "h" or "e" without case.
  const last = beforeTrailingSpaces(text, Math.max(0, at - 40), at) | 32;
  return last === 116 || last === 104 || last === 101;
}

/**
 * The character before the spaces that end at `at`, within text[from, at) (NaN when no space ends
 * there or nothing precedes the spaces): a quick test before a pattern ending in `\s+$`.
 */
function beforeTrailingSpaces(text: string, from: number, at: number): number {
  let end = at;
  while (end > from && isRegexSpace(text.charCodeAt(end - 1))) end--;
  return end === at || end === from ? NaN : text.charCodeAt(end - 1);
}

/** Where PASSIVE matches in the text, as [start, end]: looked for only where a "by" follows a space. */
function passiveSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (let by = text.indexOf('by'); by >= 0; by = text.indexOf('by', by + 2)) {
    let verbEnd = by;
    while (verbEnd > 0 && isRegexSpace(text.charCodeAt(verbEnd - 1))) verbEnd--;
    if (verbEnd === by) continue;
    const verb = BACKING_VERBS.find((v) => text.endsWith(v, verbEnd));
    if (!verb) continue;
    PASSIVE.lastIndex = verbEnd - verb.length;
    const match = PASSIVE.exec(text);
    if (match) spans.push([match.index, match.index + match[0].length]);
  }
  return spans;
}

/** Backing and fighting the text states between mentioned parties. */
function relationsOf(text: string, mentions: Entity[], lexicon: FactionLexicon): Relation[] {
  const relations = new Map<string, Relation>();
  const add = (from: string | undefined, to: string | undefined, kind: Relation['kind']): void => {
    if (!from || !to || from === to) return;
    relations.set(`${from}\u0000${to}\u0000${kind}`, { from, to, kind });
  };
  const backerName = (name: string): string | undefined => {
    const state = stateOf(name, lexicon);
    if (state) return state.name;
    return partyNamed(name, lexicon)?.canonical;
  };

  mentions.forEach((m, i) => {
    const prefix = namedBacker(text, m);
    if (prefix) add(backerName(prefix), m.canonical, 'backs');
    const next = mentions[i + 1];
    if (!next) return;
    const gap = text.slice(m.end, next.start);
    if (gap.length <= 60 && ACTIVE.test(gap)) add(m.canonical, next.canonical, 'backs');
    if (gap.length <= 60 && ATTACKS.test(gap)) add(m.canonical, next.canonical, 'opposes');
    // "Fighting between the X (X), known as Y, and Z": skip X's own aliases to reach Z.
    let j = i + 1;
    while (j - i < 4 && mentions[j] && mentions[j].canonical === m.canonical && mentions[j].start - mentions[j - 1].end <= 20) j++;
    const other = mentions[j];
    if (other && AND_GAP.test(text.slice(mentions[j - 1].end, other.start))) {
      // "Fighting between X and Y", "X and Y fought".
      if (BETWEEN.test(text.slice(Math.max(0, m.start - 60), m.start)) || FOUGHT_AFTER.test(text.slice(other.end, other.end + 40))) add(m.canonical, other.canonical, 'opposes');
    }
    // "the LNA has suffered defeats in its fight against the Turkey-backed forces".
    // Only when nothing parenthetical stands between: "X, which fought Y, turned against Z" is not X's.
    if (gap.length <= 100 && !gap.includes(',') && !SENTENCE_END.test(gap) && mayFollowAgainst(text, next.start) && AGAINST.test(text.slice(Math.max(0, next.start - 40), next.start))) {
      add(m.canonical, next.canonical, 'opposes');
    }
  });

  // "<A>, supported by <B>, <C> and <D>".
  for (const [at, after] of passiveSpans(text)) {
    const before = lastEndingBefore(mentions, at);
    const subject = before >= 0 && at - mentions[before].end <= 150 && !SENTENCE_END.test(text.slice(mentions[before].end, at)) ? mentions[before] : null;
    if (!subject) continue;
    let k = before + 1;
    let previousEnd = after;
    for (; k < mentions.length && k - before < 20; k++) {
      const m = mentions[k];
      if (m.start < after) continue;
      const gap = text.slice(previousEnd, m.start);
      if (previousEnd === after ? !/^(?:the\s+)?$/.test(gap) : !LIST_GAP.test(gap) && !/^\s*(?:known as|,)?\s*$/.test(gap)) break;
      add(m.canonical, subject.canonical, 'backs');
      previousEnd = m.end;
    }
  }
  return [...relations.values()];
}
