import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import {
  buyerPseudonym,
  countTicketsOfBuyer,
  ERASED_TEXT,
  loadErasureKeys,
} from '../../src/db/erasure-keys.js';
import {
  closeOpenTicketsOfBuyer,
  eraseBuyer,
  purgeExpired,
  scrubDetails,
} from '../../src/db/erasure-repo.js';
import { auditLog, buyerMessages, shipments, ticketEvents, tickets } from '../../src/db/schema/index.js';
import { createShop } from '../../src/db/shops-repo.js';
import { addTicketEvent, ingestMessage, recordDraft } from '../../src/db/tickets-repo.js';
import { openTestPglite, openTestPostgres } from '../support/db.js';

describe('scrubDetails', () => {
  it('keeps codes, ids, numbers and the seller actor; replaces every other string; drops evidence', () => {
    const marker = ERASED_TEXT.request;
    expect(
      scrubDetails(
        {
          revision: 2,
          language: 'fr',
          category: 'damaged',
          confidence: 0.8,
          note: 'the buyer, Ana, said the vase broke',
          evidence: ['damaged:"cassé"+1', 'model:damaged 0.9 (cassé)'],
          actor: { channel: 'telegram', id: '42', name: 'Seller Sam' },
          nested: { quote: 'Ana Lima', count: 3, list: ['Ana', 1] },
        },
        marker,
      ),
    ).toEqual({
      revision: 2,
      language: 'fr',
      category: 'damaged',
      confidence: 0.8,
      note: marker,
      evidence: [],
      actor: { channel: 'telegram', id: '42', name: 'Seller Sam' },
      nested: { quote: marker, count: 3, list: [1] },
    });
  });
});

const engines: Array<[string, () => Promise<Database & { drop(): Promise<void> }>]> = [
  ['postgres', () => openTestPostgres('erasurerepo')],
  ['pglite', () => openTestPglite()],
];

describe.each(engines)('erasure repository on %s', (_engine, open) => {
  let database: Database & { drop(): Promise<void> };
  let shopId: string;

  const ingest = (messageId: string, orderId: string, buyerId: string, text: string) =>
    ingestMessage(database.db, shopId, {
      messageId,
      orderId,
      buyerId,
      buyerName: 'Ana Lima',
      buyerLocale: 'pt-BR',
      redactedText: text,
      redactedKinds: [],
      receivedAt: new Date('2026-11-23T10:00:00Z'),
    });

  beforeAll(async () => {
    database = await open();
    shopId = (await createShop(database.db, { name: 'Repo', defaultLanguage: 'pt', plan: 'free' })).shop.id;
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('generates one database-held key, reused; ERASURE_KEY takes over and the stored key stays a previous one', async () => {
    const first = await loadErasureKeys(database.db);
    const second = await loadErasureKeys(database.db);
    expect(first.current).toMatch(/^[0-9a-f]{64}$/);
    expect(second.current).toBe(first.current);
    const configured = await loadErasureKeys(database.db, {
      key: 'k'.repeat(40),
      previous: ['old'.repeat(11)],
    });
    expect(configured).toEqual({ current: 'k'.repeat(40), previous: ['old'.repeat(11), first.current] });
    // Keyed: a different key gives a different pseudonym; no key, no way back to the id.
    expect(buyerPseudonym(first.current, shopId, 'b')).not.toBe(buyerPseudonym('k'.repeat(40), shopId, 'b'));
    expect(buyerPseudonym(first.current, shopId, 'b')).toBe(buyerPseudonym(first.current, shopId, 'b'));
  });

  it('erases a buyer: texts, name, items, events, audit and shipments; counts stay under a rotated key', async () => {
    const keys = await loadErasureKeys(database.db);
    const { ticketId } = await ingest('m-1', 'O-1', 'buyer-ana', 'o vaso chegou quebrado, Ana');
    await database.db
      .update(tickets)
      .set({ order: { items: ['Vaso azul'], total: 10 }, dispute: { id: 'D-1', reason: 'vaso quebrado' } })
      .where(eq(tickets.id, ticketId));
    await recordDraft(database.db, {
      ticketId,
      revision: 1,
      language: 'pt',
      languageConfidence: 0.9,
      category: 'damaged',
      confidence: 0.9,
      urgency: 'normal',
      abstained: false,
      text: 'Olá Ana Lima, sentimos muito pelo vaso.',
      source: 'template',
      note: 'Ana parece chateada',
      evidence: ['damaged:"quebrado"+1'],
    });
    await addTicketEvent(database.db, ticketId, 'custom', { quote: 'buyer-ana wrote about the vaso' });
    await database.db.insert(auditLog).values({
      shopId,
      kind: 'lookup',
      actor: { channel: 'api', id: 'tok_1' },
      details: { buyerId: 'buyer-ana' },
    });
    await database.db.insert(shipments).values({
      shopId,
      trackingNumber: 'LP1CN',
      orderId: 'O-1',
      carrier: 'Cainiao',
      buyerId: 'buyer-ana',
      buyerLocale: 'pt-BR',
      state: 'in_transit',
    });

    expect(await closeOpenTicketsOfBuyer(database.db, shopId, 'buyer-ana')).toEqual([ticketId]);
    const result = await eraseBuyer(database.db, { shopId, buyerId: 'buyer-ana', keys });
    expect(result).toMatchObject({ tickets: 1, messages: 1, drafts: 1, shipments: 1, ticketIds: [ticketId] });
    expect(result.auditEntries).toBeGreaterThanOrEqual(1);

    const [row] = await database.db.select().from(tickets).where(eq(tickets.id, ticketId));
    expect(row).toMatchObject({
      status: 'closed',
      buyerId: buyerPseudonym(keys.current, shopId, 'buyer-ana'),
      buyerName: null,
      order: { total: 10 },
      dispute: { id: 'D-1', reason: ERASED_TEXT.request },
    });
    const everything = JSON.stringify([
      row,
      await database.db.select().from(buyerMessages).where(eq(buyerMessages.ticketId, ticketId)),
      await database.db.select().from(ticketEvents).where(eq(ticketEvents.ticketId, ticketId)),
      await database.db.select().from(auditLog).where(eq(auditLog.shopId, shopId)),
      await database.db.select().from(shipments).where(eq(shipments.shopId, shopId)),
    ]);
    expect(everything).not.toMatch(/Ana|vaso|Vaso|quebrado|buyer-ana|pt-BR/);

    // Rotation: with a new ERASURE_KEY the old (database) key is a previous one; counts still match.
    const rotated = await loadErasureKeys(database.db, { key: 'n'.repeat(48) });
    expect(await countTicketsOfBuyer(database.db, rotated, shopId, 'buyer-ana')).toBe(1);
    // A repeat finds nothing under the real id.
    expect(await eraseBuyer(database.db, { shopId, buyerId: 'buyer-ana', keys })).toMatchObject({
      tickets: 0,
    });
  });

  it('retention erases ended tickets past the cutoff once, through the same erasure', async () => {
    const keys = await loadErasureKeys(database.db);
    const { ticketId: old } = await ingest('m-2', 'O-2', 'buyer-bia', 'meu pedido sumiu');
    const { ticketId: open } = await ingest('m-3', 'O-3', 'buyer-bia', 'e o outro pedido?');
    await database.db
      .update(tickets)
      .set({ status: 'sent', updatedAt: new Date('2025-01-01T00:00:00Z') })
      .where(eq(tickets.id, old));
    const cutoff = new Date('2026-01-01T00:00:00Z');
    const first = await purgeExpired(database.db, { shopId, cutoff, keys });
    expect(first.ticketIds).toEqual([old]);
    const [message] = await database.db.select().from(buyerMessages).where(eq(buyerMessages.ticketId, old));
    expect(message!.text).toBe(ERASED_TEXT.retention);
    const [kept] = await database.db.select().from(buyerMessages).where(eq(buyerMessages.ticketId, open));
    expect(kept!.text).toBe('e o outro pedido?');
    expect((await purgeExpired(database.db, { shopId, cutoff, keys })).ticketIds).toEqual([]);
    expect(await countTicketsOfBuyer(database.db, keys, shopId, 'buyer-bia')).toBe(2);
  });
});
