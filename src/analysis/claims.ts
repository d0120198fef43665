import {
  ABOUT_CUES, ADVERBIAL_STARTS, AUXILIARY_VERBS, BE, BETWEEN, CLAUSE_CUES, CLAUSE_VERBS, CUE_OR_HEDGE, DETERMINERS, HEDGES,
  INTRO_WORDS, isCue, isWordAt, MEDIA_HINT, MODIFIER_PREPOSITIONS, NAMING_BEFORE_QUOTE, NAMING_STANCE, OBJECT_CUES, PAST_VERBS,
  SHOW_CUES, SHOWING_NOUNS, SINGLE_WORD_HEDGES, STANCE, SUBORDINATE, TELL_CUES,
} from './claimsLexicon';
import { findQuotes, quoteAt, type Quote } from './claimsQuotes';
import { isLetterOrDigitAt, isRegexSpace, isRegexWordChar, lowerCase, spacesAfter, spacesBefore } from './chars';
import { isCapitalised } from './datesText';
import { WEEKDAYS } from './datesWords';
import { paragraphDatelineEnd } from './document';
import { movedSource, movedText } from './moved';
import { countStartingBefore, sortedInPlace } from './sortedSpans';
import { classifyPhrase, isHumanKind, isPersonPronoun, lastWhere, relativeAntecedent, resolveAntecedents, sourceKind } from './sources';
import type { Claim, ClaimSource, DocumentModel, Entity, Paragraph, Span, Stance, TextSpan } from './types';

// Reported statements with their attribution, over the whole document. One regex pass finds the
// reporting cues and hedges, one character pass finds the quotations; the costlier reading (where
// the source begins, where the reported content ends) runs only around those, within one sentence
// and bounded windows, so the time stays linear on any input.

/** How far back a source phrase may reach, and how far an adverbial may sit between cue and "that". */
const MAX_SOURCE = 320;
const MAX_ADVERBIAL = 120;
/** How far before a quotation a verb naming its object may stand ("described the attack on the camp as “"). */
const MAX_NAMING = 80;
const MAX_OBJECT = 400;
const MAX_PER_SENTENCE = 48;
/** How far past a cue the finder reads (", said The", "said by"): the text after a paragraph that its claims depend on. */
export const LOOK_AHEAD = 6;

// Patterns of the hot paths, named once.
const LOWER_AFTER_SPACE = /^\s+\p{Ll}/u;
const SPEAKER_AFTER_CUE = /^\s+(?:\p{Lu}|(?:the|a|an|an|his|her|its|their)\s)/u;
const LOWER_START = /^\p{Ll}/u;
const ASIDE = /,\s*(?:however|meanwhile|though|too|also|instead|nonetheless|in turn|for (?:its|his|her|their) part),\s*$/i;
/** Clause boundaries for sources: after a comma and a conjunction, ";", ":" or a closing quotation mark; or after a conjunction alone. */
const MARKED_BOUNDARY = /,\s+(?:and|but|while|though|although|whereas|as|yet|or)\s+|[;:]\s+|[”"»]\s+/g;
const CONJUNCTION_BOUNDARY = /\s(?:though|although|whereas|but)\s+/g;
/**
 * Contrast boundaries (see `contrasts`), the writer's aside on a claim (", a charge Kigali denies", ", a figure
 * that could not be verified"), and what the speaker withheld ("said … but gave no toll", "but did not say when").
 */
const CONTRAST = /,\s+(?:but|while|though|although|whereas|yet)\s+|;\s+|,\s+an?\s+(?:claim|charge|accusation|allegation|assertion|figure|account|version)\s|,\s+without\s+(?:providing|offering|giving|citing|presenting)\s|\s+but\s+(?:gave|provided|offered|declined|refused|(?:did|would|could)\s+not\s+(?:say|give|provide|comment|elaborate|specify))\b/g;
/** "that" and a single word closing its clause: a determiner and its noun ("denied that account."). */
const THAT_NOUN = /^that\s+[\p{L}'’-]+\s*(?:[.,;:!?]|$)/u;
/** "that" opening a reported clause (always five characters), and what ends the stretch before it ("said on Monday that"). */
const THAT = /\bthat\s/;
/** A gap before "that" that only says when: "said two days ago that". */
const TIME_AGO = /^(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|a few|several)\s+(?:minutes?|hours?|days?|weeks?|months?|years?)\s+(?:ago|earlier|later|before)$/i;
const THAT_LENGTH = 5;
/** Around a quotation: what ends one before its speaker (“…,” she said), the gap between them, and a mark no gap holds. */
const QUOTE_END = /[,?!—–-]/;
const COMMA_FIRST = /^\s*,/;
const NO_WORDS = /^[\s,]*$/;
const MARK_IN_GAP = /[“”"«»:;]/;
/**
 * "“disastrous”, and the envoy said …", "what it calls “extremist” forces but denies …": a clause of its own
 * after the quotation, not its speaker ("and" only first: "the minister and his deputy said").
 */
const CLAUSE_IN_GAP = /^[\s,]*(?:and|but|while|whereas|although|though|yet|so|or)\s|\s(?:but|while|whereas|although|though|yet)\s/;
const THAT_WORD = /\bthat\b/;
/**
 * A clause's subject, read ahead: a pronoun with any word after it ("they saw"), a name of up to three
 * capitalised words before an auxiliary ("Washington had"), or a determiner or a count with a verb (an
 * auxiliary or a past form) within four words ("the town had", "three people were"). Bounded.
 */
const SUBJECT_AHEAD = String.raw`(?=(?:it|he|she|they|we|I)\s+\p{L}|\p{Lu}[\p{L}’'.-]*(?:\s+\p{Lu}[\p{L}’'.-]*){0,2}\s+(?:had|has|have|was|were|is|are|would|will|could|can|did|does|should|must|might|may)\b|(?:the|a|an|its|his|her|their|some|many|several|dozens|hundreds|thousands|two|three|four|five|six|seven|eight|nine|ten|\d[\d,.]*)\s+(?:[\p{L}\p{N}’'-]+\s+){0,3}?(?:had|has|have|was|were|is|are|would|will|could|can|did|does|do|should|must|might|may|\p{Ll}+ed)\b)`;

/** A clause's start: a name, or a subject read ahead (see `SUBJECT_AHEAD`). */
const CLAUSE_START = new RegExp(`^(?:\\p{Lu}|${SUBJECT_AHEAD})`, 'u');
/** Cues whose "that" may be a pronoun ("found that hard"): a clause must follow it. */
const FINDS = new Set(['found', 'finds']);
/** A subject of one to three words and an auxiliary: "detainees were held", "many civilians had died". */
const SUBJECT_THEN_AUXILIARY = /^(?:[\p{L}'’-]+\s+){1,3}(?:was|were|is|are|had|has|have|would|could|will|did|may|might|must|should|can)\s/u;

/** Whether `text` opens with a clause: a subject ("the police had fired", "They"), or words and an auxiliary. */
function isClauseAhead(text: string): boolean {
  return CLAUSE_START.test(text) || SUBJECT_THEN_AUXILIARY.test(text);
}

/**
 * A clause without "that" after a cue's adverbial ("said on Monday it had", "said Tuesday the town had
 * fallen", "said in a statement the convoy had"): the adverbial, then a subject. Where the clause starts
 * is where the match ends. Sticky.
 */
const CLAUSE_AFTER_ADVERBIAL = new RegExp(
  String.raw`(?:(?:late|early|earlier|later)\s+)?(?:(?:on|in|at|during|over|via|through|from|with|by|after|before)\s+(?:[\p{L}\p{N}’'-]+\s+){1,6}?|(?:${[...WEEKDAYS.keys()].map((day) => day[0].toUpperCase() + day.slice(1)).join('|')}|yesterday|today|overnight)(?:\s+(?:morning|afternoon|evening|night))?\s+|(?:last|this|earlier this)\s+(?:week|weekend|month|year)\s+)${SUBJECT_AHEAD}`,
  'uy',
);
/**
 * Where `pattern` (sticky) ends when it matches at `from`, reading no further than the sentence's `end`
 * (a claim depends on its sentence alone, as the claims remembered by paragraph assume); -1 when not.
 */
function clauseAfter(pattern: RegExp, text: string, from: number, end: number): number {
  pattern.lastIndex = 0;
  return pattern.test(text.slice(from, end)) && from + pattern.lastIndex < end ? from + pattern.lastIndex : -1;
}

/** ", which " or ", who " before a source and its cue, the pronoun being the object of the report: sticky-free, global. */
const RELATIVE_OBJECT = /,\s+(?:which|whom|who|that)\s+(?=[\p{L}\p{N}])/gu;
/** " that ", " which " with no comma before: a relative clause that may hold the source ("an insurgency that the military says"). */
const THAT_RELATIVE = /\s(?:that|which)\s+(?=[\p{L}\p{N}])/gu;
/** The last word of a text. */
const LAST_WORD = /[\p{L}'’-]+(?=\s*$)/u;

/** A source that follows ", which": the report is that relative clause. */
const RELATIVE_BEFORE = /,\s+(?:which|whom|who|that)\s+$/;
/** A noun phrase and the relative clause after it: "A member of the militia, who requested anonymity". */
const NOUN_AND_RELATIVE = /^([^,]+),\s+(?:who|whom|whose|which)\s[^,]+$/;
/** A phrase, then a name set off by a comma: "The army's spokesman, Ahmed Ali". */
const NOUN_AND_NAME = /^[^,]+,\s+\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*$/u;
/** ", which", ", who": a relative clause set off by commas. */
const RELATIVE_OPENING = /,\s+(?:which|who|whom|whose)\s/g;
/** A relative pronoun opening what follows a conjunction. */
const RELATIVE_NEXT = /^(?:which|who|whom|whose)\s/;

/** The last match of a global `pattern` in `text`. */
function lastMatch(pattern: RegExp, text: string): RegExpExecArray | undefined {
  let last: RegExpExecArray | undefined;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) last = m;
  return last;
}

/** Words that are prepositions too: "fleeing after the attack" describes a source. */
const PREPOSITIONS = new Set(['after', 'before', 'since', 'until', 'as']);
const RELATIVE = /\b(?:who|whom|whose|which|that)\b/;
const PARTICIPLE = /(?:ing|ed)$/;
/** The preposition of a date that opens a sentence ("On Monday", "In March"), with its blanks. */
const OPENING_PREPOSITION = /^(?:(?:earlier|later|early|late)\s+)?(?:on|in|at|during|since)\s+|^(?:early|late)\s+/i;
/** The preposition of a date before a cue ("on Monday", "late on Sunday"), with its blanks. */
const WHEN_PREPOSITION = /(?:(?:late|early)\s+)?(?:on|in|during|since|at)\s+$|(?:late|early)\s+$/;
/** "Groups such as Amnesty", "the group known as the RSF": one noun phrase. */
const NAMING_AS = /\b(?:such|known)$/;

/**
 * Where the source starts in `region` (the sentence up to a cue) when a subordinate clause holds it
 * ("The attack came hours after the group said ..."): after the last subordinating word with no comma
 * after it. Not when the words before describe the source: a relative clause ("Residents who fled
 * when ..."), a participle before a preposition ("Civilians displaced since ..."), "such as". 0 when none.
 */
function subordinateStart(region: string): number {
  // "The strike, which the army said ...": the relative pronoun is what was said, its clause's subject the source.
  const relative = lastMatch(RELATIVE_OBJECT, region);
  if (relative && !region.includes(',', relative.index + relative[0].length)) return relative.index + relative[0].length;
  // "an insurgency that the military says has killed …": no comma before "that", and no verb after it
  // ("The report that the army released said": the relative clause ends in its own) nor a comma ("the
  // alliance that runs Idlib, said": an apposition's).
  const that = region.includes('hat ') || region.includes('hich ') ? lastMatch(THAT_RELATIVE, region) : undefined;
  if (that) {
    const at = that.index + that[0].length;
    const last = LAST_WORD.exec(region)?.[0] ?? '';
    if (!region.includes(',', at) && subjectEnd(region, at, region.length) === region.length && !last.endsWith('ed') && !PAST_VERBS.has(last)) return at;
  }
  const last = lastMatch(SUBORDINATE, region);
  if (!last) return 0;
  const at = last.index + last[0].length;
  const before = region.slice(0, last.index);
  if (region.includes(',', at) || RELATIVE.test(before)) return 0;
  if (PREPOSITIONS.has(last[1]) && PARTICIPLE.test(before)) return 0;
  if (last[1] === 'as' && NAMING_AS.test(before)) return 0;
  return at;
}

/** "quoted as ", "cited as " just before a cue, and their length: the passive of a report. */
function quotedAsBefore(text: string, at: number): number {
  if (text.startsWith(QUOTED_AS, at - QUOTED_AS.length)) return QUOTED_AS.length;
  return text.startsWith(CITED_AS, at - CITED_AS.length) ? CITED_AS.length : 0;
}
const QUOTED_AS = 'quoted as ';
const CITED_AS = 'cited as ';
/** The auxiliary before "quoted as" ("was", "has been"), with the blank after it. */
const QUOTED_AS_BEFORE = /\b(?:was|were|is|are|has been|have been)\s$/;

/** Whom something was told, one to four words, then a clause without "that": "told Reuters they saw", "told parliament the budget would be cut". Sticky. */
const TOLD_CLAUSE = new RegExp(String.raw`(?:[\p{L}\p{N}’'.-]+\s+){1,4}?${SUBJECT_AHEAD}`, 'uy');

/** "quoted a military source as " before "saying": who was quoted, up to ten words (an apposition's commas too). */
const QUOTED_X_AS = /\b(?:quoted|cited)\s+((?:[^\s.;:“”"]+\s+){0,9}?[^\s.;:“”",]+),?\s+as\s+$/;
const QUOTED_LENGTH = 'cited'.length; // the shorter verb: where the one quoted may start

/** A verb right after an adverbial's first word makes it the clause's subject: "said Tuesday was the deadline". */
const VERB_NEXT = /^\s+(?:was|is|will|would|had|has|could|might|may)\b/;
/** After "both": up to three words, then a plural's verb ("both sides were", "both armies had"). */
const BOTH_SUBJECT = /^(?:\s+[\p{L}’'-]+){1,3}\s+(?:were|are|had|have|would|will|could|should|must|might|did|do)\b/u;

/** "at least", "at most": a count opening the clause, not an adverbial. */
const COUNT_START = /^\s*at\s+(?:least|most)\b/i;
/** Cues in their base form that are nouns as often: "A United Nations report released … said". */
const NOUN_CUES = new Set(['report', 'claim', 'estimate', 'note']);
/** Words in a source set off at a sentence's end (", police and witnesses said") or after its cue, and a mark no source holds. */
const MAX_FINAL_SOURCE_WORDS = 6;
const WORD_GAP = /[“”"«»:;()]/;
/** The writer's aside on a claim, no source of the sentence: ", a charge its leaders deny." (see `CONTRAST`). */
const WRITER_ASIDE = /^\s*an?\s+(?:claim|charge|accusation|allegation|assertion|figure|account|version)\s/;
/** What follows a cue's noun as its verb or participle: "a confidential report |seen by|", "the annual report |said|". */
const NOUN_CUE_NEXT = /^\s+(?:seen|released|published|obtained|compiled|issued|prepared|commissioned|leaked|reviewed|said|says|found|finds|showed|shows|stated|concluded|noted|warned)\b/;
/** A capitalised or possessive word, an acronym or a year: "United", "UN", "army's", "2023". */
const NAME_OR_POSSESSIVE = /^(?:\p{Lu}[\p{L}.’'-]*|[\p{L}-]+['’]s?|\d{4})$/u;

/**
 * Whether the words ending at `end` are a determiner and names ("A United Nations", "the army's"):
 * the cue after them is a noun, the head of their phrase (a verb would take an "s" after them).
 */
function isNamedNoun(text: string, end: number, limit: number): boolean {
  for (let n = 0; n < 5; n++) {
    const wordStart = wordCharsBefore(text, end, limit);
    if (wordStart === end) return false;
    if (DETERMINERS.hasAt(text, wordStart, end)) return true;
    if (!NAME_OR_POSSESSIVE.test(text.slice(wordStart, end))) return false;
    end = blanksBefore(text, wordStart, limit);
  }
  return false;
}

/** A name set off by commas, then no age, article or relative pronoun: ", Gegham Stepanyan, thousands". */
const ROLE_THEN_NAME = /^,\s*\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3},(?!\s*(?:\d|an?\s|the\s|who\s|whose\s))/u;
/** One holder of a role: a determiner or a possessive before it, a singular noun at its end ("the region's ombudsman"). */
const ROLE_SINGULAR = /^\s*(?:the|a|an|its|his|her|their|[\p{L}-]+['’]s)\s.*[^s\s]\s*$/iu;

/** The passive accusations read with their agent, and the word their object follows. */
const ACCUSATION_OBJECT = new Map<string, 'of' | 'for'>([['accused', 'of'], ['blamed', 'for']]);
/** The agent after "by", to the word before the accusation's object. */
const AGENT_BEFORE = { of: /^([^,;:]+?)\s+of\s+/, for: /^([^,;:]+?)\s+for\s+/ };
/** ", citing unnamed officials, that ": an aside set off by commas (its first word, lower case, is group 1) before "that". */
const ASIDE_THEN_THAT = /^\s*,\s+(\p{Ll}+)\b[^,;:“”"«»()]{0,80},\s+that\s+/u;
const QUESTION_WORDS = new Set(['what', 'how', 'who', 'whom', 'why', 'when', 'where', 'which']);
/** A cue's negation just before it: "did not", "didn't", "never", "declined to". */
const NEGATED = /(?:\bnot|n[’']t|\bnever|\b(?:declined|refused|declines|refuses|unable)\s+to)\s+$/i;
/** Words after a clause cue that make it no report ("claimed responsibility", "said goodbye"). */
const NOT_REPORTING = /^(?:to|for|by|with|into|out|up|off|goodbye|so|nothing|no|responsibility|credit|lives|victims|control|ownership)$/;
const WORD_RUN = /^[\p{L}\p{N}'’-]+/u;
/** A sentence opening "As X" before a cue ("As the minister noted, ..."): X is group 1. */
const AS_OPENING = /^\s*As\s+([^,;:“”"]{1,80}?)\s*$/;
/** Capitalised words opening a sentence, up to its first lower-case word or comma: a subject that may name a person (not after "The", "In" ...). */
const NAME_SUBJECT = /^(?!(?:The|A|An|This|That|These|Those|In|On|At|After|But|And|It|He|She|They|We|Its|His|Her|Their)\s)(?:\p{Lu}[\p{L}'’.-]*\s+){1,5}?\p{Lu}[\p{L}'’-]*(?=,|\s+\p{Ll})/u;
/** Capitalised words, and a nickname in quotation marks, before a surname: "Jimmy “Barbecue” ". */
const NAME_BEFORE = /(?:\p{Lu}[\p{L}'’.-]*\s+(?:[“"][^“”"]{1,20}[”"]\s+)?){1,4}$/u;
/** How far before a lone name its full name is looked for: a long article's, not a whole dump's (each edit looks again). */
const FULL_NAME_REACH = 4000;
/** A capitalised word of letters, hyphens and no apostrophe: a lone name as `fullNameBefore` looks for it. */
const LONE_WORD = /^\p{Lu}[\p{L}-]*$/u;
/** How many sentences back a "he" or "she" looks for a person opening one (see `personSubjects`). */
const MAX_SUBJECT_REACH = 3;
/** What "put" reports: a figure ("put the death toll at 40", "put the number of prisoners at 1,900"). */
const PUT_FIGURE = /^\s+(?:the|its|their)\s+(?:(?:death|casualty|civilian)\s+)?(?:toll|number|figure|tally|total|count|cost|losses)\b[^.;:]{0,60}?\sat\s/;
/** ", as " ending just before a clause's start. */
const AS_BEFORE = /,\s+as\s+$/;
/** "put it" closing a clause: "as one diplomat put it". */
const PUT_IT = /^\s+it\s*(?:[,.;:]|$)/;
/** Words of a source that distance what it says. */
const UNCONFIRMED = /\b(?:unconfirmed|unverified)\b/i;
/** Between a quotation's speaker and the rest of the quotation (“…,” he said, “…”): a comma. */
const SPLIT_QUOTE_GAP = /^[^\S\n]*,[^\S\n]*$/; // within the paragraph, as a claim is
/** A verb (a lower-case word that opens no phrase of its own) after the comma that closes a parenthetical source: the report goes on ("The bridge, he said, had been ..."). */
const RESUMED = /^\s*,\s+(?!(?:a|an|the|this|that|these|those|its|his|her|their|our|who|whom|whose|which|and|but|or|nor|yet|so|as|in|on|at|of|for|from|with|by|to|after|before|while|when|where|since|until|though|although|however|also|too|then|not|citing|according)\b|\p{Ll}+ing\b)\p{Ll}+\b/u;
/** One adverb between a cue and its "that": "said repeatedly that". */
const LONE_ADVERB = /^\p{Ll}+ly$/u;
/** Verbs of belief: a view reported when a clause follows. */
const BELIEFS = new Set(['believe', 'believes']);
/** Whether "to" stands just before `at` (blanks between): an infinitive, "hard to believe". */
function isToBefore(text: string, at: number): boolean {
  const end = spacesBefore(text, at, Math.max(0, at - 8));
  return end - 2 >= 0 && text.charCodeAt(end - 2) === 0x74 && text.charCodeAt(end - 1) === 0x6f && !isWordChar(text.charCodeAt(end - 3));
}
/** Where a thing "reported" after its noun was seen: "queues reported outside the embassy". */
const SEEN_AT = /^\s+(?:outside|inside|near|across|along|around|at|behind|beyond)\s/;
/** Cues that take an infinitive of what was done ("claims to have seized", "claimed to be holding"). */
const CLAIMS_TO = new Set(['claim', 'claims', 'claimed', 'claiming']);
const CLAIMED_DONE = /^to\s+(?:have|be)\s/;
/** "with" opening an absolute phrase whose participle is the cue ("…, with both sides accusing"). */
const WITH_PHRASE = /(?:^|[\s,])with\s+/g;
/** Where a clause ends (see `clauseEnd`): also a participle's phrase (", adding", ", speaking on condition of ...") and a quotation resumed (', “'). */
const CLAUSE_END = /,\s+(?:and|but|while|though|although|whereas|as|which|who|in|amid|after|despite|[a-z]+ing)\s|,\s*[“"«]|;/;
const OBJECT_END = /,(?!\d)|[;:]|\s(?:but|since|when|after|before|because|as|while|until|whereas|though|although)\s|\sand\s(?=\p{Ll}+ed\s|(?:said|says|told|added|warned|denied|insisted|confirmed|claimed)\b)/u;

interface Cue extends Span {
  word: string;
}

/** A claim being built; `open` content runs to the next claim's clause or the sentence end. */
interface Draft {
  /** Where this claim's clause begins: an earlier open claim ends here. */
  region: number;
  content: Span;
  open: boolean;
  cue: string | null;
  cueSpan?: Span;
  source: ClaimSource | null;
  hedges: string[];
  stance: Stance;
  channel?: TextSpan;
  quote: boolean;
  paragraph: number;
}

/**
 * The claims of `document`. `entities` (sorted by start) may be those of a larger text in which
 * `document` is a window starting at `offset`: they are read in place, not copied, and the claims
 * come with their offsets in that text.
 */
export function findClaims(document: DocumentModel, entities: readonly Entity[], offset = 0): Claim[] {
  try {
    const claims = new ClaimFinder(document, entities, offset).find();
    resolveSources(claims, fullNameBefore(document.text, document.paragraphs, entities, offset));
    return claims;
  } catch {
    // The finder is written not to throw; a claim list is never worth failing an analysis for.
    return [];
  }
}

/**
 * The claims of `document` before `resolveSources`: a pronoun or back-reference source is read on its
 * own. Everything else a claim holds comes from its own paragraphs, so the claims of consecutive parts
 * of a text, joined and then resolved, are the text's (see `findClaimsInWindows`). May throw.
 */
export function findUnresolvedClaims(document: DocumentModel, entities: readonly Entity[]): Claim[] {
  return new ClaimFinder(document, entities, 0).find();
}

/**
 * Resolves pronoun and back-reference sources ("he", "the group") to earlier ones; `claims` in document
 * order. A lone name no earlier source names in full may take `fullName`'s (`fullNameBefore`).
 */
export function resolveSources(claims: readonly Claim[], fullName?: (lone: string, before: number) => TextSpan | undefined): void {
  const sources: ClaimSource[] = [];
  let sorted = true;
  for (const claim of claims) {
    const source = claim.source;
    if (!source) continue;
    if (sources.length && source.start < sources[sources.length - 1].start) sorted = false;
    sources.push(source);
  }
  // Most claims come with their sources in order: the (stable) sort would leave them as they are.
  if (!sorted) sources.sort((a, b) => a.start - b.start);
  resolveAntecedents(sources, fullName);
}

/**
 * The full name of a person that `text` gives before a lone name ("President Gustavo Petro" before
 * "Petro wrote"), the last that reads as a person's, within a sentence of `paragraphs` and not before
 * `floor`; offsets count from `offset` before `text`, as the claims' do.
 */
export function fullNameBefore(text: string, paragraphs: readonly Paragraph[], entities: readonly Entity[], offset: number, floor = 0): (lone: string, before: number) => TextSpan | undefined {
  // Sources come in order: a word's search goes back only to where its last one began ("Mbala said" a thousand times).
  const searched = new Map<string, { before: number; name: TextSpan | undefined }>();
  return (lone, before) => {
    // "Salih's": a possessive names no one alone; "Rwanda denied": a place or a party is no one's surname.
    if (!LONE_WORD.test(lone) || isInEntity(entities, before)) return undefined;
    const reach = Math.max(floor, before - offset - FULL_NAME_REACH);
    const last = searched.get(lone);
    const resumes = last !== undefined && last.before <= before && last.before - offset >= reach;
    const earlier = resumes && last.name && last.name.start - offset >= reach ? last.name : undefined;
    const name = lastFullName(lone, before - offset, resumes ? last.before - offset : reach) ?? earlier;
    searched.set(lone, { before, name });
    return name;
  };

  function lastFullName(lone: string, before: number, stop: number): TextSpan | undefined {
    for (let at = text.lastIndexOf(lone, before - 1); at >= stop; at = at > stop ? text.lastIndexOf(lone, at - 1) : -1) {
      if (isWordChar(text.charCodeAt(at + lone.length)) || isWordChar(text.charCodeAt(at - 1))) continue;
      // Most occurrences follow a word in lower case ("the French"): no name there to read.
      const wordEnd = blanksBefore(text, at, floor);
      const closing = text.charCodeAt(wordEnd - 1);
      if (wordEnd === at || (closing !== 0x201d && closing !== 0x22 && !isCapitalised(text.charAt(wordCharsBefore(text, wordEnd, floor))))) continue;
      const paragraph = paragraphs[countStartingBefore(paragraphs, at + 1) - 1];
      const sentenceStart = paragraph?.sentences[countStartingBefore(paragraph.sentences, at + 1) - 1]?.start ?? floor;
      const name = NAME_BEFORE.exec(text.slice(Math.max(floor, sentenceStart, at - MAX_SOURCE / 4), at));
      if (!name) continue;
      const start = at - name[0].length;
      const span = { text: text.slice(start, at + lone.length), start: start + offset, end: at + lone.length + offset };
      if (classifyPhrase(span.text, span.start, entities) === 'person') return span;
    }
    return undefined;
  }
}

/** Whether an entity of `entities` (sorted by start) covers the offset `at`. */
function isInEntity(entities: readonly Entity[], at: number): boolean {
  const next = countStartingBefore(entities, at + 1);
  for (let i = next - 1; i >= 0 && i >= next - 4; i--) if (entities[i].end > at) return true;
  return false;
}

class ClaimFinder {
  private readonly text: string;
  /** The document's sentences (as given: no copies), and the paragraph of each. */
  private readonly sentences: Span[] = [];
  private readonly paragraphOf: number[] = [];
  private readonly quotes: Quote[];
  private readonly cues: Cue[] = [];
  private readonly consumed = new Set<number>();
  private readonly hedges: Cue[] = [];
  private readonly drafts: Draft[] = [];

  constructor(
    document: DocumentModel,
    private readonly entities: readonly Entity[],
    private readonly offset: number,
  ) {
    this.text = document.text;
    const paragraphs = document.paragraphs;
    for (let i = 0; i < paragraphs.length; i++) {
      const { sentences } = paragraphs[i];
      for (let k = 0; k < sentences.length; k++) {
        let s = sentences[k];
        // "Headline\n\nBy …\n\nGAZA CITY — Israeli strikes killed …": a dateline is no part of what is said.
        const dateline = k === 0 ? paragraphDatelineEnd(this.text, s.start) : -1;
        if (dateline > s.start && dateline < s.end) s = { start: dateline, end: s.end };
        this.sentences.push(s);
        this.paragraphOf.push(i);
      }
    }
    this.quotes = findQuotes(this.text, document.paragraphs);
    CUE_OR_HEDGE.lastIndex = document.bodyStart;
    for (let m = CUE_OR_HEDGE.exec(this.text); m; m = CUE_OR_HEDGE.exec(this.text)) this.addCueOrHedge(m.index, m[0]);
  }

  /** Files a match of CUE_OR_HEDGE: a hedge and any cue among its words ("is said to"), or a cue as listed. */
  private addCueOrHedge(start: number, match: string): void {
    const cuesInside = HEDGES.get(match);
    if (!cuesInside) {
      // "a claim that", "the report": a cue after a determiner is a noun, wherever its speaker would stand;
      // "into disputed Kashmir", "in reported clashes": one after a preposition describes a noun.
      const previousEnd = blanksBefore(this.text, start, 0);
      const previousStart = wordCharsBefore(this.text, previousEnd, 0);
      if (!isCue(match) || DETERMINERS.hasAt(this.text, previousStart, previousEnd) || MODIFIER_PREPOSITIONS.hasAt(this.text, previousStart, previousEnd)) return;
      if ((match.charCodeAt(0) | 32) === 115 && SHOW_CUES.has(lowerCase(match)) && !this.showsRecord(previousStart, previousEnd)) return;
      this.addWord(this.cues, start, match);
      return;
    }
    this.addWord(this.hedges, start, match);
    for (const { at, word } of cuesInside) if (match.startsWith(word, at)) this.addWord(this.cues, start + at, word);
  }

  /**
   * Whether a record's noun ends one of the eight words before a "show" (the last at `start`..`end`), in its
   * clause: "court documents show", "data from the ministry show", not "the talks showed".
   */
  private showsRecord(start: number, end: number): boolean {
    const text = this.text;
    for (let n = 0; n < 8; n++) {
      if (end > start && SHOWING_NOUNS.hasAt(text, start, end)) return true;
      // Back over blanks and brackets ("… Event Data Project (ACLED) show"): a comma or a quotation mark before a
      // word ends the search (no word ends there).
      end = blanksBefore(text, start, 0);
      while (end > 0 && isBracket(text.charCodeAt(end - 1))) end = blanksBefore(text, end - 1, 0);
      start = wordCharsBefore(text, end, 0);
      if (start === end) return false;
    }
    return false;
  }

  /** Adds a word found at `start` to `list`, unless a letter joins it to its neighbours or it stands in a quotation. */
  private addWord(list: Cue[], start: number, word: string): void {
    const end = start + word.length;
    if (isWordAt(this.text, start, end) && !quoteAt(this.quotes, start)) list.push({ start, end, word });
  }

  find(): Claim[] {
    const quoted = sortedInPlace(this.quoteClaims(), byRegion);
    let cue = 0;
    let hedge = 0;
    let quote = 0;
    for (let s = 0; s < this.sentences.length; s++) {
      const sentence = this.sentences[s];
      while (cue < this.cues.length && this.cues[cue].start < sentence.start) cue++;
      while (hedge < this.hedges.length && this.hedges[hedge].start < sentence.start) hedge++;
      while (quote < quoted.length && quoted[quote].region < sentence.start) quote++;
      // Most sentences have neither: they are passed over before any list is built.
      if (!startsBefore(this.cues, cue, sentence.end) && !startsBefore(this.hedges, hedge, sentence.end)) continue;
      // Beyond a few dozen cues a "sentence" is not prose; the cap keeps the per-sentence work bounded.
      // Lists of their exact length (sliced): one grown by pushes takes room for 17.
      const cues = this.unconsumedCues(cue, sentence.end);
      const hedges = this.hedges.slice(hedge, countBefore(this.hedges, hedge, sentence.end));
      let attributed = quote;
      while (attributed < quoted.length && quoted[attributed].region < sentence.end && attributed - quote < MAX_PER_SENTENCE) attributed++;
      if (cues.length || hedges.length) this.readSentence(sentence, this.paragraphOf[s], cues, hedges, quoted.slice(quote, attributed));
    }
    this.drafts.push(...quoted);
    this.continueQuotes();
    return this.finish();
  }

  /** The cues from the `from`th on that start before `end` and no quotation took, at most MAX_PER_SENTENCE. */
  private unconsumedCues(from: number, end: number): Cue[] {
    const to = countBefore(this.cues, from, end);
    let i = from;
    while (i < to && !this.consumed.has(this.cues[i].start)) i++;
    if (i === to) return this.cues.slice(from, to);
    const cues = this.cues.slice(from, i);
    for (; i < this.cues.length && this.cues[i].start < end && cues.length < MAX_PER_SENTENCE; i++) {
      if (!this.consumed.has(this.cues[i].start)) cues.push(this.cues[i]);
    }
    return cues;
  }

  // ---- quotations ---------------------------------------------------------------------------

  /** Quotations with a speaker after them (“…,” she said) or before them (He said: “…”). */
  private quoteClaims(): Draft[] {
    const drafts: Draft[] = [];
    const quotes = this.quotes;
    for (let k = 0; k < quotes.length; k++) {
      const quote = quotes[k];
      let content = this.trim(quote.open + 1, quote.close);
      if (content.end <= content.start) continue;
      const closing = this.sentenceAt(quote.close);
      const opening = this.sentenceAt(quote.open);
      if (closing < 0 || opening < 0) continue;
      let draft = this.quoteAfter(quote, this.sentences[closing]);
      // “The bridge,” he said, “was built in 1960.”: the quotation resumes after its speaker, and is one claim.
      const resumed = draft ? quotes[k + 1] : undefined;
      if (draft && resumed && SPLIT_QUOTE_GAP.test(this.text.slice(Math.max(draft.cueSpan!.end, draft.source?.end ?? 0), resumed.open))) {
        content = this.trim(quote.open + 1, resumed.close);
        k++;
      }
      draft ??= this.quoteBefore(quote, this.sentences[opening], drafts[drafts.length - 1]) ?? this.quoteNamed(quote, this.sentences[opening]);
      if (!draft) continue;
      draft.content = content;
      draft.paragraph = this.paragraphOf[opening];
      drafts.push(draft);
    }
    return drafts;
  }

  private quoteAfter(quote: Quote, sentence: Span): Draft | undefined {
    const cue = this.firstCue(quote.close + 1, sentence.end);
    if (!cue || cue.word.startsWith('ccording', 1)) return undefined;
    const gap = this.text.slice(quote.close + 1, cue.start);
    const before = this.text[quote.close - 1];
    if (!QUOTE_END.test(before ?? '') && !COMMA_FIRST.test(gap) && !LOWER_AFTER_SPACE.test(gap)) return undefined;
    if (MARK_IN_GAP.test(gap) || gap.length > 200 || CLAUSE_IN_GAP.test(gap)) return undefined;
    // "… “deeply alarmed” by the reports, adding that …": a participle speaks for the sentence's subject, not for the words before it.
    if (cue.word.endsWith('ing') && !NO_WORDS.test(gap) && this.charBefore(cue.start, quote.close + 1) === ',') return undefined;
    let source: ClaimSource | null;
    let channel: TextSpan | undefined;
    const tail = this.trim(cue.end, this.clauseEnd(cue.end, sentence.end));
    if (NO_WORDS.test(gap)) {
      // “…,” said Khine Zaw Oo, a spokesman for the group.
      if (tail.end <= tail.start) return undefined;
      source = this.source(tail.start, tail.end);
    } else {
      const span = this.trim(quote.close + 1, this.skipBetween(cue.start, quote.close + 1), true);
      if (span.end <= span.start || THAT_WORD.test(this.text.slice(span.start, span.end))) return undefined;
      source = this.source(span.start, span.end);
      if (TELL_CUES.has(cue.word) && tail.end > tail.start) channel = this.span(tail.start, tail.end);
    }
    this.consumed.add(cue.start);
    return this.draft(quote.close, cue, source, [], channel, true);
  }

  /** "X said: “…”"; `previous` is the last quotation's draft, whose speaker a participle's is ("…,” he said, adding: “…”"). */
  private quoteBefore(quote: Quote, sentence: Span, previous: Draft | undefined): Draft | undefined {
    const cue = this.lastCue(sentence.start, quote.open);
    if (!cue || cue.word.startsWith('ccording', 1)) return undefined;
    const gap = this.text.slice(cue.end, quote.open);
    if (gap.length > MAX_ADVERBIAL || !/[:,]\s*$/.test(gap) || /[“”"«»;]/.test(gap)) return undefined;
    if (cue.word.endsWith('ing') && this.charBefore(cue.start, sentence.start) === ',') {
      const comma = this.commaBefore(cue.start, sentence.start);
      // "The mayor spoke on Monday, adding: “…”": else the subject of the sentence's verb.
      const source = previous?.source && previous.region >= sentence.start ? { ...previous.source } : this.subjectBefore(sentence, comma);
      if (!source) return undefined;
      this.consumed.add(cue.start);
      return this.draft(comma, cue, source, [], undefined, true);
    }
    const hedges: string[] = [];
    const span = this.sourceBefore(sentence.start, this.skipBetween(cue.start, sentence.start, hedges), sentence.start);
    if (!span) return undefined;
    const channelText = this.trim(cue.end, quote.open - 1);
    const channel = TELL_CUES.has(cue.word) && channelText.end > channelText.start ? this.span(channelText.start, channelText.end) : undefined;
    this.consumed.add(cue.start);
    return this.draft(span.start, cue, this.source(span.start, span.end), hedges, channel, true);
  }

  /** "X called it “a stain on …”", "dismissed the reports as “lies …”": the quotation is X's words for what the verb's object is. */
  private quoteNamed(quote: Quote, sentence: Span): Draft | undefined {
    const from = Math.max(sentence.start, quote.open - MAX_NAMING);
    const named = NAMING_BEFORE_QUOTE.exec(this.text.slice(from, quote.open));
    if (!named) return undefined;
    const word = lowerCase(named[1]);
    const cue = { start: from + named.index, end: from + named.index + word.length, word };
    const hedges: string[] = [];
    const span = this.sourceBefore(sentence.start, this.skipBetween(cue.start, sentence.start, hedges), sentence.start);
    if (!span) return undefined;
    const draft = this.draft(span.start, cue, this.source(span.start, span.end), hedges, undefined, true);
    draft.stance = NAMING_STANCE.get(word)!;
    return draft;
  }

  /** A quotation opening a sentence with no speaker of its own continues the paragraph's last speaker. */
  private continueQuotes(): void {
    if (!this.quotes.length) return;
    const sorted = sortedInPlace(this.drafts.slice(), byContentStart);
    let taken = 0; // the quotations' contents go forward: whether a draft has one's start is read in passing
    let next = 0;
    for (const quote of this.quotes) {
      const content = this.trim(quote.open + 1, quote.close);
      while (taken < sorted.length && sorted[taken].content.start < content.start) taken++;
      if ((taken < sorted.length && sorted[taken].content.start === content.start) || content.end <= content.start) continue;
      const at = this.sentenceAt(quote.open);
      if (at < 0 || spacesBefore(this.text, quote.open, this.sentences[at].start) > this.sentences[at].start) continue;
      while (next < sorted.length && sorted[next].content.start < quote.open) next++;
      const previous = sorted[next - 1];
      if (!previous?.source || previous.paragraph !== this.paragraphOf[at] || !previous.quote) continue;
      this.drafts.push({ ...previous, content, region: quote.open, open: false, hedges: [...previous.hedges], source: { ...previous.source } });
    }
  }

  // ---- indirect speech, "according to", hedges -----------------------------------------------

  /** The claims of a sentence with cues or hedges; `local` holds the quotations attributed in it, and takes its claims. */
  private readSentence(sentence: Span, paragraph: number, cues: Cue[], hedges: Cue[], local: Draft[]): void {
    const attributed = local.length;
    let boundaries: number[] | undefined; // read when a cue first needs them
    // The quotations' attributions are read: from the first, cues up to the end of their clauses are
    // passed over; those before it are read ("The mayor said …, adding: “…”").
    let floor = sentence.start;
    let attributionStart = sentence.end;
    let attributionEnd = sentence.start;
    for (let i = 0; i < attributed; i++) {
      attributionStart = Math.min(attributionStart, local[i].region);
      attributionEnd = Math.max(attributionEnd, this.clauseEnd(local[i].cueSpan?.end ?? local[i].region, sentence.end));
    }
    const attached: number[] = []; // starts of the hedges a claim took: a few at most, so a list

    for (const cue of cues) {
      if (cue.start >= attributionStart) floor = Math.max(floor, attributionEnd);
      if (cue.start < floor) continue;
      const lastOpen = lastOpenDraft(local);
      boundaries ??= this.boundaries(sentence, cues[cues.length - 1].start);
      const limit = Math.max(floor, lastBefore(boundaries, cue.start));
      // A cue inside an earlier claim's content, with no clause boundary between, is reported speech within it;
      // unless it attributes the whole sentence after a comma ("The mayor said he would resign, police said."):
      // the earlier content ends there.
      if (lastOpen && lastOpen.content.start > limit && !this.coordinated(cue, floor)) {
        const comma = this.finalAttribution(cue, sentence, lastOpen.content.start);
        if (comma < 0) continue;
        lastOpen.content = this.trim(lastOpen.content.start, comma);
        lastOpen.open = false;
      }
      const draft = cue.word.startsWith('ccording', 1) ? this.according(cue, sentence, limit, floor, local) : this.reported(cue, sentence, limit, floor, local);
      if (!draft) continue;
      for (const h of draft.hedges) attached.push(hedgeStart(hedges, h, draft.region, cue.start));
      draft.paragraph = paragraph;
      local.push(draft);
      this.drafts.push(draft);
      if (!draft.open) floor = Math.max(floor, cue.start > draft.content.end ? this.clauseEnd(cue.end, sentence.end) : draft.content.end);
    }

    // Hedges: attached to a claim of their own clause, or a claim of their own with no source.
    let contrasts: Span[] | undefined; // read when a hedge or an open claim first needs them
    if (hedges.length) contrasts = this.contrasts(sentence);
    let hedgeDraft: Draft | undefined;
    for (const hedge of hedges) {
      if (attached.includes(hedge.start)) continue;
      const clause = Math.max(sentence.start, contrasts ? lastEndBefore(contrasts, hedge.start) : -1);
      const owner = lastDraftBy(local, hedge.start);
      const ownerReaches = owner && (owner.open || hedge.start < owner.content.end || hedge.start < (owner.cueSpan?.end ?? 0));
      if (owner && ownerReaches && owner.region >= clause - 2 && owner.source) {
        const lower = lowerCase(hedge.word);
        if (!owner.hedges.includes(lower)) owner.hedges.push(lower);
        continue;
      }
      if (hedgeDraft && hedgeDraft.region === clause) {
        hedgeDraft.hedges.push(lowerCase(hedge.word));
        continue;
      }
      hedgeDraft = {
        region: clause,
        // "It is understood that the convoy ...": the hedge introduces the content.
        content: { start: hedge.word.endsWith(' that') ? hedge.end : clause, end: sentence.end },
        open: true,
        cue: hedge.word,
        cueSpan: { start: hedge.start, end: hedge.end },
        source: null,
        hedges: [lowerCase(hedge.word)],
        stance: 'asserts',
        quote: false,
        paragraph,
      };
      local.push(hedgeDraft);
      this.drafts.push(hedgeDraft);
    }

    // Open content runs to the next claim's clause in the sentence, or to its end.
    sortedInPlace(local, byRegion);
    for (let i = 0; i < local.length; i++) {
      const draft = local[i];
      if (!draft.open) continue;
      const next = firstAfter(local, i + 1, draft.content.start);
      contrasts ??= this.contrasts(sentence);
      const contrast = firstStartAfter(contrasts, draft.content.start);
      draft.content = this.trim(draft.content.start, Math.min(next ? next.region : sentence.end, contrast ? contrast.start : sentence.end));
      draft.open = false;
      this.unquote(draft);
    }
  }

  /** "X said/denied/warned ... that ...", "..., X said.", "..., said X." */
  private reported(cue: Cue, sentence: Span, limit: number, floor: number, local: Draft[]): Draft | undefined {
    const text = this.text;
    const word = cue.word;
    // The words before the cue and before its source are read in place (start and end): no copy of most.
    const previousEnd = blanksBefore(text, cue.start, limit);
    const previousStart = wordCharsBefore(text, previousEnd, limit);
    // "was reported" is a passive; "are denying", "has been saying" an active verb, whose source is before the auxiliary.
    const afterBe = BE.hasAt(text, previousStart, previousEnd);
    const progressive = afterBe && word.endsWith('ing');
    if (afterBe && !progressive) return this.accusedBy(cue, sentence, limit);
    if (NOUN_CUES.has(word) && (isNamedNoun(text, previousEnd, limit) || NOUN_CUE_NEXT.test(text.slice(cue.end, cue.end + 16)))) return undefined;
    if (isByAfter(text, cue.end)) {
      // ", as" is a clause boundary: the word before the cue is read back to the floor.
      const asEnd = blanksBefore(text, cue.start, floor);
      const as = wordCharsBefore(text, asEnd, floor);
      return asEnd - as === 2 && /^as$/i.test(text.slice(as, asEnd)) ? this.asReportedBy(cue, as, sentence, limit, floor, local) : undefined;
    }
    // "militias accused of genocide": a participle, whom it describes before it; an active verb names them after it.
    const object = ACCUSATION_OBJECT.get(word);
    if (object && text.startsWith(`${object} `, spacesAfter(text, cue.end, sentence.end))) return undefined;
    // "could not be independently verified": a passive with an adverb between.
    if (endsInLy(text, previousEnd)) {
      const beEnd = blanksBefore(text, previousStart, limit);
      if (BE.hasAt(text, wordCharsBefore(text, beEnd, limit), beEnd)) return undefined;
    }

    const hedges: string[] = [];
    const sourceEnd = this.skipBetween(progressive ? previousStart : cue.start, limit, hedges);
    const beforeEnd = blanksBefore(text, sourceEnd, limit);
    const beforeStart = wordCharsBefore(text, beforeEnd, limit);
    const charBefore = this.charBefore(sourceEnd, limit);
    const complement = this.complement(cue, sentence);

    // "... and said", "..., saying": the source of the claim before, in this sentence (read back to the
    // floor: the word before the cue's clause when the two coincide).
    const joinedEnd = limit === floor ? beforeEnd : blanksBefore(text, this.skipBetween(cue.start, floor), floor);
    const joinedStart = limit === floor ? beforeStart : wordCharsBefore(text, joinedEnd, floor);
    const joined = isAndOrButAt(text, joinedStart, joinedEnd);
    const coordinated = joined && local.length > 0;
    const participle = word.endsWith('ing') && charBefore === ',';
    if (coordinated || participle) {
      if (!complement || complement.post) return undefined;
      const region = coordinated ? joinedStart : this.commaBefore(cue.start, limit);
      const earlier = lastWhere(local, (d) => !!d.source)?.source;
      // "Human Rights Watch urged …, warning that …": with no report before it, the subject of the sentence's verb.
      const source = earlier ? { ...earlier } : participle ? this.subjectBefore(sentence, region) : undefined;
      return source && this.withContent(this.draft(region, cue, source, hedges, complement.channel), complement);
    }

    // "The ministry gave no details but said …": with no report before it, the subject of the first clause's verb
    // ("and" reads it in `sourceBefore`; "but" bounds the clause the source is looked for in).
    if (joined && local.length === 0 && complement && !complement.post && (text.charCodeAt(joinedStart) | 0x20) === 0x62) {
      const source = this.firstSubject(sentence, joinedStart);
      if (source) return this.withContent(this.draft(joinedStart, cue, source, hedges, complement.channel), complement);
    }

    // "..., which has denied ...": a relative pronoun speaks for the phrase before its comma.
    if (isRelativeAt(text, beforeStart, beforeEnd) && this.charBefore(beforeStart, limit) === ',' && complement && !complement.post) {
      const comma = this.commaBefore(beforeStart, limit);
      const antecedent = relativeAntecedent(text, comma, this.entities, this.offset, sentence.start);
      const kind = antecedent ? classifyPhrase(antecedent.text, antecedent.start + this.offset, this.entities) : 'organisation';
      const source: ClaimSource = { text: text.slice(beforeStart, beforeEnd), start: beforeStart, end: beforeEnd, kind };
      if (antecedent) source.antecedent = antecedent;
      return this.withContent(this.draft(comma, cue, source, hedges, complement.channel), this.inRelative(complement, sentence));
    }

    // "The agency quoted a military source as saying ...": the one quoted is the source, the one quoting the channel.
    if (word === 'saying' && complement && !complement.post) {
      // From the floor, not the clause boundary: ", as saying" after an apposition reads as one.
      const quoted = QUOTED_X_AS.exec(text.slice(Math.max(floor, cue.start - MAX_SOURCE), cue.start));
      if (quoted) {
        const sourceStart = cue.start - quoted[0].length + quoted[0].indexOf(quoted[1], QUOTED_LENGTH);
        const quotedAt = cue.start - quoted[0].length;
        // "The envoy was quoted by the agency as saying": the passive's subject was quoted, by the channel.
        const passive = quoted[1].startsWith('by ') ? QUOTED_AS_BEFORE.exec(text.slice(Math.max(floor, quotedAt - 12), quotedAt)) : null;
        if (passive) {
          const quotedOne = this.sourceBefore(floor, quotedAt - passive[0].length, sentence.start);
          const channel = this.trim(sourceStart + 3, sourceStart + quoted[1].length);
          if (quotedOne) return this.withContent(this.draft(quotedOne.start, cue, this.source(quotedOne.start, quotedOne.end), hedges, this.span(channel.start, channel.end)), complement);
        }
        const teller = this.sourceBefore(floor, quotedAt, sentence.start);
        return this.withContent(this.draft(teller?.start ?? sourceStart, cue, this.source(sourceStart, sourceStart + quoted[1].length), hedges, teller && this.span(teller.start, teller.end)), complement);
      }
    }

    // "The government, which denies the allegations, said ...": the phrase the relative clause spoke for speaks again.
    const last = local[local.length - 1];
    const antecedent = last?.source?.antecedent;
    if (antecedent && charBefore === ',' && complement && !complement.post && isRelativeAt(text, last.source!.start, last.source!.end)) {
      const comma = this.commaBefore(cue.start, limit);
      if (comma >= last.content.end && NO_WORDS.test(text.slice(last.content.end, comma))) {
        const source: ClaimSource = { text: antecedent.text, start: antecedent.start, end: antecedent.end, kind: last.source!.kind };
        return this.withContent(this.draft(comma, cue, source, hedges, complement.channel), complement);
      }
    }

    // "..., said the minister." — the speaker after the cue, the content before the comma. Not after a cue
    // that takes an object: "The group, which ..., denies the charge."
    if (charBefore === ',' && !OBJECT_CUES.has(word) && SPEAKER_AFTER_CUE.test(text.slice(cue.end, cue.end + LOOK_AHEAD))) {
      const comma = this.commaBefore(cue.start, limit);
      const tail = this.trim(cue.end, this.clauseEnd(cue.end, sentence.end));
      const content = this.trim(this.postStart(floor, limit, local), comma);
      // "said Amira Salih, a volunteer ..." names a speaker; "said its fighters had ..." is a clause.
      const head = /^[^,]*?(?=,|\swho\s|\swhose\s|\swhich\s|$)/.exec(text.slice(tail.start, tail.end))?.[0] ?? '';
      // "A member of the militia, who requested anonymity, said the attackers …": a subject (no verb) and its
      // relative clause before, no report.
      const relative = NOUN_AND_RELATIVE.exec(text.slice(content.start, content.end));
      const subject =
        (relative !== null && subjectEnd(text, content.start, content.start + relative[1].length) === content.start + relative[1].length) ||
        this.isNamedHolder(content) ||
        isSubjectAndAside(text, content.start, content.end);
      if (content.end > content.start && tail.end > tail.start && !subject && !THAT_WORD.test(text.slice(tail.start, tail.end)) && !CLAUSE_VERBS.test(head)) {
        return this.closed(this.draft(content.start, cue, this.source(tail.start, tail.end), hedges), content);
      }
    }

    if (!complement) return undefined;
    // "As the minister noted last week, prices have risen": the report follows the clause, as after "According to X,".
    if (complement.post && sentence.start === floor && startsWithAs(text, sentence.start, sourceEnd)) {
      const as = AS_OPENING.exec(text.slice(sentence.start, sourceEnd));
      const comma = as ? text.indexOf(',', cue.end) : -1;
      if (as && comma > 0 && comma < Math.min(sentence.end, cue.end + MAX_ADVERBIAL)) {
        const span = this.trim(sentence.start + as[0].lastIndexOf(as[1]), sourceEnd);
        return this.withContent(this.draft(sentence.start, cue, this.source(span.start, span.end), hedges), { start: comma + 1 });
      }
    }
    if (complement.post) {
      // "..., the national police said (in a statement)."
      let comma = this.lastComma(limit, sourceEnd);
      // "…, as the minister said.": ", as" bounds the clause, and sets off the source.
      if (comma < 0 && AS_BEFORE.test(text.slice(Math.max(0, limit - 8), limit))) comma = text.lastIndexOf(',', limit);
      if (comma < 0) return undefined;
      let span = this.trim(comma + 1, sourceEnd, true);
      // "..., the Institute for the Study of War, a Washington-based think tank, said": the source and its apposition.
      if (span.end <= span.start) {
        const named = this.appositionBefore(limit, comma);
        if (named) [comma, span] = named;
      }
      let content = this.trim(this.postStart(floor, limit, local), comma);
      if (span.end <= span.start || content.end <= content.start || span.end - span.start > MAX_SOURCE / 2) return undefined;
      // "The strike, which officials blamed on the army, was ...": a relative clause is no post-posed source.
      if (isRelativeAt(text, span.start, wordRunEnd(text, span.start, span.end))) return undefined;
      // "…, as one diplomat put it.": the source is after "as".
      if (text.startsWith('as ', span.start)) span = this.trim(span.start + 3, span.end);
      // "The bridge, he said, had been built in 1960.": the report resumes after the cue, and takes the sentence.
      if (this.resumes(complement.channel?.end ?? cue.end, sentence.end)) content = this.trim(content.start, sentence.end);
      return this.closed(this.draft(content.start, cue, this.source(span.start, span.end), hedges, complement.channel), content);
    }

    const span = this.sourceBefore(limit, sourceEnd, sentence.start);
    if (!span) return undefined;
    // "…, with both sides accusing each other": the phrase after "with" speaks.
    const withAt = word.endsWith('ing') ? lastMatch(WITH_PHRASE, text.slice(span.start, span.end)) : undefined;
    if (withAt) span.start += withAt.index + withAt[0].length;
    // "The strike, which the army said targeted a command centre, killed ...": the report ends with its relative clause.
    const relative = RELATIVE_BEFORE.test(text.slice(Math.max(sentence.start, span.start - 12), span.start));
    return this.withContent(this.draft(span.start, cue, this.source(span.start, span.end), hedges, complement.channel), relative ? this.inRelative(complement, sentence) : complement);
  }

  /** What follows a cue: where the content starts and whether it is a clause (open) or an object (bounded). */
  private complement(cue: Cue, sentence: Span): { start: number; end?: number; channel?: TextSpan; post?: boolean } | undefined {
    const text = this.text;
    const word = cue.word;
    const windowEnd = Math.min(sentence.end, cue.end + MAX_ADVERBIAL);
    const rest = text.slice(cue.end, windowEnd);
    const lead = spacesAfter(text, cue.end, windowEnd);
    const leadCode = lead < windowEnd ? text.charCodeAt(lead) : -1;
    // "put the death toll at 40" reports a figure, "as one diplomat put it" a view; "put pressure on" nothing.
    if (word === 'put') {
      if (PUT_IT.test(rest)) return { start: cue.end, post: true };
      if (!PUT_FIGURE.test(rest)) return undefined;
    }
    if (leadCode === 0x3a) {
      const start = lead + 1;
      return this.quoteAt(start) ? undefined : { start };
    }
    // "reported, citing unnamed officials, that …", "said, in a statement, that …": an aside, then the clause.
    if (leadCode === 0x2c) {
      const aside = ASIDE_THEN_THAT.exec(rest);
      if (aside && (aside[1].endsWith('ing') || INTRO_WORDS.has(aside[1]))) return { start: cue.end + aside[0].length };
    }
    // "did not confirm the toll", "declined to confirm that …": a confirmation withheld reports nothing.
    if (STANCE.get(word) === 'confirms' && NEGATED.test(text.slice(Math.max(0, cue.start - 16), cue.start))) return undefined;
    // `^([^,;:“”"«»()]*?)\bthat\s`: the first "that", with no clause mark before it.
    // `search` gives the index alone: no match array is made.
    const that = rest.search(THAT);
    // "long queues reported outside the embassy": a participle where something was seen, no report.
    if (that < 0 && word === 'reported' && SEEN_AT.test(rest)) return undefined;
    // "Analysts believe the move could …" holds a view; "believe him", "hard to believe the scale" none.
    if (BELIEFS.has(word) && (isToBefore(text, cue.start) || (that < 0 && !isClauseAhead(text.slice(lead, windowEnd))))) return undefined;
    // "found that the police had fired", not "found that hard to believe": a finding is a clause.
    if (that >= 0 && FINDS.has(word) && !isClauseAhead(rest.slice(that + THAT_LENGTH))) return undefined;
    // "denied that account.": "that" and one word closing the clause are the object, no clause.
    if (that >= 0 && OBJECT_CUES.has(word) && THAT_NOUN.test(rest.slice(that))) {
      return { start: cue.end + that, end: this.objectEnd(cue.end + that, sentence.end) };
    }
    if (that >= 0 && !hasClauseMark(text, cue.end, cue.end + that)) {
      const gap = this.trim(cue.end, cue.end + that);
      const start = cue.end + that + THAT_LENGTH;
      if (gap.end <= gap.start) return { start };
      if (TELL_CUES.has(word)) return { start, channel: this.span(gap.start, gap.end) };
      const gapText = text.slice(gap.start, gap.end);
      const first = /^[\p{L}'’-]+/u.exec(gapText)?.[0].toLowerCase() ?? '';
      // "said on Monday that", "said two days ago that", "said the previous day that" (a date found there), "believe strongly that".
      if (ADVERBIAL_STARTS.has(first) || TIME_AGO.test(gapText) || this.isDateAt(gap) || LONE_ADVERB.test(gapText)) {
        const channel = /^(?:on|to|in an interview with)\s/.test(gapText) && MEDIA_HINT.test(gapText) ? this.span(gap.start, gap.end) : undefined;
        return { start, channel };
      }
    }
    const nextEnd = wordRunEnd(text, lead, windowEnd);
    const nextWord = text.slice(lead, nextEnd);
    const nextLower = lowerCase(nextWord);
    const start = lead;
    if (nextEnd === lead || isPostCueMark(leadCode)) return { start: cue.end, post: true };
    if (TELL_CUES.has(word)) {
      // "told Reuters they had ...", "told parliament the budget would ...": whom it was told, then the clause.
      const told = clauseAfter(TOLD_CLAUSE, text, lead, sentence.end);
      if (told >= 0) {
        const channel = this.trim(lead, told);
        return { start: told, channel: this.span(channel.start, channel.end) };
      }
      // ", he told reporters." / "told Reuters the army had ..."
      const clauseRest = text.slice(cue.end, this.clauseEnd(cue.end, sentence.end));
      if (clauseRest.split(/\s+/).filter(Boolean).length <= 6) {
        const channel = this.trim(cue.end, cue.end + clauseRest.length);
        return { start: cue.end, post: true, channel: channel.end > channel.start ? this.span(channel.start, channel.end) : undefined };
      }
      return { start };
    }
    if (ABOUT_CUES.has(word) && (nextLower === 'about' || nextLower === 'of')) {
      const objectStart = start + nextWord.length;
      return { start: objectStart, end: this.objectEnd(objectStart, sentence.end) };
    }
    const upTo = (from: number, length: number) => text.slice(from, Math.min(from + length, sentence.end));
    // "accused both sides of ...": "both" opens the object, not an adverbial ("both said").
    // "said both sides were …": it opens the clause's subject.
    const determiner = nextLower === 'both' && (OBJECT_CUES.has(word) || BOTH_SUBJECT.test(upTo(nextEnd, 60)));
    if (!determiner && ADVERBIAL_STARTS.has(nextLower) && nextLower !== 'to' && !COUNT_START.test(upTo(lead, 12)) && !VERB_NEXT.test(upTo(nextEnd, 10))) {
      const clause = CLAUSE_CUES.has(word) ? clauseAfter(CLAUSE_AFTER_ADVERBIAL, text, lead, sentence.end) : -1;
      return clause >= 0 ? { start: clause } : { start: cue.end, post: true };
    }
    // "did not say what had caused it", "declined to say how many": a question left open reports nothing.
    if (nextLower === 'whether' || (QUESTION_WORDS.has(nextLower) && NEGATED.test(text.slice(Math.max(0, cue.start - 16), cue.start)))) return undefined;
    // "claims to have seized 200 posts": what the claim says happened.
    if (CLAIMS_TO.has(word) && CLAIMED_DONE.test(upTo(lead, 12))) return { start };
    if (OBJECT_CUES.has(word)) return { start, end: this.objectEnd(start, sentence.end) };
    if (CLAUSE_CUES.has(word) && !NOT_REPORTING.test(nextLower)) return { start };
    return undefined;
  }

  /**
   * "The army has been accused by rights groups of air strikes": the agent of a passive accusation is its
   * source, the clause (subject to object) its content. Other passives ("was reported") are no report.
   */
  private accusedBy(cue: Cue, sentence: Span, limit: number): Draft | undefined {
    const object = ACCUSATION_OBJECT.get(cue.word);
    if (!object || !isByAfter(this.text, cue.end)) return undefined;
    const by = this.text.indexOf('by', cue.end) + 3;
    const agent = AGENT_BEFORE[object].exec(this.text.slice(by, Math.min(sentence.end, by + MAX_SOURCE)));
    const start = spacesAfter(this.text, Math.max(limit, sentence.start), cue.start);
    if (!agent || !isLetterOrDigitAt(this.text, start)) return undefined;
    const source = this.trim(by, by + agent[1].length, true);
    const objectStart = by + agent[0].length;
    return this.closed(this.draft(start, cue, this.source(source.start, source.end)), this.trim(start, this.objectEnd(objectStart, sentence.end)));
  }

  /** "According to X, ..." and "..., according to X." */
  private according(cue: Cue, sentence: Span, limit: number, floor: number, local: Draft[]): Draft | undefined {
    const text = this.text;
    const lead = text.slice(limit, cue.start);
    // "In Goma, according to X, ..." opens with X; "In Goma, 12 people were killed, according to X." is a
    // clause (a comma or a verb inside it) whose source comes after.
    const leadComma = lead.lastIndexOf(',');
    const phrase = leadComma >= 0 && NO_WORDS.test(lead.slice(leadComma + 1)) ? lead.slice(0, leadComma) : undefined;
    const opening =
      lead.trim() === '' ||
      (phrase !== undefined &&
        ((opensWithIntro(lead) && !phrase.includes(',') && !CLAUSE_VERBS.test(phrase)) ||
          spacesAfter(text, this.afterOpeningDate(limit, cue.end), cue.end) === cue.start)); // "Late on Monday, according to X, ..." 
    if (opening) {
      const comma = text.indexOf(',', cue.end);
      if (comma < 0 || comma >= sentence.end || comma - cue.end > MAX_SOURCE) return undefined;
      let sourceEnd = comma;
      // "According to John Smith, a spokesman for the army, ...": keep the apposition.
      const apposition = /^,\s*(?:a|an|the)\s[^,]{1,80}?,/.exec(text.slice(comma, Math.min(sentence.end, comma + 90)));
      if (apposition && /\b(?:spokes\w+|official|minister|commander|director|head|chief|officer|leader|governor|mayor)\b/.test(apposition[0])) {
        sourceEnd = comma + apposition[0].length - 1;
      } else {
        sourceEnd = this.roleNamedAfter(cue.end, comma, sentence.end);
      }
      const span = this.trim(cue.end, sourceEnd);
      if (span.end <= span.start) return undefined;
      return this.withContent(this.draft(cue.start, cue, this.source(span.start, span.end)), { start: sourceEnd + 1 });
    }
    let span = this.trim(cue.end, this.clauseEnd(cue.end, sentence.end));
    const comma = this.charBefore(cue.start, limit) === ',' ? this.commaBefore(cue.start, limit) : cue.start;
    let content = this.trim(this.postStart(floor, limit, local), comma);
    // "The death toll, according to local authorities, stood at 23": the source is set off, the report resumes.
    const closing = comma < cue.start ? text.indexOf(',', cue.end) : -1;
    if (closing >= 0 && closing < span.end && this.resumes(closing, sentence.end)) {
      span = this.trim(cue.end, closing);
      content = this.trim(content.start, sentence.end);
    }
    if (span.end <= span.start || content.end <= content.start) return undefined;
    return this.closed(this.draft(content.start, cue, this.source(span.start, span.end)), content);
  }

  /**
   * "According to the region's ombudsman, Gegham Stepanyan, thousands …": the end of a role's source
   * and the name set off after it; `comma` (the role's end) when no name follows, or when what follows
   * the name describes it ("the police, Ahmed Ali, 45, was shot": whom the report is about).
   */
  private roleNamedAfter(start: number, comma: number, sentenceEnd: number): number {
    const named = ROLE_THEN_NAME.exec(this.text.slice(comma, Math.min(sentenceEnd, comma + MAX_SOURCE)));
    if (!named || !ROLE_SINGULAR.test(this.text.slice(start, comma))) return comma;
    const end = comma + named[0].length - 1;
    const role = this.trim(start, comma);
    return this.source(role.start, role.end).kind === 'role' && this.source(role.start, end).kind === 'person' ? end : comma;
  }

  /** "The army's spokesman, Ahmed Ali" before ", said …": a role and the name of its holder, a subject and no report. */
  private isNamedHolder(span: Span): boolean {
    const text = this.text.slice(span.start, span.end);
    return NOUN_AND_NAME.test(text) && classifyPhrase(text, span.start + this.offset, this.entities) === 'person';
  }

  /** The subject of the sentence's first verb, before `end`: "The ministry| does not distinguish …, but says". */
  private firstSubject(sentence: Span, end: number): ClaimSource | undefined {
    const subject = subjectEnd(this.text, sentence.start, end);
    if (subject >= end) return undefined;
    const span = this.sourceBefore(sentence.start, subject, sentence.start);
    return span && this.source(span.start, span.end);
  }

  /** The subject of the verb that opens the sentence's clause before `end`, when a verb ends it ("The mayor| spoke on Monday"). */
  private subjectBefore(sentence: Span, end: number): ClaimSource | undefined {
    const clause = this.sourceBefore(sentence.start, end, sentence.start);
    if (!clause) return undefined;
    const subject = this.trim(clause.start, subjectEnd(this.text, clause.start, clause.end), true);
    return subject.end > subject.start && subject.end < clause.end ? this.source(subject.start, subject.end) : undefined;
  }

  /** "As reported by Al Jazeera, …" and "…, as reported by Reuters.": the agent is the source, as after "according to". */
  private asReportedBy(cue: Cue, as: number, sentence: Span, limit: number, floor: number, local: Draft[]): Draft | undefined {
    const text = this.text;
    const by = spacesAfter(text, cue.end, sentence.end) + 2;
    const phrase = { start: as, end: by, word: cue.word };
    if (spacesAfter(text, sentence.start, as) === as) {
      const comma = text.indexOf(',', by);
      if (comma < 0 || comma >= sentence.end) return undefined;
      const span = this.trim(by, comma);
      return span.end > span.start ? this.withContent(this.draft(as, phrase, this.source(span.start, span.end)), { start: comma + 1 }) : undefined;
    }
    // ", as" bounds the clause before it: its content starts as a post-posed source's would.
    if (this.charBefore(as, floor) !== ',') return undefined;
    const comma = this.commaBefore(as, floor);
    let span = this.trim(by, this.clauseEnd(by, sentence.end));
    // "…, as reported by Reuters on Monday.": when, not who.
    const when = this.whenBefore(span.end, span.start);
    if (when > span.start) span = this.trim(span.start, when);
    const content = this.trim(this.postStart(floor, Math.min(limit, comma), local), comma);
    if (span.end <= span.start || content.end <= content.start) return undefined;
    return this.closed(this.draft(content.start, phrase, this.source(span.start, span.end)), content);
  }

  /**
   * Where the content of a post-posed source begins ("..., the police said"): the sentence start when
   * no claim precedes it there (a ", but" inside the content does not cut it), else the clause start.
   */
  private postStart(floor: number, limit: number, local: Draft[]): number {
    return local.length > 0 ? limit : floor;
  }

  /**
   * The comma before a short source that attributes the sentence from its end (", police said Tuesday."),
   * after `from`; -1 when the cue is not one.
   */
  private finalAttribution(cue: Cue, sentence: Span, from: number): number {
    // "…, according to a Pentagon tally.": the source after the cue, the comma right before it.
    if (cue.word.startsWith('ccording', 1)) {
      const comma = this.charBefore(cue.start, from) === ',' ? this.commaBefore(cue.start, from) : -1;
      return comma >= 0 && this.endsSoon(cue, sentence) ? comma : -1;
    }
    const sourceEnd = this.skipBetween(cue.start, from);
    const comma = this.lastComma(from, sourceEnd);
    if (comma < 0 || this.text[comma] !== ',') return -1;
    const source = this.text.slice(comma + 1, sourceEnd);
    if (WORD_GAP.test(source) || WRITER_ASIDE.test(source) || source.split(/\s+/).filter(Boolean).length > MAX_FINAL_SOURCE_WORDS) return -1;
    return this.endsSoon(cue, sentence) && this.complement(cue, sentence)?.post ? comma : -1;
  }

  /** The sentence ends a few words after the cue ("Tuesday", "in a statement", "a Pentagon tally"), not after an aside (", had fired"). */
  private endsSoon(cue: Cue, sentence: Span): boolean {
    if (sentence.end - cue.end > MAX_ADVERBIAL) return false;
    const tail = this.text.slice(cue.end, sentence.end);
    return !tail.includes(',') && tail.split(/\s+/).filter(Boolean).length <= MAX_FINAL_SOURCE_WORDS;
  }

  /** Whether a cue continues the clause of the claim before ("... and warned that", "..., saying"). */
  private coordinated(cue: Cue, limit: number): boolean {
    const end = blanksBefore(this.text, this.skipBetween(cue.start, limit), limit);
    return isAndOrButAt(this.text, wordCharsBefore(this.text, end, limit), end) || (cue.word.endsWith('ing') && this.charBefore(cue.start, limit) === ',');
  }

  // ---- spans ---------------------------------------------------------------------------------

  /**
   * The source phrase before a cue: from the clause start (after ", and", ", but", "though", a
   * closing quotation mark, or an " and " that joins two clauses) to `end`, without an
   * introductory phrase ("In central Myanmar, ..."). Its descriptions stay with it.
   */
  private sourceBefore(limit: number, end: number, sentenceStart: number): Span | undefined {
    const text = this.text;
    let start = Math.max(limit, sentenceStart, end - MAX_SOURCE);
    const region = text.slice(start, end);
    // "The ministry, which does not distinguish between civilians and combatants, says": a relative clause
    // set off before the cue describes the source; no "and" in it opens the source's clause.
    const aside = /,\s*$/.test(region) ? lastMatch(RELATIVE_OPENING, region)?.index ?? -1 : -1;
    const and = region.lastIndexOf(' and ', aside > 0 ? aside : region.length);
    if (and > 0 && CLAUSE_VERBS.test(region.slice(0, and))) start += and + 5;
    start += subordinateStart(text.slice(start, end));
    start = this.afterOpeningDate(start, end);
    const lead = text.slice(start, end);
    if (opensWithIntro(lead)) {
      const comma = lead.indexOf(', ');
      if (comma > 0 && comma < lead.length - 2) start += comma + 2;
    }
    const span = this.trim(start, end, true);
    if (span.end <= span.start || !isLetterOrDigitAt(text, span.start)) return undefined;
    // "The ministry condemned the attack and said ...": the subject of both verbs.
    if (end - span.end >= 4 && AND_BETWEEN.test(text.slice(span.end, end))) span.end = this.trim(span.start, subjectEnd(text, span.start, span.end), true).end;
    // "… targeted farmers it accuses of spying": a pronoun just before the cue is the subject of a clause of its own.
    const last = wordCharsBefore(text, span.end, span.start);
    if (last > span.start && span.end - last <= 4 && SUBJECT_PRONOUN.test(text.slice(last, span.end))) span.start = last;
    return span;
  }

  /**
   * Skips auxiliaries and adverbs between a source and its cue at `at` ("has reportedly", "had just
   * recently"): where they start. The hedges among them go to `hedges`, in order.
   */
  private skipBetween(at: number, limit: number, hedges?: string[]): number {
    const text = this.text;
    let start = at;
    // "The rebels, however, said": a parenthetical connective is not part of the source.
    const from = Math.max(limit, at - 30);
    const aside = this.text.charCodeAt(spacesBefore(this.text, at, from) - 1) === 0x2c ? ASIDE.exec(this.text.slice(from, at)) : null;
    if (aside) start = at - aside[0].length;
    // "The minister was quoted as saying": the passive is not part of the source. Read only where "quoted as " ends
    // just before the cue, not as cues of the scan of every text, which they cost a third more.
    const quotedAs = quotedAsBefore(text, at);
    if (quotedAs) {
      const passive = QUOTED_AS_BEFORE.exec(text.slice(Math.max(limit, at - quotedAs - 12), at - quotedAs));
      if (passive) start = at - quotedAs - passive[0].length;
    }
    for (let n = 0; n < 6; n++) {
      const end = blanksBefore(text, start, limit);
      const wordStart = wordCharsBefore(text, end, limit);
      if (wordStart === end) break;
      // "An army spokesman on Monday denied", "The ministry earlier this week said": when, not who.
      const when = this.whenBefore(end, limit);
      if (when >= 0) {
        start = when;
        continue;
      }
      // Most words are neither listed nor end in "ly" (no character but L and Y lower-cases to those): no copy is made of them.
      if (!BETWEEN.hasAt(text, wordStart, end) && !endsInLy(text, end)) break;
      const word = text.slice(wordStart, end);
      // A capitalised word is no adverb (LOWER_START): a name is passed over without a lower-case copy.
      if (isAsciiUpper(word.charCodeAt(0)) && !BETWEEN.has(word)) break;
      const lower = lowerCase(word);
      const adverb = lower.length > 4 && lower.endsWith('ly') && LOWER_START.test(word);
      if (!BETWEEN.has(lower) && !adverb) break;
      if (hedges && SINGLE_WORD_HEDGES.has(lower)) hedges.unshift(lower);
      start = wordStart;
    }
    return start;
  }

  /** Whether a date found in the text is `span`, no more and no less. */
  private isDateAt(span: Span): boolean {
    const date = this.entities[countStartingBefore(this.entities, span.start + this.offset)];
    return date?.type === 'date' && date.start === span.start + this.offset && date.end === span.end + this.offset;
  }

  /**
   * Where a date found by the date recogniser that ends at `end` starts, with a preposition before it
   * ("on Monday", "late on Sunday", "earlier this week"); -1 when none ends there, or when it describes
   * the noun before it ("the report published on Monday") or nothing is left before it.
   */
  private whenBefore(end: number, limit: number): number {
    const entities = this.entities;
    const at = end + this.offset;
    let i = countStartingBefore(entities, at) - 1;
    while (i >= 0 && entities[i].end > at) i--;
    const date = entities[i];
    if (!date || date.type !== 'date' || date.end !== at) return -1;
    let start = date.start - this.offset;
    if (!isSpace(this.text.charCodeAt(start - 1))) return -1; // a word of a name: "Mustafa al-January"
    const preposition = WHEN_PREPOSITION.exec(this.text.slice(Math.max(limit, start - 16), start));
    if (preposition) start -= preposition[0].length;
    const before = blanksBefore(this.text, start, limit);
    const wordStart = wordCharsBefore(this.text, before, limit);
    if (wordStart === before || PARTICIPLE.test(this.text.slice(wordStart, before))) return -1;
    return start;
  }

  /** Past a date that opens a source phrase at `start` ("On Monday the governor", "Last week, police"): where the rest starts. */
  private afterOpeningDate(start: number, end: number): number {
    const text = this.text;
    const from = spacesAfter(text, start, end);
    // The first entity from there on: most sources open with none, or with a name.
    const date = this.entities[countStartingBefore(this.entities, from + this.offset)];
    if (!date || date.type !== 'date' || date.end - this.offset >= end) return start;
    if (date.start - this.offset !== from) {
      const preposition = OPENING_PREPOSITION.exec(text.slice(from, Math.min(end, from + 16)));
      if (!preposition || date.start - this.offset !== from + preposition[0].length) return start;
    }
    let after = date.end - this.offset;
    if (text.charCodeAt(after) === 0x2c) after++;
    return spacesAfter(text, after, end) < end ? after : start;
  }

  /** Where the object of "denied", "reported", "warned of" ends. */
  private objectEnd(start: number, sentenceEnd: number): number {
    const window = this.text.slice(start, Math.min(sentenceEnd, start + MAX_OBJECT));
    const end = window.search(OBJECT_END);
    return start + (end >= 0 ? end : window.length);
  }

  /** The end of the clause starting at `at`: the next ", and"-style boundary, or the sentence end. */
  private clauseEnd(at: number, sentenceEnd: number): number {
    const window = this.text.slice(at, Math.min(sentenceEnd, at + MAX_SOURCE));
    const end = window.search(CLAUSE_END);
    return end >= 0 ? at + end : Math.min(sentenceEnd, at + window.length);
  }

  /**
   * Clause starts in a sentence up to a cue at `end`, for sources: after ", and", ", but", "though",
   * ";", a closing quotation mark. No cue is a conjunction, so no boundary runs across `end`: the
   * ones before it are those of the whole sentence.
   */
  private boundaries(sentence: Span, end: number): number[] {
    const found: number[] = [];
    const window = this.text.slice(sentence.start, end);
    // The leftmost match of either pattern, then the next from its end: what one alternation of the
    // two finds (they start with different characters), but each pattern alone skips text far faster.
    let marked = matchFrom(MARKED_BOUNDARY, window, 0);
    let conjunction = matchFrom(CONJUNCTION_BOUNDARY, window, 0);
    for (let at = 0; ; ) {
      if (marked && marked.index < at) marked = matchFrom(MARKED_BOUNDARY, window, at);
      if (conjunction && conjunction.index < at) conjunction = matchFrom(CONJUNCTION_BOUNDARY, window, at);
      const m = marked && (!conjunction || marked.index < conjunction.index) ? marked : conjunction;
      if (!m) return found;
      at = m.index + m[0].length;
      // "which is run by Hamas but whose figures are …": a second relative clause of the same noun.
      if (m === conjunction && (inAside(window, m.index) || (window.charCodeAt(at) === 0x77 && RELATIVE_NEXT.test(window.slice(at, at + 8))))) continue;
      found.push(sentence.start + at);
    }
  }

  /**
   * Contrast boundaries (", though", ", but", ";"): a hedged statement's clause starts after one, and
   * reported content ends before one — what follows is the writer's voice again.
   */
  private contrasts(sentence: Span): Span[] {
    const found: Span[] = [];
    const window = this.text.slice(sentence.start, sentence.end);
    for (let m = matchFrom(CONTRAST, window, 0); m; m = CONTRAST.exec(window)) found.push({ start: sentence.start + m.index, end: sentence.start + m.index + m[0].length });
    return found;
  }

  /**
   * Trims white space, and at the end punctuation and dangling conjunctions, but not a sentence's last word
   * ("“Not yet.”"); `source` also trims leading commas.
   */
  private trim(start: number, end: number, source = false): Span {
    const text = this.text;
    for (;;) {
      while (start < end && (isSpace(text.charCodeAt(start)) || (source && isLeadingDash(text.charCodeAt(start))))) start++;
      start = afterBlockMarker(text, start, end);
      while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
      const closed = end > start && isSentenceEnd(text.charCodeAt(end - 1));
      while (end > start && (isSpace(text.charCodeAt(end - 1)) || isTrailingPunctuation(text.charCodeAt(end - 1)))) end--;
      if (closed) return { start, end };
      const tail = danglingTail(text, Math.max(start, end - 10), end);
      if (!tail || end - tail < start) return { start, end };
      end -= tail;
    }
  }

  /** Content that is one quotation, marks and all ("added that “patience has limits”"), loses the marks. */
  private unquote(draft: Draft): void {
    const { start, end } = draft.content;
    const quote = this.quoteAt(start + 1);
    if (quote && quote.open === start && quote.close >= end - 1) {
      draft.content = this.trim(start + 1, quote.close);
      draft.quote = true;
    }
  }

  /** An open complement inside a relative clause ("which the army said targeted X, killed ..."): to the clause's comma. */
  private inRelative<T extends { start: number; end?: number }>(complement: T, sentence: Span): T {
    if (complement.end !== undefined) return complement;
    const comma = this.text.indexOf(',', complement.start);
    return comma > complement.start && comma < sentence.end ? { ...complement, end: comma } : complement;
  }

  private withContent(draft: Draft, complement: { start: number; end?: number }): Draft {
    if (complement.end === undefined) {
      draft.content = { start: complement.start, end: complement.start };
      draft.open = true;
    } else {
      draft.content = this.trim(complement.start, complement.end);
      this.unquote(draft);
    }
    return draft;
  }

  private closed(draft: Draft, content: Span): Draft {
    draft.content = content;
    draft.open = false;
    this.unquote(draft);
    return draft;
  }

  /** A draft of a claim; it takes `hedges` as its own. */
  private draft(region: number, cue: Cue, source: ClaimSource | null, hedges: string[] = [], channel?: TextSpan, quote = false): Draft {
    // "Unconfirmed reports said": the source's own word distances the report.
    const unconfirmed = source && (source.text.includes('nconfirmed') || source.text.includes('nverified')) && UNCONFIRMED.exec(source.text); // the regex only where it can match
    if (unconfirmed) hedges.push(lowerCase(unconfirmed[0]));
    return {
      region,
      content: { start: region, end: region },
      open: false,
      cue: cue.word,
      cueSpan: { start: cue.start, end: cue.end },
      source,
      hedges,
      // A cue is written as listed (`isCue`), in lower case but for "According to", which has no stance of its own.
      stance: STANCE.get(cue.word) ?? 'asserts',
      channel,
      quote,
      paragraph: 0,
    };
  }

  private source(start: number, end: number): ClaimSource {
    const text = this.text.slice(start, end);
    return { text, start, end, kind: sourceKind(text, start + this.offset, this.entities) };
  }

  private span(start: number, end: number): TextSpan {
    return { text: this.text.slice(start, end), start, end };
  }

  private finish(): Claim[] {
    // Sorted by start, then end: drafts with the same content are neighbours, the first one is kept.
    const drafts = sortedInPlace(
      this.drafts.filter((d) => d.content.end > d.content.start),
      byContent,
    );
    this.personSubjects(drafts);
    const by = this.offset;
    const claims: Claim[] = [];
    for (let i = 0; i < drafts.length; i++) {
      const d = drafts[i];
      if (i > 0 && d.content.start === drafts[i - 1].content.start && d.content.end === drafts[i - 1].content.end) continue;
      const claim: Claim = {
        text: this.text.slice(d.content.start, d.content.end),
        start: d.content.start + by,
        end: d.content.end + by,
        cue: d.cue,
        hedged: d.hedges.length > 0,
        hedges: d.hedges,
        source: d.source && by ? movedSource(d.source, by) : d.source,
        stance: d.stance,
        quote: d.quote,
        // Set or not, in the literal: most claims have a cue, and a key added later costs a second allocation.
        cueSpan: d.cueSpan && by ? { start: d.cueSpan.start + by, end: d.cueSpan.end + by } : d.cueSpan,
        channel: d.channel && by ? movedText(d.channel, by) : d.channel || undefined,
      };
      claims.push(claim);
    }
    return claims;
  }

  // ---- small readers -------------------------------------------------------------------------

  /** The index of the sentence that holds `at`, or -1. */
  private sentenceAt(at: number): number {
    let lo = 0;
    let hi = this.sentences.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = this.sentences[mid];
      if (at < s.start) hi = mid - 1;
      else if (at >= s.end) lo = mid + 1;
      else return mid;
    }
    return -1;
  }

  private quoteAt(at: number): Quote | undefined {
    return quoteAt(this.quotes, at);
  }

  private firstCue(from: number, to: number): Cue | undefined {
    const i = countStartingBefore(this.cues, from);
    const cue = this.cues[i];
    return cue && cue.start < to ? cue : undefined;
  }

  private lastCue(from: number, to: number): Cue | undefined {
    const i = countStartingBefore(this.cues, to) - 1;
    const cue = this.cues[i];
    return cue && cue.start >= from ? cue : undefined;
  }

  private charBefore(at: number, limit: number): string {
    let i = at;
    while (i > limit && isSpace(this.text.charCodeAt(i - 1))) i--;
    return i > limit ? this.text[i - 1] : '';
  }

  private commaBefore(at: number, limit: number): number {
    let i = at;
    while (i > limit && isSpace(this.text.charCodeAt(i - 1))) i--;
    return i - 1;
  }

  /** Whether the sentence goes on after a comma at `at` (blanks before it allowed) with a verb (`RESUMED`). */
  private resumes(at: number, sentenceEnd: number): boolean {
    const comma = spacesAfter(this.text, at, sentenceEnd);
    return this.text.charCodeAt(comma) === 0x2c && RESUMED.test(this.text.slice(comma, sentenceEnd));
  }

  /**
   * A source and what the commas set off after it, ending at the comma `end` before a cue ("the Institute
   * ..., a Washington-based think tank,", "the mayor, visibly tired,", "Ali Hassan, 34,"): the comma before
   * the source and the span of both. A comma right before the cue closes such an aside: a cue with no
   * clause after it has its subject there.
   */
  private appositionBefore(limit: number, end: number): [number, Span] | undefined {
    const inner = this.lastComma(limit, end);
    if (inner < 0 || this.text[inner] !== ',') return undefined;
    const comma = this.lastComma(limit, inner);
    if (comma < 0) return undefined;
    const name = this.trim(comma + 1, inner, true);
    return name.end > name.start && end - name.start <= MAX_SOURCE / 2 ? [comma, { start: name.start, end: this.trim(inner + 1, end).end }] : undefined;
  }

  /**
   * "President X has declared war. Speaking in the capital, he said ...": a "he" or "she" whose paragraph
   * opened a sentence before it with a person's name, and named no person or role as a source since,
   * stands for that person. The other pronouns, and a name's last word alone ("Netanyahu said"), are left
   * to `resolveSources`.
   */
  private personSubjects(drafts: Draft[]): void {
    let humans: Span[] | undefined; // the sources that are people, by start, once a pronoun asks
    for (const draft of drafts) {
      const source = draft.source;
      if (!source || source.antecedent || !isPersonPronoun(source.text)) continue;
      humans ??= drafts.flatMap((d) => (d.source && !isPersonPronoun(d.source.text) && isHumanKind(d.source.kind) ? [d.source] : [])).sort((a, b) => a.start - b.start);
      const s = this.sentenceAt(source.start);
      for (let k = s - 1; k >= 0 && k >= s - MAX_SUBJECT_REACH && this.paragraphOf[k] === this.paragraphOf[s]; k--) {
        const sentence = this.sentences[k];
        const human = countStartingBefore(humans, sentence.start);
        if (human < humans.length && humans[human].start < source.start) break; // a person or role spoke since
        const subject = NAME_SUBJECT.exec(this.text.slice(sentence.start, Math.min(sentence.end, sentence.start + MAX_SOURCE / 4)));
        const name = subject && this.span(sentence.start, sentence.start + subject[0].length);
        if (name && classifyPhrase(name.text, name.start + this.offset, this.entities) === 'person') {
          source.antecedent = name;
          source.kind = 'person';
          break;
        }
      }
    }
  }

  /** The last comma or closing quotation mark in [from, to), or -1. */
  private lastComma(from: number, to: number): number {
    for (let i = to - 1; i >= from && i >= to - MAX_SOURCE; i--) {
      const c = this.text[i];
      if (c === ',' || c === '”' || c === '»') return i;
    }
    return -1;
  }
}

/** Whether the text from `start` (blanks aside) opens with the word "As", before `end`: a gate for `AS_OPENING`. */
function startsWithAs(text: string, start: number, end: number): boolean {
  const at = spacesAfter(text, start, end);
  return text.charCodeAt(at) === 0x41 && text.charCodeAt(at + 1) === 0x73 && isSpace(text.charCodeAt(at + 2));
}

/** `^\s+by\b` on the five characters from `at`: a passive ("said by"), not a report. */
function isByAfter(text: string, at: number): boolean {
  const end = Math.min(text.length, at + 5);
  const by = spacesAfter(text, at, end);
  if (by === at || by + 2 > end || text.charCodeAt(by) !== 0x62 || text.charCodeAt(by + 1) !== 0x79) return false;
  return by + 2 === end || !isRegexWordChar(text.charCodeAt(by + 2));
}

/** `/^(?:and|but)$/i` on text[start, end) (no lower-case form of a character outside ASCII is one of their letters). */
function isAndOrButAt(text: string, start: number, end: number): boolean {
  if (end - start !== 3) return false;
  const a = text.charCodeAt(start) | 0x20;
  const b = text.charCodeAt(start + 1) | 0x20;
  const c = text.charCodeAt(start + 2) | 0x20;
  return (a === 0x61 && b === 0x6e && c === 0x64) || (a === 0x62 && b === 0x75 && c === 0x74);
}

/** `/^(?:which|who)$/i` on text[start, end), compared in place (the regex's case folding is ASCII's, as for `isAndOrButAt`). */
function isRelativeAt(text: string, start: number, end: number): boolean {
  const length = end - start;
  if (length !== 3 && length !== 5) return false;
  const w = text.charCodeAt(start) | 0x20;
  const h = text.charCodeAt(start + 1) | 0x20;
  if (length === 3) return w === 0x77 && h === 0x68 && (text.charCodeAt(start + 2) | 0x20) === 0x6f;
  return w === 0x77 && h === 0x68 && (text.charCodeAt(start + 2) | 0x20) === 0x69 && (text.charCodeAt(start + 3) | 0x20) === 0x63 && (text.charCodeAt(start + 4) | 0x20) === 0x68;
}

/** `/[,;:“”"«»()]/` on text[start, end): a clause mark between a cue and its "that". */
function hasClauseMark(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2c || c === 0x3b || c === 0x3a || c === 0x22 || c === 0x28 || c === 0x29 || c === 0x201c || c === 0x201d || c === 0xab || c === 0xbb) return true;
  }
  return false;
}

/** `,.;!?` after a cue: the content came before it. */
function isPostCueMark(code: number): boolean {
  return code === 0x2c || code === 0x2e || code === 0x3b || code === 0x21 || code === 0x3f;
}

/** Where `[\p{L}\p{N}'’-]+` from `start` ends within `end` (`start` when there is none): ASCII by code, the rest by the Unicode classes. */
function wordRunEnd(text: string, start: number, end: number): number {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 39 || c === 45 || c === 0x2019) continue;
    if (c < 128) return i;
    return start + (WORD_RUN.exec(text.slice(start, end))?.[0].length ?? 0);
  }
  return end;
}

/** The first match of global `pattern` in `text` at or after `from`. */
function matchFrom(pattern: RegExp, text: string, from: number): RegExpExecArray | null {
  pattern.lastIndex = from;
  return pattern.exec(text);
}

/** Where the spans from the `from`th on (sorted by start) that start before `end` end, at most MAX_PER_SENTENCE of them. */
function countBefore(spans: readonly Span[], from: number, end: number): number {
  let i = from;
  while (i < spans.length && spans[i].start < end && i - from < MAX_PER_SENTENCE) i++;
  return i;
}

/** Whether the span at `i` of a list sorted by start starts before `end`. */
function startsBefore(spans: readonly Span[], i: number, end: number): boolean {
  return i < spans.length && spans[i].start < end;
}

const byRegion = (a: Draft, b: Draft) => a.region - b.region;
const byContentStart = (a: Draft, b: Draft) => a.content.start - b.content.start;
const byContent = (a: Draft, b: Draft) => a.content.start - b.content.start || b.content.end - a.content.end;

/** The last draft still open. */
function lastOpenDraft(drafts: readonly Draft[]): Draft | undefined {
  for (let i = drafts.length - 1; i >= 0; i--) if (drafts[i].open) return drafts[i];
  return undefined;
}

/** The last draft whose region starts at or before `at`. */
function lastDraftBy(drafts: readonly Draft[], at: number): Draft | undefined {
  for (let i = drafts.length - 1; i >= 0; i--) if (drafts[i].region <= at) return drafts[i];
  return undefined;
}

/** The start of the first hedge `lower` (in lower case) in [from, before), or -1. */
function hedgeStart(hedges: readonly Cue[], lower: string, from: number, before: number): number {
  for (const x of hedges) if (lowerCase(x.word) === lower && x.start < before && x.start >= from) return x.start;
  return -1;
}

/** The last end at or before `at` of spans sorted by end, or -1. */
function lastEndBefore(sorted: readonly Span[], at: number): number {
  let best = -1;
  for (const s of sorted) {
    if (s.end > at) break;
    best = s.end;
  }
  return best;
}

/** The first span starting after `at`. */
function firstStartAfter(spans: readonly Span[], at: number): Span | undefined {
  for (const s of spans) if (s.start > at) return s;
  return undefined;
}

/** The first draft from `from` on whose region starts after `at`. */
function firstAfter(drafts: readonly Draft[], from: number, at: number): Draft | undefined {
  for (let i = from; i < drafts.length; i++) if (drafts[i].region > at) return drafts[i];
  return undefined;
}

function lastBefore(sorted: readonly number[], at: number): number {
  let best = -1;
  for (const b of sorted) {
    if (b > at) break;
    best = b;
  }
  return best;
}

/**
 * Whether the conjunction at `at` joins two words of a phrase set off by commas, with no verb: "the
 * Commission, a state-affiliated but independent body, said", "The group, small but well armed, said"
 * describe their source; "In Goma, the army held the town but the rebels, who fled, said" has two clauses.
 */
function inAside(text: string, at: number): boolean {
  const open = text.lastIndexOf(',', at);
  const close = text.indexOf(',', at);
  if (open < 0 || close < 0) return false;
  const phrase = text.slice(open + 1, close);
  return subjectEnd(phrase, 0, phrase.length) === phrase.length && !CLAUSE_VERBS.test(phrase);
}

/** Only "and" between a source and its cue: the source's clause had a verb of its own. */
const AND_BETWEEN = /^\s+and\s*$/;
const SUBJECT_PRONOUN = /^(?:he|she|it|they|we)$/;
/** Words after a verb's "-ed" as after "called on": a participle after its noun ("residents displaced by") ends the subject too. */
const VERB_PREPOSITIONS = new Set(['on', 'to', 'in', 'at', 'for', 'with', 'from', 'into', 'against', 'over', 'about', 'by', 'up', 'out']);
const WORD = /[\p{L}\p{N}'’-]+/gu;

/** A verb the lexicon lists: a past form ("hit"), a cue ("said") or an auxiliary ("has"). */
function isListedVerb(word: string): boolean {
  return PAST_VERBS.has(word) || STANCE.has(word) || AUXILIARY_VERBS.has(word);
}

/** What opens an aside set off after a subject: "a monitor with …", "in a statement", "34". */
const ASIDE_START = /^,\s+(?:(?:a|an|the|in|on|at|during|speaking)\b|\d)/;
/** Words that may stand before a determiner in a subject ("the head of the council", "the army and the police"). */
const SUBJECT_LINKS = new Set([...VERB_PREPOSITIONS, 'of', 'near', 'under', 'between', 'among', 'across', 'inside', 'outside', 'within', 'around', 'and', 'or']);
/** The most words of a subject before its aside. */
const MAX_SUBJECT_WORDS = 8;

/**
 * Whether text[start, end) is a subject and an aside after it ("The Observatory, a monitor with a network
 * of sources", "The army, in a statement", "Ahmed Ali, 34"): no verb before the first comma (one listed,
 * an "-ed" word not after a determiner or an adverb, a word before a determiner that no preposition is),
 * so no report that a speaker after a cue could have made.
 */
function isSubjectAndAside(text: string, start: number, end: number): boolean {
  const comma = text.indexOf(',', start);
  if (comma < 0 || comma >= end || !ASIDE_START.test(text.slice(comma, end))) return false;
  const words = Array.from(text.slice(start, comma).matchAll(WORD), (m) => m[0]);
  if (words.length > MAX_SUBJECT_WORDS) return false;
  for (let i = 1; i < words.length; i++) {
    const word = words[i];
    if (word.toLowerCase() !== word) continue; // a name's word
    if (isListedVerb(word)) return false;
    const before = words[i - 1].toLowerCase();
    if (word.endsWith('ed') && !DETERMINERS.has(before) && !before.endsWith('ly')) return false;
    const next = words[i + 1];
    if (next !== undefined && DETERMINERS.has(next.toLowerCase()) && !SUBJECT_LINKS.has(word)) return false;
  }
  return true;
}

/**
 * Where the subject of a clause at `start`..`end` ends: before its first verb in the past tense (one
 * listed, a cue, or an "-ed" word before "the", "its", a number or a preposition: "condemned the attack",
 * "called on"; "the armed group" has none), else `end`.
 */
function subjectEnd(text: string, start: number, end: number): number {
  const words = [...text.slice(start, end).matchAll(WORD)];
  for (let i = 1; i < words.length; i++) {
    const [word] = words[i];
    const next = words[i + 1];
    const objectNext = next !== undefined && (DETERMINERS.has(next[0].toLowerCase()) || /^\d/.test(next[0]) || VERB_PREPOSITIONS.has(next[0]));
    if (isListedVerb(word) || (word.endsWith('ed') && objectNext)) return spacesBefore(text, start + words[i].index, start);
  }
  return end;
}

/** Whether `text` opens with an introductory phrase ("In Goma, ", "On Monday, "): "At least 40 people" is a quantity. */
function opensWithIntro(text: string): boolean {
  return INTRO_WORDS.has(firstWord(text)) && !COUNT_START.test(text);
}

/** The first word of `text` as written (the lexicon's word lists are read in any case): letters, apostrophes and hyphens after any white space. */
function firstWord(text: string): string {
  const start = spacesAfter(text, 0, text.length);
  let end = start;
  while (isAsciiWordChar(text.charCodeAt(end))) end++;
  // A letter outside ASCII needs the Unicode class.
  if (text.charCodeAt(end) >= 128) return /^\s*([\p{L}'’-]+)/u.exec(text)?.[1] ?? '';
  return text.slice(start, end);
}

/** Conjunctions left dangling at the end of a span ("... and"), and the longest of them. */
const DANGLING = ['and', 'but', 'though', 'although', 'while', 'whereas', 'as', 'or', 'yet', 'that'];
const LONGEST_DANGLING = Math.max(...DANGLING.map((w) => w.length));
/** The conjunctions by length: a run of letters is compared in place with those of its length, not sliced and hashed. */
const DANGLING_BY_LENGTH: readonly string[][] = Array.from({ length: LONGEST_DANGLING + 1 }, (_, n) => DANGLING.filter((w) => w.length === n));

/**
 * The length of `(?:^|\s)(?:and|but|...|that)$` in text[from, end): a conjunction left dangling at
 * the end, with the white space before it; 0 if none.
 */
function danglingTail(text: string, from: number, end: number): number {
  let i = end;
  while (i > from && end - i <= LONGEST_DANGLING && isAsciiLower(text.charCodeAt(i - 1))) i--;
  if (i === end || !isDanglingAt(text, i, end)) return 0;
  if (i === from) return end - i;
  return isRegexSpace(text.charCodeAt(i - 1)) ? end - i + 1 : 0;
}

/** Whether text[start, end) is one of the DANGLING conjunctions. */
function isDanglingAt(text: string, start: number, end: number): boolean {
  const candidates = DANGLING_BY_LENGTH[end - start];
  return !!candidates && candidates.some((word) => text.startsWith(word, start));
}

/** The index where the blanks (`isSpace`) ending at `i` start, stopping at `from`. */
function blanksBefore(text: string, i: number, from: number): number {
  while (i > from && isSpace(text.charCodeAt(i - 1))) i--;
  return i;
}

/** The index where the word characters (`isWordChar`) ending at `i` start, stopping at `from`. */
function wordCharsBefore(text: string, i: number, from: number): number {
  while (i > from && isWordChar(text.charCodeAt(i - 1))) i--;
  return i;
}

/** Whether the word ending at `end` ends in "ly" in any case. */
function endsInLy(text: string, end: number): boolean {
  return (text.charCodeAt(end - 2) | 0x20) === 0x6c && (text.charCodeAt(end - 1) | 0x20) === 0x79;
}

/** A Markdown heading, list or quotation marker ("# ", "- ", "> ", "1. ") and its blanks: what no span starts with. */
const BLOCK_MARKER = /^(?:#{1,6}|[-*+>]|\d{1,3}[.)])[ \t]+/;

/** Past a block marker at `start`, else `start`. */
function afterBlockMarker(text: string, start: number, end: number): number {
  const code = text.charCodeAt(start);
  if (code !== 0x23 && code !== 0x2d && code !== 0x2a && code !== 0x2b && code !== 0x3e && !(code >= 0x30 && code <= 0x39)) return start;
  const marker = BLOCK_MARKER.exec(text.slice(start, Math.min(end, start + 10)));
  return marker ? start + marker[0].length : start;
}

/** ".", "!", "?": what ends a sentence, after which no word is left dangling. */
function isSentenceEnd(code: number): boolean {
  return code === 0x2e || code === 0x21 || code === 0x3f;
}

function isBracket(code: number): boolean {
  return code === 0x28 || code === 0x29;
}

/** `,`, `—`, `–` or `-`: what a source phrase does not start with. */
function isLeadingDash(code: number): boolean {
  return code === 0x2c || code === 0x2014 || code === 0x2013 || code === 0x2d;
}

/** `,.;:—–`: what no span ends with. */
function isTrailingPunctuation(code: number): boolean {
  return code === 0x2c || code === 0x2e || code === 0x3b || code === 0x3a || code === 0x2014 || code === 0x2013;
}

/** An ASCII letter, an apostrophe or a hyphen (`’` too): what `firstWord` reads without the Unicode class. */
function isAsciiWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 39 || code === 0x2019 || code === 45;
}

function isAsciiUpper(code: number): boolean {
  return code >= 65 && code <= 90;
}

function isAsciiLower(code: number): boolean {
  return code >= 97 && code <= 122;
}

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0;
}

function isWordChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 39 || code === 0x2019 || code === 45 || (code >= 0xc0 && code !== 0x201c && code !== 0x201d && code !== 0x2014 && code !== 0x2013 && code !== 0xab && code !== 0xbb)
  );
}
