import { DECISION_ACTIONS, type DecisionAction } from '../../domain/types.js';

/** Parsed `callback_data` of an approval-card button: `<action>:<ticketId>` (CONTRACT §3). */
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
