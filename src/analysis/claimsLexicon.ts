import { lowerCase } from './chars';
import lexicon from './data/attribution.json';
import type { Stance } from './types';

// The cue lexicon compiled once: one alternation regex for reporting cues and hedges, so the claim
// finder touches only the places where a cue or a quotation mark stands.

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternation = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length).map(escape).join('|');

export const STANCE = new Map<string, Stance>();
for (const [stance, words] of Object.entries(lexicon.cues)) for (const word of words) STANCE.set(word, stance as Stance);

/** The stance of each verb that names its object in a quotation's words (`NAMING_BEFORE_QUOTE`). */
export const NAMING_STANCE = new Map<string, Stance>();
for (const stance of ['asserts', 'denies'] as const) for (const word of lexicon.namingCues[stance]) NAMING_STANCE.set(word, stance);
/**
 * Such a verb, its object (one to six words, not ending in a determiner, not "on …" nor a passive's "by …")
 * and an optional "as", ending where a quotation opens: "called it “", "dismissed the reports as “".
 */
export const NAMING_BEFORE_QUOTE = new RegExp(
  `(?<![\\p{L}'’-])(${alternation([...NAMING_STANCE.keys()])})\\s+(?!(?:on|for|off|up|out|in|by|as)\\s)(?:[\\p{L}\\p{N}'’-]+\\s+){0,5}(?!(?:the|a|an)\\s)[\\p{L}\\p{N}'’-]+\\s+(?:as\\s+)?$`,
  'iu',
);

/** A reporting cue among the words of a hedge ("said" in "is said to"), at its offset in the hedge. */
export interface CueInHedge {
  at: number;
  word: string;
}

/**
 * Hedges, then reporting verbs and "according to", in one case-insensitive alternation: one pass over
 * the text finds both. A cue counts only as listed (`isCue`), so a capitalised "Said" (a name) is left
 * alone; a hedge takes in the cue inside it ("is said to"), which its words give back. ASCII `\b` keeps
 * the regex on V8's fast path; `isWordAt` checks the neighbours for letters outside ASCII ("saidé") and hyphens.
 */
export const CUE_OR_HEDGE = new RegExp(`\\b(?:${alternation(lexicon.hedges)}|according to|${alternation([...STANCE.keys()])})\\b`, 'gi');

/** Whether `word` is a reporting cue as written: a listed verb in lower case, or "according to" / "According to". */
export function isCue(word: string): boolean {
  return STANCE.has(word) || word === 'according to' || word === 'According to';
}

/** The cues among the words of a hedge in lower case. */
function cuesIn(hedge: string): CueInHedge[] {
  const found: CueInHedge[] = [];
  let at = 0;
  for (const word of hedge.split(' ')) {
    if (isCue(word)) found.push({ at, word });
    at += word.length + 1;
  }
  return found;
}

/** Whether a match at [start, end) stands alone as a word (no letter, digit, apostrophe or hyphen beside it). */
export function isWordAt(text: string, start: number, end: number): boolean {
  return !isWordish(text.charCodeAt(start - 1)) && !isWordish(text.charCodeAt(end));
}

function isWordish(code: number): boolean {
  if (Number.isNaN(code)) return false;
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 39 || code === 45;
  return code === 0x2019 || /[\p{L}\p{N}]/u.test(String.fromCharCode(code));
}

/**
 * Words (or phrases) in lower-case ASCII, each with a value, looked up in any case. Each is kept capitalised
 * too ("the", "The"), so a word with no capital past its first letter is looked up as written: no
 * lower-case copy of most words. The initials of the words of each length rule most other words out
 * before the lookup, which would read every character to hash the word.
 */
class LowerCaseLexicon<V> {
  private readonly values = new Map<string, V>();
  /** Per length, a bit for each letter (a to z) that a word of that length starts with. */
  private readonly initials: Uint32Array;

  constructor(entries: readonly (readonly [string, V])[]) {
    this.initials = new Uint32Array(Math.max(0, ...entries.map(([word]) => word.length)) + 1);
    for (const [word, value] of entries) {
      this.values.set(word, value).set(word.charAt(0).toUpperCase() + word.slice(1), value);
      const letter = word.charCodeAt(0) - 97;
      if (letter >= 0 && letter < 26) this.initials[word.length] |= 1 << letter;
    }
  }

  /** The value of `word` in lower case, if it is one of the words. */
  get(word: string): V | undefined {
    // Lower-casing keeps the length of any word that becomes one of these (no character but "İ" lower-cases
    // to more, and it to a mark outside ASCII), and an ASCII first letter becomes its own lower case:
    // one starting with an ASCII letter that starts no word of its length is none of them.
    if (this.ruledOut(word.charCodeAt(0), word.length)) return undefined;
    for (let i = 1; i < word.length; i++) {
      const code = word.charCodeAt(i);
      if ((code >= 65 && code <= 90) || code >= 128) return this.values.get(lowerCase(word));
    }
    return this.values.get(word.charCodeAt(0) < 128 ? word : lowerCase(word));
  }

  /** Whether `word` in lower case is one of the words. */
  has(word: string): boolean {
    return this.get(word) !== undefined;
  }

  /** Whether text[start, end) in lower case is one of the words: most are ruled out before any copy of them is made. */
  hasAt(text: string, start: number, end: number): boolean {
    return start < end && !this.ruledOut(text.charCodeAt(start), end - start) && this.has(text.slice(start, end));
  }

  /** Whether no word of `length` characters starts with `first`, an ASCII letter (see `get`). */
  private ruledOut(first: number, length: number): boolean {
    const letter = (first | 0x20) - 97;
    return letter >= 0 && letter < 26 && (length >= this.initials.length || ((this.initials[length] >>> letter) & 1) === 0);
  }
}

const lowerCaseWords = (words: readonly string[]) => new LowerCaseLexicon(words.map((word) => [word, true] as const));

/**
 * Hedges, in lower case ("reportedly", "is said to"), each with the cues among its words: a word of a
 * hedge in the text is a cue when it is written as listed (`isCue`), which is this word in lower case.
 */
export const HEDGES = new LowerCaseLexicon(lexicon.hedges.map((h) => h.toLowerCase()).map((h) => [h, cuesIn(h)] as const));

export const OBJECT_CUES = new Set(lexicon.objectCues);
export const ABOUT_CUES = new Set(lexicon.aboutCues);
export const CLAUSE_CUES = new Set(lexicon.clauseCues);
export const TELL_CUES = new Set(['told', 'tells', 'tell', 'telling']);
export const BETWEEN = lowerCaseWords(lexicon.between);
export const INTRO_WORDS = lowerCaseWords(lexicon.introWords);
export const ADVERBIAL_STARTS = new Set(lexicon.adverbialStarts);
/** A word opening a subordinate clause, with the blanks around it; the word is group 1. */
export const SUBORDINATE = new RegExp(`\\s(${alternation(lexicon.subordinators)})\\s+`, 'g');
/** Past tenses not in "-ed" ("fled", "took"): where a subject ends (see `subjectEnd` in claims.ts). */
export const PAST_VERBS = new Set(lexicon.pastVerbs);
/** The same verbs as words, that end a subject before them: "The ministry| does not", "The army| has". */
export const AUXILIARY_VERBS: ReadonlySet<string> = new Set(lexicon.clauseVerbs);
export const CLAUSE_VERBS = new RegExp(`(?<![\\p{L}])(?:${alternation(lexicon.clauseVerbs)})(?![\\p{L}])`, 'u');
export const DETERMINERS = lowerCaseWords(lexicon.determiners);
/** "show" is a cue only after one of these: "court documents show", "satellite images showed". */
export const SHOWING_NOUNS = lowerCaseWords(lexicon.showingNouns.nouns);
export const SHOW_CUES = new Set(['show', 'shows', 'showed']);
export const SINGLE_WORD_HEDGES = new Set(lexicon.hedges.filter((h) => !h.includes(' ')));
export const BE = lowerCaseWords(['is', 'are', 'was', 'were', 'be', 'been', 'being', "it's"]);
/** Prepositions after which a cue is an adjective: "into disputed Kashmir", "in reported clashes" ("to", "as" and "by" may come before a verb). */
export const MODIFIER_PREPOSITIONS = lowerCaseWords(['in', 'into', 'over', 'of', 'across', 'at', 'from', 'within', 'on', 'under']);
export const MEDIA_HINT = /\b(?:television|tv|radio|media|broadcaster|agency|newspaper|channel|station|press|reporters|outlet)\b/i;
