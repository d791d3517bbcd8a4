import {
  type Client,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { and, eq } from 'drizzle-orm';
import {
  type BuyerMessage,
  buyerMessageSignal,
  DECISION_ERRORS,
  type DecisionInput,
  type DecisionResult,
  decideUpdate,
  ticketWorkflowId,
} from '../../workflows/definitions.js';
import type { Db } from '../db/client.js';
import { newId } from '../db/ids.js';
import { ticketEvents, tickets } from '../db/schema/index.js';
import { getShop } from '../db/shops-repo.js';
import {
  getDecision,
  getTicket,
  type IncomingMessage,
  ingestMessage,
  OPEN_STATUSES,
} from '../db/tickets-repo.js';
import { redactPii } from '../domain/redact.js';
import type { DisputeFacts, OrderFacts, TicketStatus } from '../domain/types.js';
import type { Metrics } from '../observability/metrics.js';
import { AppError } from './errors.js';

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

/** Refusal code of a decision on a closed ticket (e.g. its buyer was erased): nothing is sent. */
export const TICKET_CLOSED = 'ticket_closed';

/** Decision outcome for callers: accepted, or refused with the reason and who decided first. */
export type DecideOutcome =
  | { ok: true; result: DecisionResult }
  | { ok: false; code: string; message: string; decided?: DecisionResult };

/** Dependencies of the ticket service, wired at the composition root. */
export interface TicketServiceDeps {
  db: Db;
  temporal: Client;
  taskQueue: string;
  /** Counts ingested messages by outcome when given. */
  metrics?: Metrics | undefined;
}

/** The one code path from any channel into ticket workflows: ingest messages, apply decisions. */
export function createTicketService(deps: TicketServiceDeps) {
  const { db, temporal, taskQueue } = deps;

  async function signalTicket(
    shopId: string,
    ticketId: string,
    orderId: string,
    buyerId: string,
    message: BuyerMessage,
  ): Promise<void> {
    const shop = await getShop(db, shopId);
    if (!shop) throw new AppError('shop_not_found', 'the shop no longer exists', 404);
    await temporal.workflow.signalWithStart('ticketWorkflow', {
      taskQueue,
      workflowId: ticketWorkflowId(ticketId),
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      args: [{ ticketId, shopId, orderId, buyerId, shopDefaultLanguage: shop.defaultLanguage }],
      signal: buyerMessageSignal,
      signalArgs: [message],
    });
  }

  return {
    /**
     * Stores a buyer message (redacted) and hands it to its ticket workflow. Idempotent on
     * (shop, messageId): a repeat re-signals, which the workflow ignores if it has the message.
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
      const stored = await ingestMessage(db, shopId, incoming);
      deps.metrics?.messagesIngested.inc({
        outcome: stored.duplicate ? 'duplicate' : stored.newTicket ? 'new_ticket' : 'joined',
      });
      const message: BuyerMessage = {
        messageId: input.messageId,
        text: redacted.text,
        receivedAt: new Date(input.receivedAt).toISOString(),
        ...(buyerName ? { buyerName } : {}),
        ...(input.buyer.locale ? { buyerLocale: input.buyer.locale } : {}),
        ...(input.buyer.country ? { buyerCountry: input.buyer.country } : {}),
        ...(input.order ? { order: input.order } : {}),
        ...(input.dispute ? { dispute: input.dispute } : {}),
      };
      const ticket = await getTicket(db, stored.ticketId);
      const open = ticket && OPEN_STATUSES.includes(ticket.status);
      if (open) {
        try {
          await signalTicket(shopId, stored.ticketId, input.orderId, input.buyer.id, message);
        } catch (error) {
          // The workflow closed between our read and the signal; its spin-off step carries the
          // message on, and a repeat of this request re-delivers it.
          if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
        }
      }
      return { ticketId: stored.ticketId, status: ticket?.status ?? stored.status };
    },

    /** Re-delivers stored messages to a ticket workflow (spin-off of late messages). */
    signalTicket,

    /**
     * Opens a ticket sellerdesk raises itself (logistics), idempotent on `dedupeKey`: a repeat
     * returns the same ticket and (re)starts its workflow if that start was lost.
     */
    async openSystemTicket(input: OpenSystemTicketInput): Promise<{ ticketId: string; created: boolean }> {
      const shop = await getShop(db, input.shopId);
      if (!shop) throw new AppError('shop_not_found', 'the shop no longer exists', 404);
      let created = false;
      const ticketId = await db.transaction(async (tx) => {
        const [existing] = await tx
          .select({ id: tickets.id })
          .from(tickets)
          .where(and(eq(tickets.shopId, input.shopId), eq(tickets.systemKey, input.dedupeKey)))
          .limit(1);
        if (existing) return existing.id;
        const id = newId('tkt');
        await tx.insert(tickets).values({
          id,
          shopId: input.shopId,
          orderId: input.orderId,
          buyerId: input.buyerId,
          status: 'classifying',
          origin: 'system',
          systemKey: input.dedupeKey,
          order: {
            ...(typeof input.preset.vars.trackingNumber === 'string'
              ? { trackingNumber: input.preset.vars.trackingNumber }
              : {}),
            ...(typeof input.preset.vars.carrier === 'string' ? { carrier: input.preset.vars.carrier } : {}),
          },
          ...(input.preset.coupon ? { coupon: input.preset.coupon } : {}),
        });
        await tx.insert(ticketEvents).values({
          ticketId: id,
          kind: 'system_opened',
          details: {
            reason: input.preset.reason,
            templateId: input.preset.templateId,
            coupon: input.preset.coupon ?? null,
          },
          dedupeKey: 'system_opened',
        });
        created = true;
        return id;
      });
      try {
        await temporal.workflow.start('ticketWorkflow', {
          taskQueue,
          workflowId: ticketWorkflowId(ticketId),
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
          args: [
            {
              ticketId,
              shopId: input.shopId,
              orderId: input.orderId,
              buyerId: input.buyerId,
              shopDefaultLanguage: shop.defaultLanguage,
              preset: input.preset,
            },
          ],
        });
      } catch (error) {
        if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      }
      return { ticketId, created };
    },

    /** Applies a seller decision through the ticket workflow's update; the first decision wins. */
    async decide(ticketId: string, input: DecisionInput): Promise<DecideOutcome> {
      const closed = async (): Promise<DecideOutcome | undefined> => {
        const ticket = await getTicket(db, ticketId);
        if (ticket?.status !== 'closed') return undefined;
        return {
          ok: false,
          code: TICKET_CLOSED,
          message:
            'already closed: this ticket ended without a reply (its buyer was erased); nothing is sent',
        };
      };
      const refused = await closed();
      if (refused) return refused;
      const handle = temporal.workflow.getHandle(ticketWorkflowId(ticketId));
      try {
        const result = await handle.executeUpdate(decideUpdate, { args: [input] });
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
          const closedSince = await closed();
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
          return { ok: false, code: 'ticket_not_found', message: 'no such ticket' };
        }
        throw error;
      }
    },
  };
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
  preset: import('../../workflows/definitions.js').TicketPreset;
}
