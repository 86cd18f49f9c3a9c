/**
 * Kinds of memo, as grounded theory distinguishes them: a memo on what a code means (code), on how
 * codes relate and what the emerging theory says (theoretical), on how the study is done
 * (methodological), and on the researcher's own position and reactions (reflexive).
 */
export const MEMO_KINDS = ['code', 'theoretical', 'methodological', 'reflexive'] as const;

export type MemoKind = (typeof MEMO_KINDS)[number];

export const MEMO_KIND_LABELS: Record<MemoKind, { label: string; detail: string }> = {
  code: { label: 'Code memo', detail: 'what a code means, its properties and dimensions' },
  theoretical: { label: 'Theoretical memo', detail: 'how codes relate; the emerging theory' },
  methodological: { label: 'Methodological memo', detail: 'decisions about sampling, coding and procedure' },
  reflexive: { label: 'Reflexive memo', detail: 'your own position, assumptions and reactions' },
};

/** The kind a front matter value names (any case, surrounding spaces ignored), if it names one. */
export function memoKindOf(value: unknown): MemoKind | undefined {
  if (typeof value !== 'string') return undefined;
  const word = value.trim().toLowerCase();
  return (MEMO_KINDS as readonly string[]).includes(word) ? (word as MemoKind) : undefined;
}

/** Heading for a group of memos of one kind (or of none). */
export function memoKindHeading(kind: MemoKind | undefined): string {
  return kind === undefined ? 'Memos of no kind' : `${MEMO_KIND_LABELS[kind].label}s`;
}
