/**
 * HTTP fuzzing (issue 14 part 8): every route of the API gets random and mutated JSON with a valid
 * token. Every answer must be a 2xx or a documented 4xx with a JSON error body, and conform to the
 * OpenAPI document (a status it lists for the route, a body its schema accepts, the error code
 * among those it names); a refused request (and any GET) must leave every table as it was; the
 * service stays healthy throughout.
 *
 * Bounded and reproducible: a fixed seed (`FUZZ_SEED`) and a fixed number of runs per route
 * (`FUZZ_RUNS`, default 30). A failure prints the seed, the path and the counterexample.
 */
import http from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startTestApp, TEST_ADMIN_TOKEN, TEST_WEBHOOK_SECRET } from '../support/app.js';
import { dropSchema } from '../support/db.js';
import { startFakeTelegram } from '../support/fake-telegram.js';
import {
  changedTables,
  databaseFingerprint,
  type Fingerprint,
  schemaTables,
  settle,
} from '../support/fingerprint.js';
import { createConformanceCheck } from '../support/openapi-conformance.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_206);
const RUNS = Number(process.env.FUZZ_RUNS ?? 30);
/** The statuses docs/API.md documents a refusal as; anything else in 4xx is a finding too. */
const DOCUMENTED_4XX = new Set([400, 401, 403, 404, 409, 413, 414, 415, 422, 429, 431]);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Auth = 'shop' | 'admin' | 'webhook';

/** One route and a valid example request; the fuzzer mutates the body, the query and the path. */
interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** `:name` segments come from `params`. */
  path: string;
  auth: Auth;
  params?: Record<string, string>;
  body?: Json;
  query?: Record<string, string>;
  /** Accepted writes start background work that lands later: wait this long for quiet. */
  quietMs?: number;
}

interface Answer {
  status: number;
  contentType: string;
  text: string;
}

function send(baseUrl: string, method: string, path: string, headers: Record<string, string>, body?: string) {
  const url = new URL(baseUrl);
  return new Promise<Answer>((resolve, reject) => {
    const buffer = body === undefined ? undefined : Buffer.from(body, 'utf8');
    const request = http.request(
      {
        host: url.hostname,
        port: url.port,
        method,
        path,
        headers: {
          ...headers,
          ...(buffer ? { 'content-type': 'application/json', 'content-length': String(buffer.length) } : {}),
        },
        timeout: 15_000,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            contentType: String(response.headers['content-type'] ?? ''),
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error(`${method} ${path}: no answer in 15 s`)));
    request.on('error', reject);
    request.end(buffer);
  });
}

// ---- mutations ------------------------------------------------------------------------------------

type Path = Array<string | number>;

function pathsOf(value: Json, prefix: Path = []): Path[] {
  const out: Path[] = [prefix];
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) out.push(...pathsOf(v, [...prefix, i]));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...prefix, k]));
  }
  return out;
}

const clone = (value: Json): Json => JSON.parse(JSON.stringify(value)) as Json;

function getAt(root: Json, path: Path): Json | undefined {
  let node: Json | undefined = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, Json>)[key as string];
  }
  return node;
}

/** Replaces (or with `undefined` removes) the node at `path`; the root is replaced by returning. */
function setAt(root: Json, path: Path, value: Json | undefined): Json | undefined {
  if (path.length === 0) return value;
  const copy = clone(root);
  const parent = getAt(copy, path.slice(0, -1));
  const key = path[path.length - 1]!;
  if (Array.isArray(parent) && typeof key === 'number') {
    if (value === undefined) parent.splice(key, 1);
    else parent[key] = value;
  } else if (parent !== null && typeof parent === 'object') {
    const record = parent as Record<string, Json>;
    if (value === undefined) delete record[key as string];
    else record[key as string] = value;
  }
  return copy;
}

const nestedJson = (depth: number, kind: 'array' | 'object') =>
  kind === 'array'
    ? `${'['.repeat(depth)}1${']'.repeat(depth)}`
    : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

/** Odd but valid Unicode: astral, combining, RTL override, zero-width, NUL and other controls. */
const oddText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '\uD800',
    '\uDFFF lone',
    '\u202Egnp.exe',
    '\u200B\u200D\uFEFF',
    `Z${'\u0301'.repeat(500)}`,
    '👩‍👩‍👧‍👦',
    '\r\n\t\u0007\u001b[31m',
    '../../etc/passwd',
    "' OR '1'='1",
    '{{constructor.constructor("return process")()}}',
    '   ',
    '',
  ),
);

const anyJson: fc.Arbitrary<Json> = fc.jsonValue({ maxDepth: 4 }) as fc.Arbitrary<Json>;

/**
 * A request body as raw JSON text: the valid example, mutated once or twice, or random JSON.
 * Raw text (not a value) so that own `__proto__` keys and very deep nesting reach the server.
 */
function bodyArbitrary(example: Json | undefined): fc.Arbitrary<string | undefined> {
  if (example === undefined) {
    return fc.oneof(
      fc.constant(undefined),
      anyJson.map((v) => JSON.stringify(v)),
      fc.constantFrom('{}', '{"__proto__":{"isAdmin":true}}', '{"constructor":{"prototype":{"x":1}}}'),
    );
  }
  const paths = pathsOf(example);
  type Op = (value: Json) => fc.Arbitrary<string>;
  const at =
    (op: (node: Json | undefined, path: Path) => fc.Arbitrary<Json | undefined>): Op =>
    (value) =>
      fc
        .constantFrom(...pathsOf(value))
        .chain((path) =>
          op(getAt(value, path), path).map((v) => JSON.stringify(setAt(value, path, v) ?? null)),
        );
  const ops: Op[] = [
    // a field removed
    at(() => fc.constant(undefined)),
    // a wrong type
    at(() =>
      fc.oneof(
        fc.integer(),
        fc.double(),
        fc.boolean(),
        fc.constant(null),
        fc.string({ maxLength: 20 }),
        fc.array(fc.integer(), { maxLength: 3 }),
        fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
      ),
    ),
    // a huge string (some over the 256 KiB body limit)
    at(() =>
      fc
        .tuple(
          fc.constantFrom(1_000, 20_001, 100_000, 300_000),
          fc.constantFrom('a', 'é', '字', '0', ' ', 'De '),
        )
        .map(([n, unit]) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n)),
    ),
    // odd Unicode
    at(() => oddText),
    // numbers as strings, strings as numbers
    at((node) =>
      typeof node === 'number'
        ? fc.constant(String(node))
        : typeof node === 'string' && /^\d+(\.\d+)?$/.test(node)
          ? fc.constant(Number(node))
          : fc.constantFrom('1', '-1', '1e999', 'NaN', 'Infinity', '0x10'),
    ),
    // an array where an object (or anything) was
    at((node) => fc.constant(node === undefined ? [] : [node])),
    // an extra field, next to real ones
    at((node) =>
      node !== null && typeof node === 'object' && !Array.isArray(node)
        ? fc
            .tuple(
              fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('shopId', 'id', 'admin', 'role')),
              anyJson,
            )
            .map(([k, v]) => ({ ...node, [k]: v }))
        : fc.constant(node ?? null),
    ),
    // numeric edge values
    at(() => fc.constantFrom(-1, 0, 1e308, -1e308, 2 ** 53 + 1, 0.1, -0, 1e-300)),
    // deep nesting spliced in as raw text
    (value) =>
      fc
        .tuple(
          fc.constantFrom(...paths),
          fc.constantFrom(100, 2_000, 10_000),
          fc.constantFrom('array', 'object') as fc.Arbitrary<'array' | 'object'>,
        )
        .map(([path, depth, kind]) => {
          const marker = '"\u0001NEST\u0001"';
          const text = JSON.stringify(setAt(value, path, '\u0001NEST\u0001') ?? null);
          return text.replace(marker, nestedJson(depth, kind));
        }),
    // prototype keys as own keys of the root or of a nested object
    (value) =>
      fc
        .tuple(
          fc.constantFrom('__proto__', 'constructor', 'prototype'),
          fc.constantFrom<Json>({ isAdmin: true }, { prototype: { polluted: 1 } }, 'x', null),
        )
        .map(([key, v]) => {
          const text = JSON.stringify(value);
          return text.startsWith('{') && text.length > 2
            ? `{${JSON.stringify(key)}:${JSON.stringify(v)},${text.slice(1)}`
            : `{${JSON.stringify(key)}:${JSON.stringify(v)}}`;
        }),
  ];
  const once = (value: Json) => fc.oneof(...ops.map((op) => op(value)));
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant(JSON.stringify(example)) },
    { weight: 6, arbitrary: once(example) },
    // two mutations in a row: the second applies to the parsed first (when it still parses)
    {
      weight: 2,
      arbitrary: once(example).chain((text) => {
        try {
          return once(JSON.parse(text) as Json);
        } catch {
          return fc.constant(text);
        }
      }),
    },
    { weight: 1, arbitrary: anyJson.map((v) => JSON.stringify(v)) },
  );
}

/** A path parameter: the example, or something hostile in its place. */
const paramArbitrary = (example: string) =>
  fc.oneof(
    { weight: 2, arbitrary: fc.constant(example) },
    { weight: 1, arbitrary: oddText.filter((s) => s.length > 0) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '..',
        '%2e%2e',
        '%FF',
        '%C0%AE',
        '%E0%80',
        `${example}x`,
        example.toUpperCase(),
        'x'.repeat(300),
      ),
    },
  );

const queryArbitrary = (example: Record<string, string> | undefined) =>
  fc.oneof(
    fc.constant(example ?? {}),
    fc.dictionary(
      fc.oneof(
        fc.constantFrom('status', 'cursor', 'limit', 'since', 'kind', 'ticketId', '__proto__'),
        fc.string({ maxLength: 8 }),
      ),
      fc.oneof(
        oddText,
        fc.constantFrom('-1', '0', '1e9', 'sent', 'tkt_', '2026-13-45T99:99:99Z', 'x'.repeat(5000)),
      ),
      { maxKeys: 3 },
    ),
  );

function encodeSegment(value: string): string {
  // Mostly percent-encoded; `..` and pre-encoded values are sent as they are, like a hostile client.
  if (value === '..' || value.includes('%')) return value;
  // A lone surrogate has no UTF-8 form: send the bytes a careless client would (CESU-8), which the
  // server must refuse as an invalid URL rather than choke on.
  return value.replace(/[\s\S]/gu, (ch) => {
    const code = ch.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff) {
      const bytes = [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)];
      return bytes.map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    }
    return encodeURIComponent(ch);
  });
}

// ---- the test -------------------------------------------------------------------------------------

describe('HTTP fuzz: random and mutated JSON against every route', () => {
  let telegram: Awaited<ReturnType<typeof startFakeTelegram>>;
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let shopToken: string;
  let routes: Route[] = [];
  let baseline: Fingerprint;
  let tables: string[];
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);

  beforeAll(async () => {
    process.on('unhandledRejection', onRejection);
    telegram = await startFakeTelegram();
    app = await startTestApp({ label: 'httpfuzz', telegramApiRoot: telegram.apiRoot });
    const create = async (name: string) => {
      const r = await app.api.post(
        '/v1/admin/shops',
        { name, defaultLanguage: 'en', plan: 'auto' },
        TEST_ADMIN_TOKEN,
      );
      expect(r.status).toBe(201);
      return { id: r.json.shop.id as string, token: r.json.apiToken as string };
    };
    const shop = await create('Fuzz shop');
    const target = await create('Fuzz admin target');
    shopToken = shop.token;
    const message = {
      messageId: 'fuzz-1',
      orderId: 'ORD-FUZZ-1',
      buyer: { id: 'buyer-fuzz', name: 'Ana', locale: 'pt-BR', country: 'BR' },
      text: 'Olá, meu pedido chegou quebrado. Quero reembolso.',
      receivedAt: '2026-12-01T10:00:00Z',
      order: {
        items: ['Caneca'],
        total: 12.5,
        currency: 'BRL',
        trackingNumber: 'LPFUZZ00001',
        carrier: 'Correios',
      },
      dispute: { id: 'D-1', reason: 'damaged', deadline: '2026-12-20T00:00:00Z' },
    };
    const posted = await app.api.post('/v1/messages', message, shop.token);
    expect(posted.status).toBe(202);
    const ticketId = posted.json.ticketId as string;
    const validation = await app.api.post(
      '/v1/listings/validate',
      { listingId: 'L-FUZZ', title: { en: 'Ceramic mug 350 ml' }, description: { en: 'A white mug.' } },
      shop.token,
    );
    expect(validation.status).toBe(202);
    const tracking = {
      orderId: 'ORD-FUZZ-1',
      trackingNumber: 'LPFUZZ00001',
      carrier: 'Cainiao',
      buyer: { id: 'buyer-fuzz', locale: 'pt-BR' },
      events: [
        { at: new Date().toISOString(), status: 'in_transit', description: 'Departed', location: 'SZX' },
      ],
    };
    expect((await app.api.post('/v1/tracking', tracking, shop.token)).status).toBe(202);
    const sacrificial = await app.api.post(
      '/v1/tokens',
      { name: 'fuzz-victim', scopes: ['tickets:read'] },
      shop.token,
    );
    expect(sacrificial.status).toBe(201);
    await eventually(
      async () =>
        (await app.api.get(`/v1/tickets/${ticketId}`, shop.token)).json.status === 'awaiting_approval',
      60_000,
      'set-up ticket classified',
    );
    await eventually(
      async () => (await app.api.get('/v1/shipments/LPFUZZ00001', shop.token)).status === 200,
      60_000,
      'set-up shipment stored',
    );

    // Every route registered by src/http/server.ts and src/http/routes/*, with a valid example.
    routes = [
      { method: 'GET', path: '/openapi.json', auth: 'shop' },
      { method: 'GET', path: '/healthz', auth: 'shop' },
      { method: 'GET', path: '/metrics', auth: 'shop' },
      {
        method: 'POST',
        path: '/v1/admin/shops',
        auth: 'admin',
        body: { name: 'Fuzzed', defaultLanguage: 'es', plan: 'free', sellerLanguage: 'en' },
      },
      {
        method: 'PATCH',
        path: '/v1/admin/shops/:shopId',
        auth: 'admin',
        params: { shopId: target.id },
        body: { plan: 'auto', dailyApiLimit: 100_000 },
      },
      { method: 'POST', path: '/v1/messages', auth: 'shop', body: message, quietMs: 300 },
      {
        method: 'GET',
        path: '/v1/tickets',
        auth: 'shop',
        query: { status: 'awaiting_approval', limit: '10' },
      },
      { method: 'GET', path: '/v1/tickets/:ticketId', auth: 'shop', params: { ticketId } },
      {
        method: 'POST',
        path: '/v1/tickets/:ticketId/category',
        auth: 'shop',
        params: { ticketId },
        body: { category: 'cancel_order' },
        quietMs: 500,
      },
      {
        method: 'POST',
        path: '/v1/tickets/:ticketId/decision',
        auth: 'shop',
        params: { ticketId },
        body: { action: 'edit', text: 'Sentimos muito.', by: 'Ana (CRM)' },
        quietMs: 500,
      },
      { method: 'POST', path: '/v1/tracking', auth: 'shop', body: tracking, quietMs: 500 },
      {
        method: 'GET',
        path: '/v1/shipments/:trackingNumber',
        auth: 'shop',
        params: { trackingNumber: 'LPFUZZ00001' },
      },
      {
        method: 'POST',
        path: '/v1/listings/validate',
        auth: 'shop',
        body: {
          listingId: 'L-FUZZ-2',
          title: { en: 'Mug', pt: 'Caneca' },
          description: { en: 'A 350 ml mug.', pt: 'Uma caneca de 350 ml.' },
        },
        quietMs: 300,
      },
      {
        method: 'GET',
        path: '/v1/validations/:validationId',
        auth: 'shop',
        params: { validationId: validation.json.validationId },
      },
      { method: 'GET', path: '/v1/settings', auth: 'shop' },
      {
        method: 'PUT',
        path: '/v1/settings',
        auth: 'shop',
        body: {
          sla: { remindAfterMinutes: 30, escalateAfterMinutes: 240, disputeLeadHours: 24 },
          logistics: { autoApology: false, stallHours: 72, escalateAfterHours: 120 },
          coupon: { currency: 'USD', baseValue: 2, perDayValue: 0.5, maxValue: 10, monthlyBudget: 100 },
          retention: { buyerTextDays: 90 },
          listings: { disputeThreshold: 3, disputeWindowDays: 30 },
        },
      },
      {
        method: 'POST',
        path: '/v1/tokens',
        auth: 'shop',
        body: { name: 'fuzzed', scopes: ['tickets:read', 'audit:read'] },
      },
      { method: 'GET', path: '/v1/tokens', auth: 'shop' },
      { method: 'DELETE', path: '/v1/tokens/:id', auth: 'shop', params: { id: 'tok_doesnotexist0' } },
      { method: 'GET', path: '/v1/templates', auth: 'shop' },
      {
        method: 'PUT',
        path: '/v1/templates/:id/:lang',
        auth: 'shop',
        params: { id: 'damaged.default', lang: 'pt' },
        body: { text: 'Sentimos muito pelo pedido {{orderId}}; vamos resolver.' },
      },
      { method: 'GET', path: '/v1/audit', auth: 'shop', query: { kind: 'token_created', limit: '5' } },
      { method: 'GET', path: '/v1/usage', auth: 'shop' },
      { method: 'GET', path: '/v1/diagnostics', auth: 'shop' },
      { method: 'DELETE', path: '/v1/buyers/:buyerId', auth: 'shop', params: { buyerId: 'buyer-nobody' } },
      { method: 'POST', path: '/v1/auto-send/pause', auth: 'shop', body: {} },
      { method: 'POST', path: '/v1/auto-send/resume', auth: 'shop', body: {} },
      { method: 'GET', path: '/v1/team', auth: 'shop' },
      {
        method: 'PUT',
        path: '/v1/team/:channel/:userId',
        auth: 'shop',
        params: { channel: 'telegram', userId: '4242' },
        body: { role: 'agent', name: 'Bea' },
      },
      {
        method: 'DELETE',
        path: '/v1/team/:channel/:userId',
        auth: 'shop',
        params: { channel: 'slack', userId: 'U0NOBODY' },
      },
      { method: 'POST', path: '/v1/telegram/link-code', auth: 'shop', body: {} },
      { method: 'POST', path: '/v1/console/links', auth: 'shop', body: {} },
      { method: 'GET', path: '/v1/slack', auth: 'shop' },
      { method: 'PUT', path: '/v1/slack', auth: 'shop', body: { channel: 'C0FUZZ1' } },
      { method: 'DELETE', path: '/v1/slack', auth: 'shop' },
      { method: 'GET', path: '/v1/slack/install', auth: 'shop', query: { publicChannels: 'false' } },
      {
        method: 'PUT',
        path: '/v1/admin/shops/:shopId/slack',
        auth: 'admin',
        params: { shopId: target.id },
        body: { workspace: 'environment', channel: 'C0FUZZ2' },
      },
      { method: 'POST', path: '/v1/dictionary', auth: 'shop', body: { lang: 'es', word: 'portavasos' } },
      { method: 'GET', path: '/v1/dictionary', auth: 'shop' },
      {
        method: 'DELETE',
        path: '/v1/dictionary/:lang/:word',
        auth: 'shop',
        params: { lang: 'es', word: 'portavasos' },
      },
      {
        method: 'POST',
        path: '/telegram/webhook',
        auth: 'webhook',
        body: {
          update_id: 7_000_001,
          message: {
            message_id: 1,
            date: 1_765_000_000,
            chat: { id: 777, type: 'private', first_name: 'F' },
            from: { id: 777, is_bot: false, first_name: 'F' },
            text: '/start lnk_nothing',
          },
        },
      },
    ];
    // A sacrificial token: the one route example that revokes something real.
    routes.push({
      method: 'DELETE',
      path: '/v1/tokens/:id',
      auth: 'shop',
      params: { id: sacrificial.json.id },
    });
    baseline = await settle(app.database.db, { quietMs: 500 });
    tables = await schemaTables(app.database.db);
  }, 180_000);

  afterAll(async () => {
    process.off('unhandledRejection', onRejection);
    await app?.stop();
    if (app) await dropSchema(app.schema);
    await telegram?.close();
  });

  it('covers every route the server registers', () => {
    // printRoutes draws a tree whose nodes continue their parent's path, four columns per level.
    const registered = app.server!.printRoutes({ commonPrefix: false });
    const stack: string[] = [];
    let checked = 0;
    for (const line of registered.split('\n')) {
      const match = /^([\s│├└─]*)(\S.*?) \(([^)]*)\)$/.exec(line);
      if (!match) continue;
      const depth = Math.round(match[1]!.length / 4);
      stack.length = depth;
      stack.push(match[2]!);
      const path = stack.join('');
      for (const method of match[3]!.split(', ')) {
        // Slack's own routes need Slack configured; /docs is the reference page (HTML and assets);
        // the seller console's pages answer HTML to a session cookie, not JSON to a token: they have
        // their own tests (test/e2e/console.test.ts, console-browser.test.ts).
        if (
          method === '-' ||
          method === 'HEAD' ||
          path.startsWith('/slack/') ||
          path.startsWith('/docs') ||
          path.startsWith('/console')
        ) {
          continue;
        }
        checked++;
        expect(
          routes.some((r) => r.path === path && r.method === method),
          `${method} ${path} has no fuzz example`,
        ).toBe(true);
      }
    }
    expect(checked).toBeGreaterThanOrEqual(routes.length - 1);
  });

  it('answers 2xx or a documented 4xx, stores nothing it refused, and stays healthy', {
    timeout: 240_000,
  }, async () => {
    const headersFor = (auth: Auth): Record<string, string> =>
      auth === 'admin'
        ? { authorization: `Bearer ${TEST_ADMIN_TOKEN}` }
        : auth === 'webhook'
          ? { 'x-telegram-bot-api-secret-token': TEST_WEBHOOK_SECRET }
          : { authorization: `Bearer ${shopToken}` };
    const stats = { requests: 0, accepted: 0, refused: 0, byStatus: {} as Record<number, number> };
    const conforms = createConformanceCheck(
      app.server!.swagger() as unknown as Parameters<typeof createConformanceCheck>[0],
    );
    for (const [index, route] of routes.entries()) {
      const paramNames = Object.keys(route.params ?? {});
      const request = fc.record({
        params: fc.tuple(...paramNames.map((n) => paramArbitrary(route.params![n]!))),
        query: route.method === 'GET' ? queryArbitrary(route.query) : fc.constant(route.query ?? {}),
        body:
          route.method === 'GET' || route.method === 'DELETE'
            ? fc.constant(undefined)
            : bodyArbitrary(route.body),
      });
      const property = fc.asyncProperty(request, async ({ params, query, body }) => {
        let path = route.path;
        paramNames.forEach((name, i) => {
          path = path.replace(`:${name}`, encodeSegment(params[i]!));
        });
        const search = new URLSearchParams(query).toString();
        if (search) path += `?${search}`;
        const before = baseline;
        const answer = await send(app.url, route.method, path, headersFor(route.auth), body);
        stats.requests++;
        stats.byStatus[answer.status] = (stats.byStatus[answer.status] ?? 0) + 1;
        const where = `${route.method} ${path.slice(0, 200)} -> ${answer.status} ${answer.text.slice(0, 300)}`;
        expect(answer.status, where).toBeLessThan(500);
        // `not_found` is the answer of no route (a hostile path segment can leave the route's shape).
        if (!answer.text.includes('"code":"not_found"')) {
          const answered = { method: route.method, route: route.path, ...answer };
          expect(conforms(answered), `${where}: not as the OpenAPI document says`).toEqual([]);
        }
        if (answer.status >= 400) {
          stats.refused++;
          expect(DOCUMENTED_4XX.has(answer.status), where).toBe(true);
          expect(answer.contentType, where).toMatch(/^application\/json/);
          const error = (JSON.parse(answer.text) as { error?: { code?: unknown; message?: unknown } }).error;
          expect(error?.code, where).toMatch(/^[a-z][a-z0-9_]*$/);
          expect(typeof error?.message === 'string' && error.message.length > 0, where).toBe(true);
        } else {
          stats.accepted++;
          expect(answer.status, where).toBeGreaterThanOrEqual(200);
        }
        if (answer.status >= 400 || route.method === 'GET') {
          const after = await databaseFingerprint(app.database.db, tables);
          expect(changedTables(before, after), `tables written by ${where}`).toEqual([]);
        } else {
          // Accepted: its writes (and the workflows it started) settle into the next baseline.
          baseline = await settle(app.database.db, { quietMs: route.quietMs ?? 100 });
        }
      });
      try {
        await fc.assert(property, { seed: SEED + index, numRuns: RUNS, endOnFailure: true });
      } catch (error) {
        throw new Error(
          `fuzzing ${route.method} ${route.path} failed; reproduce with FUZZ_SEED=${SEED} (route seed ${SEED + index}, ${RUNS} runs)\n${(error as Error).message}`,
        );
      }
    }
    if (process.env.FUZZ_STATS) {
      process.stdout.write(`http fuzz: seed ${SEED}, ${RUNS} runs per route ${JSON.stringify(stats)}\n`);
    }
    // Both sides were exercised: the mutations are neither all refused nor all accepted.
    expect(stats.accepted).toBeGreaterThan(routes.length);
    expect(stats.refused).toBeGreaterThan(stats.requests / 3);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const health = await app.api.get('/healthz');
    expect(health.status).toBe(200);
    expect(health.json.status).toBe('ok');
    expect(rejections).toEqual([]);
  });
});
