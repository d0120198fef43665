// The Unicode sentence-boundary rules (UAX #29, as ICU and so Intl.Segmenter apply them) for the
// characters news text is made of: Latin letters, digits, ASCII and typographic punctuation, spaces.
// Intl.Segmenter costs more per character than the whole of some recognisers and has a fixed cost
// per call; this scanner gives the same boundaries in one pass over char codes, which jumps over
// the runs of characters that cannot end a sentence. A text holding any other character (another
// script, combining marks, format characters, emoji) returns null, and the caller asks
// Intl.Segmenter — test/analysis/sentenceBreaks.test.ts checks both agree.

const enum Sb {
  Unsupported = 0,
  Other,
  CR,
  LF,
  Sep,
  Sp,
  Lower,
  Upper,
  Numeric,
  ATerm,
  STerm,
  Close,
  SContinue,
}

/** Sentence_Break classes of U+0000..U+206F; 0 where this scanner defers to Intl.Segmenter. */
const CLASSES = buildClasses();

function buildClasses(): Uint8Array {
  const classes = new Uint8Array(0x2070);
  const set = (chars: string, sb: Sb) => {
    for (const char of chars) classes[char.charCodeAt(0)] = sb;
  };
  const range = (from: number, to: number, sb: Sb) => classes.fill(sb, from, to + 1);
  range(0x00, 0x7f, Sb.Other);
  range(0x30, 0x39, Sb.Numeric);
  range(0x41, 0x5a, Sb.Upper);
  range(0x61, 0x7a, Sb.Lower);
  set('\t\v\f ', Sb.Sp);
  set('\r', Sb.CR);
  set('\n', Sb.LF);
  set('.', Sb.ATerm);
  set('!?', Sb.STerm);
  set('"\'()[]{}', Sb.Close);
  set(',-:;', Sb.SContinue);
  // Latin-1 Supplement (U+0080..U+009F are controls; U+0085 is a paragraph separator; the soft
  // hyphen U+00AD is a format character and stays unsupported).
  range(0x80, 0x9f, Sb.Other);
  classes[0x85] = Sb.Sep;
  range(0xa0, 0xbf, Sb.Other);
  classes[0xa0] = Sb.Sp;
  classes[0xad] = Sb.Unsupported;
  set('ªµº', Sb.Lower);
  set('«»', Sb.Close);
  range(0xc0, 0xde, Sb.Upper);
  range(0xdf, 0xff, Sb.Lower);
  classes[0xd7] = Sb.Other; // ×
  classes[0xf7] = Sb.Other; // ÷
  // Latin Extended-A and -B: upper- and lower-case letters only.
  for (let code = 0x100; code <= 0x24f; code++) {
    const char = String.fromCharCode(code);
    if (/\p{Lu}/u.test(char)) classes[code] = Sb.Upper;
    else if (/\p{Ll}/u.test(char)) classes[code] = Sb.Lower;
  }
  // General Punctuation: spaces, dashes, quotation marks, ellipsis, separators.
  range(0x2000, 0x200a, Sb.Sp);
  range(0x2010, 0x2027, Sb.Other);
  set('–—', Sb.SContinue);
  set('‘’‚‛“”„‟‹›', Sb.Close);
  set('\u2024', Sb.ATerm); // one-dot leader
  set('\u2028\u2029', Sb.Sep);
  set('\u202f\u205f', Sb.Sp);
  range(0x2030, 0x203b, Sb.Other);
  set('‹›', Sb.Close);
  set('‼‽', Sb.STerm);
  return classes;
}

/**
 * The characters that can matter outside a terminator's context (terminators, separators,
 * unsupported ones), with U+01BB..U+01F2 taken whole: the unsupported letters scattered there would
 * give the class so many ranges that V8 tests it eight times slower, and the Latin letters between
 * them (Pinyin vowels with tone marks) are rare enough to take one by one. The scan skips runs of
 * other characters with this regex's `test`, which V8 runs about twice as fast as a loop over char
 * codes and which allocates nothing. Built on first use: loading the extension should not pay for it.
 */
let stop: RegExp | undefined;

function buildStop(): RegExp {
  const inertClasses = [Sb.Other, Sb.Sp, Sb.Lower, Sb.Upper, Sb.Numeric, Sb.Close, Sb.SContinue];
  const skips = (code: number) => (code < 0x1bb || code > 0x1f2) && code < CLASSES.length && inertClasses.includes(CLASSES[code]);
  const hex = (code: number) => `\\u${code.toString(16).padStart(4, '0')}`;
  let ranges = '';
  for (let code = 0; code <= 0xffff; code++) {
    if (skips(code)) continue;
    const from = code;
    while (code < 0xffff && !skips(code + 1)) code++;
    ranges += from === code ? hex(from) : `${hex(from)}-${hex(code)}`;
  }
  return new RegExp(`[${ranges}]`, 'g');
}

/** The first offset at or after `from` holding a STOP character (`text.length` if none). */
function skipToStop(text: string, from: number): number {
  stop ??= buildStop();
  stop.lastIndex = from;
  return stop.test(text) ? stop.lastIndex - 1 : text.length;
}

/** `term` when no terminator is open (a number, not null, keeps the scan's variables monomorphic). */
const NO_TERM = Sb.Unsupported;

function classOf(code: number): Sb {
  return code < CLASSES.length ? CLASSES[code] : Sb.Unsupported;
}

/**
 * The offsets at which sentences start (the first is 0), as Intl.Segmenter('en', { granularity:
 * 'sentence' }) would give them, or null when `text` holds a character outside the supported set.
 */
export function sentenceStarts(text: string): number[] | null {
  const n = text.length;
  if (n === 0) return [];
  const starts = [0];
  // The context before the boundary being decided: the last terminator (ATerm or STerm) if only
  // Close* Sp* follow it, whether spaces have begun, and the class before an ATerm (for SB7).
  let term: Sb = NO_TERM;
  let spaces = false;
  let beforeTerm: Sb = Sb.Other;
  // SB8's look-ahead, kept while it is valid: up to `aheadEnd`, whether a lower-case letter comes first.
  let aheadEnd = -1;
  let lowerAhead = false;
  let prev = classOf(text.charCodeAt(0));
  if (prev === Sb.Unsupported) return null;
  if (prev === Sb.ATerm || prev === Sb.STerm) term = prev;
  for (let i = 1; i < n; i++) {
    if (term === NO_TERM && prev !== Sb.CR && prev !== Sb.LF && prev !== Sb.Sep) {
      // Without an open terminator or a line break before it, a character that is no STOP breaks
      // nothing and opens nothing: go straight to the next STOP.
      const to = skipToStop(text, i);
      if (to > i) {
        prev = CLASSES[text.charCodeAt(to - 1)];
        i = to;
        if (i === n) break;
      }
    }
    const next = classOf(text.charCodeAt(i));
    if (next === Sb.Unsupported) return null;
    if (prev === Sb.CR || prev === Sb.LF || prev === Sb.Sep) {
      if (!(prev === Sb.CR && next === Sb.LF)) starts.push(i); // SB3, SB4
    } else if (term !== NO_TERM) {
      if (term === Sb.ATerm && i > aheadEnd) {
        aheadEnd = significantFrom(text, i);
        if (aheadEnd < 0) return null;
        lowerAhead = aheadEnd < n && classOf(text.charCodeAt(aheadEnd)) === Sb.Lower;
      }
      if (breaksAfterTerm(prev, next, term, spaces, beforeTerm, lowerAhead)) starts.push(i);
    }
    // Fold `next` into the context.
    if (next === Sb.ATerm || next === Sb.STerm) {
      beforeTerm = prev;
      term = next;
      spaces = false;
    } else if (term !== NO_TERM && next === Sb.Close && !spaces) {
      // SATerm Close*: still in the context
    } else if (term !== NO_TERM && next === Sb.Sp) {
      spaces = true;
    } else {
      term = NO_TERM;
    }
    prev = next;
  }
  return starts;
}

/**
 * The first offset at or after `from` holding a letter, separator or terminator (`text.length` if
 * none; -1 on an unsupported character): SB8 looks past everything else for a lower-case letter.
 */
function significantFrom(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const sb = classOf(text.charCodeAt(i));
    if (sb === Sb.Unsupported) return -1;
    if (sb === Sb.Lower || sb === Sb.Upper || sb === Sb.CR || sb === Sb.LF || sb === Sb.Sep || sb === Sb.ATerm || sb === Sb.STerm) return i;
  }
  return text.length;
}

/**
 * Rules SB6 to SB11 for a boundary after an open terminator (SB5 never applies: this scanner has no
 * Extend or Format characters; without a terminator only SB3, SB4 and SB998 can apply).
 */
function breaksAfterTerm(prev: Sb, next: Sb, term: Sb, spaces: boolean, beforeTerm: Sb, lowerAhead: boolean): boolean {
  if (prev === Sb.ATerm && next === Sb.Numeric) return false; // SB6
  if (prev === Sb.ATerm && next === Sb.Upper && (beforeTerm === Sb.Upper || beforeTerm === Sb.Lower)) return false; // SB7
  if (term === Sb.ATerm && lowerAhead) return false; // SB8
  if (next === Sb.SContinue || next === Sb.ATerm || next === Sb.STerm) return false; // SB8a
  if (!spaces && next === Sb.Close) return false; // SB9
  if (next === Sb.Sp || next === Sb.CR || next === Sb.LF || next === Sb.Sep) return false; // SB9, SB10
  return true; // SB11
}
