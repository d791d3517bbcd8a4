import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One Bot API call the fake received. */
export interface TelegramCall {
  method: string;
  token: string;
  params: Record<string, unknown>;
}

/** The bot identity the fake answers getMe with. */
export const FAKE_BOT = {
  id: 777000111,
  is_bot: true as const,
  first_name: 'Sellerdesk Test',
  username: 'sellerdesk_test_bot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

/**
 * A local Bot API server speaking Telegram's HTTP protocol (`POST /bot<token>/<method>`), for
 * grammY's `client.apiRoot`. Records calls; can answer with queued errors (429, 500) or delays.
 */
export async function startFakeTelegram() {
  const calls: TelegramCall[] = [];
  const failures: Array<{ method: string; status: number; body: Record<string, unknown> }> = [];
  let nextMessageId = 100;
  const waiters: Array<() => void> = [];
  /** Updates for long polling: `getUpdates` hands out those at or above its `offset`. */
  const pending: Array<{ update_id: number }> = [];
  const pollers: Array<() => void> = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const match = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? '');
      if (!match) {
        res.writeHead(404).end(JSON.stringify({ ok: false, error_code: 404, description: 'Not Found' }));
        return;
      }
      const [, token, method] = match as unknown as [string, string, string];
      const raw = Buffer.concat(chunks).toString('utf8');
      let params: Record<string, unknown> = {};
      if (raw) {
        try {
          params = JSON.parse(raw) as Record<string, unknown>;
        } catch {
          params = Object.fromEntries(new URLSearchParams(raw));
        }
      }
      const failureIndex = failures.findIndex((f) => f.method === method);
      if (failureIndex >= 0) {
        const [failure] = failures.splice(failureIndex, 1);
        calls.push({ method: `${method}#failed`, token, params });
        res
          .writeHead(failure!.status, { 'content-type': 'application/json' })
          .end(JSON.stringify(failure!.body));
        return;
      }
      calls.push({ method, token, params });
      for (const w of waiters.splice(0)) w();
      const ok = (result: unknown) =>
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, result }));
      const chat = { id: Number(params.chat_id ?? 0), type: 'private' as const, first_name: 'Seller' };
      switch (method) {
        case 'getMe':
          return ok(FAKE_BOT);
        case 'sendMessage':
          return ok({
            message_id: nextMessageId++,
            date: Math.floor(Date.now() / 1000),
            chat,
            from: FAKE_BOT,
            text: params.text,
            ...(params.reply_markup ? { reply_markup: params.reply_markup } : {}),
          });
        case 'editMessageText':
          return ok({
            message_id: Number(params.message_id),
            date: Math.floor(Date.now() / 1000),
            chat,
            from: FAKE_BOT,
            text: params.text,
          });
        case 'getUpdates': {
          const offset = Number(params.offset ?? 0);
          const answer = () => ok(pending.filter((u) => u.update_id >= offset));
          if (pending.some((u) => u.update_id >= offset)) return answer();
          // Long poll: answer when an update is queued, or empty after a short wait.
          const timer = setTimeout(() => {
            pollers.splice(pollers.indexOf(wake), 1);
            answer();
          }, 200);
          const wake = () => {
            clearTimeout(timer);
            answer();
          };
          pollers.push(wake);
          return undefined;
        }
        default:
          return ok(true);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiRoot: `http://127.0.0.1:${port}`,
    calls,
    /** Calls of one method, in order. */
    callsOf(method: string) {
      return calls.filter((c) => c.method === method);
    },
    /** Queues an update for a bot in long-polling mode (the next `getUpdates` returns it). */
    queueUpdate(update: { update_id: number }) {
      pending.push(update);
      for (const wake of pollers.splice(0)) wake();
    },
    /** Queues an error answer for the next call of `method`. */
    failNext(method: string, status: number, body: Record<string, unknown>) {
      failures.push({ method, status, body });
    },
    /** Resolves when `predicate` holds over the recorded calls (polls on each new call). */
    async waitFor(predicate: (calls: TelegramCall[]) => boolean, timeoutMs = 30_000): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(calls)) {
        if (Date.now() > deadline) {
          throw new Error(
            `fake Telegram: condition not met in ${timeoutMs} ms; calls: ${calls.map((c) => c.method).join(', ')}`,
          );
        }
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let updateId = 1000;

/** A private-chat text message update as Telegram sends it. */
export function textUpdate(chatId: number, text: string, extra: Record<string, unknown> = {}) {
  const entities = text.startsWith('/')
    ? [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]!.length }]
    : undefined;
  return {
    update_id: updateId++,
    message: {
      message_id: updateId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: chatId, type: 'private', first_name: 'Maria' },
      from: { id: chatId, is_bot: false, first_name: 'Maria', username: 'maria_shop', language_code: 'es' },
      text,
      ...(entities ? { entities } : {}),
      ...extra,
    },
  };
}

/** A button press on one of the bot's messages. */
export function callbackUpdate(chatId: number, data: string, messageId = 100, userId = chatId) {
  return {
    update_id: updateId++,
    callback_query: {
      id: `cb${updateId}`,
      from: { id: userId, is_bot: false, first_name: 'Maria', username: `user${userId}` },
      chat_instance: 'ci1',
      data,
      message: {
        message_id: messageId,
        date: Math.floor(Date.now() / 1000),
        chat: { id: chatId, type: 'private', first_name: 'Maria' },
        from: FAKE_BOT,
        text: 'card',
      },
    },
  };
}
