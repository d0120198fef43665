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

/** `spans` sorted by start, in place: most lists come in order already, and a look costs less than the sort. */
export function sortedByStart<T extends { start: number }>(spans: T[]): T[] {
  return isSortedByStart(spans) ? spans : spans.sort((a, b) => a.start - b.start);
}

/**
 * `list` sorted in place by `compare` (stably), without the sort when it is in order already, as lists
 * found in one pass mostly are: Array.prototype.sort copies a list even then, and calls `compare` more.
 */
export function sortedInPlace<T>(list: T[], compare: (a: T, b: T) => number): T[] {
  for (let i = 1; i < list.length; i++) if (compare(list[i - 1], list[i]) > 0) return list.sort(compare);
  return list;
}

/** Text order for spans that may nest: by start, the longer first at one start. */
export function byTextOrder(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return a.start - b.start || b.end - a.end;
}

/**
 * Two lists in text order (see `byTextOrder`) as one, as a stable sort of `a` then `b` would give:
 * at equal spans, `a`'s first.
 */
export function mergedInTextOrder<T extends { start: number; end: number }>(a: readonly T[], b: readonly T[]): T[] {
  const merged = new Array<T>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    const x = a[i];
    const y = b[j];
    merged[k++] = y.start < x.start || (y.start === x.start && y.end > x.end) ? b[j++] : a[i++];
  }
  while (i < a.length) merged[k++] = a[i++];
  while (j < b.length) merged[k++] = b[j++];
  return merged;
}
