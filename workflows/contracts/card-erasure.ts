/**
 * The card erasure workflow's contract: what the erasure service and the workflow share. Clients
 * import this module, never `workflows/erasure.ts`.
 */

/** Workflow type of the card erasure (the exported function `workflows/erasure.ts` registers). */
export const CARD_ERASURE_WORKFLOW = 'cardErasureWorkflow';

/** Input of the card erasure: ids only, never the buyer's id or text (it rides in histories). */
export interface CardErasureInput {
  shopId: string;
  ticketIds: string[];
  /** A buyer's request, or the retention schedule. */
  reason: 'request' | 'retention';
}

/** Workflow id of the card erasure of one erasure request. */
export function cardErasureWorkflowId(shopId: string, requestId: string): string {
  return `erase-cards-${shopId}-${requestId}`;
}
