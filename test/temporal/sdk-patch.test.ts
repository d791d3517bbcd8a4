/**
 * Our patch of @temporalio/worker (patches/, applied by `npm ci`): the per-promise stack capture is
 * skipped in workflow threads started with TEMPORAL_WORKFLOW_STACK_TRACES=off (the worker's default,
 * WORKER_STACK_TRACES), and a deadlock timeout of 0 runs workflow code without a watchdog thread per
 * call (unpatched, Node refuses a vm timeout of 0). Both against the real server.
 */
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { deadlockTimeout, setStackTraces } from '../../src/temporal/worker.js';

describe('patched Temporal worker: stack capture switch and optional deadlock watchdog', () => {
  const runId = inject('runId');
  let connection: Connection;
  let client: Client;
  let bundle: Awaited<ReturnType<typeof bundleWorkflowCode>>;
  const before = process.env.TEMPORAL_WORKFLOW_STACK_TRACES;

  beforeAll(async () => {
    try {
      Runtime.install({ logger: new DefaultLogger('WARN'), shutdownSignals: [] });
    } catch {
      // this process already has a runtime
    }
    connection = await Connection.connect({ address: inject('temporalAddress') });
    client = new Client({ connection });
    bundle = await bundleWorkflowCode({
      workflowsPath: path.resolve('test/temporal/fixtures/waiting-workflow.ts'),
      logger: new DefaultLogger('ERROR'),
    });
  }, 60_000);

  afterAll(async () => {
    if (before === undefined) delete process.env.TEMPORAL_WORKFLOW_STACK_TRACES;
    else process.env.TEMPORAL_WORKFLOW_STACK_TRACES = before;
    await connection?.close();
  });

  /** Runs one waiting workflow on a fresh worker, returns what the stack trace query answers. */
  async function stackOf(stackTraces: boolean, isolateExecutionTimeout: number): Promise<string> {
    setStackTraces(stackTraces);
    const taskQueue = `tq-sdk-patch-${runId}-${stackTraces ? 'on' : 'off'}-${isolateExecutionTimeout}`;
    const native = await NativeConnection.connect({ address: inject('temporalAddress') });
    const worker = await Worker.create({
      connection: native,
      taskQueue,
      workflowBundle: bundle,
      ...deadlockTimeout(isolateExecutionTimeout),
    });
    try {
      return await worker.runUntil(async () => {
        const handle = await client.workflow.start('waitingWorkflow', {
          taskQueue,
          workflowId: `${taskQueue}-wf`,
        });
        let answer: string;
        try {
          answer = String(await handle.query('__stack_trace'));
        } catch (error) {
          answer = `refused: ${(error as Error).message}`;
        }
        await handle.signal('release');
        expect(await handle.result()).toBe('released');
        return answer;
      });
    } finally {
      await native.close();
    }
  }

  it('captures workflow stacks only when turned on', async () => {
    expect(await stackOf(true, 5000)).toMatch(/waitingWorkflow/);
    expect(await stackOf(false, 5000)).toMatch(/refused: .*stack traces are not enabled/i);
  }, 60_000);

  it('runs workflow code without a watchdog when the deadlock timeout is 0', async () => {
    expect(await stackOf(false, 0)).toMatch(/refused/);
  }, 60_000);
});
