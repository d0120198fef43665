import type { Entity, Party, RecogniserContext, Relation } from './types';

/** Faction mentions in one paragraph (offsets relative to `text`). */
export function findFactions(_text: string, _context: RecogniserContext): Entity[] {
  return [];
}

/**
 * Document-level pass: gives every mention of one party the same `canonical` (acronym definitions,
 * "known as", possessives), and collects the parties and the backing relations the text states.
 */
export function resolveParties(_text: string, factions: Entity[], _context: RecogniserContext): { factions: Entity[]; parties: Party[]; relations: Relation[] } {
  return { factions, parties: [], relations: [] };
}
