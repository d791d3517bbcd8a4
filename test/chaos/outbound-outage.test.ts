import { describe, expect, it } from 'vitest';
import { chaosEnabled, createChaosWorld, mapLimit, sleep } from './support/world.js';

/** Outage length; the issue asks for several minutes, `CHAOS_OUTAGE_SECONDS` shortens it. */
const OUTAGE_SECONDS = Number(process.env.CHAOS_OUTAGE_SECONDS ?? 180);

describe.runIf(chaosEnabled())('chaos: the marketplace receiver is down, then back', () => {
  it(`retries through a ${OUTAGE_SECONDS} s outage and delivers each reply once`, async () => {
    const world = await createChaosWorld('outage');
    try {
      await world.spawn('start');
      const shops = await world.createShops(3);
      const shopOf = new Map<string, (typeof shops)[number]>();
      const ids = await mapLimit(
        Array.from({ length: 20 }, (_, i) => i),
        10,
        async (i) => {
          const shop = shops[i % shops.length]!;
          const { ticketId } = await world.ingest(shop, `out-${i}`);
          shopOf.set(ticketId, shop);
          return ticketId;
        },
      );
      await world.waitForCards(ids);
      await world.receiver.down();
      const downAt = Date.now();
      await mapLimit(ids, 10, (id) => world.approveViaApi(shopOf.get(id)!, id));
      await sleep(Math.max(0, OUTAGE_SECONDS * 1000 - (Date.now() - downAt)));
      // During the outage the ticket shows the delivery as pending with failed attempts.
      const shown = await world.api.get(`/v1/tickets/${ids[0]}`, shopOf.get(ids[0]!)!.token);
      const attempts = await world.query<{ attempts: number }>('select attempts from deliveries');
      await world.receiver.up();
      const upAt = Date.now();
      await world.waitForCompletion(Math.max(360, OUTAGE_SECONDS * 2) * 1000);
      const recoverySeconds = Math.round((Date.now() - upAt) / 1000);
      const tally = await world.tally(`outbound receiver down ${OUTAGE_SECONDS} s, then back`, [
        `during the outage: ticket status ${shown.json?.status}, delivery ${JSON.stringify(shown.json?.delivery ?? null)}`,
        `failed attempts per delivery before recovery: max ${Math.max(0, ...attempts.map((a) => a.attempts))}`,
        `all delivered ${recoverySeconds} s after the receiver came back (activity backoff 2 s x2, capped at 5 min)`,
        ...(OUTAGE_SECONDS < 180
          ? [`outage shortened to ${OUTAGE_SECONDS} s with CHAOS_OUTAGE_SECONDS`]
          : []),
      ]);
      expect(tally.lostTickets).toEqual([]);
      expect(tally.unexpectedTickets).toEqual([]);
      expect(tally.duplicateDeliveries).toBe(0);
      expect(tally.unexplainedDuplicateCards).toEqual([]);
      expect(tally.deliveriesMade).toBe(tally.ticketsIngested);
    } finally {
      await world.close();
    }
  });
});
