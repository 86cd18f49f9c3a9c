/**
 * One string object for equal strings read from many files (code ids named by thousands of
 * segments). Bounded: when full it starts again, so ids from projects long closed are not kept.
 */
export class SharedStrings {
  private readonly strings = new Map<string, string>();

  constructor(private readonly capacity: number) {}

  /** The string kept for `value`'s text; `value` itself the first time. */
  shared(value: string): string {
    const kept = this.strings.get(value);
    if (kept !== undefined) return kept;
    if (this.strings.size >= this.capacity) this.strings.clear();
    this.strings.set(value, value);
    return value;
  }
}
