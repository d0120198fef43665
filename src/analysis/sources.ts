import { BoundedMemo } from './boundedMemo';
import lexicon from './data/attribution.json';
import { factionLexicon } from './factionsLexicon';
import { normaliseKey } from './factionsWords';
import { countStartingBefore, sortedByStart } from './sortedSpans';
import type { ClaimSource, Entity, SourceKind, TextSpan } from './types';

// Who a claim rests on: the kind of a source phrase (person, role, organisation, media, anonymous),
// read from its head and its appositives, and what a pronoun or a short back-reference stands for.

const ROLE_NOUNS = new Set(lexicon.roleNouns);
const ORGANISATION_NOUNS = new Set(lexicon.organisationNouns);
const MEDIA_WORDS = new Set(lexicon.mediaWords);
/** The last word of a newspaper's name, capitalised: "Times", "Journal". */
const PRESS_NAMES = new Set(lexicon.pressNames);
/** What a body issues ("a statement", "figures"): such a source is of the kind of whom it is from. */
const DOCUMENT_NOUNS = new Set(lexicon.documentNouns);
const TITLES = new Set(lexicon.titles);
const PARTICLES = new Set(lexicon.nameParticles);
const PRONOUNS: Record<string, string> = lexicon.pronouns;
const LONGEST_PRONOUN = Math.max(...Object.keys(PRONOUNS).map((p) => p.length));
/** Phrases that make a source anonymous wherever they stand ("who asked not to be named"). */
const ANONYMITY_PHRASES = lexicon.anonymityPhrases;
/**
 * Any of them anywhere, in any case: one scan of the phrase as written that rules most phrases out
 * before a lower-case copy is made and each is looked for on its own. Case folding matches every
 * character that lower-cases to a letter of theirs ("K" for the Kelvin sign too), except "İ" (to "i̇"),
 * which no phrase ends with.
 */
const ANY_ANONYMITY_PHRASE = new RegExp(ANONYMITY_PHRASES.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'iu');
/** Nouns that make a source anonymous when they head it ("residents", "a source close to ..."). */
const ANONYMOUS_HEADS = new Set(lexicon.anonymousHeads);
const DETERMINER_WORDS = new Set(lexicon.determiners);

/** Words after which the head of a source phrase is over ("a commander in ...", "forces loyal to ..."). */
const HEAD_ENDS = new Set([
  'in', 'of', 'for', 'with', 'at', 'from', 'on', 'near', 'who', 'which', 'that', 'whose', 'reached', 'close',
  'loyal', 'commanded', 'known', 'led', 'based', 'backed', 'speaking', 'familiar', 'to', 'by', 'inside', 'within', 'and',
]);

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]/u;
const INITIALS = /^(?:\p{L}\.)+$/u;
const LOWER_START = /^\p{Ll}/u;
const NAME_BEFORE = /(?:(?:the|The)\s+)?\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,5}$/u;

/** Code units of the letter or digit at `i`, or 0: an ASCII fast path, Unicode classes for the rest. */
function letterOrDigitAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0;
  const size = c >= 0xd800 && c <= 0xdbff ? 2 : 1;
  return LETTER_OR_DIGIT.test(text.slice(i, i + size)) ? size : 0;
}

interface Word {
  text: string;
  lower: string;
  start: number;
  end: number;
}

/**
 * Words: a letter or digit, then letters, digits, apostrophes, dots and hyphens — one pass over the
 * characters. Offsets are `offset` plus the index in `text`.
 */
function words(text: string, offset = 0): Word[] {
  const found: Word[] = [];
  const n = text.length;
  for (let i = 0; i < n; ) {
    const first = letterOrDigitAt(text, i);
    if (!first) {
      i++;
      continue;
    }
    const start = i;
    // Lower-case ASCII is its own lower-case form: most words need no conversion.
    let lowerAscii = isLowerAscii(text.charCodeAt(i));
    i += first;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 39 || c === 0x2019 || c === 46 || c === 45) i++;
      else {
        const size = i < n ? letterOrDigitAt(text, i) : 0;
        if (!size) break;
        i += size;
      }
      lowerAscii &&= isLowerAscii(c);
    }
    // A full stop ends the word unless it is an initial or an abbreviation ("U.S.", "Gen.").
    let token = text.slice(start, i);
    if (token.endsWith('.') && !INITIALS.test(token) && !TITLES.has(token.slice(0, -1).toLowerCase())) token = token.slice(0, -1);
    found.push({ text: token, lower: lowerAscii ? token : lowerForm(token), start: offset + start, end: offset + start + token.length });
  }
  return found;
}

/** Whether `c` is ASCII and no capital: a character that lower-casing leaves alone. */
const isLowerAscii = (c: number) => c < 128 && !(c >= 65 && c <= 90);

/** The lower-case form of a word, with typographic apostrophes made straight. */
function lowerForm(token: string): string {
  const lower = token.toLowerCase();
  return lower.indexOf('’') < 0 ? lower : lower.replace(/’/g, "'");
}

// Character tests on the first code unit, with the Unicode classes only for letters outside ASCII.
const UPPER_START = /^\p{Lu}/u;
const PROPER = /^\p{Lu}|^\p{Ll}{1,4}-\p{Lu}/u;
const ACRONYM = /^[\p{Lu}\d.-]{2,}$/u;

const isAsciiUpper = (c: number) => c >= 65 && c <= 90;
const isAsciiLower = (c: number) => c >= 97 && c <= 122;

function isCapitalised(word: string): boolean {
  const c = word.charCodeAt(0);
  return c < 128 ? isAsciiUpper(c) : UPPER_START.test(word);
}

/** Capitalised, or a capital after a name particle ("al-Sham"). */
function isProper(word: string): boolean {
  const c = word.charCodeAt(0);
  if (isAsciiUpper(c)) return true;
  return c < 128 && !isAsciiLower(c) ? false : PROPER.test(word);
}

/** Two or more capitals, digits, dots or hyphens and nothing else ("UN", "M23", "U.S"). */
function isAcronym(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 128) return ACRONYM.test(word);
    if (!isAsciiUpper(c) && !(c >= 48 && c <= 57) && c !== 46 && c !== 45) return false;
  }
  return word.length >= 2;
}

const isApostrophe = (c: number) => c === 39 || c === 0x2019;
const possessive = (word: string) => isApostrophe(word.charCodeAt(word.length - 1)) || (word.endsWith('s') && isApostrophe(word.charCodeAt(word.length - 2)));

/** The lower-case form with the possessive ending dropped. */
function bare(lower: string): string {
  const n = lower.length;
  if (isApostrophe(lower.charCodeAt(n - 1))) return lower.slice(0, -1);
  return lower.endsWith('s') && isApostrophe(lower.charCodeAt(n - 2)) ? lower.slice(0, -2) : lower;
}

/** `word` without a final full stop. */
const undotted = (word: string) => (word.endsWith('.') ? word.slice(0, -1) : word);

/** Whether `text` is a pronoun source ("he", "It", "which"). */
function pronounOf(text: string): string | undefined {
  // Lower-casing never shortens a string: a longer text is no pronoun, and most sources are longer.
  if (text.length > LONGEST_PRONOUN) return undefined;
  const lower = text.toLowerCase();
  return Object.prototype.hasOwnProperty.call(PRONOUNS, lower) ? PRONOUNS[lower] : undefined;
}

/**
 * A personal name inside `words`: two or more capitalised words (particles such as "al-" or "ag"
 * allowed), or a title and one capitalised word, after any acronyms — not an acronym, not a possessive modifier
 * ("Bani Walid's mayor"), not an organisation ("Human Rights Watch"), not a known place or party.
 */
function isName(run: Word[], covered: (w: Word) => boolean): boolean {
  // "UN Secretary-General Antonio Guterres", "US President Joe Biden", "Syrian President Bashar al-Assad": the
  // body's acronym or the state's demonym before a title and name; "Russian Gazprom" is no one's name.
  let first = 0;
  while (first < run.length - 1 && (isAcronym(undotted(run[first].text)) || isDemonym(run[first]))) first++;
  if (first > 0) run = run.slice(first);
  if (run.length === 0) return false;
  if (run.some((w) => !mayBeName(w, covered))) return false;
  // "Al Jazeera", "Associated Press": an outlet or body whose name is two words.
  for (let i = 1; i < run.length; i++) {
    if (!PAIR_STARTS.has(run[i - 1].lower)) continue; // no pair is made for most words
    const pair = `${run[i - 1].lower} ${bare(run[i].lower)}`;
    if (MEDIA_WORDS.has(pair) || ORGANISATION_NOUNS.has(pair)) return false;
  }
  const last = run[run.length - 1];
  if (possessive(last.text)) return false;
  const titled = TITLES.has(undotted(run[0].lower));
  let named = 0;
  for (const w of run) if (isProper(w.text) && !TITLES.has(undotted(w.lower))) named++;
  return named >= 2 || (titled && named >= 1);
}

/** Maximal runs of name-like words (capitalised words, titles, particles between capitalised words). */
function nameRuns(list: Word[]): Word[][] {
  const runs: Word[][] = [];
  let run: Word[] = [];
  for (const word of list) {
    const nameLike = isCapitalised(word.text) ? run.length > 0 || !DETERMINER_WORDS.has(word.lower) : run.length > 0 && isParticle(word.lower);
    if (nameLike) run.push(word);
    else {
      if (run.length) runs.push(run);
      run = [];
    }
  }
  if (run.length) runs.push(run);
  return runs;
}

const isParticle = (lower: string) => PARTICLES.has(lower) || /^(?:al|el|ag|ad|ar|as|ash|bin|abu)-/.test(lower);

/** The words of the head phrase: up to the first preposition or relative word. */
function headOf(list: Word[]): Word[] {
  const head: Word[] = [];
  for (const word of list) {
    // "Doctors Without Borders": a capitalised preposition between capitalised words is part of a name.
    if (head.length > 0 && HEAD_ENDS.has(word.lower) && !inBodyName(word, head[head.length - 1])) break;
    head.push(word);
  }
  return head;
}

/** A capitalised name breaker after a capitalised word (see `NAME_BREAKERS`): a word of a body's name. */
function inBodyName(word: Word, previous: Word): boolean {
  return NAME_BREAKERS.has(word.lower) && isCapitalised(word.text) && isCapitalised(previous.text);
}

/** Most distinct entries a phrase cache keeps (a bound on memory, not on speed). */
const CACHE_LIMIT = 20_000;

/** What the text of a source phrase that is no pronoun alone tells, read once per distinct text. */
interface Phrase {
  /** "the group", "the aid worker": the last word of a short definite phrase, in lower case. */
  definite?: string;
  /** Its kind when no known name overlaps it, once classified. */
  kind?: SourceKind;
  /** Its kinds by the offsets of the known names over it (see `NamingIndex.spansOver`), once classified. */
  namedKinds?: Map<SpansKey, SourceKind>;
  /** Its head noun once read; null when it has none. */
  noun?: string | null;
  /** The surname of the person it names once read ("salih" in "Amira Salih, a volunteer"); null when none. */
  surname?: string | null;
  /** The phrase is one capitalised word that may be a surname ("Netanyahu"): that word in lower case; null when not. */
  lone?: string | null;
}

const DEFINITE = /^(?:the|this|that)\s+(?:[\p{L}-]+\s+){0,2}([\p{L}-]+)$/iu;

/**
 * Phrases by text, each with its kinds by the offsets of the known names over it: a phrase's kind
 * depends only on these, and phrases recur ("the army", "police") within and across documents.
 */
const phrases = new BoundedMemo<Phrase>(CACHE_LIMIT);

function phraseOf(text: string): Phrase {
  return phrases.get(text, readPhrase);
}

function readPhrase(text: string): Phrase {
  return { definite: DEFINITE.exec(text.trim())?.[1].toLowerCase() };
}

/** The kind of source `text` at `offset` (see `classifyPhrase`), or that of the pronoun it is ("he": a person). */
export function sourceKind(text: string, offset: number, entities: readonly Entity[]): SourceKind {
  // A pronoun is told from its few characters: no lookup of its phrase.
  const pronoun = pronounOf(text);
  if (pronoun) return pronoun === 'human' ? 'person' : 'organisation';
  return kindOf(phraseOf(text), text, offset, entities);
}

/** The kind of source `text`, starting at `offset` in the text that `entities` (sorted by start) are in. */
export function classifyPhrase(text: string, offset: number, entities: readonly Entity[]): SourceKind {
  return kindOf(phraseOf(text), text, offset, entities);
}

function kindOf(phrase: Phrase, text: string, offset: number, entities: readonly Entity[]): SourceKind {
  const index = namingIndex(entities);
  const spans = index.spansOver(offset, offset + text.length);
  if (spans === NO_SPANS) return (phrase.kind ??= classifySource(text, coveredIn(index, offset)));
  // Keyed by the short offsets under the phrase already found by its text: no key of the whole text again.
  phrase.namedKinds ??= new Map();
  let kind = phrase.namedKinds.get(spans);
  if (kind === undefined) phrase.namedKinds.set(spans, (kind = classifySource(text, coveredIn(index, offset))));
  return kind;
}

/** Tells the words of a phrase at `offset` that a known party or larger place covers. */
const coveredIn = (index: NamingIndex, offset: number) => (w: Word) => index.covers(offset + w.start, offset + w.end);

/**
 * The kind of source `text` names; `covered` tells the words a known party or larger place covers.
 * Anonymity markers win ("a doctor ..., who spoke on condition of anonymity"), then a named
 * individual at the head or in apposition, then media, then the head noun: a role, or else an
 * organisation (parties and states speaking are organisations).
 */
function classifySource(text: string, covered: (w: Word) => boolean): SourceKind {
  const segments = segmentsOf(text);
  const headSegment = segments.length ? words(segments[0].text, segments[0].at) : words(text);
  const head = headOf(headSegment);
  const headLower = head.map((w) => bare(w.lower));

  if (hasAnonymityPhrase(text)) return 'anonymous';
  // "a resident", unless named after it ("A relative, Mahmoud Abu Shawish").
  const unnamed = unnamedPeopleAt(head);
  if (unnamed >= 0) return nameInApposition(segments, covered) || namedAfter(head, unnamed, covered) ? 'person' : 'anonymous';

  // "a statement from the ministry", "a report by Human Rights Watch": whom it comes from; "one of the residents": they.
  // The kind of the words `start`..`end` of the text.
  const kindWithin = (start: number, end = text.length) => classifySource(text.slice(start, end), (w) => covered({ ...w, start: w.start + start, end: w.end + start }));
  const issuer = issuerAt(headSegment, head);
  if (issuer >= 0) return kindWithin(issuer);
  // "a Reuters report", "the UN statement": the names before a document's noun are whom it comes from.
  const named = namedIssuer(head);
  if (named) return kindWithin(named.start, named.end);

  // "Burhan", "Hemedti": a party's leader the lexicon knows is a person, named in full or not.
  if (isLeaderName(headSegment)) return 'person';
  // "Miyetti Allah, a group representing herders": a name the apposition calls a body or an outlet is one.
  const apposition = segments[1];
  if (apposition && ARTICLE_START.test(apposition.text) && isCapitalised(head[0]?.text ?? '')) {
    const described = kindWithin(apposition.at, apposition.at + apposition.text.length);
    if (described === 'organisation' || described === 'media') return described;
  }
  // Known places and parties are not names (a village may share its name with a person: only larger places count).
  if (personNamed(segments, headSegment, head, covered)) return 'person';

  // "The Wall Street Journal", "The Guardian": a newspaper's name ends in a word for one.
  const last = head.at(-1);
  if (head.length > 1 && last && isCapitalised(last.text) && PRESS_NAMES.has(last.text)) return 'media';
  // "Sky News Arabia": "News" inside an outlet's name.
  if (head.length > 2 && head.some((w, i) => i > 0 && i < head.length - 1 && w.text === 'News') && !ORGANISATION_NOUNS.has(bare(last?.lower ?? ''))) return 'media';
  const mediaHead = headLower.some((w) => MEDIA_WORDS.has(w)) || MEDIA_WORDS.has(lastPair(headLower, headLower.length - 1));
  if (mediaHead) return 'media';
  // "The Global New Light of Myanmar newspaper": an outlet's noun after a name that "of" goes on.
  const tail = headSegment[headSegment.length - 1];
  if (tail && headSegment.length > head.length + 1 && MEDIA_WORDS.has(bare(tail.lower)) && headSegment.slice(head.length, -1).every((w) => isCapitalised(w.text) || w.lower === 'of' || w.lower === 'the')) return 'media';

  // "The statement read", "the message said": a document of no one named is a body's, not a person's.
  if (DOCUMENT_NOUNS.has(headLower[headLower.length - 1])) return 'organisation';
  // "Doctors Without Borders": a body's name, whatever nouns it holds ("experts of" one are a role).
  if (isCapitalised(head[head.length - 1]?.text ?? '') && head.some((w, i) => i > 0 && inBodyName(w, head[i - 1]))) return 'organisation';
  for (let i = head.length - 1; i >= 0; i--) {
    const word = headLower[i];
    const pair = lastPair(headLower, i);
    if (ROLE_NOUNS.has(pair) || ROLE_NOUNS.has(word)) return roleOrHolder(segments, covered);
    if (ORGANISATION_NOUNS.has(pair) || ORGANISATION_NOUNS.has(word)) return 'organisation';
  }
  // An unknown common noun describes someone ("the harbour master"); a proper name is a body or a state speaking.
  return last && !isProper(last.text) && !DETERMINER_WORDS.has(last.lower) ? roleOrHolder(segments, covered) : 'organisation';
}

/** A role, or the person who holds it when named after it ("the region's ombudsman, Gegham Stepanyan"). */
function roleOrHolder(segments: Segment[], covered: (w: Word) => boolean): SourceKind {
  return nameInApposition(segments, covered) ? 'person' : 'role';
}

/**
 * Where the phrase that gives the source its kind starts, after the head: whom a document comes from ("a
 * statement from |the ministry") or the group a count is part of ("one of |the residents"); -1 when none.
 */
function issuerAt(headSegment: Word[], head: Word[]): number {
  const last = head[head.length - 1];
  const link = headSegment[head.length];
  const issuer = headSegment[head.length + 1];
  if (!last || !issuer) return -1;
  if (DOCUMENT_NOUNS.has(last.lower) && (link.lower === 'from' || link.lower === 'by')) return issuer.start;
  // "data compiled by ACLED", "figures released by the ministry": whoever made them (not "seen by" a reader).
  if (link.lower === 'by' && MAKERS.has(last.lower) && head.length > 1 && DOCUMENT_NOUNS.has(head[head.length - 2].lower)) return issuer.start;
  return head.length === 1 && PARTS.has(last.lower) && link.lower === 'of' ? issuer.start : -1;
}

/** The capitalised words just before a document's noun ("A |United Nations| report", "a confidential |UN| report"), if any. */
function namedIssuer(head: Word[]): { start: number; end: number } | undefined {
  const first = DETERMINER_WORDS.has(head[0]?.lower) ? 1 : 0;
  // In lower case: "The Washington Post" is a name.
  const noun = head.findIndex((w, i) => i > first && DOCUMENT_NOUNS.has(w.text));
  if (noun < 0) return undefined;
  let from = noun;
  while (from > first && isCapitalised(head[from - 1].text)) from--;
  // Adjectives in lower case may open the phrase; a capitalised word must name whom the document comes from.
  if (from === noun || head.slice(first, from).some((w) => isCapitalised(w.text))) return undefined;
  return { start: head[from].start, end: head[noun - 1].end };
}

/** Participles of who made a document, before "by". */
const MAKERS: ReadonlySet<string> = new Set(['compiled', 'released', 'published', 'issued', 'collected', 'gathered', 'prepared', 'produced', 'commissioned', 'conducted', 'carried']);

/** Counts that name a part of a group: "one of the residents", "some of the officials". */
const PARTS: ReadonlySet<string> = new Set(['one', 'two', 'three', 'four', 'five', 'several', 'some', 'many', 'most', 'none', 'each', 'all', 'both', 'few', 'dozens', 'hundreds']);

/**
 * People the phrase does not name ("residents", "a security source", "two people"): where a word for them
 * stands in the head, unless a role or a body follows it there, whose modifier it is ("the UN refugee
 * agency"); -1 when none.
 */
function unnamedPeopleAt(head: Word[]): number {
  const at = head.findIndex((w) => !possessive(w.text) && ANONYMOUS_HEADS.has(w.lower));
  if (at < 0) return -1;
  for (let i = at + 1; i < head.length; i++) {
    const word = bare(head[i].lower);
    if (ROLE_NOUNS.has(word) || ORGANISATION_NOUNS.has(word)) return -1;
  }
  return at;
}

/** "resident Musa Ibrahim": a name after the noun for unnamed people at `at`, in the head, names one of them. */
function namedAfter(head: Word[], at: number, covered: (w: Word) => boolean): boolean {
  return nameRuns(head.slice(at + 1)).some((run) => isName(run, covered));
}

/** The first (`at` 0) or second (1) words of the two-word nouns among `lists`. */
function pairWords(lists: ReadonlySet<string>[], at: 0 | 1): Set<string> {
  return new Set(lists.flatMap((list) => [...list]).map((noun) => noun.split(' ')).filter((w) => w.length === 2).map((w) => w[at]));
}

/** The first words of the two-word outlets and bodies ("al jazeera", "human rights"). */
const PAIR_STARTS = pairWords([MEDIA_WORDS, ORGANISATION_NOUNS], 0);

/** The second words of the two-word nouns ("prime minister", "news agency"). */
const PAIR_ENDS = pairWords([ROLE_NOUNS, ORGANISATION_NOUNS, MEDIA_WORDS], 1);

/** The words at i - 1 and i as a two-word noun might read ("prime minister"), or '' when no such noun ends with the word at i. */
function lastPair(lower: readonly string[], i: number): string {
  return i > 0 && PAIR_ENDS.has(lower[i]) ? `${lower[i - 1]} ${lower[i]}` : '';
}

/**
 * The offsets from a phrase's start of the parties and larger places over it: `NO_SPANS` for none, a
 * number for one inside `SPAN_RANGE` (most), else text ("3,9;12,20;"). A number is hashed and compared
 * at once, where text would be built and hashed for each source.
 */
type SpansKey = number | string;
const NO_SPANS = 0;
/** One span's key is (start + SPAN_RANGE) * 2 * SPAN_RANGE + end, above 0 and a small integer for V8. */
const SPAN_RANGE = 1 << 12;

interface NamingIndex {
  /** Whether a known party or larger place overlaps [start, end) and is longer than it. */
  covers(start: number, end: number): boolean;
  /** The parties and larger places overlapping [start, end), by their offsets from `start`. */
  spansOver(start: number, end: number): SpansKey;
}

/** The key of one span over a phrase at `start`: a number when its offsets are in range. */
function spanKey(e: Entity, start: number): SpansKey {
  const from = e.start - start;
  const to = e.end - start;
  return from > -SPAN_RANGE && from < SPAN_RANGE && to > 0 && to < 2 * SPAN_RANGE ? (from + SPAN_RANGE) * 2 * SPAN_RANGE + to : spanText(e, start);
}

function spanText(e: Entity, start: number): string {
  return `${e.start - start},${e.end - start};`;
}

/** Whether an entity is a party or a larger place: a name that is no person's. All a source's kind reads of an entity's type. */
export function isNaming(entity: Entity): boolean {
  return entity.type === 'faction' || (entity.type === 'place' && entity.kind !== 'locality');
}

/** Per entity list (a document's, shared by all its claims): the parties and larger places by start. */
const namingIndexes = new WeakMap<readonly Entity[], NamingIndex>();

/** Built once per entity list, so that a word's check is a binary search, not a scan of every entity. */
function namingIndex(entities: readonly Entity[]): NamingIndex {
  let index = namingIndexes.get(entities);
  if (index) return index;
  // Entities come sorted by start, and so do those kept from them: a look costs less than a sort.
  const found: Entity[] = [];
  let longest = 0; // the longest kept, read with the rest of it
  for (const e of entities) {
    if (!isNaming(e)) continue;
    found.push(e);
    longest = Math.max(longest, e.end - e.start);
  }
  const naming = sortedByStart(found);
  // Those overlapping [start, end) are the last ones starting before `end`, back while one could still reach `start`.
  const startingBefore = (end: number) => countStartingBefore(naming, end);
  index = {
    covers(start, end) {
      for (let i = startingBefore(end) - 1; i >= 0 && naming[i].start > start - longest; i--) {
        const e = naming[i];
        if (e.end > start && e.end - e.start > end - start) return true;
      }
      return false;
    },
    spansOver(start, end) {
      let first: Entity | undefined;
      let others = '';
      for (let i = startingBefore(end) - 1; i >= 0 && naming[i].start > start - longest; i--) {
        const e = naming[i];
        if (e.end <= start) continue;
        if (first) others += spanText(e, start);
        else first = e;
      }
      if (!first) return NO_SPANS;
      return others ? spanText(first, start) + others : spanKey(first, start);
    },
  };
  namingIndexes.set(entities, index);
  return index;
}

function hasAnonymityPhrase(text: string): boolean {
  if (!ANY_ANONYMITY_PHRASE.test(text)) return false;
  const lower = ` ${text.toLowerCase().replace(/’/g, "'")} `;
  return ANONYMITY_PHRASES.some((phrase) => hasPhrase(lower, phrase));
}

function hasPhrase(paddedLower: string, phrase: string): boolean {
  const at = paddedLower.indexOf(phrase);
  if (at < 0) return false;
  return !/[\p{L}]/u.test(paddedLower[at - 1]) && !/[\p{L}]/u.test(paddedLower[at + phrase.length] ?? ' ');
}

/** A comma-, bracket-separated part of a source phrase, and where it starts in the phrase. */
interface Segment {
  text: string;
  at: number;
}

/** The non-blank segments of a source phrase ("Amira Salih", "a volunteer with ..."). */
function segmentsOf(text: string): Segment[] {
  let cursor = 0;
  return text
    .split(/,\s*|\s+\(|\)\s*/)
    .filter((s) => s.trim())
    .map((segment) => {
      const at = text.indexOf(segment, cursor);
      cursor = at + segment.length;
      return { text: segment, at };
    });
}

/**
 * A named individual at the head ("Amira Salih, a volunteer ..."), at the end of the head segment
 * ("LNA spokesperson Ahmed Mismari"), or in apposition to a role ("Cauca's governor, Marcela Ortiz").
 * `firstWords` are the words of the first segment, `head` their head phrase.
 */
function personNamed(segments: Segment[], firstWords: Word[], head: Word[], covered: (w: Word) => boolean): boolean {
  if (!segments.length) return false;
  const wordsOf = (segment: Segment) => words(segment.text, segment.at);
  const runs = nameRuns(head);
  // A name opening the phrase, or closing its head segment ("the spokesperson for their forces Mustafa al-Muije");
  // not one a body's or an outlet's noun follows ("Al Arabiya television").
  const after = runs.length ? head[runs[0].length] : undefined;
  if (runs.length && runs[0][0] === head[0] && isName(runs[0], covered) && !(after && isBodyNoun(after))) return true;
  // "Amira Salih, a volunteer with ...", "Ali, 34, a teacher": a name described by a role or an age after it,
  // whatever a gazetteer says; one word is a name there too.
  const age = segments[1] !== undefined && (AGE.test(segments[1].text) || AGED.test(segments[1].text));
  const roleAfter = segments[age ? 2 : 1];
  const described = age || (roleAfter !== undefined && /^(?:a|an|the)\s/i.test(roleAfter.text) && headOf(wordsOf(roleAfter)).some((w) => ROLE_NOUNS.has(bare(w.lower))));
  if (described && runs.length && runs[0].length === head.length && (isName(runs[0], () => false) || isFirstName(runs[0]))) return true;
  const lastRun = nameRuns(firstWords).at(-1);
  if (lastRun && lastRun.at(-1) === firstWords.at(-1) && isName(lastRun, covered)) {
    const at = firstWords.indexOf(lastRun[0]);
    const before = firstWords[at - 1];
    // "an official in Addis Ababa": a name after a preposition is a place; "the White House", a body; and
    // so is one after the noun for a body that heads the phrase ("rights group Foro Penal", "the aid agency
    // Oxfam"), not after one that a preposition brings ("the spokesperson for their forces Mustafa al-Muije").
    const bodyNamed = before !== undefined && isBodyNoun(before) && !firstWords.slice(0, at).some((w) => HEAD_ENDS.has(w.lower));
    if (!before || (!HEAD_ENDS.has(before.lower) && before.lower !== 'the' && !bodyNamed)) return true;
  }
  // "Cauca's governor, Marcela Ortiz": a name after a role or title.
  return head.some((w) => ROLE_NOUNS.has(bare(w.lower)) || TITLES.has(bare(w.lower))) && nameInApposition(segments, covered);
}

/** The second or third segment is a name and nothing else ("Cauca's governor, Marcela Ortiz"). */
function nameInApposition(segments: Segment[], covered: (w: Word) => boolean): boolean {
  for (const segment of segments.slice(1, 3)) {
    const list = words(segment.text, segment.at);
    const run = nameRuns(list)[0];
    if (run && run.length === list.length && isName(run, covered)) return true;
  }
  return false;
}

/**
 * Whether `words` are all of a leader's name in the built-in lexicon ("Abdel Fattah al-Burhan", "Burhan"):
 * the lexicon keys every leader's last name too, so most phrases are answered by their last word alone.
 */
function isLeaderName(words: Word[]): boolean {
  const last = words.at(-1);
  if (!last || words.length > 4) return false;
  const { leaders } = builtInLexicon();
  if (!leaders.has(normaliseKey(last.text))) return false;
  if (!words.every((w) => isCapitalised(w.text) || isParticle(w.lower))) return false;
  return words.length === 1 || leaders.has(words.map((w) => normaliseKey(w.text)).join(' '));
}

/** A state's demonym in the built-in lexicon ("Russian", "Qatari"). */
function isDemonym(w: Word): boolean {
  return builtInLexicon().demonyms.has(normaliseKey(w.text));
}

/** The built-in lexicon's parties and states, once a source asks for a leader or a demonym. */
const builtInLexicon = () => (builtIn ??= factionLexicon({}));
let builtIn: ReturnType<typeof factionLexicon> | undefined;

/** An apposition's article: "a group representing herders", "the local newspaper". */
const ARTICLE_START = /^(?:a|an|the)\s/i;

/** An age in apposition: "Ali, 34, a teacher". */
const AGE = /^\d{1,3}$/;
/** "a 34-year-old mother of three": an apposition that gives a person's age. */
const AGED = /^an?\s+\d{1,3}-year-old\s/;

/** One capitalised word that may be a name (`mayBeName`): a first name standing alone. */
function isFirstName(run: Word[]): boolean {
  return run.length === 1 && isProper(run[0].text) && mayBeName(run[0], () => false);
}

/** Whether a word may be part of a personal name: not covered by a known party or larger place, no body's or outlet's noun ("News"), no acronym. */
function mayBeName(w: Word, covered: (w: Word) => boolean): boolean {
  return !covered(w) && !isBodyNoun(w) && !NAME_BREAKERS.has(w.lower) && !PRESS_NAMES.has(w.text) && !isAcronym(undotted(w.text));
}

/** A noun for an organisation or an outlet ("group", "agency", "radio"). */
function isBodyNoun(w: Word): boolean {
  return ORGANISATION_NOUNS.has(bare(w.lower)) || MEDIA_WORDS.has(bare(w.lower));
}

/**
 * English words capitalised only in the names of bodies and titles of works ("Doctors Without Borders",
 * "Committee to Protect Journalists" aside, "Friends of the Earth"): no person's name holds one. Not
 * "to", "on" or "in", which are also names' words ("To Lam").
 */
const NAME_BREAKERS: ReadonlySet<string> = new Set(['without', 'for', 'of', 'and', 'against', 'with', 'from', 'under', 'across', 'beyond', 'into', 'within', 'between', 'at', 'over', 'the', 'staff']);

/** Kinds that stand for people, whom "he" and "she" can refer to. */
const HUMAN: ReadonlySet<SourceKind> = new Set(['person', 'role', 'anonymous']);

/** Whether a source of `kind` is a person, a role or anonymous. */
export function isHumanKind(kind: SourceKind): boolean {
  return HUMAN.has(kind);
}

/** Whether a source's text is "he", "she" or another pronoun for a person. */
export function isPersonPronoun(text: string): boolean {
  return text.length <= 3 && pronounOf(text) === 'human'; // "he", "she": most sources are longer
}

/** What resolving reads of a source, read once: the pronoun it is, else its phrase. */
export interface SourceReading {
  pronoun: string | undefined;
  phrase: Phrase | undefined;
}

export function readSource(text: string): SourceReading {
  const pronoun = pronounOf(text);
  return { pronoun, phrase: pronoun ? undefined : phraseOf(text) };
}

/** A source that later ones may refer back to, with its head noun (null when it has none). */
export interface Latest {
  source: ClaimSource;
  noun: string | null;
}

/**
 * Resolves pronoun and back-reference sources ("he", "It", "the group", "the diplomat") to the
 * latest earlier source that fits; the source keeps its span and takes the antecedent's kind.
 * Sources come in document order, each asked for its antecedent, then recorded as it stands once
 * resolved. The latest person, organisation and source, and the latest source for each head noun,
 * are kept as it goes.
 */
export class AntecedentResolver {
  private human: Latest | undefined;
  /** The latest human source that is one person or role ("the governor", not "medics"): whom "he" and "she" stand for. */
  private single: Latest | undefined;
  private organisation: Latest | undefined;
  private any: Latest | undefined;
  private readonly byHeadNoun = new Map<string, Latest>();
  /** The person sources so far, each with its phrase: their surnames are read only once a lone name asks. */
  private readonly persons: { latest: Latest; phrase: Phrase }[] = [];
  /** The latest person sources by surname, for `persons` up to `surnamesRead`. */
  private readonly bySurname = new Map<string, Latest>();
  private surnamesRead = 0;

  /** @param fullName the full name of a person the text gives before an offset for a lone name (`fullNameBefore`). */
  constructor(private readonly fullName?: (lone: string, before: number) => TextSpan | undefined) {}

  /**
   * The earlier source `source` (read as `reading`) stands for, if it is a pronoun or a back-reference that
   * has one; `from` is where the text `source`'s offsets count from starts (its unit's, when read apart).
   */
  antecedentOf(source: ClaimSource, reading: SourceReading, from = 0): Latest | undefined {
    if (source.antecedent) return undefined; // a relative "which" comes with its antecedent already
    const { pronoun, phrase } = reading;
    if (pronoun === 'human') return SINGULAR_PRONOUNS.has(source.text.toLowerCase()) ? this.single : this.human;
    if (pronoun) return pronoun === 'organisation' ? this.organisation : this.any;
    if (phrase?.definite) return this.byHeadNoun.get(phrase.definite);
    // "Netanyahu said", after "Prime Minister Benjamin Netanyahu said": read alone, a body; by the name before, the person.
    if (!phrase || (this.persons.length === 0 && !this.fullName)) return undefined;
    phrase.lone ??= loneName(source.text);
    if (phrase.lone === null) return undefined;
    for (; this.surnamesRead < this.persons.length; this.surnamesRead++) {
      const person = this.persons[this.surnamesRead];
      if (person.phrase.surname === undefined) person.phrase.surname = surnameOf(person.latest.source.text);
      if (person.phrase.surname !== null) this.bySurname.set(person.phrase.surname, person.latest);
    }
    return this.bySurname.get(phrase.lone) ?? this.namedBefore(source, from);
  }

  /**
   * "Petro wrote", read alone a body, after "the administration of President Gustavo Petro" said nothing:
   * the person the text names in full before it, in any paragraph.
   */
  private namedBefore(source: ClaimSource, from: number): Latest | undefined {
    if (source.kind !== 'organisation' || !this.fullName) return undefined;
    const name = this.fullName(source.text, from + source.start);
    return name && { source: { ...name, kind: 'person' }, noun: null };
  }

  /** Notes `source`, as it stands with `antecedent` (`antecedentOf`'s) applied, as the latest mention. */
  record(source: ClaimSource, reading: SourceReading, antecedent: Latest | undefined): void {
    const phrase = reading.phrase;
    if (!phrase) return; // a pronoun
    // A resolved back-reference ("the group") makes its antecedent the latest mention again.
    let latest = phrase.definite ? antecedent : undefined;
    if (!latest) {
      // Keyed by the head noun: the last common noun of the head ("army spokesman Jean Mbala" -> "spokesman").
      if (phrase.noun === undefined) phrase.noun = headNoun(source.text) ?? null;
      latest = { source, noun: phrase.noun };
    }
    this.any = latest;
    const kind = latest.source.kind;
    if (HUMAN.has(kind)) {
      this.human = latest;
      if (kind === 'person' || !isPluralNoun(latest.noun ?? soleWord(latest.source.text))) this.single = latest; // "Moses" is one
    }
    if (kind === 'organisation' || kind === 'media') this.organisation = latest;
    if (latest.noun !== null) this.byHeadNoun.set(latest.noun, latest);
    if (latest.source === source && kind === 'person') this.persons.push({ latest, phrase });
  }
}

/**
 * The surname of the person a source names, in lower case: the last word of the first run of two or
 * more capitalised words (titles aside) in any of its comma-separated parts ("Amira Salih, a volunteer",
 * "Cauca's governor, Marcela Ortiz", "UN Secretary-General Antonio Guterres"); null when it names none so.
 */
function surnameOf(text: string): string | null {
  for (const segment of segmentsOf(text)) {
    for (const run of nameRuns(words(segment.text))) {
      const names = run.filter((w) => isProper(w.text) && !TITLES.has(undotted(w.lower)));
      if (names.length >= 2) return bare(names[names.length - 1].lower);
    }
  }
  return null;
}

/** One capitalised word, no acronym ("Netanyahu", "Salih's"): in lower case without a possessive; else null. */
function loneName(text: string): string | null {
  if (text.includes(' ')) return null; // most sources: no words made
  const list = words(text);
  if (list.length !== 1 || !isCapitalised(list[0].text) || isAcronym(undotted(list[0].text))) return null;
  return bare(list[0].lower);
}

/** Gives `source` its antecedent's span and kind. */
export function applyAntecedent(source: ClaimSource, antecedent: Latest): void {
  const { text, start, end, kind } = antecedent.source;
  source.antecedent = { text, start, end };
  source.kind = kind;
}

/** Resolves `sources`, given in document order, in place (see `AntecedentResolver`). */
export function resolveAntecedents(sources: readonly ClaimSource[], fullName?: (lone: string, before: number) => TextSpan | undefined): void {
  const resolver = new AntecedentResolver(fullName);
  for (const source of sources) {
    const reading = readSource(source.text);
    const antecedent = resolver.antecedentOf(source, reading);
    if (antecedent) applyAntecedent(source, antecedent);
    resolver.record(source, reading, antecedent);
  }
}

/** "he" and "she": one person, never "medics" or "residents". */
const SINGULAR_PRONOUNS = new Set(['he', 'she']);
const IRREGULAR_PLURALS = new Set(['people', 'men', 'women', 'children', 'police', 'staff', 'personnel', 'militia']);

/** Whether a head noun (`headNoun`'s, in lower case) is plural: "medics", "officials", "people"; not "witness", "campus". */
function isPluralNoun(noun: string | null): boolean {
  if (noun === null) return false;
  return IRREGULAR_PLURALS.has(noun) || (noun.endsWith('s') && !noun.endsWith('ss') && !noun.endsWith('us') && !noun.endsWith('is'));
}

/** A one-word source in lower case ("Medics" opening a sentence), or null. */
function soleWord(text: string): string | null {
  return SOLE_WORD.test(text) ? text.toLowerCase() : null;
}
const SOLE_WORD = /^\p{L}+$/u;

/** The last common noun of a source's head (before any comma), without a possessive ending. */
function headNoun(text: string): string | undefined {
  const comma = text.indexOf(',');
  const noun = lastWhere(headOf(words(comma < 0 ? text : text.slice(0, comma))), (w) => LOWER_START.test(w.text) && !DETERMINER_WORDS.has(w.lower));
  return noun && bare(noun.lower);
}

/** How far before its comma `relativeAntecedent` reads: the text before a paragraph that its claims depend on. */
export const ANTECEDENT_REACH = 80;

/**
 * The antecedent of a relative "which" / "who": the phrase just before its comma, not before `floor` (its
 * sentence's start: a dateline is no part of it). `entities` may be those of a larger text in which `text`
 * starts at `offset`.
 */
export function relativeAntecedent(text: string, commaAt: number, entities: readonly Entity[], offset = 0, floor = 0): TextSpan | undefined {
  // Entities are sorted by start: look back from the last one starting before the comma.
  const comma = commaAt + offset;
  const lo = countStartingBefore(entities, comma);
  let entity: Entity | undefined;
  for (let i = lo - 1; i >= 0 && i >= lo - 4; i--) {
    if (entities[i].end <= comma && entities[i].end >= comma - 1) {
      entity = entities[i];
      break;
    }
  }
  if (entity) return { text: entity.text, start: entity.start - offset, end: entity.end - offset };
  // Without an entity: the capitalised name just before the comma ("the UAE"), else the short
  // phrase since the last punctuation ("The group").
  const window = text.slice(Math.max(floor, commaAt - ANTECEDENT_REACH), commaAt);
  const name = NAME_BEFORE.exec(window);
  const cut = Math.max(window.lastIndexOf('.'), window.lastIndexOf(','), window.lastIndexOf(';'), window.lastIndexOf(':'), window.lastIndexOf('('), window.lastIndexOf('”'));
  const phrase = window.slice(cut + 1).trim();
  const chosen = name ? name[0] : phrase.split(/\s+/).length <= 6 ? phrase : phrase.split(/\s+/).slice(-3).join(' ');
  if (!chosen) return undefined;
  return { text: chosen, start: commaAt - chosen.length, end: commaAt };
}

/** `Array.prototype.findLast` for the ES2022 library. */
export function lastWhere<T>(list: readonly T[], predicate: (item: T) => boolean): T | undefined {
  for (let i = list.length - 1; i >= 0; i--) if (predicate(list[i])) return list[i];
  return undefined;
}
