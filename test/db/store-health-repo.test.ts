import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStoreHealth, shopDashboard } from '../../src/app/store-health.js';
import type { Database } from '../../src/db/client.js';
import { healthFigures } from '../../src/db/health-repo.js';
import { coupons, listingDisputeLinks, listingValidations, tickets } from '../../src/db/schema/index.js';
import { createShipment } from '../../src/db/shipments-repo.js';
import { createShop } from '../../src/db/shops-repo.js';
import { addTicketEvent, ingestMessage, recordDecision, recordDraft } from '../../src/db/tickets-repo.js';
import type { Category, Language } from '../../src/domain/types.js';
import { openTestPglite, openTestPostgres } from '../support/db.js';

const engines: Array<[string, () => Promise<Database & { drop(): Promise<void> }>]> = [
  ['postgres', () => openTestPostgres('storehealth')],
  ['pglite', () => openTestPglite()],
];

const DAY = 86_400_000;

describe.each(engines)('store-health queries on %s', (_engine, open) => {
  let database: Database & { drop(): Promise<void> };
  let shopA: string;
  let shopB: string;
  const now = new Date();
  const period = () => ({
    shopId: shopA,
    from: new Date(now.getTime() - 7 * DAY),
    to: new Date(now.getTime() + 3_600_000),
  });

  /** A buyer ticket of `shopId`, drafted in `category` x `language`, created `daysAgo` days ago. */
  async function ticket(
    shopId: string,
    n: number,
    category: Category,
    language: Language,
    daysAgo: number,
  ): Promise<string> {
    const created = new Date(now.getTime() - daysAgo * DAY);
    const { ticketId } = await ingestMessage(database.db, shopId, {
      messageId: `m-${shopId}-${n}`,
      orderId: `O-${n}`,
      buyerId: `B-${n}`,
      redactedText: 'where is my parcel',
      redactedKinds: [],
      receivedAt: created,
    });
    await recordDraft(database.db, {
      ticketId,
      revision: 1,
      language,
      languageConfidence: 0.9,
      category,
      confidence: 0.9,
      urgency: 'normal',
      abstained: false,
      text: 'draft',
      source: 'template',
      evidence: [],
    });
    await database.db.update(tickets).set({ createdAt: created }).where(eq(tickets.id, ticketId));
    return ticketId;
  }

  async function decide(
    ticketId: string,
    action: 'approve' | 'edit' | 'reject',
    minutesLater: number,
    system = false,
  ) {
    const [row] = await database.db.select().from(tickets).where(eq(tickets.id, ticketId));
    const decidedAt = new Date(row!.createdAt.getTime() + minutesLater * 60_000).toISOString();
    await recordDecision(
      database.db,
      {
        ticketId,
        action,
        revision: 1,
        actor: system ? { channel: 'system', id: 'auto-send' } : { channel: 'telegram', id: '42' },
        decidedAt,
      },
      system ? 'auto_sent' : action === 'reject' ? 'rejected' : 'sent',
    );
  }

  beforeAll(async () => {
    database = await open();
    shopA = (await createShop(database.db, { name: 'A', defaultLanguage: 'en', plan: 'free' })).shop.id;
    shopB = (await createShop(database.db, { name: 'B', defaultLanguage: 'es', plan: 'free' })).shop.id;
    const t1 = await ticket(shopA, 1, 'not_received', 'es', 2);
    const t2 = await ticket(shopA, 2, 'not_received', 'es', 1);
    const t3 = await ticket(shopA, 3, 'not_as_described', 'fr', 1);
    const t4 = await ticket(shopA, 4, 'damaged', 'en', 0);
    await ticket(shopA, 5, 'damaged', 'en', 20); // outside the 7-day period
    await ticket(shopB, 6, 'payment', 'es', 1);
    await decide(t1, 'approve', 10);
    await decide(t2, 'edit', 30);
    await decide(t3, 'reject', 50);
    await decide(t4, 'approve', 1, true);
    await database.db.update(tickets).set({ deliveryState: 'delivered' }).where(eq(tickets.id, t1));
    await addTicketEvent(database.db, t3, 'sla_reminder', {}, 'sla:reminder');
    await addTicketEvent(
      database.db,
      t3,
      'escalated',
      { actor: { channel: 'system', id: 'sla', name: 'no answer in time' }, reason: 'no answer in time' },
      'escalated',
    );
    await database.db
      .insert(listingDisputeLinks)
      .values({ ticketId: t3, shopId: shopA, listingId: 'L-1', score: 90 });
    await createShipment(database.db, {
      shopId: shopA,
      trackingNumber: 'LP1',
      orderId: 'O-1',
      carrier: 'Cainiao',
      buyerId: 'B-1',
      state: 'stalled',
      leg: 'first_mile',
      stalledSince: new Date(now.getTime() - DAY),
    });
    await database.db.insert(coupons).values({
      code: 'SD-1',
      shopId: shopA,
      orderId: 'O-1',
      value: 350,
      currency: 'USD',
      reason: 'stall',
    });
    await database.db.insert(listingValidations).values({
      id: 'val_test0001',
      shopId: shopA,
      listingId: 'L-1',
      status: 'completed',
      request: {},
      findings: [{ kind: 'spelling' }, { kind: 'spelling' }, { kind: 'all_caps' }],
      completedAt: now,
    });
  }, 60_000);
  afterAll(async () => {
    await database?.drop();
  });

  it('reads one shop over the period: volume, first response, funnel, heat maps, SLA, shipments, findings', async () => {
    const health = await readStoreHealth(database.db, period());
    expect(health.messagesByDay.reduce((s, d) => s + d.messages, 0)).toBe(4);
    expect(health.messagesByDay.every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d.day))).toBe(true);
    // Human decisions only: 10, 30 and 50 minutes.
    expect(health.firstResponse.median).toBe(30);
    expect(health.firstResponse.byDay.reduce((s, d) => s + d.decided, 0)).toBe(3);
    expect(health.funnel).toEqual({
      received: 4,
      drafted: 4,
      approved: 1,
      edited: 1,
      rejected: 1,
      escalated: 1,
      autoSent: 1,
      delivered: 1,
    });
    expect(health.ticketsByCategoryLanguage).toContainEqual({
      category: 'not_received',
      language: 'es',
      tickets: 2,
    });
    expect(health.notAsDescribedByListing).toEqual([{ listingId: 'L-1', language: 'fr', disputes: 1 }]);
    expect(health.sla).toEqual({ reminders: 1, escalatedNoAnswer: 1, escalatedDisputeNear: 0 });
    expect(health.stalledShipments).toEqual([{ carrier: 'Cainiao', leg: 'first_mile', shipments: 1 }]);
    expect(health.couponsGranted).toEqual([{ currency: 'USD', coupons: 1, valueMinor: 350 }]);
    expect(health.listingFindings.validations).toBe(1);
    expect(health.listingFindings.byKind).toEqual(
      expect.arrayContaining([
        { kind: 'spelling', findings: 2 },
        { kind: 'all_caps', findings: 1 },
      ]),
    );
  });

  it('all shops (the /metrics gauges) add the other shop; one shop never sees another', async () => {
    const { shopId: _, ...everyShop } = period();
    const all = await readStoreHealth(database.db, everyShop);
    expect(all.funnel.received).toBe(5);
    expect(all.ticketsByCategoryLanguage).toContainEqual({ category: 'payment', language: 'es', tickets: 1 });
    const b = await readStoreHealth(database.db, { ...period(), shopId: shopB });
    expect(b.funnel.received).toBe(1);
    expect(b.stalledShipments).toEqual([]);
    expect(b.listingFindings.validations).toBe(0);
  });

  it('the digest figures are the same queries summed', async () => {
    const p = period();
    const figures = await healthFigures(database.db, shopA, p.from, p.to);
    expect(figures).toMatchObject({
      tickets: 4,
      byCategory: { not_received: 2, not_as_described: 1, damaged: 1 },
      byLanguage: { es: 2, fr: 1, en: 1 },
      medianApprovalMinutes: 30,
      autoSentShare: 0.25,
      stalledShipments: 1,
      couponsGranted: 1,
    });
  });

  it('the dashboard adds auto-send trust per category x language and the coupon budget left', async () => {
    const dashboard = await shopDashboard(database.db, shopA, 7, new Date(now.getTime() + 3_600_000));
    const cell = dashboard.autoSend.cells.find((c) => c.category === 'not_received' && c.language === 'es');
    expect(cell).toMatchObject({
      unchanged: 1,
      minUnchangedApprovals: 20,
      recent: 2,
      editRate: 0.5,
      earned: false,
    });
    expect(dashboard.autoSend.plan).toBe('free');
    expect(dashboard.couponBudget).toEqual({ currency: 'USD', monthly: 200, granted: 3.5, left: 196.5 });
  });
});
