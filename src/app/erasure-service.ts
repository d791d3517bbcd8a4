import { type Client, isGrpcServiceError, WorkflowNotFoundError } from '@temporalio/client';
import type { Logger } from 'pino';
import { CARD_ERASURE_WORKFLOW, cardErasureWorkflowId } from '../../workflows/contracts/card-erasure.js';
import { ticketWorkflowId } from '../../workflows/contracts/ticket.js';
import { recordAudit } from '../db/audit-repo.js';
import type { Db } from '../db/client.js';
import { type ErasureKeyConfig, loadErasureKeys } from '../db/erasure-keys.js';
import { closeOpenTicketsOfBuyer, type ErasureCounts, eraseBuyer } from '../db/erasure-repo.js';
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
  /** Whether their chat cards are being edited (`none`: the buyer had no tickets). */
  cards: 'scheduled' | 'none' | 'not_scheduled';
  /** Ticket workflow runs whose Temporal history was deleted. */
  histories: number;
}

const GRPC_NOT_FOUND = 5;

/**
 * Erases a buyer of a shop everywhere sellerdesk keeps them (docs/API.md, docs/SECURITY.md: `DELETE
 * /v1/buyers/:buyerId`): their open tickets are closed and their workflows terminated first (the
 * delivery path refuses closed or erased tickets, so nothing is sent after), then the database
 * erasure runs in one transaction, posted cards are edited by a workflow with retries, and the
 * Temporal histories of the buyer's ticket workflows are deleted.
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

  /** Deletes every run of a ticket's workflow from Temporal, history included; returns how many. */
  async function deleteTicketHistories(ticketId: string): Promise<number> {
    const workflowId = ticketWorkflowId(ticketId);
    const runs: Array<string | undefined> = [];
    try {
      for await (const run of temporal.workflow.list({ query: `WorkflowId = '${workflowId}'` })) {
        runs.push(run.runId);
      }
    } catch {
      // A cluster without advanced visibility cannot list by id: the current run goes by id alone.
    }
    // Visibility may also lag behind a just-terminated run: then, too, the current run goes by id.
    if (runs.length === 0) runs.push(undefined);
    let deleted = 0;
    for (const runId of runs) {
      try {
        await temporal.workflowService.deleteWorkflowExecution({
          namespace: temporal.options.namespace,
          workflowExecution: { workflowId, ...(runId ? { runId } : {}) },
        });
        deleted++;
      } catch (error) {
        if (isGrpcServiceError(error) && error.code === GRPC_NOT_FOUND) continue;
        throw error;
      }
    }
    return deleted;
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
          await temporal.workflow.start(CARD_ERASURE_WORKFLOW, {
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
      // Temporal histories of the buyer's tickets go too (terminated or finished by now).
      let histories = 0;
      let historiesKept = 0;
      for (const ticketId of ticketIds) {
        try {
          histories += await deleteTicketHistories(ticketId);
        } catch (error) {
          historiesKept++;
          logger.warn(
            { ticketId, err: { message: (error as Error).message } },
            'erasure could not delete a ticket workflow history',
          );
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
          histories,
          ...(historiesKept ? { historiesKept } : {}),
        },
      });
      return { erased, closedTickets: closed.length, cards, histories };
    },
  };
}

/** The erasure service as routes see it. */
export type ErasureService = ReturnType<typeof createErasureService>;
