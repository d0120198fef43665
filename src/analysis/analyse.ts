import { BoundedMemo } from './boundedMemo';
import { findClaimsInWindows } from './claimWindows';
import { findDates } from './dates';
import { completeDatelineDate } from './datesDateline';
import { parseDocument } from './document';
import { findFactions, resolveParties } from './factions';
import { findPlaces, spreadPlaces } from './places';
import { splitSentences } from './sentences';
import type { AnalyseOptions, Analysis, DocumentModel, Entity, RecogniserContext, Span, UserLexicon } from './types';

// The entry point. Sentences are split and recognisers run paragraph by paragraph, on offsets
// relative to the paragraph, so an Analyser can cache both by paragraph text: after a one-character
// edit only the edited paragraph is split and recognised again. Document-level passes (spreading
// places, party merging, claims) run every time. `analyse` uses a fresh Analyser: nothing is cached.

const EMPTY_LEXICON: UserLexicon = {};

export function analyse(text: string, options: AnalyseOptions = {}): Analysis {
  return new Analyser(0).analyse(text, options); // one text: its paragraphs rarely repeat, so remember none
}

export class Analyser {
  private readonly entities: BoundedMemo<Entity[]>;
  private readonly sentences: BoundedMemo<Span[]>;
  private cacheLexicon: UserLexicon | undefined;

  /** @param maxCachedParagraphs bound on each paragraph cache (the oldest entries go first); 0 caches nothing. */
  constructor(maxCachedParagraphs = 20_000) {
    this.entities = new BoundedMemo(maxCachedParagraphs);
    this.sentences = new BoundedMemo(maxCachedParagraphs);
  }

  analyse(text: string, options: AnalyseOptions = {}): Analysis {
    const document = parseDocument(text, (paragraph) => this.sentences.get(paragraph, () => splitSentences(paragraph)));
    completeDatelineDate(document);
    const date = document.dateline?.date?.value ?? null;
    const context: RecogniserContext = {
      documentDate: date ?? options.referenceDate ?? null,
      lexicon: options.lexicon ?? EMPTY_LEXICON,
    };
    if (context.lexicon !== this.cacheLexicon) {
      this.entities.clear();
      this.cacheLexicon = context.lexicon;
    }

    const entities: Entity[] = datelineEntities(document);
    for (const paragraph of document.paragraphs) {
      for (const entity of this.recognise(text.slice(paragraph.start, paragraph.end), context)) {
        const moved = { ...entity }; // a bare spread is V8's fast copy; `{ ...entity, start }` is not
        moved.start += paragraph.start;
        moved.end += paragraph.start;
        entities.push(moved);
      }
    }
    entities.push(...spreadPlaces(text, entities)); // a place known from context in one paragraph is one in all

    const factions = entities.filter((e) => e.type === 'faction');
    const resolved = resolveParties(text, factions, context);
    const merged = dropIgnored(
      settleOverlaps([...entities.filter((e) => e.type !== 'faction'), ...resolved.factions]),
      context.lexicon,
    );
    return {
      document,
      date,
      entities: merged,
      claims: findClaimsInWindows(document, merged),
      parties: resolved.parties,
      relations: resolved.relations,
    };
  }

  private recognise(paragraph: string, context: RecogniserContext): Entity[] {
    return this.entities.get(`${context.documentDate ?? ''}\u0000${paragraph}`, () => [
      ...findDates(paragraph, context),
      ...findPlaces(paragraph, context),
      ...findFactions(paragraph, context),
    ]);
  }
}

/** The dateline's date and place are entities like any other. */
function datelineEntities(document: DocumentModel): Entity[] {
  const dateline = document.dateline;
  const found: Entity[] = [];
  if (dateline?.date) found.push({ type: 'date', ...dateline.date });
  if (dateline?.place) found.push({ type: 'place', ...dateline.place, kind: 'city' });
  return found;
}

/**
 * Sorted by offset; a place strictly inside a faction's span belongs to the faction ("the Tripoli
 * government"), and within one type the first, longest span wins.
 */
function settleOverlaps(entities: Entity[]): Entity[] {
  const sorted = entities.sort((a, b) => a.start - b.start || b.end - a.end);
  const lastEnd = new Map<string, number>();
  let faction = { start: -1, end: -1 }; // the faction reaching furthest among those started so far
  return sorted.filter((entity) => {
    if (entity.start < (lastEnd.get(entity.type) ?? 0)) return false;
    if (entity.type === 'faction' && entity.end > faction.end) faction = entity;
    if (entity.type === 'place' && entity.end <= faction.end && faction.end - faction.start > entity.end - entity.start) return false;
    lastEnd.set(entity.type, entity.end);
    return true;
  });
}

function dropIgnored(entities: Entity[], lexicon: UserLexicon): Entity[] {
  if (!lexicon.ignore?.length) return entities;
  const ignored = new Set(lexicon.ignore.map((name) => name.toLowerCase()));
  return entities.filter((e) => !ignored.has(e.text.toLowerCase()));
}
