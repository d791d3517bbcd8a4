import { type Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { Logger } from 'pino';
import { ticketWorkflowId } from '../../workflows/contracts/ticket.js';
import type { Db } from '../db/client.js';
import {
  type ClaimedIntake,
  claimIntakeWithin,
  completeIntakeRows,
  findIntakeMessage,
  type IntakeClaim,
  rehomeIntake,
  releaseIntake,
} from '../db/intake-repo.js';
import type { Metrics } from '../observability/metrics.js';
import {
  dispatchBuyerMessage as dispatchToWorkflow,
  startTicketWithMessage,
} from './dispatch-buyer-message.js';

/** Priority of ticket workflows started from intake: default level, fairness keyed by shop. */
export const INTAKE_PRIORITY_KEY = 3;

/**
 * What became of one outbox row: its ticket's workflow started with it (`started`, or
 * `started_eagerly` when its first task came back in the start's answer), it reached the running
 * workflow (`delivered`), it moved to another ticket (`rehomed`), or it was erased (`dropped`).
 */
export type DispatchOutcome = 'started' | 'started_eagerly' | 'delivered' | 'rehomed' | 'dropped';

/** What `dispatchBuyerMessage` needs: the database, a Temporal client and the task queue. */
export interface DispatchDeps {
  db: Db;
  temporal: Client;
  taskQueue: string;
  /** Deadline of one Temporal call (default 10 s). */
  rpcTimeoutMs?: number;
  /**
   * `temporal` shares its `NativeConnection` with a worker of this process on `taskQueue`: a new
   * ticket's workflow starts eagerly (its first task comes back in the start's answer).
   */
  eagerStart?: boolean;
}

/**
 * The one place a stored buyer message reaches its ticket workflow: signal-with-start on
 * `ticket-<id>`. Safe to repeat after a crash: the workflow id rejects a second start and the
 * workflow ignores a message id it already has. A message whose ticket closed before it arrived
 * moves to the open (or a new queued) ticket of its order and buyer.
 */
export async function dispatchBuyerMessage(deps: DispatchDeps, row: ClaimedIntake): Promise<DispatchOutcome> {
  const { db, temporal, taskQueue } = deps;
  // The claim read where the message is now; a row claimed otherwise reads it here.
  const current =
    row.currentTicketId !== undefined
      ? row.currentTicketId
      : ((await findIntakeMessage(db, row.shopId, row.messageId))?.message.ticketId ?? null);
  // Erased, or already moved on by the ticket's own spin-off (which delivers it itself).
  if (current !== row.ticketId) return 'dropped';
  const ticket = { id: row.ticketId, shopId: row.shopId };
  const workflowId = ticketWorkflowId(ticket.id);
  const deadline = () => Date.now() + (deps.rpcTimeoutMs ?? 10_000);
  const priority = { priorityKey: INTAKE_PRIORITY_KEY, fairnessKey: ticket.shopId };
  const message = { ticketId: ticket.id, shopId: ticket.shopId, messageId: row.messageId };
  if (row.fresh) {
    // No workflow has run for this ticket: start it with the message (one event fewer than a
    // signal-with-start). Refused when a lost answer of an earlier try did start it: signal then.
    try {
      const started = await temporal.withDeadline(deadline(), () =>
        startTicketWithMessage(temporal, taskQueue, message, { eager: deps.eagerStart === true, priority }),
      );
      return started.eagerlyStarted ? 'started_eagerly' : 'started';
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  }
  try {
    await temporal.withDeadline(deadline(), () =>
      dispatchToWorkflow(temporal, taskQueue, message, { priority }),
    );
    return 'delivered';
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
  // The ticket's workflow has closed. If an earlier attempt of this row delivered the message
  // (a crash before the row was removed), the workflow had it; otherwise it belongs elsewhere.
  const delivered = await temporal.withDeadline(deadline(), () =>
    workflowReceived(temporal, workflowId, row.messageId),
  );
  if (delivered) return 'delivered';
  await rehomeIntake(db, row);
  return 'rehomed';
}

/** Whether the workflow got the message: as a signal, or in its start input's `inbox`. */
async function workflowReceived(temporal: Client, workflowId: string, messageId: string): Promise<boolean> {
  const history = await temporal.workflow.getHandle(workflowId).fetchHistory();
  for (const event of history.events ?? []) {
    const payloads = [
      ...(event.workflowExecutionSignaledEventAttributes?.input?.payloads ?? []),
      ...(event.workflowExecutionStartedEventAttributes?.input?.payloads ?? []),
    ];
    for (const payload of payloads) {
      try {
        const value = JSON.parse(Buffer.from(payload.data ?? new Uint8Array()).toString('utf8')) as {
          messageId?: unknown;
          inbox?: unknown;
        };
        if (value?.messageId === messageId) return true;
        if (Array.isArray(value?.inbox) && value.inbox.includes(messageId)) return true;
      } catch {
        // not a JSON payload: not ours
      }
    }
  }
  return false;
}

/** Knobs of the drainer (CLI flags / env INTAKE_*). */
export interface IntakeDrainerOptions extends DispatchDeps {
  logger: Logger;
  metrics?: Metrics | undefined;
  /** Temporal calls in flight at once from this process. */
  concurrency: number;
  /** At most this many tickets started and not drafted yet (all processes): Temporal's pace. */
  window: number;
  /** How long a claim lasts before another drainer may take the row (crash recovery). */
  leaseMs: number;
  /** Sleep between empty polls (rows written by other processes). */
  pollMs: number;
}

/** A running drainer: `wake()` after an insert, `stop()` waits for calls in flight. */
export interface IntakeDrainer {
  wake(): void;
  stop(): Promise<void>;
  /** Rows dispatched per second over the last minute (for Retry-After). */
  ratePerSecond(): number;
}

const INTAKE_WINDOW_AGE_MS = 120_000;

/**
 * Empties the intake outbox at the pace Temporal takes: it claims rows (leases, `SKIP LOCKED`)
 * only while fewer than `window` tickets wait for their first draft, so new intake never piles
 * up in Temporal's queue ahead of decisions and deliveries of tickets already in flight; one shop
 * holds at most half the window, so other shops' messages always find room.
 */
export function startIntakeDrainer(options: IntakeDrainerOptions): IntakeDrainer {
  const { db, logger } = options;
  let running = true;
  let active = 0;
  let wakeUp: (() => void) | undefined;
  let pendingWake = false;
  const inFlight = new Set<Promise<void>>();
  const done: number[] = [];

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (pendingWake) {
        pendingWake = false;
        resolve();
        return;
      }
      const timer = setTimeout(() => {
        wakeUp = undefined;
        resolve();
      }, ms);
      wakeUp = () => {
        clearTimeout(timer);
        wakeUp = undefined;
        resolve();
      };
    });
  const wake = () => {
    if (wakeUp) wakeUp();
    else pendingWake = true;
  };

  // Rows dispatched and not yet removed: the next claim removes them in its own statement.
  const finished: number[] = [];

  const handle = async (row: ClaimedIntake) => {
    try {
      const outcome = await dispatchBuyerMessage(options, row);
      if (outcome !== 'rehomed') finished.push(row.id);
      options.metrics?.intakeDispatched.inc({ outcome });
      done.push(Date.now());
      if (done.length > 20_000) done.splice(0, done.length - 10_000);
    } catch (error) {
      const backoff = Math.min(30_000, 500 * 2 ** Math.min(row.attempts, 6));
      options.metrics?.intakeDispatched.inc({ outcome: 'retry' });
      logger.warn(
        { err: { message: (error as Error).message }, ticketId: row.ticketId, attempts: row.attempts },
        'intake dispatch failed; the row is retried',
      );
      await releaseIntake(db, row.id, backoff, (error as Error).message).catch(() => undefined);
    }
  };

  const loop = async () => {
    while (running) {
      try {
        const limit = options.concurrency - active;
        // One statement: the window's free room and the rows it admits.
        const done = finished.splice(0);
        let claim: IntakeClaim;
        try {
          claim = await claimIntakeWithin(
            db,
            limit,
            options.leaseMs,
            {
              cap: Math.max(1, Math.ceil(options.window / 2)),
              withinMs: INTAKE_WINDOW_AGE_MS,
              window: options.window,
            },
            done,
          );
        } catch (error) {
          finished.push(...done);
          throw error;
        }
        const { claimed: rows, room } = claim;
        if (room <= 0) {
          // The window (or this process's concurrency) frees as tickets get drafted, in any
          // process: new arrivals do not help, so this waits out a short timer instead of being
          // woken by every ingest.
          pendingWake = false;
          await new Promise((r) => setTimeout(r, Math.min(options.pollMs, 100)));
          continue;
        }
        if (rows.length === 0) {
          await sleep(options.pollMs);
          continue;
        }
        for (const row of rows) {
          active++;
          const task = handle(row).finally(() => {
            active--;
            inFlight.delete(task);
            wake();
          });
          inFlight.add(task);
        }
      } catch (error) {
        logger.warn({ err: { message: (error as Error).message } }, 'intake drainer poll failed');
        await sleep(1_000);
      }
    }
  };
  const looping = loop();

  return {
    wake,
    ratePerSecond() {
      const since = Date.now() - 60_000;
      while (done.length > 0 && done[0]! < since) done.shift();
      return done.length / 60;
    },
    async stop() {
      running = false;
      wake();
      await looping;
      await Promise.allSettled([...inFlight]);
      // What the last dispatches finished; left behind, the rows would be dispatched again (and
      // ignored by their workflows) once their leases run out.
      await completeIntakeRows(db, finished.splice(0)).catch((error) =>
        logger.warn({ err: { message: (error as Error).message } }, 'intake rows left for their leases'),
      );
    },
  };
}
