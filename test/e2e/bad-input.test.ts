import http from 'node:http';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type BadInputCase,
  buildBadInputCases,
  type CaseAuth,
  type CorpusContext,
  HOSTILE_TEXTS,
  message,
} from '../fixtures/bad-input/cases.js';
import { eventually, TEST_ADMIN_TOKEN, TEST_WEBHOOK_SECRET } from '../support/app.js';
import { createTestShop, sendTelegramUpdate, useE2eWorld } from '../support/e2e.js';
import { signSlackRequest } from '../support/fake-slack.js';
import { textUpdate } from '../support/fake-telegram.js';
import {
  changedTables,
  databaseFingerprint,
  type Fingerprint,
  schemaTables,
  settle,
} from '../support/fingerprint.js';

const SLACK_SIGNING_SECRET = 'bad-input-slack-signing-secret';
const CHAT_A = 616161;
const CHAT_B = 626262;
const STRANGER_CHAT = 636363;

const METRICS_TOKEN = 'bad-input-metrics-token-0123';

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: the corpus reads arbitrary JSON answers
  json: any;
}

/** Sends exactly the bytes and path given (no URL normalisation, unlike fetch). */
function rawRequest(
  baseUrl: string,
  options: {
    method: string;
    path: string;
    headers: Record<string, string>;
    body?: Buffer;
    chunked?: boolean;
  },
): Promise<RawAnswer> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.body && !options.chunked) headers['content-length'] = String(options.body.length);
    const request = http.request(
      { host: url.hostname, port: url.port, method: options.method, path: options.path, headers },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = text ? JSON.parse(text) : undefined;
          } catch {
            json = undefined;
          }
          resolve({ status: response.statusCode ?? 0, headers: response.headers, text, json });
        });
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    if (options.body && options.chunked) {
      // Several chunks, so the server sees a streamed body with no length up front.
      const size = 64 * 1024;
      for (let i = 0; i < options.body.length; i += size) request.write(options.body.subarray(i, i + size));
      request.end();
    } else request.end(options.body);
  });
}

describe('bad-input corpus: every endpoint answers hostile input with its documented 4xx', () => {
  const world = useE2eWorld({
    label: 'badinput',
    telegram: true,
    slack: true,
    env: ({ slack }) => ({
      SLACK_BOT_TOKEN: 'xoxb-bad-input',
      SLACK_SIGNING_SECRET,
      SLACK_API_URL: slack!.apiUrl,
      SLACK_SUPPORT_CHANNEL: 'C0BAD',
      METRICS_TOKEN,
    }),
  });
  const tokens: Record<string, string> = {};
  let ctx: CorpusContext;
  let refusedCount = 0;
  let lastPrint: Fingerprint | undefined;
  let ticketBy: string;

  const webhook = (update: unknown) => sendTelegramUpdate(world.app, update);

  async function createShop(name: string, chatId?: number) {
    const shop = await createTestShop(world.app, { name, sellerLanguage: 'en' });
    if (chatId !== undefined) {
      expect((await webhook(textUpdate(chatId, `/start ${shop.linkCode}`))).status).toBe(200);
    }
    return shop;
  }

  let tables: string[] | undefined;
  const fingerprint = async () => {
    tables ??= await schemaTables(world.app.database.db);
    return databaseFingerprint(world.app.database.db, tables);
  };

  function authHeader(auth: CaseAuth): Record<string, string> {
    if (auth === 'none') return {};
    if (typeof auth === 'object') return { authorization: auth.header };
    if (auth === 'admin') return { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
    if (auth === 'metrics') return { authorization: `Bearer ${METRICS_TOKEN}` };
    if (auth === 'control') return { authorization: `Bearer ${world.app.controlToken}` };
    return { authorization: `Bearer ${tokens[auth]}` };
  }

  async function send(c: BadInputCase): Promise<RawAnswer> {
    const headers: Record<string, string> = { ...authHeader(c.auth), ...c.headers };
    let body: Buffer | undefined;
    if (c.raw !== undefined) body = Buffer.isBuffer(c.raw) ? c.raw : Buffer.from(c.raw, 'utf8');
    else if (c.json !== undefined) body = Buffer.from(JSON.stringify(c.json), 'utf8');
    if (body !== undefined && c.contentType !== null)
      headers['content-type'] = c.contentType ?? 'application/json';
    if (c.webhookSecret !== undefined) headers['x-telegram-bot-api-secret-token'] = c.webhookSecret;
    if (c.slack) {
      const text = body?.toString('utf8') ?? '';
      if (c.slack === 'forged') Object.assign(headers, signSlackRequest('not-the-signing-secret', text));
      if (c.slack === 'stale') {
        Object.assign(
          headers,
          signSlackRequest(SLACK_SIGNING_SECRET, text, Math.floor(Date.now() / 1000) - 600),
        );
      }
      if (c.slack === 'malformed') {
        Object.assign(headers, { 'x-slack-signature': 'v1=zz', 'x-slack-request-timestamp': 'yesterday' });
      }
    }
    if (c.remoteAddress !== undefined) {
      // Another peer address can only be had in-process; the server sees it as the socket's.
      const injected = await world.app.server!.inject({
        method: c.method,
        url: c.path,
        remoteAddress: c.remoteAddress,
        headers,
        ...(body !== undefined ? { payload: body } : {}),
      });
      let json: unknown;
      try {
        json = injected.body ? JSON.parse(injected.body) : undefined;
      } catch {
        json = undefined;
      }
      return {
        status: injected.statusCode,
        headers: injected.headers as http.IncomingHttpHeaders,
        text: injected.body,
        json,
      };
    }
    return rawRequest(world.app.url, {
      method: c.method,
      path: c.path,
      headers,
      ...(body !== undefined ? { body } : {}),
      ...(c.chunked ? { chunked: true } : {}),
    });
  }

  beforeAll(async () => {
    const shopA = await createShop('Shop A <b>', CHAT_A);
    const shopB = await createShop('Shop B', CHAT_B);
    // Shop B rotates its first code away; shop C's code runs out of time unused.
    const rotated = await world.api.post('/v1/telegram/link-code', {}, shopB.token);
    expect(rotated.status).toBe(201);
    const shopC = await createShop('Shop C');
    await world.app.database.db.execute(
      sql`update telegram_link_codes set expires_at = now() - interval '1 hour' where shop_id = ${shopC.id}`,
    );
    tokens.shopA = shopA.token;
    tokens.shopB = shopB.token;
    const mint = async (scopes: string[], name: string) => {
      const r = await world.api.post('/v1/tokens', { name, scopes }, shopA.token);
      expect(r.status).toBe(201);
      return r.json as { id: string; token: string };
    };
    const victim = await mint(['tickets:read'], 'victim');
    tokens.readOnly = (await mint(['tickets:read'], 'read-only')).token;
    tokens.messagesOnly = (await mint(['messages:write'], 'messages-only')).token;
    tokens.tokensOnly = (await mint(['tokens:write'], 'tokens-only')).token;
    const listed = await world.api.get('/v1/tokens', shopA.token);
    const fullTokenIdA = (listed.json.tokens as Array<{ id: string; scopes: string[] }>).find(
      (t) => t.scopes.length === 9,
    )!.id;
    const revoked = await mint(['messages:write', 'tickets:read', 'settings:write'], 'revoked');
    expect((await world.api.call('DELETE', `/v1/tokens/${revoked.id}`, { token: shopA.token })).status).toBe(
      204,
    );
    tokens.revoked = revoked.token;

    const postMessage = async (token: string, messageId: string) => {
      const r = await world.api.post(
        '/v1/messages',
        message({ messageId, orderId: `ORD-${messageId}` }),
        token,
      );
      expect(r.status).toBe(202);
      return r.json.ticketId as string;
    };
    const ticketA = await postMessage(shopA.token, 'setup-a');
    const ticketB = await postMessage(shopB.token, 'setup-b');
    ticketBy = await postMessage(shopA.token, 'setup-by');
    const validate = async (token: string) => {
      const r = await world.api.post(
        '/v1/listings/validate',
        { listingId: 'L-setup', title: { en: 'Cotton shirt' }, description: { en: 'A soft shirt.' } },
        token,
      );
      expect(r.status).toBe(202);
      return r.json.validationId as string;
    };
    const track = async (token: string, trackingNumber: string) => {
      const r = await world.api.post(
        '/v1/tracking',
        {
          orderId: `ORD-${trackingNumber}`,
          trackingNumber,
          carrier: 'Cainiao',
          buyer: { id: 'buyer-t' },
          events: [{ at: new Date().toISOString(), status: 'in_transit', description: 'departed' }],
        },
        token,
      );
      expect(r.status).toBe(202);
      return trackingNumber;
    };
    ctx = {
      ticketA,
      ticketB,
      validationA: await validate(shopA.token),
      validationB: await validate(shopB.token),
      trackingA: await track(shopA.token, 'LPA0000000001'),
      trackingB: await track(shopB.token, 'LPB0000000001'),
      tokenIdA: victim.id,
      shopIdA: shopA.id,
      webhookSecret: TEST_WEBHOOK_SECRET,
      chatB: CHAT_B,
      strangerChat: STRANGER_CHAT,
      usedLinkCode: shopA.linkCode,
      rotatedLinkCode: shopB.linkCode,
      expiredLinkCode: shopC.linkCode,
      ownerUserA: String(CHAT_A),
      ownerUserB: String(CHAT_B),
      fullTokenIdA,
    };
    // Settle every background workflow the set-up started (ticket classification and cards,
    // listing validations, shipment watches), so only the cases themselves can move a row.
    for (const [ticketId, token] of [
      [ticketA, shopA.token],
      [ticketB, shopB.token],
      [ticketBy, shopA.token],
    ] as const) {
      await eventually(
        async () =>
          (await world.api.get(`/v1/tickets/${ticketId}`, token)).json.status === 'awaiting_approval',
        60_000,
        `ticket ${ticketId} awaiting approval`,
      );
    }
    for (const [validationId, token] of [
      [ctx.validationA, shopA.token],
      [ctx.validationB, shopB.token],
    ] as const) {
      await eventually(
        async () =>
          (await world.api.get(`/v1/validations/${validationId}`, token)).json.status === 'completed',
        60_000,
        `validation ${validationId}`,
      );
    }
    for (const [trackingNumber, token] of [
      [ctx.trackingA, shopA.token],
      [ctx.trackingB, shopB.token],
    ] as const) {
      await eventually(
        async () => (await world.api.get(`/v1/shipments/${trackingNumber}`, token)).status === 200,
        60_000,
        `shipment ${trackingNumber}`,
      );
    }
    lastPrint = await settle(world.app.database.db, { quietMs: 500 });
  }, 180_000);

  // The corpus is built from ids that exist only after beforeAll; vitest collects tests before it
  // runs, so the table is built with placeholders first and resolved per test.
  const placeholder: CorpusContext = {
    ticketA: 'tkt_PLACEHOLDERA',
    ticketB: 'tkt_PLACEHOLDERB',
    validationA: 'val_PLACEHOLDERA',
    validationB: 'val_PLACEHOLDERB',
    trackingA: 'LPPLACEHOLDERA',
    trackingB: 'LPPLACEHOLDERB',
    tokenIdA: 'tok_PLACEHOLDERA',
    shopIdA: 'shop_PLACEHOLDERA',
    webhookSecret: TEST_WEBHOOK_SECRET,
    chatB: CHAT_B,
    strangerChat: STRANGER_CHAT,
    usedLinkCode: 'lnk_PLACEHOLDERUSED',
    rotatedLinkCode: 'lnk_PLACEHOLDERROTATED',
    expiredLinkCode: 'lnk_PLACEHOLDEREXPIRED',
    ownerUserA: String(CHAT_A),
    ownerUserB: String(CHAT_B),
    fullTokenIdA: 'tok_PLACEHOLDERFULLA',
  };
  const corpus = buildBadInputCases(placeholder);
  const resolve = (c: BadInputCase): BadInputCase => {
    // Every string id of the placeholder world is swapped for the real one (longest first, so a
    // placeholder that prefixes another is never half-replaced).
    const pairs = (Object.keys(placeholder) as Array<keyof CorpusContext>)
      .filter((k) => typeof placeholder[k] === 'string' && placeholder[k] !== ctx[k])
      .map((k) => [placeholder[k] as string, ctx[k] as string] as const)
      .sort((a, b) => b[0].length - a[0].length);
    const swap = (value: string) => pairs.reduce((v, [from, to]) => v.replaceAll(from, to), value);
    return {
      ...c,
      path: swap(c.path),
      ...(c.json !== undefined ? { json: JSON.parse(swap(JSON.stringify(c.json))) } : {}),
      ...(typeof c.raw === 'string' ? { raw: swap(c.raw) } : {}),
    };
  };

  it('has at least 200 cases across every endpoint', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(200);
    const routes = new Set(corpus.map((c) => c.path.split('?')[0]!.split('/').slice(0, 3).join('/')));
    for (const prefix of [
      '/v1/admin',
      '/v1/messages',
      '/v1/tickets',
      '/v1/tracking',
      '/v1/shipments',
      '/v1/listings',
      '/v1/validations',
      '/v1/settings',
      '/v1/tokens',
      '/v1/templates',
      '/v1/audit',
      '/v1/usage',
      '/v1/diagnostics',
      '/v1/buyers',
      '/v1/auto-send',
      '/v1/team',
      '/v1/telegram',
      '/metrics',
      '/telegram/webhook',
      '/slack/events',
    ]) {
      expect(routes, prefix).toContain(prefix);
    }
  });

  it('mounts POST /slack/events: an unsigned request is refused by Slack auth, not by the router', async () => {
    const probe = await world.api.call('POST', '/slack/events', {
      raw: '',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(probe.status, 'POST /slack/events must be mounted when Slack is configured').toBe(401);
    expect(probe.json?.error?.code).not.toBe('not_found');
  });

  it.for(corpus.map((c) => [c.name, c] as const))('%s', async ([, template]) => {
    const c = resolve(template);
    // The fingerprint after one refused case is the one before the next (background work was
    // settled in beforeAll, and nothing else writes while the corpus runs).
    const before = c.stores ? undefined : (lastPrint ?? (await fingerprint()));
    lastPrint = undefined;
    const answer = await send(c);
    expect(answer.status, answer.text.slice(0, 300)).toBeLessThan(500);
    expect(answer.status, answer.text.slice(0, 300)).toBe(c.status);
    if (c.status >= 400) {
      expect(answer.headers['content-type'] ?? '').toMatch(/^application\/json/);
      expect(answer.json?.error?.code, answer.text.slice(0, 300)).toBe(c.code);
      expect(typeof answer.json.error.message).toBe('string');
      expect(answer.json.error.message.length).toBeGreaterThan(0);
      if (c.status === 401 || c.status === 403) expect(answer.text).not.toContain(TEST_ADMIN_TOKEN);
      refusedCount++;
    }
    if (before) {
      const after = await fingerprint();
      expect(changedTables(before, after), 'tables written by a refused request').toEqual([]);
      lastPrint = after;
    } else {
      // An accepted case started a ticket workflow: let it finish writing before the next case.
      lastPrint = await settle(world.app.database.db);
    }
  });

  it('the decision `by` names another decider: accepted as display only, the audit actor stays the token', async () => {
    const decider = await world.api.post(
      '/v1/tokens',
      { name: 'crm-decider', scopes: ['tickets:read', 'tickets:write'] },
      tokens.shopA!,
    );
    expect(decider.status).toBe(201);
    const decided = await world.api.call('POST', `/v1/tickets/${ticketBy}/decision`, {
      token: decider.json.token,
      body: { action: 'reject', by: `telegram:${CHAT_A} (Shop A owner)` },
    });
    expect(decided.status).toBe(200);
    const entry = await eventually(
      async () =>
        (await world.api.get(`/v1/audit?kind=decision&ticketId=${ticketBy}`, tokens.shopA!)).json.entries[0],
    );
    expect(entry.actor).toEqual({ channel: 'api', id: decider.json.id });
    expect(entry.details.by).toBe(`telegram:${CHAT_A} (Shop A owner)`);
    const ticket = await world.api.get(`/v1/tickets/${ticketBy}`, tokens.shopA!);
    expect(ticket.json.decidedByActor).toMatchObject({ channel: 'api', id: decider.json.id });
  });

  it('left the shared prototype and the targets of forged requests untouched', async () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    const ticket = await world.api.get(`/v1/tickets/${ctx.ticketA}`, tokens.shopA!);
    expect(ticket.json.status).toBe('awaiting_approval');
    expect(ticket.json.decidedBy).toBeUndefined();
    const victim = await world.api.get('/v1/tokens', tokens.shopA!);
    const row = victim.json.tokens.find((t: { id: string }) => t.id === ctx.tokenIdA);
    expect(row.revokedAt).toBeNull();
    const settings = await world.api.get('/v1/settings', tokens.shopA!);
    expect(settings.json.settings.sla.remindAfterMinutes).not.toBe(5);
    const usage = await world.api.get('/v1/usage', tokens.shopA!);
    expect(usage.status).toBe(200);
    expect(refusedCount).toBeGreaterThan(280);
  });

  it.for(HOSTILE_TEXTS.map(([name, text], i) => [name, text, i] as const))(
    'accepts hostile but valid text as text: %s',
    async ([, text, i]) => {
      const posted = await world.api.post(
        '/v1/messages',
        message({ messageId: `hostile-${i}`, orderId: `ORD-'; DROP TABLE tickets;-- ${i}`, text }),
        tokens.shopA,
      );
      expect(posted.status).toBe(202);
      const stored = await world.app.database.db.execute(
        sql`select text from buyer_messages where message_id = ${`hostile-${i}`}`,
      );
      const rows = (stored as unknown as { rows: Array<{ text: string }> }).rows;
      expect(rows).toHaveLength(1);
      expect(rows[0]!.text).toBe(text);
      const ticket = await world.api.get(`/v1/tickets/${posted.json.ticketId}`, tokens.shopA!);
      expect(ticket.status).toBe(200);
      expect(ticket.json.orderId).toBe(`ORD-'; DROP TABLE tickets;-- ${i}`);
    },
  );

  it('a daily quota answers 429 with Retry-After, and nothing else changes', async () => {
    const shopC = await createShop('Quota shop');
    const limited = await world.api.call('PATCH', `/v1/admin/shops/${shopC.id}`, {
      token: TEST_ADMIN_TOKEN,
      body: { dailyApiLimit: 2 },
    });
    expect(limited.status).toBe(200);
    expect((await world.api.get('/v1/usage', shopC.token)).status).toBe(200);
    expect((await world.api.get('/v1/usage', shopC.token)).status).toBe(200);
    const before = await settle(world.app.database.db);
    const refused = await world.api.post('/v1/messages', message({ messageId: 'over-quota' }), shopC.token);
    expect(refused.status).toBe(429);
    expect(refused.json.error.code).toBe('quota_exceeded');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(changedTables(before, await fingerprint())).toEqual([]);
  });

  it('the fingerprint sees an UPDATE of any row, and ignores only the per-call counters', async () => {
    const db = world.app.database.db;
    const before = await settle(db);
    await db.execute(sql`update shops set name = name || '!' where id = ${ctx.shopIdA}`);
    expect(changedTables(before, await fingerprint())).toEqual(['shops']);
    await db.execute(sql`update shops set name = left(name, -1) where id = ${ctx.shopIdA}`);
    expect(changedTables(before, await fingerprint())).toEqual([]);
    await db.execute(sql`update api_usage set calls = calls + 5 where shop_id = ${ctx.shopIdA}`);
    await db.execute(sql`update metering set count = count + 5 where kind = 'api_calls'`);
    expect(changedTables(before, await fingerprint())).toEqual([]);
    await db.execute(sql`update api_usage set day = day - 1 where shop_id = ${ctx.shopIdA}`);
    expect(changedTables(before, await fingerprint())).toEqual(['api_usage']);
    await db.execute(
      sql`update api_usage set day = day + 1, calls = calls - 5 where shop_id = ${ctx.shopIdA}`,
    );
    await db.execute(sql`update metering set count = count - 5 where kind = 'api_calls'`);
    expect(changedTables(before, await fingerprint())).toEqual([]);
  });

  it('never answered 5xx, and /healthz stays 200', async () => {
    const metrics = await world.api.get('/metrics', METRICS_TOKEN);
    const fiveHundreds = metrics.text
      .split('\n')
      .filter((line) => line.startsWith('sellerdesk_http_requests_total') && /status="5\d\d"/.test(line));
    expect(fiveHundreds).toEqual([]);
    for (const name of ['sellerdesk_approval_seconds', 'sellerdesk_ingest_to_card_seconds']) {
      expect(metrics.text).toContain(`# TYPE ${name} histogram`);
    }
    const health = await world.api.get('/healthz');
    expect(health.status).toBe(200);
    expect(health.json.status).toBe('ok');
  });
});
