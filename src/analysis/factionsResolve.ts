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
const PASSIVE = /\b(?:backed|supported|armed|funded|financed|trained|equipped|sponsored|bankrolled|aided)\s+by\s+/gu;
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

export function resolveParties(text: string, factions: Entity[], context: RecogniserContext): { factions: Entity[]; parties: Party[]; relations: Relation[] } {
  if (factions.length === 0) return { factions, parties: [], relations: [] };
  const lexicon = factionLexicon(context.lexicon ?? {});
  const mentions = spreadDefinitions(text, [...factions].sort((a, b) => a.start - b.start), lexicon);
  const groups = new Groups();
  const keys = mentions.map((m) => keyOf(m));
  const kinds = new Map<string, string>();
  mentions.forEach((m, i) => {
    groups.add(keys[i], rank(m, lexicon));
    if (m.kind && !kinds.has(keys[i])) kinds.set(keys[i], m.kind);
  });

  for (const [a, b] of definitionPairs(text, mentions)) groups.union(keys[a], keys[b]);
  const country = mainCountry(mentions, lexicon);
  const backed = backedParties(mentions, lexicon);
  const leaders = new Map<string, string | null>();
  mentions.forEach((m, i) => {
    if (m.canonical) return;
    const target = innerParty(m.text, lexicon) ?? leaderLink(text, m, mentions, leaders) ?? proxyOf(m.text, backed, lexicon) ?? governmentOf(m.text, country, lexicon);
    if (target) {
      groups.add(target, 2);
      groups.union(keys[i], target);
    }
  });

  // A party's kind is the lexicon's, else its named mention's ("state"), else the first mention's.
  for (const m of mentions) {
    const party = lexicon.partyByKey.get(aliasKeys(groups.canonical(keyOf(m))).join(' '));
    const root = groups.canonical(keyOf(m));
    if (party) kinds.set(root, party.kind);
    else if (m.kind === 'state' && keyOf(m) === root) kinds.set(root, 'state');
    else if (m.kind && !kinds.has(root)) kinds.set(root, m.kind);
  }
  const resolved = mentions.map((m, i) => {
    const canonical = groups.canonical(keys[i]);
    const kind = kinds.get(canonical) ?? m.kind;
    return kind ? { ...m, canonical, kind } : { ...m, canonical };
  });
  return { factions: resolved, parties: partiesOf(resolved, groups, kinds), relations: relationsOf(text, resolved, lexicon) };
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
    while (this.parent.get(root) !== root && this.parent.has(root)) root = this.parent.get(root)!;
    this.parent.set(key, root);
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

function keyOf(m: Entity): string {
  return m.canonical ?? m.text.replace(/^the\s+/i, '').replace(/’/g, "'");
}

function rank(m: Entity, lexicon: FactionLexicon): number {
  if (!m.canonical) return 0;
  if (m.kind === 'state') return 1;
  return lexicon.partyByKey.has(aliasKeys(m.canonical).join(' ')) ? 3 : 2;
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
  const added: Entity[] = [];
  for (const [acronym, model] of defined) {
    for (let at = text.indexOf(acronym); at >= 0; at = text.indexOf(acronym, at + acronym.length)) {
      const end = at + acronym.length;
      if (/[\p{L}\p{N}]/u.test(text[at - 1] ?? '') || /[\p{L}\p{N}]/u.test(text[end] ?? '')) continue;
      const k = lastEndingBefore(mentions, end);
      const covering = mentions[k + 1];
      if ((k >= 0 && mentions[k].end > at) || (covering && covering.start < end && at < covering.end)) continue;
      added.push({ type: 'faction', text: acronym, start: at, end, canonical: model.canonical, kind: model.kind });
    }
  }
  return [...mentions, ...added].sort((a, b) => a.start - b.start);
}

/** Neighbouring mentions where the second defines the first: "X (ACR)", "X, known as Y". */
function definitionPairs(text: string, mentions: Entity[]): [number, number][] {
  const pairs: [number, number][] = [];
  for (let i = 0; i + 1 < mentions.length; i++) {
    const gap = text.slice(mentions[i].end, mentions[i + 1].start);
    if (gap.length > 80) continue;
    if (DEFINITION.test(gap)) pairs.push([i, i + 1]);
  }
  return pairs;
}

/** A party the mention names inside it: "the Tripoli forces", "forces loyal to ... al-Burhan". */
function innerParty(mentionText: string, lexicon: FactionLexicon): string | null {
  const words = tokenise(mentionText);
  if (words.length > 24) return null;
  for (let n = Math.min(6, words.length); n >= 1; n--) {
    for (let i = 0; i + n <= words.length; i++) {
      const key = words.slice(i, i + n).map((w, j) => (j === n - 1 ? w.base : w.key)).join(' ');
      const party = lexicon.partyByKey.get(key) ?? (n > 1 || words[i].capitalised ? lexicon.leaders.get(key) : undefined);
      if (party && party.kind !== 'organisation' && (n > 1 || words[i].capitalised)) return party.canonical;
    }
  }
  return null;
}

/** "Haftar's forces" is the party a sentence says Haftar leads ("LNA headed by ... Khalifa Haftar"). */
function leaderLink(text: string, mention: Entity, mentions: Entity[], cache: Map<string, string | null>): string | null {
  const match = POSSESSIVE_FORCES.exec(mention.text);
  if (!match) return null;
  const surname = match[1].split(/\s+/).pop()!;
  if (surname.length < 3) return null;
  if (cache.has(surname)) return cache.get(surname)!;
  if (cache.size >= MAX_SPREAD) return null;
  let found: string | null = null;
  // A bounded number of places to look keeps pathological texts linear.
  let tries = 0;
  for (let at = text.indexOf(surname); at >= 0 && !found && tries < 50; at = text.indexOf(surname, at + surname.length), tries++) {
    // The mention nearest before `at`, in the same sentence, that names a party.
    for (let k = lastEndingBefore(mentions, at), steps = 0; k >= 0 && steps < 4; k--, steps++) {
      const other = mentions[k];
      if (at - other.end > 120 || SENTENCE_END.test(text.slice(other.end, at))) break;
      if (POSSESSIVE_FORCES.test(other.text) || !other.canonical || other.kind === 'state') continue;
      if (LEADS.test(text.slice(other.end, at))) found = other.canonical;
      break;
    }
  }
  cache.set(surname, found);
  return found;
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
    const party = lexicon.partyByKey.get(aliasKeys(m.canonical).join(' '));
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
  const backer = BACKED_PREFIX.exec(mentionText)?.[1];
  const state = backer ? stateOf(backer, lexicon) : undefined;
  const candidates = backed.get(state?.name ?? backer ?? '');
  return candidates?.size === 1 ? [...candidates][0] : null;
}

/** "the UN-backed government", "government forces": the government of the named or main country. */
function governmentOf(mentionText: string, country: StateInfo | null, lexicon: FactionLexicon): string | null {
  if (!/\bgovernment\b/i.test(mentionText)) return null;
  let state: StateInfo | null = null;
  for (const w of tokenise(mentionText)) state ??= lexicon.demonyms.get(w.key) ?? null;
  state ??= country;
  if (!state) return null;
  return lexicon.governmentOf.get(state.code)?.canonical ?? state.name;
}

function stateOf(name: string, lexicon: FactionLexicon): StateInfo | undefined {
  return lexicon.statesByKey.get(aliasKeys(name).join(' '));
}

/** The country whose named parties the article mentions most. */
function mainCountry(mentions: Entity[], lexicon: FactionLexicon): StateInfo | null {
  const counts = new Map<string, number>();
  for (const m of mentions) {
    const party: PartyInfo | undefined = m.canonical ? lexicon.partyByKey.get(aliasKeys(m.canonical).join(' ')) : undefined;
    if (party?.country && party.kind !== 'organisation' && party.kind !== 'coalition') counts.set(party.country, (counts.get(party.country) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [code, n] of counts) if (best === null || n > counts.get(best)!) best = code;
  if (!best) return null;
  for (const state of lexicon.statesByKey.values()) if (state.code === best) return state;
  return null;
}

function partiesOf(mentions: Entity[], groups: Groups, kinds: Map<string, string>): Party[] {
  const parties = new Map<string, Party>();
  const seen = new Set<string>(); // canonical and lower-case alias: a lookup, not a scan of the party's aliases
  for (const m of mentions) {
    const canonical = groups.canonical(m.canonical!);
    let party = parties.get(canonical);
    if (!party) {
      party = { canonical, aliases: [], mentions: 0 };
      const kind = kinds.get(canonical) ?? m.kind;
      if (kind) party.kind = kind;
      parties.set(canonical, party);
    }
    party.mentions++;
    const alias = m.text.replace(/^the\s+/i, '');
    const key = `${canonical}\u0000${alias.toLowerCase()}`;
    if (!seen.has(key)) {
      seen.add(key);
      party.aliases.push(alias);
    }
  }
  return [...parties.values()].sort((a, b) => b.mentions - a.mentions);
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
    return lexicon.partyByKey.get(aliasKeys(name).join(' '))?.canonical;
  };

  mentions.forEach((m, i) => {
    // "Turkey-backed forces", "Turkish-trained Gorgor commandos".
    const prefix = BACKED_PREFIX.exec(m.text)?.[1] ?? BACKED_BEFORE.exec(text.slice(Math.max(0, m.start - 40), m.start))?.[1];
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
    const before = text.slice(Math.max(0, next.start - 40), next.start);
    // Only when nothing parenthetical stands between: "X, which fought Y, turned against Z" is not X's.
    if (gap.length <= 100 && !gap.includes(',') && !SENTENCE_END.test(gap) && AGAINST.test(before)) add(m.canonical, next.canonical, 'opposes');
  });

  // "<A>, supported by <B>, <C> and <D>".
  PASSIVE.lastIndex = 0;
  for (let match = PASSIVE.exec(text); match; match = PASSIVE.exec(text)) {
    const at = match.index;
    const after = at + match[0].length;
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
