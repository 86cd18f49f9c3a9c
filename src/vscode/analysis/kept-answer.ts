/**
 * One answer kept for one project preparation and one view state: asked again for the same pair,
 * the same promise is returned instead of working it out again. A failure is not kept, so the same
 * request later is worked out afresh.
 */
export class KeptAnswer<T> {
  private kept: { prepared: unknown; key: string; value: Promise<T> } | undefined;

  get(prepared: unknown, key: string, make: () => Promise<T>): Promise<T> {
    const kept = this.kept;
    if (kept !== undefined && kept.prepared === prepared && kept.key === key) return kept.value;
    const value = make();
    this.kept = { prepared, key, value };
    value.catch(() => {
      if (this.kept?.value === value) this.kept = undefined;
    });
    return value;
  }
}
