import { describe, expect, it } from 'vitest';
import type { TelegramFault } from './support/telegram.js';
import { chaosEnabled, createChaosWorld, mapLimit } from './support/world.js';

const FAULTY = new Set(['sendMessage', 'editMessageText', 'answerCallbackQuery']);

describe.runIf(chaosEnabled())('chaos: Telegram answers 429 with retry_after, 500s and slow answers', () => {
  it('delivers every approved reply once; cards arrive despite the faults', async () => {
    const world = await createChaosWorld('telegram');
    try {
      await world.spawn('api');
      await world.spawn('worker');
      const shops = await world.createShops(5);
      // From here on: every 4th call 429 (retry after 1-3 s), every 7th a 500, every 13th answered
      // after 20 s (past the 15 s client timeout, though the chat did get the message).
      world.telegram.setFaults((method, n): TelegramFault | undefined => {
        if (!FAULTY.has(method)) return undefined;
        if (n % 4 === 0) return { kind: 'too_many_requests', retryAfter: 1 + (n % 3) };
        if (n % 7 === 0) return { kind: 'server_error' };
        if (n % 13 === 0) return { kind: 'slow', ms: 20_000 };
        return undefined;
      });
      const shopOf = new Map<string, (typeof shops)[number]>();
      const ids = await mapLimit(
        Array.from({ length: 40 }, (_, i) => i),
        10,
        async (i) => {
          const shop = shops[i % shops.length]!;
          const { ticketId } = await world.ingest(shop, `tg-${i}`);
          shopOf.set(ticketId, shop);
          return ticketId;
        },
      );
      await world.waitForCards(ids, 300_000);
      await mapLimit(ids, 10, (id) => world.approveInTelegram(shopOf.get(id)!, id));
      // Each press is sent until Telegram's webhook gets a non-5xx answer; none is repeated after.
      const lostPresses = await world.undecidedAfter(ids);
      await world.waitForCompletion(300_000);
      const faults = world.telegram.faultsSeen;
      const tally = await world.tally(
        'fake Telegram: 429 retry_after, 500s, slow answers (client timeouts)',
        [
          `faults injected: ${faults.too_many_requests} x 429, ${faults.server_error} x 500, ${faults.slow} x 20 s answers`,
          `${lostPresses.length} Telegram presses did not take effect`,
          ...world.pressAlerts().map((a) => `press answered with an alert: ${a}`),
        ],
      );
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
});
