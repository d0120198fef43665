/**
 * What was computed from a string, by that string, for at most `limit` strings (0: none kept): past
 * it the oldest entry goes, so a cache kept across documents stays bounded over any stream of texts.
 * Values are never `undefined`.
 */
export class BoundedMemo<V> {
  private readonly values = new Map<string, V>();

  constructor(private readonly limit: number) {}

  /** The value kept for `key`, or else `compute`'s, kept. */
  get(key: string, compute: (key: string) => V): V {
    if (this.limit === 0) return compute(key);
    let value = this.values.get(key);
    if (value === undefined) {
      value = compute(key);
      if (this.values.size >= this.limit) this.values.delete(this.values.keys().next().value as string);
      this.values.set(key, value);
    }
    return value;
  }

  clear(): void {
    this.values.clear();
  }
}
