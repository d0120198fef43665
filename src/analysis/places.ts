import { isRegexSpace } from './chars';
import {
  ACRONYM,
  addName,
  COMMON_WORD,
  FIRST_NAME,
  gazetteer,
  goesOn,
  newPlace,
  placesOf,
  SURNAME,
  TAKES_THE,
  USER_PLACE,
  wordKey,
  type Bucket,
  type NamedIndex,
  type Place,
  type PlaceIndex,
} from './gazetteer';
import { NOT_SEEN, paragraphWords, SEEN_CAPACITY, seenWord, seenWordsGeneration, type ParagraphWords } from './paragraphWords';
import {
  AFTER_NAME_WORD,
  ATTACKS_ON,
  CAPTURE_VERB,
  DIRECTION,
  DIRECTION_ADJECTIVE,
  EXAMPLES,
  FACILITY,
  FUNCTION_WORD,
  HONORIFIC,
  isDistanceUnit,
  LINKING,
  LIST_COUNT,
  LIST_NOUN,
  LIST_NOUNS,
  LOCATIVE,
  MONTH_OR_DAY,
  MOTION_VERB,
  NAME_SUFFIXES,
  NEAR_WORD,
  OF,
  OF_PLACE_WORD,
  ON,
  PARTICLE,
  PEOPLE_IN,
  PLACE_HEADS,
  PLACE_OBJECT_VERB,
  PLACE_PASSIVES,
  PLACE_POSSESSION,
  REGION_PLURALS,
  ROAD,
  SETTLEMENT,
  SETTLEMENT_KIND,
  SPEECH_VERB,
  SUFFIX,
  SUFFIX_KIND,
  THE_SUFFIX,
  wordClasses,
} from './placeWords';
import { byTextOrder, sortedInPlace } from './sortedSpans';
import type { Entity, RecogniserContext, UserLexicon } from './types';

// Places in one paragraph, in one pass over its words. At each capitalised word the gazetteer (and the
// user's lexicon) is probed for the longest name starting there; names it lacks are taken from their
// context ("the town of X", "X, a village east of Y", "X's mayor", "X province"). Gazetteer names that
// are also common words or people's names need more than capitals to count. Everything is linear in
// the paragraph: each word is looked at a bounded number of times.

const MAX_NAME_WORDS = 5;
/** "in X" takes only a name that ends its phrase ("in X on Monday", "in X, ..."), and no language, faith or app. */
const CLAUSE_STARTS = new Set(['on', 'last', 'this', 'since', 'earlier', 'late', 'early', 'during', 'after', 'before', 'when', 'and', 'where', 'as', 'overnight', 'yesterday', 'today']);
const NOT_IN_PLACES = new Set(['english', 'arabic', 'french', 'hebrew', 'russian', 'ukrainian', 'persian', 'farsi', 'kurdish', 'amharic', 'swahili', 'hausa', 'somali', 'spanish', 'urdu', 'pashto', 'dari', 'tigrinya', 'islam', 'christianity', 'judaism', 'allah', 'god', 'jesus', 'christ', 'telegram', 'facebook', 'twitter', 'whatsapp', 'youtube', 'tiktok', 'instagram', 'signal', 'parliament', 'congress', 'brief', 'short', 'addition', 'particular', 'total', 'general', 'contrast', 'response', 'return', 'summary', 'conclusion', 'theory', 'practice']);
const CAMP_LOCATIVES = new Set(['at', 'from', 'to', 'into', 'near', 'outside', 'inside', 'around']);
/** Nouns after "state" that make it a state's own, not a federal state: "Beijing state media". */
const STATE_OWNED = new Set(['media', 'television', 'tv', 'radio', 'news', 'broadcaster', 'newspaper', 'agency', 'department', 'company', 'firm', 'oil', 'secretary', 'security', 'visit', 'funeral', 'dinner']);
const isDigitCode = (code: number) => code >= 48 && code <= 57;
/** What a hyphenated pair of places names: "the Nyala-El Fasher road", "the Chad-Sudan border". */
const ROUTE_NOUNS = new Set(['road', 'highway', 'border', 'frontier', 'railway', 'corridor', 'route', 'axis', 'pipeline', 'boundary']);
/** Capitalised places of people that are no places on a map: "returned to Parliament". */
const INSTITUTIONS = new Set(['parliament', 'congress', 'senate', 'assembly', 'court', 'government', 'office', 'power', 'headquarters', 'hospital', 'operation', 'ramadan', 'christmas', 'easter']);
/** What may follow the noun of "X, a town ...". */
const APPOSITION_NEXT = new Set(['north', 'south', 'east', 'west', 'of', 'in', 'on', 'near', 'about', 'some', 'close', 'just', 'outside', 'along', 'where', 'that', 'which', 'held', 'controlled', 'bordering']);

const codes = (chars: string): readonly number[] => [...chars].map((char) => char.charCodeAt(0));
const SENTENCE_ENDS = codes('.!?\n\r');
/** Punctuation that closes an apposition's words ("X, a town south of Y,"). */
const CLAUSE_MARKS = codes(',.;:');
const PHRASE_ENDS = codes(',.;:)');
const COMMA = codes(',');
/** The words before a name that a rule of `evidenceBefore` starts from. */
const BEFORE_NAME_CUES = OF | LOCATIVE | PLACE_OBJECT_VERB | NEAR_WORD | DIRECTION_ADJECTIVE | EXAMPLES | ON | LINKING | CAPTURE_VERB;
/** The words after a name that a rule of `evidenceAfter` reads. */
const AFTER_NAME_CUES = SUFFIX | THE_SUFFIX | LIST_COUNT | DIRECTION | AFTER_NAME_WORD;

interface Found {
  from: number; // first word
  to: number; // last word
  start: number;
  end: number;
  places: readonly Place[];
  kind: string | undefined;
  /** Found by a context rule, not only by the gazetteer. */
  evidence: boolean;
  /** The kind of place the name's last word says it is ("Borno State"), if it says one. */
  named: string | undefined;
}

/** The places of a name found by its context alone (shared: no one adds to it). */
const NO_PLACES: readonly Place[] = [];

const userIndexes = new WeakMap<UserLexicon, NamedIndex | null>();

export function findPlaces(text: string, context: RecogniserContext): Entity[] {
  if (!text) return [];
  const words = paragraphWords(text);
  if (words.length === 0) return [];
  return scanner.scan(words, gazetteer(), userIndex(context.lexicon));
}

function userIndex(lexicon: UserLexicon | undefined): NamedIndex | null {
  if (!lexicon?.places?.length) return null;
  let index = userIndexes.get(lexicon);
  if (index === undefined) {
    index = { byFirst: new Map(), demonyms: new Set() };
    for (const place of lexicon.places) {
      if (typeof place?.name !== 'string') continue;
      const flags = /^(?:[A-Z]\.?){2,5}$/.test(place.name) ? ACRONYM | USER_PLACE : USER_PLACE;
      addName(index, place.name, newPlace(place.name, place.country, place.kind ?? 'locality', undefined, undefined, flags));
    }
    userIndexes.set(lexicon, index);
  }
  return index;
}

/** What the scanner reads of a word, worked out once per spelling ("Kyiv", "the") and kept across paragraphs. */
interface Spelling {
  word: string;
  lower: string;
  key: string;
  /** The gazetteer's names starting with the word, and its places of the word alone. */
  bucket: Bucket | undefined;
  places: Place[] | undefined;
  /** "Libyan", "Libyans": never a place. */
  demonym: boolean;
  /** The word lists it is in, as bits (`wordClasses`). */
  classes: number;
}

/** What the rules read before a paragraph's first word and after its last. */
const OUTSIDE: Spelling = { word: '', lower: '', key: '', bucket: undefined, places: undefined, demonym: false, classes: 0 };

/** Slots for the spellings of words not in the table of words seen (a power of two). */
const NEAR_WORDS = 64;

/** By word id (`ParagraphWords.id`): each spelling the scanner has read, for `spellingsIndex`. */
const spellings = new Array<Spelling | undefined>(SEEN_CAPACITY);
let spellingsIndex: PlaceIndex | undefined;
let spellingsGeneration = -1;

/** Empties the spellings kept when they are of another index, or their word ids were given anew. */
function keepSpellingsFor(index: PlaceIndex): void {
  const generation = seenWordsGeneration();
  if (index === spellingsIndex && generation === spellingsGeneration) return;
  spellings.fill(undefined);
  spellingsIndex = index;
  spellingsGeneration = generation;
}

function spell(word: string, index: PlaceIndex): Spelling {
  const lower = word.toLowerCase();
  const key = wordKey(lower);
  const bucket = index.byFirst.get(key);
  return { word, lower, key, bucket, places: bucket && placesOf(bucket, key), demonym: index.demonyms.has(key), classes: wordClasses(lower) };
}

/**
 * Scans one paragraph at a time. One scanner serves every paragraph (`scanner`): its state is set anew
 * by `scan`, so a paragraph costs no scanner of its own, only two lists (see `start`).
 */
class Scanner {
  // The paragraph's words and the indexes to look them up in, set by `scan`.
  private w!: ParagraphWords;
  private index!: PlaceIndex;
  private user: PlaceIndex | null = null;
  private found: Found[] = [];
  /**
   * Countries of the places found, to choose between places of one name and to doubt far-away towns:
   * a list without repeats (a paragraph names few).
   */
  private countries: string[] = [];
  /**
   * The spellings of the last words read that are not in the table of words seen (too long, or the table
   * full), by word index modulo NEAR_WORDS: the rules read a few words either side of the one they are
   * at. Kept for the whole paragraph, a paragraph of 450,000 new words held them all: each look-up a
   * cache miss in a growing table (4 MB of new capitalised words took 20x the time of 256 KB).
   */
  private readonly nearWords = new Int32Array(NEAR_WORDS).fill(-1);
  private readonly nearSpellings = new Array<Spelling>(NEAR_WORDS).fill(OUTSIDE);
  /** A name after "near"/"in" that had no evidence of its own: "near X and Y, a village ...". */
  private pending: { from: number; to: number } | null = null;
  /** Inside "the districts of X, Y and Z". */
  private listKind: string | null = null;
  /**
   * The last capitalised name that was no place by itself: "X and Y, two towns", "from X to Y". Set at
   * most capitalised words, so one span is kept and overwritten (`from` -1 for none), not made anew.
   */
  private readonly loose = { from: -1, to: -1 };
  private titleCase: boolean | undefined;

  /** The places of the paragraph whose words are `w`, as entities. */
  scan(w: ParagraphWords, index: PlaceIndex, user: PlaceIndex | null): Entity[] {
    this.start(w, index, user);
    const { capital, length } = w;
    let i = 0;
    while (i < length) {
      if (capital[i] === 0) {
        if (this.listKind && !this.continuesList(i)) this.listKind = null;
        i++;
        continue;
      }
      const next = this.recognise(i);
      i = next > i ? next : i + 1;
    }
    return this.settle();
  }

  private start(w: ParagraphWords, index: PlaceIndex, user: PlaceIndex | null): void {
    keepSpellingsFor(index);
    this.w = w;
    this.index = index;
    this.user = user;
    // New lists, not the last paragraph's emptied: V8 sets an array's length in a slow builtin (~50 ns
    // each), where an empty array is a quick allocation.
    this.found = [];
    this.countries = [];
    this.nearWords.fill(-1);
    this.pending = null;
    this.listKind = null;
    this.loose.from = -1;
    this.titleCase = undefined;
  }

  /** Tries a place at word `i`; returns the word after it, or `i` when there is none. */
  private recognise(i: number): number {
    const match = this.lookup(i);
    const run = this.nameRun(i);
    // The context is read only when it can change the answer (most names are plain gazetteer hits).
    const plain = match !== null && run <= match.to && !needsContext(match.places[0].flags) && !this.is(i - 1, OF) && !this.listKind;
    const evidence = plain ? null : this.evidence(i, run);
    if (match && this.accept(match, evidence !== null)) {
      const ruleIsLonger = evidence !== null && run > match.to;
      if (!ruleIsLonger) {
        match.evidence = evidence !== null;
        if (evidence && !match.kind) match.kind = evidence;
        this.emit(this.extend(match));
        return match.to + 1;
      }
    }
    if (evidence !== null) {
      this.emit(this.extend(this.newFound(i, run, NO_PLACES, evidence)));
      return run + 1;
    }
    if (this.isLocative(i - 1) && !this.isSentenceStart(i) && this.mayName(i, run)) this.pending = { from: i, to: run };
    this.loose.from = i; // checked with `mayName` only when used
    this.loose.to = run;
    if (this.listKind && !match) this.listKind = null;
    return i;
  }

  private emit(found: Found): void {
    const pending = this.pending;
    // "near X and Y": X is a place of Y's kind, when Y is a town, a city or a region.
    const kind = found.kind ?? found.places[0]?.kind;
    if (pending && kind && kind !== 'country' && kind !== 'feature' && pending.to < found.from && this.onlyConjunctions(pending.to + 1, found.from)) {
      this.found.push(this.newFound(pending.from, pending.to, NO_PLACES, kind));
    }
    this.pending = null;
    // "X and Y, two towns": a name joined to a place found by its context shares its kind; joined to a
    // gazetteer town or city ("attacked X and Odesa"), only when it does not open the sentence.
    const loose = this.loose;
    if (loose.from >= 0 && kind && kind !== 'country' && kind !== 'feature' && loose.to + 2 === found.from && this.continuesList(loose.to + 1) && this.mayName(loose.from, loose.to)) {
      const known = !found.evidence && kind !== 'region' && !this.isSentenceStart(loose.from) && !this.isCapitalised(loose.from - 1);
      if (found.evidence || known) {
        this.found.push(this.newFound(loose.from, loose.to, NO_PLACES, found.evidence ? kind : 'locality'));
      }
    }
    loose.from = -1;
    this.found.push(found);
    // Countries, regions and cities of one name set the paragraph's countries; small towns do not.
    const place = found.places[0];
    const country = place?.country;
    if (country && place.kind !== 'locality' && isOneCountry(found.places, country) && !this.countries.includes(country)) this.countries.push(country);
  }

  // --- gazetteer -----------------------------------------------------------------------------

  /** The longest name in the user's lexicon or the gazetteer starting at word `i`. */
  private lookup(i: number): Found | null {
    const { key, bucket, places } = this.spelling(i);
    const user = this.user?.byFirst.get(key);
    const found = user ? this.longest(i, key, user, null, placesOf(user, key)) : null;
    return bucket ? this.longest(i, key, bucket, found, places) : found;
  }

  /** `places` are the bucket's places of the first word alone; `best` is kept unless a longer name is found. */
  private longest(i: number, first: string, bucket: Bucket, best: Found | null, places: Place[] | undefined): Found | null {
    let key = first;
    let last = i;
    let longestTo = best ? best.to : -1;
    let longestPlaces: Place[] | undefined;
    for (;;) {
      if (places && last > longestTo) {
        longestTo = last;
        longestPlaces = places;
      }
      if (last - i + 1 >= bucket.maxWords || this.w.possessive[last] || !this.isJoined(last + 1)) break;
      const next = this.key(++last);
      if (!goesOn(bucket, last - i, next)) break;
      key += ` ${next}`;
      places = placesOf(bucket, key);
    }
    return longestPlaces ? this.newFound(i, longestTo, longestPlaces, undefined, false) : best;
  }

  /** Every `Found` is made here, so that all have one shape (the code reading them stays monomorphic). */
  private newFound(from: number, to: number, places: readonly Place[], kind: string | undefined, evidence = true): Found {
    return { from, to, start: this.w.start[from], end: this.w.end[to], places, kind, evidence, named: undefined };
  }

  /** Whether a gazetteer name stands as a place here, given its flags and neighbours. */
  private accept(match: Found, evidence: boolean): boolean {
    const place = match.places[0];
    const flags = place.flags;
    const { from, to } = match;
    const acronym = (flags & ACRONYM) !== 0;
    if (acronym && !this.isAcronymText(match)) return false;
    // "UN" is no town "Un", nor "news agency SANA" Sanaa: a word in capitals is an acronym when short or
    // after a word in lower case (a dateline's and a headline's are not), unless the gazetteer says it is one.
    if (!acronym && (match.end - match.start <= 3 || this.afterLowerCase(from)) && this.isAcronymText(match)) return false;
    const prev = from - 1;
    // Part of a longer hyphenated name ("Mrauk-U"), unless it is the particle of "Al-X", or the pair names a
    // road or border between two places ("the Nyala-El Fasher road", "the Chad-Sudan border").
    const hyphenAfter = this.isJoinedByHyphen(to + 1) && this.isCapitalised(to + 1);
    const hyphenBefore = this.isJoinedByHyphen(from) && this.isCapitalised(prev) && !this.is(prev, PARTICLE);
    const route = (hyphenAfter || hyphenBefore) && this.beforeRoute(to);
    if ((hyphenAfter || hyphenBefore) && !route) return false;
    const single = from === to;
    if (single && flags & USER_PLACE) return true;
    if (single && ((this.is(from, FUNCTION_WORD) && !acronym) || (this.isJoined(from) && this.is(prev, HONORIFIC)))) return false;
    if (evidence || (place.kind === 'country' && !(flags & FIRST_NAME))) return true;
    // "…,” Aguilar told the radio": a small town's name that speaks is a person's, unless the words before place someone
    // there ("officials in Goma said"); a city's may be its government's ("Moscow said").
    if (single && place.kind === 'locality' && this.is(to + 1, SPEECH_VERB) && this.isSpaced(to + 1) && !(this.isJoined(from) && !this.isCapitalised(prev))) return false;
    // A capitalised word before or after makes a longer name: a person's ("Rodrigo Salcedo", "Paris
    // Hilton") or an organisation's ("New York Times"); not so in capitals or in a title-case headline.
    const loose = this.isAcronymText(match) || this.isTitleCase() || route;
    const next = to + 1;
    const capitalBefore =
      !loose && prev >= 0 && this.isJoined(from) && !this.w.possessive[prev] && this.isCapitalised(prev) && !this.is(prev, FUNCTION_WORD);
    const capitalAfter =
      !loose &&
      this.isJoined(next) &&
      !this.w.possessive[to] &&
      this.isCapitalised(next) &&
      !NAME_SUFFIXES.has(this.word(next)) &&
      !this.is(next, FUNCTION_WORD) &&
      !this.titlesName(next);
    // "Ministry of Justice": the common word ends an institution's name.
    const ofName = this.is(prev, OF) && this.isCapitalised(prev - 1) && !loose;
    if (flags & COMMON_WORD && (this.isSentenceStart(from) || capitalBefore || capitalAfter || ofName)) return false;
    if (place.kind === 'country') return !(flags & FIRST_NAME && capitalAfter);
    if (capitalAfter || (single && capitalBefore)) return false;
    return !(single && flags & FIRST_NAME && this.isSentenceStart(from));
  }

  /** The capitalised words joined after word `to`, hyphens between, end before a road's or a border's noun. */
  private beforeRoute(to: number): boolean {
    let k = to + 1;
    while (k < this.w.length && k - to <= MAX_NAME_WORDS && this.isJoined(k) && this.isCapitalised(k)) k++;
    return k < this.w.length && this.isSpaced(k) && ROUTE_NOUNS.has(this.lower(k));
  }

  /** Word `i` is a title before a name: "Kharkiv Mayor Ihor Terekhov" is the mayor of a place. */
  private titlesName(i: number): boolean {
    return this.is(i, HONORIFIC) && i + 1 < this.w.length && this.isJoined(i + 1) && this.isCapitalised(i + 1) && !this.is(i + 1, HONORIFIC);
  }

  /** Word `i` follows, in the same phrase, a word starting with an ASCII lower-case letter. */
  private afterLowerCase(i: number): boolean {
    if (!this.isJoined(i)) return false;
    const c = this.w.text.charCodeAt(this.w.start[i - 1]);
    return c >= 97 && c <= 122;
  }

  /** A short paragraph whose words are all capitalised but for function words: a title-case headline. */
  private isTitleCase(): boolean {
    this.titleCase ??= this.w.length <= 30 && this.isAllCapitalised();
    return this.titleCase;
  }

  /** Three capitalised words or more, and no other but function words (read up to the first other). */
  private isAllCapitalised(): boolean {
    let capitalised = 0;
    for (let i = 0; i < this.w.length; i++) {
      if (this.isCapitalised(i)) capitalised++;
      else if (!this.is(i, FUNCTION_WORD)) return false;
    }
    return capitalised >= 3;
  }

  /** Adds "the" ("the UAE"), an "Al-" particle, and a capitalised suffix ("Shan State", "Goma Airport"). */
  private extend(found: Found): Found {
    const w = this.w;
    const flags = found.places[0]?.flags ?? 0;
    const prev = found.from - 1;
    if (flags & TAKES_THE && prev >= 0 && this.lower(prev) === 'the' && this.isJoined(found.from)) {
      found.start = w.start[prev];
      found.from = prev;
    } else if (prev >= 0 && this.isJoined(found.from) && this.is(prev, PARTICLE) && this.isCapitalised(prev) && !this.isJoined(prev)) {
      found.start = w.start[prev];
      found.from = prev;
    }
    let to = found.to;
    // A country's "State" is no region of it: "the US State Department".
    const stateless = found.places.some((place) => place.kind === 'country');
    while (to + 1 < w.length && !w.possessive[to] && this.isJoined(to + 1) && NAME_SUFFIXES.has(this.word(to + 1)) && to - found.to < 2) {
      if (stateless && this.word(to + 1) === 'State') break;
      to++;
    }
    // The suffix makes the place what it says ("Ondo State": a region, though the gazetteer's Ondo is a city), as it
    // does a name found by its context ("in Borno State"); an airport is not its city's place.
    if (to > found.to || found.places.length === 0) found.named = NAME_SUFFIXES.get(this.word(to));
    // "the Kharkiv region", "Idlib province": the area, not its city (nor a country); the word stays out of the name.
    else if (!stateless && this.regionNounAfter(to)) found.named = 'region';
    if (found.named === 'airport') found.places = NO_PLACES;
    else if (found.named) found.places = ofKindFirst(found.places, found.named);
    found.to = to;
    found.end = w.end[to];
    return found;
  }

  /**
   * A region's noun after the name ending at word `to` ("the Kharkiv region", "Kaduna state": a known place's
   * only, not a word the context makes one, "the Jewish state"), or after the name joined to it ("the
   * Kharkiv and Donetsk regions").
   */
  private regionNounAfter(to: number): boolean {
    if (!this.isSpaced(to + 1)) return false;
    const next = this.word(to + 1);
    if (SUFFIX_KIND.get(next) === 'region' || REGION_PLURALS.has(next)) return true;
    if (next === 'state') return !(this.isSpaced(to + 2) && STATE_OWNED.has(this.word(to + 2))); // not "Beijing state media"
    if (!this.continuesList(to + 1) || !this.isCapitalised(to + 2)) return false;
    const after = this.nameRun(to + 2) + 1;
    return after < this.w.length && this.isSpaced(after) && REGION_PLURALS.has(this.word(after));
  }

  // --- context rules -------------------------------------------------------------------------

  /** The kind of place the words around the capitalised name at `from`..`to` announce, or null. */
  private evidence(from: number, to: number): string | null {
    if (!this.mayName(from, to)) return null;
    const head = to > from ? PLACE_HEADS.get(this.word(to)) : undefined;
    if (head) return head;
    const before = this.evidenceBefore(from);
    const after = this.evidenceAfter(from, to);
    if (this.w.possessive[to] && after === null && before === null) return null;
    // A slot says only that a place is there; a noun after it may say which kind ("in neighbouring X region").
    return before === 'locality' && after !== null ? after : (before ?? after);
  }

  /** Whether the capitalised words `from`..`to` may be a place's name at all. */
  private mayName(from: number, to: number): boolean {
    const first = this.spelling(from);
    if (first.classes & FUNCTION_WORD || first.demonym) return false;
    return to > from || (first.lower.length > 1 && !(first.classes & MONTH_OR_DAY));
  }

  private evidenceBefore(from: number): string | null {
    if (this.listKind && from > 0) {
      const last = this.found.at(-1);
      const kind = this.listKind;
      // "X, Y and Z": the name after "and" ends the list ("..., and Z, Reuters said").
      if (this.continuesList(from - 1)) {
        this.listKind = null;
        return kind;
      }
      if (last?.to === from - 1 && this.gap(from).trim() === ',') return kind;
    }
    const { lower: p1, classes: c1 } = this.spellingAt(from - 1);
    // Most names have none of the words the rules below start from.
    if ((c1 & BEFORE_NAME_CUES) === 0) return null;
    // The word before that counts only after "of", a locative, a direction or examples ("the town of X", "fled to X").
    const readsP2 = (c1 & (OF | LOCATIVE | DIRECTION_ADJECTIVE | EXAMPLES | ON | LINKING)) !== 0;
    const { lower: p2, classes: c2 } = readsP2 ? this.spellingAt(from - 2) : OUTSIDE;
    // "several towns, including X and Y": examples of places; "the road linking X and Y": its ends.
    if (c1 & (EXAMPLES | LINKING)) {
      if ((c2 & (c1 & EXAMPLES ? LIST_NOUN : ROAD)) === 0) return null;
      this.listKind = 'locality';
      return 'locality';
    }
    // "the assault on X", "advancing on X"
    if (c1 & ON) return ATTACKS_ON.has(p2) && this.standsAlone(from) ? 'locality' : null;
    if (c1 & OF) {
      const kind = SETTLEMENT_KIND.get(p2);
      if (kind) {
        if (c2 & LIST_NOUN) this.listKind = kind;
        return kind;
      }
      if (c2 & (DIRECTION | OF_PLACE_WORD)) return 'locality';
    }
    // "fled from X", "arrived in X", "villages near X", "shelled X"
    const locative = (c1 & LOCATIVE) !== 0;
    const settlements = locative && (c2 & SETTLEMENT) !== 0 && p2 !== 'area' && p2 !== 'areas';
    const slot =
      settlements ||
      (locative && (c2 & MOTION_VERB) !== 0) ||
      (p1 === 'around' && p2 === 'and' && this.lower(from - 3) === 'in') || // "in and around X"
      (p1 === 'in' && PEOPLE_IN.has(p2)) || // "residents in X"
      ((c1 & CAPTURE_VERB) !== 0 && this.nameRun(from) === from && this.endsClause(from + 1)) ||
      (c1 & PLACE_OBJECT_VERB) !== 0 ||
      (p1 === 'from' && isDistanceUnit(p2)) ||
      ((c1 & NEAR_WORD) !== 0 && !this.isSentenceStart(from - 1)) ||
      (p1 === 'in' && from === this.nameRun(from) && !NOT_IN_PLACES.has(this.lower(from)) && this.endsClause(from + 1) && (!this.isSentenceStart(from - 1) || this.isAfterComma(from + 1)));
    if (slot && this.standsAlone(from)) {
      // "villages near X, Y and Z": the list goes on; "in X and Y": so does the slot.
      if ((settlements && c2 & LIST_NOUN) || this.joinsName(this.nameRun(from) + 1)) this.listKind = 'locality';
      return 'locality';
    }
    // "from X to Y"
    const before = this.loose.from >= 0 ? this.loose : this.found.at(-1);
    if (p1 === 'to' && before && before.to === from - 2 && this.lowerAt(before.from - 1) === 'from' && this.mayName(before.from, before.to)) return 'locality';
    if (p1 === 'between') this.listKind = 'locality';
    if (locative && (c2 & FACILITY || (c2 & ROAD && (p1 === 'to' || p1 === 'from' || p1 === 'between')))) return 'locality';
    if (c1 & DIRECTION_ADJECTIVE && (c2 & (LOCATIVE | OF) || this.is(from - 3, LOCATIVE))) return 'locality';
    return null;
  }

  /** "40 km", "40km", "25 miles" at word `k`: how far a place lies ("a town 40 km north of Goma"). */
  private isDistanceAt(k: number): boolean {
    const word = this.lowerAt(k);
    if (!isDigitCode(word.charCodeAt(0))) return false;
    return isDistanceUnit(word) || isDistanceUnit(this.lowerAt(k + 1));
  }

  private evidenceAfter(from: number, to: number): string | null {
    const w = this.w;
    if (w.possessive[to]) return this.is(to + 1, PLACE_POSSESSION) ? 'locality' : null;
    // Only a space or a comma lets the words after the name tell what it is.
    const spaced = this.isSpaced(to + 1);
    if (!spaced && !this.isAfterComma(to + 1)) return null;
    const { lower: n1, classes: c1 } = this.spellingAt(to + 1);
    // Most names are followed by none of the words the rules below read.
    if ((c1 & AFTER_NAME_CUES) === 0) return null;
    // "X province"; "the X and Y territories" (a plural after names joined: their kind).
    if (spaced && c1 & SUFFIX) return SUFFIX_KIND.get(n1) ?? (this.continuesList(from - 1) && this.isCapitalised(from - 2) ? 'region' : null);
    const n2 = this.lowerAt(to + 2);
    // "X was shelled"
    if (spaced && (n1 === 'was' || n1 === 'were' || n1 === 'is' || n1 === 'has' || n1 === 'had') && PLACE_PASSIVES.has(n2 === 'been' ? this.lowerAt(to + 3) : n2)) return 'locality';
    if (spaced) {
      // "the X camp", "the X border crossing", "the X refugee camp"; "X local government" (an area)
      const p1 = this.lowerAt(from - 1);
      const noun = c1 & THE_SUFFIX ? n1 : this.is(to + 2, THE_SUFFIX) && /^(?:border|refugee|displacement)$/.test(n1) ? n2 : '';
      // Not "in the X camp": "the Trump camp" is a faction of supporters.
      // Nor after "and" unless a place precedes it: "in Khan Younis and the Nuseirat camp".
      const listed = this.continuesList(from - 2) && this.found.at(-1)?.to === from - 3;
      if (p1 === 'the' && noun && (noun !== 'camp' || CAMP_LOCATIVES.has(this.lowerAt(from - 2)) || listed)) return 'locality';
      if (n1 === 'local' && n2 === 'government') return 'region';
      // "in Duroba camp", "near Walmeh checkpoint" (without "the")
      if (c1 & THE_SUFFIX && this.is(from - 1, LOCATIVE) && !this.isSentenceStart(from)) return 'locality';
      // "from X to Y"
      if (n1 === 'to' && this.lowerAt(from - 1) === 'from' && this.isCapitalised(to + 2) && this.mayName(to + 2, to + 2)) return 'locality';
      return null;
    }
    // "X and Y, two towns on the plain"
    if (c1 & LIST_COUNT) {
      for (let k = to + 2; k < Math.min(w.length, to + 4); k++) {
        if (LIST_NOUNS.has(this.lowerAt(k))) return SETTLEMENT_KIND.get(this.lowerAt(k)) ?? null;
      }
    }
    // "in X, in the north of the country", "X, in northern Y"
    if (n1 === 'in' && this.is(from - 1, LOCATIVE) && ((n2 === 'the' && this.is(to + 3, DIRECTION)) || this.is(to + 2, DIRECTION_ADJECTIVE))) return 'locality';
    // "X, a garrison town north of Y", "X, the capital of Y"
    if (n1 === 'a' || n1 === 'an' || n1 === 'the') {
      for (let k = to + 2; k < Math.min(w.length, to + 6); k++) {
        if (this.isCapitalised(k) || this.is(k, FUNCTION_WORD) || this.gapHas(k, CLAUSE_MARKS)) break;
        const kind = SETTLEMENT_KIND.get(this.lower(k));
        // The noun heads the apposition: "a town south-east of", "a garrison town,", "the capital of".
        if (kind && (k + 1 >= w.length || this.gapHas(k + 1, PHRASE_ENDS) || APPOSITION_NEXT.has(this.lowerAt(k + 1)) || this.isDistanceAt(k + 1))) return kind;
      }
      return null;
    }
    // "X, north of Y", "X, south-east of Y"
    if (c1 & DIRECTION) {
      let k = to + 2;
      if (this.is(k, DIRECTION)) k++;
      if (this.is(k, OF)) return 'locality';
    }
    return null;
  }

  /**
   * The name at `from` is a whole noun phrase, not a modifier ("shelled Islamic State positions") nor an
   * institution ("returned to Parliament").
   */
  private standsAlone(from: number): boolean {
    if (INSTITUTIONS.has(this.lower(from))) return false;
    const next = this.nameRun(from) + 1;
    if (this.w.possessive[next - 1]) return false;
    if (next >= this.w.length || !this.isSpaced(next)) return true;
    // A plural noun after the name makes it a modifier ("positions", "fighters"); a verb does not.
    const word = this.lower(next);
    return !this.isCapitalised(next) && (this.is(next, FUNCTION_WORD) || !word.endsWith('s') || word.endsWith('ss'));
  }

  /** Word `i` starts a new clause or phrase: punctuation before it, or a preposition of time. */
  private endsClause(i: number): boolean {
    if (i >= this.w.length || !this.isSpaced(i)) return true;
    return CLAUSE_STARTS.has(this.lower(i));
  }

  /** Word `i` is "and" or "or" before a name that ends its clause: "in X and Y overnight", not "and Reuters said". */
  private joinsName(i: number): boolean {
    return this.continuesList(i) && this.isCapitalised(i + 1) && this.endsClause(this.nameRun(i + 1) + 1);
  }

  /** Word `i` (not capitalised) keeps a list open: ", Y" or "and Y". */
  private continuesList(i: number): boolean {
    const lower = this.lowerAt(i);
    if (lower === 'and' || lower === 'or') return true;
    return false;
  }

  // --- words ---------------------------------------------------------------------------------

  /** The end of the capitalised name starting at `from`: capitalised words and inner particles. */
  private nameRun(from: number): number {
    const w = this.w;
    let to = from;
    while (!w.possessive[to] && to - from < MAX_NAME_WORDS - 1) {
      const next = to + 1;
      if (next >= w.length || !this.isJoined(next)) break;
      if (this.isCapitalised(next) && !this.is(next, MONTH_OR_DAY)) {
        to = next;
      } else if (this.isCapitalised(next + 1) && this.isJoined(next + 1) && this.is(next, PARTICLE)) {
        to = next + 1;
      } else {
        break;
      }
    }
    return to;
  }

  private text(i: number): string {
    return this.w.text.slice(this.w.start[i], this.w.end[i]);
  }

  private spelling(i: number): Spelling {
    const id = this.w.id[i];
    if (id !== NOT_SEEN) return (spellings[id] ??= spell(seenWord(id), this.index));
    const slot = i & (NEAR_WORDS - 1);
    if (this.nearWords[slot] === i) return this.nearSpellings[slot];
    const spelling = spell(this.text(i), this.index);
    this.nearWords[slot] = i;
    this.nearSpellings[slot] = spelling;
    return spelling;
  }

  /** Word `i` as the text has it. */
  private word(i: number): string {
    return this.spelling(i).word;
  }

  private lower(i: number): string {
    return this.spelling(i).lower;
  }

  /** Word `i`'s spelling; outside the paragraph, that of no word (in no word list). */
  private spellingAt(i: number): Spelling {
    return i >= 0 && i < this.w.length ? this.spelling(i) : OUTSIDE;
  }

  private lowerAt(i: number): string {
    return this.spellingAt(i).lower;
  }

  /** The word lists word `i` is in, as bits; none outside the paragraph. */
  private classesAt(i: number): number {
    return this.spellingAt(i).classes;
  }

  /** Whether word `i` is in one of the word lists of `classes`. */
  private is(i: number, classes: number): boolean {
    return (this.classesAt(i) & classes) !== 0;
  }

  private key(i: number): string {
    return this.spelling(i).key;
  }

  private isCapitalised(i: number): boolean {
    return i >= 0 && i < this.w.length && this.w.capital[i] === 1;
  }

  /** The found text is all capitals: read in place unless it holds a letter beyond ASCII. */
  private isAcronymText(found: Found): boolean {
    const text = this.w.text;
    for (let k = found.start; k < found.end; k++) {
      const c = text.charCodeAt(k);
      if (c >= 128) {
        const span = text.slice(found.start, found.end);
        return span === span.toUpperCase();
      }
      if (c >= 97 && c <= 122) return false;
    }
    return true;
  }

  /** Whether the gap before word `i` holds any of the characters `codes`. */
  private gapHas(i: number, codes: readonly number[]): boolean {
    if (i <= 0 || i >= this.w.length) return false;
    for (let k = this.w.rawEnd[i - 1]; k < this.w.start[i]; k++) if (codes.includes(this.w.text.charCodeAt(k))) return true;
    return false;
  }

  /** The text between word `i - 1` and word `i`. */
  private gap(i: number): string {
    if (i <= 0 || i >= this.w.length) return '';
    return this.w.text.slice(this.w.rawEnd[i - 1], this.w.start[i]);
  }

  /** The gap before word `i` is one space: `gap(i) === ' '` without cutting it out. */
  private isSpaced(i: number): boolean {
    return i > 0 && i < this.w.length && this.w.start[i] - this.w.rawEnd[i - 1] === 1 && this.w.before[i] === 32;
  }

  /** The gap before word `i` opens with a comma. */
  private isAfterComma(i: number): boolean {
    return i > 0 && i < this.w.length && this.w.text.charCodeAt(this.w.rawEnd[i - 1]) === 44;
  }

  /** Word `i` continues a name: one space, a no-break space or a hyphen after the word before. */
  private isJoined(i: number): boolean {
    if (i <= 0 || i >= this.w.length || this.w.start[i] - this.w.rawEnd[i - 1] !== 1) return false;
    const c = this.w.before[i];
    return c === 32 || c === 0xa0 || c === 45;
  }

  /** Word `i` continues a name after a hyphen. */
  private isJoinedByHyphen(i: number): boolean {
    return this.isJoined(i) && this.w.before[i] === 45;
  }

  private isSentenceStart(i: number): boolean {
    return i <= 0 || this.gapHas(i, SENTENCE_ENDS);
  }

  private isLocative(i: number): boolean {
    return this.is(i, LOCATIVE);
  }

  /** Only "and", "or" and commas between words `from` (inclusive) and `to` (exclusive). */
  private onlyConjunctions(from: number, to: number): boolean {
    if (to - from > 1) return false;
    for (let k = from; k < to; k++) if (!this.continuesList(k)) return false;
    return to - from === 1 || this.gapHas(to, COMMA);
  }

  // --- settling ------------------------------------------------------------------------------

  /** Chooses among places of one name by the paragraph's countries; doubts far-away small towns. */
  private settle(): Entity[] {
    const settled: Entity[] = [];
    const countries = this.countries;
    let lastEnd = -1;
    // Found mostly in order already: the sort (a comparator call per pair) only when not.
    sortedInPlace(this.found, byTextOrder);
    for (const found of this.found) {
      if (found.start < lastEnd) continue;
      if (found.places.length > 1) {
        // A country is not the town of its name ("Jordan"), but may be the other country of it ("Congo").
        const country = found.places[0].kind === 'country';
        const local = found.places.find((place) => place.country && countries.includes(place.country) && (!country || place.kind === 'country'));
        if (local) found.places = [local, ...found.places.filter((place) => place !== local)];
      }
      const place = found.places[0];
      if (place && countries.length > 0 && countries.length <= 2 && place.country && !countries.includes(place.country) && !(place.flags & USER_PLACE)) {
        // A small town abroad, named in a paragraph about one or two other countries, is more likely a
        // word or a person ("Fano" in Ethiopia); with a context rule behind it, it is a place, but not that town.
        if (place.kind === 'locality' && found.from === found.to) {
          if (!found.evidence) continue;
          found.places = [];
        }
      }
      settled.push(toEntity(this.w.text, found, countries));
      lastEnd = found.end;
    }
    return settled;
  }
}

const scanner = new Scanner();

/** `name` with each run of white space made one space; the name itself (no copy) when it is already so. */
function singleSpaced(name: string): string {
  for (let k = 0; k < name.length; k++) {
    if (isRegexSpace(name.charCodeAt(k)) && (name.charCodeAt(k) !== 32 || isRegexSpace(name.charCodeAt(k + 1)))) return name.replace(/\s+/g, ' ');
  }
  return name;
}

/** `places` with the first of `kind` first ("Washington State": the state, not the capital); as they are when none is. */
function ofKindFirst(places: readonly Place[], kind: string | undefined): readonly Place[] {
  const at = places.findIndex((place) => place.kind === kind);
  return at <= 0 ? places : [places[at], ...places.slice(0, at), ...places.slice(at + 1)];
}

/** Gazetteer flags that make a name's context worth reading: a common word, a first name, a surname. */
function needsContext(flags: number): boolean {
  return (flags & (COMMON_WORD | FIRST_NAME | SURNAME)) !== 0;
}

/** The places of one name are all in `country`, or are small towns (which do not set the countries). */
function isOneCountry(places: readonly Place[], country: string): boolean {
  for (const other of places) if (other.country !== country && other.kind !== 'locality') return false;
  return true;
}

/**
 * One object literal per kind of place, absent properties undefined (JSON leaves them out): properties
 * added one by one would go to a second, out-of-line array per entity, and the tree keeps ~0.3 million
 * places.
 */
function toEntity(text: string, found: Found, countries: readonly string[]): Entity {
  const place = found.places[0];
  const span = text.slice(found.start, found.end);
  if (place) {
    // A suffix that makes a city a region leaves it without the city's point.
    const located = place.lat !== undefined && place.lon !== undefined && (found.named === undefined || found.named === place.kind);
    return {
      type: 'place',
      text: span,
      start: found.start,
      end: found.end,
      canonical: place.canonical,
      country: place.country || undefined,
      kind: found.named ?? place.kind,
      lat: located ? place.lat : undefined,
      lon: located ? place.lon : undefined,
    };
  }
  return {
    type: 'place',
    text: span,
    start: found.start,
    end: found.end,
    canonical: singleSpaced(span),
    kind: found.named ?? found.kind ?? 'locality',
    country: countries.length === 1 ? countries[0] : undefined,
  };
}
