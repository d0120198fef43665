/**
 * How many of `sorted` (in order of `start`) start before `at`: the index of the first one that
 * starts at or after it. A binary search, so looking up many offsets stays linear-logarithmic.
 */
export function countStartingBefore(sorted: readonly { start: number }[], at: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * `countStartingBefore(sorted, at)`, first looking at the few from `from` on: offsets looked up in text
 * order mostly land a step or two past the last one.
 */
export function countStartingBeforeNear(sorted: readonly { start: number }[], at: number, from: number): number {
  if (from > 0 && sorted[from - 1].start >= at) return countStartingBefore(sorted, at);
  const last = Math.min(sorted.length, from + 4);
  for (let i = from; i < last; i++) if (sorted[i].start >= at) return i;
  return last === sorted.length ? last : countStartingBefore(sorted, at);
}

export function isSortedByStart(spans: readonly { start: number }[]): boolean {
  for (let i = 1; i < spans.length; i++) if (spans[i].start < spans[i - 1].start) return false;
  return true;
}
