import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { FAKE_BOT } from '../../support/fake-telegram.js';

/** What the fake Bot API does to one call instead of answering it normally. */
export type TelegramFault =
  | { kind: 'too_many_requests'; retryAfter: number }
  | { kind: 'server_error' }
  /** Processes the call (the seller sees the card) but answers only after `ms`: a client timeout. */
  | { kind: 'slow'; ms: number };

/** One call the fake processed (what the seller's chat would show). */
export interface ProcessedCall {
  method: string;
  params: Record<string, unknown>;
  /** When the chat got it (ms since epoch). */
  at: number;
  /** Answered after the client's timeout: the caller never learnt that it took effect. */
  answerLost?: boolean;
}

/**
 * A Bot API fake for chaos runs: answers like Telegram, and injects 429 with `retry_after`,
 * 500s and slow answers by a rule over `(method, call number)`.
 */
export async function startChaosTelegram() {
  const processed: ProcessedCall[] = [];
  const faultsSeen = { too_many_requests: 0, server_error: 0, slow: 0 };
  let rule: (method: string, n: number) => TelegramFault | undefined = () => undefined;
  const counters = new Map<string, number>();
  let nextMessageId = 1000;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const match = /^\/bot[^/]+\/(\w+)$/.exec(req.url ?? '');
      if (!match) {
        res.writeHead(404).end('{"ok":false,"error_code":404,"description":"Not Found"}');
        return;
      }
      const method = match[1]!;
      const raw = Buffer.concat(chunks).toString('utf8');
      let params: Record<string, unknown> = {};
      try {
        params = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      } catch {
        params = Object.fromEntries(new URLSearchParams(raw));
      }
      const n = (counters.get(method) ?? 0) + 1;
      counters.set(method, n);
      const fault = method === 'getMe' ? undefined : rule(method, n);
      const json = (status: number, body: unknown) => {
        if (res.writableEnded || res.destroyed) return;
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      };
      if (fault?.kind === 'too_many_requests') {
        faultsSeen.too_many_requests++;
        json(429, {
          ok: false,
          error_code: 429,
          description: `Too Many Requests: retry after ${fault.retryAfter}`,
          parameters: { retry_after: fault.retryAfter },
        });
        return;
      }
      if (fault?.kind === 'server_error') {
        faultsSeen.server_error++;
        json(500, { ok: false, error_code: 500, description: 'Internal Server Error' });
        return;
      }
      const call: ProcessedCall = { method, params, at: Date.now() };
      processed.push(call);
      const chat = { id: Number(params.chat_id ?? 0), type: 'private' as const, first_name: 'Seller' };
      let result: unknown = true;
      if (method === 'getMe') result = FAKE_BOT;
      if (method === 'sendMessage') {
        result = {
          message_id: nextMessageId++,
          date: Math.floor(Date.now() / 1000),
          chat,
          from: FAKE_BOT,
          text: params.text,
        };
      }
      if (method === 'editMessageText') {
        result = {
          message_id: Number(params.message_id),
          date: Math.floor(Date.now() / 1000),
          chat,
          text: params.text,
        };
      }
      if (fault?.kind === 'slow') {
        faultsSeen.slow++;
        // sellerdesk's Telegram client gives up after 15 s.
        call.answerLost = fault.ms >= 15_000;
        setTimeout(() => json(200, { ok: true, result }), fault.ms);
        return;
      }
      json(200, { ok: true, result });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiRoot: `http://127.0.0.1:${port}`,
    processed,
    faultsSeen,
    /** Sets the fault rule; `() => undefined` turns faults off. */
    setFaults(next: (method: string, n: number) => TelegramFault | undefined) {
      rule = next;
    },
    /** Approval cards the chats received, per ticket id. */
    cardsPerTicket(): Map<string, number> {
      const cards = new Map<string, number>();
      for (const call of processed) {
        if (call.method !== 'sendMessage') continue;
        const found = /approve:(tkt_[A-Za-z0-9]+)/.exec(JSON.stringify(call.params.reply_markup ?? ''));
        if (found) cards.set(found[1]!, (cards.get(found[1]!) ?? 0) + 1);
      }
      return cards;
    },
    /**
     * Extra approval cards no lost answer explains. Telegram has no idempotency key, so a card
     * whose answer never reached its poster (a client timeout, or the poster killed within
     * `killWindowMs` after the card arrived) may be posted again; any other repeat is a bug.
     */
    unexplainedDuplicateCards(killedAt: number[], killWindowMs = 5_000): string[] {
      const perTicket = new Map<string, ProcessedCall[]>();
      for (const call of processed) {
        if (call.method !== 'sendMessage') continue;
        const found = /approve:(tkt_[A-Za-z0-9]+)/.exec(JSON.stringify(call.params.reply_markup ?? ''));
        if (!found) continue;
        const list = perTicket.get(found[1]!) ?? [];
        list.push(call);
        perTicket.set(found[1]!, list);
      }
      const unexplained: string[] = [];
      for (const [ticketId, calls] of perTicket) {
        for (let i = 1; i < calls.length; i++) {
          const before = calls[i - 1]!;
          const lost =
            before.answerLost ||
            killedAt.some((k) => k >= before.at && k - before.at <= killWindowMs && k <= calls[i]!.at);
          if (!lost) unexplained.push(ticketId);
        }
      }
      return unexplained;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
