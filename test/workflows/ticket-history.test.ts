/**
 * What a ticket costs the Temporal server and what its history holds (issues 14 and 15): the
 * persisted writes of a human-approved ticket, the absence of buyer and reply text from every
 * payload, and a bounded history under thousands of buyer messages.
 */
import type { Client } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { IntakeDrainer } from '../../src/app/intake-drainer.js';
import type { createTicketService } from '../../src/app/ticket-service.js';
import type { DecideOutcome } from '../../src/app/ticket-service-types.js';
import type { TelegramCards } from '../../src/channels/telegram/notifier.js';
import { backlogSize } from '../../src/db/intake-repo.js';
import type { DeliveryPayload } from '../../src/db/schema/index.js';
import { createShop, linkTelegramChat } from '../../src/db/shops-repo.js';
import { getTicketView } from '../../src/db/ticket-views-repo.js';
import { ingestMessage } from '../../src/db/tickets-repo.js';
import type { OutboundSender } from '../../src/delivery/outbound.js';
import { MAX_HISTORY_EVENTS } from '../../src/domain/ticket/index.js';
import {
  buyerMessageSignal,
  type DecisionInput,
  type TicketInput,
  ticketStateQuery,
  ticketWorkflowId,
} from '../../workflows/contracts/ticket.js';
import { eventually } from '../support/app.js';
import { openTestPostgres } from '../support/db.js';
import { eventTypeName, persistedWrites, readableHistory } from '../support/history.js';
import { startTicketIntake } from '../support/ticket-intake.js';
import { startTestWorker, type TestWorker } from '../support/worker.js';

describe('ticket workflow history: cost, privacy, bounds', () => {
  const taskQueue = `tq-ticket-history-${inject('runId')}`;
  let db: Awaited<ReturnType<typeof openTestPostgres>>;
  let testWorker: TestWorker;
  let client: Client;
  let service: ReturnType<typeof createTicketService>;
  let drainer: IntakeDrainer | undefined;
  let shopId: string;
  const cardTexts: string[] = [];
  let cardId = 0;
  const cards: TelegramCards = {
    async sendCard(_chatId, text) {
      cardTexts.push(text);
      return String(++cardId);
    },
    async editCard() {},
  };
  const delivered: DeliveryPayload[] = [];
  const outbound: OutboundSender = {
    async destinationFor() {
      return { target: 'http', url: 'http://127.0.0.1:9/unused', secret: 'test-history-secret' };
    },
    async send(payload) {
      delivered.push(payload);
      return { ok: true, status: 200 };
    },
  };

  beforeAll(async () => {
    db = await openTestPostgres('wf_history');
    testWorker = await startTestWorker({
      taskQueue,
      db: db.db,
      deps: (temporal) => {
        // Intake goes through the outbox: a drainer hands stored messages to the workflows.
        ({ service, drainer } = startTicketIntake(db.db, temporal, taskQueue));
        return { outbound, telegram: cards, dispatchBuyerMessage: service.dispatchBuyerMessage };
      },
    });
    client = testWorker.client;
    const shop = await createShop(db.db, { name: 'History shop', defaultLanguage: 'en', plan: 'free' });
    shopId = shop.shop.id;
    await linkTelegramChat(db.db, shop.telegramLinkCode, '8101', '8101');
  });

  afterAll(async () => {
    await drainer?.stop();
    await testWorker?.stop();
    await db?.drop();
  });

  async function awaitingApproval(ticketId: string) {
    await eventually(
      async () => (await getTicketView(db.db, shopId, ticketId))?.ticket.status === 'awaiting_approval',
      60_000,
      'awaiting approval',
    );
  }

  /** Decides as soon as the latest draft is out (a message still drafting answers draft_not_ready). */
  async function decideWhenReady(ticketId: string, input: DecisionInput): Promise<DecideOutcome> {
    return eventually(
      async () => {
        const outcome = await service.decide(ticketId, input);
        return outcome.ok || outcome.code !== 'draft_not_ready' ? outcome : undefined;
      },
      60_000,
      'decision accepted',
    );
  }

  it('a human-approved ticket (no Slack, delivered first time) costs at most 6 persisted writes', async () => {
    const { ticketId } = await service.ingest(shopId, {
      messageId: 'cost-1',
      orderId: 'ORD-COST-1',
      buyer: { id: 'buyer-cost-1' },
      text: 'Hello, my parcel has not arrived yet, where is it?',
      receivedAt: new Date().toISOString(),
    });
    await awaitingApproval(ticketId);
    const decided = await decideWhenReady(ticketId, {
      action: 'approve',
      actor: { channel: 'api', id: 'cost' },
    });
    expect(decided.ok).toBe(true);
    const handle = client.workflow.getHandle(ticketWorkflowId(ticketId));
    expect((await handle.result()).status).toBe('sent');
    expect(delivered.filter((d) => d.ticketId === ticketId)).toHaveLength(1);

    const events = (await handle.fetchHistory()).events ?? [];
    const types = events.map((e) => eventTypeName(e).replace('EVENT_TYPE_', ''));
    // Two workflow tasks: intake -> card, then decision -> delivery -> completion.
    expect(types.filter((t) => t === 'WORKFLOW_TASK_COMPLETED')).toHaveLength(2);
    expect(types.some((t) => t.startsWith('ACTIVITY_TASK'))).toBe(false);
    const writes = persistedWrites(events);
    console.warn(
      `human-approved ticket: ${writes} persisted writes, ${events.length} events: ${types.join(' ')}`,
    );
    expect(writes).toBeLessThanOrEqual(6);
  });

  it('keeps buyer names, ids and texts and seller edits out of the whole history', async () => {
    const buyerName = 'Zebulon Quixotefield';
    const buyerId = 'buyer-zq-7731';
    const buyerWord = 'xylophonically';
    const editWord = 'marmaladeperiwinkle';
    const { ticketId } = await service.ingest(shopId, {
      messageId: 'pii-1',
      orderId: 'ORD-PII-1',
      buyer: { id: buyerId, name: buyerName, locale: 'en-GB' },
      text: `The lamp arrived ${buyerWord} broken, the glass is cracked.`,
      receivedAt: new Date().toISOString(),
    });
    await awaitingApproval(ticketId);
    // A second message joins the ticket and is drafted again (a signal and a second draft).
    await service.ingest(shopId, {
      messageId: 'pii-2',
      orderId: 'ORD-PII-1',
      buyer: { id: buyerId, name: buyerName },
      text: `Still ${buyerWord} annoyed, please answer.`,
      receivedAt: new Date().toISOString(),
    });
    const decided = await decideWhenReady(ticketId, {
      action: 'edit',
      text: `Dear customer, a ${editWord} replacement is on its way.`,
      actor: { channel: 'telegram', id: '8101', name: '@seller' },
    });
    expect(decided.ok).toBe(true);
    const handle = client.workflow.getHandle(ticketWorkflowId(ticketId));
    expect((await handle.result()).status).toBe('sent');

    // The data did flow: stored, shown on the card, delivered.
    const view = await getTicketView(db.db, shopId, ticketId);
    expect(view?.ticket.finalText).toContain(editWord);
    expect(cardTexts.some((t) => t.includes(buyerWord))).toBe(true);
    expect(delivered.find((d) => d.ticketId === ticketId)?.text).toContain(editWord);

    const history = await handle.fetchHistory();
    const readable = readableHistory(history);
    // The decoding worked: activity names, the ticket id and the edit's reference are readable.
    expect(readable).toContain(ticketId);
    expect(readable).toContain('presentDraft');
    expect(readable).toContain('editId');
    for (const secret of [
      buyerName,
      'Zebulon',
      'Quixotefield',
      buyerId,
      buyerWord,
      editWord,
      'lamp arrived',
    ]) {
      expect(readable, `history holds "${secret}"`).not.toContain(secret);
    }
  });

  it('a ticket started with its first message id in the input (no signal) drafts it', async () => {
    // The shape an outbox drainer can use with an eager start: ids in the start input only.
    const stored = await ingestMessage(db.db, shopId, {
      messageId: 'eager-1',
      orderId: 'ORD-EAGER-1',
      buyerId: 'buyer-eager',
      redactedText: 'My package has not arrived, where is it?',
      redactedKinds: [],
      receivedAt: new Date(),
    });
    const input: TicketInput = { ticketId: stored.ticketId, shopId, inbox: ['eager-1'] };
    const handle = await client.workflow.start('ticketWorkflow', {
      taskQueue,
      workflowId: ticketWorkflowId(stored.ticketId),
      args: [input],
    });
    await awaitingApproval(stored.ticketId);
    // A repeated dispatch of the same message does not draft again.
    await handle.signal(buyerMessageSignal, { messageId: 'eager-1' });
    const decided = await decideWhenReady(stored.ticketId, {
      action: 'approve',
      actor: { channel: 'api', id: 'eager' },
    });
    expect(decided.ok).toBe(true);
    const outcome = await handle.result();
    // Revision 1: the repeated message id was ignored, not drafted a second time.
    expect(outcome).toMatchObject({ status: 'sent', revision: 1 });
  });

  it('1,200 buyer messages (over the 1,000-event bound) on one ticket: history stays bounded and the ticket stays decidable', async () => {
    const total = 1_200;
    const orderId = 'ORD-FLOOD-1';
    const first = await service.ingest(shopId, {
      messageId: 'flood-0',
      orderId,
      buyer: { id: 'buyer-flood' },
      text: 'Where is my order?',
      receivedAt: new Date().toISOString(),
    });
    const ticketId = first.ticketId;
    const ids = Array.from({ length: total - 1 }, (_, i) => i + 1);
    for (let i = 0; i < ids.length; i += 20) {
      await Promise.all(
        ids.slice(i, i + 20).map(async (n) => {
          const joined = await service.ingest(shopId, {
            messageId: `flood-${n}`,
            orderId,
            buyer: { id: 'buyer-flood' },
            text: `message number ${n}: still waiting for the parcel`,
            receivedAt: new Date(Date.now() + n).toISOString(),
          });
          expect(joined.ticketId).toBe(ticketId);
        }),
      );
    }
    // The outbox hands one ticket's messages over in order, one at a time: wait until all are in.
    await eventually(async () => (await backlogSize(db.db)) === 0, 420_000, 'the outbox drained');
    // The last message's draft is out: the seller can decide.
    const handle = client.workflow.getHandle(ticketWorkflowId(ticketId));
    await eventually(
      async () => {
        const state = await handle.query(ticketStateQuery);
        return state.status === 'awaiting_approval' && state.revision > 1;
      },
      120_000,
      'the flood drafted',
    );
    const decided = await decideWhenReady(ticketId, {
      action: 'approve',
      actor: { channel: 'api', id: 'flood' },
    });
    expect(decided.ok).toBe(true);
    expect((await handle.result()).status).toBe('sent');
    expect(delivered.filter((d) => d.ticketId === ticketId)).toHaveLength(1);

    // Walk the run chain backwards from the last run (each start names the run it continues).
    const lengths: number[] = [];
    let signals = 0;
    let runId: string | undefined = (await handle.describe()).runId;
    while (runId) {
      const history: temporal.api.history.v1.IHistory = await client.workflow
        .getHandle(ticketWorkflowId(ticketId), runId)
        .fetchHistory();
      const events = history.events ?? [];
      lengths.push(events.length);
      signals += events.filter((e) => eventTypeName(e) === 'EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED').length;
      const started = events[0]?.workflowExecutionStartedEventAttributes;
      runId = started?.continuedExecutionRunId || undefined;
      // The first run was started with the ticket's first message in its input (no signal).
      if (!runId) signals += startInbox(started).length;
    }
    console.warn(`${total} messages: ${lengths.length} runs of ${lengths.reverse().join(', ')} events`);
    expect(signals, 'messages received: signals plus the first in the start input').toBe(total);
    expect(lengths.length).toBeGreaterThan(1);
    // A run hands over at the bound; a burst of signals in its last task may overshoot a little.
    for (const length of lengths) expect(length).toBeLessThan(MAX_HISTORY_EVENTS + 400);
  }, 540_000);
});

/** Message ids a run was started with (`TicketInput.inbox`). */
function startInbox(
  started: temporal.api.history.v1.IWorkflowExecutionStartedEventAttributes | null | undefined,
): string[] {
  const data = started?.input?.payloads?.[0]?.data;
  if (!data) return [];
  const input = JSON.parse(Buffer.from(data).toString('utf8')) as { inbox?: string[] };
  return input.inbox ?? [];
}
