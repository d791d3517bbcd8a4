/**
 * The ticket workflow's contract: what clients (the ticket service, the intake drainer, erasure,
 * the chats) and the workflow share. Clients import this module, never `workflows/ticket.ts`.
 */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { DecisionRequest, DecisionResult, TicketFlowState } from '../../src/domain/ticket/index.js';
import type { Actor, Category, DecisionAction, Language, TicketStatus } from '../../src/domain/types.js';

export type { DecisionRequest, DecisionResult, SlaSettings } from '../../src/domain/ticket/index.js';
export { DECISION_ERRORS, MAX_REPLY_LENGTH } from '../../src/domain/ticket/index.js';

/** A coupon granted with a reply (compensation for a stalled parcel). */
export interface CouponGrant {
  code: string;
  value: number;
  currency: string;
}

/**
 * A ticket sellerdesk opens itself (a logistics stall, a pickup reminder): a fixed template
 * scenario replaces classification, and `autoSend` skips approval when the shop is entitled.
 * Stored with the ticket (its `system_opened` event); the workflow only learns the ticket id.
 */
export interface TicketPreset {
  templateId: string;
  category: Category;
  language: Language;
  vars: Record<string, string | number | string[]>;
  coupon?: CouponGrant;
  autoSend: boolean;
  /** Why sellerdesk opened it, shown on the card and the ticket. */
  reason: string;
}

/**
 * Start arguments of the ticket workflow (workflow id `ticket-<ticketId>`): ids only, never buyer
 * data, which activities load from the database. `flow` and `inbox` are set by continue-as-new.
 */
export interface TicketInput {
  ticketId: string;
  shopId: string;
  /** A ticket sellerdesk opened itself: its preset draft is made without a buyer message. */
  system?: boolean;
  /** The state a previous run handed over (continue-as-new). */
  flow?: TicketFlowState;
  /**
   * Ids of buyer messages not drafted yet: handed over by a previous run, or the first message of
   * a ticket started without signal-with-start (e.g. an eager start from an outbox drainer).
   */
  inbox?: string[];
}

/** A buyer message handed to a ticket workflow: its id only; the text stays in the database. */
export interface BuyerMessageRef {
  messageId: string;
}

/**
 * A seller decision as channels hand it to the ticket service. The service stores an edit's text
 * and passes the workflow only its reference (`DecisionRequest.editId`).
 */
export interface DecisionInput {
  action: DecisionAction;
  text?: string;
  actor: Actor;
}

/** Live state of a ticket workflow, for chats that need it before the database catches up. */
export type TicketState = Pick<
  TicketFlowState,
  'ticketId' | 'status' | 'revision' | 'language' | 'category' | 'urgency' | 'decision' | 'escalation'
>;

/** Outcome of a ticket: what was decided and whether a reply reached the buyer. */
export interface TicketOutcome {
  ticketId: string;
  status: TicketStatus;
  revision: number;
  decision: DecisionResult;
}

/** Workflow type of the ticket workflow (the exported function `workflows/ticket.ts` registers). */
export const TICKET_WORKFLOW = 'ticketWorkflow';

/** Workflow id of the ticket workflow of a ticket. */
export function ticketWorkflowId(ticketId: string): string {
  return `ticket-${ticketId}`;
}

/** A new buyer message for the ticket (signal-with-start from the intake drainer and spin-offs). */
export const buyerMessageSignal = defineSignal<[BuyerMessageRef]>('buyerMessage');
/** A seller decision; answers with the decision applied, or fails with a `DECISION_ERRORS` code. */
export const decideUpdate = defineUpdate<DecisionResult, [DecisionRequest]>('decide');
/** Live state of the ticket. */
export const ticketStateQuery = defineQuery<TicketState>('ticketState');
