import { describe, expect, it } from 'vitest';
import { chaosEnabled, createChaosWorld, mapLimit, sleep } from './support/world.js';

describe.runIf(chaosEnabled())('chaos: kill -9 the worker', () => {
  it('while tickets wait for approval: no ticket lost, each reply delivered once', async () => {
    const world = await createChaosWorld('killwait');
    try {
      await world.spawn('api');
      let worker = await world.spawn('worker');
      const shops = await world.createShops(5);
      const shopOf = new Map<string, (typeof shops)[number]>();
      const waiting = await mapLimit(
        Array.from({ length: 30 }, (_, i) => i),
        10,
        async (i) => {
          const shop = shops[i % shops.length]!;
          const { ticketId } = await world.ingest(shop, `wait-${i}`);
          shopOf.set(ticketId, shop);
          return ticketId;
        },
      );
      await world.waitForCards(waiting);

      await world.kill9(worker);
      // Buyers keep writing while the worker is dead; the API still accepts their messages.
      const during = await mapLimit(
        Array.from({ length: 20 }, (_, i) => i),
        10,
        async (i) => {
          const shop = shops[i % shops.length]!;
          const { ticketId } = await world.ingest(shop, `dead-${i}`);
          shopOf.set(ticketId, shop);
          return ticketId;
        },
      );
      // Sellers press approve on the waiting cards; the presses wait for a worker to apply them.
      const presses = Promise.all(waiting.map((id) => world.approveInTelegram(shopOf.get(id)!, id)));
      await sleep(5_000);
      worker = await world.spawn('worker');
      await presses;
      // A press the seller saw accepted must take effect: none is repeated for it.
      const lostPresses = await world.undecidedAfter(waiting);

      await world.waitForCards(during, 180_000);
      await mapLimit(during, 10, (id) => world.approveViaApi(shopOf.get(id)!, id));
      await world.waitForCompletion(240_000);
      const tally = await world.tally('kill -9 worker while tickets wait for approval', [
        '30 tickets awaiting approval, worker killed, 20 more ingested while it was down, 30 approvals pressed while it was down',
        `${lostPresses.length} presses did not take effect`,
        ...world.pressAlerts().map((a) => `press answered with an alert: ${a}`),
      ]);
      expect(lostPresses).toEqual([]);
      expect(tally.lostTickets).toEqual([]);
      expect(tally.unexpectedTickets).toEqual([]);
      expect(tally.duplicateDeliveries).toBe(0);
      expect(tally.unexplainedDuplicateCards).toEqual([]);
      expect(tally.deliveriesMade).toBe(tally.ticketsIngested);
    } finally {
      await world.close();
    }
  });

  it('while deliveries are in flight: no ticket lost, each reply delivered once', async () => {
    const world = await createChaosWorld('killflight');
    try {
      let app = await world.spawn('start');
      const shops = await world.createShops(3);
      const shopOf = new Map<string, (typeof shops)[number]>();
      const ids = await mapLimit(
        Array.from({ length: 20 }, (_, i) => i),
        10,
        async (i) => {
          const shop = shops[i % shops.length]!;
          const { ticketId } = await world.ingest(shop, `flight-${i}`);
          shopOf.set(ticketId, shop);
          return ticketId;
        },
      );
      await world.waitForCards(ids);
      // The marketplace records each reply on arrival but answers only after 5 s.
      world.receiver.setDelay(5_000);
      await mapLimit(ids, 20, (id) => world.approveViaApi(shopOf.get(id)!, id));
      const deadline = Date.now() + 60_000;
      while (world.receiver.posts.length < 5 && Date.now() < deadline) await sleep(100);
      const inFlight = world.receiver.posts.length;
      await world.kill9(app);
      world.receiver.setDelay(0);
      await sleep(2_000);
      app = await world.spawn('start');
      await world.waitForCompletion(300_000);
      const tally = await world.tally(
        'kill -9 sellerdesk (start: API + worker) while deliveries are in flight',
        [
          `${inFlight} deliveries had reached the receiver unanswered when the process was killed`,
          'a delivery whose answer was lost is re-sent with the same idempotency key after the 30 s activity timeout',
        ],
      );
      expect(inFlight).toBeGreaterThan(0);
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
