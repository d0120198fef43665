import { factionLexicon, type Alias, type FactionLexicon, type StateInfo } from './factionsLexicon';
import { spaced, tokenise, type Word } from './factionsWords';
import type { Entity, RecogniserContext } from './types';

export { resolveParties } from './factionsResolve';

// Faction mentions in one paragraph: lexicon names, states named as parties, and descriptions built on
// a force noun ("Turkish troops", "pro-government militias", "Haftar's forces", "forces loyal to X").
// One pass over the words; each rule looks only at a few words around a cheap trigger.

/** Nouns that make a party of what precedes them ("Fano militiamen", "AU soldiers"). */
const FORCE_SUFFIX = new Set(['fighters', 'militiamen', 'militants', 'troops', 'soldiers', 'forces', 'force', 'units', 'commandos', 'mercenaries', 'militia', 'militias', 'rebels', 'insurgents', 'gunmen', 'loyalists', 'peacekeepers', 'jets', 'guerrillas', 'members']);

/** Heads of a described party ("regional forces", "the Tripoli government"): lower case in the text. */
const HEADS = new Set(['forces', 'force', 'troops', 'soldiers', 'fighters', 'militia', 'militias', 'militiamen', 'mercenaries', 'army', 'navy', 'military', 'government', 'regime', 'junta', 'rebels', 'insurgents', 'militants', 'separatists', 'guerrillas', 'jihadists', 'paramilitaries', 'gunmen', 'units', 'commandos', 'coalition']);
/** Heads a bare capitalised word may govern ("the Tripoli government", "the Kinshasa forces"). */
const PLACE_HEADS = new Set(['government', 'forces', 'regime', 'army', 'military', 'troops']);
/** Heads that name a state's own forces or government after a demonym or possessive. */
const STATE_HEADS = new Set(['army', 'military', 'forces', 'troops', 'soldiers', 'navy', 'government', 'regime', 'junta', 'authorities', 'force']);

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
/** Words that make a defined name an institution rather than a party ("Security Council", "Human Rights Watch"). */
const NOT_PARTY_NAMES = new Set(['rights', 'observatory', 'bank', 'university', 'institute', 'agency', 'news', 'organization', 'organisation', 'programme', 'program', 'fund', 'commission', 'court', 'office', 'ministry', 'health', 'relief', 'humanitarian', 'red', 'crescent', 'press', 'committee', 'research', 'studies', 'monitoring', 'control', 'electoral', 'football', 'olympic']);
const NAME_CONNECTORS = new Set(['of', 'the', 'for', 'and', 'de', 'del', 'la', 'al', 'wal', 'du', 'des', 'in', 'el', 'y', 'to', 'on']);
const UPPER = /\p{Lu}/u;
const ACRONYM = /^[\p{Lu}\d][\p{L}\d/-]{1,9}$/u;

const BEFORE_STATE = new RegExp(
  '(?:\\b(?:backed|supported|armed|funded|financed|trained|equipped|sponsored|designated|sanctioned|aided|bankrolled|recognised|recognized|condemned|accused|launched|fired|conducted|supplied|provided|delivered|deployed|sent|invaded|occupied|annexed|attacked|struck)\\b(?:\\s+[\\p{L}\'’-]+){0,3}\\s+by' +
    '|\\b(?:allied|aligned)\\s+(?:with|to)' +
    '|\\b(?:turned|fight|fighting|fought|war|battle|offensive|campaign|insurgency|rebellion|sanctions|proxy)\\s+(?:against|with|for|of)' +
    '|\\b(?:accused|accuses|accusing|blamed|blames|blaming)' +
    '|\\b(?:support|backing|help|weapons|arms|aid|troops|drones)\\s+from' +
    '|\\bcoalition\\s+(?:that\\s+)?(?:included|includes|including)' +
    '|\\b(?:supplier|backer|ally|patron|sponsor)s?\\s+along\\s+with)\\s+$',
  'u',
);
/** The last word before a state that BEFORE_STATE can end with: a cheap gate for it. */
const BEFORE_CUES = new Set(['by', 'with', 'to', 'against', 'for', 'of', 'from', 'accused', 'accuses', 'accusing', 'blamed', 'blames', 'blaming', 'included', 'includes', 'including']);
const ADVERBS = 'long|repeatedly|quietly|also|previously|consistently|strongly|now|already|reportedly|allegedly|not|openly|publicly|officially|firmly|again|recently|since|never|still|both|jointly';
const VERBS =
  'denied|denies|deny|denying|accused|accuses|backs|backed|supports|supported|armed|arms|sent|sends|deployed|deploys|launched|launches|intervened|intervenes|imposed|imposes|brokered|brokers|condemned|condemns|rejected|rejects|invaded|invades|annexed|struck|strikes|attacked|attacks|bombed|shelled|threatened|threatens|vowed|pledged|recalled|expelled|sanctioned|mobilised|mobilized|trained|trains|supplied|supplies|funded|funds|financed|armed|sided|retaliated|ordered|fought|fights|occupied|occupies|withdrew|seized|captured|shot|targeted|hit|blamed|blames|admitted|acknowledged|insisted|warned|demanded|designated|recognised|recognized|mediated|hosted|hosts|asked|urged|requested|traded|appealed|leads|led';
/** The first word after a state that AFTER_STATE can start with: a cheap gate for it. */
const AFTER_CUES = new Set(['and', 'has', 'have', 'had', 'is', 'was', 'were', 'are', 'will', 'would', ...ADVERBS.split('|'), ...VERBS.split('|')]);
const AFTER_STATE = new RegExp(
  `^(?:\\s+and\\s+(?:the\\s+)?(?:\\p{Lu}[\\p{L}.'’-]*\\s+){1,4}|\\s*,\\s*(?:which|who)\\s+|\\s*,\\s*whose\\s+\\p{L}+\\s+|\\s+)` +
    `(?:(?:has|have|had|is|was|were|are|will|would)\\s+)?(?:(?:${ADVERBS})\\s+){0,3}(?:${VERBS})\\b` +
    `|^\\s*,\\s*(?:(?:${ADVERBS})\\s+)?(?:supported|backed|armed|funded|aided)\\s+by\\b` +
    `|^,\\s+(?:the\\s+|a\\s+|its\\s+)?(?:[\\p{L}’'-]+\\s+){0,4}?(?:supplier|backer|ally|patron|sponsor|backers|allies|suppliers)\\b`,
  'u',
);
const LIST_GAP = /^(?:,\s*(?:and\s+)?(?:by\s+)?|\s+and\s+(?:by\s+)?|\s+or\s+)$/;
const KNOWN_AS = /^,?\s+(?:(?:also|formally|locally|commonly|widely|officially|better|collectively)\s+)?(?:known|referred\s+to)\s+(?:as|by\s+(?:its|their|the)\s+(?:\p{L}+\s+){0,2}?(?:acronym|name|initials|abbreviation))\s+[“"‘']?/u;

/** "LNA", "FAMa", "M23": at least two capitals or digits. */
function isAcronym(word: string): boolean {
  return ACRONYM.test(word) && (word.match(/[\p{Lu}\d]/gu) ?? []).length >= 2;
}

interface Candidate {
  start: number;
  end: number;
  canonical?: string;
  kind?: string;
}

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
  private readonly words: Word[];
  private readonly found: Candidate[] = [];
  private readonly states: StateMention[] = [];
  private partyEdges: Set<number> | null = null;

  constructor(
    private readonly text: string,
    private readonly lexicon: FactionLexicon,
  ) {
    this.words = tokenise(text);
  }

  run(): Entity[] {
    for (let i = 0; i < this.words.length; i++) {
      this.lexiconAt(i);
      this.describedAt(i);
      this.possessiveAt(i);
      this.acronymAt(i);
      this.loyaltyAt(i);
    }
    this.statesAsParties();
    this.knownAs();
    return this.settle();
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
    let hi = this.words.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const start = this.words[mid].start;
      if (start === offset) return mid;
      if (start < offset) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  private raw(w: Word): string {
    return this.text.slice(w.start, w.end);
  }

  private spacedAt(i: number): boolean {
    return i > 0 && spaced(this.text, this.words[i - 1].end, this.words[i].start);
  }

  /** The longest alias starting at word `i`: [alias, index of its last word, end offset]. */
  private aliasAt(i: number): [Alias, number, number] | null {
    const words = this.words;
    const w = words[i];
    const next = words[i + 1];
    const aliases = this.lexicon.aliases;
    const list =
      w.key === 'the'
        ? next && (aliases.get(`the ${next.key}`) ?? (next.possessive ? aliases.get(`the ${next.base}`) : undefined))
        : (aliases.get(w.key) ?? (w.possessive ? aliases.get(w.base) : undefined));
    if (!list) return null;
    for (const alias of list) {
      const n = alias.keys.length;
      if (i + n > words.length) continue;
      let ok = true;
      let end = 0;
      for (let j = 0; j < n && ok; j++) {
        const w = words[i + j];
        if (j > 0 && !this.spacedAt(i + j) && this.text.slice(words[i + j - 1].end, w.start) !== '-') ok = false;
        else if (w.key === alias.keys[j]) end = w.end;
        else if (j === n - 1 && w.possessive && w.base === alias.keys[j]) end = w.baseEnd;
        else ok = false;
      }
      if (!ok) continue;
      if (alias.exact ? !this.sameCase(words[i].start, end, alias.exact) : !this.hasCapital(words[i].start, end)) continue;
      return [alias, i + n - 1, end];
    }
    return null;
  }

  private lexiconAt(i: number): void {
    const hit = this.aliasAt(i);
    if (!hit) return;
    const [alias, last, end] = hit;
    const words = this.words;
    if (alias.state) {
      this.states.push({ first: i, last, start: words[i].start, end, state: alias.state });
      return;
    }
    const party = alias.party!;
    let stop = end;
    const next = words[last + 1];
    if (next && !words[last].possessive && FORCE_SUFFIX.has(next.key) && this.spacedAt(last + 1)) stop = next.end;
    else if (party.kind === 'organisation') return; // international bodies are parties only through their forces
    this.found.push({ start: words[i].start, end: stop, canonical: party.canonical, kind: party.kind });
  }

  /** A demonym or people before a head: "Turkish troops", "Arab tribal fighters". */
  private demonymAt(i: number): [number, StateInfo | null] | null {
    const words = this.words;
    if (!words[i].capitalised) return null;
    // One-word demonyms are the rule; longer ones ("South Sudanese") only after their first word.
    const single = this.lexicon.demonyms.get(words[i].key);
    if (single) return /^us$/.test(words[i].key) && this.raw(words[i]) !== 'US' ? null : [i, single];
    if (this.lexicon.peoples.has(words[i].key)) return [i, null];
    if (!MULTI_DEMONYM_STARTS.has(words[i].key)) return null;
    for (let n = Math.min(3, words.length - i); n >= 2; n--) {
      let key = words[i].key;
      let ok = true;
      for (let j = 1; j < n && ok; j++) {
        if (!this.spacedAt(i + j) || !words[i + j].capitalised) ok = false;
        else key += ` ${words[i + j].key}`;
      }
      if (!ok) continue;
      const state = this.lexicon.demonyms.get(key);
      if (state) return [i + n - 1, state];
    }
    return null;
  }

  /** "[the] modifiers head": "government forces", "the UN-backed government", "Rwanda-backed forces". */
  private describedAt(i: number): void {
    const words = this.words;
    const first = words[i];
    if (!first.capitalised && first.key !== 'the' && !MODIFIERS.has(first.key) && first.key.indexOf('-') < 0) return;
    let j = i;
    const hasThe = words[i].key === 'the';
    if (hasThe) j++;
    let modifiers = 0;
    let bareName = false;
    let state: StateInfo | null = null;
    let stateOnly = true;
    while (j < words.length && modifiers < 5 && (j === i || this.spacedAt(j))) {
      const w = words[j];
      const demonym = this.demonymAt(j);
      if (demonym) {
        state ??= demonym[1];
        j = demonym[0] + 1;
      } else if (MODIFIERS.has(w.key) && !w.possessive && !this.headHere(j)) {
        stateOnly = false;
        j++;
      } else if (COMPOUND.test(w.key) || (words[j + 1] && COMPOUND_PART.has(words[j + 1].key) && this.text.slice(w.end, words[j + 1].start) === '-')) {
        j += COMPOUND.test(w.key) ? 1 : 2;
        stateOnly = false;
      } else if (w.key === 'and' && modifiers > 0 && words[j + 1] && this.spacedAt(j + 1)) {
        j++;
        continue;
      } else if (w.capitalised && !w.possessive && hasThe && j > i && !(state && CAPITAL_HEADS.has(w.key))) {
        bareName = true;
        stateOnly = false;
        j++;
      } else break;
      modifiers++;
    }
    if (modifiers === 0 || j >= words.length || !this.spacedAt(j)) return;
    const head = words[j];
    if (head.possessive) return;
    // Capitalised heads only as a state's named service: "the Ukrainian Air Force", "Russian Navy".
    if (head.capitalised && !(state && stateOnly && CAPITAL_HEADS.has(head.key))) return;
    let end = head.end;
    let headIndex = j;
    const pair = words[j + 1] && this.spacedAt(j + 1) ? `${head.key} ${words[j + 1].key}` : '';
    if (head.capitalised && CAPITAL_HEADS.has(pair)) {
      headIndex = j + 1;
      end = words[j + 1].end;
    } else if (head.capitalised && !HEADS.has(head.key)) return;
    else if (head.key === 'armed' && words[j + 1]?.key === 'forces' && this.spacedAt(j + 1)) {
      headIndex = j + 1;
      end = words[j + 1].end;
    } else if (head.key === 'air' && words[j + 1]?.key === 'force' && this.spacedAt(j + 1)) {
      headIndex = j + 1;
      end = words[j + 1].end;
    } else if (!HEADS.has(head.key)) return;
    if (bareName && !PLACE_HEADS.has(words[headIndex].key)) return;
    // "Libyan military leader", "government officials": the head is itself a modifier here.
    const after = words[headIndex + 1];
    if (after && this.spacedAt(headIndex + 1) && ROLE_NOUNS.has(after.key)) return;
    // "the Congolese army", "the rebel forces" keep their article; "the Russian fighters" is "Russian fighters".
    // A capitalised service is a proper name, which leaves its article out like lexicon names do.
    const start = hasThe && !PERSONS.has(words[headIndex].key) && !head.capitalised ? words[i].start : words[hasThe ? i + 1 : i].start;
    end = this.extendOf(headIndex, end);
    const loyal = this.loyalty(headIndex);
    if (loyal > end) end = loyal;
    const candidate: Candidate = { start, end, kind: 'force' };
    if (state && stateOnly) {
      const own = STATE_HEADS.has(words[headIndex].key) ? this.stateForce(state, words[headIndex].key) : null;
      if (own) Object.assign(candidate, own);
    }
    this.found.push(candidate);
  }

  /** A word that can modify or head ("government forces", "the federal government") heads here. */
  private headHere(j: number): boolean {
    const next = this.words[j + 1];
    if (!HEADS.has(this.words[j].key)) return false;
    return !next || !this.spacedAt(j + 1) || next.capitalised || !(HEADS.has(next.key) || MODIFIERS.has(next.key));
  }

  /** The state's own army or government, as the lexicon names it. */
  private stateForce(state: StateInfo, head: string): Pick<Candidate, 'canonical' | 'kind'> | null {
    if (head === 'government' || head === 'regime' || head === 'authorities' || head === 'junta') {
      const government = this.lexicon.governmentOf.get(state.code);
      return government && head === 'government' ? { canonical: government.canonical, kind: 'government' } : { canonical: state.name, kind: 'state' };
    }
    for (const demonym of state.demonyms) {
      const key = demonym.toLowerCase();
      const party = this.lexicon.partyByKey.get(`${key} army`) ?? this.lexicon.partyByKey.get(`${key} military`) ?? this.lexicon.partyByKey.get(`${key} armed forces`);
      if (party) return { canonical: party.canonical, kind: party.kind };
    }
    return null;
  }

  /** "... forces of the Tripoli government": the owner belongs to the mention. */
  private extendOf(headIndex: number, end: number): number {
    const words = this.words;
    if (words[headIndex + 1]?.key !== 'of' || words[headIndex + 2]?.key !== 'the' || !this.spacedAt(headIndex + 1) || !this.spacedAt(headIndex + 2)) return end;
    for (let k = headIndex + 3; k < Math.min(words.length, headIndex + 9) && this.spacedAt(k); k++) {
      const w = words[k];
      if (PLACE_HEADS.has(w.key) && !w.capitalised) return w.end;
      if (!w.capitalised && !MODIFIERS.has(w.key) && !COMPOUND.test(w.key)) return end;
    }
    return end;
  }

  /** "X's forces": a leader's or a state's. */
  private possessiveAt(i: number): void {
    const words = this.words;
    const w = words[i];
    if (!w.possessive || !w.capitalised || i + 1 >= words.length || !this.spacedAt(i + 1)) return;
    let headIndex = i + 1;
    let head = words[headIndex].key;
    if ((head === 'armed' || head === 'air' || head === 'security') && words[i + 2] && this.spacedAt(i + 2)) {
      headIndex = i + 2;
      head = words[headIndex].key;
    }
    const stateHit = this.aliasAt(i);
    if (stateHit?.[0].state && stateHit[1] === i) {
      // "Real Madrid's forces" is not Spain's.
      const before = words[i - 1];
      if (!STATE_HEADS.has(head) || (before && before.capitalised && this.spacedAt(i))) return;
      const state = stateHit[0].state;
      const own = this.stateForce(state, head === 'government' ? 'government' : 'army') ?? { canonical: state.name, kind: 'state' };
      this.found.push({ start: w.start, end: words[headIndex].end, ...own });
      return;
    }
    if (!PERSON_HEADS.has(head) || words[headIndex].capitalised) return;
    let first = i;
    while (first > 0 && i - first < 3 && this.spacedAt(first) && (words[first - 1].capitalised || NAME_PARTICLES.test(words[first - 1].key)) && !words[first - 1].possessive) first--;
    // A sentence-initial article is not part of the name.
    if (first < i && ['the', 'a', 'an'].includes(words[first].key)) first++;
    const leaderKey = this.text.slice(words[first].start, w.baseEnd);
    const party = this.lexicon.leaders.get(tokenise(leaderKey).map((x) => x.key).join(' ')) ?? this.lexicon.leaders.get(w.base);
    const lexiconParty = stateHit?.[0].party;
    const canonical = party?.canonical ?? lexiconParty?.canonical;
    this.found.push({ start: words[first].start, end: words[headIndex].end, canonical, kind: party?.kind ?? lexiconParty?.kind ?? 'armed-group' });
  }

  /** "forces loyal to X": the mention runs to the end of X. */
  private loyaltyAt(i: number): void {
    const w = this.words[i];
    if (!LOYALTY_HEADS.has(w.key)) return;
    const end = this.loyalty(i);
    if (end > w.end) this.found.push({ start: w.start, end, kind: 'force' });
  }

  /** After a head at `headIndex`: the end of "loyal to X" / "backing the ... government", or -1. */
  private loyalty(headIndex: number): number {
    const words = this.words;
    const a = words[headIndex + 1];
    if (!a || !this.spacedAt(headIndex + 1)) return -1;
    let k: number;
    let names: boolean;
    if ((a.key === 'loyal' || a.key === 'allied' || a.key === 'close') && words[headIndex + 2]?.key === 'to') {
      k = headIndex + 3;
      names = true;
    } else if (a.key === 'backing' || a.key === 'supporting') {
      k = headIndex + 2;
      names = false;
    } else return -1;
    let end = -1;
    let named = false;
    for (let n = 0; k < words.length && n < 12; k++, n++) {
      const gap = this.text.slice(words[k - 1].end, words[k].start);
      if (!/^[\s“"‘']+$/.test(gap)) break;
      const w = words[k];
      if (w.capitalised || (named && NAME_PARTICLES.test(w.key))) {
        named = true;
        end = w.end;
        continue;
      }
      if (named && !NP_HEADS.has(w.key) && w.key !== 'known') break;
      if (w.key === 'known' && words[k + 1]?.key === 'as') {
        k++;
        named = false;
        continue;
      }
      if (NP_HEADS.has(w.key) && !named) {
        end = w.end;
        const next = words[k + 1];
        if (next && this.spacedAt(k + 1) && (next.capitalised || TITLES.has(next.key) || next.key === 'known')) continue;
        break;
      }
      if (named && NP_HEADS.has(w.key)) {
        end = w.end;
        break;
      }
      if (TITLES.has(w.key) || COMPOUND.test(w.key)) continue;
      break;
    }
    if (end < 0) return -1;
    // Keep a closing quotation mark ("known as “Tumaco”").
    const close = this.text[end];
    if (close === '”' || close === '"' || close === '’') end++;
    if (!names) {
      const last = this.text.slice(0, end).match(/(\p{L}+)\W*$/u)?.[1]?.toLowerCase() ?? '';
      if (!NP_HEADS.has(last)) return -1;
    }
    return end;
  }

  /** "Libyan National Army (LNA)": a party named and abbreviated in the text. */
  private acronymAt(i: number): void {
    const words = this.words;
    const w = words[i];
    if (this.text[w.start - 1] !== '(' || this.text[w.end] !== ')' || i === 0) return;
    if (!isAcronym(this.raw(w))) return;
    const open = w.start - 1;
    if (!/^\s*$/.test(this.text.slice(words[i - 1].end, open))) return;
    let first = i - 1;
    while (first > 0 && i - first < 14 && this.spacedAt(first) && (words[first - 1].capitalised || NAME_CONNECTORS.has(words[first - 1].key))) first--;
    while (first < i - 1 && !words[first].capitalised) first++;
    // "Fighters of the X Front (XF)": the sentence's first noun is not part of the name.
    if (first < i - 1 && (FORCE_SUFFIX.has(words[first].key) || ROLE_NOUNS.has(words[first].key)) && NAME_CONNECTORS.has(words[first + 1].key)) {
      first++;
      while (first < i - 1 && NAME_CONNECTORS.has(words[first].key)) first++;
    }
    if (!words[first].capitalised) return;
    if (first < i - 1 && words[first].key === 'the') first++;
    const nameKeys = words.slice(first, i).map((x) => x.key);
    const known = this.lexicon.partyByKey.get(nameKeys.join(' ')) ?? this.lexicon.partyByKey.get(w.key);
    if (!known && (!nameKeys.some((k) => NAME_HEADS.has(k) || NAME_HEADS.has(k.replace(/^.*-/, ''))) || nameKeys.some((k, n) => NOT_PARTY_NAMES.has(k) || (k === 'security' && nameKeys[n + 1] === 'council')))) return;
    const canonical = known?.canonical ?? this.text.slice(words[first].start, words[i - 1].end);
    const kind = known?.kind ?? 'armed-group';
    this.found.push({ start: words[first].start, end: words[i - 1].end, canonical, kind }, { start: w.start, end: w.end, canonical, kind });
  }

  /** States and capitals named as backers or parties ("supported by Egypt", "Rwanda denies ..."). */
  private statesAsParties(): void {
    let previous: StateMention | null = null;
    let reach = 0;
    this.partyEdges = this.states.length ? this.namedPartyEdges() : null; // before any state joins the parties
    for (const mention of this.states) {
      // "the U.S." is also "U.S.": the longer mention, met first, decides.
      if (mention.start < reach) continue;
      reach = mention.end;
      const words = this.words;
      const before = words[mention.first - 1];
      const after = words[mention.last + 1];
      // Part of a longer name: "Jordan Peterson", "New Mexico", "Georgia Tech".
      const inName =
        (after && after.capitalised && this.spacedAt(mention.last + 1) && after.key !== 'and') ||
        (before && before.capitalised && !before.possessive && this.spacedAt(mention.first) && !/[.!?]$/.test(this.raw(before)));
      // The cheap word checks first: the gap and context patterns run only for a state standing alone.
      const party =
        !inName &&
        !words[mention.last].possessive &&
        this.text[mention.end] !== '-' &&
        ((previous !== null && LIST_GAP.test(this.text.slice(previous.end, mention.start))) ||
          this.besideParty(mention) ||
          (before !== undefined && BEFORE_CUES.has(before.key) && BEFORE_STATE.test(this.text.slice(Math.max(0, mention.start - 80), mention.start))) ||
          (after === undefined ? false : (AFTER_CUES.has(after.key) || this.text[mention.end] === ',') && AFTER_STATE.test(this.text.slice(mention.end, mention.end + 120))));
      if (party) {
        // The state acts through its government: "Addis Ababa" is the party "the federal government" is.
        const government = this.lexicon.governmentOf.get(mention.state.code);
        this.found.push({ start: mention.start, end: mention.end, canonical: government?.canonical ?? mention.state.name, kind: government ? 'government' : 'state' });
        previous = mention;
      } else previous = null;
    }
  }

  /** "Hamas and Israel", "Israel and Hezbollah": a state paired with a named party is a party. */
  private besideParty(mention: StateMention): boolean {
    const edges = this.partyEdges!;
    const before = /\s+and\s+$/.exec(this.text.slice(Math.max(0, mention.start - 7), mention.start));
    if (before && edges.has(mention.start - before[0].length)) return true;
    const after = /^\s+and\s+/.exec(this.text.slice(mention.end, mention.end + 7));
    return after !== null && edges.has(-1 - (mention.end + after[0].length));
  }

  /** Where named parties start and end, indexed once: each state then looks only at its neighbours. */
  private namedPartyEdges(): Set<number> {
    const edges = new Set<number>();
    for (const c of this.found) if (c.kind !== 'state' && c.kind !== undefined) edges.add(c.end).add(-1 - c.start);
    return edges;
  }

  /** "pro-government militias known as Wazalendo", "known by their French acronym FAMa". */
  private knownAs(): void {
    const extra: Candidate[] = [];
    for (const c of this.found) {
      const m = KNOWN_AS.exec(this.text.slice(c.end, c.end + 90));
      if (!m) continue;
      const from = c.end + m[0].length;
      const k = this.wordStartingAt(from);
      if (k < 0 || !this.words[k].capitalised) continue;
      let last = k;
      if (!isAcronym(this.raw(this.words[k]))) {
        while (last + 1 < this.words.length && last - k < 4 && this.spacedAt(last + 1) && this.words[last + 1].capitalised) last++;
      }
      const hit = this.aliasAt(k);
      const party = hit?.[0].party;
      extra.push({ start: this.words[k].start, end: this.words[last].end, canonical: party?.canonical, kind: party?.kind ?? c.kind });
    }
    this.found.push(...extra);
  }

  /** Earliest, then longest, mention wins; no overlaps. */
  private settle(): Entity[] {
    const sorted = this.found.sort((a, b) => a.start - b.start || b.end - a.end);
    const out: Entity[] = [];
    let reach = 0;
    for (const c of sorted) {
      if (c.start < reach) continue;
      const entity: Entity = { type: 'faction', text: this.text.slice(c.start, c.end), start: c.start, end: c.end };
      if (c.canonical) entity.canonical = c.canonical;
      if (c.kind) entity.kind = c.kind;
      out.push(entity);
      reach = c.end;
    }
    return out;
  }
}
