/**
 * Records ticket workflow histories for the replay test (test/workflows/replay.test.ts). Skipped
 * unless RECORD_HISTORIES names an output folder:
 *   RECORD_HISTORIES=test/fixtures/histories/current npx vitest run test/workflows/record-histories.test.ts
 * Nothing is deployed, so the recordings stand for the current workflow code: re-record them
 * whenever the workflow's commands change on purpose (no `patched()` branches), and the replay
 * test catches a change that was not meant to alter them.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import type { IntakeDrainer } from '../../src/app/intake-drainer.js';
import type { createTicketService } from '../../src/app/ticket-service.js';
import type { TelegramCards } from '../../src/channels/telegram/notifier.js';
import { createShop, linkTelegramChat } from '../../src/db/shops-repo.js';
import { getTicketView } from '../../src/db/ticket-views-repo.js';
import { createLogOutbound, type OutboundSender } from '../../src/delivery/outbound.js';
import { ticketWorkflowId } from '../../workflows/contracts/ticket.js';
import { eventually } from '../support/app.js';
import { openTestPostgres } from '../support/db.js';
import { startTicketIntake } from '../support/ticket-intake.js';
import { startTestWorker, type TestWorker } from '../support/worker.js';

const OUT = process.env.RECORD_HISTORIES;

describe.runIf(OUT)('record ticket workflow histories', () => {
  const taskQueue = `tq-record-${inject('runId')}`;
  let db: Awaited<ReturnType<typeof openTestPostgres>>;
  let testWorker: TestWorker;
  let client: Client;
  let service: ReturnType<typeof createTicketService>;
  let drainer: IntakeDrainer | undefined;
  let shopId: string;
  let n = 0;
  const cards: TelegramCards = { sendCard: async () => String(++n), editCard: async () => undefined };
  const outbound: OutboundSender = createLogOutbound();

  beforeAll(async () => {
    db = await openTestPostgres('record');
    testWorker = await startTestWorker({
      taskQueue,
      db: db.db,
      deps: (client) => {
        // Intake goes through the outbox: a drainer hands stored messages to the workflows.
        ({ service, drainer } = startTicketIntake(db.db, client, taskQueue));
        return {
          outbound,
          telegram: cards,
          dispatchBuyerMessage: service.dispatchBuyerMessage,
          openSystemTicket: service.openSystemTicket,
        };
      },
    });
    client = testWorker.client;
    const shop = await createShop(db.db, { name: 'Replay shop', defaultLanguage: 'en', plan: 'free' });
    shopId = shop.shop.id;
    await linkTelegramChat(db.db, shop.telegramLinkCode, '7001', '7001');
  });

  afterAll(async () => {
    await drainer?.stop();
    await testWorker?.stop();
    await db?.drop();
  });

  async function record(
    name: string,
    texts: string[],
    decision: { action: 'approve' | 'edit' | 'reject'; text?: string },
    order?: Record<string, unknown>,
  ) {
    let ticketId = '';
    for (const [i, text] of texts.entries()) {
      const result = await service.ingest(shopId, {
        messageId: `${name}-${i}`,
        orderId: `ORD-${name}`,
        buyer: { id: `buyer-${name}` },
        text,
        receivedAt: new Date().toISOString(),
        ...(order ? { order } : {}),
      });
      ticketId = result.ticketId;
    }
    await eventually(
      async () => (await getTicketView(db.db, shopId, ticketId))?.ticket.status === 'awaiting_approval',
      30_000,
      `${name} awaiting approval`,
    );
    await finish(name, ticketId, decision);
  }

  async function finish(
    name: string,
    ticketId: string,
    decision: { action: 'approve' | 'edit' | 'reject'; text?: string },
  ) {
    // A later message may still be drafting: the seller's decision waits for its draft.
    let outcome = await service.decide(ticketId, { ...decision, actor: { channel: 'api', id: 'recorder' } });
    for (let i = 0; i < 100 && !outcome.ok && outcome.code === 'draft_not_ready'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      outcome = await service.decide(ticketId, { ...decision, actor: { channel: 'api', id: 'recorder' } });
    }
    if (!outcome.ok) throw new Error(`${name}: ${outcome.code}`);
    const handle = client.workflow.getHandle(ticketWorkflowId(ticketId));
    await handle.result();
    // The CLI writes the history in the proto3 JSON form `Worker.runReplayHistory` reads back.
    const json = execFileSync(
      path.resolve('.tools/temporal/bin/temporal'),
      [
        'workflow',
        'show',
        '--workflow-id',
        handle.workflowId,
        '--address',
        inject('temporalAddress'),
        '--output',
        'json',
      ],
      { encoding: 'utf8' },
    );
    mkdirSync(OUT!, { recursive: true });
    writeFileSync(path.join(OUT!, `${name}.json`), json);
  }

  it('not as described, approved', () =>
    record(
      'not-as-described-approved',
      ['The dress is not as described, the colour is totally different.'],
      {
        action: 'approve',
      },
      { items: ['Floral summer dress'] },
    ));

  it('where is my parcel, two messages, edited', () =>
    record(
      'not-received-edited',
      ['Hello, where is my parcel?', 'It has been three weeks and nothing arrived.'],
      { action: 'edit', text: 'Hello, your parcel is on its way; we will send the tracking today.' },
    ));

  it('stall apology (system ticket), approved', async () => {
    const opened = await service.openSystemTicket({
      shopId,
      orderId: 'ORD-stall',
      buyerId: 'buyer-stall',
      dedupeKey: 'stall:RB1:2026-11-20T00:00:00Z',
      preset: {
        templateId: 'not_received.default',
        category: 'not_received',
        language: 'fr',
        vars: { trackingNumber: 'RB123456789CN', carrier: 'China Post' },
        autoSend: false,
        reason: 'tracking stalled for 49 h',
      },
    });
    await eventually(
      async () =>
        (await getTicketView(db.db, shopId, opened.ticketId))?.ticket.status === 'awaiting_approval',
      30_000,
      'system ticket awaiting approval',
    );
    await finish('stall-apology-approved', opened.ticketId, { action: 'approve' });
  });

  it('refund request, escalated by the seller, then approved', async () => {
    const { ticketId } = await service.ingest(shopId, {
      messageId: 'escalated-approved-0',
      orderId: 'ORD-escalated-approved',
      buyer: { id: 'buyer-escalated-approved' },
      text: 'I want my money back, the shoes do not fit at all.',
      receivedAt: new Date().toISOString(),
    });
    await eventually(
      async () => (await getTicketView(db.db, shopId, ticketId))?.ticket.status === 'awaiting_approval',
      30_000,
      'escalated-approved awaiting approval',
    );
    const escalated = await service.decide(ticketId, {
      action: 'escalate',
      actor: { channel: 'api', id: 'recorder' },
    });
    if (!escalated.ok) throw new Error(`escalated-approved: ${escalated.code}`);
    // The escalation round (record it, edit the cards, tell the chats) runs before the decision.
    await eventually(
      async () =>
        (await getTicketView(db.db, shopId, ticketId))?.events.some((e) => e.kind === 'escalation_notice'),
      30_000,
      'escalation announced',
    );
    await finish('escalated-approved', ticketId, { action: 'approve' });
  });

  it('damaged, rejected', () =>
    record('damaged-rejected', ['El producto llegó roto, la caja estaba aplastada.'], { action: 'reject' }));
});
