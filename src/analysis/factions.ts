import { isRegexWordChar } from './chars';
import { factionLexicon, type Alias, type FactionLexicon, type PartyInfo, type StateInfo } from './factionsLexicon';
import { BRACKETED, CAPITALISED, HYPHENATED, KeyTable, PLAIN, plainKeyIs, POSSESSIVE, SPACED, tokenise, WordColumns } from './factionsWords';
import { paragraphWords } from './paragraphWords';
import { byTextOrder, sortedInPlace } from './sortedSpans';
import type { Entity, RecogniserContext } from './types';

export { resolveParties } from './factionsResolve';

// Faction mentions in one paragraph: lexicon names, states named as parties, and descriptions built on
// a force noun ("Turkish troops", "pro-government militias", "Haftar's forces", "forces loyal to X").
// One pass over the words; each rule looks only at a few words around a cheap trigger.

/** A name defined with its acronym that is an international body's mission: "UN Support Mission in Libya". */
const INTERNATIONAL_MISSION = /^(?:UN|U\.N\.|United Nations|AU|African Union|EU|European Union)\s|\bMission\b/;

/** Nouns that make a party of what precedes them ("Fano militiamen", "AU soldiers"). */
const FORCE_SUFFIX = new Set(['fighters', 'militiamen', 'militants', 'troops', 'soldiers', 'forces', 'force', 'units', 'commandos', 'mercenaries', 'militia', 'militias', 'rebels', 'insurgents', 'gunmen', 'loyalists', 'peacekeepers', 'jets', 'guerrillas', 'members']);

/** Heads of a described party ("regional forces", "the Tripoli government"): lower case in the text. */
const HEADS = new Set(['forces', 'force', 'troops', 'soldiers', 'fighters', 'militia', 'militias', 'militiamen', 'mercenaries', 'army', 'navy', 'military', 'government', 'regime', 'junta', 'rebels', 'insurgents', 'militants', 'separatists', 'guerrillas', 'jihadists', 'paramilitaries', 'gunmen', 'units', 'commandos', 'coalition', 'factions', 'peacekeepers']);
/** Heads a bare capitalised word may govern ("the Tripoli government", "the Kinshasa forces"). */
const PLACE_HEADS = new Set(['government', 'forces', 'regime', 'army', 'military', 'troops']);
/** Heads that name a state's own forces or government after a demonym or possessive. */
const STATE_HEADS = new Set(['army', 'military', 'forces', 'troops', 'soldiers', 'navy', 'government', 'regime', 'junta', 'authorities', 'force', 'peacekeepers']);

const MODIFIERS = new Set([
  'government', 'pro-government', 'anti-government', 'rebel', 'security', 'regional', 'federal', 'interim', 'transitional',
  'military', 'national', 'rival', 'elected', 'recognised', 'recognized', 'internationally', 'opposition', 'clan', 'tribal',
  'ethnic', 'paramilitary', 'islamist', 'jihadist', 'separatist', 'allied', 'coalition', 'junta', 'loyalist', 'regular',
  'special', 'army', 'state', 'local', 'insurgent', 'militia', 'naval', 'ground', 'elite', 'de', 'facto', 'breakaway', 'self-declared',
]);
const COMPOUND = /-(?:backed|supported|sponsored|armed|funded|trained|led|allied|aligned|recognised|recognized|based|controlled|installed|run)$/;
const COMPOUND_PART = new Set(['backed', 'supported', 'sponsored', 'armed', 'funded', 'trained', 'led', 'allied', 'aligned', 'recognised', 'recognized', 'based', 'controlled', 'installed', 'run']);

/** "forces loyal to X", "fighters backing X". */
/** Nouns after which a head word is only a modifier ("military leader"). */
const ROLE_NOUNS = new Set(['leader', 'leaders', 'commander', 'commanders', 'chief', 'chiefs', 'spokesman', 'spokesperson', 'spokeswoman', 'official', 'officials', 'officer', 'officers', 'source', 'sources', 'base', 'bases', 'camp', 'camps', 'planes', 'aircraft', 'vehicles', 'convoy', 'convoys', 'operation', 'operations', 'intelligence', 'court', 'courts', 'ruler', 'rulers', 'academy', 'hospital', 'statement', 'analyst', 'analysts', 'expert', 'experts', 'positions', 'position', 'headquarters', 'offensive', 'campaign', 'strikes', 'strike', 'jets', 'drones', 'helicopters', 'equipment', 'spending', 'budget', 'service', 'services', 'figures', 'ministry', 'minister', 'ministers', 'policy', 'buildings', 'building', 'uniforms', 'uniform', 'doctors', 'hospitals', 'checkpoint', 'checkpoints', 'post', 'posts', 'barracks', 'salaries', 'rule', 'control', 'coup', 'takeover', 'regime', 'media', 'television', 'radio', 'website', 'ships', 'vessels', 'vessel', 'ship']);

/** A state's services named with capitals after its demonym; first words stand for the pairs. */
const CAPITAL_HEADS = new Set(['army', 'navy', 'military', 'marines', 'air', 'armed', 'national', 'coast', 'special', 'air force', 'armed forces', 'national guard', 'coast guard', 'special forces', 'border', 'border guard']);
const MULTI_DEMONYM_STARTS = new Set(['south', 'north', 'central', 'new', 'papua', 'sierra', 'costa', 'sri', 'cape', 'el', 'saudi']);

/** Plural heads for people, whose mention leaves out a leading "the". */
const PERSONS = new Set(['troops', 'fighters', 'soldiers', 'mercenaries', 'militiamen', 'gunmen', 'commandos', 'militants', 'rebels', 'insurgents', 'separatists', 'guerrillas', 'jihadists', 'paramilitaries']);
const LOYALTY_HEADS = new Set(['forces', 'fighters', 'troops', 'militias', 'militia', 'soldiers', 'units', 'militiamen', 'gunmen', 'rebels', 'men']);
const PERSON_HEADS = new Set(['forces', 'fighters', 'troops', 'loyalists', 'men', 'militia', 'militias', 'army', 'soldiers', 'supporters', 'guards']);
const TITLES = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'army', 'military', 'chief', 'commander', 'president', 'general', 'leader', 'prime', 'minister', 'warlord', 'colonel', 'field', 'marshal', 'strongman', 'former', 'ousted', 'renegade', 'rebel', 'eastern', 'western', 'northern', 'southern', 'internationally', 'recognised', 'recognized', 'and', 'elected', 'self-styled', 'exiled', 'deposed', 'local', 'powerful', 'cleric', 'sheikh', 'interim', 'transitional', 'federal', 'central', 'national', 'military-led']);
const NP_HEADS = new Set(['government', 'regime', 'administration', 'junta', 'council', 'authorities', 'faction', 'movement', 'group', 'forces', 'army', 'leadership']);
const NAME_PARTICLES = /^(?:al|el|ad|an|as|ash|at|ar|bin|ibn|ag|abu|abd|de|van|von|da|dos|del)(?:-|$)/;

/** Words of an organisation's name defined by an acronym that make it a party. */
const NAME_HEADS = new Set(['army', 'forces', 'force', 'front', 'movement', 'group', 'alliance', 'brigade', 'brigades', 'militia', 'militias', 'guard', 'guards', 'corps', 'units', 'council', 'coalition', 'mission', 'command', 'government', 'liberation', 'resistance', 'jihad', 'mujahideen', 'defence', 'defense', 'self-defence', 'self-defense', 'battalion', 'legion', 'regiment', 'tigers', 'cartel', 'clan', 'rebels', 'ejército', 'fuerzas', 'frente', 'movimiento', 'armée', 'mouvement', 'jama\'at', 'jamaat', 'harakat', 'ansar', 'jaish', 'lashkar', 'katiba', 'kataib', 'liwa', 'saraya', 'mayor', 'junta', 'framework', 'authority']);
/** Words that make a defined name an institution rather than a party ("Security Council", "Human Rights Watch", "Norwegian Refugee Council"). */
const NOT_PARTY_NAMES = new Set(['rights', 'observatory', 'bank', 'university', 'institute', 'agency', 'news', 'organization', 'organisation', 'programme', 'program', 'fund', 'commission', 'court', 'office', 'ministry', 'health', 'relief', 'humanitarian', 'red', 'crescent', 'press', 'committee', 'research', 'studies', 'monitoring', 'control', 'electoral', 'football', 'olympic', 'refugee', 'refugees', 'aid', 'medical', 'food', 'migration', 'development', 'charity']);
/** Words after which a state's name is a place: "the mission in Afghanistan condemned". */
const PLACE_PREPOSITIONS = new Set(['in', 'of', 'from', 'at', 'near', 'across', 'inside', 'within', 'throughout', 'outside', 'into', 'to', 'for', 'on']);
/** A unit's number: "444", "47th". */
const UNIT_NUMBER = /^\d{1,4}(?:st|nd|rd|th)?$/;
/** "12 May Brigade" is a date before a word, not a unit. */
const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);
const NAME_CONNECTORS = new Set(['of', 'the', 'for', 'and', 'de', 'del', 'la', 'al', 'wal', 'du', 'des', 'in', 'el', 'y', 'to', 'on']);
const UPPER = /\p{Lu}/u;
const ACRONYM = /^[\p{Lu}\d][\p{L}\d/-]{1,9}$/u;

/**
 * What makes a state named after it a party ("backed by", "allied with", "war against"): the words that
 * can end the context just before the state, each with the patterns of what comes before that word.
 */
const BEFORE_STATE_RULES: [prefix: string, cues: string[]][] = [
  ["\\b(?:backed|supported|armed|funded|financed|trained|equipped|sponsored|designated|sanctioned|aided|bankrolled|recognised|recognized|condemned|accused|launched|fired|conducted|supplied|provided|delivered|deployed|sent|invaded|occupied|annexed|attacked|struck)\\b(?:\\s+[\\p{L}'’-]+){0,3}\\s+", ['by']],
  ['\\b(?:allied|aligned)\\s+', ['with', 'to']],
  ['\\b(?:turned|fight|fighting|fought|war|battle|offensive|campaign|insurgency|rebellion|sanctions|proxy)\\s+', ['against', 'with', 'for', 'of']],
  ['\\b', ['accused', 'accuses', 'accusing', 'blamed', 'blames', 'blaming']],
  ['\\b(?:support|backing|help|weapons|arms|aid|troops|drones)\\s+', ['from']],
  ['\\bcoalition\\s+(?:that\\s+)?', ['included', 'includes', 'including']],
  ['\\b(?:supplier|backer|ally|patron|sponsor)s?\\s+along\\s+', ['with']],
];
/**
 * By the last word before a state (its key): the pattern the context before the state matches, ending
 * in that word and spaces. The word is the key of the word before the state whenever one matches (the
 * pattern is case-sensitive and the word stands alone), so only the rules ending in it are tried: one
 * pattern of all the rules, tried at each of 80 places, was slow to fail.
 */
const BEFORE_STATE = new Map<string, RegExp>();
for (const cue of new Set(BEFORE_STATE_RULES.flatMap(([, cues]) => cues))) {
  const prefixes = BEFORE_STATE_RULES.filter(([, cues]) => cues.includes(cue)).map(([prefix]) => prefix);
  BEFORE_STATE.set(cue, new RegExp(`(?:${prefixes.join('|')})${cue}\\s+$`, 'u'));
}
/** The last word before a state that BEFORE_STATE can end with: a cheap gate for it. */
const BEFORE_CUES = new Set(BEFORE_STATE.keys());
const ADVERBS = 'long|repeatedly|quietly|also|previously|consistently|strongly|now|already|reportedly|allegedly|not|openly|publicly|officially|firmly|again|recently|since|never|still|both|jointly';
const VERBS =
  'denied|denies|deny|denying|accused|accuses|backs|backed|supports|supported|armed|arms|sent|sends|deployed|deploys|launched|launches|intervened|intervenes|imposed|imposes|brokered|brokers|condemned|condemns|rejected|rejects|invaded|invades|annexed|struck|strikes|attacked|attacks|bombed|shelled|threatened|threatens|vowed|pledged|recalled|expelled|sanctioned|mobilised|mobilized|trained|trains|supplied|supplies|funded|funds|financed|armed|sided|retaliated|ordered|fought|fights|occupied|occupies|withdrew|seized|captured|shot|targeted|hit|blamed|blames|admitted|acknowledged|insisted|warned|demanded|designated|recognised|recognized|mediated|hosted|hosts|asked|urged|requested|traded|appealed|leads|led';
/** The first word after a state that AFTER_STATE can start with: a cheap gate for it. */
const AFTER_CUES = new Set(['and', 'has', 'have', 'had', 'is', 'was', 'were', 'are', 'will', 'would', ...ADVERBS.split('|'), ...VERBS.split('|')]);
const AFTER_STATE = new RegExp(
  `^(?:\\s+and\\s+(?:the\\s+)?(?:\\p{Lu}[\\p{L}.'’-]*\\s+){1,4}|\\s*,\\s*(?:which|who)\\s+|\\s*,\\s*whose\\s+\\p{L}+\\s+|\\s+)` +
    `(?:(?:has|have|had|is|was|were|are|will|would)\\s+)?(?:(?:${ADVERBS})\\s+){0,3}(?:${VERBS})(?!\\w)` +
    `|^\\s*,\\s*(?:(?:${ADVERBS})\\s+)?(?:supported|backed|armed|funded|aided)\\s+by\\b` +
    `|^,\\s+(?:the\\s+|a\\s+|its\\s+)?(?:[\\p{L}’'-]+\\s+){0,4}?(?:supplier|backer|ally|patron|sponsor|backers|allies|suppliers)\\b`,
  'u',
);
const LIST_GAP = /^(?:,\s*(?:and\s+)?(?:by\s+)?|\s+and\s+(?:by\s+)?|\s+or\s+)$/;
const KNOWN_AS = /^,?\s+(?:(?:also|formally|locally|commonly|widely|officially|better|collectively)\s+)?(?:known|referred\s+to)\s+(?:as|by\s+(?:its|their|the)\s+(?:\p{L}+\s+){0,2}?(?:acronym|name|initials|abbreviation))\s+[“"‘']?/u;

/** Two capitals or digits, anywhere in a word (whose characters ACRONYM has checked). */
const TWO_CAPITALS = /[\p{Lu}\d].*[\p{Lu}\d]/u;

/** "LNA", "FAMa", "M23": at least two capitals or digits. */
function isAcronym(word: string): boolean {
  return ACRONYM.test(word) && TWO_CAPITALS.test(word);
}

/** The gap before a name in "loyal to “X”": spaces and opening quotes; sticky, tried where the gap starts. */
const NAME_GAP = /[\s“"‘']+/y;
/** The last run of letters before the end of a loyalty mention. */
const LAST_LETTERS = /(\p{L}+)\W*$/u;
const LETTER = /\p{L}/u;

/** Either half of a surrogate pair: part of a character beyond the BMP, maybe a letter. */
function isSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdfff;
}

// Each word set as one bit of a key's `roles` (31 at most): a word's memberships then cost one lookup of its key.
const roleSets: Set<string>[] = [];
function role(set: Set<string>): number {
  roleSets.push(set);
  return 1 << (roleSets.length - 1);
}
const FORCE_NOUN = role(FORCE_SUFFIX);
const HEAD = role(HEADS);
const PLACE_HEAD = role(PLACE_HEADS);
const STATE_HEAD = role(STATE_HEADS);
const MODIFIER = role(MODIFIERS);
const COMPOUND_WORD = role(COMPOUND_PART);
const ROLE_NOUN = role(ROLE_NOUNS);
const CAPITAL_HEAD = role(CAPITAL_HEADS);
const MULTI_DEMONYM_START = role(MULTI_DEMONYM_STARTS);
const PERSON = role(PERSONS);
const LOYALTY_HEAD = role(LOYALTY_HEADS);
const PERSON_HEAD = role(PERSON_HEADS);
const TITLE = role(TITLES);
const NP_HEAD = role(NP_HEADS);
const BEFORE_CUE = role(BEFORE_CUES);
const AFTER_CUE = role(AFTER_CUES);
const NAME_CONNECTOR = role(NAME_CONNECTORS);
const UNIT_NOUN = role(new Set(['brigade', 'battalion', 'regiment', 'division', 'corps']));
const FORCE_NAME_NOUN = role(new Set(['forces', 'army', 'brigade', 'brigades', 'battalion', 'militia']));
/** Words that say only what a force is: no name ("the Armed Forces"). */
const GENERIC_FORCE_WORD = role(
  new Set(['armed', 'security', 'special', 'allied', 'air', 'national', 'regular', 'federal', 'government', 'coalition', 'ground', 'land', 'naval', 'defence', 'defense', 'border', 'red', 'royal', 'rebel', 'militia', 'police']),
);
// Words the scan asks about at every word.
const THE = role(new Set(['the']));
const AND = role(new Set(['and']));
/** The words KNOWN_AS cannot match without. */
const KNOWN_AS_CUE = role(new Set(['known', 'referred']));
/** The first words of aliases: set from the lexicon, not from a word set. */
const ALIAS_START = role(new Set());
/** Demonyms and peoples as keys of their own (see `demonymAt`): set from the lexicon too. */
const DEMONYM_START = role(new Set());
/** Keys that follow "the" in aliases ("the uae"): set from the lexicon too. */
const THE_ALIAS_KEY = role(new Set());
/** A word with none of these roles and none of these flags starts no rule (see each rule's first test)... */
const RULE_START_ROLES = ALIAS_START | MODIFIER | LOYALTY_HEAD;
const RULE_START_FLAGS = POSSESSIVE | HYPHENATED | BRACKETED;
/** ... unless it is capitalised and a demonym can start with it (see `describedAt`)... */
const CAPITALISED_START_ROLES = DEMONYM_START | MULTI_DEMONYM_START;
/** ... or it is "the" before a word that can follow it in a mention (see `aliasesAt` and `describedAt`). */
const AFTER_THE_ROLES = THE_ALIAS_KEY | MODIFIER;
const AFTER_THE_FLAGS = CAPITALISED | POSSESSIVE | HYPHENATED;

/** An alias with the id of each of its keys, so a mention matches it word by word without key strings. */
interface IndexedAlias {
  alias: Alias;
  ids: number[];
}

/** What a key is to the scan: its word sets and its lexicon entries. Every field set, so every entry has one shape (see `newKeyInfo`). */
interface KeyInfo {
  roles: number;
  /** Aliases whose index key is this key. */
  aliases: IndexedAlias[] | undefined;
  /** Aliases indexed by "the" and this key ("the uae"). */
  theAliases: IndexedAlias[] | undefined;
  demonym: StateInfo | undefined;
  people: boolean;
}

/**
 * An entry with no roles and no lexicon entries. Entries are read at most words: one shape for all keeps
 * those reads monomorphic, where adding fields as found made a dozen shapes.
 */
function newKeyInfo(): KeyInfo {
  return { roles: 0, aliases: undefined, theAliases: undefined, demonym: undefined, people: false };
}

/** Every key the scan knows, numbered, with what each is: a word then costs one probe of the table. */
interface KeyIndex {
  table: KeyTable;
  /** By key id; none for `NO_KEY` and for keys that only occur inside aliases. */
  infos: (KeyInfo | undefined)[];
  /** By key id: `KeyInfo.roles`, 0 where there is no entry. */
  roles: Int32Array;
  /** Each state's own army as the lexicon names it, or null, once looked up (see `stateForce`). */
  armies: Map<StateInfo, PartyInfo | null>;
}

const keyIndexes = new WeakMap<FactionLexicon, KeyIndex>();

/** The key index of a lexicon, built on its first scan. */
function keyIndex(lexicon: FactionLexicon): KeyIndex {
  let index = keyIndexes.get(lexicon);
  if (index) return index;
  const table = new KeyTable();
  const infos: KeyInfo[] = [];
  const info = (key: string): KeyInfo => (infos[table.add(key)] ??= newKeyInfo());
  roleSets.forEach((set, n) => {
    for (const key of set) info(key).roles |= 1 << n;
  });
  const indexed = (list: Alias[]): IndexedAlias[] => list.map((alias) => ({ alias, ids: alias.keys.map((key) => table.add(key)) }));
  for (const [key, list] of lexicon.aliases) {
    if (key.startsWith('the ')) {
      const entry = info(key.slice(4));
      entry.theAliases = indexed(list);
      entry.roles |= THE_ALIAS_KEY;
    }
    else {
      const entry = info(key);
      entry.aliases = indexed(list);
      entry.roles |= ALIAS_START;
    }
  }
  for (const [key, state] of lexicon.demonyms) {
    const entry = info(key);
    entry.demonym = state;
    entry.roles |= DEMONYM_START;
  }
  for (const key of lexicon.peoples) {
    const entry = info(key);
    entry.people = true;
    entry.roles |= DEMONYM_START;
  }
  // "pro-Russian separatists", "anti-Houthi forces", "pro-Kyiv fighters": a side named in one word.
  for (const side of sidesIn(lexicon)) for (const prefix of ['pro-', 'anti-']) info(prefix + side).roles |= MODIFIER;
  const roles = new Int32Array(table.size);
  infos.forEach((entry, id) => (roles[id] = entry.roles));
  index = { table, infos: Array.from({ length: table.size }, (_, id) => infos[id]), roles, armies: new Map() };
  keyIndexes.set(lexicon, index);
  return index;
}

/** The one-word names of states (and their demonyms and capitals), parties and leaders, as keys. */
function sidesIn(lexicon: FactionLexicon): Set<string> {
  const sides = new Set<string>();
  const add = (key: string) => {
    if (!key.includes(' ')) sides.add(key); // codes too: "pro-US"
  };
  for (const key of lexicon.statesByKey.keys()) add(key);
  for (const key of lexicon.leaders.keys()) add(key);
  for (const key of lexicon.partyByKey.keys()) add(key);
  for (const list of lexicon.aliases.values()) for (const alias of list) if (alias.capital && alias.keys.length === 1) add(alias.keys[0]);
  return sides;
}

/** Every field set, even to undefined: one shape for all candidates keeps `settle`'s reads monomorphic. */
interface Candidate {
  start: number;
  end: number;
  canonical: string | undefined;
  kind: string | undefined;
}

/** Earliest first, then longest. */
interface StateMention {
  first: number;
  last: number;
  start: number;
  end: number;
  state: StateInfo;
}

export function findFactions(text: string, context: RecogniserContext): Entity[] {
  if (!text) return [];
  return new ParagraphScan(text, factionLexicon(context.lexicon ?? {})).run();
}

class ParagraphScan {
  private readonly words: WordColumns;
  private readonly count: number;
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly flags: Uint8Array;
  /** Each word's key id in the key index. */
  private readonly ids: Int32Array;
  private readonly index: KeyIndex;
  private readonly roles: Int32Array;
  private readonly found: Candidate[] = [];
  private readonly states: StateMention[] = [];
  /** How many mentions were found before any state joined them: the named parties are among these. */
  private namedParties = 0;
  /** `partyEdges`, once made. */
  private edges: Set<number> | null = null;

  constructor(
    private readonly text: string,
    private readonly lexicon: FactionLexicon,
  ) {
    this.index = keyIndex(lexicon);
    this.roles = this.index.roles;
    const words = new WordColumns(text, this.index.table, paragraphWords(text));
    this.words = words;
    this.count = words.count;
    this.starts = words.starts;
    this.ends = words.ends;
    this.flags = words.flags;
    this.ids = words.ids;
  }

  run(): Entity[] {
    for (let i = 0; i < this.count; i++) {
      if (!this.mayTrigger(i)) continue;
      this.lexiconAt(i);
      this.describedAt(i);
      this.possessiveAt(i);
      this.acronymAt(i);
      this.loyaltyAt(i);
    }
    this.statesAsParties();
    this.knownAs();
    this.unitsByName();
    return this.settle();
  }

  /**
   * Forces the lexicon lacks, named by a number ("444 Brigade", "the 47th Mechanized Brigade") or by
   * capitalised words after "the" ("the Tiger Forces", "the Kurdish-led Tiger Forces": who leads it is no
   * part of the name); not words that only say what a force is ("the Armed Forces"), nor a name that
   * holds a party found already.
   */
  private unitsByName(): void {
    for (let head = 1; head < this.count; head++) {
      if (!this.is(head, UNIT_NOUN | FORCE_NAME_NOUN) || !this.capitalised(head) || !this.spacedAt(head)) continue;
      let first = head;
      while (first > 0 && head - first < 4 && this.spacedAt(first) && this.capitalised(first - 1) && !this.possessive(first - 1) && !this.compound(first - 1) && !this.is(first - 1, THE)) first--;
      let start = -1;
      if (this.is(head, UNIT_NOUN) && head - first < 4 && this.isUnitNumber(first - 1) && !MONTHS.has(this.key(first))) start = first - 1;
      else if (first < head && this.is(head, FORCE_NAME_NOUN) && !this.allAre(first, head, GENERIC_FORCE_WORD)) {
        let the = first - 1;
        if (the > 0 && this.compound(the)) the--; // "the Kurdish-led Tiger Forces"
        if (the >= 0 && this.is(the, THE) && this.spacedAt(the + 1)) start = first;
      }
      if (start < 0) continue;
      const from = this.starts[start];
      const to = this.ends[head];
      if (this.found.some((c) => c.start < to && from < c.end)) continue;
      const name = this.text.slice(from, to);
      this.found.push({ start: from, end: to, canonical: name, kind: start < first ? 'force' : 'armed-group' });
    }
  }

  /** Word `k` is a unit's number ("444", "47th"), not one of a list or a larger number ("1,200"). */
  private isUnitNumber(k: number): boolean {
    if (k < 0 || !this.spacedAt(k + 1) || !UNIT_NUMBER.test(this.raw(k))) return false;
    const before = this.starts[k] - 1;
    return before < 0 || (this.text.charCodeAt(before) !== 44 && this.text.charCodeAt(before) !== 46);
  }

  /** Whether words `from` to `to` (exclusive) all have `role`. */
  private allAre(from: number, to: number, role: number): boolean {
    for (let k = from; k < to; k++) if (!this.is(k, role)) return false;
    return true;
  }

  /**
   * Whether any rule can start at word `i`: most words are passed at once. A capitalised word that
   * starts nothing else can only start a description, with a demonym or before a compound's second part
   * ("U.S.-backed"); "the" only a lexicon name or a description, with the word after it.
   */
  private mayTrigger(i: number): boolean {
    if ((this.flags[i] & RULE_START_FLAGS) !== 0 || this.is(i, RULE_START_ROLES)) return true;
    if (this.is(i, THE)) return this.mayFollowThe(i + 1);
    return this.capitalised(i) && (this.is(i, CAPITALISED_START_ROLES) || this.compoundPartAt(i + 1));
  }

  /** Word `k` can be the first after "the" in a lexicon name or a description. */
  private mayFollowThe(k: number): boolean {
    return k < this.count && ((this.flags[k] & AFTER_THE_FLAGS) !== 0 || this.is(k, AFTER_THE_ROLES) || this.compoundPartAt(k + 1));
  }

  /** Word `k` exists and can be a compound's second part ("backed" in "U.S.-backed"). */
  private compoundPartAt(k: number): boolean {
    return k < this.count && this.is(k, COMPOUND_WORD);
  }

  /** Word `i`'s key, or '' past the last word. */
  private key(i: number): string {
    return i < this.count ? this.words.key(i) : '';
  }

  /** Word `i` exists and its key is `key`. */
  private keyIs(i: number, key: string): boolean {
    return i < this.count && this.words.keyIs(i, key);
  }

  private is(i: number, role: number): boolean {
    return (this.roles[this.ids[i]] & role) !== 0;
  }

  private anyWordIs(role: number): boolean {
    for (let i = 0; i < this.count; i++) if (this.is(i, role)) return true;
    return false;
  }

  private capitalised(i: number): boolean {
    return (this.flags[i] & CAPITALISED) !== 0;
  }

  private possessive(i: number): boolean {
    return (this.flags[i] & POSSESSIVE) !== 0;
  }

  private spacedAt(i: number): boolean {
    return (this.flags[i] & SPACED) !== 0;
  }

  /** A bare hyphen joins word `i` to the one before ("U.S.-backed"). */
  private hyphenBefore(i: number): boolean {
    const gap = this.ends[i - 1];
    return this.starts[i] - gap === 1 && this.text.charCodeAt(gap) === 45;
  }

  /** A plural possessive's apostrophe and a space join word `i` to the one before, in a name: "Kurdistan Workers' Party". */
  private pluralPossessiveBefore(i: number): boolean {
    const gap = this.ends[i - 1];
    const apostrophe = this.text.charCodeAt(gap);
    return this.starts[i] - gap === 2 && (apostrophe === 39 || apostrophe === 0x2019) && this.text.charCodeAt(gap + 1) === 32;
  }

  /** "UN-backed", "Russia-led": the key ends in a compound's second part. */
  private compound(i: number): boolean {
    if ((this.flags[i] & HYPHENATED) === 0) return false;
    if ((this.flags[i] & PLAIN) === 0) return COMPOUND.test(this.key(i));
    // The part after the last hyphen, looked up in place.
    let hyphen = this.ends[i] - 1;
    while (this.text.charCodeAt(hyphen) !== 45 && this.text.charCodeAt(hyphen) !== 0x2011) hyphen--;
    const id = this.index.table.findPlain(this.text, hyphen + 1, this.ends[i]);
    return (this.roles[id] & COMPOUND_WORD) !== 0;
  }

  /** The key index's entry for word `i`'s key. */
  private info(i: number): KeyInfo | undefined {
    return this.index.infos[this.ids[i]];
  }

  /** The key index's entry for a possessive word's base. */
  private baseInfo(i: number): KeyInfo | undefined {
    const { table, infos } = this.index;
    const id = this.flags[i] & PLAIN ? table.findPlain(this.text, this.starts[i], this.ends[i] - 2) : table.find(this.base(i));
    return infos[id];
  }

  /** A possessive word's base is `key`. */
  private baseIs(i: number, key: string): boolean {
    return this.flags[i] & PLAIN ? plainKeyIs(this.text, this.starts[i], this.ends[i] - 2, key) : this.base(i) === key;
  }

  /** Key without its possessive `'s`. */
  private base(i: number): string {
    return this.possessive(i) ? this.key(i).slice(0, -2) : this.key(i);
  }

  private baseEnd(i: number): number {
    return this.possessive(i) ? this.ends[i] - 2 : this.ends[i];
  }

  private raw(i: number): string {
    return this.text.slice(this.starts[i], this.ends[i]);
  }

  /** The text equals an acronym alias, its first letter in either case, quotes straightened. */
  private sameCase(start: number, end: number, exact: string): boolean {
    if (end - start !== exact.length) return false;
    const text = this.text;
    if (text[start].toLowerCase() !== exact[0].toLowerCase()) return false;
    for (let k = 1; k < exact.length; k++) {
      const c = text[start + k];
      if (c !== exact[k] && !(exact[k] === "'" && (c === '’' || c === '‘'))) return false;
    }
    return true;
  }

  private hasCapital(start: number, end: number): boolean {
    for (let k = start; k < end; k++) {
      const c = this.text.charCodeAt(k);
      if (c >= 65 && c <= 90) return true;
      if (c > 127 && UPPER.test(this.text[k])) return true;
    }
    return false;
  }

  private wordStartingAt(offset: number): number {
    let lo = 0;
    let hi = this.count - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const start = this.starts[mid];
      if (start === offset) return mid;
      if (start < offset) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /**
   * The longest alias starting at word `i` (by its key, or by "the" and the next key): [alias, index of its
   * last word, end offset]. A possessive word's own aliases ("Ukraine's armed forces") come first, then
   * its base's ("Ukraine" in "Ukraine's army").
   */
  private aliasAt(i: number): [Alias, number, number] | null {
    const first = this.is(i, THE) ? i + 1 : i;
    if (first >= this.count) return null;
    const the = first > i;
    const own = this.info(first);
    const hit = this.aliasIn(i, the ? own?.theAliases : own?.aliases);
    if (hit || !this.possessive(first)) return hit;
    const base = this.baseInfo(first);
    return this.aliasIn(i, the ? base?.theAliases : base?.aliases);
  }

  private aliasIn(i: number, list: IndexedAlias[] | undefined): [Alias, number, number] | null {
    if (!list) return null;
    for (const { alias, ids } of list) {
      const n = ids.length;
      if (i + n > this.count) continue;
      let ok = true;
      let end = 0;
      for (let j = 0; j < n && ok; j++) {
        const k = i + j;
        if (this.ids[k] === ids[j]) end = this.ends[k];
        else if (j === n - 1 && this.possessive(k) && this.baseIs(k, alias.keys[j])) end = this.ends[k] - 2;
        else ok = false;
        // The gap before the word is tested after its key, which fails far more often (and never reads the text).
        if (ok && j > 0 && !this.spacedAt(k) && !this.hyphenBefore(k) && !this.pluralPossessiveBefore(k)) ok = false;
      }
      if (!ok) continue;
      if (alias.exact ? !this.sameCase(this.starts[i], end, alias.exact) : !this.hasCapital(this.starts[i], end)) continue;
      return [alias, i + n - 1, end];
    }
    return null;
  }

  private lexiconAt(i: number): void {
    const hit = this.aliasAt(i);
    if (!hit) return;
    const [alias, last, end] = hit;
    if (alias.state) {
      this.states.push({ first: i, last, start: this.starts[i], end, state: alias.state });
      return;
    }
    const party = alias.party!;
    let stop = end;
    if (last + 1 < this.count && !this.possessive(last) && this.is(last + 1, FORCE_NOUN) && this.spacedAt(last + 1)) stop = this.ends[last + 1];
    else if (party.kind === 'organisation') return; // international bodies are parties only through their forces
    this.found.push({ start: this.starts[i], end: stop, canonical: party.canonical, kind: party.kind });
  }

  /** A demonym or people before a head: "Turkish troops", "Arab tribal fighters". */
  private demonymAt(i: number): [number, StateInfo | null] | null {
    if (!this.capitalised(i)) return null;
    const info = this.info(i);
    // One-word demonyms are the rule; longer ones ("South Sudanese") only after their first word.
    const single = info?.demonym;
    if (single) return this.keyIs(i, 'us') && this.raw(i) !== 'US' ? null : [i, single];
    if (info?.people) return [i, null];
    if (!this.is(i, MULTI_DEMONYM_START)) return null;
    for (let n = Math.min(3, this.count - i); n >= 2; n--) {
      let key = this.key(i);
      let ok = true;
      for (let j = 1; j < n && ok; j++) {
        if (!this.spacedAt(i + j) || !this.capitalised(i + j)) ok = false;
        else key += ` ${this.key(i + j)}`;
      }
      if (!ok) continue;
      const state = this.lexicon.demonyms.get(key);
      if (state) return [i + n - 1, state];
    }
    return null;
  }

  /** "[the] modifiers head": "government forces", "the UN-backed government", "Rwanda-backed forces". */
  private describedAt(i: number): void {
    const count = this.count;
    const hasThe = this.is(i, THE);
    if (!this.capitalised(i) && !hasThe && !this.is(i, MODIFIER) && (this.flags[i] & HYPHENATED) === 0) return;
    let j = i;
    if (hasThe) j++;
    // "the government's forces", "the junta's soldiers": a party's noun, possessive, before its force.
    if (hasThe && j + 1 < this.count && this.possessive(j) && HEADS.has(this.base(j)) && this.spacedAt(j + 1) && this.is(j + 1, FORCE_NOUN) && !this.modifiesRole(j + 1)) {
      this.found.push({ start: this.starts[i], end: this.ends[j + 1], canonical: undefined, kind: 'force' });
      return;
    }
    let modifiers = 0;
    let bareName = false;
    let state: StateInfo | null = null;
    let stateOnly = true;
    while (j < count && modifiers < 5 && (j === i || this.spacedAt(j))) {
      const demonym = this.demonymAt(j);
      if (demonym) {
        state ??= demonym[1];
        j = demonym[0] + 1;
      } else if (this.is(j, MODIFIER) && !this.possessive(j) && !this.headHere(j)) {
        stateOnly = false;
        j++;
      } else if (this.compound(j) || (j + 1 < count && this.is(j + 1, COMPOUND_WORD) && this.hyphenBefore(j + 1))) {
        j += this.compound(j) ? 1 : 2;
        stateOnly = false;
      } else if (this.is(j, AND) && modifiers > 0 && j + 1 < count && this.spacedAt(j + 1)) {
        j++;
        continue;
      } else if (this.capitalised(j) && !this.possessive(j) && hasThe && j > i && !(state && this.is(j, CAPITAL_HEAD))) {
        bareName = true;
        stateOnly = false;
        j++;
      } else break;
      modifiers++;
    }
    if (modifiers === 0 || j >= count || !this.spacedAt(j)) return;
    if (this.possessive(j)) return;
    const capitalHead = this.capitalised(j);
    // Capitalised heads only as a state's named service: "the Ukrainian Air Force", "Russian Navy".
    if (capitalHead && !(state && stateOnly && this.is(j, CAPITAL_HEAD))) return;
    let end = this.ends[j];
    let headIndex = j;
    const paired = j + 1 < count && this.spacedAt(j + 1);
    if (capitalHead && paired && CAPITAL_HEADS.has(`${this.key(j)} ${this.key(j + 1)}`)) {
      headIndex = j + 1;
      end = this.ends[j + 1];
    } else if (capitalHead && !this.is(j, HEAD)) return;
    else if (paired && this.keyIs(j, 'armed') && this.keyIs(j + 1, 'forces')) {
      headIndex = j + 1;
      end = this.ends[j + 1];
    } else if (paired && this.keyIs(j, 'air') && this.keyIs(j + 1, 'force')) {
      headIndex = j + 1;
      end = this.ends[j + 1];
    } else if (!this.is(j, HEAD)) return;
    if (bareName && !this.is(headIndex, PLACE_HEAD)) return;
    if (this.modifiesRole(headIndex)) return;
    // "the Congolese army", "the rebel forces" keep their article; "the Russian fighters" is "Russian fighters".
    // A capitalised service is a proper name, which leaves its article out like lexicon names do.
    const start = hasThe && !this.is(headIndex, PERSON) && !capitalHead ? this.starts[i] : this.starts[hasThe ? i + 1 : i];
    end = this.extendOf(headIndex, end);
    const loyal = this.loyalty(headIndex);
    if (loyal > end) end = loyal;
    const own = state && stateOnly && this.is(headIndex, STATE_HEAD) ? this.stateForce(state, this.key(headIndex)) : null;
    this.found.push(own ? { start, end, canonical: own.canonical, kind: own.kind } : { start, end, canonical: undefined, kind: 'force' });
  }

  /** A word that can modify or head ("government forces", "the federal government") heads here. */
  private headHere(j: number): boolean {
    if (!this.is(j, HEAD)) return false;
    const next = j + 1;
    return next >= this.count || !this.spacedAt(next) || this.capitalised(next) || !this.is(next, HEAD | MODIFIER);
  }

  /** "Libyan military leader", "government officials", "Ukraine's military intelligence": the head word is itself a modifier. */
  private modifiesRole(headIndex: number): boolean {
    return headIndex + 1 < this.count && this.spacedAt(headIndex + 1) && this.is(headIndex + 1, ROLE_NOUN);
  }

  /** The state's own army or government, as the lexicon names it. */
  private stateForce(state: StateInfo, head: string): Pick<Candidate, 'canonical' | 'kind'> | null {
    if (head === 'government' || head === 'regime' || head === 'authorities' || head === 'junta') {
      const government = this.lexicon.governmentOf.get(state.code);
      return government && head === 'government' ? { canonical: government.canonical, kind: 'government' } : { canonical: state.name, kind: 'state' };
    }
    let army = this.index.armies.get(state);
    if (army === undefined) this.index.armies.set(state, (army = this.armyOf(state)));
    return army;
  }

  /** The party the lexicon names "<demonym> army" (or "military", "armed forces") for the state, or null. */
  private armyOf(state: StateInfo): PartyInfo | null {
    for (const demonym of state.demonyms) {
      const key = demonym.toLowerCase();
      const party = this.lexicon.partyByKey.get(`${key} army`) ?? this.lexicon.partyByKey.get(`${key} military`) ?? this.lexicon.partyByKey.get(`${key} armed forces`);
      if (party) return party;
    }
    return null;
  }

  /** "... forces of the Tripoli government": the owner belongs to the mention. */
  private extendOf(headIndex: number, end: number): number {
    if (!this.keyIs(headIndex + 1, 'of') || !this.keyIs(headIndex + 2, 'the') || !this.spacedAt(headIndex + 1) || !this.spacedAt(headIndex + 2)) return end;
    for (let k = headIndex + 3; k < Math.min(this.count, headIndex + 9) && this.spacedAt(k); k++) {
      if (this.is(k, PLACE_HEAD) && !this.capitalised(k)) return this.ends[k];
      if (!this.capitalised(k) && !this.is(k, MODIFIER) && !this.compound(k)) return end;
    }
    return end;
  }

  /** "X's forces": a leader's or a state's. */
  private possessiveAt(i: number): void {
    if (!this.possessive(i) || !this.capitalised(i) || i + 1 >= this.count || !this.spacedAt(i + 1)) return;
    let headIndex = i + 1;
    // "Ukraine's armed forces"; "Burkina's military government", "Sudan's transitional government": the government, not the army.
    const twoWords = this.keyIs(headIndex, 'armed') || this.keyIs(headIndex, 'air') || this.keyIs(headIndex, 'security') || (this.is(headIndex, MODIFIER) && this.keyIs(i + 2, 'government'));
    if (twoWords && i + 2 < this.count && this.spacedAt(i + 2)) headIndex = i + 2;
    const stateHit = this.aliasAt(i);
    if (stateHit?.[0].state && stateHit[1] === i) {
      // "Real Madrid's forces" is not Spain's.
      if (!this.is(headIndex, STATE_HEAD) || this.modifiesRole(headIndex) || (i > 0 && this.capitalised(i - 1) && this.spacedAt(i))) return;
      const state = stateHit[0].state;
      const own = this.stateForce(state, this.keyIs(headIndex, 'government') ? 'government' : 'army') ?? { canonical: state.name, kind: 'state' };
      this.found.push({ start: this.starts[i], end: this.ends[headIndex], canonical: own.canonical, kind: own.kind });
      return;
    }
    if (!this.is(headIndex, PERSON_HEAD) || this.capitalised(headIndex)) return;
    let first = i;
    while (first > 0 && i - first < 3 && this.spacedAt(first) && (this.capitalised(first - 1) || NAME_PARTICLES.test(this.key(first - 1))) && !this.possessive(first - 1)) first--;
    // A sentence-initial article is not part of the name.
    if (first < i && (this.is(first, THE) || this.keyIs(first, 'a') || this.keyIs(first, 'an'))) first++;
    const leaderKey = this.text.slice(this.starts[first], this.baseEnd(i));
    const party = this.lexicon.leaders.get(tokenise(leaderKey).map((x) => x.key).join(' ')) ?? this.lexicon.leaders.get(this.base(i));
    const lexiconParty = stateHit?.[0].party;
    const canonical = party?.canonical ?? lexiconParty?.canonical;
    this.found.push({ start: this.starts[first], end: this.ends[headIndex], canonical, kind: party?.kind ?? lexiconParty?.kind ?? 'armed-group' });
  }

  /** "forces loyal to X": the mention runs to the end of X. */
  private loyaltyAt(i: number): void {
    if (!this.is(i, LOYALTY_HEAD)) return;
    const end = this.loyalty(i);
    if (end > this.ends[i]) this.found.push({ start: this.starts[i], end, canonical: undefined, kind: 'force' });
  }

  /** After a head at `headIndex`: the end of "loyal to X" / "backing the ... government", or -1. */
  private loyalty(headIndex: number): number {
    const count = this.count;
    if (headIndex + 1 >= count || !this.spacedAt(headIndex + 1)) return -1;
    const a = headIndex + 1;
    let k: number;
    let names: boolean;
    if ((this.keyIs(a, 'loyal') || this.keyIs(a, 'allied') || this.keyIs(a, 'close')) && this.keyIs(headIndex + 2, 'to')) {
      k = headIndex + 3;
      names = true;
    } else if (this.keyIs(a, 'backing') || this.keyIs(a, 'supporting')) {
      k = headIndex + 2;
      names = false;
    } else return -1;
    let end = -1;
    let named = false;
    for (let n = 0; k < count && n < 12; k++, n++) {
      if (!this.nameGap(k)) break;
      if (this.capitalised(k) || (named && NAME_PARTICLES.test(this.key(k)))) {
        named = true;
        end = this.ends[k];
        continue;
      }
      // "the Government of National Unity": a connector between capitalised words of one name.
      if (named && this.is(k, NAME_CONNECTOR) && this.namedNext(k + 1)) continue;
      const known = this.keyIs(k, 'known');
      if (named && !this.is(k, NP_HEAD) && !known) break;
      if (known && this.keyIs(k + 1, 'as')) {
        k++;
        named = false;
        continue;
      }
      if (this.is(k, NP_HEAD) && !named) {
        end = this.ends[k];
        const next = k + 1;
        if (next < count && this.spacedAt(next) && (this.capitalised(next) || this.is(next, TITLE) || this.keyIs(next, 'known'))) continue;
        break;
      }
      if (named && this.is(k, NP_HEAD)) {
        end = this.ends[k];
        break;
      }
      if (this.is(k, TITLE) || this.compound(k)) continue;
      break;
    }
    if (end < 0) return -1;
    // Keep a closing quotation mark ("known as “Tumaco”").
    const close = this.text[end];
    if (close === '”' || close === '"' || close === '’') end++;
    if (!names && !NP_HEADS.has(this.lastLetters(end))) return -1;
    return end;
  }

  /** Word `k` is capitalised, or "the" before a capitalised word, after spaces only. */
  private namedNext(k: number): boolean {
    if (k >= this.count || !this.nameGap(k)) return false;
    return this.capitalised(k) || (this.is(k, THE) && k + 1 < this.count && this.nameGap(k + 1) && this.capitalised(k + 1));
  }

  /** Only spaces and quotation marks before word `k`. */
  private nameGap(k: number): boolean {
    NAME_GAP.lastIndex = this.ends[k - 1];
    return NAME_GAP.test(this.text) && NAME_GAP.lastIndex === this.starts[k];
  }

  /**
   * The last run of letters before `end`, lower case, as LAST_LETTERS finds it in all the text before.
   * Its match starts no earlier than the letters before the trailing non-word characters, so the pattern
   * runs on that tail only, not on the whole paragraph once per mention.
   */
  private lastLetters(end: number): string {
    const text = this.text;
    let from = end;
    while (from > 0 && !isRegexWordChar(text.charCodeAt(from - 1))) from--;
    while (from > 0 && (isSurrogate(text.charCodeAt(from - 1)) || LETTER.test(text[from - 1]))) from--;
    return LAST_LETTERS.exec(text.slice(from, end))?.[1]?.toLowerCase() ?? '';
  }

  /** "Libyan National Army (LNA)": a party named and abbreviated in the text. */
  private acronymAt(i: number): void {
    const text = this.text;
    if ((this.flags[i] & BRACKETED) === 0 || i === 0) return;
    if (!isAcronym(this.raw(i))) return;
    const open = this.starts[i] - 1;
    if (!/^\s*$/.test(text.slice(this.ends[i - 1], open))) return;
    let first = i - 1;
    while (first > 0 && i - first < 14 && this.spacedAt(first) && (this.capitalised(first - 1) || this.is(first - 1, NAME_CONNECTOR))) first--;
    while (first < i - 1 && !this.capitalised(first)) first++;
    // "Fighters of the X Front (XF)": the sentence's first noun is not part of the name.
    if (first < i - 1 && (this.is(first, FORCE_NOUN) || this.is(first, ROLE_NOUN)) && this.is(first + 1, NAME_CONNECTOR)) {
      first++;
      while (first < i - 1 && this.is(first, NAME_CONNECTOR)) first++;
    }
    if (!this.capitalised(first)) return;
    if (first < i - 1 && this.is(first, THE)) first++;
    const known = this.partyNamed(first, i) ?? this.partyNamed(i, i + 1);
    if (!known && !this.mayNameParty(first, i)) return;
    const start = this.starts[first];
    const end = this.ends[i - 1];
    const canonical = known?.canonical ?? text.slice(start, end);
    // "the UN Support Mission in Libya (UNSMIL)": an international mission, as the lexicon's are; else an armed group.
    const kind = known?.kind ?? (INTERNATIONAL_MISSION.test(canonical) ? 'coalition' : 'armed-group');
    this.found.push({ start, end, canonical, kind }, { start: this.starts[i], end: this.ends[i], canonical, kind });
  }

  /**
   * The party `partyByKey` gives the keys of words `from` to `to` (exclusive) joined: that of the first
   * alias of a party with those keys. Found among the aliases indexed by the first key, by key ids, so
   * no key is made.
   */
  private partyNamed(from: number, to: number): PartyInfo | undefined {
    const n = to - from;
    const list = n > 1 && this.is(from, THE) ? this.info(from + 1)?.theAliases : this.info(from)?.aliases;
    if (!list) return undefined;
    for (const { alias, ids } of list) {
      if (!alias.party || ids.length !== n) continue;
      let k = 0;
      while (k < n && ids[k] === this.ids[from + k]) k++;
      if (k === n) return alias.party;
    }
    return undefined;
  }

  /** Words `from` to `to` (exclusive) can name a party the lexicon does not know: "... Front", not "... Bank". */
  private mayNameParty(from: number, to: number): boolean {
    const nameKeys: string[] = [];
    for (let k = from; k < to; k++) nameKeys.push(this.key(k));
    return nameKeys.some((k) => NAME_HEADS.has(k) || NAME_HEADS.has(k.replace(/^.*-/, ''))) && !nameKeys.some((k, n) => NOT_PARTY_NAMES.has(k) || (k === 'security' && nameKeys[n + 1] === 'council'));
  }

  /** States and capitals named as backers or parties ("supported by Egypt", "Rwanda denies ..."). */
  private statesAsParties(): void {
    let previous: StateMention | null = null;
    let reach = 0;
    this.namedParties = this.found.length;
    for (const mention of this.states) {
      // "the U.S." is also "U.S.": the longer mention, met first, decides.
      if (mention.start < reach) continue;
      reach = mention.end;
      const before = mention.first - 1;
      const after = mention.last + 1;
      const hasAfter = after < this.count;
      // Part of a longer name: "Jordan Peterson", "New Mexico", "Georgia Tech".
      const inName =
        (hasAfter && this.capitalised(after) && this.spacedAt(after) && !this.is(after, AND)) ||
        (before >= 0 && this.capitalised(before) && !this.possessive(before) && this.spacedAt(mention.first) && !this.endsInStop(before));
      // The cheap word checks first: the gap and context patterns run only for a state standing alone.
      const party =
        !inName &&
        !this.possessive(mention.last) &&
        this.text.charCodeAt(mention.end) !== 45 && // not "Egypt-backed"
        ((previous !== null && LIST_GAP.test(this.text.slice(previous.end, mention.start))) ||
          this.besideParty(mention) ||
          (before >= 0 && this.is(before, BEFORE_CUE) && BEFORE_STATE.get(this.key(before))!.test(this.text.slice(Math.max(0, mention.start - 80), mention.start))) ||
          // "Afghanistan condemned", not "the UN mission in Afghanistan condemned" ("linked to the UAE, which has denied" is).
          (hasAfter &&
            (this.is(after, AFTER_CUE) || this.text[mention.end] === ',') &&
            (this.text[mention.end] === ',' || before < 0 || !PLACE_PREPOSITIONS.has(this.key(before))) &&
            AFTER_STATE.test(this.text.slice(mention.end, mention.end + 120))));
      if (party) {
        // The state acts through its government: "Addis Ababa" is the party "the federal government" is.
        const government = this.lexicon.governmentOf.get(mention.state.code);
        this.found.push({ start: mention.start, end: mention.end, canonical: government?.canonical ?? mention.state.name, kind: government ? 'government' : 'state' });
        previous = mention;
      } else previous = null;
    }
  }

  /** Word `k` ends in ".", "!" or "?" (as "U.S." does). */
  private endsInStop(k: number): boolean {
    const last = this.text.charCodeAt(this.ends[k] - 1);
    return last === 46 || last === 33 || last === 63;
  }

  /** "Hamas and Israel", "Israel and Hezbollah": a state paired with a named party is a party. */
  private besideParty(mention: StateMention): boolean {
    // The patterns only where an "and" is the next word, the one they need.
    if (mention.first > 0 && this.is(mention.first - 1, AND)) {
      const before = /\s+and\s+$/.exec(this.text.slice(Math.max(0, mention.start - 7), mention.start));
      if (before && this.partyEdges().has(mention.start - before[0].length)) return true;
    }
    if (mention.last + 1 >= this.count || !this.is(mention.last + 1, AND)) return false;
    const after = /^\s+and\s+/.exec(this.text.slice(mention.end, mention.end + 7));
    return after !== null && this.partyEdges().has(-1 - (mention.end + after[0].length));
  }

  /** Where named parties start and end, indexed on first need: each state then looks only at its neighbours. */
  private partyEdges(): Set<number> {
    if (this.edges) return this.edges;
    const edges = new Set<number>();
    for (let k = 0; k < this.namedParties; k++) {
      const c = this.found[k];
      if (c.kind !== 'state' && c.kind !== undefined) edges.add(c.end).add(-1 - c.start);
    }
    return (this.edges = edges);
  }

  /** "pro-government militias known as Wazalendo", "known by their French acronym FAMa". */
  private knownAs(): void {
    if (this.found.length === 0 || !this.anyWordIs(KNOWN_AS_CUE)) return;
    const extra: Candidate[] = [];
    for (const c of this.found) {
      const m = KNOWN_AS.exec(this.text.slice(c.end, c.end + 90));
      if (!m) continue;
      const from = c.end + m[0].length;
      const k = this.wordStartingAt(from);
      if (k < 0 || !this.capitalised(k)) continue;
      let last = k;
      if (!isAcronym(this.raw(k))) {
        while (last + 1 < this.count && last - k < 4 && this.spacedAt(last + 1) && this.capitalised(last + 1)) last++;
      }
      const hit = this.aliasAt(k);
      const party = hit?.[0].party;
      extra.push({ start: this.starts[k], end: this.ends[last], canonical: party?.canonical, kind: party?.kind ?? c.kind });
    }
    this.found.push(...extra);
  }

  /** Earliest, then longest, mention wins; no overlaps. */
  private settle(): Entity[] {
    // The rules mostly find mentions in order: the sort, stable, would change nothing then, and costs more than a look.
    const found = sortedInPlace(this.found, byTextOrder);
    const out: Entity[] = [];
    let reach = 0;
    for (const c of found) {
      if (c.start < reach) continue;
      // Every key in the literal, set or not: a key added later costs an object a second allocation.
      out.push({ type: 'faction', text: this.text.slice(c.start, c.end), start: c.start, end: c.end, canonical: c.canonical || undefined, kind: c.kind || undefined });
      reach = c.end;
    }
    return out;
  }
}
