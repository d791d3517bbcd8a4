/** The five buyer languages sellerdesk drafts replies in (docs/API.md). */
export const LANGUAGES = ['en', 'es', 'fr', 'ru', 'pt'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Intent categories a buyer message is labelled with (docs/API.md). */
export const CATEGORIES = [
  'not_received',
  'damaged',
  'not_as_described',
  'wrong_item',
  'refund_request',
  'cancel_order',
  'order_change',
  'return_exchange',
  'customs_tax',
  'payment',
  'shipping_inquiry',
  'product_question',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** How fast a ticket needs a human; `high` blocks auto-send and jumps the queue. */
export const URGENCIES = ['low', 'normal', 'high'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** Ticket lifecycle states visible through the API (docs/API.md). */
export const TICKET_STATUSES = [
  'queued',
  'classifying',
  'awaiting_approval',
  'sent',
  'auto_sent',
  'rejected',
  'escalated',
  'closed',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Seller decisions on a draft, from any channel. */
export const DECISION_ACTIONS = ['approve', 'edit', 'reject', 'escalate'] as const;
export type DecisionAction = (typeof DECISION_ACTIONS)[number];

/** Type guard for values arriving from the outside (API, locale headers). */
export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Order facts a buyer message carried; used to fill reply templates. */
export interface OrderFacts {
  items?: string[];
  total?: number;
  currency?: string;
  trackingNumber?: string;
  carrier?: string;
}

/** An open marketplace dispute attached to the conversation. */
export interface DisputeFacts {
  id: string;
  reason?: string;
  deadline?: string;
}

/** Who acted on a ticket: a chat user, an API caller or the system. */
export interface Actor {
  channel: 'telegram' | 'slack' | 'api' | 'cli' | 'console' | 'system';
  id: string;
  name?: string;
}
