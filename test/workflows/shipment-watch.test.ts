import type { Client } from '@temporalio/client';
import { and, eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createShipmentActivities } from '../../src/activities/shipment/index.js';
import type { OpenSystemTicketInput } from '../../src/app/ticket-service.js';
import { ingestTracking, type TrackingPost } from '../../src/app/tracking-service.js';
import type { TelegramCards } from '../../src/channels/telegram/notifier.js';
import { coupons, type Shipment, shipments, shops } from '../../src/db/schema/index.js';
import { createShop, linkTelegramChat } from '../../src/db/shops-repo.js';
import { createLogOutbound, type OutboundSender } from '../../src/delivery/outbound.js';
import type { ShopSettings } from '../../src/domain/shop/settings.js';
import { shipmentStateQuery, shipmentWorkflowId } from '../../workflows/contracts/shipment-watch.js';
import { eventually } from '../support/app.js';
import { openTestPostgres } from '../support/db.js';
import { startTestWorker, type TestWorker } from '../support/worker.js';

const H = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe('shipment watch on the real Temporal server, activities on Postgres', () => {
  const taskQueue = `tq-shipment-${inject('runId')}`;
  let db: Awaited<ReturnType<typeof openTestPostgres>>;
  let testWorker: TestWorker;
  let client: Client;
  let shopId: string;
  let n = 0;
  const opened: OpenSystemTicketInput[] = [];
  const telegramSent: Array<{ chatId: string; text: string }> = [];

  const telegram: TelegramCards = {
    async sendCard(chatId, text) {
      telegramSent.push({ chatId, text });
      return String(telegramSent.length);
    },
    async editCard() {},
  };
  const outbound: OutboundSender = createLogOutbound();

  async function openSystemTicket(input: OpenSystemTicketInput) {
    const index = opened.findIndex((o) => o.shopId === input.shopId && o.dedupeKey === input.dedupeKey);
    if (index >= 0) return { ticketId: `tkt_${index + 1}`, created: false };
    opened.push(input);
    return { ticketId: `tkt_${opened.length}`, created: true };
  }

  async function setSettings(settings: ShopSettings) {
    await db.db.update(shops).set({ settings }).where(eq(shops.id, shopId));
  }

  function body(events: TrackingPost['events'], extra: Partial<TrackingPost> = {}): TrackingPost {
    n++;
    return {
      orderId: `ORD-${n}`,
      trackingNumber: `LP${String(n).padStart(9, '0')}CN`,
      carrier: 'AliExpress Standard Shipping',
      buyer: { id: `buyer-${n}`, locale: 'es-ES' },
      events,
      ...extra,
    };
  }

  const track = (b: TrackingPost) => ingestTracking({ db: db.db, temporal: client, taskQueue }, shopId, b);

  async function row(trackingNumber: string): Promise<Shipment | undefined> {
    const [found] = await db.db
      .select()
      .from(shipments)
      .where(and(eq(shipments.shopId, shopId), eq(shipments.trackingNumber, trackingNumber)))
      .limit(1);
    return found;
  }

  const rowWith = (trackingNumber: string, predicate: (r: Shipment) => boolean, what: string) =>
    eventually(
      async () => {
        const r = await row(trackingNumber);
        return r && predicate(r) ? r : undefined;
      },
      20_000,
      what,
    );

  const kinds = (r: Shipment) => r.actions.map((a) => a.kind);

  beforeAll(async () => {
    db = await openTestPostgres('shipwf');
    testWorker = await startTestWorker({
      taskQueue,
      db: db.db,
      deps: () => ({ outbound, telegram, openSystemTicket }),
    });
    client = testWorker.client;
    const shop = await createShop(db.db, { name: 'Parcel shop', defaultLanguage: 'en', plan: 'free' });
    shopId = shop.shop.id;
    await linkTelegramChat(db.db, shop.telegramLinkCode, '5001', '5001');
  });

  afterAll(async () => {
    await testWorker?.stop();
    await db?.drop();
  });

  it('a parcel silent for 49 h (by its own event time) gets one apology with one coupon', async () => {
    await setSettings({});
    const at = Date.now() - 49 * H;
    const b = body([
      { at: iso(at - 2 * H), status: 'info_received', description: 'GWMS_ACCEPT' },
      {
        at: new Date(at).toISOString().replace('Z', '+00:00'),
        status: 'in_transit',
        description: 'PU_PICKUP_SUCCESS',
      },
    ]);
    const answer = await track(b);
    expect(answer).toEqual({ trackingNumber: b.trackingNumber, state: 'stalled' });
    const stalled = await rowWith(b.trackingNumber, (r) => kinds(r).includes('apology_opened'), 'apology');
    expect(stalled.state).toBe('stalled');
    expect(stalled.leg).toBe('first_mile');
    expect(stalled.lastEventAt?.toISOString()).toBe(iso(at));
    expect(stalled.stalledSince?.toISOString()).toBe(iso(at + 48 * H));
    expect(kinds(stalled)).toEqual(['stall_detected', 'coupon_granted', 'apology_opened']);

    const granted = await db.db.select().from(coupons).where(eq(coupons.orderId, b.orderId));
    expect(granted).toHaveLength(1);
    expect(granted[0]).toMatchObject({ value: 300, currency: 'USD', trackingNumber: b.trackingNumber });
    expect(granted[0]!.code).toMatch(/^SD-[A-Z2-9]{10}$/);

    const ticket = opened.find((o) => o.orderId === b.orderId)!;
    expect(ticket).toMatchObject({
      shopId,
      buyerId: b.buyer.id,
      buyerLocale: 'es-ES',
      dedupeKey: `stall:${b.trackingNumber}:${iso(at)}`,
      preset: {
        templateId: 'logistics.stall_apology',
        category: 'not_received',
        language: 'es',
        autoSend: false,
        coupon: { code: granted[0]!.code, value: 3, currency: 'USD' },
        vars: {
          orderId: b.orderId,
          trackingNumber: b.trackingNumber,
          carrier: 'AliExpress Standard Shipping',
          daysSinceUpdate: 2,
          lastCheckpoint: 'Picked up by the carrier',
          lastCheckpointAt: iso(at),
          couponCode: granted[0]!.code,
          couponValue: 3,
          couponCurrency: 'USD',
        },
      },
    });

    // The same events again (a retrying integrator): no second apology, no second coupon.
    expect((await track({ ...b })).state).toBe('stalled');
    const handle = client.workflow.getHandle(shipmentWorkflowId(shopId, b.trackingNumber));
    await eventually(async () => (await handle.query(shipmentStateQuery)).eventCount === 2, 10_000, 'query');
    expect(opened.filter((o) => o.orderId === b.orderId)).toHaveLength(1);
    expect(await db.db.select().from(coupons).where(eq(coupons.orderId, b.orderId))).toHaveLength(1);
  });

  it('auto-sends when the shop opted in; budget exhausted: apology without a coupon', async () => {
    await setSettings({ logistics: { autoApology: true }, coupon: { monthlyBudget: 1 } });
    const b = body([
      { at: iso(Date.now() - 50 * H), status: 'in_transit', description: 'SC_OUTBOUND_SUCCESS' },
    ]);
    await track(b);
    const r = await rowWith(b.trackingNumber, (x) => kinds(x).includes('apology_opened'), 'apology');
    expect(kinds(r)).toEqual(['stall_detected', 'coupon_skipped', 'apology_opened']);
    expect(r.actions[1]!.details).toEqual({ reason: 'budget_exhausted' });
    const ticket = opened.find((o) => o.orderId === b.orderId)!;
    expect(ticket.preset).toMatchObject({ templateId: 'logistics.delay_update', autoSend: true });
    expect(ticket.preset.coupon).toBeUndefined();
    expect(ticket.preset.vars.couponCode).toBeUndefined();
    expect(await db.db.select().from(coupons).where(eq(coupons.orderId, b.orderId))).toHaveLength(0);
    await setSettings({});
  });

  it('one coupon per order, even across two parcels of the order', async () => {
    const first = body([
      { at: iso(Date.now() - 60 * H), status: 'in_transit', description: 'SC_INBOUND_SUCCESS' },
    ]);
    const second = body(
      [{ at: iso(Date.now() - 60 * H), status: 'in_transit', description: 'SC_INBOUND_SUCCESS' }],
      {
        orderId: first.orderId,
      },
    );
    await track(first);
    await rowWith(first.trackingNumber, (x) => kinds(x).includes('apology_opened'), 'first apology');
    await track(second);
    const r = await rowWith(
      second.trackingNumber,
      (x) => kinds(x).includes('apology_opened'),
      'second apology',
    );
    expect(r.actions.find((a) => a.kind === 'coupon_skipped')?.details).toEqual({
      reason: 'already_granted',
    });
    expect(await db.db.select().from(coupons).where(eq(coupons.orderId, first.orderId))).toHaveLength(1);
  });

  it('a week of silence escalates to the linked Telegram chats', async () => {
    const b = body([{ at: iso(Date.now() - 8 * 24 * H), status: 'in_transit', description: 'LH_DEPART' }]);
    await track(b);
    const r = await rowWith(b.trackingNumber, (x) => kinds(x).includes('escalated'), 'escalation');
    expect(r.actions.find((a) => a.kind === 'escalated')?.details).toMatchObject({
      reason: 'stall',
      notified: 1,
      channels: ['telegram'],
    });
    const message = telegramSent.find((m) => m.text.includes(b.trackingNumber))!;
    expect(message.chatId).toBe('5001');
    expect(message.text).toContain('No tracking update for 8 day(s) (export / linehaul)');
    expect(message.text).toContain('Departed from the departure country/region');
  });

  it('a real durable timer fires a one-minute shop threshold', async () => {
    await setSettings({ logistics: { stallHours: 1 / 60 } });
    const b = body([{ at: iso(Date.now() - 57_000), status: 'in_transit', description: 'GTMS_ACCEPT' }]);
    expect((await track(b)).state).toBe('in_transit');
    await rowWith(b.trackingNumber, (x) => x.state === 'in_transit', 'watch started');
    expect(opened.some((o) => o.orderId === b.orderId)).toBe(false);
    const r = await rowWith(b.trackingNumber, (x) => x.state === 'stalled', 'stall after a minute');
    expect(r.leg).toBe('last_mile');
    await setSettings({});
  });

  it('pickup reminder, then delivery closes the watch and the row', async () => {
    const b = body([
      { at: iso(Date.now() - 3 * H), status: 'in_transit', description: 'GTMS_ACCEPT' },
      {
        at: iso(Date.now() - H),
        status: 'available_for_pickup',
        description: 'Disponible para recoger en oficina',
        location: 'Oficina Correos Madrid 28001',
      },
    ]);
    await track(b);
    await rowWith(b.trackingNumber, (x) => kinds(x).includes('pickup_reminder'), 'pickup reminder');
    expect(opened.find((o) => o.orderId === b.orderId)?.preset).toMatchObject({
      templateId: 'logistics.ready_for_pickup',
      category: 'shipping_inquiry',
      language: 'es',
      vars: { pickupLocation: 'Oficina Correos Madrid 28001', trackingNumber: b.trackingNumber },
    });
    await track({ ...b, events: [{ at: iso(Date.now()), status: 'delivered', description: 'Entregado' }] });
    const handle = client.workflow.getHandle(shipmentWorkflowId(shopId, b.trackingNumber));
    expect(await handle.result()).toMatchObject({ state: 'delivered', closed: 'delivered' });
    const r = await rowWith(b.trackingNumber, (x) => x.state === 'delivered', 'delivered row');
    expect(kinds(r).at(-1)).toBe('closed');
    // Events after delivery are answered from the row and start nothing.
    expect(
      (await track({ ...b, events: [{ at: iso(Date.now()), status: 'in_transit', description: 'x' }] }))
        .state,
    ).toBe('delivered');
  });

  it('refuses a tracking number already used by another order of the shop', async () => {
    const b = body([{ at: iso(Date.now()), status: 'info_received', description: 'Label created' }]);
    await track(b);
    await expect(track({ ...b, orderId: 'ANOTHER' })).rejects.toMatchObject({
      code: 'tracking_number_conflict',
      status: 409,
    });
  });
});

describe('shipment activities without the ticket service', () => {
  it('records the apology as pending and escalates to nobody when nothing is wired', async () => {
    const db = await openTestPostgres('shipact');
    try {
      const shop = await createShop(db.db, { name: 'Bare', defaultLanguage: 'fr', plan: 'free' });
      const activities = createShipmentActivities({ db: db.db, logger: pino({ level: 'silent' }) });
      const facts = {
        shopId: shop.shop.id,
        trackingNumber: 'RR123456789CN',
        orderId: 'O-1',
        carrier: 'China Post',
      };
      expect(
        await activities.openStallTicket({
          ...facts,
          episode: '2026-01-01T00:00:00.000Z',
          leg: 'first_mile',
          daysSinceUpdate: 3,
          lastCheckpoint: 'x',
        }),
      ).toEqual({ status: 'pending_ticket_support' });
      expect(
        await activities.escalateShipment({
          ...facts,
          reason: 'exception',
          silentHours: 0,
          lastCheckpoint: 'Lost',
          lastEventAt: null,
          leg: 'first_mile',
        }),
      ).toEqual({ notified: 0, channels: [] });
      // A grant retried after it committed returns the same coupon, not a second one.
      const grant = { ...facts, episode: 'e1', daysLate: 10 };
      const first = await activities.grantCoupon(grant);
      const retry = await activities.grantCoupon(grant);
      expect(first).toEqual(retry);
      expect(first).toMatchObject({ status: 'granted', coupon: { value: 7, currency: 'USD' } });
      expect(await activities.grantCoupon({ ...grant, episode: 'e2' })).toEqual({
        status: 'already_granted',
      });
    } finally {
      await db.drop();
    }
  });
});
