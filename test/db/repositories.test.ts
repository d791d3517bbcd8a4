import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { ensureDelivery, markDelivered } from '../../src/db/deliveries-repo.js';
import {
  createShop,
  findPrincipal,
  linkTelegramChat,
  listTelegramChats,
  SHOP_SCOPES,
} from '../../src/db/shops-repo.js';
import { getTicketView, listTickets } from '../../src/db/ticket-views-repo.js';
import { getDecision, ingestMessage, recordDecision, recordDraft } from '../../src/db/tickets-repo.js';
import { openTestPglite, openTestPostgres } from '../support/db.js';

const engines: Array<[string, () => Promise<Database & { drop(): Promise<void> }>]> = [
  ['postgres', () => openTestPostgres('repo')],
  ['pglite', () => openTestPglite()],
];

describe.each(engines)('repositories on %s', (_engine, open) => {
  let database: Database & { drop(): Promise<void> };
  let shopId: string;
  let token: string;
  let linkCode: string;

  const message = (messageId: string, orderId = 'O-1', buyerId = 'B-1') => ({
    messageId,
    orderId,
    buyerId,
    redactedText: 'where is my order [phone]',
    redactedKinds: ['phone'],
    receivedAt: new Date('2026-11-23T10:00:00Z'),
  });

  beforeAll(async () => {
    database = await open();
    const created = await createShop(database.db, { name: 'Shop', defaultLanguage: 'fr', plan: 'free' });
    shopId = created.shop.id;
    token = created.apiToken;
    linkCode = created.telegramLinkCode;
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('migrations are idempotent', async () => {
    await database.migrate();
    await database.ping();
  });

  it('stores tokens hashed and resolves them with every shop scope', async () => {
    const principal = await findPrincipal(database.db, token);
    expect(principal?.shopId).toBe(shopId);
    expect(principal?.scopes).toEqual([...SHOP_SCOPES]);
    expect(await findPrincipal(database.db, `${token}x`)).toBeNull();
    const rows = await database.db.query.apiTokens.findMany();
    expect(rows.every((r) => r.tokenHash !== token && r.tokenHash.length === 64)).toBe(true);
  });

  it('links a Telegram chat with the link code and rejects a wrong one', async () => {
    expect(await linkTelegramChat(database.db, 'nope', '1', '1')).toBeNull();
    expect((await linkTelegramChat(database.db, linkCode, '555', '7'))?.id).toBe(shopId);
    expect(await linkTelegramChat(database.db, linkCode, '555', '7')).not.toBeNull();
    expect((await listTelegramChats(database.db, shopId)).map((c) => c.chatId)).toEqual(['555']);
  });

  it('is idempotent on messageId and joins the open ticket of the same order and buyer', async () => {
    const first = await ingestMessage(database.db, shopId, message('m1'));
    expect(first).toMatchObject({ duplicate: false, newTicket: true, status: 'queued' });
    const repeat = await ingestMessage(database.db, shopId, message('m1'));
    expect(repeat).toMatchObject({ ticketId: first.ticketId, duplicate: true });
    const joined = await ingestMessage(database.db, shopId, message('m2'));
    expect(joined).toMatchObject({ ticketId: first.ticketId, duplicate: false, newTicket: false });
    const otherBuyer = await ingestMessage(database.db, shopId, message('m3', 'O-1', 'B-2'));
    expect(otherBuyer.ticketId).not.toBe(first.ticketId);
  });

  it('concurrent messages of one order open exactly one ticket', async () => {
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        ingestMessage(database.db, shopId, message(`c${i}`, 'O-race', 'B-race')),
      ),
    );
    expect(new Set(results.map((r) => r.ticketId)).size).toBe(1);
  });

  it('records drafts, one decision and an exactly-once delivery ledger', async () => {
    const { ticketId } = await ingestMessage(database.db, shopId, message('d1', 'O-2'));
    const draft = {
      ticketId,
      revision: 1,
      language: 'fr' as const,
      languageConfidence: 0.9,
      category: 'not_received' as const,
      confidence: 0.8,
      urgency: 'normal' as const,
      abstained: false,
      text: 'Bonjour, votre commande O-2 est en route.',
      source: 'template' as const,
      templateId: 'not_received.default',
      templateVersion: 1,
      evidence: ['lexicon:fr'],
    };
    await recordDraft(database.db, draft);
    await recordDraft(database.db, draft); // replayed activity
    let view = await getTicketView(database.db, shopId, ticketId);
    expect(view?.ticket.status).toBe('awaiting_approval');
    expect(view?.events.filter((e) => e.kind === 'drafted')).toHaveLength(1);

    const decision = {
      ticketId,
      action: 'approve' as const,
      revision: 1,
      actor: { channel: 'telegram', id: '7', name: '@s' },
      text: draft.text,
      decidedAt: '2026-11-23T10:05:00Z',
    };
    await recordDecision(database.db, decision, 'sent');
    await recordDecision(
      database.db,
      { ...decision, action: 'reject', actor: { channel: 'api', id: 'late' } },
      'rejected',
    );
    expect((await getDecision(database.db, ticketId))?.actorId).toBe('7');
    view = await getTicketView(database.db, shopId, ticketId);
    expect(view?.ticket.status).toBe('sent');

    const payload = {
      ticketId,
      orderId: 'O-2',
      shopId,
      buyerId: 'B-1',
      language: 'fr',
      text: draft.text,
      idempotencyKey: `${ticketId}:1`,
    };
    const row = await ensureDelivery(database.db, { ticketId, revision: 1, target: 'http', payload });
    expect(row.state).toBe('pending');
    await markDelivered(database.db, payload.idempotencyKey, ticketId);
    const again = await ensureDelivery(database.db, { ticketId, revision: 1, target: 'http', payload });
    expect(again.state).toBe('delivered');
    view = await getTicketView(database.db, shopId, ticketId);
    expect(view?.deliveries).toHaveLength(1);
    expect(view?.ticket.deliveryState).toBe('delivered');
  });

  it('lists tickets newest first with a cursor', async () => {
    const page1 = await listTickets(database.db, shopId, { limit: 2 });
    expect(page1.tickets).toHaveLength(2);
    expect(page1.nextCursor).not.toBeNull();
    const page2 = await listTickets(database.db, shopId, { limit: 2, cursor: page1.nextCursor! });
    const ids = new Set([...page1.tickets, ...page2.tickets].map((t) => t.id));
    expect(ids.size).toBe(page1.tickets.length + page2.tickets.length);
  });
});
