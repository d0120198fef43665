import type { UserLexicon } from './types';

// The user's lexicon (`.newsreview/lexicon.json`, the `newsReview.lexicon` setting) checked entry by
// entry: a bad entry is dropped with a problem naming where it is, the rest is kept. Plain JSON.parse
// only — nothing in the file is ever evaluated — and size limits keep a huge file from stalling analysis.

export const MAX_LEXICON_CHARS = 1024 * 1024;
export const MAX_LEXICON_ENTRIES = 10_000;
const MAX_NAME_LENGTH = 200;
const MAX_ALIASES = 100;

type FactionEntry = NonNullable<UserLexicon['factions']>[number];
type PlaceEntry = NonNullable<UserLexicon['places']>[number];

export function parseUserLexicon(json: string): { lexicon: UserLexicon; problems: string[] } {
  const problems: string[] = [];
  if (typeof json !== 'string') return { lexicon: {}, problems: ['The lexicon is not text.'] };
  if (json.length > MAX_LEXICON_CHARS) return { lexicon: {}, problems: [`The lexicon is larger than ${MAX_LEXICON_CHARS / 1024 / 1024} MB and is ignored.`] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(json.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { lexicon: {}, problems: [`The lexicon is not valid JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  return { lexicon: validateUserLexicon(parsed, problems), problems };
}

/** The valid part of an already parsed lexicon (the setting arrives parsed). */
export function validateUserLexicon(value: unknown, problems: string[] = []): UserLexicon {
  if (!isObject(value)) {
    problems.push('The lexicon must be a JSON object with "factions", "places" and "ignore" lists.');
    return {};
  }
  for (const key of Object.keys(value)) {
    if (key !== 'factions' && key !== 'places' && key !== 'ignore' && key !== '$schema') problems.push(`Unknown key "${key}" is ignored.`);
  }
  const budget = { left: MAX_LEXICON_ENTRIES };
  const lexicon: UserLexicon = {};
  const factions = list(value, 'factions', problems, budget, (item, where) => faction(item, where, problems));
  if (factions) lexicon.factions = factions;
  const places = list(value, 'places', problems, budget, (item, where) => place(item, where, problems));
  if (places) lexicon.places = places;
  const ignore = list(value, 'ignore', problems, budget, (item, where) => (name(item, where, problems) ?? undefined));
  if (ignore) lexicon.ignore = ignore;
  return lexicon;
}

function list<T>(
  lexicon: Record<string, unknown>,
  key: string,
  problems: string[],
  budget: { left: number },
  read: (item: unknown, where: string) => T | undefined,
): T[] | undefined {
  const items = lexicon[key];
  if (items === undefined) return undefined;
  if (!Array.isArray(items)) {
    problems.push(`"${key}" must be a list; it is ignored.`);
    return undefined;
  }
  const out: T[] = [];
  for (let i = 0; i < items.length; i++) {
    if (budget.left <= 0) {
      problems.push(`The lexicon has more than ${MAX_LEXICON_ENTRIES} entries; "${key}" is cut at entry ${i + 1}.`);
      break;
    }
    budget.left--;
    const entry = read(items[i], `${key}[${i}]`);
    if (entry !== undefined) out.push(entry);
  }
  return out;
}

/** The common head of a faction or place entry: a bare name, or an object with a `name`. */
function namedEntry(item: unknown, where: string, problems: string[]): { name: string; fields: Record<string, unknown> } | undefined {
  if (typeof item === 'string') {
    const n = name(item, where, problems);
    return n ? { name: n, fields: {} } : undefined;
  }
  if (!isObject(item)) {
    problems.push(`${where} must be an object with a "name".`);
    return undefined;
  }
  const n = name(item.name, `${where}.name`, problems);
  return n ? { name: n, fields: item } : undefined;
}

function faction(item: unknown, where: string, problems: string[]): FactionEntry | undefined {
  const head = namedEntry(item, where, problems);
  if (!head) return undefined;
  const entry: FactionEntry = { name: head.name };
  const aliases = names(head.fields.aliases, `${where}.aliases`, problems);
  if (aliases) entry.aliases = aliases;
  const backers = names(head.fields.backers, `${where}.backers`, problems);
  if (backers) entry.backers = backers;
  return entry;
}

function place(item: unknown, where: string, problems: string[]): PlaceEntry | undefined {
  const head = namedEntry(item, where, problems);
  if (!head) return undefined;
  const entry: PlaceEntry = { name: head.name };
  const { fields } = head;
  if (fields.country !== undefined) {
    if (typeof fields.country === 'string' && /^[A-Za-z]{2}$/.test(fields.country)) entry.country = fields.country.toUpperCase();
    else problems.push(`${where}.country must be a two-letter ISO 3166 code; it is ignored.`);
  }
  if (fields.kind !== undefined) {
    if (typeof fields.kind === 'string' && ['country', 'region', 'city', 'locality', 'airport'].includes(fields.kind)) entry.kind = fields.kind;
    else problems.push(`${where}.kind must be one of country, region, city, locality, airport; it is ignored.`);
  }
  return entry;
}

function names(value: unknown, where: string, problems: string[]): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) {
    problems.push(`${where} must be a list of names; it is ignored.`);
    return undefined;
  }
  if (value.length > MAX_ALIASES) problems.push(`${where} has more than ${MAX_ALIASES} names; the rest are ignored.`);
  const out: string[] = [];
  value.slice(0, MAX_ALIASES).forEach((item, i) => {
    const n = name(item, `${where}[${i}]`, problems);
    if (n) out.push(n);
  });
  return out;
}

function name(value: unknown, where: string, problems: string[]): string | null {
  if (typeof value !== 'string' || !value.trim()) {
    problems.push(`${where} must be a non-empty string.`);
    return null;
  }
  if (value.length > MAX_NAME_LENGTH) {
    problems.push(`${where} is longer than ${MAX_NAME_LENGTH} characters; it is ignored.`);
    return null;
  }
  return value.trim();
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
