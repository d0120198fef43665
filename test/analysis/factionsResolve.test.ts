import { describe, expect, it } from 'vitest';
import { resolveParties } from '../../src/analysis/factionsResolve';
import type { Entity } from '../../src/analysis/types';

// Party merging on hand-made mentions, independent of the recogniser: the cases its shortcuts (one search
// of the text for acronyms and leaders, quick tests before patterns) must keep exactly as they were.

const context = { documentDate: null, lexicon: {} };

/** The mention of `text` at its first occurrence at or after `from`. */
function mention(text: string, words: string, from = 0, named: Partial<Entity> = {}): Entity {
  const start = text.indexOf(words, from);
  if (start < 0) throw new Error(`no "${words}" in the text`);
  return { type: 'faction', text: words, start, end: start + words.length, ...named };
}

function resolve(text: string, mentions: Entity[]) {
  const { factions, parties, relations } = resolveParties(text, mentions, context);
  return { factions: factions.map((e) => [e.text, e.start, e.canonical, e.kind]), parties, relations };
}

describe('resolveParties', () => {
  it('spreads a defined acronym as repeated indexOf calls find it: an overlapping place is skipped', () => {
    const text = 'The Alpha-Alpha Front (A-A) held the town. Later A-A-A and A-A were seen.';
    const { factions } = resolve(text, [mention(text, 'Alpha-Alpha Front'), mention(text, 'A-A')]);
    expect(factions).toEqual([
      ['Alpha-Alpha Front', 4, 'Alpha-Alpha Front', undefined],
      ['A-A', 23, 'Alpha-Alpha Front', undefined],
      ['A-A', 49, 'Alpha-Alpha Front', undefined],
      ['A-A', 59, 'Alpha-Alpha Front', undefined],
    ]);
  });

  it("links a leader's forces to the party the text says he heads", () => {
    const text = "The LNA, headed by Khalifa Haftar, advanced. Haftar's forces took the port.";
    const lna = mention(text, 'LNA', 0, { canonical: 'Libyan National Army', kind: 'armed-group' });
    expect(resolve(text, [lna, mention(text, "Haftar's forces")]).factions).toEqual([
      ['LNA', 4, 'Libyan National Army', 'armed-group'],
      ["Haftar's forces", 45, 'Libyan National Army', 'armed-group'],
    ]);
  });

  it('reads fighting between a party, its acronym in brackets, and another', () => {
    const text = 'Fighting between the Rapid Support Forces (RSF) and the army continued. The RSF shelled the city.';
    const rsf = mention(text, 'Rapid Support Forces', 0, { canonical: 'Rapid Support Forces', kind: 'armed-group' });
    const army = mention(text, 'army', 0, { canonical: 'Sudanese Armed Forces', kind: 'government' });
    expect(resolve(text, [rsf, mention(text, 'RSF'), army]).relations).toEqual([{ from: 'Rapid Support Forces', to: 'Sudanese Armed Forces', kind: 'opposes' }]);
  });

  it('reads backers named in a mention, before it, and in a passive list', () => {
    const text = 'The rebels, supported by Rwanda, Uganda and Burundi, advanced. Rwanda-backed fighters and the Turkey-backed  SNA clashed.';
    const state = (name: string) => mention(text, name, 0, { canonical: name, kind: 'state' });
    const sna = mention(text, 'SNA', 0, { canonical: 'Syrian National Army', kind: 'armed-group' });
    const { relations } = resolve(text, [mention(text, 'rebels'), state('Rwanda'), state('Uganda'), state('Burundi'), mention(text, 'Rwanda-backed fighters'), sna]);
    expect(relations).toEqual([
      { from: 'Rwanda', to: 'Rwanda-backed fighters', kind: 'backs' },
      { from: 'Turkey', to: 'Syrian National Army', kind: 'backs' },
      { from: 'Rwanda', to: 'rebels', kind: 'backs' },
      { from: 'Uganda', to: 'rebels', kind: 'backs' },
      { from: 'Burundi', to: 'rebels', kind: 'backs' },
    ]);
  });

  it('sorts mentions given out of order, and merges a name given by "known as"', () => {
    const text = 'The government forces attacked the M23. The M23, known as the March 23 Movement, fought back.';
    const { factions, parties } = resolve(text, [mention(text, 'M23', 40), mention(text, 'March 23 Movement'), mention(text, 'government forces'), mention(text, 'M23')]);
    expect(factions).toEqual([
      ['government forces', 4, 'government forces', undefined],
      ['M23', 35, 'March 23 Movement', 'armed-group'],
      ['M23', 44, 'March 23 Movement', 'armed-group'],
      ['March 23 Movement', 62, 'March 23 Movement', 'armed-group'],
    ]);
    expect(parties.map((p) => [p.canonical, p.aliases, p.mentions])).toEqual([
      ['March 23 Movement', ['M23', 'March 23 Movement'], 3],
      ['government forces', ['government forces'], 1],
    ]);
  });

  it('reads a passive list only where its first mention follows "by" (and "the"), in lower case', () => {
    const text =
      'The rebels, supported by the Rwanda army and Uganda, advanced. The militia, funded by\n Burundi, held. The guards, backed by a pact with Kenya, and the police, ARMED BY Chad, waited. Nearby Egypt and the FDLR, trained by the Zambia forces, moved.';
    const state = (name: string) => mention(text, name, 0, { canonical: name, kind: 'state' });
    const mentions = [mention(text, 'rebels'), mention(text, 'Rwanda army'), state('Uganda'), mention(text, 'militia'), state('Burundi'), mention(text, 'guards'), state('Kenya')];
    mentions.push(mention(text, 'police'), state('Chad'), state('Egypt'), mention(text, 'FDLR'), mention(text, 'Zambia forces'));
    expect(resolve(text, mentions).relations).toEqual([
      { from: 'Rwanda army', to: 'rebels', kind: 'backs' },
      { from: 'Uganda', to: 'rebels', kind: 'backs' },
      { from: 'Burundi', to: 'militia', kind: 'backs' },
      { from: 'Zambia forces', to: 'Democratic Forces for the Liberation of Rwanda', kind: 'backs' },
    ]);
  });

  it('reads a fight "against" or "with" a party in any case, "ſ" for "s", and "the" or not before it', () => {
    const text = 'The army turned AGAINST THE militia. The LNA lost its fight againſt the rebels. The SAF went to war with  Wagner. The police fought against a gang.';
    const names = ['army', 'militia', 'LNA', 'rebels', 'SAF', 'Wagner', 'police', 'gang'];
    expect(resolve(text, names.map((name) => mention(text, name))).relations).toEqual([
      { from: 'army', to: 'militia', kind: 'opposes' },
      { from: 'Libyan National Army', to: 'rebels', kind: 'opposes' },
      { from: 'Sudanese Armed Forces', to: 'Wagner Group', kind: 'opposes' },
    ]);
  });

  it('takes a backer a user names "" as the backer of mentions naming none', () => {
    const text = 'The Ghost Militia held the pass. Later the fighters withdrew.';
    const lexicon = { factions: [{ name: 'Ghost Militia', aliases: ['Ghost Militia'], backers: [''] }] };
    const ghost = mention(text, 'Ghost Militia', 0, { canonical: 'Ghost Militia', kind: 'armed-group' });
    const { factions } = resolveParties(text, [ghost, mention(text, 'fighters')], { documentDate: null, lexicon });
    expect(factions.map((e) => [e.text, e.canonical])).toEqual([
      ['Ghost Militia', 'Ghost Militia'],
      ['fighters', 'Ghost Militia'],
    ]);
    expect(resolve(text, [ghost, mention(text, 'fighters')]).factions[1]).toEqual(['fighters', 43, 'fighters', undefined]);
  });

  it('merges a name defined in brackets or "known as" (with or without an adverb), and nothing after other words', () => {
    const text = 'The Alpha Front, formally known as ALF, and the Beta Brigade, which is known as BB, met. The Gamma Group ( GG ) left, as did the Delta Army, (DA) and the Omega Unit, known by its acronym OU.';
    const names = ['Alpha Front', 'ALF', 'Beta Brigade', 'BB', 'Gamma Group', 'GG', 'Delta Army', 'DA', 'Omega Unit', 'OU'];
    expect(resolve(text, names.map((name) => mention(text, name))).parties.map((p) => p.aliases)).toEqual([
      ['Alpha Front', 'ALF'],
      ['Gamma Group', 'GG'],
      ['Omega Unit', 'OU'],
      ['Beta Brigade'],
      ['BB'],
      ['Delta Army'],
      ['DA'],
    ]);
  });

  it("keeps a party's names differing in case once, under the first, and counts every mention", () => {
    const text = 'The Wagner group left. The wagner Group came back. The Wagner group stayed; the Wagner fighters too.';
    const named = { canonical: 'Wagner Group', kind: 'armed-group' };
    const mentions = [mention(text, 'Wagner group', 0, named), mention(text, 'wagner Group', 0, named), mention(text, 'Wagner group', 30, named), mention(text, 'Wagner fighters', 0, named)];
    expect(resolve(text, mentions).parties.map((p) => [p.canonical, p.aliases, p.mentions])).toEqual([['Wagner Group', ['Wagner group', 'Wagner fighters'], 4]]);
  });
});
