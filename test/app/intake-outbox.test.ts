import type { Client } from '@temporalio/client';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchBuyerMessage, startIntakeDrainer } from '../../src/app/intake-drainer.js';
import { createTicketService } from '../../src/app/ticket-service.js';
import { type Database, openDatabase } from '../../src/db/client.js';
import {
  backlogSize,
  claimIntake,
  claimIntakeWithin,
  completeIntake,
  IntakeBacklogFullError,
} from '../../src/db/intake-repo.js';
import { createShop } from '../../src/db/shops-repo.js';
import { getTicket, type IncomingMessage, ingestMessage } from '../../src/db/tickets-repo.js';
import { ticketStateQuery, ticketWorkflowId } from '../../workflows/contracts/ticket.js';
import { eventually, startTestApp, TEST_ADMIN_TOKEN } from '../support/app.js';
import { dropSchema, openTestPostgres } from '../support/db.js';

const message = (id: string, orderId = 'O-1', buyerId = 'B-1'): IncomingMessage => ({
  messageId: id,
  orderId,
  buyerId,
  redactedText: 'Where is my parcel? It has been three weeks.',
  redactedKinds: [],
  receivedAt: new Date('2026-11-20T10:00:00Z'),
});

const count = async (database: Database, query: string) => {
  const result = await database.db.execute(sql.raw(query));
  return Number((result as unknown as { rows: Array<{ n: number }> }).rows[0]!.n);
};

describe.each(['postgres', 'pglite'] as const)('intake outbox on %s', (engine) => {
  let database: Database & { drop?: () => Promise<void> };
  let shopA: string;
  let shopB: string;

  beforeAll(async () => {
    database =
      engine === 'postgres'
        ? await openTestPostgres('outbox')
        : await openDatabase({ dataDir: '.data', inMemory: true });
    if (engine === 'pglite') await database.migrate();
    shopA = (await createShop(database.db, { name: 'A', defaultLanguage: 'en', plan: 'free' })).shop.id;
    shopB = (await createShop(database.db, { name: 'B', defaultLanguage: 'en', plan: 'free' })).shop.id;
  });
  afterAll(async () => {
    if (database?.drop) await database.drop();
    else await database?.close();
  });

  it('stores message and outbox row together, queued; claims the oldest row of a ticket only', async () => {
    const first = await ingestMessage(database.db, shopA, message('a1'));
    expect(first).toMatchObject({ status: 'queued', newTicket: true });
    const joined = await ingestMessage(database.db, shopA, message('a2'));
    expect(joined.ticketId).toBe(first.ticketId);
    await ingestMessage(database.db, shopA, message('a1')); // a repeat queues nothing
    expect(await backlogSize(database.db)).toBe(2);
    const claimed = await claimIntake(database.db, 10, 30_000);
    expect(claimed.map((c) => c.messageId)).toEqual(['a1']);
    expect((await getTicket(database.db, first.ticketId))?.status).toBe('classifying');
    // Held by its lease: nobody else gets a1, and a2 waits behind it.
    expect(await claimIntake(database.db, 10, 30_000)).toEqual([]);
    await completeIntake(database.db, claimed[0]!.id);
    expect((await claimIntake(database.db, 10, 30_000)).map((c) => c.messageId)).toEqual(['a2']);
    await database.db.execute(sql`delete from intake_outbox`);
  });

  it('a crashed claim (lease run out) is claimed again', async () => {
    await ingestMessage(database.db, shopA, message('l1', 'O-lease'));
    const first = await claimIntake(database.db, 10, 50);
    expect(first.map((c) => c.messageId)).toEqual(['l1']);
    await new Promise((r) => setTimeout(r, 120));
    const again = await claimIntake(database.db, 10, 30_000);
    expect(again.map((c) => [c.messageId, c.attempts])).toEqual([['l1', 2]]);
    await database.db.execute(sql`delete from intake_outbox`);
  });

  it('serves shops round-robin: a quiet shop is not behind a noisy one', async () => {
    for (let i = 0; i < 6; i++) await ingestMessage(database.db, shopA, message(`n${i}`, `O-n${i}`));
    await ingestMessage(database.db, shopB, message('q1', 'O-q1'));
    const claimed = await claimIntake(database.db, 2, 30_000);
    expect(claimed.map((c) => c.messageId).sort()).toEqual(['n0', 'q1']);
    await database.db.execute(sql`delete from intake_outbox`);
  });

  it('one shop holds at most its share of the intake window', async () => {
    // Tickets claimed by the tests above count as in intake: draft them first.
    await database.db.execute(
      sql`update tickets set status = 'awaiting_approval' where status = 'classifying'`,
    );
    for (let i = 0; i < 4; i++) await ingestMessage(database.db, shopA, message(`w${i}`, `O-w${i}`));
    await ingestMessage(database.db, shopB, message('wq', 'O-wq'));
    const perShop = { cap: 2, withinMs: 60_000 };
    const first = await claimIntake(database.db, 2, 30_000, perShop);
    expect(first.map((c) => c.messageId).sort()).toEqual(['w0', 'wq']);
    const second = await claimIntake(database.db, 5, 30_000, perShop);
    expect(second.map((c) => c.messageId)).toEqual(['w1']);
    // Shop A has two tickets in intake now: its other rows wait until one is drafted.
    expect(await claimIntake(database.db, 5, 30_000, perShop)).toEqual([]);
    await database.db.execute(sql`delete from intake_outbox`);
    await database.db.execute(
      sql`update tickets set status = 'awaiting_approval' where status = 'classifying'`,
    );
  });

  it('a claim within the window takes no more than its free room and says how much it found', async () => {
    for (let i = 0; i < 3; i++) await ingestMessage(database.db, shopA, message(`r${i}`, `O-win-r${i}`));
    for (let i = 0; i < 3; i++) await ingestMessage(database.db, shopB, message(`t${i}`, `O-win-t${i}`));
    const within = { cap: 10, withinMs: 60_000, window: 4 };
    const first = await claimIntakeWithin(database.db, 3, 30_000, within);
    // Room: the limit (3) inside an empty window of 4; round-robin across the two shops.
    expect(first.room).toBe(3);
    expect(first.claimed.map((c) => c.messageId).sort()).toEqual(['r0', 'r1', 't0']);
    expect(await count(database, "select count(*)::int as n from tickets where status = 'classifying'")).toBe(
      3,
    );
    // Three tickets in intake leave one place in the window of four, whatever the limit.
    const second = await claimIntakeWithin(database.db, 10, 30_000, within);
    expect(second.room).toBe(1);
    expect(second.claimed.map((c) => c.messageId)).toEqual(['t1']);
    // A full window: no room, nothing claimed, the rows wait.
    const third = await claimIntakeWithin(database.db, 10, 30_000, within);
    expect(third).toEqual({ claimed: [], room: 0 });
    expect(await backlogSize(database.db)).toBe(6);
    await database.db.execute(sql`delete from intake_outbox`);
    await database.db.execute(
      sql`update tickets set status = 'awaiting_approval' where status = 'classifying'`,
    );
  });

  it('a claim removes the rows dispatched since, and the next row of their ticket is claimable at once', async () => {
    const first = await ingestMessage(database.db, shopA, message('d1', 'O-done'));
    await ingestMessage(database.db, shopA, message('d2', 'O-done'));
    const [row] = await claimIntake(database.db, 10, 30_000);
    expect(row).toMatchObject({ messageId: 'd1', currentTicketId: first.ticketId });
    // d1 was dispatched: the claim that removes it may take d2, the next message of its ticket.
    const next = await claimIntakeWithin(database.db, 10, 30_000, undefined, [row!.id]);
    expect(next.claimed.map((c) => c.messageId)).toEqual(['d2']);
    expect(await backlogSize(database.db)).toBe(1);
    // With no room in the process (limit 0), the finished row still goes and nothing is claimed.
    expect(await claimIntakeWithin(database.db, 0, 30_000, undefined, [next.claimed[0]!.id])).toEqual({
      claimed: [],
      room: 0,
    });
    expect(await backlogSize(database.db)).toBe(0);
  });

  it('the ticket service stores and bounds intake on this engine (no deadlock on one connection)', async () => {
    const service = createTicketService({
      db: database.db,
      temporal: {} as Client, // intake never calls Temporal
      taskQueue: 'unused',
      intake: { backlogLimit: 3 },
    });
    const body = (id: string) => ({
      messageId: id,
      orderId: `O-${id}`,
      buyer: { id: 'B-svc' },
      text: 'Where is my parcel?',
      receivedAt: '2026-11-20T10:00:00Z',
    });
    for (const id of ['s1', 's2', 's3'])
      expect((await service.ingest(shopB, body(id))).status).toBe('queued');
    await expect(service.ingest(shopB, body('s4'))).rejects.toMatchObject({
      code: 'intake_backlog_full',
      status: 503,
      headers: { 'retry-after': '10' },
    });
    await database.db.execute(sql`delete from intake_outbox`);
  });

  it('past the bound it refuses and stores nothing', async () => {
    await ingestMessage(database.db, shopA, message('b1', 'O-b1'), { backlogLimit: 2 });
    await ingestMessage(database.db, shopA, message('b2', 'O-b2'), { backlogLimit: 2 });
    const before = await count(database, 'select count(*)::int as n from buyer_messages');
    const tickets = await count(database, 'select count(*)::int as n from tickets');
    await expect(
      ingestMessage(database.db, shopA, message('b3', 'O-b3'), { backlogLimit: 2 }),
    ).rejects.toBeInstanceOf(IntakeBacklogFullError);
    expect(await count(database, 'select count(*)::int as n from buyer_messages')).toBe(before);
    expect(await count(database, 'select count(*)::int as n from tickets')).toBe(tickets);
    // A repeat of a stored message is still answered (it stores nothing new).
    expect(
      (await ingestMessage(database.db, shopA, message('b1', 'O-b1'), { backlogLimit: 2 })).duplicate,
    ).toBe(true);
    await database.db.execute(sql`delete from intake_outbox`);
  });
});

describe('intake through the API and Temporal', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let token: string;
  let shopId: string;
  const logger = pino({ level: 'silent' });

  beforeAll(async () => {
    // No drainer in the app: the test drives it, so "queued" and crashes are observable.
    app = await startTestApp({
      label: 'intake',
      env: { INTAKE_BACKLOG_LIMIT: '3', INTAKE_DRAINER: 'off' },
    });
    const created = await app.api.post(
      '/v1/admin/shops',
      { name: 'Outbox shop', defaultLanguage: 'en', plan: 'free', sellerLanguage: 'en' },
      TEST_ADMIN_TOKEN,
    );
    token = created.json.apiToken;
    shopId = created.json.shop.id;
  });
  afterAll(async () => {
    await app?.stop();
    if (app) await dropSchema(app.schema);
  });

  const post = (messageId: string, orderId: string) =>
    app.api.post(
      '/v1/messages',
      {
        messageId,
        orderId,
        buyer: { id: `buyer-${orderId}` },
        text: 'My parcel has not arrived after a month, where is it?',
        receivedAt: '2026-11-20T10:00:00Z',
      },
      token,
    );

  it('answers 202 queued without Temporal, 503 with Retry-After past the bound, storing nothing', async () => {
    const a = await post('m1', 'A-1');
    expect(a.status).toBe(202);
    expect(a.json.status).toBe('queued');
    const view = await app.api.get(`/v1/tickets/${a.json.ticketId}`, token);
    expect(view.json.status).toBe('queued');
    expect((await post('m2', 'A-2')).status).toBe(202);
    expect((await post('m3', 'A-3')).status).toBe(202);
    const refused = await app.api.call('POST', '/v1/messages', {
      token,
      body: {
        messageId: 'm4',
        orderId: 'A-4',
        buyer: { id: 'buyer-A-4' },
        text: 'hello?',
        receivedAt: '2026-11-20T10:00:00Z',
      },
    });
    expect(refused.status).toBe(503);
    expect(refused.json.error.code).toBe('intake_backlog_full');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(
      await count(app.database, `select count(*)::int as n from buyer_messages where message_id = 'm4'`),
    ).toBe(0);
  });

  it('a re-drain after a crash neither double-starts nor double-delivers; the drainer empties the outbox', async () => {
    const deps = { db: app.database.db, temporal: app.temporal, taskQueue: app.config.TEMPORAL_TASK_QUEUE };
    // A drainer that dispatched and died before removing its row: the row is dispatched again.
    const [row] = await claimIntake(app.database.db, 1, 30_000);
    // A new ticket: its workflow starts with the message as input (no signal); a repeat finds it
    // started and signals the same message id, which the workflow ignores.
    expect(row!.fresh).toBe(true);
    expect(await dispatchBuyerMessage(deps, row!)).toBe('started');
    expect(await dispatchBuyerMessage(deps, row!)).toBe('delivered');
    await completeIntake(app.database.db, row!.id);
    const drainer = startIntakeDrainer({
      ...deps,
      logger,
      concurrency: 4,
      window: 8,
      leaseMs: 30_000,
      pollMs: 50,
    });
    try {
      await eventually(async () => (await backlogSize(app.database.db)) === 0, 60_000);
    } finally {
      await drainer.stop();
    }
    const handle = app.temporal.workflow.getHandle(ticketWorkflowId(row!.ticketId));
    await eventually(async () => (await handle.query(ticketStateQuery)).revision === 1, 60_000);
    const history = await handle.fetchHistory();
    const starts = history.events!.filter((e) => e.workflowExecutionStartedEventAttributes).length;
    expect(starts).toBe(1);
    // The second signal carried the same message id: the ticket drafted once from one message.
    await eventually(
      async () =>
        (await count(
          app.database,
          `select count(*)::int as n from drafts where ticket_id = '${row!.ticketId}'`,
        )) === 1,
      30_000,
    );
    await new Promise((r) => setTimeout(r, 500));
    expect(
      await count(app.database, `select count(*)::int as n from drafts where ticket_id = '${row!.ticketId}'`),
    ).toBe(1);
    const listed = await app.api.get('/v1/tickets', token);
    expect(listed.json.tickets.every((t: { status: string }) => t.status !== 'queued')).toBe(true);
    expect(shopId).toBeTruthy();
  });

  it('a message whose ticket closed before it arrived moves to a new ticket', async () => {
    const first = await post('c1', 'C-1');
    const deps = { db: app.database.db, temporal: app.temporal, taskQueue: app.config.TEMPORAL_TASK_QUEUE };
    const [row] = await claimIntake(app.database.db, 1, 30_000);
    expect(row!.messageId).toBe('c1');
    await dispatchBuyerMessage(deps, row!);
    await completeIntake(app.database.db, row!.id);
    const joined = await post('c2', 'C-1');
    expect(joined.json.ticketId).toBe(first.json.ticketId);
    const handle = app.temporal.workflow.getHandle(ticketWorkflowId(first.json.ticketId));
    await eventually(
      async () => (await handle.query(ticketStateQuery)).status === 'awaiting_approval',
      60_000,
    );
    const decided = await app.api.post(
      `/v1/tickets/${first.json.ticketId}/decision`,
      { action: 'reject', by: 'test' },
      token,
    );
    expect(decided.status).toBe(200);
    await handle.result();
    const [late] = await claimIntake(app.database.db, 1, 30_000);
    expect(late!.messageId).toBe('c2');
    expect(await dispatchBuyerMessage(deps, late!)).toBe('rehomed');
    const moved = await count(
      app.database,
      `select count(*)::int as n from buyer_messages where message_id = 'c2' and ticket_id <> '${first.json.ticketId}'`,
    );
    expect(moved).toBe(1);
    expect(await backlogSize(app.database.db)).toBe(1);
    // The first message, dispatched again after its ticket closed (a drainer that died before
    // removing the row): the workflow had it in its start input, so it is not moved.
    expect(row!.fresh).toBe(true);
    expect(await dispatchBuyerMessage(deps, row!)).toBe('delivered');
    const history = await handle.fetchHistory();
    expect(history.events!.filter((e) => e.workflowExecutionSignaledEventAttributes)).toHaveLength(0);
    expect(
      await count(
        app.database,
        `select count(*)::int as n from buyer_messages where message_id = 'c1' and ticket_id = '${first.json.ticketId}'`,
      ),
    ).toBe(1);
  });
});
