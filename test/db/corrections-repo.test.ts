import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recentHumanDecisions } from '../../src/db/auto-send-repo.js';
import type { Database } from '../../src/db/client.js';
import {
  type CorrectionRecord,
  correctionRates,
  recordCorrection,
  sharedCorrections,
  shopMemory,
} from '../../src/db/corrections-repo.js';
import { ERASED_TEXT, loadErasureKeys } from '../../src/db/erasure-keys.js';
import { eraseBuyer } from '../../src/db/erasure-repo.js';
import { auditLog, intentCorrections, shops, ticketEvents, tickets } from '../../src/db/schema/index.js';
import { createShop } from '../../src/db/shops-repo.js';
import { ingestMessage, recordDecision, recordDraft } from '../../src/db/tickets-repo.js';
import type { Category } from '../../src/domain/types.js';
import { openTestPglite, openTestPostgres } from '../support/db.js';

const engines: Array<[string, () => Promise<Database & { drop(): Promise<void> }>]> = [
  ['postgres', () => openTestPostgres('correctionsrepo')],
  ['pglite', () => openTestPglite()],
];

describe.each(engines)('corrections repository on %s', (_engine, open) => {
  let database: Database & { drop(): Promise<void> };
  let shopA: string;
  let shopB: string;
  let counter = 0;

  /** A buyer ticket drafted in `category` (Spanish), optionally corrected to `to`. */
  async function ticket(shopId: string, text: string, category: Category, buyerId = `b-${++counter}`) {
    const { ticketId } = await ingestMessage(database.db, shopId, {
      messageId: `m-${++counter}`,
      orderId: `O-${counter}`,
      buyerId,
      redactedText: text,
      redactedKinds: [],
      receivedAt: new Date(),
    });
    await recordDraft(database.db, {
      ticketId,
      revision: 1,
      language: 'es',
      languageConfidence: 0.9,
      category,
      confidence: 0.8,
      urgency: 'normal',
      abstained: false,
      text: 'borrador',
      source: 'template',
      evidence: [],
    });
    return ticketId;
  }

  const correction = (
    shopId: string,
    ticketId: string,
    text: string,
    category: Category,
    correctedFrom: Category,
  ): CorrectionRecord => ({
    shopId,
    ticketId,
    revision: 2,
    text,
    language: 'es',
    category,
    correctedFrom,
    actor: { channel: 'telegram', id: '42', name: '@maria' },
    at: new Date().toISOString(),
  });

  beforeAll(async () => {
    database = await open();
    shopA = (await createShop(database.db, { name: 'A', defaultLanguage: 'es', plan: 'free' })).shop.id;
    shopB = (await createShop(database.db, { name: 'B', defaultLanguage: 'es', plan: 'free' })).shop.id;
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('keeps a correction once, with its ticket event and audit entry; nothing for an erased ticket', async () => {
    const ticketId = await ticket(shopA, 'ya no necesito la lámpara', 'other');
    const record = correction(shopA, ticketId, 'ya no necesito la lámpara', 'cancel_order', 'other');
    expect(await recordCorrection(database.db, record)).toBe(true);
    expect(await recordCorrection(database.db, record)).toBe(false);
    const rows = await database.db
      .select()
      .from(intentCorrections)
      .where(eq(intentCorrections.ticketId, ticketId));
    expect(rows).toHaveLength(1);
    const events = await database.db.select().from(ticketEvents).where(eq(ticketEvents.ticketId, ticketId));
    expect(events.filter((e) => e.kind === 'category_corrected').map((e) => e.details)).toEqual([
      {
        revision: 2,
        category: 'cancel_order',
        correctedFrom: 'other',
        language: 'es',
        actor: { channel: 'telegram', id: '42', name: '@maria' },
      },
    ]);
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.ticketId, ticketId));
    expect(audit.map((a) => [a.kind, a.actor])).toEqual([
      ['category_corrected', { channel: 'telegram', id: '42', name: '@maria' }],
    ]);

    const erased = await ticket(shopA, 'otro texto', 'other');
    await database.db.update(tickets).set({ erasedAt: new Date() }).where(eq(tickets.id, erased));
    expect(
      await recordCorrection(database.db, correction(shopA, erased, 'otro texto', 'payment', 'other')),
    ).toBe(false);
  });

  it("reads a shop's memory newest first, never another shop's, never erased rows", async () => {
    const older = await ticket(shopA, 'quiero cambiar la talla', 'other');
    await recordCorrection(
      database.db,
      correction(shopA, older, 'quiero cambiar la talla', 'order_change', 'other'),
    );
    const newer = await ticket(shopA, 'cambien la dirección', 'other');
    await recordCorrection(
      database.db,
      correction(shopA, newer, 'cambien la dirección', 'order_change', 'other'),
    );
    const theirs = await ticket(shopB, 'de la tienda B', 'other');
    await recordCorrection(database.db, correction(shopB, theirs, 'de la tienda B', 'payment', 'other'));

    const memory = await shopMemory(database.db, shopA, 'es', 100);
    expect(memory.map((m) => m.text).slice(0, 2)).toEqual([
      'cambien la dirección',
      'quiero cambiar la talla',
    ]);
    expect(memory.some((m) => m.text === 'de la tienda B')).toBe(false);
    expect(await shopMemory(database.db, shopA, 'es', 1)).toHaveLength(1);
    expect(await shopMemory(database.db, shopA, 'fr', 100)).toEqual([]);
  });

  it('erasing the buyer erases the text of their corrections and drops them from the memory', async () => {
    const ticketId = await ticket(shopA, 'Zoltan no quiere la periwinkle', 'other', 'buyer-zoltan');
    await recordCorrection(
      database.db,
      correction(shopA, ticketId, 'Zoltan no quiere la periwinkle', 'cancel_order', 'other'),
    );
    const keys = await loadErasureKeys(database.db);
    const counts = await eraseBuyer(database.db, { shopId: shopA, buyerId: 'buyer-zoltan', keys });
    expect(counts.corrections).toBe(1);
    const [row] = await database.db
      .select()
      .from(intentCorrections)
      .where(eq(intentCorrections.ticketId, ticketId));
    expect(row).toMatchObject({
      text: ERASED_TEXT.request,
      category: 'cancel_order',
      correctedFrom: 'other',
    });
    expect(row!.erasedAt).not.toBeNull();
    const memory = await shopMemory(database.db, shopA, 'es', 100);
    expect(memory.some((m) => m.id === row!.id)).toBe(false);
  });

  it('shares only consenting shops’ corrections that were not erased', async () => {
    expect(await sharedCorrections(database.db)).toEqual([]);
    await database.db
      .update(shops)
      .set({ settings: { learning: { shareCorrections: true } } })
      .where(eq(shops.id, shopB));
    const shared = await sharedCorrections(database.db);
    expect(shared.map((s) => [s.text, s.category, s.language])).toEqual([
      ['de la tienda B', 'payment', 'es'],
    ]);
  });

  it('rates corrections per category as classified and language; counts them against auto-send', async () => {
    const { shop } = await createShop(database.db, { name: 'C', defaultLanguage: 'es', plan: 'auto' });
    const from = new Date(Date.now() - 60_000);
    const corrected = await ticket(shop.id, 'uno', 'refund_request');
    await recordCorrection(
      database.db,
      correction(shop.id, corrected, 'uno', 'cancel_order', 'refund_request'),
    );
    await database.db.update(tickets).set({ category: 'cancel_order' }).where(eq(tickets.id, corrected));
    const approved = await ticket(shop.id, 'dos', 'refund_request');
    await recordDecision(
      database.db,
      {
        ticketId: approved,
        action: 'approve',
        revision: 1,
        actor: { channel: 'telegram', id: '42' },
        decidedAt: new Date(Date.now() - 30_000).toISOString(),
      },
      'sent',
    );
    await ticket(shop.id, 'tres', 'payment');

    const rates = await correctionRates(database.db, {
      shopId: shop.id,
      from,
      to: new Date(Date.now() + 60_000),
    });
    expect(rates.sort((a, b) => a.category.localeCompare(b.category))).toEqual([
      { category: 'payment', language: 'es', tickets: 1, corrected: 0 },
      { category: 'refund_request', language: 'es', tickets: 2, corrected: 1 },
    ]);
    // The gate's history for refund_request x es: the correction (newest) and the approval.
    expect(
      await recentHumanDecisions(database.db, {
        shopId: shop.id,
        category: 'refund_request',
        language: 'es',
      }),
    ).toEqual(['correct', 'approve']);
    expect(
      await recentHumanDecisions(database.db, { shopId: shop.id, category: 'cancel_order', language: 'es' }),
    ).toEqual([]);
  });
});
