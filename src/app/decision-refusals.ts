import type { CORRECTION_ERRORS, DECISION_ERRORS } from '../domain/ticket/index.js';

/** Refusal code of a decision on a closed ticket (e.g. its buyer was erased): nothing is sent. */
export const TICKET_CLOSED = 'ticket_closed';

/** Refusal code of a decision on a ticket that does not exist (or belongs to another shop). */
export const TICKET_NOT_FOUND = 'ticket_not_found';

/**
 * Refusal code of an edit whose text does not read as the buyer's language: nothing was sent; the
 * seller confirms (`confirmLanguage`, `confirm: true` in the API, or `sendHeldEdit`) to send it.
 */
export const EDIT_LANGUAGE_MISMATCH = 'edit_language_mismatch';

/** Refusal code of `sendHeldEdit` for a held text that is unknown or belongs to another ticket. */
export const HELD_EDIT_NOT_FOUND = 'held_edit_not_found';

type RefusalCode =
  | (typeof DECISION_ERRORS)[keyof typeof DECISION_ERRORS]
  | (typeof CORRECTION_ERRORS)[keyof typeof CORRECTION_ERRORS]
  | typeof TICKET_CLOSED
  | typeof TICKET_NOT_FOUND
  | typeof EDIT_LANGUAGE_MISMATCH
  | typeof HELD_EDIT_NOT_FOUND;

/**
 * Every reason a decision (or a category correction) can be refused, in one table for every
 * channel: the HTTP status the API answers (`POST /v1/tickets/:ticketId/decision`, which the CLI
 * calls, and `POST /v1/tickets/:ticketId/category`), and whether the chats word
 * it themselves (`worded`: Telegram's `error.<code>` texts in each language, Slack's sentences)
 * rather than showing the refusal's message. `already_decided` and `already_escalated` are worded
 * with who decided first, from the refusal's `decided`.
 */
export const DECISION_REFUSALS = {
  ticket_not_found: { status: 404, worded: true },
  ticket_closed: { status: 409, worded: true },
  already_decided: { status: 409, worded: false },
  already_escalated: { status: 400, worded: false },
  draft_not_ready: { status: 409, worded: true },
  edit_text_required: { status: 400, worded: true },
  edit_text_too_long: { status: 400, worded: true },
  category_unchanged: { status: 409, worded: true },
  not_a_buyer_ticket: { status: 409, worded: true },
  // Worded from the hold (which languages), not from one fixed sentence.
  edit_language_mismatch: { status: 422, worded: false },
  held_edit_not_found: { status: 404, worded: true },
} as const satisfies Record<RefusalCode, { status: number; worded: boolean }>;

/** A code of `DECISION_REFUSALS`. */
export type DecisionRefusalCode = keyof typeof DECISION_REFUSALS;

/** A refusal the chats put in their own words. */
export type WordedRefusalCode = {
  [K in DecisionRefusalCode]: (typeof DECISION_REFUSALS)[K]['worded'] extends true ? K : never;
}[DecisionRefusalCode];

/** Whether `code` is a known decision refusal. */
export function isDecisionRefusal(code: string): code is DecisionRefusalCode {
  return Object.hasOwn(DECISION_REFUSALS, code);
}

/** Whether the chats have their own words for `code`. */
export function isWordedRefusal(code: string): code is WordedRefusalCode {
  return isDecisionRefusal(code) && DECISION_REFUSALS[code].worded;
}

/** The HTTP status of a refused decision; an unknown refusal (a workflow's own) is a 400. */
export function decisionRefusalStatus(code: string): number {
  return isDecisionRefusal(code) ? DECISION_REFUSALS[code].status : 400;
}
