import { EventEmitter } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

const BOT = {
  id: 777000222,
  is_bot: true as const,
  first_name: 'Sellerdesk Bench',
  username: 'sellerdesk_bench_bot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
};

/** A card that reached a chat: which ticket, which chat, when (ms since epoch). */
export interface CardArrival {
  ticketId: string;
  chatId: string;
  at: number;
}

/**
 * A Bot API stand-in for the bench: answers at once (no Telegram limits, so the figures are
 * sellerdesk's), and timestamps the first approval card of each ticket.
 */
export async function startBenchTelegram() {
  const cards = new Map<string, CardArrival>();
  const events = new EventEmitter();
  events.setMaxListeners(0);
  const calls = new Map<string, number>();
  let nextMessageId = 1;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const at = Date.now();
      const method = /\/bot[^/]+\/(\w+)$/.exec(req.url ?? '')?.[1] ?? 'unknown';
      calls.set(method, (calls.get(method) ?? 0) + 1);
      let params: Record<string, unknown> = {};
      try {
        params = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      } catch {
        params = {};
      }
      let result: unknown = true;
      if (method === 'getMe') result = BOT;
      if (method === 'sendMessage' || method === 'editMessageText') {
        const chat = { id: Number(params.chat_id ?? 0), type: 'private', first_name: 'Seller' };
        result = { message_id: nextMessageId++, date: Math.floor(at / 1000), chat, text: params.text };
        const ticketId = /approve:(tkt_[A-Za-z0-9]+)/.exec(JSON.stringify(params.reply_markup ?? ''))?.[1];
        if (method === 'sendMessage' && ticketId && !cards.has(ticketId)) {
          const arrival = { ticketId, chatId: String(params.chat_id), at };
          cards.set(ticketId, arrival);
          events.emit(ticketId, arrival);
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, result }));
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiRoot: `http://127.0.0.1:${port}`,
    cards,
    calls,
    /** Resolves with the ticket's first card (at once if it already arrived). */
    cardFor(ticketId: string, timeoutMs: number): Promise<CardArrival | undefined> {
      const known = cards.get(ticketId);
      if (known) return Promise.resolve(known);
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          events.off(ticketId, done);
          resolve(undefined);
        }, timeoutMs);
        const done = (arrival: CardArrival) => {
          clearTimeout(timer);
          resolve(arrival);
        };
        events.once(ticketId, done);
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
