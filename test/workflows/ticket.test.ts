import { Client, Connection } from '@temporalio/client';
import type { Worker } from '@temporalio/worker';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createActivities } from '../../src/activities/index.js';
import type { IntakeDrainer } from '../../src/app/intake-drainer.js';
import type { createTicketService } from '../../src/app/ticket-service.js';
import type { TelegramCards } from '../../src/channels/telegram/notifier.js';
import type { DeliveryPayload } from '../../src/db/schema/index.js';
import { auditLog, intentCorrections, shops } from '../../src/db/schema/index.js';
import { createShop, linkTelegramChat } from '../../src/db/shops-repo.js';
import { getTicketView } from '../../src/db/ticket-views-repo.js';
import type { OutboundSender } from '../../src/delivery/outbound.js';
import { createReplyRenderer } from '../../src/domain/reply/index.js';
import { loadReplyResources } from '../../src/i18n/load.js';
import { createWorker } from '../../src/temporal/worker.js';
import { ticketStateQuery, ticketWorkflowId } from '../../workflows/contracts/ticket.js';
import { eventually } from '../support/app.js';
import { openTestPostgres } from '../support/db.js';
import { startTicketIntake } from '../support/ticket-intake.js';

/** In-process Telegram port that records cards (the HTTP protocol is covered by the e2e test). */
function recordingCards() {
  const sent: Array<{ chatId: string; text: string; messageId: string; buttons: boolean }> = [];
  const edits: Array<{ chatId: string; messageId: string; text: string }> = [];
  let next = 1;
  const cards: TelegramCards = {
    async sendCard(chatId, text, keyboard) {
      const messageId = String(next++);
      sent.push({ chatId, text, messageId, buttons: keyboard !== null });
      return messageId;
    },
    async editCard(chatId, messageId, text) {
      edits.push({ chatId, messageId, text });
    },
  };
  return { cards, sent, edits };
}

function recordingOutbound() {
  const delivered: DeliveryPayload[] = [];
  let failures = 0;
  const sender: OutboundSender = {
    destinationFor: async () => ({ target: 'http', url: 'https://market.example/replies', secret: 'x' }),
    async send(payload) {
      if (failures > 0) {
        failures--;
        return { ok: false, status: 503, error: 'receiver answered 503' };
      }
      delivered.push(payload);
      return { ok: true, status: 200 };
    },
  };
  return { sender, delivered, failNext: (n: number) => (failures = n) };
}

describe('ticket workflow on the real Temporal server', () => {
  const taskQueue = `tq-ticket-wf-${inject('runId')}`;
  let db: Awaited<ReturnType<typeof openTestPostgres>>;
  let connection: Connection;
  let client: Client;
  let service: ReturnType<typeof createTicketService>;
  let drainer: IntakeDrainer | undefined;
  let worker: Worker;
  let running: Promise<void>;
  let workerConnection: { close(): Promise<void> };
  const telegram = recordingCards();
  const outbound = recordingOutbound();
  let shopId: string;
  let activities: ReturnType<typeof createActivities>;
  let counter = 0;

  async function startWorker() {
    const created = await createWorker({
      address: inject('temporalAddress'),
      namespace: 'default',
      taskQueue,
      activities,
    });
    worker = created.worker;
    workerConnection = created.connection;
    running = worker.run();
  }

  async function stopWorker() {
    worker.shutdown();
    await running;
    await workerConnection.close();
  }

  async function newTicket(text: string, extra: Record<string, unknown> = {}) {
    counter++;
    const result = await service.ingest(shopId, {
      messageId: `wf-msg-${counter}`,
      orderId: `ORD-${counter}`,
      buyer: { id: `buyer-${counter}` },
      text,
      receivedAt: '2026-11-23T09:00:00Z',
      ...extra,
    });
    await eventually(
      async () => {
        const view = await getTicketView(db.db, shopId, result.ticketId);
        return (
          view?.ticket.status === 'awaiting_approval' &&
          telegram.sent.some((s) => s.text.includes(result.ticketId))
        );
      },
      30_000,
      'approval card',
    );
    return result.ticketId;
  }

  async function finalView(ticketId: string, status: string, ofShop = shopId) {
    return eventually(
      async () => {
        const view = await getTicketView(db.db, ofShop, ticketId);
        return view?.ticket.status === status ? view : undefined;
      },
      30_000,
      `status ${status}`,
    );
  }

  async function result(ticketId: string) {
    return client.workflow.getHandle(ticketWorkflowId(ticketId)).result();
  }

  beforeAll(async () => {
    db = await openTestPostgres('wf');
    connection = await Connection.connect({ address: inject('temporalAddress') });
    client = new Client({ connection });
    // Intake goes through the outbox: a drainer hands stored messages to the workflows.
    ({ service, drainer } = startTicketIntake(db.db, client, taskQueue));
    const { catalogue, resources } = await loadReplyResources(process.cwd());
    activities = createActivities({
      db: db.db,
      renderer: createReplyRenderer(catalogue, resources),
      outbound: outbound.sender,
      telegram: telegram.cards,
      logger: pino({ level: 'silent' }),
      dispatchBuyerMessage: service.dispatchBuyerMessage,
    });
    const shop = await createShop(db.db, { name: 'WF shop', defaultLanguage: 'en', plan: 'free' });
    shopId = shop.shop.id;
    await linkTelegramChat(db.db, shop.telegramLinkCode, '9001', '9001');
    await startWorker();
  });

  afterAll(async () => {
    await drainer?.stop();
    await stopWorker().catch(() => undefined);
    await connection?.close();
    await db?.drop();
  });

  it('approve: delivers the draft once and closes the card', async () => {
    const ticketId = await newTicket('My order never arrived, where is my package??');
    const decided = await service.decide(ticketId, {
      action: 'approve',
      actor: { channel: 'api', id: 'tester' },
    });
    expect(decided.ok).toBe(true);
    const outcome = await result(ticketId);
    expect(outcome.status).toBe('sent');
    const view = await finalView(ticketId, 'sent');
    expect(view.ticket.deliveryState).toBe('delivered');
    const mine = outbound.delivered.filter((d) => d.ticketId === ticketId);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.text).toBe(view.draft!.text);
    expect(mine[0]!.idempotencyKey).toBe(`${ticketId}:1`);
    expect(telegram.edits.some((e) => e.text.includes(ticketId))).toBe(true);
  });

  it('edit: sends the seller text as a new revision', async () => {
    const ticketId = await newTicket('The mug arrived broken, pieces everywhere');
    const decided = await service.decide(ticketId, {
      action: 'edit',
      text: '  So sorry! A new mug is on its way.  ',
      actor: { channel: 'telegram', id: '9001', name: '@seller' },
    });
    expect(decided.ok && decided.result.revision).toBe(2);
    await result(ticketId);
    const view = await finalView(ticketId, 'sent');
    expect(view.ticket.finalText).toBe('So sorry! A new mug is on its way.');
    const mine = outbound.delivered.filter((d) => d.ticketId === ticketId);
    expect(mine.map((d) => d.text)).toEqual(['So sorry! A new mug is on its way.']);
    expect(mine[0]!.idempotencyKey).toBe(`${ticketId}:2`);
  });

  it('edit without text is refused and changes nothing', async () => {
    const ticketId = await newTicket('I want a refund for this order please');
    const refused = await service.decide(ticketId, {
      action: 'edit',
      text: '   ',
      actor: { channel: 'api', id: 'x' },
    });
    expect(refused).toMatchObject({ ok: false, code: 'edit_text_required' });
    const state = await client.workflow.getHandle(ticketWorkflowId(ticketId)).query(ticketStateQuery);
    expect(state.status).toBe('awaiting_approval');
    expect(state.decision).toBeUndefined();
    await service.decide(ticketId, { action: 'reject', actor: { channel: 'api', id: 'x' } });
    await result(ticketId);
  });

  it('reject: nothing reaches the buyer', async () => {
    const ticketId = await newTicket('quiero mi dinero de vuelta');
    await service.decide(ticketId, { action: 'reject', actor: { channel: 'api', id: 'tester' } });
    const outcome = await result(ticketId);
    expect(outcome.status).toBe('rejected');
    await finalView(ticketId, 'rejected');
    expect(outbound.delivered.some((d) => d.ticketId === ticketId)).toBe(false);
  });

  it('escalate: the ticket goes to the team, nothing is sent until the team decides', async () => {
    const ticketId = await newTicket('This is a scam, I will open a dispute!!!');
    const escalated = await service.decide(ticketId, {
      action: 'escalate',
      actor: { channel: 'api', id: 'tester' },
    });
    expect(escalated.ok).toBe(true);
    const view = await finalView(ticketId, 'escalated');
    expect(view.events.some((e) => e.kind === 'escalated')).toBe(true);
    expect(outbound.delivered.some((d) => d.ticketId === ticketId)).toBe(false);
    const again = await service.decide(ticketId, {
      action: 'escalate',
      actor: { channel: 'api', id: 'other' },
    });
    expect(again).toMatchObject({ ok: false, code: 'already_escalated' });
    // A buyer message on the escalated ticket joins it and re-drafts; it stays with the team.
    const joined = await service.ingest(shopId, {
      messageId: `wf-msg-${counter}-late`,
      orderId: `ORD-${counter}`,
      buyer: { id: `buyer-${counter}` },
      text: 'hello?? any answer?',
      receivedAt: '2026-11-23T09:10:00Z',
    });
    expect(joined.ticketId).toBe(ticketId);
    await eventually(
      async () => (await getTicketView(db.db, shopId, ticketId))?.draft?.revision === 2,
      30_000,
      'redraft',
    );
    expect((await getTicketView(db.db, shopId, ticketId))?.ticket.status).toBe('escalated');
    await eventually(
      async () =>
        (await service.decide(ticketId, { action: 'reject', actor: { channel: 'slack', id: 'U1' } })).ok,
      30_000,
      'team decision',
    );
    expect((await result(ticketId)).status).toBe('rejected');
    expect(outbound.delivered.some((d) => d.ticketId === ticketId)).toBe(false);
  });

  it('a second decision is refused with who decided first', async () => {
    const ticketId = await newTicket('Is this available in size XL?');
    const first = await service.decide(ticketId, {
      action: 'approve',
      actor: { channel: 'telegram', id: '1', name: '@first' },
    });
    expect(first.ok).toBe(true);
    const second = await service.decide(ticketId, {
      action: 'reject',
      actor: { channel: 'slack', id: '2', name: 'second' },
    });
    expect(second.ok).toBe(false);
    if (!second.ok) {
      expect(second.code).toBe('already_decided');
      expect(second.decided?.decidedBy.name).toBe('@first');
    }
    await result(ticketId);
    // After the workflow closed, the refusal comes from the database record.
    const third = await service.decide(ticketId, { action: 'approve', actor: { channel: 'api', id: '3' } });
    expect(third).toMatchObject({ ok: false, code: 'already_decided' });
    expect(outbound.delivered.filter((d) => d.ticketId === ticketId)).toHaveLength(1);
  });

  it('a new buyer message on the open ticket re-drafts and replaces the card', async () => {
    const ticketId = await newTicket('hello, question about my order');
    const cardsBefore = telegram.sent.filter((s) => s.text.includes(ticketId)).length;
    const joined = await service.ingest(shopId, {
      messageId: `wf-msg-${counter}-b`,
      orderId: `ORD-${counter}`,
      buyer: { id: `buyer-${counter}` },
      text: 'the package arrived today but the screen is cracked and broken',
      receivedAt: '2026-11-23T09:05:00Z',
    });
    expect(joined.ticketId).toBe(ticketId);
    const view = await eventually(
      async () => {
        const v = await getTicketView(db.db, shopId, ticketId);
        return v?.draft?.revision === 2 &&
          telegram.sent.filter((s) => s.text.includes(ticketId)).length > cardsBefore
          ? v
          : undefined;
      },
      30_000,
      'second draft',
    );
    expect(view.ticket.category).toBe('damaged');
    // The first card lost its buttons (edited to "replaced").
    expect(telegram.edits.some((e) => e.text.includes(ticketId))).toBe(true);
    await service.decide(ticketId, { action: 'approve', actor: { channel: 'api', id: 'tester' } });
    const outcome = await result(ticketId);
    expect(outcome.revision).toBe(2);
    const mine = outbound.delivered.filter((d) => d.ticketId === ticketId);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.idempotencyKey).toBe(`${ticketId}:2`);
  });

  it('a category correction redrafts in the seller category, is kept as the shop example and sticks', async () => {
    const seller = { channel: 'telegram' as const, id: '9001', name: '@seller' };
    const ticketId = await newTicket('Please hold the shipment, I bought the same kettle cheaper in town.');
    const first = (await getTicketView(db.db, shopId, ticketId))!;
    const target = first.ticket.category === 'cancel_order' ? 'order_change' : 'cancel_order';
    const cardsBefore = telegram.sent.filter((s) => s.text.includes(ticketId)).length;

    const corrected = await service.correctCategory(ticketId, { category: target, actor: seller });
    expect(corrected).toMatchObject({
      ok: true,
      result: {
        ticketId,
        category: target,
        correctedFrom: first.ticket.category,
        revision: 2,
        correctedBy: seller,
      },
    });
    const view = await eventually(
      async () => {
        const v = await getTicketView(db.db, shopId, ticketId);
        return v?.draft?.revision === 2 &&
          v.ticket.status === 'awaiting_approval' &&
          telegram.sent.filter((s) => s.text.includes(ticketId)).length > cardsBefore
          ? v
          : undefined;
      },
      30_000,
      'the corrected draft',
    );
    expect(view.ticket).toMatchObject({ category: target, confidence: 1, abstained: 0 });
    expect(view.draft!.templateId).toBe(`${target}.default`);
    // The old card says why it was replaced; the seller's correction is a ticket event and audited.
    expect(
      telegram.edits.some((e) => e.text.includes(ticketId) && /category was corrected/.test(e.text)),
    ).toBe(true);
    const event = view.events.find((e) => e.kind === 'category_corrected');
    expect(event?.details).toMatchObject({
      revision: 2,
      category: target,
      correctedFrom: first.ticket.category,
    });
    const drafted = view.events.filter((e) => e.kind === 'drafted').at(-1);
    expect(drafted?.details.evidence).toContain(`corrected:${target} (set by the seller)`);
    const [audit] = await db.db.select().from(auditLog).where(eq(auditLog.ticketId, ticketId));
    expect(audit).toMatchObject({ kind: 'category_corrected', actor: seller });
    const [example] = await db.db
      .select()
      .from(intentCorrections)
      .where(eq(intentCorrections.ticketId, ticketId));
    expect(example).toMatchObject({
      shopId,
      revision: 2,
      language: 'en',
      category: target,
      correctedFrom: first.ticket.category,
      text: 'Please hold the shipment, I bought the same kettle cheaper in town.',
      erasedAt: null,
    });

    // The same category again changes nothing; a later buyer message keeps the seller's category.
    expect(await service.correctCategory(ticketId, { category: target, actor: seller })).toMatchObject({
      ok: false,
      code: 'category_unchanged',
    });
    await service.ingest(shopId, {
      messageId: `wf-msg-${counter}-c`,
      orderId: `ORD-${counter}`,
      buyer: { id: `buyer-${counter}` },
      text: 'Also, where is my parcel right now?',
      receivedAt: '2026-11-23T09:06:00Z',
    });
    const third = await eventually(
      async () => {
        const v = await getTicketView(db.db, shopId, ticketId);
        return v?.draft?.revision === 3 && v.ticket.status === 'awaiting_approval' ? v : undefined;
      },
      30_000,
      'the third draft',
    );
    expect(third.ticket.category).toBe(target);
    // Nothing was sent without a decision; the decision sends the latest revision.
    expect(outbound.delivered.some((d) => d.ticketId === ticketId)).toBe(false);
    await eventually(
      async () => (await service.decide(ticketId, { action: 'approve', actor: seller })).ok,
      30_000,
      'approval',
    );
    expect((await result(ticketId)).revision).toBe(3);
    expect(outbound.delivered.filter((d) => d.ticketId === ticketId).map((d) => d.idempotencyKey)).toEqual([
      `${ticketId}:3`,
    ]);
    expect(await service.correctCategory(ticketId, { category: 'other', actor: seller })).toMatchObject({
      ok: false,
      code: 'already_decided',
    });

    // The shop's next similar message lands in the seller's category, the memory named in the evidence.
    const next = await newTicket(
      'Hello, please hold the shipment, I bought the same kettle cheaper in my town.',
    );
    const nextView = (await getTicketView(db.db, shopId, next))!;
    expect(nextView.ticket.category).toBe(target);
    const evidence = nextView.events.find((e) => e.kind === 'drafted')?.details.evidence as string[];
    expect(evidence.some((e) => e.startsWith(`shop-memory:${target}`))).toBe(true);
    await service.decide(next, { action: 'reject', actor: seller });
    await result(next);
  });

  it('delivery failures are retried with backoff until the receiver accepts, once', async () => {
    const ticketId = await newTicket('Where is my parcel?');
    outbound.failNext(2);
    await service.decide(ticketId, { action: 'approve', actor: { channel: 'api', id: 'tester' } });
    await result(ticketId);
    const view = await finalView(ticketId, 'sent');
    expect(view.deliveries[0]).toMatchObject({ state: 'delivered', attempts: 3 });
    expect(outbound.delivered.filter((d) => d.ticketId === ticketId)).toHaveLength(1);
    // The first attempt failed inside the decision's round; the retrying activity runs ahead of
    // new intake (priority key 1; ticket workflows carry the default 3).
    const history = await client.workflow.getHandle(ticketWorkflowId(ticketId)).fetchHistory();
    const scheduled = (history.events ?? [])
      .map((e) => e.activityTaskScheduledEventAttributes)
      .filter((a) => a?.activityType?.name === 'deliverReply');
    expect(scheduled).toHaveLength(1);
    expect(scheduled[0]?.priority?.priorityKey).toBe(1);
  });

  it('a system ticket drafts its preset scenario and waits for approval on the free plan', async () => {
    const opened = await service.openSystemTicket({
      shopId,
      orderId: 'SYS-1',
      buyerId: 'buyer-sys-1',
      dedupeKey: 'stall:TRK1:2026-11-20T00:00:00Z',
      preset: {
        templateId: 'not_received.default',
        category: 'not_received',
        language: 'es',
        vars: { trackingNumber: 'RB123456789CN', carrier: 'China Post' },
        coupon: { code: 'SORRY-1', value: 3, currency: 'USD' },
        autoSend: true,
        reason: 'tracking stalled for 49 h',
      },
    });
    expect(opened.created).toBe(true);
    const again = await service.openSystemTicket({
      shopId,
      orderId: 'SYS-1',
      buyerId: 'buyer-sys-1',
      dedupeKey: 'stall:TRK1:2026-11-20T00:00:00Z',
      preset: {
        templateId: 'not_received.default',
        category: 'not_received',
        language: 'es',
        vars: {},
        autoSend: true,
        reason: 'repeat',
      },
    });
    expect(again).toEqual({ ticketId: opened.ticketId, created: false });
    const view = await eventually(
      async () => {
        const v = await getTicketView(db.db, shopId, opened.ticketId);
        return v?.ticket.status === 'awaiting_approval' &&
          telegram.sent.some((s) => s.text.includes(opened.ticketId))
          ? v
          : undefined;
      },
      30_000,
      'system ticket card',
    );
    expect(view.ticket.autoSendRule).toBe('plan_free_requires_approval');
    expect(view.draft?.language).toBe('es');
    expect(view.draft?.text).toContain('RB123456789CN');
    expect(view.draft?.note).toContain('49 h');
    await service.decide(opened.ticketId, { action: 'approve', actor: { channel: 'api', id: 'tester' } });
    await result(opened.ticketId);
    const sent = outbound.delivered.filter((d) => d.ticketId === opened.ticketId);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.coupon).toEqual({ code: 'SORRY-1', value: 3, currency: 'USD' });
  });

  it('a system ticket of an auto-plan shop is auto-sent once, without a card', async () => {
    const auto = await createShop(db.db, { name: 'Auto shop', defaultLanguage: 'en', plan: 'auto' });
    await db.db
      .update(shops)
      .set({ settings: { logistics: { autoApology: true } } })
      .where(eq(shops.id, auto.shop.id));
    const opened = await service.openSystemTicket({
      shopId: auto.shop.id,
      orderId: 'SYS-2',
      buyerId: 'buyer-sys-2',
      dedupeKey: 'stall:TRK2:2026-11-20T00:00:00Z',
      preset: {
        templateId: 'not_received.default',
        category: 'not_received',
        language: 'fr',
        vars: { trackingNumber: 'LP00123456789012' },
        autoSend: true,
        reason: 'tracking stalled for 49 h',
      },
    });
    const outcome = await result(opened.ticketId);
    expect(outcome.status).toBe('auto_sent');
    const view = await finalView(opened.ticketId, 'auto_sent', auto.shop.id);
    expect(view.ticket.autoSendRule).toBe('system_opt_in');
    expect(view.ticket.decidedBy?.channel).toBe('system');
    expect(outbound.delivered.filter((d) => d.ticketId === opened.ticketId)).toHaveLength(1);
    expect(telegram.sent.some((s) => s.text.includes(opened.ticketId))).toBe(false);
  });

  it('survives the worker stopping while the ticket waits for approval', async () => {
    const ticketId = await newTicket('Mi paquete no llega, ya pasaron 2 meses');
    await stopWorker();
    // With no worker the decision cannot be applied; the ticket waits durably.
    await startWorker();
    const decided = await service.decide(ticketId, {
      action: 'approve',
      actor: { channel: 'api', id: 'after-restart' },
    });
    expect(decided.ok).toBe(true);
    expect((await result(ticketId)).status).toBe('sent');
    expect(outbound.delivered.filter((d) => d.ticketId === ticketId)).toHaveLength(1);
  });
});
