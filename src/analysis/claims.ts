import type { Claim, DocumentModel, Entity } from './types';

/** Reported statements with their attribution, over the whole document. */
export function findClaims(_document: DocumentModel, _entities: readonly Entity[]): Claim[] {
  return [];
}
