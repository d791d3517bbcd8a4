import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  bundleWorkflowCode,
  NativeConnection,
  Runtime,
  Worker,
  type WorkflowBundleWithSourceMap,
} from '@temporalio/worker';
import type { Activities } from '../activities/index.js';

/** Entry file of all workflows, bundled by the worker. */
export const WORKFLOWS_PATH = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../workflows/index.ts',
);

let bundlePromise: Promise<WorkflowBundleWithSourceMap> | undefined;
let runtimeInstalled = false;

/** Bundles the workflow code once per process (tests and restarts reuse it). */
export function workflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  bundlePromise ??= bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: quietBundlerLogger });
  return bundlePromise;
}

const noop = () => undefined;
const quietBundlerLogger = {
  log: noop,
  trace: noop,
  debug: noop,
  info: noop,
  warn: noop,
  error: (message: string) => console.error(message),
};

/** Options of the sellerdesk worker. */
export interface WorkerOptions {
  address: string;
  namespace: string;
  taskQueue: string;
  activities: Activities;
  /** Quieter SDK logs; the app logs its own events. */
  logLevel?: 'TRACE' | 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
}

/** Creates a worker on its own connection; `run()` it and `shutdown()` it to drain. */
export async function createWorker(
  options: WorkerOptions,
): Promise<{ worker: Worker; connection: NativeConnection }> {
  if (!runtimeInstalled) {
    runtimeInstalled = true;
    Runtime.install({
      logger: new (await import('@temporalio/worker')).DefaultLogger(options.logLevel ?? 'WARN'),
      shutdownSignals: [],
    });
  }
  const connection = await NativeConnection.connect({ address: options.address });
  const worker = await Worker.create({
    connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    workflowBundle: await workflowBundle(),
    activities: options.activities,
    shutdownGraceTime: '10 seconds',
  });
  return { worker, connection };
}
