import type { Entity, RecogniserContext } from './types';

/** Date and duration mentions in one paragraph (offsets relative to `text`). */
export function findDates(_text: string, _context: RecogniserContext): Entity[] {
  return [];
}
