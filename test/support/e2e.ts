import { afterAll, beforeAll, expect } from 'vitest';
import type { Language } from '../../src/domain/types.js';
import { eventually, startTestApp, TEST_ADMIN_TOKEN, TEST_WEBHOOK_SECRET } from './app.js';
import { dropSchema } from './db.js';
import { startFakeOutbound } from './fake-outbound.js';
import { startFakeSlack } from './fake-slack.js';
import { startFakeTelegram, textUpdate } from './fake-telegram.js';

/** The app under test, as `startTestApp` returns it. */
export type TestApp = Awaited<ReturnType<typeof startTestApp>>;
/** A local fake of the Telegram Bot API. */
export type FakeTelegram = Awaited<ReturnType<typeof startFakeTelegram>>;
/** A local fake of the Slack Web API (and Socket Mode, OAuth). */
export type FakeSlack = Awaited<ReturnType<typeof startFakeSlack>>;
/** A local reply receiver checking signatures. */
export type FakeOutbound = Awaited<ReturnType<typeof startFakeOutbound>>;

/** What an e2e file runs against; each fake only when asked for. */
export interface E2eOptions {
  /** Names the database schema and the task queue. */
  label: string;
  /** A fake Telegram, its updates arriving by webhook (default) or by long polling. */
  telegram?: boolean | 'polling';
  /** A fake Slack; wire it into the app with `env` (`SLACK_API_URL: slack.apiUrl`, ...). */
  slack?: boolean;
  /** A fake reply receiver with this signing secret, set as the environment's OUTBOUND_URL. */
  outboundSecret?: string;
  /** Extra environment, given the fakes when it needs their URLs. */
  env?: Record<string, string> | ((fakes: { slack?: FakeSlack }) => Record<string, string>);
}

/** The app and its fakes, started before the file's tests and stopped (schema dropped) after. */
export interface E2eWorld {
  readonly app: TestApp;
  /** The app's JSON client (`world.app.api`). */
  readonly api: TestApp['api'];
  readonly telegram: FakeTelegram;
  readonly slack: FakeSlack;
  readonly outbound: FakeOutbound;
}

/**
 * Registers the file's `beforeAll`/`afterAll`: starts the fakes, then the app wired to them;
 * afterwards stops the app, drops its schema and closes the fakes. Hooks the file registers later
 * run after the world is up.
 */
export function useE2eWorld(options: E2eOptions): E2eWorld {
  const started: { app?: TestApp; telegram?: FakeTelegram; slack?: FakeSlack; outbound?: FakeOutbound } = {};
  const need = <K extends keyof typeof started>(key: K): NonNullable<(typeof started)[K]> => {
    const value = started[key];
    if (!value) throw new Error(`the e2e world has no ${key} (see useE2eWorld's options)`);
    return value as NonNullable<(typeof started)[K]>;
  };

  beforeAll(async () => {
    if (options.telegram) started.telegram = await startFakeTelegram();
    if (options.slack) started.slack = await startFakeSlack();
    if (options.outboundSecret) started.outbound = await startFakeOutbound(options.outboundSecret);
    const env =
      typeof options.env === 'function'
        ? options.env({ ...(started.slack ? { slack: started.slack } : {}) })
        : options.env;
    started.app = await startTestApp({
      label: options.label,
      ...(started.telegram
        ? {
            telegramApiRoot: started.telegram.apiRoot,
            telegramMode: options.telegram === 'polling' ? ('polling' as const) : ('webhook' as const),
          }
        : {}),
      ...(started.outbound
        ? { outbound: { url: started.outbound.url, secret: options.outboundSecret! } }
        : {}),
      ...(env ? { env } : {}),
    });
  });

  afterAll(async () => {
    started.slack?.outage(false);
    await started.app?.stop();
    if (started.app) await dropSchema(started.app.schema);
    await started.slack?.close();
    await started.telegram?.close();
    await started.outbound?.close();
  });

  return {
    get app() {
      return need('app');
    },
    get api() {
      return need('app').api;
    },
    get telegram() {
      return need('telegram');
    },
    get slack() {
      return need('slack');
    },
    get outbound() {
      return need('outbound');
    },
  };
}

/** A shop created through the admin API, with its first token and Telegram link code. */
export interface TestShop {
  id: string;
  token: string;
  linkCode: string;
}

/** Creates a shop (`POST /v1/admin/shops`; English, free plan unless given) and checks the 201. */
export async function createTestShop(
  app: TestApp,
  input: { name: string; defaultLanguage?: Language; plan?: 'free' | 'auto'; sellerLanguage?: Language },
): Promise<TestShop> {
  const created = await app.api.post(
    '/v1/admin/shops',
    { defaultLanguage: 'en', plan: 'free', ...input },
    TEST_ADMIN_TOKEN,
  );
  expect(created.status).toBe(201);
  return { id: created.json.shop.id, token: created.json.apiToken, linkCode: created.json.telegramLinkCode };
}

/** Polls `GET /v1/tickets/:ticketId` until the ticket is in one of `statuses`; returns it. */
export function waitForTicket(
  app: TestApp,
  token: string,
  ticketId: string,
  statuses: string[],
  timeoutMs = 30_000,
  // biome-ignore lint/suspicious/noExplicitAny: tests read the ticket's JSON field by field
): Promise<any> {
  return eventually(
    async () => {
      const answer = await app.api.get(`/v1/tickets/${ticketId}`, token);
      return statuses.includes(answer.json?.status) ? answer.json : undefined;
    },
    timeoutMs,
    `ticket ${ticketId} in ${statuses.join('/')}`,
  );
}

/** Hands a Telegram update to the app's webhook, with the secret header Telegram sends. */
export function sendTelegramUpdate(app: TestApp, update: unknown) {
  return app.api.call('POST', '/telegram/webhook', {
    body: update,
    headers: { 'x-telegram-bot-api-secret-token': TEST_WEBHOOK_SECRET },
  });
}

/**
 * Links a Telegram chat to a shop (`/start <link code>` by webhook; `extra` overrides message
 * fields such as `from`) and waits for the bot's answer in that chat.
 */
export async function linkTelegramChat(
  world: E2eWorld,
  linkCode: string,
  chatId: number,
  extra: Record<string, unknown> = {},
): Promise<void> {
  const seen = world.telegram.calls.length;
  await sendTelegramUpdate(world.app, textUpdate(chatId, `/start ${linkCode}`, extra));
  await world.telegram.waitFor((calls) =>
    calls.slice(seen).some((c) => c.method === 'sendMessage' && String(c.params.chat_id) === String(chatId)),
  );
}
