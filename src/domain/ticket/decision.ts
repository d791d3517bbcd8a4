import type { Actor, DecisionAction, TicketStatus } from '../types.js';
import type { DecisionResult, DraftSummary, TicketFlowState } from './types.js';

/** Codes of refused decisions; channels map them to user-facing text. */
export const DECISION_ERRORS = {
  alreadyDecided: 'already_decided',
  alreadyEscalated: 'already_escalated',
  notReady: 'draft_not_ready',
  editTextRequired: 'edit_text_required',
  editTextTooLong: 'edit_text_too_long',
} as const;

/** Longest reply a seller can send through an edit. */
export const MAX_REPLY_LENGTH = 4000;

/** Why a decision was refused, and the earlier decision it lost to, if any. */
export interface DecisionRefusal {
  code: (typeof DECISION_ERRORS)[keyof typeof DECISION_ERRORS];
  message: string;
  decided?: DecisionResult;
}

/** A decision as the ticket workflow receives it: an edit names its stored text by id. */
export interface DecisionRequest {
  action: DecisionAction;
  editId?: number;
  actor: Actor;
}

/** An edited reply, trimmed, or the refusal for an empty or oversize text. */
export function checkEditText(
  text: string | undefined,
): { ok: true; text: string } | { ok: false; refusal: DecisionRefusal } {
  const trimmed = text?.trim() ?? '';
  if (trimmed === '') {
    return {
      ok: false,
      refusal: { code: DECISION_ERRORS.editTextRequired, message: 'an edit needs the new reply text' },
    };
  }
  if (trimmed.length > MAX_REPLY_LENGTH) {
    return {
      ok: false,
      refusal: {
        code: DECISION_ERRORS.editTextTooLong,
        message: `the reply is longer than ${MAX_REPLY_LENGTH} characters`,
      },
    };
  }
  return { ok: true, text: trimmed };
}

function who(decision: DecisionResult): string {
  return decision.decidedBy.name ?? decision.decidedBy.id;
}

/**
 * Whether a decision may be applied now: the first decision wins, a ticket is escalated once,
 * the seller decides only on a finished draft with no newer buyer message waiting, and an edit
 * carries its stored text.
 */
export function refuseDecision(
  flow: Pick<TicketFlowState, 'status' | 'decision' | 'escalation'>,
  request: DecisionRequest,
  messagesWaiting: boolean,
): DecisionRefusal | undefined {
  if (flow.decision) {
    return {
      code: DECISION_ERRORS.alreadyDecided,
      message: `already decided (${flow.decision.action}) by ${who(flow.decision)} at ${flow.decision.decidedAt}`,
      decided: flow.decision,
    };
  }
  if (request.action === 'escalate' && flow.escalation) {
    return {
      code: DECISION_ERRORS.alreadyEscalated,
      message: `already escalated by ${who(flow.escalation)} at ${flow.escalation.decidedAt}`,
      decided: flow.escalation,
    };
  }
  const open = flow.status === 'awaiting_approval' || flow.status === 'escalated';
  if (!open || messagesWaiting) {
    return {
      code: DECISION_ERRORS.notReady,
      message: 'the draft is being prepared or updated; try again in a moment',
    };
  }
  if (request.action === 'edit' && !(Number.isInteger(request.editId) && request.editId! > 0)) {
    return { code: DECISION_ERRORS.editTextRequired, message: 'an edit needs the new reply text' };
  }
  return undefined;
}

/** The decision record of an accepted request: an edit is a new revision. */
export function acceptDecision(
  ticketId: string,
  revision: number,
  request: DecisionRequest,
  decidedAt: string,
): DecisionResult {
  return {
    ticketId,
    action: request.action,
    revision: request.action === 'edit' ? revision + 1 : revision,
    decidedBy: request.actor,
    decidedAt,
  };
}

/** The decision sellerdesk makes itself when the auto-send gate allows a draft. */
export function autoSendDecision(
  ticketId: string,
  revision: number,
  rule: string,
  decidedAt: string,
): DecisionResult {
  return {
    ticketId,
    action: 'approve',
    revision,
    decidedBy: { channel: 'system', id: 'auto-send', name: `auto-send (${rule})` },
    decidedAt,
  };
}

/** The escalation sellerdesk records itself when an SLA deadline passes. */
export function slaEscalation(
  ticketId: string,
  revision: number,
  reason: string,
  decidedAt: string,
): DecisionResult {
  return {
    ticketId,
    action: 'escalate',
    revision,
    decidedBy: { channel: 'system', id: 'sla', name: reason },
    decidedAt,
  };
}

/** Why the team got the ticket, as the team card and the timeline say it. */
export function escalationReason(escalation: DecisionResult): string {
  return escalation.decidedBy.channel === 'system'
    ? (escalation.decidedBy.name ?? 'sla')
    : 'escalated by the seller';
}

/** The status a decided ticket ends in. */
export function finalStatus(decision: DecisionResult, autoSent: boolean): TicketStatus {
  if (autoSent) return 'auto_sent';
  switch (decision.action) {
    case 'reject':
      return 'rejected';
    case 'escalate':
      return 'escalated';
    default:
      return 'sent';
  }
}

/** Whether a final status means a reply goes to the buyer. */
export function deliversReply(status: TicketStatus): boolean {
  return status === 'sent' || status === 'auto_sent';
}

/**
 * Whether a finished draft may go out without a human, and as which kind of ticket the gate
 * should judge it: a system ticket's preset draft when the shop opted in, a buyer draft unless
 * the team has the ticket; never a fallback draft (no text to send), never a draft whose
 * category the seller corrected (a correction redrafts for the seller's decision).
 */
export function autoSendCandidate(
  draft: Pick<DraftSummary, 'source' | 'preset' | 'corrected'>,
  escalated: boolean,
): 'system' | 'buyer' | undefined {
  if (draft.source !== 'template' || draft.corrected) return undefined;
  if (draft.preset) return draft.preset.autoSend ? 'system' : undefined;
  return escalated ? undefined : 'buyer';
}
