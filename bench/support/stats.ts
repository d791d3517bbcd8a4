/** Latency summary of one series, in milliseconds. */
export interface Percentiles {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentiles of `values` (ms), rounded to 0.1 ms. */
export function percentiles(values: number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? 0;
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    count: sorted.length,
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    p99: round(at(0.99)),
    max: round(sorted.at(-1) ?? 0),
  };
}

/** Telegram's documented Bot API limits: about 1 message/s per chat and 30 messages/s per bot. */
export const TELEGRAM_LIMITS = { perChatIntervalMs: 1000, perBotPerSecond: 30 } as const;

/**
 * When each card would reach its chat if Telegram's limits applied: cards leave in the order
 * sellerdesk produced them, at most one per chat per second and 30 per second over the bot.
 * Returns the delay each card gets on top of sellerdesk's own latency.
 */
export function throttleDelays(cards: Array<{ chatId: string; at: number }>): number[] {
  const order = cards.map((c, i) => ({ ...c, i })).sort((a, b) => a.at - b.at);
  const delays = new Array<number>(cards.length).fill(0);
  const lastPerChat = new Map<string, number>();
  const botInterval = 1000 / TELEGRAM_LIMITS.perBotPerSecond;
  let lastBot = Number.NEGATIVE_INFINITY;
  for (const card of order) {
    const chatFree =
      (lastPerChat.get(card.chatId) ?? Number.NEGATIVE_INFINITY) + TELEGRAM_LIMITS.perChatIntervalMs;
    const sendAt = Math.max(card.at, chatFree, lastBot + botInterval);
    lastPerChat.set(card.chatId, sendAt);
    lastBot = sendAt;
    delays[card.i] = sendAt - card.at;
  }
  return delays;
}

/** Samples the RSS of named processes once a second; `peak()` gives the largest value seen. */
export function rssSampler(sources: Record<string, () => number>) {
  const peaks: Record<string, number> = {};
  const sample = () => {
    for (const [name, read] of Object.entries(sources)) peaks[name] = Math.max(peaks[name] ?? 0, read());
  };
  sample();
  const timer = setInterval(sample, 1000);
  timer.unref();
  return {
    /** Peak RSS per process since the last reset, in MiB. */
    peak: () => ({ ...peaks }),
    /** RSS per process now, in MiB. */
    now: () => Object.fromEntries(Object.entries(sources).map(([name, read]) => [name, read()])),
    reset() {
      for (const key of Object.keys(peaks)) delete peaks[key];
      sample();
    },
    stop: () => clearInterval(timer),
  };
}

/** Runs `fn` over `count` indices with at most `limit` in flight. */
export async function pool(count: number, limit: number, fn: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, count) }, async () => {
      while (next < count) await fn(next++);
    }),
  );
}
