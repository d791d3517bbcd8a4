import { inject } from 'vitest';
import { type Sellerdesk, startSellerdesk } from '../../src/app/runtime.js';
import { loadConfig } from '../../src/config.js';
import { TEST_DATABASE_URL, uniqueSchema } from './db.js';
import { FAKE_BOT } from './fake-telegram.js';

/** Secrets the test app runs with (test-only values). */
export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789';
export const TEST_WEBHOOK_SECRET = 'test_webhook_secret_123';
export const TEST_BOT_TOKEN = '123456:TEST-bot-token';

/** Starts the whole app on an ephemeral port against real Postgres (fresh schema) and Temporal. */
export async function startTestApp(options: {
  label: string;
  telegramApiRoot?: string;
  /** `polling`: no webhook secret, updates come from `getUpdates` (default `webhook`). */
  telegramMode?: 'webhook' | 'polling';
  outbound?: { url: string; secret: string };
  env?: Record<string, string>;
}): Promise<Sellerdesk & { url: string; schema: string; api: ReturnType<typeof apiClient> }> {
  const schema = uniqueSchema(options.label);
  const config = loadConfig({
    PORT: '0',
    DATABASE_URL: TEST_DATABASE_URL,
    TEMPORAL_TASK_QUEUE: `tq-${options.label}-${inject('runId')}`,
    ADMIN_TOKEN: TEST_ADMIN_TOKEN,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...(options.telegramApiRoot
      ? {
          TELEGRAM_BOT_TOKEN: TEST_BOT_TOKEN,
          TELEGRAM_API_ROOT: options.telegramApiRoot,
          ...(options.telegramMode === 'polling' ? {} : { TELEGRAM_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET }),
        }
      : {}),
    ...(options.outbound
      ? { OUTBOUND_URL: options.outbound.url, OUTBOUND_SECRET: options.outbound.secret }
      : {}),
    ...options.env,
  });
  const app = await startSellerdesk(config, 'all', {
    databaseSchema: schema,
    temporalAddress: inject('temporalAddress'),
    telegramBotInfo: FAKE_BOT,
    telegramPolling: options.telegramMode === 'polling',
    writeControlFile: false,
    schedules: false,
  });
  return { ...app, url: app.url!, schema, api: apiClient(app.url!) };
}

/** Tiny JSON client for the API under test. */
export function apiClient(baseUrl: string) {
  async function call(
    method: string,
    path: string,
    options: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
  ) {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.raw !== undefined) {
      body = options.raw;
      headers['content-type'] ??= 'application/json';
    } else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    }
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body } : {}),
    });
    const text = await response.text();
    // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON answers
    let json: any;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: response.status, json, text, headers: response.headers };
  }
  return {
    call,
    get: (path: string, token?: string) => call('GET', path, token ? { token } : {}),
    post: (path: string, body: unknown, token?: string) =>
      call('POST', path, { body, ...(token ? { token } : {}) }),
  };
}

/** Polls `fn` until it returns a truthy value or the time runs out. */
export async function eventually<T>(
  fn: () => Promise<T | undefined | null | false>,
  timeoutMs = 30_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await fn();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
}
