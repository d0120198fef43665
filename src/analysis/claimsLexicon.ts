import lexicon from './data/attribution.json';
import type { Stance } from './types';

// The cue lexicon compiled once: one alternation regex for reporting cues and one for hedges, so
// the claim finder touches only the places where a cue or a quotation mark stands.

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternation = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length).map(escape).join('|');

export const STANCE = new Map<string, Stance>();
for (const [stance, words] of Object.entries(lexicon.cues)) for (const word of words) STANCE.set(word, stance as Stance);

/**
 * Reporting verbs and "according to"; matched case-sensitively in lower case, so a capitalised "Said"
 * (a name) is left alone. ASCII `\b` keeps the regexes on V8's fast path; `isCueAt` checks the
 * neighbours for letters outside ASCII ("saidé") and hyphens.
 */
export const CUE_PATTERN = new RegExp(`\\b(?:[Aa]ccording to|${alternation([...STANCE.keys()])})\\b`, 'g');
export const HEDGE_PATTERN = new RegExp(`\\b(?:${alternation(lexicon.hedges)})\\b`, 'gi');

/** Whether a match at [start, end) stands alone as a word (no letter, digit, apostrophe or hyphen beside it). */
export function isWordAt(text: string, start: number, end: number): boolean {
  return !isWordish(text.charCodeAt(start - 1)) && !isWordish(text.charCodeAt(end));
}

function isWordish(code: number): boolean {
  if (Number.isNaN(code)) return false;
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 39 || code === 45;
  return code === 0x2019 || /[\p{L}\p{N}]/u.test(String.fromCharCode(code));
}

export const OBJECT_CUES = new Set(lexicon.objectCues);
export const ABOUT_CUES = new Set(lexicon.aboutCues);
export const CLAUSE_CUES = new Set(lexicon.clauseCues);
export const TELL_CUES = new Set(['told', 'tells', 'tell', 'telling']);
export const BETWEEN = new Set(lexicon.between);
export const INTRO_WORDS = new Set(lexicon.introWords);
export const ADVERBIAL_STARTS = new Set(lexicon.adverbialStarts);
export const CLAUSE_VERBS = new RegExp(`(?<![\\p{L}])(?:${alternation(lexicon.clauseVerbs)})(?![\\p{L}])`, 'u');
export const DETERMINERS = new Set(lexicon.determiners);
export const SINGLE_WORD_HEDGES = new Set(lexicon.hedges.filter((h) => !h.includes(' ')));
export const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "it's"]);
export const MEDIA_HINT = /\b(?:television|tv|radio|media|broadcaster|agency|newspaper|channel|station|press|reporters|outlet)\b/i;
