/**
 * The stall apology and the buyer's "where is my order?" race (issue 19 item 5). The shipment watch
 * grants the coupon, opens the apology ticket (whose workflow drafts and posts its card at once),
 * escalates a long stall, and only then mirrors its actions into the `shipments` row. A buyer
 * message drafted in between used to read that row, find no apology, and get a generic reply: a
 * second card for the order, without the coupon, next to the apology's card. Here the escalation
 * (the support channel) is held open by the test, so the message lands in that window every run.
 */
import type { Client } from '@temporalio/client';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { IntakeDrainer } from '../../src/app/intake-drainer.js';
import type { createTicketService } from '../../src/app/ticket-service.js';
import { ingestTracking } from '../../src/app/tracking-service.js';
import type { TelegramCards } from '../../src/channels/telegram/notifier.js';
import { shipments, tickets } from '../../src/db/schema/index.js';
import { createShop, linkTelegramChat } from '../../src/db/shops-repo.js';
import { getTicketView } from '../../src/db/ticket-views-repo.js';
import { eventually } from '../support/app.js';
import { openTestPostgres } from '../support/db.js';
import { startTicketIntake } from '../support/ticket-intake.js';
import { startTestWorker, type TestWorker } from '../support/worker.js';

const H = 3_600_000;

describe('stall apology vs. a buyer asking meanwhile (real Temporal server, Postgres)', () => {
  const taskQueue = `tq-apology-race-${inject('runId')}`;
  let db: Awaited<ReturnType<typeof openTestPostgres>>;
  let testWorker: TestWorker;
  let client: Client;
  let service: ReturnType<typeof createTicketService>;
  let drainer: IntakeDrainer | undefined;
  let shopId: string;
  const cards: Array<{ text: string; buttons: boolean }> = [];
  const telegram: TelegramCards = {
    async sendCard(_chatId, text, keyboard) {
      cards.push({ text, buttons: keyboard !== null });
      return String(cards.length);
    },
    async editCard() {},
  };
  // The support channel answers only when the test lets it: the watch's round stays open.
  let escalationReached: () => void = () => undefined;
  const reached = new Promise<void>((resolve) => {
    escalationReached = resolve;
  });
  let releaseEscalation: () => void = () => undefined;
  const released = new Promise<void>((resolve) => {
    releaseEscalation = resolve;
  });

  beforeAll(async () => {
    db = await openTestPostgres('apologyrace');
    testWorker = await startTestWorker({
      taskQueue,
      db: db.db,
      deps: (temporal) => {
        ({ service, drainer } = startTicketIntake(db.db, temporal, taskQueue));
        return {
          telegram,
          dispatchBuyerMessage: service.dispatchBuyerMessage,
          openSystemTicket: service.openSystemTicket,
          notifySupport: async () => {
            escalationReached();
            await released;
            return true;
          },
        };
      },
    });
    client = testWorker.client;
    const shop = await createShop(db.db, { name: 'Race shop', defaultLanguage: 'en', plan: 'free' });
    shopId = shop.shop.id;
    await linkTelegramChat(db.db, shop.telegramLinkCode, '8001', '8001');
  });

  afterAll(async () => {
    releaseEscalation();
    await drainer?.stop();
    await testWorker?.stop();
    await db?.drop();
  });

  it('a buyer asking while the watch is still escalating gets the delay update that points at the apology', async () => {
    const silentSince = Date.now() - 9 * 24 * H; // past the 168 h escalation: apology and escalation
    await ingestTracking({ db: db.db, temporal: client, taskQueue }, shopId, {
      orderId: 'RACE-1',
      trackingNumber: 'LP00000801CN',
      carrier: 'Cainiao',
      buyer: { id: 'race-buyer', locale: 'fr-FR' },
      events: [
        { at: new Date(silentSince).toISOString(), status: 'in_transit', description: 'PU_PICKUP_SUCCESS' },
      ],
    });
    await reached; // the apology ticket is open; the watch now waits on the support channel
    const [apology] = await db.db
      .select()
      .from(tickets)
      .where(and(eq(tickets.shopId, shopId), eq(tickets.orderId, 'RACE-1'), eq(tickets.origin, 'system')));
    expect(apology?.coupon?.code).toMatch(/^SD-/);
    const couponCode = apology!.coupon!.code;
    // Inside the window: the watch has mirrored nothing of this round yet.
    const [row] = await db.db.select().from(shipments).where(eq(shipments.trackingNumber, 'LP00000801CN'));
    expect(row!.actions.map((a) => a.kind)).not.toContain('apology_opened');

    const asked = await service.ingest(shopId, {
      messageId: 'race-wismo-1',
      orderId: 'RACE-1',
      buyer: { id: 'race-buyer', locale: 'fr-FR' },
      text: 'Bonjour, où est ma commande ? Toujours rien reçu.',
      receivedAt: new Date().toISOString(),
    });
    expect(asked.ticketId).not.toBe(apology!.id);
    const view = await eventually(
      async () => {
        const v = await getTicketView(db.db, shopId, asked.ticketId);
        return v?.ticket.status === 'awaiting_approval' && cards.some((c) => c.text.includes(asked.ticketId))
          ? v
          : undefined;
      },
      30_000,
      'the buyer ticket card',
    );
    // Not a generic "we are looking into it": the delay update, and a note to send only one.
    expect(view.draft?.templateId).toBe('logistics.delay_update');
    expect(view.draft?.note).toContain(`stall apology for this order (ticket ${apology!.id}`);
    expect(view.draft?.text).not.toContain(couponCode); // no second coupon
    // The apology's own card, posted meanwhile, names the coupon from its stored draft.
    const apologyCard = await eventually(
      async () => cards.find((c) => c.text.includes(apology!.id)),
      30_000,
      'the apology card',
    );
    expect(apologyCard.text.split('\n').find((l) => l.startsWith('🎟️'))).toContain(couponCode);

    releaseEscalation();
    await eventually(
      async () => {
        const [after] = await db.db
          .select()
          .from(shipments)
          .where(eq(shipments.trackingNumber, 'LP00000801CN'));
        return after!.actions.some((a) => a.kind === 'apology_opened') ? true : undefined;
      },
      30_000,
      'the watch mirrors its round',
    );
  });
});
