import { type Client, WorkflowNotFoundError } from '@temporalio/client';
import type { Logger } from 'pino';
import { ticketWorkflowId } from '../../workflows/definitions.js';
import { cardErasureWorkflowId } from '../../workflows/erasure.js';
import { recordAudit } from '../db/audit-repo.js';
import type { Db } from '../db/client.js';
import {
  closeOpenTicketsOfBuyer,
  type ErasureCounts,
  type ErasureKeyConfig,
  eraseBuyer,
  loadErasureKeys,
} from '../db/erasure-repo.js';
import { newId } from '../db/ids.js';
import type { Actor } from '../domain/types.js';

/** Reason recorded on ticket workflows ended by an erasure (no buyer data: histories keep it). */
export const ERASURE_TERMINATE_REASON = 'buyer erased: ticket closed without a reply';

/** Dependencies of the erasure service, wired at the composition root. */
export interface ErasureServiceDeps {
  db: Db;
  temporal: Client;
  taskQueue: string;
  logger: Logger;
  /** ERASURE_KEY and ERASURE_KEY_PREVIOUS; unset: the database-held key. */
  keys?: ErasureKeyConfig | undefined;
}

/** Outcome of erasing one buyer. */
export interface BuyerErasure {
  erased: ErasureCounts;
  /** Open tickets closed (their workflows ended) before anything was erased. */
  closedTickets: number;
  /** Whether their chat cards are being edited (`none`: nothing was posted to chats). */
  cards: 'scheduled' | 'none' | 'not_scheduled';
}

/**
 * Erases a buyer of a shop everywhere sellerdesk keeps them (CONTRACT §2 `DELETE
 * /v1/buyers/:buyerId`): their open tickets are closed and their workflows terminated first (the
 * delivery path refuses closed or erased tickets, so nothing is sent after), then the database
 * erasure runs in one transaction, then posted cards are edited by a workflow with retries.
 */
export function createErasureService(deps: ErasureServiceDeps) {
  const { db, temporal, logger } = deps;

  async function endTicketWorkflow(ticketId: string): Promise<void> {
    try {
      await temporal.workflow.getHandle(ticketWorkflowId(ticketId)).terminate(ERASURE_TERMINATE_REASON);
    } catch (error) {
      // Never started (queued) or already finished: nothing runs that could send.
      if (error instanceof WorkflowNotFoundError) return;
      if (/already completed|not found/i.test((error as Error).message ?? '')) return;
      throw error;
    }
  }

  return {
    async eraseBuyer(shopId: string, buyerId: string, actor: Actor): Promise<BuyerErasure> {
      const closed = await closeOpenTicketsOfBuyer(db, shopId, buyerId);
      const unended: string[] = [];
      for (const ticketId of closed) {
        try {
          await endTicketWorkflow(ticketId);
        } catch (error) {
          // The ticket is already closed and marked erased: its workflow can no longer deliver.
          unended.push(ticketId);
          logger.warn(
            { ticketId, err: { message: (error as Error).message } },
            'erasure could not terminate a ticket workflow',
          );
        }
      }
      const keys = await loadErasureKeys(db, deps.keys);
      const { ticketIds, pseudonym, ...erased } = await eraseBuyer(db, { shopId, buyerId, keys });
      let cards: BuyerErasure['cards'] = 'none';
      if (ticketIds.length > 0) {
        try {
          await temporal.workflow.start('cardErasureWorkflow', {
            taskQueue: deps.taskQueue,
            workflowId: cardErasureWorkflowId(shopId, newId('era')),
            args: [{ shopId, ticketIds, reason: 'request' as const }],
          });
          cards = 'scheduled';
        } catch (error) {
          cards = 'not_scheduled';
          logger.warn({ shopId, err: { message: (error as Error).message } }, 'card erasure not scheduled');
        }
      }
      await recordAudit(db, {
        shopId,
        kind: 'buyer_erased',
        actor,
        details: {
          reason: 'request',
          buyer: pseudonym,
          counts: erased,
          closedTickets: closed.length,
          ...(unended.length ? { workflowsNotEnded: unended.length } : {}),
          cards,
        },
      });
      return { erased, closedTickets: closed.length, cards };
    },
  };
}

/** The erasure service as routes see it. */
export type ErasureService = ReturnType<typeof createErasureService>;
