import type { Actor, Category } from '../types.js';
import { DECISION_ERRORS, type DecisionRefusal } from './decision.js';
import type { DecisionResult, TicketFlowState } from './types.js';

/** Codes of refused category corrections besides the decision ones (decided, not ready). */
export const CORRECTION_ERRORS = {
  /** The draft already has this category. */
  unchanged: 'category_unchanged',
  /** A ticket sellerdesk opened itself (a stall apology) has a fixed scenario, not a category to correct. */
  systemTicket: 'not_a_buyer_ticket',
} as const;

/** A seller's category correction as the ticket workflow receives it: a label and who, no text. */
export interface CategoryCorrectionRequest {
  category: Category;
  actor: Actor;
}

/** An accepted correction: the category the seller chose, the one it replaces, and the revision it redrafts. */
export interface CategoryCorrection {
  ticketId: string;
  category: Category;
  correctedFrom: Category;
  /** The revision that will carry the redrafted reply. */
  revision: number;
  correctedBy: Actor;
  correctedAt: string;
}

/** Why a correction was refused; `decided` is the decision it came too late for. */
export interface CorrectionRefusal {
  code: DecisionRefusal['code'] | (typeof CORRECTION_ERRORS)[keyof typeof CORRECTION_ERRORS];
  message: string;
  decided?: DecisionResult;
}

/**
 * Whether a correction may be applied now: only on a buyer ticket's finished draft (waiting for
 * the seller or with the team), before any decision, with no newer message or correction waiting,
 * and to a category other than the draft's.
 */
export function refuseCorrection(
  flow: Pick<TicketFlowState, 'status' | 'decision' | 'category' | 'correction'>,
  request: CategoryCorrectionRequest,
  context: { system: boolean; messagesWaiting: boolean },
): CorrectionRefusal | undefined {
  if (flow.decision) {
    const by = flow.decision.decidedBy.name ?? flow.decision.decidedBy.id;
    return {
      code: DECISION_ERRORS.alreadyDecided,
      message: `already decided (${flow.decision.action}) by ${by} at ${flow.decision.decidedAt}`,
      decided: flow.decision,
    };
  }
  if (context.system) {
    return {
      code: CORRECTION_ERRORS.systemTicket,
      message:
        'sellerdesk opened this ticket itself with a fixed reply scenario: there is no category to correct',
    };
  }
  const open = flow.status === 'awaiting_approval' || flow.status === 'escalated';
  if (!open || !flow.category || context.messagesWaiting || flow.correction) {
    return {
      code: DECISION_ERRORS.notReady,
      message: 'the draft is being prepared or updated; try again in a moment',
    };
  }
  if (request.category === flow.category) {
    return {
      code: CORRECTION_ERRORS.unchanged,
      message: `the draft is already in category ${flow.category}`,
    };
  }
  return undefined;
}

/**
 * Applies an accepted correction to the flow: it waits (`correction`) for the next round, which
 * redrafts revision `revision + 1` in that category, and the category stays the seller's
 * (`correctedCategory`) for every later draft of the ticket.
 */
export function acceptCorrection(
  flow: TicketFlowState,
  request: CategoryCorrectionRequest,
  at: string,
): CategoryCorrection {
  const from = flow.category as Category;
  flow.correction = { category: request.category, from, actor: request.actor, at };
  flow.correctedCategory = request.category;
  return {
    ticketId: flow.ticketId,
    category: request.category,
    correctedFrom: from,
    revision: flow.revision + 1,
    correctedBy: request.actor,
    correctedAt: at,
  };
}
