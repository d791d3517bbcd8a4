import {
  type Client,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import {
  type CategoryCorrection,
  type CategoryCorrectionRequest,
  correctCategoryUpdate,
  DECISION_ERRORS,
  type DecisionInput,
  type DecisionRequest,
  type DecisionResult,
  decideUpdate,
  ticketWorkflowId,
} from '../../workflows/contracts/ticket.js';
import type { Db } from '../db/client.js';
import { backlogSize, IntakeBacklogFullError } from '../db/intake-repo.js';
import type { Ticket } from '../db/schema/tickets.js';
import { getShop } from '../db/shops-repo.js';
import { createSystemTicket } from '../db/system-tickets-repo.js';
import {
  discardReplyEdit,
  getDecision,
  getTicket,
  type IncomingMessage,
  ingestMessage,
  replyEditOfTicket,
  storeReplyEdit,
} from '../db/tickets-repo.js';
import { redactPii } from '../domain/message/redact.js';
import { findReplyLanguageMismatch, type ReplyLanguageMismatch } from '../domain/reply/edit-language.js';
import { checkEditText } from '../domain/ticket/index.js';
import type { Actor, TicketStatus } from '../domain/types.js';
import type { Metrics } from '../observability/metrics.js';
import {
  EDIT_LANGUAGE_MISMATCH,
  HELD_EDIT_NOT_FOUND,
  TICKET_CLOSED,
  TICKET_NOT_FOUND,
} from './decision-refusals.js';
import {
  type BuyerMessageDispatch,
  dispatchBuyerMessage,
  startSystemTicket,
} from './dispatch-buyer-message.js';
import { AppError } from './errors.js';
import type { DecideOptions, DecideOutcome, NewBuyerMessage } from './ticket-service-types.js';

/** Ticket statuses in which a decision can still be taken (others are refused by the workflow). */
const DECIDABLE: ReadonlySet<TicketStatus> = new Set(['awaiting_approval', 'escalated']);

/** A refused decision or correction: the code, a sentence, and who decided first when that is why. */
type Refused = Extract<DecideOutcome, { ok: false }>;

/** Correction outcome for callers: accepted (the redraft is under way), or refused like a decision. */
export type CorrectOutcome =
  | { ok: true; result: CategoryCorrection }
  | { ok: false; code: string; message: string; decided?: DecisionResult };

/** Dependencies of the ticket service, wired at the composition root. */
export interface TicketServiceDeps {
  db: Db;
  temporal: Client;
  taskQueue: string;
  /** Counts ingested messages by outcome when given. */
  metrics?: Metrics | undefined;
  /** Intake outbox: its bound (503 past it), the drainer to wake, the Retry-After to suggest. */
  intake?: {
    backlogLimit?: number | undefined;
    onQueued?: (() => void) | undefined;
    retryAfterSeconds?: (() => number) | undefined;
  };
}

/** The one code path from any channel into ticket workflows: ingest messages, apply decisions. */
export function createTicketService(deps: TicketServiceDeps) {
  const { db, temporal, taskQueue } = deps;
  // Far from the bound, a reading at most 250 ms old (plus what this process stored since)
  // decides; within 10% of it the count is exact, in the request's transaction.
  let reading: { at: number; count: Promise<number>; storedSince: number } | undefined;
  const limit = deps.intake?.backlogLimit;
  const mayBeFull = async (): Promise<boolean> => {
    if (limit === undefined) return false;
    if (!reading || Date.now() - reading.at > 250) {
      reading = { at: Date.now(), count: backlogSize(db).catch(() => limit), storedSince: 0 };
    }
    const current = reading;
    if ((await current.count) + current.storedSince < 0.9 * limit) {
      current.storedSince++;
      return false;
    }
    return true;
  };

  /** Hands a stored message to its ticket workflow (ids only). */
  function dispatch(message: BuyerMessageDispatch): Promise<void> {
    return dispatchBuyerMessage(temporal, taskQueue, message);
  }

  return {
    /**
     * Stores a buyer message (redacted) with its intake outbox row in one transaction; the
     * drainer hands it to the ticket workflow. Idempotent on (shop, messageId). Never waits on
     * Temporal; throws a 503 AppError (storing nothing) past the configured backlog bound.
     */
    async ingest(
      shopId: string,
      input: NewBuyerMessage,
    ): Promise<{ ticketId: string; status: TicketStatus }> {
      const redacted = redactPii(input.text);
      const buyerName = input.buyer.name ? redactPii(input.buyer.name).text : undefined;
      const incoming: IncomingMessage = {
        messageId: input.messageId,
        orderId: input.orderId,
        buyerId: input.buyer.id,
        buyerName,
        buyerLocale: input.buyer.locale,
        buyerCountry: input.buyer.country,
        redactedText: redacted.text,
        redactedKinds: redacted.kinds,
        receivedAt: new Date(input.receivedAt),
        order: input.order,
        dispute: input.dispute,
      };
      let stored: Awaited<ReturnType<typeof ingestMessage>>;
      try {
        stored = await ingestMessage(db, shopId, incoming, { backlogLimit: limit, mayBeFull });
      } catch (error) {
        if (!(error instanceof IntakeBacklogFullError)) throw error;
        deps.metrics?.intakeRefused.inc();
        const retryAfter = deps.intake?.retryAfterSeconds?.() ?? 10;
        throw new AppError(
          'intake_backlog_full',
          `too many messages are waiting to be processed; nothing was stored, retry after ${retryAfter} s`,
          503,
          undefined,
          { 'retry-after': String(retryAfter) },
        );
      }
      deps.metrics?.messagesIngested.inc({
        outcome: stored.duplicate ? 'duplicate' : stored.newTicket ? 'new_ticket' : 'joined',
      });
      // The outbox row was written with the message; the drainer starts or signals the workflow.
      if (!stored.duplicate) deps.intake?.onQueued?.();
      return { ticketId: stored.ticketId, status: stored.status };
    },

    /** Hands a stored message to its ticket workflow (spin-off of late messages). */
    dispatchBuyerMessage: dispatch,

    /**
     * Opens a ticket sellerdesk raises itself (logistics), idempotent on `dedupeKey`: a repeat
     * returns the same ticket and (re)starts its workflow if that start was lost.
     */
    async openSystemTicket(input: OpenSystemTicketInput): Promise<{ ticketId: string; created: boolean }> {
      const shop = await getShop(db, input.shopId);
      if (!shop) throw new AppError('shop_not_found', 'the shop no longer exists', 404);
      const { ticketId, created } = await createSystemTicket(db, {
        shopId: input.shopId,
        orderId: input.orderId,
        buyerId: input.buyerId,
        dedupeKey: input.dedupeKey,
        order: {
          ...(typeof input.preset.vars.trackingNumber === 'string'
            ? { trackingNumber: input.preset.vars.trackingNumber }
            : {}),
          ...(typeof input.preset.vars.carrier === 'string' ? { carrier: input.preset.vars.carrier } : {}),
        },
        coupon: input.preset.coupon,
        // The preset is read by the workflow's drafting step: the workflow itself gets ids only.
        opened: {
          reason: input.preset.reason,
          templateId: input.preset.templateId,
          coupon: input.preset.coupon ?? null,
          preset: input.preset,
        },
      });
      try {
        await startSystemTicket(temporal, taskQueue, { ticketId, shopId: input.shopId });
      } catch (error) {
        if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      }
      return { ticketId, created };
    },

    /**
     * Applies a seller decision through the ticket workflow's update; the first decision wins. An
     * edit's text is stored first and the update carries only its id (histories hold no reply
     * text); a refused edit's row is deleted again. An edit of an open ticket whose text does not
     * read as the buyer's language is held (`edit_language_mismatch`, nothing sent) unless
     * `options.confirmLanguage`; with `options.keepHeldText` its text stays stored for `sendHeldEdit`.
     */
    async decide(
      ticketId: string,
      input: DecisionInput,
      options: DecideOptions = {},
    ): Promise<DecideOutcome> {
      const known = options.ticket?.id === ticketId ? options.ticket : undefined;
      const refused = await closedOutcome(ticketId, known);
      if (refused) return refused;
      let editId: number | undefined;
      const edited = input.action === 'edit' ? checkEditText(input.text) : undefined;
      if (edited?.ok) {
        const ticket = known ?? (await getTicket(db, ticketId));
        if (!ticket) return { ok: false, code: TICKET_NOT_FOUND, message: 'no such ticket' };
        // Only an open ticket is checked: a decided one is answered "already decided" as before.
        const mismatch =
          !options.confirmLanguage && ticket.language && DECIDABLE.has(ticket.status)
            ? findReplyLanguageMismatch(edited.text, ticket.language)
            : undefined;
        if (mismatch) return holdEdit(ticketId, edited.text, mismatch, options.keepHeldText === true);
        editId = await storeReplyEdit(db, ticketId, edited.text);
      }
      const request: DecisionRequest = {
        action: input.action,
        actor: input.actor,
        ...(editId !== undefined ? { editId } : {}),
      };
      // A thrown error leaves the outcome unknown (the update may have been applied): the row stays.
      let outcome = await applyDecision(ticketId, request);
      const waitUntil = Date.now() + (options.waitForDraftMs ?? 0);
      while (!outcome.ok && outcome.code === DECISION_ERRORS.notReady && Date.now() < waitUntil) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        outcome = await applyDecision(ticketId, request);
      }
      if (!outcome.ok && editId !== undefined) {
        await discardReplyEdit(db, editId);
      }
      // An invalid edit text is only reported once the ticket is known to be open and undecided.
      if (!outcome.ok && edited && !edited.ok && outcome.code === DECISION_ERRORS.editTextRequired) {
        return { ok: false, code: edited.refusal.code, message: edited.refusal.message };
      }
      return outcome;
    },

    /**
     * Sends an edit held for its language once the seller confirms it: the stored text (`heldEditId`
     * of an `edit_language_mismatch`) goes through the same update as any edit; first decision wins.
     */
    async sendHeldEdit(ticketId: string, heldEditId: number, actor: Actor): Promise<DecideOutcome> {
      const refused = await closedOutcome(ticketId);
      if (refused) return refused;
      if (!(await replyEditOfTicket(db, ticketId, heldEditId))) {
        return { ok: false, code: HELD_EDIT_NOT_FOUND, message: 'this held reply is no longer available' };
      }
      return applyDecision(ticketId, { action: 'edit', actor, editId: heldEditId });
    },

    /**
     * Applies a seller's category correction through the ticket workflow's update: the workflow
     * redrafts the next revision in that category (still waiting for a decision) and keeps the
     * correction as the shop's example. Refused, like a decision, once the ticket is decided or
     * closed, while a draft is being made, or when the category is the draft's already.
     */
    async correctCategory(
      ticketId: string,
      request: CategoryCorrectionRequest,
      /** The ticket's row when the caller has just read it (one statement fewer). */
      known?: Ticket,
    ): Promise<CorrectOutcome> {
      const refused = await closedOutcome(ticketId, known?.id === ticketId ? known : undefined);
      if (refused) return refused;
      return applyUpdate(ticketId, (handle) =>
        handle.executeUpdate(correctCategoryUpdate, { args: [request] }),
      );
    },
  };

  /** Refuses an edit for its language; keeps its text (erased with the ticket) when asked to. */
  async function holdEdit(
    ticketId: string,
    text: string,
    mismatch: ReplyLanguageMismatch,
    keep: boolean,
  ): Promise<DecideOutcome> {
    let heldEditId: number | undefined;
    if (keep) {
      heldEditId = await storeReplyEdit(db, ticketId, text);
    }
    return {
      ok: false,
      code: EDIT_LANGUAGE_MISMATCH,
      message:
        `the edited reply reads as ${mismatch.detected}, but the buyer writes ${mismatch.expected}; ` +
        'nothing was sent: confirm to send it as it is',
      hold: { ...mismatch, ...(heldEditId !== undefined ? { heldEditId } : {}) },
    };
  }

  /** A closed ticket (its buyer was erased) takes no decision: nothing erased is ever sent. */
  async function closedOutcome(ticketId: string, known?: Ticket): Promise<Refused | undefined> {
    const ticket = known ?? (await getTicket(db, ticketId));
    if (ticket?.status !== 'closed') return undefined;
    return {
      ok: false,
      code: TICKET_CLOSED,
      message: 'already closed: this ticket ended without a reply (its buyer was erased); nothing is sent',
    };
  }

  function applyDecision(ticketId: string, input: DecisionRequest): Promise<DecideOutcome> {
    return applyUpdate(ticketId, (handle) => handle.executeUpdate(decideUpdate, { args: [input] }));
  }

  /**
   * Runs an update of the ticket's workflow; a refusal (validator), a finished workflow (decided or
   * closed since) or an unknown ticket comes back as a refused outcome with its code.
   */
  async function applyUpdate<T>(
    ticketId: string,
    update: (handle: ReturnType<Client['workflow']['getHandle']>) => Promise<T>,
  ): Promise<{ ok: true; result: T } | Refused> {
    const handle = temporal.workflow.getHandle(ticketWorkflowId(ticketId));
    try {
      const result = await update(handle);
      return { ok: true, result };
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
        const failure = error.cause;
        const decided = (failure.details?.[0] as DecisionResult | undefined) ?? undefined;
        return {
          ok: false,
          code: failure.type ?? 'decision_refused',
          message: failure.message,
          ...(decided ? { decided } : {}),
        };
      }
      if (error instanceof WorkflowNotFoundError || isCompletedWorkflowError(error)) {
        const closedSince = await closedOutcome(ticketId);
        if (closedSince) return closedSince;
        const existing = await getDecision(db, ticketId);
        if (existing) {
          const decided: DecisionResult = {
            ticketId,
            action: existing.action,
            revision: existing.revision,
            decidedBy: {
              channel: existing.actorChannel as DecisionResult['decidedBy']['channel'],
              id: existing.actorId,
              ...(existing.actorName ? { name: existing.actorName } : {}),
            },
            decidedAt: existing.decidedAt.toISOString(),
          };
          return {
            ok: false,
            code: DECISION_ERRORS.alreadyDecided,
            message: `already decided (${existing.action}) by ${existing.actorName ?? existing.actorId} at ${decided.decidedAt}`,
            decided,
          };
        }
        return { ok: false, code: TICKET_NOT_FOUND, message: 'no such ticket' };
      }
      throw error;
    }
  }
}

function isCompletedWorkflowError(error: unknown): boolean {
  const message = (error as Error)?.message ?? '';
  return /workflow execution already completed|already completed/i.test(message);
}

/** The ticket service as the adapters see it. */
export type TicketService = ReturnType<typeof createTicketService>;

/** Input of `openSystemTicket`: a ticket sellerdesk opens on its own (logistics). */
export interface OpenSystemTicketInput {
  shopId: string;
  orderId: string;
  buyerId: string;
  buyerLocale?: string;
  /** Idempotency: the same key never opens a second ticket (e.g. `stall:<tracking>:<lastEventAt>`). */
  dedupeKey: string;
  preset: import('../../workflows/contracts/ticket.js').TicketPreset;
}
