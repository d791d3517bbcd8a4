/**
 * The OpenAPI document (issue 19 item 3): generated from the zod schemas the routes validate with,
 * covering every route Fastify registers, with examples that pass those schemas, valid OpenAPI 3.1,
 * committed up to date as docs/openapi.json, and served at /openapi.json and /docs without a CDN.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ZodType, z } from 'zod';
import { API_DOCUMENT_FILE, apiDocumentText, createDocumentedServer } from '../../src/app/api-document.js';
import { DECISION_REFUSALS } from '../../src/app/decision-refusals.js';
import { DOCS_PATH, installOpenApi, OPENAPI_PATH, registeredRoutes } from '../../src/http/openapi.js';
import { parse } from '../../src/http/parse.js';
import { PROJECT_ROOT } from '../../src/paths.js';
import { createConformanceCheck } from '../support/openapi-conformance.js';

type Operation = {
  summary?: string;
  tags?: string[];
  security?: Array<Record<string, string[]>>;
  responses: Record<string, { $ref?: string; content?: Record<string, unknown> }>;
  requestBody?: unknown;
};
type Document = {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { responses: Record<string, { content: Record<string, { schema: unknown }> }> };
};

/** `/v1/tickets/:ticketId` as OpenAPI writes it. */
const openapiPath = (url: string) => url.replace(/:([A-Za-z]+)/g, '{$1}');

/** Routes of the reference page itself (Swagger UI's HTML and assets), hidden from the document. */
const isDocsUi = (url: string) => url === DOCS_PATH || url.startsWith(`${DOCS_PATH}/`);

/** What is missing from a route's description; empty when it is documented. */
function undocumented(route: RouteOptions, document: Document): string[] {
  const schema = route.schema as
    | { summary?: string; tags?: string[]; response?: Record<string, unknown>; hide?: boolean }
    | undefined;
  if (isDocsUi(route.url)) return schema?.hide ? [] : ['a reference-page route should be hidden'];
  const problems: string[] = [];
  if (!schema) return ['no schema'];
  if (schema.hide) problems.push('hidden from the document');
  if (!schema.summary) problems.push('no summary');
  if (!schema.tags?.length) problems.push('no tag');
  if (!Object.keys(schema.response ?? {}).some((status) => /^[23]\d\d$/.test(status))) {
    problems.push('no 2xx (or redirect) response');
  }
  for (const method of [route.method].flat()) {
    if (method === 'HEAD') continue;
    if (!document.paths[openapiPath(route.url)]?.[method.toLowerCase()]) {
      problems.push(`${method} missing from the document`);
    }
  }
  return problems;
}

/** The request schemas of a route with their examples (zod `.meta({ examples })`). */
function examplesOf(route: RouteOptions): Array<{ part: string; schema: ZodType; examples: unknown[] }> {
  const schema = (route.schema ?? {}) as Record<string, unknown>;
  return ['body', 'querystring', 'params']
    .filter((part) => schema[part] instanceof z.ZodType)
    .map((part) => {
      const zod = schema[part] as ZodType;
      const examples = (z.globalRegistry.get(zod)?.examples as unknown[] | undefined) ?? [];
      return { part, schema: zod, examples };
    });
}

describe('the OpenAPI document', () => {
  let server: FastifyInstance;
  let document: Document;
  let routes: readonly RouteOptions[];

  beforeAll(async () => {
    server = createDocumentedServer();
    await server.ready();
    document = server.swagger() as unknown as Document;
    routes = registeredRoutes(server).filter((r) => r.method !== 'HEAD');
  });

  afterAll(async () => {
    await server?.close();
  });

  it('documents every route Fastify registers: schema, summary, tag, a 2xx or redirect answer', () => {
    expect(routes.length).toBeGreaterThan(40);
    const findings = routes
      .map((route) => ({ route: `${route.method} ${route.url}`, problems: undocumented(route, document) }))
      .filter((f) => f.problems.length > 0);
    expect(findings).toEqual([]);
  });

  it('finds an undocumented route (the check is not vacuous)', async () => {
    const app = Fastify();
    installOpenApi(app);
    app.get('/v1/undocumented', async () => ({ ok: true }));
    // Added on the root before the document's plugin loaded: Fastify has it, the document does not.
    app.get('/v1/half', { schema: { response: { 200: z.object({ ok: z.boolean() }) } } }, async () => ({
      ok: true,
    }));
    await app.ready();
    const own = app.swagger() as unknown as Document;
    const found = registeredRoutes(app)
      .filter((r) => r.method !== 'HEAD' && !isDocsUi(r.url) && r.url !== OPENAPI_PATH)
      .map((r) => [r.url, undocumented(r, own)]);
    await app.close();
    expect(found).toEqual([
      ['/v1/undocumented', ['no schema']],
      ['/v1/half', ['no summary', 'no tag', 'GET missing from the document']],
    ]);
  });

  it('gives every request body an example, and every example passes the schema the route parses with', () => {
    const failures: string[] = [];
    for (const route of routes) {
      for (const { part, schema, examples } of examplesOf(route)) {
        if (part === 'body' && examples.length === 0)
          failures.push(`${route.method} ${route.url}: no body example`);
        for (const [i, example] of examples.entries()) {
          try {
            parse(schema, example, part);
          } catch (error) {
            failures.push(
              `${route.method} ${route.url} ${part} example ${i + 1}: ${(error as Error).message}`,
            );
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('catches an example its schema refuses (the check is not vacuous)', () => {
    const schema = z.strictObject({ n: z.number().int() }).meta({ examples: [{ n: 1 }, { n: 1.5 }] });
    const route = { method: 'POST', url: '/x', schema: { body: schema } } as unknown as RouteOptions;
    const examples = examplesOf(route)[0]?.examples ?? [];
    expect(examples.map((e) => schema.safeParse(e).success)).toEqual([true, false]);
  });

  it('is a valid OpenAPI 3.1 document', async () => {
    expect(document.openapi).toBe('3.1.0');
    const result = await new Validator().validate(structuredClone(document) as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    const broken = structuredClone(document) as unknown as { paths: Record<string, Record<string, unknown>> };
    broken.paths['/healthz']!.get = { responses: 'none' };
    expect((await new Validator().validate(broken)).valid).toBe(false);
  });

  it('states security from the guard each route runs, and lists its error codes', () => {
    const post = document.paths['/v1/messages']!.post!;
    expect(post.security).toEqual([{ shopToken: ['messages:write'] }]);
    expect(Object.keys(post.responses)).toEqual(
      expect.arrayContaining(['202', '400', '401', '403', '413', '415', '429', '503']),
    );
    expect(document.paths['/v1/admin/shops']!.post!.security).toEqual([{ adminToken: [] }]);
    expect(document.paths['/telegram/webhook']!.post!.security).toEqual([{ telegramSecret: [] }]);
    expect(document.paths['/slack/events']!.post!.security).toEqual([
      { slackSignature: [], slackTimestamp: [] },
    ]);
    // The decision route answers every refusal of the one table with that table's status.
    const decision = document.paths['/v1/tickets/{ticketId}/decision']!.post!.responses;
    for (const code of [
      'already_decided',
      'draft_not_ready',
      'ticket_closed',
      'edit_language_mismatch',
    ] as const) {
      const status = String(DECISION_REFUSALS[code].status);
      expect(decision[status]?.$ref, `${code} under ${status}`).toContain(code);
    }
    const shared = document.components.responses['429.quota_exceeded'];
    expect(shared).toMatchObject({ headers: { 'retry-after': { schema: { type: 'integer' } } } });
  });

  it('tells a conforming answer from one the document does not describe (used by the HTTP fuzz test)', () => {
    const conforms = createConformanceCheck(
      document as unknown as Parameters<typeof createConformanceCheck>[0],
    );
    const usage = {
      today: { day: '2026-11-23', calls: 3, limit: 1000, resetsInSeconds: 60 },
      month: { month: '2026-11', apiCalls: 40, autoSentReplies: 2 },
    };
    const answer = (status: number, body: unknown) => ({
      method: 'GET',
      route: '/v1/usage',
      status,
      contentType: 'application/json; charset=utf-8',
      text: JSON.stringify(body),
    });
    const error = (code: string) => ({ error: { code, message: 'a sentence' } });
    expect(conforms(answer(200, usage))).toEqual([]);
    expect(conforms(answer(429, error('quota_exceeded')))).toEqual([]);
    expect(conforms(answer(200, { ...usage, secret: 'x' }))).not.toEqual([]);
    expect(conforms(answer(200, { today: usage.today }))).not.toEqual([]);
    expect(conforms(answer(429, error('ticket_not_found')))).not.toEqual([]);
    expect(conforms(answer(418, error('teapot')))).toEqual(['418 is not documented for GET /v1/usage']);
    expect(conforms({ ...answer(200, usage), route: '/v1/nowhere' })).toEqual([
      'GET /v1/nowhere is not in the document',
    ]);
  });

  it('is committed up to date as docs/openapi.json (npm run openapi)', async () => {
    const committed = readFileSync(resolve(PROJECT_ROOT, API_DOCUMENT_FILE), 'utf8');
    expect(
      committed === (await apiDocumentText()),
      `${API_DOCUMENT_FILE} is stale: run npm run openapi`,
    ).toBe(true);
  });

  it('is served at /openapi.json, with its reference page at /docs and no asset from elsewhere', async () => {
    const served = await server.inject({ method: 'GET', url: OPENAPI_PATH });
    expect(served.statusCode).toBe(200);
    expect(served.json()).toEqual(JSON.parse(JSON.stringify(document)));
    const page = await server.inject({ method: 'GET', url: DOCS_PATH });
    const html =
      page.statusCode === 200
        ? page.body
        : (await server.inject({ method: 'GET', url: String(page.headers.location) })).body;
    expect(html).toContain('swagger-ui');
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThan(2);
    expect(assets.filter((url) => /^(?:https?:)?\/\//.test(url))).toEqual([]);
    const bundle = await server.inject({ method: 'GET', url: `${DOCS_PATH}/static/swagger-ui-bundle.js` });
    expect(bundle.statusCode).toBe(200);
    expect(bundle.body.length).toBeGreaterThan(100_000);
  });
});
