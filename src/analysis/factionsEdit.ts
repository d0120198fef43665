import type { Unchanged } from './commonText';
import {
  defines,
  leadersParties,
  mentionsInOrder,
  mergeParties,
  type MentionColumns,
  partiesIndex,
  type PartiesFound,
  type PartiesReading,
  passiveStatements,
  STATED_AFTER,
  STATED_AHEAD,
  STATED_BEFORE,
  statedAt,
  type Statements,
  withParty,
} from './factionsResolve';
import { movedEntity } from './moved';
import { countStartingBefore } from './sortedSpans';
import type { Entity, RecogniserContext } from './types';

// Party merging after an edit. Merging reads the whole text: the mentions, the words between neighbours
// (definitions, relations), and every place the acronyms a text defines and its leaders' surnames occur.
// Yet the parties and relations it finds depend on the text only through a few outcomes — which
// neighbours a definition joins, where those names occur, which party a leader heads, what the words
// around each mention state — and an edit can change only the outcomes read near it. So when the
// mentions are the same but for their offsets, and every outcome read near the edit is the same, the
// parties and relations are the version before's; otherwise everything is merged afresh.

/**
 * Merges `factions` into parties. Given the reading of the version before and the `edit` made to its text,
 * reuses its result when the edit changed nothing merging reads.
 */
export function readParties(
  text: string,
  factions: Entity[],
  context: RecogniserContext,
  previous?: PartiesReading,
  edit?: Unchanged,
): PartiesFound & { reading: PartiesReading | undefined } {
  if (factions.length === 0) return { factions, parties: [], relations: [], reading: undefined };
  const index = partiesIndex(context);
  const given = mentionsInOrder(factions);
  const reading = (previous?.index === index && edit && readAgain(previous, text, given, edit)) || mergeParties(text, given, index);
  return { factions: reading.factions, parties: reading.parties, relations: reading.relations, reading };
}

/** The reading before, moved to `text`, when the edit changed nothing merging reads; else undefined. */
function readAgain(before: PartiesReading, text: string, given: Entity[], edit: Unchanged): PartiesReading | undefined {
  const change = new Change(edit);
  // The mentions: the same but for their offsets.
  if (!sameMentions(before.given, given, change)) return undefined;
  // The places of the names searched for, and so the acronyms spread: the same unless one touches the edit.
  if (touchesOccurrence(before.text, change.prefix, change.oldEnd, before.searched) || touchesOccurrence(text, change.prefix, change.newEnd, before.searched)) return undefined;
  const mentions = before.mentions.map((m, i) => (before.givenAt[i] >= 0 ? given[before.givenAt[i]] : change.moved(m)));
  // Which neighbours define one another: read again where the gap between them touches the edit.
  if (!sameDefinitions(before.text, before.given, text, given, change)) return undefined;
  if (mentions.length !== given.length && !sameDefinitions(before.text, before.mentions, text, mentions, change)) return undefined;
  // Whom the leaders head: read again at each place of their names.
  const surnamePlaces = before.surnamePlaces.map((places) => places.map((at) => change.offset(at)));
  if (!sameLeaders(before.leaders, leadersParties(text, mentions, before.facts, before.surnames, surnamePlaces))) return undefined;
  // What the words around each mention state: read again where they reach the edit.
  const columns = change.columns(before.columns);
  if (!sameStatements(before, text, columns, change)) return undefined;
  // A mention given before as the very same object is resolved as before: the same object too.
  const factions = before.factions.map((resolved, i) =>
    before.givenAt[i] < 0 ? change.moved(resolved) : mentions[i] === before.mentions[i] ? resolved : withParty(mentions[i], resolved.canonical!, resolved.kind),
  );
  // What the passive lists state, read anew: they may reach back a sentence and on over a list.
  const passive = passiveStatements(text, factions, columns);
  if (!sameList(before.passive, passive)) return undefined;
  return { ...before, text, given, mentions, factions, surnamePlaces, columns, passive };
}

/** An edit's changed text, from `prefix` to `oldEnd` before it and to `newEnd` after it, and how offsets after it move. */
class Change {
  readonly prefix: number;
  readonly oldEnd: number;
  readonly newEnd: number;
  readonly delta: number;

  constructor({ prefix, suffixStart, delta }: Unchanged) {
    this.prefix = prefix;
    this.newEnd = suffixStart;
    this.oldEnd = suffixStart - delta;
    this.delta = delta;
  }

  /** Where an offset before the edit, outside the changed text, is after it. */
  offset(at: number): number {
    return at < this.prefix ? at : at + this.delta;
  }

  /** How far a span before the edit moved: 0 inside the common prefix, `delta` inside the common suffix, NaN across the changed text. */
  shiftOf(span: Entity): number {
    return span.end <= this.prefix ? 0 : span.start >= this.oldEnd ? this.delta : NaN;
  }

  /** An entity that lies outside the changed text, where it is after the edit (itself if it did not move). */
  moved(entity: Entity): Entity {
    const by = this.shiftOf(entity);
    return by === 0 ? entity : movedEntity(entity, by);
  }

  /** Columns of mentions outside the changed text, moved; the names stay. */
  columns({ starts, ends, names }: MentionColumns): MentionColumns {
    const movedStarts = new Int32Array(starts.length);
    const movedEnds = new Int32Array(ends.length);
    for (let i = 0; i < starts.length; i++) {
      const by = ends[i] <= this.prefix ? 0 : this.delta;
      movedStarts[i] = starts[i] + by;
      movedEnds[i] = ends[i] + by;
    }
    return { starts: movedStarts, ends: movedEnds, names };
  }
}

/** The same mentions in the same order, each where the edit moved it: none across the changed text. */
function sameMentions(before: Entity[], after: Entity[], change: Change): boolean {
  if (before.length !== after.length) return false;
  for (let i = 0; i < before.length; i++) {
    const a = before[i];
    const b = after[i];
    const by = change.shiftOf(a);
    if (b.start !== a.start + by || b.end !== a.end + by) return false;
    if (a !== b && (a.text !== b.text || a.kind !== b.kind || a.canonical !== b.canonical)) return false;
  }
  return true;
}

/**
 * Some place of `names` in `text` overlaps the changed text, or touches it: a spread acronym reads the
 * character on either side of it.
 */
function touchesOccurrence(text: string, prefix: number, end: number, names: string[]): boolean {
  for (const name of names) {
    const from = Math.max(0, prefix - name.length);
    if (text.slice(from, end + name.length).includes(name)) return true;
  }
  return false;
}

/** Whether the gaps between neighbouring `mentions` that touch the changed text define as they did before. */
function sameDefinitions(beforeText: string, before: Entity[], text: string, mentions: Entity[], change: Change): boolean {
  // From the gap before the first mention after the edit, to the last gap starting in the changed text.
  for (let i = Math.max(0, countStartingBefore(before, change.prefix) - 1); i + 1 < before.length && before[i].end <= change.oldEnd; i++) {
    if (defines(beforeText, before[i].end, before[i + 1].start) !== defines(text, mentions[i].end, mentions[i + 1].start)) return false;
  }
  return true;
}

/** The number of `values` (in order) below `at`. */
function countBelow(values: Int32Array, at: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function sameLeaders(a: Map<string, string> | null, b: Map<string, string> | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.size !== b.size) return false;
  for (const [surname, party] of a) if (b.get(surname) !== party) return false;
  return true;
}

/** What the mentions whose reading of the text reaches the changed text state, the same before and after. */
function sameStatements(before: PartiesReading, text: string, columns: MentionColumns, change: Change): boolean {
  const { starts, ends } = before.columns;
  // Mention i reads from STATED_BEFORE before its start to STATED_AFTER after the end of mention i + STATED_AHEAD.
  const was: Statements = [];
  const is: Statements = [];
  for (let i = Math.max(0, countBelow(ends, change.prefix - STATED_AFTER) - STATED_AHEAD); i < starts.length && starts[i] - STATED_BEFORE <= change.oldEnd; i++) {
    statedAt(before.text, before.columns, i, before.facts[i], before.index, was);
    statedAt(text, columns, i, before.facts[i], before.index, is);
  }
  return sameList(was, is);
}

function sameList(a: Statements, b: Statements): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
