/** What the ticket service takes and answers: a buyer message, decision outcomes and options. */
import type { DecisionResult } from '../../workflows/contracts/ticket.js';
import type { Ticket } from '../db/schema/tickets.js';
import type { ReplyLanguageMismatch } from '../domain/reply/edit-language.js';
import type { DisputeFacts, OrderFacts } from '../domain/types.js';

/** A buyer message as `POST /v1/messages` accepts it (already schema-validated). */
export interface NewBuyerMessage {
  messageId: string;
  orderId: string;
  buyer: { id: string; name?: string | undefined; locale?: string | undefined; country?: string | undefined };
  text: string;
  receivedAt: string;
  order?: OrderFacts | undefined;
  dispute?: DisputeFacts | undefined;
}

/** A held edit: what its text reads as, and the id of the stored text when the caller asked to keep it. */
export interface EditLanguageHold extends ReplyLanguageMismatch {
  heldEditId?: number;
}

/** Decision outcome for callers: accepted, or refused with the reason and who decided first. */
export type DecideOutcome =
  | { ok: true; result: DecisionResult }
  | { ok: false; code: string; message: string; decided?: DecisionResult; hold?: EditLanguageHold };

/** How `decide` treats an edit whose text is not in the buyer's language. */
export interface DecideOptions {
  /** The seller confirmed the text as it is: no language check. */
  confirmLanguage?: boolean;
  /** Keep a held text stored and return its id (`hold.heldEditId`) for `sendHeldEdit`. */
  keepHeldText?: boolean;
  /**
   * A button pressed on a card the seller can see: the draft exists, only the workflow has not
   * taken note yet (its card post is still answering). Retries `draft_not_ready` for this long.
   */
  waitForDraftMs?: number;
  /**
   * The ticket as the caller has just read it (a channel that checked the shop and role first):
   * the closed check and the edit's language check use it instead of reading it again.
   */
  ticket?: Ticket;
}
