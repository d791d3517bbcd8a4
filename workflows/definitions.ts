import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type {
  Actor,
  Category,
  DecisionAction,
  DisputeFacts,
  Language,
  OrderFacts,
  TicketStatus,
  Urgency,
} from '../src/domain/types.js';

/** A coupon granted with a reply (compensation for a stalled parcel). */
export interface CouponGrant {
  code: string;
  value: number;
  currency: string;
}

/**
 * A ticket sellerdesk opens itself (a logistics stall, a pickup reminder): a fixed template
 * scenario replaces classification, and `autoSend` skips approval when the shop is entitled.
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

/** Start arguments of the ticket workflow; the workflow id is `ticket-<ticketId>`. */
export interface TicketInput {
  ticketId: string;
  shopId: string;
  orderId: string;
  buyerId: string;
  shopDefaultLanguage: Language;
  preset?: TicketPreset;
}

/** A buyer message delivered to a ticket workflow; `text` is already PII-redacted. */
export interface BuyerMessage {
  messageId: string;
  text: string;
  receivedAt: string;
  buyerName?: string;
  buyerLocale?: string;
  buyerCountry?: string;
  order?: OrderFacts;
  dispute?: DisputeFacts;
}

/** A seller decision on the current draft, from Telegram, Slack, the API or the CLI. */
export interface DecisionInput {
  action: DecisionAction;
  text?: string;
  actor: Actor;
}

/** What an accepted decision applied to. */
export interface DecisionResult {
  ticketId: string;
  action: DecisionAction;
  revision: number;
  decidedBy: Actor;
  decidedAt: string;
}

/** Live state of a ticket workflow, for chats that need it before the database catches up. */
export interface TicketState {
  ticketId: string;
  status: TicketStatus;
  revision: number;
  language?: Language;
  category?: Category;
  urgency?: Urgency;
  decision?: DecisionResult;
  /** The escalation that handed the ticket to the support team, if any. */
  escalation?: DecisionResult;
}

/** SLA timers of a shop (CONTRACT §2 `sla`), plus the dispute deadline of the ticket if any. */
export interface SlaSettings {
  remindAfterMinutes: number;
  escalateAfterMinutes: number;
  disputeLeadHours: number;
  disputeDeadline?: string;
}

/** Error types thrown by the decision validator; channels map them to user-facing text. */
export const DECISION_ERRORS = {
  alreadyDecided: 'already_decided',
  alreadyEscalated: 'already_escalated',
  notReady: 'draft_not_ready',
  editTextRequired: 'edit_text_required',
  editTextTooLong: 'edit_text_too_long',
} as const;

/** Longest reply a seller can send through an edit. */
export const MAX_REPLY_LENGTH = 4000;

/** Workflow id of the ticket workflow of a ticket. */
export function ticketWorkflowId(ticketId: string): string {
  return `ticket-${ticketId}`;
}

export const buyerMessageSignal = defineSignal<[BuyerMessage]>('buyerMessage');
export const decideUpdate = defineUpdate<DecisionResult, [DecisionInput]>('decide');
export const ticketStateQuery = defineQuery<TicketState>('ticketState');
