import { type Category, DECISION_ACTIONS, type DecisionAction } from '../../domain/types.js';

/** Parsed `callback_data` of an approval-card button: `<action>:<ticketId>` (docs/API.md, "Chat actions"). */
export interface DecisionCallback {
  action: DecisionAction;
  ticketId: string;
}

const TICKET_ID = /^[A-Za-z0-9_-]{1,60}$/;

/** Builds the callback data of a card button (at most 64 bytes, as Telegram requires). */
export function encodeDecisionCallback(action: DecisionAction, ticketId: string): string {
  return `${action}:${ticketId}`;
}

/** Parses a button press; null for anything that is not one of our four actions. */
export function parseDecisionCallback(data: string | undefined): DecisionCallback | null {
  if (!data) return null;
  const index = data.indexOf(':');
  if (index < 0) return null;
  const action = data.slice(0, index);
  const ticketId = data.slice(index + 1);
  if (!(DECISION_ACTIONS as readonly string[]).includes(action) || !TICKET_ID.test(ticketId)) return null;
  return { action: action as DecisionAction, ticketId };
}

/** Telegram's limit for a button's `callback_data`, in bytes. */
export const CALLBACK_DATA_MAX_BYTES = 64;

/**
 * Two-letter codes of the categories in `setcat:` buttons. Stable on purpose (never positions in
 * CATEGORIES): a card posted before a category was added must still mean what it showed.
 */
export const CATEGORY_CODES: Readonly<Record<Category, string>> = {
  not_received: 'nr',
  damaged: 'dm',
  not_as_described: 'nd',
  wrong_item: 'wi',
  refund_request: 'rf',
  cancel_order: 'co',
  order_change: 'oc',
  return_exchange: 're',
  customs_tax: 'ct',
  payment: 'pm',
  shipping_inquiry: 'si',
  product_question: 'pq',
  other: 'ot',
};

const CATEGORY_BY_CODE = new Map(
  Object.entries(CATEGORY_CODES).map(([category, code]) => [code, category as Category]),
);

/**
 * A press of the card's category buttons: `category:<ticketId>` opens the list of categories,
 * `setcat:<code>:<ticketId>` corrects the ticket to one of them, `catback:<ticketId>` puts the
 * decision buttons back.
 */
export type CategoryCallback =
  | { kind: 'open'; ticketId: string }
  | { kind: 'set'; ticketId: string; category: Category }
  | { kind: 'back'; ticketId: string };

function fits(data: string): string {
  if (new TextEncoder().encode(data).length > CALLBACK_DATA_MAX_BYTES) {
    throw new Error(`callback data longer than ${CALLBACK_DATA_MAX_BYTES} bytes`);
  }
  return data;
}

/** Builds the callback data of a category button; throws past Telegram's 64 bytes. */
export function encodeCategoryCallback(callback: CategoryCallback): string {
  switch (callback.kind) {
    case 'open':
      return fits(`category:${callback.ticketId}`);
    case 'set':
      return fits(`setcat:${CATEGORY_CODES[callback.category]}:${callback.ticketId}`);
    case 'back':
      return fits(`catback:${callback.ticketId}`);
  }
}

/** Parses a category button press; null for anything else (including unknown category codes). */
export function parseCategoryCallback(data: string | undefined): CategoryCallback | null {
  if (!data) return null;
  const [head, ...rest] = data.split(':');
  if (head === 'category' || head === 'catback') {
    const ticketId = rest.join(':');
    if (rest.length !== 1 || !TICKET_ID.test(ticketId)) return null;
    return { kind: head === 'category' ? 'open' : 'back', ticketId };
  }
  if (head === 'setcat' && rest.length === 2) {
    const category = CATEGORY_BY_CODE.get(rest[0]!);
    const ticketId = rest[1]!;
    if (!category || !TICKET_ID.test(ticketId)) return null;
    return { kind: 'set', ticketId, category };
  }
  return null;
}
