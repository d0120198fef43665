import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Entity, EntityType, Span } from '../../src/analysis/types';

// The gold annotations — ours (test/fixtures/gold, on seeds/) and the shared seed's (read at run time
// from ../shared when the repository sits beside it, never copied) — and their entity scoring, counted
// as ../shared/eval/score.mjs counts: each required gold item takes the unused prediction of its type
// that overlaps it most; a prediction overlapping any gold item it may be (optional ones included) is
// neither right nor wrong.

export interface GoldEntity extends Entity {
  optional?: boolean;
  /** Another type the item may be found as ("supported by Egypt": a faction, or a place). */
  alt?: EntityType;
}

export interface GoldClaim extends Span {
  text: string;
  optional?: boolean;
  source: (Span & { text: string; kind?: string; alt?: Span[] }) | null;
}

export interface GoldDocument {
  /** The annotation's file name. */
  name: string;
  /** The article, as the CLI reads it (without a byte order mark). */
  text: string;
  entities: GoldEntity[];
  claims: GoldClaim[];
}

export interface GoldSet {
  name: string;
  seeds: string;
  gold: string;
}

const root = join(__dirname, '../..');

/** The sets present here: the shared one only beside ../shared. */
export const goldSets: GoldSet[] = [
  { name: 'own gold', seeds: join(root, 'seeds'), gold: join(root, 'test/fixtures/gold') },
  { name: 'shared seed', seeds: join(root, '../shared/seeds'), gold: join(root, '../shared/eval/gold') },
].filter((set) => existsSync(set.gold) && existsSync(set.seeds));

export function goldDocuments(set: GoldSet): GoldDocument[] {
  return readdirSync(set.gold)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const annotation = JSON.parse(readFileSync(join(set.gold, name), 'utf8')) as { file: string; entities: GoldEntity[]; claims?: GoldClaim[] };
      const text = readFileSync(join(set.seeds, basename(annotation.file)), 'utf8').replace(/^\uFEFF/, '');
      return { name, text, entities: annotation.entities, claims: annotation.claims ?? [] };
    });
}

const overlap = (a: Span, b: Span): number => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
const mayBe = (p: Entity, g: GoldEntity): boolean => p.type === g.type || p.type === g.alt;

/** Found, missed and spurious entities of one type over the documents added. */
export class EntityScore {
  tp = 0;
  fn = 0;
  fp = 0;
  /** "file: missed …" and "file: spurious …", for a failing expectation's message. */
  readonly errors: string[] = [];
  /** Each required gold item found, with the prediction it took. */
  readonly matched: [GoldEntity, Entity][] = [];

  constructor(private readonly type: EntityType) {}

  /** Scores `predicted` (entities of any type: gold items of every type take theirs, as score.mjs has them). */
  add(document: GoldDocument, predicted: readonly Entity[]): void {
    const used = new Set<Entity>();
    for (const g of document.entities.filter((e) => !e.optional)) {
      let best: Entity | undefined;
      for (const p of predicted) if (!used.has(p) && mayBe(p, g) && overlap(p, g) > (best ? overlap(best, g) : 0)) best = p;
      if (best) used.add(best);
      if (g.type !== this.type) continue;
      if (best) {
        this.tp++;
        this.matched.push([g, best]);
      } else {
        this.fn++;
        this.errors.push(`${document.name}: missed ${g.text}`);
      }
    }
    for (const p of predicted) {
      if (p.type !== this.type || used.has(p) || document.entities.some((g) => mayBe(p, g) && overlap(p, g) > 0)) continue;
      this.fp++;
      this.errors.push(`${document.name}: spurious ${p.text}`);
    }
  }

  get precision(): number {
    return this.tp / (this.tp + this.fp);
  }

  get recall(): number {
    return this.tp / (this.tp + this.fn);
  }

  get f1(): number {
    return (2 * this.precision * this.recall) / (this.precision + this.recall);
  }
}
