import path from 'node:path';
import {
  bundleWorkflowCode,
  NativeConnection,
  Runtime,
  Worker,
  type WorkflowBundleWithSourceMap,
} from '@temporalio/worker';
import type { Activities } from '../activities/index.js';
import { PROJECT_ROOT } from '../paths.js';

/** Entry file of all workflows, bundled by the worker. */
export const WORKFLOWS_PATH = path.join(PROJECT_ROOT, 'workflows', 'index.ts');

/**
 * Pure domain modules the workflows import, evaluated once per worker thread and shared, frozen, by
 * every workflow in the reusable V8 context (the SDK's `preloadModules`). Without it each workflow
 * evaluates its own copy of every module it imports (the carrier vocabularies and their lookup
 * tables included) when it starts or is replayed into the cache. Only
 * stateless modules belong here (a lazily built lookup table is fine: same input, same output);
 * `test/temporal/preload.test.ts` checks that every `src/domain` module a workflow imports is listed.
 */
export const PRELOADED_WORKFLOW_MODULES = ['domain/ticket/index.ts', 'domain/logistics/stall.ts'].map((m) =>
  path.join(PROJECT_ROOT, 'src', m),
);

let bundlePromise: Promise<WorkflowBundleWithSourceMap> | undefined;
let runtimeInstalled = false;

/** Bundles the workflow code once per process (tests and restarts reuse it). */
export function workflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  bundlePromise ??= bundleWorkflowCode({
    workflowsPath: WORKFLOWS_PATH,
    preloadModules: PRELOADED_WORKFLOW_MODULES,
    logger: quietBundlerLogger,
  });
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
  /** Operator knobs (env WORKER_*); unset ones keep the SDK defaults. */
  tuning?: WorkerTuning;
  /** Quieter SDK logs; the app logs its own events. */
  logLevel?: 'TRACE' | 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
}

/** What an operator tunes per worker process (docs/OPERATIONS.md, "Scaling out"). */
export interface WorkerTuning {
  /** Workflows kept in memory (sticky cache); each costs a V8 context's worth of heap. */
  maxCachedWorkflows?: number | undefined;
  workflowTaskSlots?: number | undefined;
  activitySlots?: number | undefined;
  localActivitySlots?: number | undefined;
  workflowPollers?: number | undefined;
  activityPollers?: number | undefined;
  /**
   * The SDK's per-promise stack capture for the stack trace query (default off: it is the largest
   * cost of a ticket in the worker). Needs the SDK patch in `patches/` (see setStackTraces).
   */
  stackTraces?: boolean | undefined;
  /** Deadlock watchdog per call into a workflow, in ms (SDK default 5000); 0: none (patched SDK). */
  deadlockTimeoutMs?: number | undefined;
}

/**
 * Turns the SDK's workflow stack capture on or off for the workflow threads created from now on.
 * The SDK installs its promise hook in each workflow thread unconditionally; our patch of
 * `@temporalio/worker` (patches/, applied by `npm ci`) skips it when the thread's environment has
 * TEMPORAL_WORKFLOW_STACK_TRACES=off. Worker threads copy the environment when they start.
 */
export function setStackTraces(on: boolean): void {
  process.env.TEMPORAL_WORKFLOW_STACK_TRACES = on ? 'on' : 'off';
}

/**
 * The SDK's deadlock timeout per call into a workflow, as a Worker.create option. The SDK reads it
 * (after its default of 5 s) but does not declare it in its public options type; 0 needs our patch.
 */
export function deadlockTimeout(ms: number): { isolateExecutionTimeout: number } {
  return { isolateExecutionTimeout: ms };
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
  const t = options.tuning ?? {};
  setStackTraces(t.stackTraces === true);
  const worker = await Worker.create({
    connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    workflowBundle: await workflowBundle(),
    activities: options.activities,
    shutdownGraceTime: '10 seconds',
    ...(t.deadlockTimeoutMs !== undefined ? deadlockTimeout(t.deadlockTimeoutMs) : {}),
    ...(t.maxCachedWorkflows !== undefined ? { maxCachedWorkflows: t.maxCachedWorkflows } : {}),
    ...(t.workflowTaskSlots !== undefined
      ? { maxConcurrentWorkflowTaskExecutions: t.workflowTaskSlots }
      : {}),
    ...(t.activitySlots !== undefined ? { maxConcurrentActivityTaskExecutions: t.activitySlots } : {}),
    ...(t.localActivitySlots !== undefined
      ? { maxConcurrentLocalActivityExecutions: t.localActivitySlots }
      : {}),
    ...(t.workflowPollers !== undefined
      ? { workflowTaskPollerBehavior: { type: 'simple-maximum' as const, maximum: t.workflowPollers } }
      : {}),
    ...(t.activityPollers !== undefined
      ? { activityTaskPollerBehavior: { type: 'simple-maximum' as const, maximum: t.activityPollers } }
      : {}),
  });
  return { worker, connection };
}
