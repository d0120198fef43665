import type { Entity, RecogniserContext } from './types';

/** Place mentions in one paragraph (offsets relative to `text`). */
export function findPlaces(_text: string, _context: RecogniserContext): Entity[] {
  return [];
}
