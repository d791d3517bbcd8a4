/**
 * A ticket service whose intake goes through the outbox, with the drainer that hands stored
 * messages to the ticket workflows, as the workflow tests use it (one per file; `stop()` after).
 */
import type { Client } from '@temporalio/client';
import pino from 'pino';
import { type IntakeDrainer, startIntakeDrainer } from '../../src/app/intake-drainer.js';
import { createTicketService } from '../../src/app/ticket-service.js';
import type { Db } from '../../src/db/client.js';

export interface TicketIntake {
  service: ReturnType<typeof createTicketService>;
  drainer: IntakeDrainer;
}

export function startTicketIntake(db: Db, temporal: Client, taskQueue: string): TicketIntake {
  let drainer: IntakeDrainer | undefined;
  const service = createTicketService({
    db,
    temporal,
    taskQueue,
    intake: { onQueued: () => drainer?.wake() },
  });
  drainer = startIntakeDrainer({
    db,
    temporal,
    taskQueue,
    logger: pino({ level: 'silent' }),
    concurrency: 4,
    window: 16,
    leaseMs: 30_000,
    pollMs: 50,
  });
  return { service, drainer };
}
