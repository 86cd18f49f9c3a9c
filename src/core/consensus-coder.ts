/**
 * The coder reconciled coding is written as (its id is also its file name). It is shared by
 * reconciling, which writes it, and agreement, which leaves it out: the consensus is made from the
 * other coders' coding, so comparing it with them would measure the reconciliation, not agreement.
 */
export const CONSENSUS_CODER = { id: 'consensus', name: 'Consensus' } as const;

/** Whether agreement compares this coder when no coders are named. */
export function comparedByDefault(coderId: string): boolean {
  return coderId !== CONSENSUS_CODER.id;
}
