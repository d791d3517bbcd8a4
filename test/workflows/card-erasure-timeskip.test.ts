import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CardRedactionInput } from '../../src/activities/erasure-activities.js';
import type { Activities } from '../../src/activities/index.js';
import { workflowBundle } from '../../src/temporal/worker.js';
import { createTimeSkippingEnv } from '../support/time-skipping.js';

/** Card erasure on the time-skipping server: two passes, retries, and a give-up that never fails the workflow. */
describe('cardErasureWorkflow', () => {
  let env: TestWorkflowEnvironment;
  let worker: Worker;
  let running: Promise<void>;
  const taskQueue = 'tq-card-erasure-timeskip';
  const passes: Array<{ at: number; input: CardRedactionInput }> = [];
  /** Per shop: how many upcoming calls fail (the chat is down). */
  const failures = new Map<string, number>();

  beforeAll(async () => {
    try {
      Runtime.install({ logger: new DefaultLogger('WARN'), shutdownSignals: [] });
    } catch {
      // this process already has a runtime
    }
    env = await createTimeSkippingEnv();
    const activities = {
      async redactErasedCards(input: CardRedactionInput) {
        passes.push({ at: Number(await env.currentTimeMs()), input });
        const left = failures.get(input.shopId) ?? 0;
        if (left > 0) {
          failures.set(input.shopId, left - 1);
          throw ApplicationFailure.retryable('1 card edit(s) failed; 0 done', 'card_edit_failed');
        }
        return { edited: input.ticketIds.length, failed: 0 };
      },
    };
    worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: await workflowBundle(),
      activities: activities as unknown as Activities,
    });
    running = worker.run();
  }, 120_000);

  afterAll(async () => {
    worker?.shutdown();
    await running;
    await env?.teardown();
  });

  const run = (shopId: string) =>
    env.client.workflow.execute('cardErasureWorkflow', {
      taskQueue,
      workflowId: `erase-cards-${shopId}-t`,
      args: [{ shopId, ticketIds: ['tkt_a', 'tkt_b'], reason: 'request' }],
    });

  it('edits the cards, then once more two minutes later (ids only in its input)', async () => {
    const result = await run('shop_ok');
    expect(result).toEqual({ edited: 4, failed: false });
    const mine = passes.filter((p) => p.input.shopId === 'shop_ok');
    expect(mine).toHaveLength(2);
    expect(mine[1]!.at - mine[0]!.at).toBeGreaterThanOrEqual(120_000);
    expect(Object.keys(mine[0]!.input).sort()).toEqual(['reason', 'shopId', 'ticketIds']);
  });

  it('retries failed edits with backoff, and gives up without failing when the chat stays down', async () => {
    failures.set('shop_flaky', 2);
    expect(await run('shop_flaky')).toEqual({ edited: 4, failed: false });
    expect(passes.filter((p) => p.input.shopId === 'shop_flaky')).toHaveLength(4);

    failures.set('shop_down', 100);
    expect(await run('shop_down')).toEqual({ edited: 0, failed: true });
    // Six attempts per pass, two passes.
    expect(passes.filter((p) => p.input.shopId === 'shop_down')).toHaveLength(12);
  });
});
