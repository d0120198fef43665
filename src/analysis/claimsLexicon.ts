import lexicon from './data/attribution.json';
import type { Stance } from './types';

// The cue lexicon compiled once: one alternation regex for reporting cues and one for hedges, so
// the claim finder touches only the places where a cue or a quotation mark stands.

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternation = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length).map(escape).join('|');

export const STANCE = new Map<string, Stance>();
for (const [stance, words] of Object.entries(lexicon.cues)) for (const word of words) STANCE.set(word, stance as Stance);

/** Reporting verbs and "according to"; matched case-sensitively in lower case, so a capitalised "Said" (a name) is left alone. */
export const CUE_PATTERN = new RegExp(`(?<![\\p{L}\\p{N}'’-])(?:[Aa]ccording to|${alternation([...STANCE.keys()])})(?![\\p{L}\\p{N}'’-])`, 'gu');
export const HEDGE_PATTERN = new RegExp(`(?<![\\p{L}\\p{N}'’-])(?:${alternation(lexicon.hedges)})(?![\\p{L}\\p{N}'’-])`, 'giu');

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
