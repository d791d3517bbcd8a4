import { describe, expect, it } from 'vitest';
import { freePort } from '../../src/temporal/dev-server.js';
import { apiClient } from '../support/app.js';
import { BUYER_TEXTS, chaosEnabled, createChaosWorld, mapLimit, sleep } from './support/world.js';

const FLOOD_PER_SECOND = 40;
const FLOOD_SECONDS = 8;

describe.runIf(chaosEnabled())('chaos: two APIs and two workers, kill -9 mid-flood', () => {
  it('kill -9 of an API holding outbox rows and of a worker: every ticket handled once, nothing lost', async () => {
    const world = await createChaosWorld('flood');
    try {
      // Both APIs drain the outbox (leases, SKIP LOCKED); a small window keeps rows waiting in it.
      const drain = { INTAKE_WINDOW: '6', INTAKE_DRAIN_CONCURRENCY: '4' };
      const secondPort = String(await freePort());
      let apiA = await world.spawn('api', drain);
      await world.spawn('api', { ...drain, PORT: secondPort });
      const workerA = await world.spawn('worker', { INTAKE_DRAINER: 'off' });
      await world.spawn('worker', { INTAKE_DRAINER: 'off' });
      const shops = await world.createShops(6);
      const apis = [world.api, apiClient(`http://127.0.0.1:${secondPort}`)];
      const shopOf = new Map<string, (typeof shops)[number]>();
      let failovers = 0;

      // A marketplace posting to both APIs: a refused connection or 5xx is retried on the other
      // one with the same messageId (idempotent), until 202.
      const ingest = async (i: number) => {
        const shop = shops[i % shops.length]!;
        const body = {
          messageId: `m-flood-${i}`,
          orderId: `O-flood-${i}`,
          buyer: { id: `b-flood-${i}` },
          text: BUYER_TEXTS[i % BUYER_TEXTS.length]!,
          receivedAt: new Date().toISOString(),
        };
        for (let attempt = 0; attempt < 240; attempt++) {
          const api = apis[(i + attempt) % 2]!;
          try {
            const r = await api.post('/v1/messages', body, shop.token);
            if (r.status === 202) {
              world.ticketIds.add(r.json.ticketId);
              shopOf.set(r.json.ticketId, shop);
              return r.json.ticketId as string;
            }
            if (r.status < 500) throw new Error(`ingest refused: ${r.status} ${r.text}`);
          } catch (error) {
            if ((error as Error).message.startsWith('ingest refused')) throw error;
          }
          failovers++;
          world.assertAlive();
          await sleep(250);
        }
        throw new Error(`could not ingest message ${i}`);
      };

      const total = FLOOD_PER_SECOND * FLOOD_SECONDS;
      const started = Date.now();
      const posts: Array<Promise<string>> = [];
      let outboxAtKill = -1;
      const chaos = (async () => {
        await sleep((FLOOD_SECONDS / 2) * 1000);
        const [row] = await world.query<{ n: number; claimed: number }>(
          'select count(*)::int as n, count(lease_until)::int as claimed from intake_outbox',
        );
        outboxAtKill = row?.n ?? 0;
        await world.kill9(apiA);
        await world.kill9(workerA);
        await sleep(3_000);
        apiA = await world.spawn('api', drain);
      })();
      for (let i = 0; i < total; i++) {
        const due = started + (i * 1000) / FLOOD_PER_SECOND;
        if (due > Date.now()) await sleep(due - Date.now());
        posts.push(ingest(i));
      }
      const ids = await Promise.all(posts);
      await chaos;
      await world.waitForCards(ids, 300_000);
      await mapLimit(ids, 10, (id) => world.approveViaApi(shopOf.get(id)!, id));
      await world.waitForCompletion(300_000);
      // A row the killed API had dispatched but not yet deleted waits out its 30 s lease; another
      // drainer then finds the message in the workflow's history and removes the row.
      let left: { n: number } | undefined;
      for (const until = Date.now() + 45_000; ; await sleep(1_000)) {
        [left] = await world.query<{ n: number }>('select count(*)::int as n from intake_outbox');
        if (left?.n === 0 || Date.now() > until) break;
      }
      const starts = await world.query<{ n: number }>(
        "select count(*)::int as n from ticket_events where kind = 'buyer_message'",
      );
      const tally = await world.tally(
        'two APIs + two workers; kill -9 an API holding outbox rows and a worker mid-flood',
        [
          `${total} messages at ${FLOOD_PER_SECOND}/s over two APIs; ${outboxAtKill} rows in the outbox when API A and worker A were killed`,
          `${failovers} posts retried on the other API`,
          `outbox rows left at the end: ${left?.n}; buyer messages stored: ${starts[0]?.n}`,
        ],
      );
      expect(outboxAtKill).toBeGreaterThan(0);
      expect(new Set(ids).size).toBe(total);
      expect(left?.n).toBe(0);
      expect(tally.lostTickets).toEqual([]);
      expect(tally.unexpectedTickets).toEqual([]);
      expect(tally.duplicateDeliveries).toBe(0);
      expect(tally.unexplainedDuplicateCards).toEqual([]);
      expect(tally.deliveriesMade).toBe(total);
    } finally {
      await world.close();
    }
  });
});
