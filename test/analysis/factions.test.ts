import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findFactions, resolveParties } from '../../src/analysis/factions';
import type { Entity, RecogniserContext, UserLexicon } from '../../src/analysis/types';

const context = (lexicon: UserLexicon = {}): RecogniserContext => ({ documentDate: null, lexicon });
const texts = (text: string, lexicon?: UserLexicon): string[] => findFactions(text, context(lexicon)).map((e) => e.text);

/** Paragraphs split on blank lines, recognised one by one, then resolved like analyse() does. */
function resolve(text: string, lexicon: UserLexicon = {}) {
  const found: Entity[] = [];
  let offset = 0;
  for (const paragraph of text.split('\n\n')) {
    for (const e of findFactions(paragraph, context(lexicon))) found.push({ ...e, start: e.start + offset, end: e.end + offset });
    offset += paragraph.length + 2;
  }
  return resolveParties(text, found, context(lexicon));
}
const canonicalOf = (result: ReturnType<typeof resolve>, text: string): string | undefined => result.factions.find((e) => e.text === text)?.canonical;

describe('findFactions', () => {
  it('finds lexicon parties by name, acronym and alias, with their canonical name', () => {
    const found = findFactions('Clashes between the RSF and the Sudanese Armed Forces spread as al-Shabaab and the Houthis struck.', context());
    expect(found.map((e) => [e.text, e.canonical])).toEqual([
      ['RSF', 'Rapid Support Forces'],
      ['Sudanese Armed Forces', 'Sudanese Armed Forces'],
      ['al-Shabaab', 'al-Shabaab'],
      ['Houthis', 'Ansar Allah'],
    ]);
    expect(found.every((e) => e.type === 'faction')).toBe(true);
  });

  it('reads a plural possessive inside a name, with either apostrophe, and keeps it apart from a word after', () => {
    expect(texts("Talks with the Kurdistan Workers' Party (PKK) and the Al-Aqsa Martyrs’ Brigades stalled.")).toEqual(["Kurdistan Workers' Party", 'PKK', 'Al-Aqsa Martyrs’ Brigades']);
    expect(texts("The Kurdistan Workers'  Party, the Kurdistan Workers'/Party and the Kurdistan Workers's Party")).toEqual([]);
  });

  it('reads a name’s Arabic article spaced as well as hyphenated ("Al Shabaab", "Hayat Tahrir al Sham")', () => {
    const found = findFactions('Al Shabaab militants attacked, and Hayat Tahrir al Sham said it would hold Idlib.', context());
    expect(found.map((e) => [e.text, e.canonical])).toEqual([
      ['Al Shabaab militants', 'al-Shabaab'],
      ['Hayat Tahrir al Sham', 'Hayat Tahrir al-Sham'],
    ]);
  });

  it('reads a United Nations body shortened to "UN"', () => {
    expect(findFactions('The UN Interim Force in Lebanon said a patrol was hit.', context()).map((e) => [e.text, e.canonical])).toEqual([
      ['UN Interim Force in Lebanon', 'United Nations Interim Force in Lebanon'],
    ]);
  });

  it('keeps acronyms case-sensitive and ignores lower-case words that spell them', () => {
    expect(texts('The sdf and the rsf are words here; an aa battery.')).toEqual([]);
  });

  it('extends a name with the force noun that follows it', () => {
    expect(texts('JNIM fighters and Fano militiamen attacked; AU soldiers left.')).toEqual(['JNIM fighters', 'Fano militiamen', 'AU soldiers']);
  });

  it('reports an international body only through its forces', () => {
    expect(texts('The United Nations said talks would resume.')).toEqual([]);
  });

  it('finds a force named before its noun though the lexicon lacks it, not one the words only describe', () => {
    expect(texts('The Tiger Forces and the Joint Forces advanced.')).toEqual(['Tiger Forces', 'Joint Forces']);
    expect(texts('The Kurdish-led Northern Alliance Army captured the pass.')).toEqual(['Northern Alliance Army']);
    expect(texts('The Armed Forces responded and the Special Forces landed.')).toEqual([]);
    // A party the lexicon knows inside the words keeps its name.
    expect(findFactions('The Greater Rapid Support Forces advanced.', context()).map((e) => [e.text, e.canonical])).toEqual([['Rapid Support Forces', 'Rapid Support Forces']]);
  });

  it('finds a unit named by its number, and no count before a capitalised word', () => {
    expect(texts('The 444 Brigade clashed with the 3rd Separate Assault Brigade near the 101st Airborne Division.')).toEqual([
      '444 Brigade',
      '3rd Separate Assault Brigade',
      '101st Airborne Division',
    ]);
    expect(texts('Talks on 12 May Brigade rotations, on page 4, Division Street, sent 1,200 Division recruits.')).toEqual([]);
  });

  it('finds parties defined by an acronym in the text, even when the lexicon lacks them', () => {
    expect(texts('Fighters of the Northern Liberation Front (NLF) took the hill.')).toEqual(['Northern Liberation Front', 'NLF']);
    // An organisation that is not a party: no faction head word.
    expect(texts('The World Health Organization (WHO) sent doctors.')).toEqual([]);
    expect(texts('The National Security Council (NSC) met.')).toEqual([]);
    expect(texts('The Danish Refugee Council (DRC) said the camps were full.')).toEqual([]);
    expect(texts('The National Security Forces (NSF) met.')).toEqual(['National Security Forces', 'NSF']);
    // An international body's mission is no armed group.
    const kinds = (text: string) => findFactions(text, context()).map((e) => e.kind);
    expect(kinds('The UN Verification Mission in Velmasi (UNVMV) met.')).toEqual(['coalition', 'coalition']);
    expect(kinds('Fighters of the Northern Liberation Front (NLF) took the hill.')).toEqual(['armed-group', 'armed-group']);
  });

  it('names a party spelled out before an acronym as the lexicon names it, a user entry first', () => {
    const named = (lexicon?: UserLexicon) => findFactions('The Hill Brigade (RSF) clashed with the Zeta Front (ZFX).', context(lexicon)).map((e) => [e.text, e.canonical]);
    expect(named()).toEqual([
      ['Hill Brigade', 'Rapid Support Forces'],
      ['RSF', 'Rapid Support Forces'],
      ['Zeta Front', 'Zeta Front'],
      ['ZFX', 'Zeta Front'],
    ]);
    const lexicon: UserLexicon = { factions: [{ name: 'Zeta', aliases: ['Zeta Front'] }, { name: 'Our RSF', aliases: ['RSF'] }] };
    expect(named(lexicon)).toEqual([
      ['Hill Brigade', 'Our RSF'],
      ['RSF', 'Our RSF'],
      ['Zeta Front', 'Zeta'],
      ['ZFX', 'Zeta'],
    ]);
  });

  it('finds names introduced by "known as" after a party', () => {
    expect(texts('Government troops, backed by local militias known as Kuluna Guards, advanced.')).toContain('Kuluna Guards');
    expect(texts('Chad’s armed forces, known by their French acronym FADS, said so.')).toEqual(['Chad’s armed forces', 'FADS']);
  });

  it('finds a leader’s forces, with curly and straight apostrophes', () => {
    expect(texts('Haftar’s forces withdrew while Hemedti\'s fighters advanced.')).toEqual(['Haftar’s forces', 'Hemedti\'s fighters']);
    expect(findFactions('Haftar’s forces withdrew.', context())[0].canonical).toBe('Libyan National Army');
  });

  it('finds demonym and people forces for any country', () => {
    expect(texts('Russian fighters, Turkish troops, Burundian soldiers and Iraqi militias were seen with Arab tribal fighters.')).toEqual([
      'Russian fighters',
      'Turkish troops',
      'Burundian soldiers',
      'Iraqi militias',
      'Arab tribal fighters',
    ]);
    expect(texts('South Sudanese troops and Bissau-Guinean soldiers crossed.')).toEqual(['South Sudanese troops', 'Bissau-Guinean soldiers']);
    expect(findFactions('The truce was brokered by Russian peacekeepers.', context())[0]).toMatchObject({ text: 'Russian peacekeepers', canonical: 'Russian Armed Forces' });
    expect(findFactions('the Malian army', context())[0]).toMatchObject({ text: 'the Malian army', canonical: 'Malian Armed Forces' });
  });

  it('finds a state’s own forces named with a possessive', () => {
    expect(findFactions('Mali’s armed forces said the strike hit militants.', context())[0]).toMatchObject({ text: 'Mali’s armed forces', canonical: 'Malian Armed Forces' });
    expect(texts('Russia’s Belgorod region')).toEqual([]);
    // A state whose possessive begins a lexicon name of its own ("Ukraine's armed forces") is still the state before other heads.
    const ukraine = (text: string) => findFactions(text, context()).map((e) => [e.text, e.canonical]);
    expect(ukraine("Ukraine's army said so, and Ukraine's armed forces agreed.")).toEqual([["Ukraine's army", 'Armed Forces of Ukraine'], ["Ukraine's armed forces", 'Armed Forces of Ukraine']]);
    // Nor is the head a party where it only describes a role or body ("military intelligence", "army chief").
    expect(texts("Ukraine's military intelligence said so, and Mali's army chief agreed.")).toEqual([]);
    // A government a modifier describes is the government, not the army; a state by its short name.
    expect(ukraine("Burkina's military government said so.")).toEqual([["Burkina's military government", 'Burkina Faso']]);
  });

  it('names a state’s government as the lexicon’s national government, never a region’s or an opposition’s', () => {
    const named = (text: string) => findFactions(text, context()).map((e) => [e.text, e.canonical]);
    expect(named('Somalia’s government said so.')).toEqual([['Somalia’s government', 'Federal Government of Somalia']]);
    // The lexicon's Iraqi government is Kurdistan's, its Myanmar one the opposition's: the state speaks.
    expect(named('Iraq’s government and Myanmar’s government objected.')).toEqual([['Iraq’s government', 'Iraq'], ['Myanmar’s government', 'Myanmar']]);
  });

  it('finds backed forces and keeps the government they serve', () => {
    expect(texts('the Turkey-backed forces of the Tripoli government attacked')).toEqual(['the Turkey-backed forces of the Tripoli government']);
    expect(texts('Rwanda-backed forces shelled the suburb.')).toEqual(['Rwanda-backed forces']);
  });

  it('runs "forces loyal to" and "forces backing" to the end of the noun phrase', () => {
    expect(texts('Forces loyal to army chief Abdel Fattah al-Burhan have held the base.')).toEqual(['Forces loyal to army chief Abdel Fattah al-Burhan']);
    expect(texts('Forces loyal to the Government of National Unity and of Haftar clashed.')).toEqual(['Forces loyal to the Government of National Unity']);
  });

  it('reads a party’s noun, possessive, before its force ("the junta’s soldiers"), not before a role or a thing', () => {
    expect(texts('The junta’s soldiers burned the village, and the government’s forces withdrew.')).toEqual(['The junta’s soldiers', 'the government’s forces']);
    expect(texts('The government’s troops commander resigned over the government’s decision.')).toEqual([]);
    expect(texts('Meanwhile, forces backing the internationally recognised government have retaken it.')).toEqual(['forces backing the internationally recognised government']);
    expect(texts('a column of fighters loyal to a commander known as “Tumaco” was seen')).toEqual(['fighters loyal to a commander known as “Tumaco”']);
    // Backing a named party: two mentions, not one.
    expect(texts('The Russian fighters backing LNA retreated.')).toEqual(['Russian fighters', 'LNA']);
  });

  it('finds described governments and force nouns', () => {
    expect(texts('The Kinshasa government and the UN-backed government met; the federal government refused.')).toEqual([
      'The Kinshasa government',
      'the UN-backed government',
      'the federal government',
    ]);
    expect(texts('Government forces, pro-government militias, the rebel forces, security forces and regional forces clashed.')).toEqual([
      'Government forces',
      'pro-government militias',
      'the rebel forces',
      'security forces',
      'regional forces',
    ]);
  });

  it('takes "pro-" and "anti-" a state, a capital, a party or a leader as a modifier, and rival factions as a party', () => {
    expect(texts('Pro-Russian separatists, pro-Kyiv fighters, anti-Houthi forces, pro-Haftar units and pro-US militias moved.')).toEqual([
      'Pro-Russian separatists',
      'pro-Kyiv fighters',
      'anti-Houthi forces',
      'pro-Haftar units',
      'pro-US militias',
    ]);
    expect(texts('Rival factions and Turkey-backed factions clashed.')).toEqual(['Rival factions', 'Turkey-backed factions']);
    expect(texts('Pro-democracy protesters and political factions met; the pro-Russian candidate won.')).toEqual([]);
  });

  it('leaves bare generic words and role nouns alone', () => {
    expect(texts('The government said the army and the rebels would talk.')).toEqual([]);
    expect(texts('an eastern Libyan military leader and government officials')).toEqual([]);
    expect(texts('the interim administration of the region')).toEqual([]);
  });

  it('takes states named as backers or parties as factions', () => {
    expect(texts('His forces are supported by Egypt, Russia, and the United Arab Emirates.')).toEqual(['Egypt', 'Russia', 'the United Arab Emirates']);
    expect(texts('Rwanda denies supporting the group.')).toEqual(['Rwanda']);
    expect(texts('Caracas has long denied giving refuge to them.')).toEqual(['Caracas']);
    expect(texts('It is designated a terrorist group by the U.S. and Turkey.')).toEqual(['the U.S.', 'Turkey']);
    expect(texts('China, the junta’s main arms supplier along with Russia, brokered a truce.')).toEqual(['China', 'Russia']);
    // After a preposition the name is a place, unless a clause set off says what the state did.
    expect(texts('The UN mission in Afghanistan condemned the attack.')).toEqual([]);
    expect(texts('Arms came through networks linked to the UAE, which has denied arming either side.')).toEqual(['the UAE']);
  });

  it('takes a state paired with a named party, or named as an attacker, as a party', () => {
    expect(texts('Hamas and Israel traded blame over the talks.')).toEqual(['Hamas', 'Israel']);
    expect(texts('Soldiers shot down 30 drones launched by Russia overnight.')).toEqual(['Russia']);
    expect(texts('Saudi Arabia, which leads the coalition, intercepted drones.')).toEqual(['Saudi Arabia']);
  });

  it('finds a state’s services named with capitals, leaving the article out', () => {
    expect(findFactions('the Ukrainian Air Force said', context())[0]).toMatchObject({ text: 'Ukrainian Air Force', canonical: 'Armed Forces of Ukraine' });
    expect(texts('The Russian Navy sailed.')).toEqual(['Russian Navy']);
  });

  it('leaves states that are only places alone', () => {
    expect(texts('Drones were launched from Russia towards Kharkiv.')).toEqual([]);
    expect(texts('Libya has been without a central government for years.')).toEqual([]);
  });

  it('does not take people or events named like states or parties', () => {
    expect(texts('Jordan Peterson denied the claim.')).toEqual([]);
    expect(texts('The team won the Army Cup on Saturday.')).toEqual([]);
    expect(texts('Chad Smith accused the referee.')).toEqual([]);
    expect(texts('Real Madrid’s forces in midfield were strong.')).toEqual([]);
    expect(texts('The European Central Bank (ECB) kept rates unchanged.')).toEqual([]);
    expect(texts('Government officials and security guards went on strike.')).toEqual([]);
  });

  it('never returns overlapping mentions', () => {
    const found = findFactions('the Turkey-backed forces of the Tripoli government and the UN-supported Libyan government, known as GNA, backed by Turkish troops', context());
    for (let i = 1; i < found.length; i++) expect(found[i].start).toBeGreaterThanOrEqual(found[i - 1].end);
    for (const e of found) expect(e.text).toBe('the Turkey-backed forces of the Tripoli government and the UN-supported Libyan government, known as GNA, backed by Turkish troops'.slice(e.start, e.end));
  });

  it('applies user lexicon entries', () => {
    const lexicon: UserLexicon = { factions: [{ name: 'Northern Hawks Brigade', aliases: ['NHB', 'the Hawks'] }] };
    const found = findFactions('The Hawks and NHB fighters entered the town.', context(lexicon));
    expect(found.map((e) => [e.text, e.canonical])).toEqual([
      ['The Hawks', 'Northern Hawks Brigade'],
      ['NHB fighters', 'Northern Hawks Brigade'],
    ]);
    expect(texts('The Hawks and NHB fighters entered the town.')).toEqual([]);
  });

  it('returns ordered, non-overlapping spans that match the text, whatever the input', () => {
    const words = fc.constantFrom('the', 'LNA', 'Haftar’s', 'forces', 'backed', 'by', 'Egypt', ',', 'and', '(', ')', 'Russian', 'troops', 'loyal', 'to', 'known', 'as', 'Turkey-backed', 'government', 'U.S.', '“', 'al-Shabaab', 'fighters', '\n', 'The');
    fc.assert(
      fc.property(fc.array(fc.oneof(words, fc.string()), { maxLength: 40 }), (parts) => {
        const text = parts.join(' ');
        const found = findFactions(text, context());
        found.forEach((e, i) => {
          expect(e.text).toBe(text.slice(e.start, e.end));
          if (i > 0) expect(e.start).toBeGreaterThanOrEqual(found[i - 1].end);
        });
        const resolved = resolveParties(text, found, context());
        for (const e of resolved.factions) expect(e.text).toBe(text.slice(e.start, e.end));
      }),
      { numRuns: 300 },
    );
  });

  it('survives hostile input (its linearity is measured by test/bench/linearity.mjs)', () => {
    const hostile = [
      'A '.repeat(50_000),
      '('.repeat(20_000) + 'LNA' + ')'.repeat(20_000),
      'supported by '.repeat(10_000),
      '“”’\''.repeat(20_000),
      'backed by Egypt, '.repeat(5_000),
      'Hamas and Israel and '.repeat(5_000),
      'the Alpha Front (AF1) known as Beta, Gamma’s forces '.repeat(2_000),
    ];
    for (const text of hostile) {
      const { factions } = resolveParties(text, findFactions(text, context()), context());
      for (const e of factions) expect(text.slice(e.start, e.end)).toBe(e.text);
    }
    expect(findFactions('', context())).toEqual([]);
  });
});

describe('resolveParties', () => {
  it('merges an acronym with its full name and spreads text-defined acronyms', () => {
    const result = resolve('The Northern Liberation Front (NLF) attacked.\n\nLater the NLF withdrew.');
    expect(result.factions.map((e) => [e.text, e.canonical])).toEqual([
      ['Northern Liberation Front', 'Northern Liberation Front'],
      ['NLF', 'Northern Liberation Front'],
      ['NLF', 'Northern Liberation Front'],
    ]);
    expect(result.parties).toEqual([{ canonical: 'Northern Liberation Front', aliases: ['Northern Liberation Front', 'NLF'], mentions: 3, kind: 'armed-group' }]);
  });

  it('links a leader’s forces to the party the text says he leads', () => {
    const result = resolve('A setback for the Northern Liberation Front (NLF) headed by commander Amos Derek.\n\nDerek’s forces later withdrew.');
    expect(canonicalOf(result, 'Derek’s forces')).toBe('Northern Liberation Front');
  });

  it('links "known as" names and descriptive governments to one party', () => {
    const result = resolve('The UN-supported Libyan government, known as GNA, is backed by Turkish troops.\n\nThe LNA fought the Tripoli forces.');
    expect(canonicalOf(result, 'The UN-supported Libyan government')).toBe('Government of National Accord');
    expect(canonicalOf(result, 'GNA')).toBe('Government of National Accord');
    expect(canonicalOf(result, 'the Tripoli forces')).toBe('Government of National Accord');
  });

  it('names a backed force after the one party its backer supports', () => {
    const result = resolve('The M23 took the town.\n\nRwanda-backed forces shelled the suburb.');
    expect(canonicalOf(result, 'Rwanda-backed forces')).toBe('March 23 Movement');
    expect(result.relations).toContainEqual({ from: 'Rwanda', to: 'March 23 Movement', kind: 'backs' });
  });

  it('reads backing and fighting stated in the text', () => {
    const result = resolve(
      'Haftar’s forces are reportedly supported by Egypt, Russia, and the United Arab Emirates. The LNA has suffered defeats in its fight against the Turkey-backed forces of the Tripoli government. Fighting between the SDF and Arab tribal fighters spread. The Russian fighters backing LNA retreated.',
    );
    const rel = result.relations;
    for (const backer of ['Egypt', 'Russia', 'United Arab Emirates']) expect(rel).toContainEqual({ from: backer, to: 'Libyan National Army', kind: 'backs' });
    expect(rel).toContainEqual({ from: 'Turkey', to: 'Government of National Accord', kind: 'backs' });
    expect(rel).toContainEqual({ from: 'Libyan National Army', to: 'Government of National Accord', kind: 'opposes' });
    expect(rel).toContainEqual({ from: 'Syrian Democratic Forces', to: 'Arab tribal fighters', kind: 'opposes' });
    expect(rel).toContainEqual({ from: 'Russian fighters', to: 'Libyan National Army', kind: 'backs' });
    expect(rel.every((r) => r.from !== r.to)).toBe(true);
    expect(resolve('The SAF and the paramilitary RSF fought for control of the palace.').relations).toEqual([
      { from: 'Sudanese Armed Forces', to: 'Rapid Support Forces', kind: 'opposes' },
    ]);
    // Fighting alongside is not fighting against; a clause between does not make its subject the fighter.
    expect(resolve('Mercenaries from the Wagner Group have fought alongside Malian soldiers.').relations).toEqual([
      { from: 'Wagner Group', to: 'Malian Armed Forces', kind: 'backs' },
    ]);
    expect(resolve('Fano, which fought alongside government forces, turned against Addis Ababa.').relations.filter((r) => r.kind === 'opposes')).toEqual([]);
  });

  it('gives "government forces" the government of the article’s country', () => {
    const result = resolve('Al-Shabaab fighters attacked a base shared by government forces and Ugandan troops.');
    expect(canonicalOf(result, 'government forces')).toBe('Federal Government of Somalia');
  });

  it('uses user lexicon backers to name proxies', () => {
    const lexicon: UserLexicon = { factions: [{ name: 'Northern Hawks Brigade', aliases: ['NHB'], backers: ['Chad'] }] };
    const result = resolve('The NHB advanced.\n\nChad-backed forces took the ford.', lexicon);
    expect(canonicalOf(result, 'Chad-backed forces')).toBe('Northern Hawks Brigade');
  });

  it('returns no parties for no mentions', () => {
    expect(resolveParties('Nothing here.', [], context())).toEqual({ factions: [], parties: [], relations: [] });
  });
});
