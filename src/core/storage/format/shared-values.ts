/**
 * One object for equal values read from many files: a code id, or a list of code ids, named by
 * thousands of segments is kept once instead of once per segment. Bounded: when full it starts
 * again, so values from projects long closed are not kept.
 */
export class SharedValues<T> {
  private readonly values = new Map<string, T>();

  constructor(private readonly capacity: number) {}

  get(key: string): T | undefined {
    return this.values.get(key);
  }

  /** The value kept under `key`: `value` itself, unless one is kept there already. */
  keep(key: string, value: T): T {
    const kept = this.values.get(key);
    if (kept !== undefined) return kept;
    if (this.values.size >= this.capacity) this.values.clear();
    this.values.set(key, value);
    return value;
  }
}
