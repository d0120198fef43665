import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse, Analyser } from '../../src/analysis/analyse';
import { findClaims } from '../../src/analysis/claims';
import { parseDocument } from '../../src/analysis/document';
import type { Analysis, Claim, Entity, Span } from '../../src/analysis/types';
import { seedArticles } from '../hostile/corpus';

// Small invented sentences, one construction each. Every offset is checked against the text.

function claims(text: string, entities: Entity[] = []): Claim[] {
  const found = findClaims(parseDocument(text), entities);
  for (const claim of found) {
    expect(text.slice(claim.start, claim.end)).toBe(claim.text);
    if (claim.source) expect(text.slice(claim.source.start, claim.source.end)).toBe(claim.source.text);
  }
  return found;
}

function only(text: string): Claim {
  const found = claims(text);
  expect(found).toHaveLength(1);
  return found[0];
}

/** The source's text of the one claim in `text`. */
const sourceOf = (text: string) => only(text).source?.text;

describe('indirect speech', () => {
  it('takes the content after "that" and the source before the cue', () => {
    const claim = only('The port authority said that two ships had been turned away.');
    expect(claim.text).toBe('two ships had been turned away');
    expect(claim.source).toMatchObject({ text: 'The port authority', kind: 'organisation' });
    expect(claim).toMatchObject({ cue: 'said', stance: 'asserts', hedged: false, quote: false });
  });

  it('reads a clause without "that"', () => {
    const claim = only('Farmers near the dam say the water has not come back.');
    expect(claim.text).toBe('the water has not come back');
    expect(claim.source?.text).toBe('Farmers near the dam');
  });

  it('reads a clause without "that" after an adverbial, and a count opening the clause', () => {
    expect(only('The army said on Monday it had retaken the bridge.')).toMatchObject({ text: 'it had retaken the bridge', source: { text: 'The army' } });
    expect(only('The ministry said in a statement on Friday the convoy had been looted.').text).toBe('the convoy had been looted');
    expect(only('Medics said at least five people were wounded.').text).toBe('at least five people were wounded');
    // No clause after the adverbial: the content is before the source.
    const before = only('The convoy was looted, the minister said in an interview with a local radio station.');
    expect(before).toMatchObject({ text: 'The convoy was looted', source: { text: 'the minister' } });
  });

  it('takes the one quoted as the source of "quoted X as saying", the one quoting as the channel', () => {
    expect(only('State media quoted the governor as saying the curfew would end.')).toMatchObject({
      text: 'the curfew would end',
      source: { text: 'the governor', kind: 'role' },
      channel: { text: 'State media' },
    });
    expect(only('The agency quoted Omar Haddad, a local commander, as saying the town had fallen.').source).toMatchObject({ text: 'Omar Haddad, a local commander', kind: 'person' });
    // The passive: "X was quoted by Y as saying".
    expect(only('The envoy was quoted by the state news agency as saying that a deal was near.')).toMatchObject({
      text: 'a deal was near',
      source: { text: 'The envoy' },
      channel: { text: 'the state news agency' },
    });
  });

  it('reads a clause after the cue within its sentence only', () => {
    // The subject read ahead ("12 ... had") must not reach into the next paragraph ("The army had").
    const alone = claims('Forces retook the area, officers said in the town 12.');
    const followed = claims('Forces retook the area, officers said in the town 12.\n\nThe army had left.');
    expect(followed.map((c) => c.text)).toEqual(alone.map((c) => c.text));
    expect(claims('Officials told the town 12.\n\nThe army had left.').map((c) => c.text)).toEqual(claims('Officials told the town 12.').map((c) => c.text));
  });

  it('reads whom something was told before a clause without "that"', () => {
    expect(only('Witnesses told Reuters they saw soldiers fire on the crowd.')).toMatchObject({ text: 'they saw soldiers fire on the crowd', channel: { text: 'Reuters' } });
    expect(only('The minister told parliament the budget would be cut.')).toMatchObject({ text: 'the budget would be cut', channel: { text: 'parliament' } });
    expect(only('A spokesman told reporters Washington had raised the issue.')).toMatchObject({ text: 'Washington had raised the issue', channel: { text: 'reporters' } });
    expect(only('The road is closed, the officer told reporters.').text).toBe('The road is closed');
    // A phrase set off after whom it was told is no clause: "told Reuters, in the latest blow to …".
    expect(only('Gunmen killed 27 soldiers, two sources told Reuters, in the latest blow to the junta.')).toMatchObject({
      text: 'Gunmen killed 27 soldiers',
      source: { text: 'two sources', kind: 'anonymous' },
      channel: { text: 'Reuters' },
    });
  });

  it('reads "both" after the cue as the subject of its clause when a verb follows ("said both sides were")', () => {
    expect(only('The envoy said both sides had agreed.')).toMatchObject({ text: 'both sides had agreed' });
    expect(claims('The mayor said the town was calm, and the envoy said both armies were blocking aid.').map((c) => [c.source?.text, c.text])).toEqual([
      ['The mayor', 'the town was calm'],
      ['the envoy', 'both armies were blocking aid'],
    ]);
  });

  it('reads a source set off at the end of a sentence as the whole sentence’s, the report inside it too', () => {
    const read = (text: string) => claims(text).map((c) => [c.source?.text, c.text]);
    expect(read('The mayor said he would resign, police said on Tuesday.')).toEqual([
      ['police', 'The mayor said he would resign'],
      ['The mayor', 'he would resign'],
    ]);
    expect(read('The ministry said 40 people had died, according to state media.')).toEqual([
      ['state media', 'The ministry said 40 people had died'],
      ['The ministry', '40 people had died'],
    ]);
    // Not a source set off inside the report.
    expect(read('The mayor said the army, police said, had fired.')).toEqual([['The mayor', 'the army, police said, had fired']]);
  });

  it('reads a clause after a quotation that a conjunction opens as its own', () => {
    expect(claims('The army admitted strikes on what it calls “extremist” forces but denies targeting civilians.').map((c) => [c.cue, c.source?.text, c.text])).toEqual([
      ['admitted', 'The army', 'strikes on what it calls “extremist” forces'],
      ['denies', 'The army', 'targeting civilians'],
    ]);
  });

  it('reads a clause joined by "and" after a quotation as its own, not the quotation’s speaker', () => {
    expect(claims('The mayor warned that an assault would be “disastrous”, and the envoy said aid was blocked.').map((c) => [c.source?.text, c.text])).toEqual([
      ['The mayor', 'an assault would be “disastrous”'],
      ['the envoy', 'aid was blocked'],
    ]);
  });

  it('reads a weekday or "yesterday" after the cue as when, not as the content', () => {
    expect(only('The Pentagon said Tuesday that the strikes hit depots.').text).toBe('the strikes hit depots');
    expect(only('Police said Monday three people had been arrested.').text).toBe('three people had been arrested');
    expect(only('The ministry said yesterday it would reopen the crossing.').text).toBe('it would reopen the crossing');
    expect(only('He said Tuesday was the deadline.').text).toBe('Tuesday was the deadline'); // the weekday is the subject
  });

  it('reads "cited" as "quoted": "was cited as saying", "cited X as saying"', () => {
    expect(only('The commander was cited as saying that the town had been secured.').source?.text).toBe('The commander');
    expect(only('State media cited the governor as saying the curfew would end.')).toMatchObject({ source: { text: 'the governor' }, channel: { text: 'State media' } });
  });

  it('leaves "was quoted as" out of the source before "saying"', () => {
    const claim = only('The transport minister was quoted as saying the border would stay closed.');
    expect(claim).toMatchObject({ text: 'the border would stay closed', cue: 'saying', source: { text: 'The transport minister' } });
    expect(only('Two officials have been quoted as saying the border would stay closed.').source?.text).toBe('Two officials');
  });

  it('skips an adverbial between the cue and "that"', () => {
    const claim = only('The electoral board announced on Friday that the vote would be delayed.');
    expect(claim.text).toBe('the vote would be delayed');
    expect(claim.cue).toBe('announced');
  });

  it('reads "said in a statement that"', () => {
    const claim = only('The Interior Ministry said in a statement that the curfew was lifted.');
    expect(claim.text).toBe('the curfew was lifted');
    expect(claim.source?.text).toBe('The Interior Ministry');
  });

  it('records the intermediary of "told X that" as the channel', () => {
    const claim = only('The harbour master told a regional newspaper that the crane had collapsed.');
    expect(claim.channel?.text).toBe('a regional newspaper');
    expect(claim.source).toMatchObject({ text: 'The harbour master', kind: 'role' });
    expect(claim.text).toBe('the crane had collapsed');
  });

  it('finds a post-posed source: "..., the minister said."', () => {
    const claim = only('Three bridges were washed away overnight, the transport minister said.');
    expect(claim.text).toBe('Three bridges were washed away overnight');
    expect(claim.source).toMatchObject({ text: 'the transport minister', kind: 'role' });
  });

  it('takes the whole sentence when the report resumes after a parenthetical source ("X, he said, had ...")', () => {
    const claim = only('The pumping station, the engineer said, had been flooded twice.');
    expect(claim).toMatchObject({ text: 'The pumping station, the engineer said, had been flooded twice', source: { text: 'the engineer' } });
    // A phrase after the source that is no verb leaves the content before it.
    expect(only('The station was flooded, the engineer said, after the storm.').text).toBe('The station was flooded');
    expect(only('The station was flooded, the engineer said, pointing to the river.').text).toBe('The station was flooded');
  });

  it('reads the present tense of the plural ("Critics argue that", "Analysts warn that")', () => {
    for (const verb of ['argue', 'warn', 'insist', 'claim', 'point out', 'allege', 'admit', 'add', 'write', 'announce']) {
      expect(only(`Critics ${verb} that the truce is fragile.`)).toMatchObject({ cue: verb, text: 'the truce is fragile', source: { text: 'Critics' } });
    }
    expect(claims('The report that was published on Monday is long. Their claim that the town fell was false.')).toHaveLength(0);
    expect(only('Critics accuse the council of ignoring the north.')).toMatchObject({ cue: 'accuse', text: 'the council of ignoring the north' });
  });

  it('reads the progressive ("are denying", "has been saying") with its source before the auxiliary, and no passive', () => {
    expect(only('Officials are denying the reports.')).toMatchObject({ cue: 'denying', text: 'the reports', source: { text: 'Officials' } });
    expect(only('The ministry has been insisting that the town fell.')).toMatchObject({ cue: 'insisting', text: 'the town fell', source: { text: 'The ministry' } });
    expect(claims('The toll was confirmed to reporters. The attack was claimed in a video.')).toHaveLength(0);
  });

  it('reads what records "show" as their report, and no other "show"', () => {
    expect(only('Warrants were sought, court documents show.')).toMatchObject({ cue: 'show', text: 'Warrants were sought', source: { text: 'court documents', kind: 'organisation' } });
    expect(only('Satellite images showed that dozens of buildings had been razed.')).toMatchObject({ cue: 'showed', text: 'dozens of buildings had been razed' });
    expect(only('Data from the health ministry show a sharp rise in deaths.')).toMatchObject({ text: 'a sharp rise in deaths', source: { text: 'Data from the health ministry' } });
    // Whoever compiled them, named in brackets or at length.
    expect(only('Data compiled by the Conflict Event Data Project (CEDP) show that attacks doubled.')).toMatchObject({
      text: 'attacks doubled',
      source: { text: 'Data compiled by the Conflict Event Data Project (CEDP)', kind: 'organisation' },
    });
    expect(only('Figures released by the health ministry on Monday show that 40 died.').source?.kind).toBe('organisation');
    expect(claims('The talks showed little progress. The data, he thought, showed nothing. Show trials followed.')).toHaveLength(0);
  });

  it('leaves a Markdown heading, list or quotation marker out of a claim that opens a line, and keeps a dash inside one', () => {
    const texts = (text: string) => claims(text).map((c) => c.text);
    expect(texts('# Gangs seize the port, officials say\n\n- At least 7 officers were killed, the union said.\n\n2. The road - the only one - is shut, a driver said.')).toEqual([
      'Gangs seize the port',
      'At least 7 officers were killed',
      'The road - the only one - is shut',
    ]);
  });

  it('reads "dispute" as a denial, and not as an adjective after a preposition or a determiner', () => {
    expect(only('Israel disputes the figures.')).toMatchObject({ cue: 'disputes', stance: 'denies', text: 'the figures', source: { text: 'Israel' } });
    expect(claims('Troops moved into disputed Kashmir. Fighting resumed over the disputed region, in reported clashes.')).toHaveLength(0);
  });

  it('reads the speech verbs of the lexicon, and not their other senses', () => {
    for (const verb of ['reiterated', 'pointed out', 'testified', 'emphasised', 'countered', 'replied', 'recounted', 'assured', 'lamented', 'speculated', 'believes']) {
      expect(only(`The minister ${verb} that the bridge had been mined.`)).toMatchObject({ cue: verb, text: 'the bridge had been mined' });
    }
    expect(claims('The government recalled its ambassador. The suspects were charged with theft. Troops observed the truce.')).toHaveLength(0);
    expect(claims('The army responded with artillery. He replied to the letter. They believe in peace.')).toHaveLength(0);
  });

  it('leaves out a dateline opening a paragraph after a headline and a byline, not a subject set off by dashes', () => {
    const found = claims('Strikes hit the port\n\nBy staff reporters\n\nGAZA CITY — Air strikes killed 30 people, the civil defence said.\n\nKYIV (Reuters) — Ukraine said its forces had held.\n\nNATO — the alliance’s chief — said the drills would go on.');
    expect(found.map((c) => [c.text, c.source?.text])).toEqual([
      ['Air strikes killed 30 people', 'the civil defence'],
      ['its forces had held', 'Ukraine'],
      ['the drills would go on', 'NATO — the alliance’s chief'],
    ]);
  });

  it('reads "reported" before where something was seen as a participle, not a report', () => {
    expect(claims('Thousands tried to leave, with long queues reported outside the embassy.')).toHaveLength(0);
    expect(only('Residents reported outside the embassy that the queues were long.').source?.text).toBe('Residents');
  });

  it('reads a belief before a clause as a view held, with or without "that"; not a belief in someone', () => {
    expect(only('Analysts believe the move could push more recruits into the resistance.')).toMatchObject({ cue: 'believe', text: 'the move could push more recruits into the resistance', source: { text: 'Analysts' } });
    expect(only('They believe strongly that talks can work.').text).toBe('talks can work');
    expect(claims('Nobody believes him. It is hard to believe the war will end soon. We believe in peace.')).toHaveLength(0);
  });

  it('reads what a party "claims to have" done as its claim', () => {
    expect(only('The alliance claims to have seized more than 200 military posts.')).toMatchObject({ cue: 'claims', text: 'to have seized more than 200 military posts', source: { text: 'The alliance' } });
    expect(claims('The alliance claims to represent the people.')).toHaveLength(0);
  });

  it('finds an inverted post-posed source: "..., said X, a ..."', () => {
    const claim = only('The checkpoint was abandoned, said Tomas Ferreira, a driver for the convoy.');
    expect(claim.text).toBe('The checkpoint was abandoned');
    expect(claim.source).toMatchObject({ text: 'Tomas Ferreira, a driver for the convoy', kind: 'person' });
  });

  it('reads "X, an aside, said <a short clause>." as X\'s report, not an inverted source after the cue', () => {
    expect(only('The Observatory, a monitor with a network of sources, said the strikes hit a checkpoint.')).toMatchObject({ text: 'the strikes hit a checkpoint', source: { text: 'The Observatory, a monitor with a network of sources' } });
    expect(only('The army, in a statement, said the rebels attacked a base.')).toMatchObject({ text: 'the rebels attacked a base', source: { text: 'The army, in a statement' } });
    expect(only('Ahmed Ali, 34, said the rebels burned his house.').source?.text).toBe('Ahmed Ali, 34');
    // A report before the comma keeps the speaker after the cue: a verb listed, an "-ed" word, a verb before its object.
    expect(only('The strikes hit a school, a hospital and a market, said the mayor.').source?.text).toBe('the mayor');
    expect(only('Rebels attacked the depot, a key supply point, said the mayor.').source?.text).toBe('the mayor');
    expect(only('The rebels control the town, a key junction, said the mayor.').source?.text).toBe('the mayor');
  });

  it('finds a post-posed source with an apposition: "..., the X, a ..., said (in ...)."', () => {
    const claim = only('Grain prices doubled in the north, the Lakeside Policy Institute, an independent research group, said in its monthly bulletin.');
    expect(claim.text).toBe('Grain prices doubled in the north');
    expect(claim.source).toMatchObject({ text: 'the Lakeside Policy Institute, an independent research group', kind: 'organisation' });
    // The hedge in the content stays with the claim the post-posed source gives it.
    const hedged = only('The bridge is said to have been mined, the Lakeside Policy Institute, a research group, said on Friday.');
    expect(hedged).toMatchObject({ cue: 'said', hedged: true, source: { text: 'the Lakeside Policy Institute, a research group' } });
    expect(only('Supplies ran out at noon, the mayor, visibly tired, said on Monday.').source).toMatchObject({ text: 'the mayor, visibly tired', kind: 'role' });
    expect(only('The well has run dry, Ali Hassan, 34, said on Monday.').source).toMatchObject({ text: 'Ali Hassan, 34', kind: 'person' });
  });

  it('ends the teller of a post-posed "told" at a participle phrase (", speaking on condition ...")', () => {
    const claim = only('The ceasefire will be signed next week, two negotiators told reporters, speaking on condition of anonymity.');
    expect(claim).toMatchObject({ text: 'The ceasefire will be signed next week', cue: 'told', source: { text: 'two negotiators' }, channel: { text: 'reporters' } });
  });

  it('takes a source that says it is unconfirmed for a hedge', () => {
    expect(only('Unconfirmed reports said the dam had burst.')).toMatchObject({ hedged: true, hedges: ['unconfirmed'], source: { text: 'Unconfirmed reports' } });
    expect(only('Local reports said the dam had burst.').hedged).toBe(false);
  });

  it('keeps a hedge between source and cue on the claim', () => {
    const claim = only('The garrison commander has reportedly denied that any prisoners were taken.');
    expect(claim).toMatchObject({ cue: 'denied', stance: 'denies', hedged: true, hedges: ['reportedly'] });
    expect(claim.text).toBe('any prisoners were taken');
  });

  it('reads a cue that takes an object after a comma as its subject\'s, not as an inverted "..., said the minister"', () => {
    const claim = only('The militia, which has held the pass since 2019, denies the charge.');
    expect(claim).toMatchObject({ cue: 'denies', text: 'the charge', source: { text: 'The militia, which has held the pass since 2019', kind: 'organisation' } });
  });

  it('reads what an inquiry "found" or "concluded" as its report, and no "found that" before no clause', () => {
    expect(only('The inquiry found that the police had fired first.')).toMatchObject({ cue: 'found', text: 'the police had fired first', source: { text: 'The inquiry', kind: 'organisation' } });
    expect(only('The army had been negligent, the investigation concluded.').source?.text).toBe('the investigation');
    expect(claims('He found that hard to believe. Rescuers found three bodies.')).toHaveLength(0);
    // A clause whose subject is no pronoun nor name, known by its auxiliary.
    expect(only('It found that detainees were held without charge.')).toMatchObject({ cue: 'found', text: 'detainees were held without charge' });
  });

  it('reads "The statement read: “…”" as a report, and no other "read"', () => {
    expect(only('The statement read: “The operation is over.”')).toMatchObject({ cue: 'read', text: 'The operation is over', source: { text: 'The statement', kind: 'organisation' } });
    expect(claims('He read the report twice.')).toHaveLength(0);
  });

  it('reads "blamed X for Y" as an accusation, and no relative clause as a post-posed source', () => {
    expect(only('The government blamed the rebels for the attack.')).toMatchObject({ cue: 'blamed', text: 'the rebels for the attack', source: { text: 'The government' } });
    expect(claims('The strike, which officials blamed on the army, was the deadliest this month.')).toHaveLength(0);
  });

  it('reads "put the death toll at ..." as the report of a figure, and no other "put"', () => {
    expect(only('Local officials put the death toll at 1,240 on Sunday.')).toMatchObject({ cue: 'put', text: 'the death toll at 1,240 on Sunday', source: { text: 'Local officials' } });
    expect(claims('The sanctions put pressure on the government. He put the phone down.')).toHaveLength(0);
  });

  it('takes the object of "denied" up to the end of its phrase', () => {
    const claim = only('The militia has long denied recruiting children, and rejects the report.');
    expect(claim.text).toBe('recruiting children');
    expect(claim.source?.text).toBe('The militia');
  });

  it('takes "that" and one noun after an object cue as its object, and no clause', () => {
    expect(only('A spokesman denied that account.')).toMatchObject({ text: 'that account' });
    expect(only('A spokesman denied on Monday that account.')).toMatchObject({ text: 'that account' });
    expect(only('The ministry confirmed that figure, officials said.')).toMatchObject({ cue: 'confirmed', text: 'that figure' });
    expect(only('The army denied that civilians died.')).toMatchObject({ text: 'civilians died' });
  });

  it('finds no claim in a confirmation withheld ("did not confirm the toll"), but one in a denial withheld', () => {
    expect(claims('The army did not confirm the toll. Officials declined to confirm that the town fell.')).toHaveLength(0);
    expect(only('He did not deny the reports.')).toMatchObject({ cue: 'deny', text: 'the reports' });
  });

  it('splits "X denied A and said B" into two claims with one source', () => {
    const [first, second] = claims('The coastguard denied firing on the boat and said its crew had acted lawfully.');
    expect(first).toMatchObject({ text: 'firing on the boat', cue: 'denied', stance: 'denies' });
    expect(second).toMatchObject({ text: 'its crew had acted lawfully', cue: 'said' });
    expect(second.source?.text).toBe('The coastguard');
    expect(second.source?.start).toBe(first.source?.start);
  });

  it('gives a participle with no report before it the subject of the sentence’s verb ("X urged …, warning that …")', () => {
    expect(only('Human Rights Watch urged the government to respect due process, warning that emergency powers had been abused.')).toMatchObject({
      cue: 'warning',
      text: 'emergency powers had been abused',
      source: { text: 'Human Rights Watch' },
    });
    expect(only('The clashes began after the army detained a commander, accusing him of treason.')).toMatchObject({ cue: 'accusing', source: { text: 'the army' } });
    // No past verb that ends a subject before the comma: no source, no claim (rather than the whole clause as one).
    expect(claims('The group urges restraint, warning that talks could fail.')).toHaveLength(0);
  });

  it('splits "X insisted A, but added B" and a participle ", saying B"', () => {
    const found = claims('The envoy insisted that talks would resume, but added that no date was set. The rebels denied the attack, saying that they had been elsewhere.');
    expect(found.map((c) => c.text)).toEqual(['talks would resume', 'no date was set', 'the attack', 'they had been elsewhere']);
    expect(found[1].source?.text).toBe('The envoy');
    expect(found[3]).toMatchObject({ cue: 'saying' });
    expect(found[3].source?.text).toBe('The rebels');
  });

  it('gives each clause of ", and Y said" its own source', () => {
    const [first, second] = claims('Aid groups say the road is closed, and the regional governor warned that food was running out.');
    expect(first.text).toBe('the road is closed');
    expect(second.source?.text).toBe('the regional governor');
    expect(second).toMatchObject({ text: 'food was running out', stance: 'warns' });
  });

  it('reads "warned about X" as the object', () => {
    const claim = only('A UN official had warned about a famine in the north and cited the drought.');
    expect(claim.text).toBe('a famine in the north');
    expect(claim.source).toMatchObject({ text: 'A UN official', kind: 'role' });
  });

  it('drops an introductory phrase from the source', () => {
    const claim = only('In the eastern province, the local council said that schools had reopened.');
    expect(claim.source?.text).toBe('the local council');
  });

  it('ends content at a contrast in the writer\'s voice', () => {
    const claim = only('The ministry announced that the border would open, but queues were still growing hours later.');
    expect(claim.text).toBe('the border would open');
    // The writer's aside on the claim: ", a charge ...", ", a figure ...".
    expect(only('The envoy said the militia had shelled the port, a charge its leaders deny.').text).toBe('the militia had shelled the port');
    expect(only('The ministry said 40 fighters were killed, a figure that could not be verified.').text).toBe('40 fighters were killed');
    expect(only('The army says it has killed 300 militants, without providing evidence.').text).toBe('it has killed 300 militants');
    // What the speaker withheld is no part of the report; what its subject did is.
    expect(only('The government said that gunmen had attacked the town but gave no toll.').text).toBe('gunmen had attacked the town');
    expect(only('The army said it had retaken the town but did not say when.').text).toBe('it had retaken the town');
    expect(only('The army said the rebels attacked but were repelled.').text).toBe('the rebels attacked but were repelled');
  });

  it('takes a passive with an adverb before the cue for no report ("could not be independently verified")', () => {
    const claim = only('The footage, which could not be independently verified, purportedly shows a convoy burning.');
    expect(claim).toMatchObject({ source: null, hedged: true });
  });

  it('is not fooled by nouns and passives that look like cues', () => {
    expect(claims('The claims could not be verified. The report was said to be incomplete by some.').every((c) => c.cue !== 'claims')).toBe(true);
    expect(claims('He was told to leave the building.')).toHaveLength(0);
  });
});

describe('an aside between the cue and "that"', () => {
  it('reads the clause after "reported, citing unnamed officials, that" and "said, however, that"', () => {
    for (const aside of ['citing unnamed officials', 'in a statement posted online', 'however']) {
      expect(only(`The newspaper reported, ${aside}, that the strikes were the largest since October.`)).toMatchObject({
        text: 'the strikes were the largest since October',
        source: { text: 'The newspaper' },
      });
    }
  });
});

describe('cues that are nouns', () => {
  it('reads "report" after a determiner and names as a noun, after a plural subject as a verb', () => {
    expect(only('A United Nations report released on Monday said that the road was open.').cue).toBe('said');
    expect(only("The army's report said that the road was open.")).toMatchObject({ cue: 'said', source: { text: "The army's report" } });
    expect(only('The villagers report that 40 people died.')).toMatchObject({ cue: 'report', source: { text: 'The villagers' } });
  });
});

describe('passive accusations', () => {
  it('reads "X has been accused by Y of Z" and "blamed by Y for Z" with Y as the source', () => {
    expect(only('The army has been accused by rights groups of air strikes on homes.')).toMatchObject({
      cue: 'accused',
      source: { text: 'rights groups' },
      text: 'The army has been accused by rights groups of air strikes on homes',
    });
    expect(only('The army was blamed by residents for the fire at the market.')).toMatchObject({ cue: 'blamed', source: { text: 'residents', kind: 'anonymous' } });
    // No agent, or a passive of another cue: no one is named as saying it.
    expect(claims('The army has been accused of shelling the market.')).toEqual([]);
    expect(claims('The fire was reported by residents.')).toEqual([]);
    expect(claims('The army was accused by rights groups.')).toEqual([]);
  });

  it('reads "accused of", "blamed for" without "was" as a participle, not a report', () => {
    expect(claims('Militias accused of abuses attacked the town.')).toEqual([]);
    expect(only('The group, which grew out of militias accused of abuses, denied blocking aid.')).toMatchObject({
      cue: 'denied',
      text: 'blocking aid',
      source: { text: 'The group, which grew out of militias accused of abuses' },
    });
    expect(only('Officers blamed for the fire resigned, and the mayor accused the police of negligence.')).toMatchObject({ cue: 'accused', text: 'the police of negligence' });
  });
});

describe('a subject and its relative clause before the cue', () => {
  it('reads "X, who …, said Y" with X the source and Y the report; a clause before "…, said X" stays the report', () => {
    expect(only('A member of the militia, who requested anonymity for fear of reprisals, said the attackers belonged to a rival faction.')).toMatchObject({
      source: { text: 'A member of the militia, who requested anonymity for fear of reprisals', kind: 'anonymous' },
      text: 'the attackers belonged to a rival faction',
    });
    expect(only('The gunmen arrived on motorcycles and rounded up the farmers, who were harvesting beans, said the governor.')).toMatchObject({
      source: { text: 'the governor' },
      text: 'The gunmen arrived on motorcycles and rounded up the farmers, who were harvesting beans',
    });
  });

  it('takes a pronoun just before the cue as the subject of its own clause', () => {
    expect(only('The group has targeted farmers it accuses of spying for the army.').source?.text).toBe('it');
  });
});

describe('questions left open', () => {
  it('finds no claim in "did not say what …", "declined to say how …" or "… whether …"', () => {
    expect(claims('The governor did not say what had caused the fire.')).toEqual([]);
    expect(claims('The army declined to say how many soldiers had died.')).toEqual([]);
    expect(claims("The minister didn't say who had fired first.")).toEqual([]);
    expect(claims('The minister said whether talks would resume was up to the rebels.')).toEqual([]);
    // Said, not withheld: a report.
    expect(only('Police said who had fired first was still unclear.').text).toBe('who had fired first was still unclear');
  });
});

describe('a subject with two verbs', () => {
  it.each([
    ['The ministry condemned the attack and said that three soldiers had died.', 'The ministry'],
    ['Residents took shelter in a school and told reporters that the rebels had burned houses.', 'Residents'],
    ['The coalition claimed responsibility for the raid and warned of more to come.', 'The coalition'],
    ['The armed group attacked the village and said it had taken 12 prisoners.', 'The armed group'],
    ['Officials in the besieged city condemned the attack and said 40 people had died.', 'Officials in the besieged city'],
    ['Police arrested 12 people and said they had planned the attack.', 'Police'],
    ['Rights groups called on both sides to protect civilians and said 12 people had been killed.', 'Rights groups'],
    ['Karapatan, a rights alliance, questioned the account and said two of the dead were farmers.', 'Karapatan, a rights alliance'],
    // "but" too, and a first verb in the present ("does not", "has").
    ['The ministry gave no details but said that three soldiers had died.', 'The ministry'],
    ['The ministry does not count fighters and civilians apart, but says most of the dead are women.', 'The ministry'],
    ['On Monday, the army has kept silent, but said it had taken 12 prisoners.', 'the army'],
    // "and" between two subjects is no second verb.
    ['The mayor and the governor said the town had fallen.', 'The mayor and the governor'],
  ])('takes the subject of "X verbed Y and said" as the source, without the first verb phrase: %s', (text, source) => {
    expect(sourceOf(text)).toBe(source);
  });
});

describe('according to', () => {
  it('reads the source after "According to" and the content after the comma', () => {
    const claim = only('According to the provincial health office, 40 people were treated for burns.');
    expect(claim).toMatchObject({ cue: 'According to', text: '40 people were treated for burns' });
    expect(claim.source).toMatchObject({ text: 'the provincial health office', kind: 'organisation' });
  });

  it('keeps the name set off after a role in the source, not when it opens the report', () => {
    expect(only('According to the district’s harbour master, Ali Musa, two ferries sank overnight.')).toMatchObject({
      text: 'two ferries sank overnight',
      source: { text: 'the district’s harbour master, Ali Musa', kind: 'person' },
    });
    // The name is whom the report is about: an age or a description follows it.
    expect(only('According to the coroner, Omar Farah, 45, was shot at his gate.')).toMatchObject({ text: 'Omar Farah, 45, was shot at his gate', source: { text: 'the coroner' } });
    expect(only('According to the coroner, Omar Farah, a trader, was shot.').source?.text).toBe('the coroner');
    // Many speak: the name is not theirs.
    expect(only('According to the doctors, Colonel Omar Farah, commander of the garrison, died of his wounds.').source?.text).toBe('the doctors');
  });

  it('reads "as X put it" and "…, as X said." as reports', () => {
    expect(only('As one diplomat put it, the conflict is frozen.')).toMatchObject({ cue: 'put', text: 'the conflict is frozen', source: { text: 'one diplomat' } });
    expect(only('The conflict is frozen, as one diplomat put it.')).toMatchObject({ text: 'The conflict is frozen', source: { text: 'one diplomat' } });
    expect(only('The war is over, as the minister said.')).toMatchObject({ text: 'The war is over', source: { text: 'the minister' } });
    expect(claims('He put it on the table.')).toHaveLength(0);
  });

  it('reads "As reported by X, …" and "…, as reported by X (on Monday)." as reports of X, and no other passive', () => {
    expect(only('As reported by Al Jazeera, three journalists were detained.')).toMatchObject({ cue: 'reported', text: 'three journalists were detained', source: { text: 'Al Jazeera', kind: 'media' } });
    const text = 'Three journalists were detained, as reported by Reuters on Monday.';
    const monday: Entity = { type: 'date', text: 'Monday', start: text.indexOf('Monday'), end: text.indexOf('Monday') + 6, value: '2024-05-06' };
    expect(claims(text, [monday])).toMatchObject([{ text: 'Three journalists were detained', source: { text: 'Reuters' } }]);
    expect(claims('The attack was reported by residents. The figures as reported by the ministry were wrong.')).toHaveLength(0);
  });

  it('reads "As X noted, ..." as "According to X, ..."', () => {
    expect(only('As the mayor noted last week, the river has risen sharply.')).toMatchObject({ cue: 'noted', text: 'the river has risen sharply', source: { text: 'the mayor' } });
    // A clause of time or manner before the report is no source.
    expect(only('As the army advanced, the minister said the town had fallen.').source?.text).toBe('the minister');
  });

  it('reads a parenthetical "according to X" and the report resumed after it as the sentence', () => {
    const claim = only('The death toll, according to the district council, stood at 23 on Tuesday.');
    expect(claim).toMatchObject({ text: 'The death toll, according to the district council, stood at 23 on Tuesday', source: { text: 'the district council' } });
    // A relative clause after the source describes it.
    expect(only('Aid was cut, according to officials, who spoke on Monday.').text).toBe('Aid was cut');
  });

  it('reads an opening phrase as no source: "At least 12 people" is a quantity, "In Goma, 12 people died," a clause', () => {
    expect(only('At least 12 people were killed, according to Amnesty International.')).toMatchObject({ text: 'At least 12 people were killed', source: { text: 'Amnesty International' } });
    // The description after the source stays with it: no content follows "according to X, a …".
    expect(only('At least 12 people were killed, according to the network, a local rights group.')).toMatchObject({
      text: 'At least 12 people were killed',
      source: { text: 'the network, a local rights group' },
    });
    expect(only('In Goma, 12 people died, according to local officials.')).toMatchObject({ text: 'In Goma, 12 people died', source: { text: 'local officials' } });
    expect(only('On Monday 12 people were killed, according to local officials.')).toMatchObject({ text: 'On Monday 12 people were killed', source: { text: 'local officials' } });
    expect(only('At least two officials, speaking on condition of anonymity, said the town had fallen.').source?.text).toMatch(/^At least two officials/);
    // A date phrase opens the sentence as "In Goma," does.
    const text = 'Late on Monday, according to the army, the rebels withdrew.';
    const monday: Entity = { type: 'date', text: 'Monday', start: 8, end: 14, value: '2024-05-06' };
    expect(claims(text, [monday])).toMatchObject([{ text: 'the rebels withdrew', source: { text: 'the army' } }]);
  });

  it('reads a post-posed "according to" with the whole description', () => {
    const claim = only('The convoy turned back at the river, according to a driver who asked not to be named.');
    expect(claim).toMatchObject({ cue: 'according to', text: 'The convoy turned back at the river' });
    expect(claim.source).toMatchObject({ text: 'a driver who asked not to be named', kind: 'anonymous' });
  });
});

describe('quotations', () => {
  it('reads a quoted phrase inside a report as part of it: a cue after a determiner is a noun', () => {
    for (const [open, close] of [['"', '"'], ['“', '”']]) {
      const text = `The ministry said its forces had struck ${open}military facilities${close} with precision weapons, a claim that could not be verified.`;
      expect(only(text)).toMatchObject({ cue: 'said', source: { text: 'The ministry' }, text: `its forces had struck ${open}military facilities${close} with precision weapons` });
    }
  });

  it('takes a quotation before its speaker, without marks or trailing comma', () => {
    const claim = only('“We have no fuel left,” the hospital director said.');
    expect(claim).toMatchObject({ text: 'We have no fuel left', quote: true, cue: 'said' });
    expect(claim.source).toMatchObject({ text: 'the hospital director', kind: 'role' });
    // A sentence's last word stays, though it may join clauses elsewhere.
    expect(only('Asked whether the troops would leave, the minister said: “Not yet.”').text).toBe('Not yet');
    expect(only('The army said the town was calm and').text).toBe('the town was calm');
  });

  it('takes a quotation resumed after its speaker as one claim (“…,” he said, “…”)', () => {
    const claim = only('“The pumps failed at dawn,” said Amina Yusuf, a teacher, “and nobody came to fix them.”');
    expect(claim.text).toBe('The pumps failed at dawn,” said Amina Yusuf, a teacher, “and nobody came to fix them');
    expect(claim.source).toMatchObject({ text: 'Amina Yusuf, a teacher', kind: 'person' });
    // Two sentences are two claims.
    expect(claims('“The pumps failed,” he said. “Then the water ran out.”').map((c) => c.text)).toEqual(['The pumps failed', 'Then the water ran out']);
  });

  it('takes the quotation that a verb names its object with as its subject\'s words ("called it “…”", "dismissed X as “…”")', () => {
    expect(only('Its director, Cindy McCain, called it “a stain on our conscience.”')).toMatchObject({ cue: 'called', stance: 'asserts', text: 'a stain on our conscience', source: { text: 'Its director, Cindy McCain' } });
    expect(only('The minister described the attack on the camp as "barbaric."')).toMatchObject({ cue: 'described', text: 'barbaric', source: { text: 'The minister' } });
    expect(only('A spokesman dismissed the reports as “lies spread by the militia.”')).toMatchObject({ cue: 'dismissed', stance: 'denies', text: 'lies spread by the militia' });
    // No object (a name, a passive), a determiner alone, "called on", or none of these verbs: no claim.
    const none = 'A group called the “Free Army” took the town. A man described as “dangerous” fled. The governor called on residents to “stay indoors”. He was described by police as “dangerous”. The so-called rebel “government” fell. Rebels named the town “New Hope”.';
    expect(claims(none)).toHaveLength(0);
  });

  it('gives a participle after a quotation the sentence’s speaker, not the words before it', () => {
    const texts = (text: string) => claims(text).map((c) => [c.cue, c.source?.text, c.text]);
    expect(texts('The envoy said the town was "deeply alarmed" by the reports, adding that aid must pass.')).toEqual([
      ['said', 'The envoy', 'the town was "deeply alarmed" by the reports'],
      ['adding', 'The envoy', 'aid must pass'],
    ]);
    expect(texts('“The town is safe,” the mayor said, adding: “We will stay.”')).toEqual([
      ['said', 'the mayor', 'The town is safe'],
      ['adding', 'the mayor', 'We will stay'],
    ]);
    expect(texts('The mayor said the town was safe, adding: “We will stay.”')).toEqual([
      ['said', 'The mayor', 'the town was safe'],
      ['adding', 'The mayor', 'We will stay'],
    ]);
    expect(texts('The mayor spoke on Monday, adding: “We will stay.”')).toEqual([['adding', 'The mayor', 'We will stay']]);
  });

  it('takes a quotation after "X said:" with straight marks', () => {
    const claim = only('The mayor, Lena Okafor, said: "The water is rising. We need boats."');
    expect(claim.text).toBe('The water is rising. We need boats');
    expect(claim.source).toMatchObject({ text: 'The mayor, Lena Okafor', kind: 'person' });
  });

  it('spans sentences and resolves a pronoun speaker to the last named person', () => {
    const text = 'Colonel Ruth Amani said the base was secure. “They tried twice. They failed twice,” she said.';
    const found = claims(text);
    const quote = found.find((c) => c.quote);
    expect(quote?.text).toBe('They tried twice. They failed twice');
    expect(quote?.source).toMatchObject({ text: 'she', kind: 'person' });
    expect(quote?.source?.antecedent?.text).toBe('Colonel Ruth Amani');
  });

  it('spans paragraphs in the news convention (no closing mark, a new opening mark)', () => {
    const text = 'A nurse at the clinic, who spoke on condition of anonymity, said: “We ran out of gauze.\n\n“Now we use bedsheets.”';
    const claim = only(text);
    expect(claim.text).toBe('We ran out of gauze.\n\n“Now we use bedsheets');
    expect(claim.source?.kind).toBe('anonymous');
  });

  it('gives a following quotation with no speaker of its own to the same speaker', () => {
    const found = claims('“The bridge is gone,” said Paulo Mendes, a ferryman. “Nobody can cross now.”');
    expect(found.map((c) => c.text)).toEqual(['The bridge is gone', 'Nobody can cross now']);
    expect(found[1].source?.text).toBe('Paulo Mendes, a ferryman');
  });

  it('treats a quotation that is the whole content as a quotation', () => {
    const claim = only('The judge added that “justice has been delayed”.');
    expect(claim).toMatchObject({ text: 'justice has been delayed', quote: true });
  });

  it('does not take scare quotes or cue words inside quotations as claims', () => {
    expect(claims('Officers described the raid as a “routine check” of the “said” premises.')).toHaveLength(0);
    const claim = only('“We told them that it was over,” the officer said.');
    expect(claim.text).toBe('We told them that it was over');
  });
});

describe('sources', () => {
  it.each([
    ['Provincial spokesperson Omar Haddad said that the road was open.', 'Provincial spokesperson Omar Haddad', 'person'],
    ['The town’s mayor said that the road was open.', 'The town’s mayor', 'role'],
    ['The Ministry of Defence said that the road was open.', 'The Ministry of Defence', 'organisation'],
    ['State radio said that the road was open.', 'State radio', 'media'],
    ['Local media reported that the road was open.', 'Local media', 'media'],
    ['A source close to the governor said that the road was open.', 'A source close to the governor', 'anonymous'],
    ['Two officers who asked not to be named said that the road was open.', 'Two officers who asked not to be named', 'anonymous'],
    ['Residents said that the road was open.', 'Residents', 'anonymous'],
    ['Protesters said that the road was open.', 'Protesters', 'anonymous'],
    ['Critics said that the road was open.', 'Critics', 'role'],
    ['The rebel group said that the road was open.', 'The rebel group', 'organisation'],
    ["Zeta's armed wing said that the road was open.", "Zeta's armed wing", 'organisation'],
    ["Al-Qaeda's local affiliate said that the road was open.", "Al-Qaeda's local affiliate", 'organisation'],
    ['Doctors Without Borders said that the road was open.', 'Doctors Without Borders', 'organisation'],
    ['Downing Street said that the road was open.', 'Downing Street', 'organisation'],
    ['The aid agency Tamar Relief said that the road was open.', 'The aid agency Tamar Relief', 'organisation'],
    ['The spokesman for their militia Idris Kamara said that the road was open.', 'The spokesman for their militia Idris Kamara', 'person'],
    ['Committee Against Torture experts said that the road was open.', 'Committee Against Torture experts', 'role'],
    ['Doctors For Peace said that the road was open.', 'Doctors For Peace', 'organisation'],
    ['President To Lam said that the road was open.', 'President To Lam', 'person'],
    ['A statement from the ministry said that the road was open.', 'A statement from the ministry', 'organisation'],
    ['A report by the BBC said that the road was open.', 'A report by the BBC', 'media'],
    ['A letter from two residents said that the road was open.', 'A letter from two residents', 'anonymous'],
    ['One of the residents said that the road was open.', 'One of the residents', 'anonymous'],
    // A document named by whom it comes from, before its noun: "report" heads the source, no cue.
    ['A United Nations report released on Monday said that the road was open.', 'A United Nations report released on Monday', 'organisation'],
    ['A Reuters report said that the road was open.', 'A Reuters report', 'media'],
    // Adjectives before the issuer's name; a participle or a verb after the noun ("seen by", "said").
    ['A confidential UN report seen by Reuters said that the road was open.', 'A confidential UN report seen by Reuters', 'organisation'],
    ['A leaked Reuters report said that the road was open.', 'A leaked Reuters report', 'media'],
    ['The UN statement said that the road was open.', 'The UN statement', 'organisation'],
    ['The statement said that the road was open.', 'The statement', 'organisation'],
    ['Some of the officials said that the road was open.', 'Some of the officials', 'role'],
    // Two-word outlets and bodies, a capitalised name after "the", a word for people as a modifier.
    ['Al Jazeera reported that the road was open.', 'Al Jazeera', 'media'],
    ['The Associated Press reported that the road was open.', 'The Associated Press', 'media'],
    // A newspaper's name ends in a word for one; "The Washington Post" names no post of Washington's.
    ['The Wall Street Journal reported that the road was open.', 'The Wall Street Journal', 'media'],
    ['The Washington Post reported that the road was open.', 'The Washington Post', 'media'],
    ['The Guardian reported that the road was open.', 'The Guardian', 'media'],
    ['The Guardian Council said that the road was open.', 'The Guardian Council', 'organisation'],
    ['The White House said that the road was open.', 'The White House', 'organisation'],
    ['The UN refugee agency said that the road was open.', 'The UN refugee agency', 'organisation'],
    ['Refugee camp officials said that the road was open.', 'Refugee camp officials', 'role'],
    ['Residents contacted by phone said that the road was open.', 'Residents contacted by phone', 'anonymous'],
    ['US President Joe Biden said that the road was open.', 'US President Joe Biden', 'person'],
    ['Fatima, a nurse at the clinic, said that the road was open.', 'Fatima, a nurse at the clinic', 'person'],
    // An outlet's name before its noun or with "News" inside; a staff is a body; a party's leader is a person, named in full or not.
    ['Al Arabiya television said that the road was open.', 'Al Arabiya television', 'media'],
    ['Sky News Arabia said that the road was open.', 'Sky News Arabia', 'media'],
    ['The Global New Light of Myanmar newspaper said that the road was open.', 'The Global New Light of Myanmar newspaper', 'media'],
    ['Ukraine’s General Staff said that the road was open.', 'Ukraine’s General Staff', 'organisation'],
    ['Hospital staff said that the road was open.', 'Hospital staff', 'role'],
    ['Hemedti said that the road was open.', 'Hemedti', 'person'],
    ['Haftar said that the road was open.', 'Haftar', 'person'],
    // A name the apposition calls a body or an outlet is one.
    ['Miyetti Tabital, a group representing herders, said that the road was open.', 'Miyetti Tabital, a group representing herders', 'organisation'],
    ['Radio Okapi, a local broadcaster, said that the road was open.', 'Radio Okapi, a local broadcaster', 'media'],
    ['Ali, 34, said that the road was open.', 'Ali, 34', 'person'],
    ['Amal, a 34-year-old mother of three, said that the road was open.', 'Amal, a 34-year-old mother of three', 'person'],
    ['A guard, who declined to give his name, said that the road was open.', 'A guard, who declined to give his name', 'anonymous'],
    ['A commander, who gave his name only as Mesfin, said that the road was open.', 'A commander, who gave his name only as Mesfin', 'anonymous'],
    ['The regional communication bureau said that the road was open.', 'The regional communication bureau', 'organisation'],
    ['Gaza’s civil defence said that the road was open.', 'Gaza’s civil defence', 'organisation'],
    ['Civil defence workers said that the road was open.', 'Civil defence workers', 'role'],
    ['A relative, Mahmoud Abu Shawish, said that the road was open.', 'A relative, Mahmoud Abu Shawish', 'person'],
    ['Resident Musa Ibrahim said that the road was open.', 'Resident Musa Ibrahim', 'person'],
    ['Residents of Mbala Kisanga said that the road was open.', 'Residents of Mbala Kisanga', 'anonymous'],
    // Any role named after it, listed noun or not ("harbour master"), is a person.
    ['The port’s harbour master, Ali Musa, said that the road was open.', 'The port’s harbour master, Ali Musa', 'person'],
    ['The army’s spokesman, Ali Musa, said the missiles hit two ships.', 'The army’s spokesman, Ali Musa', 'person'],
    ['Citing intelligence reports, the newspaper said that the road was open.', 'the newspaper', 'media'],
    ['A resident, a teacher, said that the road was open.', 'A resident, a teacher', 'anonymous'],
    ['The UN Security Council said that the road was open.', 'The UN Security Council', 'organisation'],
    // Nor does a "but" in a phrase set off by commas with no verb; one between two clauses still ends the source.
    ['The Commission, a state-affiliated but independent body, said that the road was open.', 'The Commission, a state-affiliated but independent body', 'organisation'],
    ['The group, small but well armed, said that the road was open.', 'The group, small but well armed', 'organisation'],
    ['On Monday, the rebels advanced but the army said, in a statement, that the road was open.', 'the army', 'organisation'],
    ['The army held the town but the rebels, who fled, said that the road was open.', 'the rebels, who fled', 'organisation'],
    // Nor one that opens a second relative clause of the source.
    ['The ministry, which is run by Hamas but whose figures are used by UN agencies, says that the road was open.', 'The ministry, which is run by Hamas but whose figures are used by UN agencies', 'organisation'],
    ['In Goma, the army held the town but the rebels, who fled, said that the road was open.', 'the rebels, who fled', 'organisation'],
    ['In Goma, the army is strong but the rebels, who fled, said that the road was open.', 'the rebels, who fled', 'organisation'],
    // An "and" inside a relative clause set off before the cue opens no clause of the source's.
    ['The ministry, which does not distinguish between civilians and fighters, says that the road was open.', 'The ministry, which does not distinguish between civilians and fighters', 'organisation'],
  ])('%s', (text, source, kind) => {
    expect(only(text).source).toMatchObject({ text: source, kind });
  });

  it('starts the source after a subordinating word, unless the words before it describe the source', () => {
    // A relative "that" without a comma: its clause's subject speaks, unless the clause has its verb already.
    expect(sourceOf('The insurgency that the military says has killed 40,000 people goes on.')).toBe('the military');
    expect(sourceOf('The report that the army released said 40 people had died.')).toBe('The report that the army released');
    expect(sourceOf('The report that the army released on Monday said 40 people had died.')).toBe('The report that the army released on Monday');
    expect(sourceOf('The Front, the alliance that runs most of the province, said 40 people had died.')).toBe('The Front, the alliance that runs most of the province');
    expect(sourceOf('The attack came hours after the group said it would strike again.')).toBe('the group');
    expect(sourceOf('Prices rose because traders said supplies had run out.')).toBe('traders');
    expect(sourceOf('Residents who fled after the attack said the town was empty.')).toBe('Residents who fled after the attack');
    expect(sourceOf('Civilians displaced since the fighting began said they had no food.')).toBe('Civilians displaced since the fighting began');
    expect(sourceOf('Officials in the town, speaking after the meeting, said the road was open.')).toBe('Officials in the town, speaking after the meeting');
    expect(sourceOf('Groups such as Amnesty said the trial was unfair.')).toBe('Groups such as Amnesty');
  });

  it('reads a report inside a relative clause: its source after "which", its content to the clause’s comma', () => {
    expect(only('The strike, which the army said targeted a depot, killed 12 people.')).toMatchObject({ text: 'targeted a depot', source: { text: 'the army' } });
    expect(claims('The group, which said the town was calm, denied it.')[0]).toMatchObject({ text: 'the town was calm', source: { text: 'which' } });
    expect(only('The commander, who spoke on condition of anonymity, said the town had fallen.').source?.text).toBe('The commander, who spoke on condition of anonymity');
  });

  it('gives a claim after a relative clause that reports to the phrase the clause spoke for', () => {
    const found = claims('The water company, which denies the allegations, said the pumps had failed.');
    expect(found.map((c) => [c.text, c.source?.text, c.cue])).toEqual([
      ['the allegations', 'which', 'denies'],
      ['the pumps had failed', 'The water company', 'said'],
    ]);
    // After an ISO dateline, the antecedent starts with the sentence.
    expect(claims(' date 2024-03-06 The board, which has denied bias, said the vote was fair.')[1]?.source?.text).toBe('The board');
  });

  it('leaves a date the date recogniser finds out of the source: before the cue, or opening the sentence', () => {
    const sourcesOf = (text: string) => analyse(text).claims.map((c) => c.source?.text);
    expect(sourcesOf('A navy spokesman earlier this week denied that the ship had been hit.')).toEqual(['A navy spokesman']);
    expect(sourcesOf('The health ministry late on Sunday said that the clinics would reopen.')).toEqual(['The health ministry']);
    expect(sourcesOf('On Monday the governor said the roads were open.')).toEqual(['the governor']);
    expect(sourcesOf('Earlier on Friday the port authority said it had resumed loading.')).toEqual(['the port authority']);
    // A date that describes the noun before it stays with it.
    expect(sourcesOf('The audit published on Monday said the accounts were incomplete.')).toEqual(['The audit published on Monday']);
    // A month's or weekday's name inside a hyphenated name is part of the name.
    expect(sourcesOf('Spokesman Omar Al-Sunday said the roads were open.')).toEqual(['Spokesman Omar Al-Sunday']);
  });

  it('keeps a role and description with the named person', () => {
    const claim = only('Idris Kone, a commander with the northern brigade, said that the town had fallen.');
    expect(claim.source).toMatchObject({ text: 'Idris Kone, a commander with the northern brigade', kind: 'person' });
  });

  it('takes the person an earlier sentence of the paragraph opens with for "he", unless a person or role spoke since', () => {
    const [claim] = claims('President Amadou Keita has vowed to retake the north. Speaking in the capital on Tuesday, he said the army had freed six villages.');
    expect(claim.source).toMatchObject({ text: 'he', kind: 'person', antecedent: { text: 'President Amadou Keita' } });
    const [, second] = claims('President Amadou Keita has vowed to retake the north. The defence minister said the army was ready. He said six villages were free.');
    expect(second.source).toMatchObject({ text: 'He', kind: 'role', antecedent: { text: 'The defence minister' } });
    // The name may stand before its apposition's comma.
    const [quoted] = claims('Amina Diallo, a nurse, described the ward. “Beds ran out,” she said.');
    expect(quoted.source).toMatchObject({ text: 'she', antecedent: { text: 'Amina Diallo' } });
    // A surname alone stands for the person a sentence of its paragraph opened with, whoever spoke since.
    const named = claims('Prime Minister Idris Karamoko has vowed to press on. General Musa Bello has said the army was ready. Karamoko said the war would end soon.').at(-1)!;
    expect(named.source).toMatchObject({ text: 'Karamoko', kind: 'person', antecedent: { text: 'Prime Minister Idris Karamoko' } });
    // The lone name of a full one anywhere in a sentence before, a nickname in it; not of a place's.
    const lone = claims('The gangs, led by former officer Jimmy “Barbecue” Kerlande, hold the city. Kerlande told reporters the gangs would fight.')[0];
    expect(lone.source).toMatchObject({ text: 'Kerlande', kind: 'person', antecedent: { text: 'Jimmy “Barbecue” Kerlande' } });
    expect(claims('The gangs hold the city of Kerlande. Kerlande told reporters the gangs would fight.')[0].source?.kind).toBe('organisation');
    // A body opening the sentence is no antecedent for "he".
    expect(claims('The Pentagon has sent more jets. He said the jets had landed.')[0].source?.antecedent).toBeUndefined();
  });

  it('resolves "it" to the last organisation and a relative "which" to the phrase before it', () => {
    const found = claims('The water company denied cutting supplies. It said that the pumps had failed. Repairs were funded by the Delta Trust, which has denied any delay.');
    expect(found[1].source?.antecedent?.text).toBe('The water company');
    expect(found[1].source?.kind).toBe('organisation');
    expect(found[2].source?.text).toBe('which');
    expect(found[2].source?.antecedent?.text).toBe('the Delta Trust');
  });

  it('resolves "he" and "she" to one person or role, never to people in the plural', () => {
    const found = claims('The mayor said the town was calm. Medics said the toll was higher. He said the roads were open.');
    expect(found[2].source).toMatchObject({ text: 'He', kind: 'role', antecedent: { text: 'The mayor' } });
    const alone = claims('Medics say the toll is higher. He accused the rebels of looting.');
    expect(alone[1].source).toMatchObject({ text: 'He', kind: 'person' });
    expect(alone[1].source?.antecedent).toBeUndefined();
  });

  it('takes the phrase after "with" for the speaker of a participle ("…, with both sides accusing")', () => {
    const claim = claims('Truces have been violated, with both sides accusing each other of breaches.')[0];
    expect(claim.source?.text).toBe('both sides');
  });

  it('resolves "One said" to the people who spoke last', () => {
    const found = claims('Two residents reached by phone said drones had struck the town. One said six people were killed.');
    expect(found[1].source).toMatchObject({ text: 'One', kind: 'anonymous', antecedent: { text: 'Two residents reached by phone' } });
  });

  it('treats a faction given by the entity recognisers as an organisation', () => {
    const text = 'Northern Front said that the dam was mined.';
    const entities: Entity[] = [{ type: 'faction', text: 'Northern Front', start: 0, end: 14, canonical: 'Northern Front' }];
    expect(claims(text, entities)[0].source?.kind).toBe('organisation');
  });
});

describe('hedges without a source', () => {
  it.each([
    ['The militia is reportedly regrouping near the border.', 'reportedly'],
    ['The commander allegedly ordered the strike.', 'allegedly'],
    ['The rebels are said to control the hills.', 'are said to'],
    ['The envoy is believed to have left the capital.', 'is believed to'],
    ['The drones were apparently launched from across the border.', 'apparently'],
  ])('%s', (text, cue) => {
    const claim = only(text);
    expect(claim).toMatchObject({ source: null, hedged: true, cue, text: text.slice(0, -1) });
  });

  it('reads "is widely thought to" as a hedge, and "both" after "accused" as the object', () => {
    expect(only('The commander is widely thought to have fled abroad.')).toMatchObject({ source: null, hedged: true, hedges: ['is widely thought to'] });
    expect(only('The envoy accused both sides of blocking aid.')).toMatchObject({ cue: 'accused', text: 'both sides of blocking aid' });
  });

  it('reads an impersonal hedge ("It is understood that ...") as a hedged claim of what follows it', () => {
    expect(only('It is understood that the convoy was turned back.')).toMatchObject({ text: 'the convoy was turned back', source: null, hedged: true, hedges: ['it is understood that'] });
    expect(only('There were reports that the airport had been hit.')).toMatchObject({ text: 'the airport had been hit', hedged: true });
  });

  it('gives a hedged clause after ", though" its own claim', () => {
    const [first, second] = claims('According to the monitors, 200 homes burned, though the true number is believed to be higher.');
    expect(first.text).toBe('200 homes burned');
    expect(second).toMatchObject({ text: 'the true number is believed to be higher', source: null, hedged: true });
  });

  it('does not list a writer\'s-voice sentence as a claim', () => {
    expect(claims('The river rose by two metres overnight. Schools were closed.')).toHaveLength(0);
  });
});

describe('robustness', () => {
  it('never throws on odd input, nor on runs of quotes, commas and cues (their linearity is measured by test/bench/linearity.mjs)', () => {
    for (const text of ['', '“', '”', '"', ', said', 'said that', 'according to', '“a ”b” c” said.', 'He said: “']) {
      expect(() => claims(text)).not.toThrow();
    }
    const runs = ['“'.repeat(10_000), '"'.repeat(10_001), ', said'.repeat(5_000), ' said that'.repeat(5_000), 'A B C D '.repeat(5_000), 'reportedly '.repeat(5_000)];
    for (const text of runs) {
      for (const claim of claims(text)) expect(text.slice(claim.start, claim.end)).toBe(claim.text);
    }
  });
});

describe('against the gold annotations', () => {
  // Our own seeds and, when the repository sits beside it, the shared seed (read at run time, never copied).
  const sets = [
    { seeds: resolve(__dirname, '../../seeds'), gold: resolve(__dirname, '../fixtures/gold') },
    { seeds: resolve(__dirname, '../../../shared/seeds'), gold: resolve(__dirname, '../../../shared/eval/gold') },
  ].filter((set) => existsSync(set.gold) && existsSync(set.seeds));

  it('finds the required claims and their sources without the entity recognisers', () => {
    let required = 0;
    let found = 0;
    let attributed = 0;
    let spurious = 0;
    for (const set of sets) {
      for (const goldFile of readdirSync(set.gold).filter((f) => f.endsWith('.json'))) {
        const gold = JSON.parse(readFileSync(join(set.gold, goldFile), 'utf8')) as GoldDocument;
        const text = readFileSync(join(set.seeds, gold.file), 'utf8').replace(/^\uFEFF/, '');
        const predicted = claims(text);
        const overlap = (a: Span, b: Span) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
        for (const g of gold.claims.filter((c) => !c.optional)) {
          required++;
          const match = predicted.find((p) => overlap(p, g) >= 0.5 * (g.end - g.start));
          if (!match) continue;
          found++;
          const right = g.source === null ? !match.source : !!match.source && [g.source, ...(g.source.alt ?? [])].some((s) => overlap(match.source as Span, s) > 0);
          if (right) attributed++;
        }
        spurious += predicted.filter((p) => !gold.claims.some((g) => overlap(p, g) > 0)).length;
      }
    }
    expect(required).toBeGreaterThan(100);
    expect(found / required).toBeGreaterThanOrEqual(0.95);
    expect(attributed / found).toBeGreaterThanOrEqual(0.95);
    expect(spurious).toBeLessThanOrEqual(3);
  });
});

interface GoldDocument {
  file: string;
  claims: (Span & { optional?: boolean; source: (Span & { alt?: Span[] }) | null })[];
}

describe('what stands between the cue and "that"', () => {
  it('leaves out a gap that only says when, spelled in digits or words', () => {
    expect(only('The minister said 2 days ago that the road was open.').text).toBe('the road was open');
    expect(only('Officials said two weeks earlier that the bridge had collapsed.').text).toBe('the bridge had collapsed');
    // Any date the date recogniser found there.
    const claimsOf = (text: string) => analyse(text).claims.map((c) => c.text);
    expect(claimsOf('The ministry said the previous day that reinforcements had been sent.')).toEqual(['reinforcements had been sent']);
    expect(claimsOf('The ministry said the report that reinforcements had been sent was false.')).toEqual(['the report that reinforcements had been sent was false']);
  });

  it('keeps a clause that merely contains a later "that"', () => {
    expect(only('Police said 3 people were killed that day.').text).toBe('3 people were killed that day');
  });
});

describe('verbs that report nothing', () => {
  it('does not read "claimed responsibility" as a claim, and keeps the relative clause in the source', () => {
    const claim = only('The group, which claimed responsibility for the attack, said in a statement that more strikes would follow.');
    expect(claim.text).toBe('more strikes would follow');
    expect(claim.source?.text).toBe('The group, which claimed responsibility for the attack');
  });

  it('finds the antecedent of a relative "which" without entities', () => {
    const found = claims('Supplies arrive through the Northern Corridor Authority, which has denied any smuggling.');
    expect(found.at(-1)?.source?.antecedent?.text).toBe('the Northern Corridor Authority');
  });
});

describe('back-references', () => {
  it('links a surname alone to the person named in full before, and nothing else', () => {
    const found = claims(
      'Provincial spokesperson Omar Haddad said that the road was open. The Northern Front said that it was mined. Haddad said that engineers had cleared it. Mbala said that nobody had checked. ' +
        'Envoy Kim Jong Un said that talks were over. UN said that they were not. UN Secretary-General Antonio Guterres said that they should resume. Guterres said that he would call both sides.',
    );
    const kinds = found.map((c) => [c.source?.text, c.source?.kind, c.source?.antecedent?.text]);
    expect(kinds).toEqual([
      ['Provincial spokesperson Omar Haddad', 'person', undefined],
      ['The Northern Front', 'organisation', undefined],
      ['Haddad', 'person', 'Provincial spokesperson Omar Haddad'],
      ['Mbala', 'organisation', undefined], // named by no one before
      ['Envoy Kim Jong Un', 'person', undefined],
      ['UN', 'organisation', undefined], // an acronym, not "Un"
      ['UN Secretary-General Antonio Guterres', 'person', undefined],
      ['Guterres', 'person', 'UN Secretary-General Antonio Guterres'],
    ]);
  });

  it('links a surname alone to a full name an earlier paragraph gives outside any source, only a person\'s', () => {
    const found = analyse(
      'The talks began under President Daniel Okafor in March.\n\nOkafor wrote on X that peace was near.\n\n' +
        'Russian Petrocorp raised prices.\n\nPetrocorp said the rise was needed.\n\n' +
        'Tariffs went up in May. Velcorp raised prices.\n\nVelcorp said the rise was needed.\n\n' +
        'The envoy met Ahmed Rwanda in May.\n\nRwanda denied the report.',
    ).claims;
    expect(found.map((c) => [c.source?.text, c.source?.kind, c.source?.antecedent?.text])).toEqual([
      ['Okafor', 'person', 'President Daniel Okafor'],
      ['Petrocorp', 'organisation', undefined], // a demonym starts no one's name
      ['Velcorp', 'organisation', undefined], // "May. Velcorp" is two sentences
      ['Rwanda', 'organisation', undefined], // a place is no one's surname
    ]);
  });

  it('looks for a lone name\'s full name a long article back, not a whole dump back (each edit looks again)', () => {
    const filler = 'Shelling went on through the night in the south of the town, and the market stayed shut.\n\n'.repeat(60);
    const found = analyse(`The talks began under President Daniel Okafor.\n\n${filler}Okafor said the talks would go on.`).claims;
    expect(found.at(-1)?.source).toMatchObject({ text: 'Okafor', kind: 'organisation' });
    expect(found.at(-1)?.source?.antecedent).toBeUndefined();
  });

  it('drops a parenthetical "however" from the source', () => {
    expect(only('The rebels, however, said the withdrawal was tactical.').source?.text).toBe('The rebels');
  });

  it('links "the aid worker" to the earlier anonymous aid worker, but not "the army" to an army spokesman', () => {
    const found = claims(
      'According to a local aid worker who asked not to be identified, 5,000 people have fled. "We have no tents," the aid worker said. Army spokesman Jean Mbala said the town was calm. The army said that roads were open.',
    );
    const worker = found.find((c) => c.source?.text === 'the aid worker');
    expect(worker?.source).toMatchObject({ kind: 'anonymous', antecedent: { text: 'a local aid worker who asked not to be identified' } });
    const army = found.find((c) => c.source?.text === 'The army');
    expect(army?.source?.kind).toBe('organisation');
    expect(army?.source?.antecedent).toBeUndefined();
  });
});

describe('claims of an edited text, remembered by unit of paragraphs', () => {
  // Edits where a unit's reading is decided: at its edges, in the text just before or after it, with
  // what joins paragraphs (a quotation continued over a break) or splits them, and what a reading
  // looks back or ahead for (pronouns, relative "which", a speaker after the cue, "said by").
  const pieces = [
    '“', '”', '"', '«', '»', '\n\n', '\n\n“', '”\n\n', '\n\n"', ' said ', ', he said.', ', said The ', ' said by ', ', which said ',
    ', who told reporters ', 'He said: “', ' she added that ', 'The group said ', 'according to ', 'reportedly ', 'the army', ' and ', '.', ', ',
    'The ', 'the ', 'Sudan Liberation Army ', 'in Abu Shouk ', 'Salih ', 'in Omdurman', 'They said ', ' it said', ', police said on Tuesday.', ' but said ',
  ];
  const edit = fc.record({
    anchor: fc.nat(),
    edge: fc.constantFrom('start', 'end', 'anywhere'),
    shift: fc.oneof(fc.integer({ min: -90, max: 10 }), fc.integer({ min: -2, max: 2 })),
    remove: fc.integer({ min: 0, max: 4 }),
    insert: fc.oneof(fc.constantFrom(...pieces), fc.array(fc.constantFrom(...pieces), { maxLength: 3 }).map((p) => p.join(''))),
    read: fc.boolean(), // an editor reads claims of some versions only
    known: fc.boolean(), // the user's lexicon names a place, which then names no person: entities change where the text did not
  });
  type Edit = typeof edit extends fc.Arbitrary<infer E> ? E : never;

  function apply(analysis: Analysis, e: Edit): string {
    const { text, paragraphs } = analysis.document;
    const paragraph = paragraphs[e.anchor % Math.max(1, paragraphs.length)];
    const base = !paragraph || e.edge === 'anywhere' ? e.anchor % (text.length + 1) : e.edge === 'start' ? paragraph.start : paragraph.end;
    const at = Math.min(text.length, Math.max(0, base + e.shift));
    return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
  }

  const claimsOf = (analysis: Analysis) => JSON.stringify(analysis.claims);
  const known = { lexicon: { places: [{ name: 'Kalma Salih', kind: 'city' }] } };

  function checkSession(text: string, edits: Edit[]): void {
    const session = new Analyser();
    let previous = session.analyse(text);
    previous.claims;
    for (const e of edits) {
      const options = e.known ? known : {};
      const analysis = session.analyse(apply(previous, e), options, previous);
      if (e.read) expect(claimsOf(analysis)).toBe(claimsOf(analyse(analysis.document.text, options)));
      previous = analysis;
    }
  }

  const seeds = seedArticles().map((s) => s.text);

  it('gives the claims of a fresh analysis after every edit of an article', () => {
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.array(edit, { minLength: 1, maxLength: 8 }), (text, edits) => checkSession(text, edits)),
      { numRuns: 80 },
    );
  });

  // Short paragraphs that read across their edges: a "which" whose antecedent runs back into the name
  // closing the paragraph before (a capitalised run reads over a break), a cue closing a paragraph that
  // looks at what opens the next ("said\n\nby" is a passive), a quotation left open for the next
  // paragraph; a name that the user's lexicon may make a place, a surname alone after a full name, and a
  // dateline opening a paragraph.
  const paragraphs = [
    'Fighting spread to Omdurman on Monday.', '“We will not leave,” he said.', 'The army said that the bridge in El Fasher was closed.',
    'The talks were led by Lieutenant-General Abdelrahim Hamdan-Dagalo\n\nThe Committee, which said the town was calm, denied it.',
    'Shelling resumed, the army said\n\nby radio on Monday.', '“The siege goes on\n\n“and it will go on,” the mayor said.',
    'He said: “Help is coming.”', 'According to residents, shelling continued.', 'The group reportedly withdrew.',
    'Amira Salih, a volunteer, said the clinic was full.', 'Sources in Darfur said she had left', 'Kalma Salih said that water ran out.',
    'Talks were held in Kalma Salih\n\nThe group, which said the town was calm, denied it.', 'They said the road was closed.',
    'The talks began under President Daniel Okafor.', 'Okafor said the talks would go on.',
    'GAZA CITY — Air strikes killed 30 people, the civil defence said.',
  ];
  const article = fc.array(fc.constantFrom(...paragraphs), { minLength: 2, maxLength: 5 }).map((p) => p.join('\n\n'));

  it('gives the claims of a fresh analysis after every edit near the edges of short paragraphs', () => {
    fc.assert(fc.property(article, fc.array(edit, { minLength: 1, maxLength: 8 }), (text, edits) => checkSession(text, edits)), { numRuns: 500 });
  });

  it('resolves again a pronoun whose antecedent, unmoved, changed kind with the entities', () => {
    // The user's lexicon makes "Kalma Salih" a place: the speaker is then an organisation, and so is
    // "They", whose paragraph, too far from either end or that name to read them, is unchanged.
    const far = 'Shelling went on through the night in the south of the town, and the market stayed shut for a third day running.';
    const text = `Kalma Salih said that water ran out.\n\n${far}\n\nThey said the road was closed.\n\n${far}`;
    const session = new Analyser();
    const first = session.analyse(text);
    const before = first.claims[1].source?.kind;
    const second = session.analyse(`${text}\n\nFighting resumed.`, known, first);
    expect(claimsOf(second)).toBe(claimsOf(analyse(second.document.text, known)));
    expect(second.claims[1].source?.kind).not.toBe(before);
  });

  it('gives a lone name read in its own unit the full name the text gave before it, as a fresh analysis does', () => {
    const far = 'Shelling went on through the night in the south of the town, and the market stayed shut for a third day running.';
    const text = `${far}\n\nThe talks began under President Daniel Okafor.\n\n${far}\n\nOkafor said the talks would go on.`;
    const session = new Analyser();
    const first = session.analyse(text);
    first.claims;
    const second = session.analyse(`Fighting resumed.\n\n${text}`, {}, first);
    expect(second.claims.at(-1)?.source).toMatchObject({ text: 'Okafor', kind: 'person', antecedent: { text: 'President Daniel Okafor' } });
    expect(claimsOf(second)).toBe(claimsOf(analyse(second.document.text)));
  });

  // A letter replaced leaves every later offset in place: a far pronoun's claim may be kept only if it
  // still resolves to the same text at the same place.
  it.each([
    ['its antecedent’s text changed', 'Amira Salih said', 'Amira Salah said'],
    ['another source of the same text now its antecedent', 'Amira Salih said', 'Amira Salih sand'],
  ])('resolves again a pronoun, unmoved, when %s', (_, from, to) => {
    const far = 'Shelling went on through the night in the south of the town, and the market stayed shut for a third day running.';
    const text = `Amira Salih said that water ran out.\n\n${far}\n\n${from} the clinic was full.\n\n${far}\n\nShe said the road was closed.\n\n${far}`;
    const session = new Analyser();
    const first = session.analyse(text);
    const before = first.claims.at(-1)?.source?.antecedent;
    const at = text.lastIndexOf(from);
    const second = session.analyse(text.slice(0, at) + to + text.slice(at + from.length), {}, first);
    expect(claimsOf(second)).toBe(claimsOf(analyse(second.document.text)));
    expect(second.claims.at(-1)?.source?.antecedent).not.toEqual(before);
  });

  // Pieces jumbled: sources out of text order within a sentence ("“…” said …" after "according to"),
  // chains of pronouns and back-references, quotations left open.
  const jumble = fc.array(fc.constantFrom(...pieces, 'the town was calm', 'We will stay', ' told Reuters ', ', adding that '), { minLength: 3, maxLength: 30 }).map((p) => p.join(''));

  it('gives the claims of a fresh analysis after every edit of jumbled pieces', () => {
    fc.assert(fc.property(jumble, fc.array(edit, { minLength: 1, maxLength: 6 }), (text, edits) => checkSession(text, edits)), { numRuns: 500 });
  });

  it('does so in a text read window by window', () => {
    // Over 50,000 characters: windows, and units cut at their edges.
    const long = Array.from({ length: 24 }, (_, i) => seeds[i % seeds.length]).join('\n\n');
    fc.assert(fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => checkSession(long, edits)), { numRuns: 8 });
  });
});
