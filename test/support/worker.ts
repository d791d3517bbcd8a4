import { Client, Connection } from '@temporalio/client';
import type { Worker } from '@temporalio/worker';
import pino from 'pino';
import { inject } from 'vitest';
import { type ActivityDeps, createActivities } from '../../src/activities/index.js';
import type { Db } from '../../src/db/client.js';
import { createLogOutbound } from '../../src/delivery/outbound.js';
import { createReplyRenderer, type ReplyRenderer } from '../../src/domain/reply/index.js';
import { loadReplyResources } from '../../src/i18n/load.js';
import { createWorker } from '../../src/temporal/worker.js';

/** A worker with the real activities on the run's Temporal dev server, and a client beside it. */
export interface TestWorker {
  client: Client;
  renderer: ReplyRenderer;
  worker: Worker;
  /** Drains the worker and closes both connections. */
  stop(): Promise<void>;
}

/**
 * Starts the real activities (on `db`) in a worker on `taskQueue`. `deps` adds or replaces
 * dependencies (Telegram port, outbound, ticket service hooks) and may use the client.
 */
export async function startTestWorker(options: {
  taskQueue: string;
  db: Db;
  deps?: (client: Client) => Partial<ActivityDeps>;
}): Promise<TestWorker> {
  const address = inject('temporalAddress');
  const connection = await Connection.connect({ address });
  const client = new Client({ connection });
  const { catalogue, resources } = await loadReplyResources(process.cwd());
  const renderer = createReplyRenderer(catalogue, resources);
  const created = await createWorker({
    address,
    namespace: 'default',
    taskQueue: options.taskQueue,
    activities: createActivities({
      db: options.db,
      renderer,
      outbound: createLogOutbound(),
      logger: pino({ level: 'silent' }),
      ...options.deps?.(client),
    }),
  });
  const running = created.worker.run();
  return {
    client,
    renderer,
    worker: created.worker,
    async stop() {
      created.worker.shutdown();
      await running.catch(() => undefined);
      await created.connection.close();
      await connection.close();
    },
  };
}
