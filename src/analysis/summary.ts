import type { Analysis, Claim, Entity, Party, Relation, SourceKind, TextSpan } from './types';

export interface SourceGroup {
  /** The source as written, or null for claims resting on hedges alone. */
  source: TextSpan | null;
  kind: SourceKind | null;
  claims: Claim[];
}

export interface TimelineEntry {
  value: string;
  date: Entity;
  /** The sentence the date stands in. */
  sentence: TextSpan;
}

export interface Summary {
  headline: string | null;
  date: string | null;
  /** The extractive summary: the lead and the sentences richest in claims and entities. */
  sentences: TextSpan[];
  claimsBySource: SourceGroup[];
  /** How many claims rest on each kind of source; `hedged` counts claims with no source but a hedge. */
  sourcing: Record<SourceKind | 'hedged', number>;
  unattributed: TextSpan[];
  parties: Party[];
  relations: Relation[];
  places: { name: string; mentions: number; country?: string }[];
  timeline: TimelineEntry[];
}

export function summarise(analysis: Analysis): Summary {
  const text = analysis.document.text;
  const headline = analysis.document.headline?.text ?? null;
  const sourcing: Summary['sourcing'] = { person: 0, role: 0, organisation: 0, media: 0, anonymous: 0, hedged: 0 };
  for (const claim of analysis.claims) {
    if (claim.source) sourcing[claim.source.kind]++;
    else if (claim.hedged) sourcing.hedged++;
  }
  const lead = analysis.document.paragraphs[0]?.sentences[0];
  return {
    headline,
    date: analysis.date,
    sentences: lead ? [{ text: text.slice(lead.start, lead.end), ...lead }] : [],
    claimsBySource: [],
    sourcing,
    unattributed: [],
    parties: analysis.parties,
    relations: analysis.relations,
    places: [],
    timeline: [],
  };
}
