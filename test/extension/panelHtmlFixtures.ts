import type { Summary } from '../../src/analysis/summary';
import type { Claim, Entity } from '../../src/analysis/types';

// A summary and entities whose every text field is hostile markup, for the escaping tests of the
// panel and the HTML export. Offsets index into `HOSTILE_TEXT`.

export const EVIL = `<script>alert(1)</script><img src=x onerror=alert(2)>"'&`;
export const HOSTILE_TEXT = `${EVIL} ${EVIL} ${EVIL}`;

const span = (start: number, end: number) => ({ start, end, text: EVIL });

export function hostileClaim(overrides: Partial<Claim> = {}): Claim {
  return {
    ...span(0, 10),
    cue: EVIL,
    cueSpan: { start: 2, end: 4 },
    hedged: true,
    hedges: [EVIL, 'reportedly'],
    source: { ...span(11, 20), kind: 'person', antecedent: span(21, 25) },
    stance: 'denies',
    channel: span(26, 30),
    quote: true,
    ...overrides,
  };
}

export function hostileEntities(): Entity[] {
  return [
    { ...span(0, 5), type: 'date', value: EVIL },
    { ...span(6, 9), type: 'date', value: EVIL },
    { ...span(10, 15), type: 'place', canonical: EVIL, country: EVIL, kind: EVIL },
    { ...span(16, 20), type: 'faction', canonical: EVIL, kind: EVIL },
  ];
}

export function hostileSummary(): Summary {
  const date = hostileEntities()[0];
  return {
    headline: EVIL,
    date: EVIL,
    dateline: EVIL,
    sentences: [span(0, 30)],
    claimsBySource: [{ source: span(11, 20), kind: 'person', claims: [hostileClaim(), hostileClaim({ source: null, cue: null, hedged: false, hedges: [] })] }],
    sourcing: { person: 3, role: 1, organisation: 0, media: 0, anonymous: 2, hedged: 1 },
    unattributed: [span(31, 40)],
    parties: [{ canonical: EVIL, aliases: [EVIL, `${EVIL}2`], mentions: 2, kind: EVIL }],
    relations: [{ from: EVIL, to: 'Other', kind: 'backs' }],
    places: [{ name: EVIL, mentions: 1, country: EVIL }],
    timeline: [{ value: EVIL, date, sentence: span(0, 30) }],
    counts: { claims: 2, dates: 2, places: 1, factions: 1 },
  };
}

export function emptySummary(): Summary {
  return {
    headline: null,
    date: null,
    dateline: null,
    sentences: [],
    claimsBySource: [],
    sourcing: { person: 0, role: 0, organisation: 0, media: 0, anonymous: 0, hedged: 0 },
    unattributed: [],
    parties: [],
    relations: [],
    places: [],
    timeline: [],
    counts: { claims: 0, dates: 0, places: 0, factions: 0 },
  };
}

/** Every real tag of a page: escaped text never starts one, since every `<` in it became `&lt;`. */
export function tagsOf(html: string): string[] {
  return html.match(/<[a-zA-Z!/][^>]*>/g) ?? [];
}

/** Attributes by name across every tag (name lowercased), e.g. to find `on*` handlers. */
export function attributeNames(html: string): string[] {
  const attribute = /\s([^\s"'=<>/]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?/g;
  return tagsOf(html).flatMap((tag) => [...tag.replace(/^<\/?[\w!-]+/, '').matchAll(attribute)].map((m) => m[1].toLowerCase()));
}
