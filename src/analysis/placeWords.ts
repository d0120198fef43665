// The words around a name that tell the place recogniser a capitalised name is a place the gazetteer
// may not list ("the town of X", "X, a village east of Y", "X's mayor", "X province"), or that a
// gazetteer name is a person ("Mr Jordan"). All lowercase; the recogniser compares lowercased words.

const set = (words: string) => new Set(words.split(' '));

/** "the <noun> of X", "X, a <noun> south of Y": the noun names what kind of place X is. */
export const SETTLEMENT_KIND: ReadonlyMap<string, string> = new Map([
  ...[...set('town towns village villages suburb suburbs district districts neighbourhood neighbourhoods neighborhood neighborhoods camp camps township townships hamlet hamlets settlement settlements locality commune enclave outskirts oasis municipality municipalities island islands')].map(
    (w) => [w, 'locality'] as const,
  ),
  ...[...set('city cities port capital')].map((w) => [w, 'city'] as const),
  ...[...set('province provinces region regions state governorate governorates oblast county counties department prefecture')].map(
    (w) => [w, 'region'] as const,
  ),
  ['airport', 'locality'],
  ['area', 'locality'],
  ['areas', 'locality'],
]);

/** Plural nouns that announce a list: "the districts of X and Y". */
export const LIST_NOUNS = set('towns villages suburbs districts neighbourhoods neighborhoods camps townships cities provinces regions areas islands');

/** "X province", "the Oskil river": a lowercase noun after a name. */
export const SUFFIX_KIND: ReadonlyMap<string, string> = new Map([
  ...[...set('province region district governorate county oblast prefecture department territory')].map((w) => [w, 'region'] as const),
  ...[...set('township area town village neighbourhood neighborhood suburb commune quarter port')].map((w) => [w, 'locality'] as const),
  ...[...set('river valley island mountains hills desert lake forest')].map((w) => [w, 'feature'] as const),
  ['airport', 'airport'],
]);

/** "the Kharkiv and Donetsk regions", "Borno and Yobe states": a plural noun after names joined. */
export const REGION_PLURALS = set('provinces regions districts governorates counties oblasts prefectures departments territories states');

/** Capitalised words that belong to the name before them ("Shan State", "Gaza City", "Goma Airport"), with the kind of place they make it. */
export const NAME_SUFFIXES: ReadonlyMap<string, string> = new Map([
  ...[...set('State Province Region Governorate District Oblast County Strip')].map((w) => [w, 'region'] as const),
  ...[...set('River Valley Island Islands Mountains Desert')].map((w) => [w, 'feature'] as const),
  ['Township', 'locality'],
  ['City', 'city'],
  ['Airport', 'airport'],
]);

/** "X's mayor": what only a place has. */
const PLACE_POSSESSIONS = set(
  'mayor governor governorate residents outskirts airport port streets suburbs districts inhabitants municipality province region capital hospital hospitals centre center council old main northern southern eastern western',
);

/** "<facility> in X": places where things are. */
const FACILITIES = set(
  'hospital clinic market camp prison jail base airbase checkpoint mosque church school university hotel enclave stronghold garrison positions bridge dam refinery station depot barracks headquarters offices villages homes',
);

const ROADS = set('road roads route routes highway corridor');

/** "fled from X", "shelled villages near X", "arrived in X": verbs whose place slot a name fills. */
const MOTION_VERBS = set(
  'fled flee flees fleeing displaced evacuated arrived arrive arrives arriving returned return returning stranded trapped sheltering shelled bombed attacked deployed stationed based living lives moved travelled traveled travel travels travelling traveling headed heading withdrew retreated advanced relocated transferred',
);

/** "shelled X", "fled X", "entered X": verbs whose object is a place, never a person or a body. */
const PLACE_OBJECT_VERBS = set('shelled bombed bombarded besieged overran recaptured retook encircled fled entered stormed liberated occupied raided reached');

/** "X was shelled": what is done only to a place. */
export const PLACE_PASSIVES = set('shelled bombed bombarded besieged overrun recaptured encircled flattened razed');

/** "20km from X", "near X", "outside X": words that put any name after them on a map. */
const DISTANCES = set('km kilometres kilometers miles metres meters');
/** "km", "40km", "miles": a unit of distance, with its count or without. */
export const isDistanceUnit = (word: string): boolean => DISTANCES.has(word.replace(/^[\d.,]+/, ''));
const NEAR_WORDS = set('near outside towards toward');

/** "residents of X", "the outskirts of X": what only a place has, before "of". */
const OF_PLACE = set('residents inhabitants outskirts streets suburbs centre center ruins mayor governor edge mountains hills forests jungles');

/** "the X camp", "the X border crossing", "the X checkpoint": a lowercase noun after "the X". */
const THE_SUFFIX_KIND: ReadonlyMap<string, string> = new Map([...set('camp crossing checkpoint')].map((w) => [w, 'locality'] as const));

/** Capitalised last words of a name that make it a place whatever its first words: "the Lomanji River". */
export const PLACE_HEADS: ReadonlyMap<string, string> = new Map([
  ...[...set('River Valley Mountains Hills Desert Plateau Strait Straits Bay Canal Peninsula')].map((w) => [w, 'feature'] as const),
  ...[...set('Province District Governorate Oblast')].map((w) => [w, 'region'] as const),
  ['Square', 'locality'],
]);

/** "X and Y, two towns": counts and adjectives before the plural noun of the apposition. */
const LIST_COUNTS = set('two three four five six both neighbouring neighboring nearby twin');
const DIRECTIONS = set('north south east west northeast northwest southeast southwest');
/** "in northern X", "the mayor of nearby X": adjectives that put a place's name after them. */
const DIRECTION_ADJECTIVES = set('northern southern eastern western central northeastern northwestern southeastern southwestern nearby neighbouring neighboring');
const LOCATIVES = set('in near outside around at from to towards toward into between across throughout');

/** Verbs of speech after a name: a person speaks, a town does not ("Aguilar told"). */
const SPEECH_VERBS = set('said says told tells added adds wrote writes stated noted explained insisted argued recalled asked replied');

/**
 * The words after a name that the rules read by their spelling: "X was shelled", "the X border crossing",
 * "X local government", "from X to Y"; after a comma, "X, in the north", "X, a town".
 */
const AFTER_NAME_WORDS = set('was were is has had border refugee displacement local to in a an the');

/** Lowercase name particles: "Saleh el-Din", "Deir ez-Zor", "Jabal al-Zawiya", "Rio de Janeiro". */
export const PARTICLES = set('al el ad ash az ez ar bin ibn bint abu de du da del della di dos der van von la le');

/** Titles before a person's name: "President Chad ...", "Mr Jordan". */
const HONORIFICS = set(
  'mr mrs ms miss dr prof sir dame lord lady president gen general col colonel maj major capt captain lt lieutenant sgt sergeant minister premier senator governor mayor king queen prince princess sheikh imam pope rev father brother sister judge justice ambassador commander chief officer spokesman spokeswoman spokesperson',
);

const MONTHS_AND_DAYS = set(
  'january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday',
);

/** Capitalised at a sentence's start, never a place: "The town's mayor", "We will", "Our men". */
const FUNCTION_WORDS = set(
  'a an the this that these those it its he him his she her hers they them their theirs we us our ours you your i me my mine who whom whose which what when where why how there here then than and or but nor so yet if as at by for from in into of on onto to with without within about above across after against along among around before behind below beneath beside besides between beyond during except inside near off outside over past since through throughout till toward towards under until up upon via all any both each either every few many more most much neither no none not one other several some such only also even just still already again once however meanwhile moreover furthermore although though because while whereas unless whether is are was were be been being am has have had do does did will would shall should can could may might must let please yes no mr mrs ms dr',
);

// A word's memberships of the lists above as bits, worked out once per spelling (places.ts keeps them
// with the word's lower case), so that the recogniser's rules test a bit instead of a set.
export const LOCATIVE = 1 << 0;
export const FUNCTION_WORD = 1 << 1;
export const MONTH_OR_DAY = 1 << 2;
export const DIRECTION = 1 << 3;
export const DIRECTION_ADJECTIVE = 1 << 4;
export const PARTICLE = 1 << 5;
export const HONORIFIC = 1 << 6;
export const SETTLEMENT = 1 << 7;
export const LIST_NOUN = 1 << 8;
export const MOTION_VERB = 1 << 9;
export const PLACE_OBJECT_VERB = 1 << 10;
export const NEAR_WORD = 1 << 11;
export const OF_PLACE_WORD = 1 << 12;
export const FACILITY = 1 << 13;
export const ROAD = 1 << 14;
export const SUFFIX = 1 << 15;
export const THE_SUFFIX = 1 << 16;
export const LIST_COUNT = 1 << 17;
export const PLACE_POSSESSION = 1 << 18;
/** The word "of", which many rules read before a name: a bit is cheaper to test than the string. */
export const OF = 1 << 19;
/** In `AFTER_NAME_WORDS`. */
export const AFTER_NAME_WORD = 1 << 20;
/** In `SPEECH_VERBS`. */
export const SPEECH_VERB = 1 << 21;
/** "including", "notably", "namely": what opens examples of a plural before it ("towns, including X"). */
export const EXAMPLES = 1 << 22;
/** "on", read after a word of attack ("the assault on X"). */
export const ON = 1 << 23;
/** "linking", "connecting": a road's ends after them ("the road linking X and Y"). */
export const LINKING = 1 << 24;
/** In `CAPTURE_VERBS`. */
export const CAPTURE_VERB = 1 << 25;

/** "captured X on Monday": verbs whose object is a place when a one-word name ends the clause ("captured Ahmed Musa", "seized Reuters equipment" name none). */
export const CAPTURE_VERBS = set('captured seized');
/** "the attack on X", "advancing on X": words whose "on" aims at a place. */
export const ATTACKS_ON = set('attack attacks assault assaults offensive raid raids advance advancing advanced marched marching push pushing closing converged converging bearing');
/** "residents in X", "sources in X": people who are somewhere. */
export const PEOPLE_IN = set('residents inhabitants villagers civilians people families locals officials authorities witnesses sources doctors medics');

/** Each listed word's bits. */
const CLASSES = new Map<string, number>();
for (const [words, bit] of [
  [LOCATIVES, LOCATIVE],
  [FUNCTION_WORDS, FUNCTION_WORD],
  [MONTHS_AND_DAYS, MONTH_OR_DAY],
  [DIRECTIONS, DIRECTION],
  [DIRECTION_ADJECTIVES, DIRECTION_ADJECTIVE],
  [PARTICLES, PARTICLE],
  [HONORIFICS, HONORIFIC],
  [SETTLEMENT_KIND.keys(), SETTLEMENT],
  [LIST_NOUNS, LIST_NOUN],
  [MOTION_VERBS, MOTION_VERB],
  [PLACE_OBJECT_VERBS, PLACE_OBJECT_VERB],
  [NEAR_WORDS, NEAR_WORD],
  [OF_PLACE, OF_PLACE_WORD],
  [FACILITIES, FACILITY],
  [ROADS, ROAD],
  [SUFFIX_KIND.keys(), SUFFIX],
  [REGION_PLURALS, SUFFIX],
  [THE_SUFFIX_KIND.keys(), THE_SUFFIX],
  [LIST_COUNTS, LIST_COUNT],
  [PLACE_POSSESSIONS, PLACE_POSSESSION],
  [['of'], OF],
  [AFTER_NAME_WORDS, AFTER_NAME_WORD],
  [SPEECH_VERBS, SPEECH_VERB],
  [['including', 'notably', 'namely'], EXAMPLES],
  [['on'], ON],
  [['linking', 'connecting'], LINKING],
  [CAPTURE_VERBS, CAPTURE_VERB],
] as const) {
  for (const word of words) CLASSES.set(word, (CLASSES.get(word) ?? 0) | bit);
}

/** The bits of the lists a lowercase word is in. */
export function wordClasses(lower: string): number {
  return CLASSES.get(lower) ?? 0;
}
