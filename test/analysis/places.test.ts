import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../../src/analysis/analyse';
import { findFactions } from '../../src/analysis/factions';
import { findPlaces } from '../../src/analysis/places';
import type { Entity, RecogniserContext, UserLexicon } from '../../src/analysis/types';
import { ensureBuiltGazetteer } from './placesSetup';

// Sentences here are written for these tests; names of small places are invented where a rule (not
// the gazetteer) must find them.

const context: RecogniserContext = { documentDate: '2024-03-10', lexicon: {} };
const places = (text: string, ctx = context) => findPlaces(text, ctx);
const texts = (text: string, ctx = context) => places(text, ctx).map((p) => p.text);
const find = (text: string, name: string) => places(text).find((p) => p.text === name);

beforeAll(() => {
  ensureBuiltGazetteer();
});

describe('countries', () => {
  it('finds common, official and abbreviated names with "the" where the name takes it', () => {
    expect(texts('Troops from the UAE and the United Arab Emirates air force landed.')).toEqual(['the UAE', 'the United Arab Emirates']);
    expect(texts('Talks with the U.S. and the US stalled, Britain said.')).toEqual(['the U.S.', 'the US', 'Britain']);
    expect(texts('Fighting in DR Congo and the Democratic Republic of the Congo spread.')).toEqual([
      'DR Congo',
      'the Democratic Republic of the Congo',
    ]);
    expect(texts('Cocoa from Ivory Coast and Côte d’Ivoire and Cote d\'Ivoire.')).toEqual(['Ivory Coast', 'Côte d’Ivoire', "Cote d'Ivoire"]);
  });

  it('gives the gazetteer name, the ISO code, the kind and coordinates', () => {
    const uae = find('Planes from the UAE landed.', 'the UAE');
    expect(uae).toMatchObject({ canonical: 'United Arab Emirates', country: 'AE', kind: 'country' });
    expect(uae?.lat).toBeCloseTo(24, 0);
    expect(find('A delegation from Burma arrived.', 'Burma')).toMatchObject({ country: 'MM', kind: 'country' });
    expect(find('Cocoa from Côte d’Ivoire sold well.', 'Côte d’Ivoire')?.country).toBe('CI');
  });

  it('finds every country of the world by its common name', async () => {
    const { default: countries } = (await import('world-countries')) as unknown as { default: { name: { common: string }; cca2: string }[] };
    const missed = countries.filter((c) => {
      const found = places(`Officials in ${c.name.common.replace(/ \(.*\)/, '')} said so.`);
      return !found.some((p) => p.country === c.cca2 && p.kind === 'country');
    });
    expect(missed.map((c) => c.name.common)).toEqual([]);
  });

  it('takes "Turkey" as a country but "US" only in capitals', () => {
    expect(texts('Turkey sent drones.')).toEqual(['Turkey']);
    expect(texts('They told us nothing.')).toEqual([]);
    expect(texts('Turkey-backed forces advanced.')).toEqual(['Turkey']);
  });
});

describe('cities and regions', () => {
  it('finds multi-word, hyphenated and accented names, diacritics ignored', () => {
    expect(texts('Shelling hit Bani Walid and El Fasher.')).toEqual(['Bani Walid', 'El Fasher']);
    expect(find('Aid reached Addis Ababa.', 'Addis Ababa')).toMatchObject({ country: 'ET', kind: 'city' });
    expect(texts('Flights from Sao Paulo and São Paulo resumed.')).toEqual(['Sao Paulo', 'São Paulo']);
    expect(find('Troops entered Deir ez-Zor.', 'Deir ez-Zor')?.country).toBe('SY');
    expect(find("Convoys left N'Djamena.", "N'Djamena")?.country).toBe('TD');
  });

  it('finds conflict regions and geographic features', () => {
    expect(texts('Fighting in Darfur, Tigray and North Kivu displaced thousands.')).toEqual(['Darfur', 'Tigray', 'North Kivu']);
    expect(texts('Ships in the Red Sea avoided the Suez Canal.')).toEqual(['Red Sea', 'Suez Canal']);
    expect(texts('Strikes hit the Gaza Strip and the West Bank.')).toEqual(['Gaza Strip', 'West Bank']);
    expect(find('Jihadists are active across the Sahel.', 'Sahel')?.kind).toBe('region');
    expect(texts('Migrants crossed North Africa to reach Europe, and drought hit Southeast Asia.')).toEqual(['North Africa', 'Europe', 'Southeast Asia']);
    expect(texts('South Africa sent troops.')).toEqual(['South Africa']); // the country, not the continent in it
  });

  it('keeps a capitalised suffix with the name and leaves a possessive out', () => {
    expect(texts('Clashes spread in Shan State.')).toEqual(['Shan State']);
    expect(texts('Kharkiv’s mayor spoke.')).toEqual(['Kharkiv']);
  });

  it('gives a name the kind its suffix says, over its first word’s in the gazetteer', () => {
    const kinds = (text: string) => places(text).map((p) => [p.text, p.kind]);
    expect(kinds('Militants stormed a church in Owo, Ondo State.')).toEqual([
      ['Owo', 'city'],
      ['Ondo State', 'region'],
    ]);
    expect(kinds('Gunmen attacked villages in Zamfara State.')).toEqual([['Zamfara State', 'region']]);
    // A region's noun in lower case leaves the name as it is, a region, and not at its city's point; a country stays one.
    expect(find('Drones hit the Kharkiv region.', 'Kharkiv')).toMatchObject({ kind: 'region', lat: undefined, lon: undefined });
    expect(find('Drones hit the city of Kharkiv.', 'Kharkiv')).toMatchObject({ kind: 'city', lat: expect.any(Number) });
    // So does the plural after two names joined.
    expect(kinds('Drones hit the Kharkiv and Odesa regions, then Kyiv and Lviv at dawn.')).toEqual([
      ['Kharkiv', 'region'],
      ['Odesa', 'region'],
      ['Kyiv', 'city'],
      ['Lviv', 'city'],
    ]);
    expect(kinds('Aid reached the Sudan region and Kharkiv, ruins.')).toEqual([['Sudan', 'country'], ['Kharkiv', 'city']]);
    // A federal state in lower case; not a state's own media.
    expect(kinds('Gunmen raided a village in Kaduna state, Kaduna state media said.')).toEqual([['Kaduna', 'region'], ['Kaduna', 'city']]);
    // The region the suffix names, where the gazetteer has a city of that name first.
    expect(find('Floods hit Lagos State.', 'Lagos State')).toMatchObject({ kind: 'region', lat: undefined });
    expect(find('Fires spread across Washington State.', 'Washington State')).toMatchObject({ canonical: 'Washington', kind: 'region' });
    expect(kinds('Flights resumed at Goma Airport.')).toEqual([['Goma Airport', 'airport']]);
    expect(kinds('Flights left Mitiga airport at dawn.')).toEqual([['Mitiga', 'airport']]); // a name no list knows
    expect(find('Flights resumed at Goma Airport.', 'Goma Airport')?.canonical).toBe('Goma Airport'); // not the city's
    expect(kinds('Boats crossed the Congo River near Kuwait City.')).toEqual([
      ['Congo River', 'feature'],
      ['Kuwait City', 'city'],
    ]);
    // A country's "State" is no region: the US State Department.
    expect(kinds('A US State Department spokesman spoke.')).toEqual([['US', 'country']]);
  });

  it('takes a capital that the gazetteer names with a comma by its first part ("Washington, D.C.")', () => {
    expect(find('Officials in Washington said the sanctions would stay.', 'Washington')).toMatchObject({ kind: 'city', country: 'US' });
    expect(find('Talks opened in New York.', 'New York')).toMatchObject({ canonical: 'New York City', kind: 'city' }); // curated: the city before the state
  });

  it('tells the two Congos apart by the paragraph’s other places, the larger without them', () => {
    expect(find('Rebels near Goma fought the army of Congo.', 'Congo')?.country).toBe('CD');
    expect(find('Voters in Brazzaville and Pointe-Noire said Congo needed change.', 'Congo')?.country).toBe('CG');
    expect(find('Congo held elections.', 'Congo')?.country).toBe('CD');
    // A country still wins over a town of its name in another country of the paragraph.
    expect(find('Troops from Jordan reached Baghdad.', 'Jordan')?.country).toBe('JO');
  });

  it('accepts ALL-CAPS names', () => {
    expect(find('SHELLING IN KHARTOUM CONTINUED', 'KHARTOUM')?.country).toBe('SD');
  });

  it('reads each paragraph’s own long words (too long for the table of words seen), not the last one’s', () => {
    // Both first words are read outside the table of words seen, at the same index.
    expect(texts('Representatives gathered.')).toEqual([]);
    expect(texts('Sievierodonetsk fell.')).toEqual(['Sievierodonetsk']);
    expect(texts('Representatives gathered.')).toEqual([]);
    // ...and any number of them in one paragraph, a long name among them.
    const filler = Array.from({ length: 300 }, (_, i) => `Representatives${String.fromCharCode(97 + (i % 26))}`).join(' ');
    expect(texts(`${filler} met; shelling in Sievierodonetsk went on.`)).toEqual(['Sievierodonetsk']);
  });

  it('chooses among places of one name by the paragraph’s country', () => {
    expect(find('In Libya, fighting near Tripoli resumed.', 'Tripoli')?.country).toBe('LY');
    expect(find('In Lebanon, protests in Tripoli grew.', 'Tripoli')?.country).toBe('LB');
  });
});

describe('a wire dateline', () => {
  const placesOf = (text: string) => analyse(text).entities.filter((e) => e.type === 'place');

  it('gives its city and the country or region after it, as the gazetteer knows them', () => {
    const places = placesOf('MAIDUGURI, Nigeria, Feb 12 (Reuters) — Gunmen attacked a camp.');
    expect(places.map((p) => [p.text, p.start, p.kind])).toEqual([
      ['MAIDUGURI', 0, 'city'],
      ['Nigeria', 11, 'country'],
    ]);
    expect(places[1].country).toBe('NG');
    expect(places[0]).toMatchObject({ canonical: 'Maiduguri', country: 'NG' });
  });

  it('takes an unknown name there for a region, and no lower-case words', () => {
    expect(placesOf('KAPTA, Veloria, Mar 3 (AFP) - Talks ended.').map((p) => [p.text, p.kind, p.canonical])).toEqual([
      ['KAPTA', 'city', 'Kapta'],
      ['Veloria', 'region', 'Veloria'],
    ]);
    expect(placesOf("N'KAPTA-SUR — Talks ended.").map((p) => p.canonical)).toEqual(["N'Kapta-Sur"]);
    expect(placesOf('KAPTA, the north, Mar 3 (AFP) - Talks ended.').map((p) => p.text)).toEqual(['KAPTA']);
  });

  it('gives each city of a dateline filed from two', () => {
    expect(placesOf('LONDON/KYIV, June 3 (Reuters) - Talks ended.').map((p) => [p.text, p.start, p.canonical])).toEqual([
      ['LONDON', 0, 'London'],
      ['KYIV', 7, 'Kyiv'],
    ]);
  });
});

describe('a place where a faction is named', () => {
  const spans = (text: string) => analyse(text).entities.filter((e) => e.type !== 'date').map((e) => `${e.type} ${e.text}`);

  it('belongs to the faction inside its name, and when it is its whole name', () => {
    expect(spans('The Tripoli government rejected the plan.')).toEqual(['faction The Tripoli government']);
    expect(spans('Fighters of the Islamic State Sahel Province killed ten.')).toEqual(['faction Islamic State Sahel Province']);
    // Or all of it but the article the place would take: "The |U.S.| Central Command".
    expect(spans('The U.S. Central Command said so, and the U.S.-led coalition agreed.')).toEqual(['faction U.S. Central Command', 'faction U.S.-led coalition']);
    // The lexicon's armed groups whose names hold a place's word.
    expect(spans('He blamed the Comandos de la Frontera and Liwa Fatemiyoun.')).toEqual(['faction Comandos de la Frontera', 'faction Liwa Fatemiyoun']);
  });

  it('stays a place beside the faction when the faction is a state or a government it stands for', () => {
    expect(spans('The LNA is supported by Egypt.')).toEqual(['faction LNA', 'place Egypt', 'faction Egypt']);
    expect(spans('The Fano militia turned against Addis Ababa.')).toEqual(['faction Fano militia', 'place Addis Ababa', 'faction Addis Ababa']);
  });
});

describe('context rules for places no gazetteer lists', () => {
  it('"the town/village/suburb/camp of X", with particles in the name', () => {
    expect(texts('Gunmen raided the village of Qarmazin at dawn.')).toEqual(['Qarmazin']);
    expect(texts('They took the southern suburb of Nasr el-Din.')).toEqual(['Nasr el-Din']);
    expect(find('Aid reached the camp of Umm Dorvak.', 'Umm Dorvak')?.kind).toBe('locality');
    expect(find('Troops held the province of Tarsilat.', 'Tarsilat')?.kind).toBe('region');
  });

  it('"districts of X and Y", "X, a town south-east of Y", "the airport of X"', () => {
    expect(texts('Strikes hit the districts of Wardaqa and Bir Hallouf overnight.')).toEqual(['Wardaqa', 'Bir Hallouf']);
    expect(texts('Fighters reached Hambelli, a town south-east of Kassala.')).toEqual(['Hambelli', 'Kassala']);
    expect(texts('Jets took off from the airport of Zuwantin.')).toEqual(['Zuwantin']);
    expect(texts('They massed near Ulbekivka and Morvashne, a village east of Kharkiv.')).toEqual(['Ulbekivka', 'Morvashne', 'Kharkiv']);
  });

  it('"X\'s mayor", "X province", "the hospital in X", "the road to X"', () => {
    expect(texts('Dorvakia’s mayor said the town was calm.')).toEqual(['Dorvakia']);
    expect(texts('Rebels control much of Tarsilat province.')).toEqual(['Tarsilat']);
    expect(texts('A nurse at the hospital in Kyaukmaw said so.')).toEqual(['Kyaukmaw']);
    expect(texts('The road to Pelembang has been closed.')).toEqual(['Pelembang']);
  });
});

describe('false positives', () => {
  it('skips common words and people who share a place’s name', () => {
    expect(texts('Nice words were spoken. Mobile phones were cut.')).toEqual([]);
    expect(texts('The actress Victoria Beckham and Florence Nightingale were named.')).toEqual([]);
    expect(texts('The analyst Jordan Peterson and Chad Smith spoke.')).toEqual([]);
    expect(texts('Chad and Niger closed their borders.')).toEqual(['Chad', 'Niger']);
    expect(texts('Mr Jordan said the talks failed.')).toEqual([]);
  });

  it('skips demonyms, months, weekdays and sentence-initial function words', () => {
    expect(texts('Libyan forces and Sudanese troops advanced in March and May on Monday.')).toEqual([]);
    expect(texts('The town’s mayor said so. We will return. Of course not.')).toEqual([]);
    expect(texts('The Libyans left the region in January, state media reported.')).toEqual([]);
  });

  it('skips a place inside a longer capitalised name: a person, a newspaper, a university', () => {
    expect(texts('Negotiator Rodrigo Salcedo insisted the talks would go on.')).toEqual([]);
    expect(texts('The heiress Paris Hilton spoke to the New York Times.')).toEqual([]);
    expect(texts('An analyst at George Washington University said so.')).toEqual([]);
    expect(texts('The Ministry of Justice and the Three Brotherhood Alliance said so.')).toEqual([]);
  });

  it('finds a place before a title and a name: the place whose mayor or governor it is', () => {
    expect(texts('Kharkiv Mayor Ihor Terekhov and Odesa Governor Oleh Kiper spoke.')).toEqual(['Kharkiv', 'Odesa']);
    expect(texts('Officials met Sydney Mayor in the evening.')).toEqual([]); // no name after the title
  });

  it('takes a small town’s name that speaks for a person’s, not where someone speaks from', () => {
    expect(texts('“We were fired on first,” Aguilar told the radio.')).toEqual([]);
    expect(texts('Officials in Aguilar said the road was cut.')).toEqual(['Aguilar']);
    expect(texts('Moscow said the talks had failed.')).toEqual(['Moscow']); // a city's name may be its government's
  });

  it('still finds places in capitals or in a title-case headline', () => {
    expect(texts('Drone Strike Hits Kharkiv Apartment Block')).toEqual(['Kharkiv']);
    expect(texts('Fighting Rages In Khartoum As Talks Stall')).toEqual(['Khartoum']);
  });

  it('keeps a country a country when a region of the paragraph’s country shares its name', () => {
    expect(find('Nigeria asked Niger and Chad for help.', 'Niger')?.country).toBe('NE');
  });
});

describe('user lexicon', () => {
  it('adds places, compiled once per lexicon object', () => {
    const lexicon: UserLexicon = { places: [{ name: 'Wadi Zarqa', country: 'LY', kind: 'locality' }] };
    const ctx = { ...context, lexicon };
    const text = 'Displaced families gathered at Wadi Zarqa again.';
    expect(texts(text)).toEqual([]);
    expect(places(text, ctx)).toEqual([
      { type: 'place', text: 'Wadi Zarqa', start: text.indexOf('Wadi'), end: text.indexOf('Wadi') + 10, canonical: 'Wadi Zarqa', country: 'LY', kind: 'locality' },
    ]);
    expect(places(text, ctx)).toEqual(places(text, ctx));
  });
});

describe('spans', () => {
  const check = (text: string, found: Entity[]) => {
    let end = 0;
    for (const place of found) {
      expect(place.type).toBe('place');
      expect(text.slice(place.start, place.end)).toBe(place.text);
      expect(place.start).toBeGreaterThanOrEqual(end);
      end = place.end;
    }
  };

  it('are exact, ordered and never overlap, whatever the input', () => {
    const words = ['the', 'town', 'of', 'Tripoli', 'Bani', 'Walid', 'UAE', 'U.S.', ',', 'and', 'near', 'Qarmazin’s', 'mayor', 'a', 'village', 'east', 'Al-', 'el-Din', '“', 'KIDAL', 'Nice', 'of the'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 40 }), fc.string(), (parts, noise) => {
        const text = parts.join(' ') + noise;
        check(text, findPlaces(text, context));
      }),
    );
  });

  it('read pathological runs of capitals, commas and quotes to the end (their linearity is measured by test/bench/linearity.mjs)', () => {
    const text = 'Aa Bb Cc '.repeat(30_000) + ', , “ ” '.repeat(30_000) + 'The Town Of '.repeat(30_000);
    check(text, findPlaces(text, context));
  });
});

describe('place slots for names no list knows', () => {
  it('"fled from X to Y", "villages near X", "arrived in X", "shelled X"', () => {
    expect(texts('Families fled from Kessoura to Bamdali after the raid.')).toEqual(['Kessoura', 'Bamdali']);
    expect(texts('Artillery hit villages near Tarkomi overnight.')).toEqual(['Tarkomi']);
    expect(texts('Convoys arrived in Belgora before dawn.')).toEqual(['Belgora']);
    expect(texts('Those displaced from Hamriya reached the coast.')).toEqual(['Hamriya']);
    expect(texts('Gunboats shelled Vostrany for a week.')).toEqual(['Vostrany']);
    expect(texts('Fighters entered Kelbari overnight, and the convoy reached Felingo at noon.')).toEqual(['Kelbari', 'Felingo']);
    // "transferred to X", "in and around X", and the nouns of a town's parts; no list after a verb of motion.
    expect(texts('Prisoners were transferred to Wakalu.')).toEqual(['Wakalu']);
    expect(texts('They returned to Bilonga, Reuters said, and fled to Tasimbe and Amnesty said so.')).toEqual(['Bilonga', 'Tasimbe']);
    expect(texts('Fighting was reported in and around Kitobo.')).toEqual(['Kitobo']);
    expect(texts('Ibaka neighbourhood and the Zanguru suburb were hit.')).toEqual(['Ibaka', 'Zanguru']);
    // The slot goes on after "and" to a name that ends its clause, not to a speaker.
    expect(texts('Jets struck targets in Belgora and Kafr Tamin overnight.')).toEqual(['Belgora', 'Kafr Tamin']);
    expect(texts('Jets struck targets in Belgora and Tasimbe.')).toEqual(['Belgora', 'Tasimbe']);
    expect(texts('Convoys arrived in Belgora and Amnesty said so.')).toEqual(['Belgora']);
    // "captured X" and "seized X" when a one-word name ends the clause; "the assault on X"; "the road linking X
    // and Y"; "residents in X"; "X, a town 40 km north of Y".
    expect(texts('Rebels captured Kowsari on Monday and seized Tumbeli after heavy fighting.')).toEqual(['Kowsari', 'Tumbeli']);
    expect(texts('Police captured Ahmed Kowsari on Monday and seized Tumbeli equipment.')).toEqual([]);
    expect(texts('The assault on Kowsari began as rebels advanced on Tumbeli. The attack on Monday failed.')).toEqual(['Kowsari', 'Tumbeli']);
    expect(texts('The road linking Kowsari and Tumbeli is cut.')).toEqual(['Kowsari', 'Tumbeli']);
    expect(texts('Residents in Kowsari said the town was calm.')).toEqual(['Kowsari']);
    expect(texts('Kowsari, a town 40 km north of Tumbeli, fell.')).toEqual(['Kowsari', 'Tumbeli']);
    // Examples of places: "towns, including X and Y"; not of people or groups.
    expect(texts('The group has retaken several towns, including Kowsari and Tumbeli, since January.')).toEqual(['Kowsari', 'Tumbeli']);
    expect(texts('Many people, including Ahmed Kowsari, fled.')).toEqual([]);
    // "travel to X", "the mayor of nearby X", "in neighbouring X".
    expect(texts('A team would travel to Bankoro on Friday.')).toEqual(['Bankoro']);
    expect(texts('He spoke to the mayor of nearby Bankoro, and to people in neighbouring Tasimbe.')).toEqual(['Bankoro', 'Tasimbe']);
    // What a slot found, a noun after it may say the kind of.
    expect(places('Rebels attacked villages in neighbouring Tarsilat province and in Belgora district.').map((p) => [p.text, p.kind])).toEqual([
      ['Tarsilat', 'region'],
      ['Belgora', 'region'],
    ]);
  });

  it('not a modifier, an institution or a pair of names that only looks like "from X to Y"', () => {
    expect(texts('Troops shelled Islamic State positions.')).toEqual([]);
    expect(texts('They fled Boko Haram fighters.')).toEqual([]);
    expect(texts('Police raided Reuters offices and entered Parliament.')).toEqual([]);
    expect(texts('She returned to Parliament on Tuesday.')).toEqual([]);
    expect(texts('He was based in Reuters headquarters.')).toEqual([]);
    expect(texts('The money went from Reuters to the press office.')).toEqual([]);
  });

  it('"residents of X", "in X, in the north of the country"', () => {
    expect(texts('Residents of Qalbeni said the water was cut.')).toEqual(['Qalbeni']);
    expect(texts('The rebels hid in the mountains of Tavoran for years.')).toEqual(['Tavoran']);
    expect(texts('The road links the Velmasi and Rutanga territories.')).toEqual(['Velmasi', 'Rutanga']);
    // A port, a strait, a square; the two ends of a road or a border, hyphen between, and no other hyphenated pair.
    expect(texts('Ships left Ras Tamin port for the Kelmar Strait, and crowds filled Velga Square.')).toEqual(['Ras Tamin', 'Kelmar Strait', 'Velga Square']);
    expect(texts('Trucks used the Nyala-El Fasher road on the Chad-Sudan border.')).toEqual(['Nyala', 'El Fasher', 'Chad', 'Sudan']);
    expect(texts('The Kyiv-Moscow talks stalled near Mrauk-U.')).toEqual(['Mrauk-U']);
    expect(texts('Fighting spread to Velmasi territory.')).toEqual(['Velmasi']);
    expect(texts('Fighting in Sorkanda, in the north of the country, went on.')).toEqual(['Sorkanda']);
    expect(texts('Smith, in the north of the story, is lost.')).toEqual([]);
  });

  it('"the X border crossing", "at the X camp", "X local government"; not "in the Y camp" of supporters', () => {
    expect(texts('Lorries queued at the Walmeh border crossing.')).toEqual(['Walmeh']);
    expect(texts('Food reached families at the Duroba camp.')).toEqual(['Duroba']);
    expect(texts('Families live in Tirsalo camp and near Walmeh checkpoint.')).toEqual(['Tirsalo', 'Walmeh']);
    expect(find('The Fintoko local government chairman spoke.', 'Fintoko')?.kind).toBe('region');
    expect(texts('Supporters in the Smith camp cheered.')).toEqual([]);
    // After "and", a camp joined to a place is one too; joined to anything else it is not.
    expect(texts('Shelling hit Goma and the Duroba camp.')).toEqual(['Goma', 'Duroba']);
    expect(texts('Voters and the Smith camp cheered.')).toEqual([]);
  });

  it('"the X River": a capitalised head noun makes the name a place', () => {
    expect(find('Bodies were pulled from the Lomanji River.', 'Lomanji River')?.kind).toBe('feature');
    expect(find('Rebels hold much of Tarsil Province.', 'Tarsil Province')?.kind).toBe('region');
  });

  it('"X and Y, two towns": a name coordinated with a place', () => {
    expect(texts('Ardhal and Mersine, two towns on the plain, were emptied.')).toEqual(['Ardhal', 'Mersine']);
    expect(texts('Drones attacked Ravelka and Odesa on Sunday.')).toEqual(['Ravelka', 'Odesa']);
    // Not at a sentence's start with a gazetteer place only: "Hamas and Gaza" is no pair of towns.
    expect(texts('Hamas and Gaza were named.')).toEqual(['Gaza']);
    expect(texts('Police arrested Ahmed and Omar on Monday.')).toEqual([]);
  });

  it('"X was shelled", "20km from X", "near X", "outside X", and the list after "villages near X"', () => {
    expect(texts('Kessala was shelled again. Dorvan has been besieged since May.')).toEqual(['Kessala', 'Dorvan']);
    expect(texts('Ahmed was arrested.')).toEqual([]);
    expect(texts('The camp lies 20km from Tinbali.')).toEqual(['Tinbali']);
    expect(texts('Shells fell near Tarkomi and outside Vessa.')).toEqual(['Tarkomi', 'Vessa']);
    expect(texts('They met near Smith’s home.')).toEqual([]);
    // The name after "and" ends the list: the source after it is no village.
    expect(texts('Gunmen burned villages near Tarkomi, Belsa and Odra, Reuters said.')).toEqual(['Tarkomi', 'Belsa', 'Odra']);
  });

  it('"in X" when the name ends its phrase; not a language, a faith or an app', () => {
    expect(texts('Two people died in Hadreb on Friday. Clashes in Ostrova, officials said.')).toEqual(['Hadreb', 'Ostrova']);
    expect(texts('The message was written in Arabic. He believed in Allah.')).toEqual([]);
    expect(texts('It was posted in Telegram on Monday. Trust in Kessler Group is low.')).toEqual([]);
    // At a sentence's start only before a comma ("In X, gunmen ..."); not when more follows the name.
    expect(texts('In Voskra, gunmen waited.')).toEqual(['Voskra']);
    expect(texts('In Voskra they waited. He lived in Smith tower. In Brief, nothing.')).toEqual([]);
  });

  it('finds a gazetteer town under another transliteration', () => {
    // The gazetteer spells it "Qiryat Ata" and "Kiryat Gat".
    expect(find('Rockets fell on Kiryat Ata.', 'Kiryat Ata')).toMatchObject({ canonical: 'Qiryat Ata', country: 'IL' });
    expect(find('Rockets fell on Qiryat Gat.', 'Qiryat Gat')).toMatchObject({ canonical: 'Kiryat Gat', country: 'IL' });
  });

  it('a short word in capitals is an acronym, not a town of that name', () => {
    expect(texts('Mr Kfar told Human Rights Watch that the UN had left.')).toEqual([]);
  });

  it('a word in capitals after one in lower case is an acronym; a dateline or a headline in capitals is not after one', () => {
    expect(texts('The state news agency SANA said so.')).toEqual([]);
    expect(texts('SANAA, Yemen (AP) — Houthi rebels said so.')).toEqual(['SANAA', 'Yemen']);
    expect(texts('REBELS ENTER GOMA AS ARMY RETREATS')).toEqual(['GOMA']);
  });
});

describe('the words shared with the faction recogniser', () => {
  it('finds the same places in a paragraph the faction recogniser has read first', () => {
    const paragraphs = [
      'Pro-government militias shelled Tinbali, 20km from Kessala.',
      'The U.S.-backed forces entered Côte d’Ivoire’s capital, Abidjan, on Monday.',
      'Fighters of the Rapid Support Forces (RSF) took El Fasher in Darfur.',
    ];
    const alone = paragraphs.map((paragraph) => places(paragraph));
    paragraphs.forEach((paragraph, n) => {
      findFactions(paragraph, context);
      expect(places(paragraph)).toEqual(alone[n]);
    });
  });
});
