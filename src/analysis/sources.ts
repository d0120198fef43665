import lexicon from './data/attribution.json';
import type { ClaimSource, Entity, SourceKind, TextSpan } from './types';

// Who a claim rests on: the kind of a source phrase (person, role, organisation, media, anonymous),
// read from its head and its appositives, and what a pronoun or a short back-reference stands for.

const ROLE_NOUNS = new Set(lexicon.roleNouns);
const ORGANISATION_NOUNS = new Set(lexicon.organisationNouns);
const MEDIA_WORDS = new Set(lexicon.mediaWords);
const TITLES = new Set(lexicon.titles);
const PARTICLES = new Set(lexicon.nameParticles);
const PRONOUNS: Record<string, string> = lexicon.pronouns;
/** Phrases that make a source anonymous wherever they stand ("who asked not to be named"). */
const ANONYMITY_PHRASES = lexicon.anonymityPhrases;
/** Nouns that make a source anonymous when they head it ("residents", "a source close to ..."). */
const ANONYMOUS_HEADS = new Set(lexicon.anonymousHeads);
const DETERMINER_WORDS = new Set(lexicon.determiners);

/** Words after which the head of a source phrase is over ("a commander in ...", "forces loyal to ..."). */
const HEAD_ENDS = new Set([
  'in', 'of', 'for', 'with', 'at', 'from', 'on', 'near', 'who', 'which', 'that', 'whose', 'reached', 'close',
  'loyal', 'commanded', 'known', 'led', 'based', 'backed', 'speaking', 'familiar', 'to', 'by', 'inside', 'within', 'and',
]);

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]/u;

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

/** Words: a letter or digit, then letters, digits, apostrophes, dots and hyphens — one pass over the characters. */
function words(text: string): Word[] {
  const found: Word[] = [];
  const n = text.length;
  for (let i = 0; i < n; ) {
    const first = letterOrDigitAt(text, i);
    if (!first) {
      i++;
      continue;
    }
    const start = i;
    i += first;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 39 || c === 0x2019 || c === 46 || c === 45) i++;
      else {
        const size = i < n ? letterOrDigitAt(text, i) : 0;
        if (!size) break;
        i += size;
      }
    }
    // A full stop ends the word unless it is an initial or an abbreviation ("U.S.", "Gen.").
    let token = text.slice(start, i);
    if (token.endsWith('.') && !/^(?:\p{L}\.)+$/u.test(token) && !TITLES.has(token.slice(0, -1).toLowerCase())) token = token.slice(0, -1);
    const lower = token.toLowerCase();
    found.push({ text: token, lower: lower.indexOf('’') < 0 ? lower : lower.replace(/’/g, "'"), start, end: start + token.length });
  }
  return found;
}

const isCapitalised = (word: string) => /^\p{Lu}/u.test(word);
/** Capitalised, or a capital after a name particle ("al-Sham"). */
const isProper = (word: string) => /^\p{Lu}|^\p{Ll}{1,4}-\p{Lu}/u.test(word);
const isAcronym = (word: string) => /^[\p{Lu}\d.-]{2,}$/u.test(word);
const possessive = (word: string) => /['’]s?$/.test(word);

/** The lower-case form with the possessive ending dropped. */
const bare = (lower: string) => lower.replace(/['’]s$|['’]$/, '');

/** Whether `text` is a pronoun source ("he", "It", "which"). */
export function pronounOf(text: string): string | undefined {
  const lower = text.toLowerCase();
  return Object.prototype.hasOwnProperty.call(PRONOUNS, lower) ? PRONOUNS[lower] : undefined;
}

/**
 * A personal name inside `words`: two or more capitalised words (particles such as "al-" or "ag"
 * allowed), or a title and one capitalised word — not an acronym, not a possessive modifier
 * ("Bani Walid's mayor"), not an organisation ("Human Rights Watch"), not a known place or party.
 */
function isName(run: Word[], covered: (w: Word) => boolean): boolean {
  if (run.length === 0) return false;
  if (run.some((w) => covered(w) || ORGANISATION_NOUNS.has(bare(w.lower)) || MEDIA_WORDS.has(bare(w.lower)) || isAcronym(w.text.replace(/\.$/, '')))) {
    return false;
  }
  const last = run[run.length - 1];
  if (possessive(last.text)) return false;
  const titled = TITLES.has(run[0].lower.replace(/\.$/, ''));
  const named = run.filter((w) => isProper(w.text) && !TITLES.has(w.lower.replace(/\.$/, '')));
  return named.length >= 2 || (titled && named.length >= 1);
}

/** Maximal runs of name-like words (capitalised words, titles, particles between capitalised words). */
function nameRuns(list: Word[]): Word[][] {
  const runs: Word[][] = [];
  let run: Word[] = [];
  for (const word of list) {
    const particle = run.length > 0 && (PARTICLES.has(word.lower) || /^(?:al|el|ag|ad|ar|as|ash|bin|abu)-/.test(word.lower));
    if ((isCapitalised(word.text) && (run.length > 0 || !DETERMINER_WORDS.has(word.lower))) || particle) run.push(word);
    else {
      if (run.length) runs.push(run);
      run = [];
    }
  }
  if (run.length) runs.push(run);
  return runs;
}

/** The words of the head phrase: up to the first preposition or relative word. */
function headOf(list: Word[]): Word[] {
  const head: Word[] = [];
  for (const word of list) {
    if (head.length > 0 && HEAD_ENDS.has(word.lower)) break;
    head.push(word);
  }
  return head;
}

/**
 * The kind of source `text` (starting at `offset` in the document) names. Anonymity markers win
 * ("a doctor ..., who spoke on condition of anonymity"), then a named individual at the head or in
 * apposition, then media, then the head noun: a role, or else an organisation (parties and states
 * speaking are organisations).
 */
export function classifySource(text: string, offset = 0, entities: readonly Entity[] = []): SourceKind {
  const lower = ` ${text.toLowerCase().replace(/’/g, "'")} `;
  const segments = text.split(/,\s*|\s+\(|\)\s*/).filter((s) => s.trim());
  const headSegment = words(segments[0] ?? text);
  const head = headOf(headSegment);
  const headLower = head.map((w) => bare(w.lower));

  if (ANONYMITY_PHRASES.some((phrase) => hasPhrase(lower, phrase)) || head.some((w) => !possessive(w.text) && ANONYMOUS_HEADS.has(w.lower))) return 'anonymous';

  // Known places and parties are not names (a village may share its name with a person: only larger places count).
  const index = namingIndex(entities);
  const covered = (w: Word) => index.covers(offset + w.start, offset + w.end);
  if (personNamed(text, segments, covered)) return 'person';

  const mediaHead = headLower.some((w) => MEDIA_WORDS.has(w)) || MEDIA_WORDS.has(headLower.slice(-2).join(' '));
  if (mediaHead) return 'media';

  for (let i = head.length - 1; i >= 0; i--) {
    const word = headLower[i];
    const pair = i > 0 ? `${headLower[i - 1]} ${word}` : '';
    if (ROLE_NOUNS.has(pair) || ROLE_NOUNS.has(word)) return 'role';
    if (ORGANISATION_NOUNS.has(pair) || ORGANISATION_NOUNS.has(word)) return 'organisation';
  }
  // An unknown common noun describes someone ("the harbour master"); a proper name is a body or a state speaking.
  const last = head.at(-1);
  return last && !isProper(last.text) && !DETERMINER_WORDS.has(last.lower) ? 'role' : 'organisation';
}

interface NamingIndex {
  /** Whether a known party or larger place overlaps [start, end) and is longer than it. */
  covers(start: number, end: number): boolean;
}

/** Per entity list (a document's, shared by all its claims): the parties and larger places by start. */
const namingIndexes = new WeakMap<readonly Entity[], NamingIndex>();

/** Built once per entity list, so that a word's check is a binary search, not a scan of every entity. */
function namingIndex(entities: readonly Entity[]): NamingIndex {
  let index = namingIndexes.get(entities);
  if (index) return index;
  const naming = entities.filter((e) => e.type === 'faction' || (e.type === 'place' && e.kind !== 'locality')).sort((a, b) => a.start - b.start);
  const longest = naming.reduce((max, e) => Math.max(max, e.end - e.start), 0);
  index = {
    covers(start, end) {
      // The last entity starting before `end`, then back while one could still reach `start`.
      let lo = 0;
      let hi = naming.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (naming[mid].start < end) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo - 1; i >= 0 && naming[i].start > start - longest; i--) {
        const e = naming[i];
        if (e.end > start && e.end - e.start > end - start) return true;
      }
      return false;
    },
  };
  namingIndexes.set(entities, index);
  return index;
}

function hasPhrase(paddedLower: string, phrase: string): boolean {
  const at = paddedLower.indexOf(phrase);
  if (at < 0) return false;
  return !/[\p{L}]/u.test(paddedLower[at - 1]) && !/[\p{L}]/u.test(paddedLower[at + phrase.length] ?? ' ');
}

/** A named individual at the head ("Amira Salih, a volunteer ..."), at the end of the head segment ("LNA spokesperson Ahmed Mismari"), or in apposition to a role ("Cauca's governor, Marcela Ortiz"). */
function personNamed(text: string, segments: string[], covered: (w: Word) => boolean): boolean {
  let cursor = 0;
  const located = segments.map((segment) => {
    const at = text.indexOf(segment, cursor);
    cursor = at + segment.length;
    return { segment, at };
  });
  const shifted = (list: Word[], at: number) => list.map((w) => ({ ...w, start: w.start + at, end: w.end + at }));

  const first = located[0];
  if (!first) return false;
  const firstWords = shifted(words(first.segment), first.at);
  const head = headOf(firstWords);
  const runs = nameRuns(head);
  // A name opening the phrase, or closing its head segment ("the spokesperson for their forces Mustafa al-Muije").
  if (runs.length && runs[0][0] === head[0] && isName(runs[0], covered)) return true;
  // "Amira Salih, a volunteer with ...": a name described by a role after it, whatever a gazetteer says.
  const described = located[1] && /^(?:a|an|the)\s/i.test(located[1].segment) && headOf(words(located[1].segment)).some((w) => ROLE_NOUNS.has(bare(w.lower)));
  if (described && runs.length && runs[0].length === head.length && isName(runs[0], () => false)) return true;
  const lastRun = nameRuns(firstWords).at(-1);
  if (lastRun && lastRun.at(-1) === firstWords.at(-1) && isName(lastRun, covered)) {
    const before = firstWords[firstWords.indexOf(lastRun[0]) - 1];
    // "an official in Addis Ababa": a name after a preposition is a place.
    if (!before || !HEAD_ENDS.has(before.lower)) return true;
  }
  // "Cauca's governor, Marcela Ortiz": a segment that is a name and nothing else, after a role or title.
  const roleHead = head.some((w) => ROLE_NOUNS.has(bare(w.lower)) || TITLES.has(bare(w.lower)));
  for (const { segment, at } of located.slice(1, 3)) {
    const list = shifted(words(segment), at);
    const run = nameRuns(list)[0];
    if (roleHead && run && run.length === list.length && isName(run, covered)) return true;
  }
  return false;
}

/** Kinds that stand for people, whom "he" and "she" can refer to. */
const HUMAN: ReadonlySet<SourceKind> = new Set(['person', 'role', 'anonymous']);

/**
 * Resolves pronoun and back-reference sources ("he", "It", "the group", "the diplomat") to the
 * latest earlier source that fits; the source keeps its span and takes the antecedent's kind.
 * Sources must be given in document order. One pass: the latest person, organisation and source,
 * and the latest source for each head noun, are kept as it goes.
 */
export function resolveAntecedents(sources: readonly ClaimSource[]): void {
  let human: ClaimSource | undefined;
  let organisation: ClaimSource | undefined;
  let any: ClaimSource | undefined;
  const byHeadNoun = new Map<string, ClaimSource>();
  for (const source of sources) {
    const pronoun = pronounOf(source.text);
    // "the group", "the aid worker": a short definite phrase, keyed by its last word.
    const definite = pronoun ? undefined : /^(?:the|this|that)\s+(?:[\p{L}-]+\s+){0,2}([\p{L}-]+)$/iu.exec(source.text.trim());
    // A relative "which" comes with its antecedent already.
    const antecedent = source.antecedent
      ? undefined
      : pronoun === 'human' ? human : pronoun === 'organisation' ? organisation : pronoun ? any : definite ? byHeadNoun.get(definite[1].toLowerCase()) : undefined;
    if (antecedent && antecedent !== source) {
      source.antecedent = { text: antecedent.text, start: antecedent.start, end: antecedent.end };
      source.kind = antecedent.kind;
    }
    if (pronoun) continue;
    // A resolved back-reference ("the group") makes its antecedent the latest mention again.
    const latest = definite && antecedent && antecedent !== source ? antecedent : source;
    any = latest;
    if (HUMAN.has(latest.kind)) human = latest;
    if (latest.kind === 'organisation' || latest.kind === 'media') organisation = latest;
    // Keyed by the head noun: the last common noun of the head ("army spokesman Jean Mbala" -> "spokesman").
    const noun = lastWhere(headOf(words(latest.text.split(',')[0])), (w) => /^\p{Ll}/u.test(w.text) && !DETERMINER_WORDS.has(w.lower));
    if (noun) byHeadNoun.set(bare(noun.lower), latest);
  }
}

/** The antecedent of a relative "which" / "who": the phrase just before its comma. */
export function relativeAntecedent(text: string, commaAt: number, entities: readonly Entity[]): TextSpan | undefined {
  // Entities are sorted by start: look back from the last one starting before the comma.
  let lo = 0;
  let hi = entities.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (entities[mid].start < commaAt) lo = mid + 1;
    else hi = mid;
  }
  let entity: Entity | undefined;
  for (let i = lo - 1; i >= 0 && i >= lo - 4; i--) {
    if (entities[i].end <= commaAt && entities[i].end >= commaAt - 1) {
      entity = entities[i];
      break;
    }
  }
  if (entity) return { text: entity.text, start: entity.start, end: entity.end };
  // Without an entity: the capitalised name just before the comma ("the UAE"), else the short
  // phrase since the last punctuation ("The group").
  const window = text.slice(Math.max(0, commaAt - 80), commaAt);
  const name = /(?:(?:the|The)\s+)?\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,5}$/u.exec(window);
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
