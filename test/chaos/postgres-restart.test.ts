import { describe, expect, it } from 'vitest';
import { restartChaosPostgres } from './support/postgres.js';
import { chaosEnabled, createChaosWorld, mapLimit, sleep } from './support/world.js';

const BURST_PER_SECOND = 20;
const BURST_SECONDS = 10;

describe.runIf(chaosEnabled())('chaos: PostgreSQL restarts during a burst', () => {
  it('loses no ticket and delivers each reply once', async () => {
    const world = await createChaosWorld('pgrestart');
    try {
      await world.spawn('start');
      const shops = await world.createShops(5);
      const shopOf = new Map<string, (typeof shops)[number]>();
      const posts: Array<Promise<{ ticketId: string; failures: number }>> = [];
      const total = BURST_PER_SECOND * BURST_SECONDS;
      const started = Date.now();
      let restartMs = 0;
      const restart = (async () => {
        await sleep((BURST_SECONDS / 2) * 1000);
        const at = Date.now();
        await restartChaosPostgres(world.postgres);
        restartMs = Date.now() - at;
      })();
      for (let i = 0; i < total; i++) {
        const due = started + (i * 1000) / BURST_PER_SECOND;
        if (due > Date.now()) await sleep(due - Date.now());
        const shop = shops[i % shops.length]!;
        const posted = world.ingest(shop, `pg-${i}`).then((r) => {
          shopOf.set(r.ticketId, shop);
          return r;
        });
        posted.catch(() => undefined); // awaited below; a crash report must not become unhandled
        posts.push(posted);
      }
      await restart;
      const results = await Promise.all(posts);
      const retried = results.filter((r) => r.failures > 0).length;
      const ids = results.map((r) => r.ticketId);
      await world.waitForCards(ids, 300_000);
      await mapLimit(ids, 20, (id) => world.approveViaApi(shopOf.get(id)!, id));
      await world.waitForCompletion(300_000);
      const health = await world.api.get('/healthz');
      const tally = await world.tally('PostgreSQL restarted in the middle of a burst', [
        `${total} messages at ${BURST_PER_SECOND}/s; PostgreSQL (${world.postgres.mode} cluster) restart took ${restartMs} ms`,
        `${retried} POSTs got a 5xx or a refused connection and were retried with the same messageId`,
        `/healthz after: ${health.status}`,
      ]);
      expect(health.status).toBe(200);
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
