import fastifySwagger, { type FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance, FastifySchema, RouteOptions } from 'fastify';
import { createJsonSchemaTransform, createJsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { guardKindOf } from './auth.js';
import { API_DESCRIPTION, API_TAGS, outboundReplyWebhook, SECURITY_SCHEMES } from './openapi-document.js';

/** Where the generated OpenAPI 3.1 document is served. */
export const OPENAPI_PATH = '/openapi.json';
/** Where its reference page is served (Swagger UI, its assets shipped in the package: no CDN). */
export const DOCS_PATH = '/docs';

/** Error codes a route answers besides those every route, its guard and its body parser give: status -> codes. */
export type RouteErrors = Readonly<Partial<Record<number, readonly string[]>>>;

declare module 'fastify' {
  interface FastifySchema {
    /** The route's own error codes by status (`{404: ['ticket_not_found']}`), for the OpenAPI document. */
    errors?: RouteErrors;
  }
}

const RETRY_AFTER = {
  'retry-after': { type: 'integer', description: 'seconds to wait before retrying' },
} as const;

/** Statuses whose answers carry `Retry-After`. */
const RETRYABLE = new Set([429, 503]);

/** The API's error body, once, as the `Error` component every error response refers to. */
const apiError = z.object({
  error: z.object({
    code: z.string().meta({ description: 'machine-readable, snake_case; each response lists its codes' }),
    message: z.string().meta({ description: 'a human sentence' }),
    details: z.unknown().optional().meta({ description: 'structured context, when the code has any' }),
  }),
});

/**
 * One error response: the `Error` component, narrowed to the codes this route answers with this
 * status (JSON Schema 2020-12 applies `$ref` and its siblings together), so the document names
 * every code a client may see there.
 */
export function errorResponse(status: number, codes: readonly string[]) {
  const unique = [...new Set(codes)].sort();
  return {
    allOf: [
      { $ref: '#/components/schemas/Error' },
      { properties: { error: { properties: { code: { enum: unique } } } } },
    ],
    description: unique.map((c) => `\`${c}\``).join(', '),
    ...(RETRYABLE.has(status) ? { headers: RETRY_AFTER } : {}),
  };
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Every error code a route can answer, by status: what every route shares (a bad URL, a failing
 * backing service), what its guard refuses (read from the `preHandler` that actually runs), what its
 * body parser and schemas refuse, and the route's own `schema.errors`.
 */
export function routeErrorCodes(route: Pick<RouteOptions, 'method' | 'url' | 'preHandler' | 'schema'>) {
  const schema = (route.schema ?? {}) as FastifySchema;
  const codes = new Map<number, string[]>();
  const add = (status: number, ...more: string[]) =>
    codes.set(status, [...(codes.get(status) ?? []), ...more]);
  add(400, 'invalid_url');
  if (route.url.includes(':') || route.url.includes('*')) add(414, 'uri_too_long');
  add(500, 'internal_error');
  add(503, 'service_unavailable');
  const takesBody = [route.method].flat().some((m) => BODY_METHODS.has(m));
  if (takesBody) add(413, 'payload_too_large');
  const guard = guardKindOf(route.preHandler);
  // The JSON API (guarded routes): JSON bodies only, validated with the route's schemas. Webhook
  // routes parse their own way and name their codes in `schema.errors`.
  if (guard && takesBody) {
    add(400, 'invalid_json');
    add(415, 'unsupported_media_type');
  }
  if (guard && (schema.body || schema.querystring)) add(400, 'validation_failed', 'unknown_fields');
  if (guard?.kind === 'shop') {
    add(401, 'unauthorized');
    add(403, 'forbidden');
    add(429, 'quota_exceeded');
  } else if (guard?.kind === 'admin') {
    add(401, 'unauthorized');
    add(403, 'control_token_not_local');
    add(404, 'admin_api_disabled');
  }
  for (const [status, own] of Object.entries(schema.errors ?? {})) add(Number(status), ...(own ?? []));
  return codes;
}

/** The security requirement of a route, from its guard; routes without one keep their own. */
function securityOf(route: RouteOptions, schema: FastifySchema): FastifySchema['security'] {
  const guard = guardKindOf(route.preHandler);
  if (guard?.kind === 'shop') return [{ shopToken: [guard.scope] }];
  if (guard?.kind === 'admin') return [{ adminToken: [] }];
  return schema.security ?? [];
}

const zodTransform = createJsonSchemaTransform({ skipList: [] });

type Transform = NonNullable<FastifyDynamicSwaggerOptions['transform']>;

/**
 * Turns a route's zod schemas into JSON Schema, then adds its security and its error answers (as
 * plain JSON Schema: they are the same for every route but for their codes).
 */
const transform: Transform = (document) => {
  const { schema, route } = document;
  if (!schema || schema.hide) return zodTransform(document);
  const { errors: _own, ...rest } = schema;
  const result = zodTransform({ ...document, schema: { ...rest, security: securityOf(route, schema) } });
  const response: Record<string, unknown> = { ...(result.schema.response as Record<string, unknown>) };
  for (const [status, codes] of routeErrorCodes(route)) {
    // A route that documents its own body for a status (`/healthz` answers 503 with its checks) keeps it.
    if (!(String(status) in response)) response[String(status)] = errorResponse(status, codes);
  }
  return { ...result, schema: { ...result.schema, response } };
};

/** zod writes `z.number().int()` with JavaScript's safe-integer bounds; they say nothing to a reader. */
function dropSafeIntegerBounds(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) dropSafeIntegerBounds(item);
  } else if (node !== null && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if (record.minimum === Number.MIN_SAFE_INTEGER) delete record.minimum;
    if (record.maximum === Number.MAX_SAFE_INTEGER) delete record.maximum;
    for (const value of Object.values(record)) dropSafeIntegerBounds(value);
  }
}

/**
 * Error responses are the same wherever the same codes answer with the same status: each is
 * written once under `components.responses` (`401.unauthorized`) and referred to by the operations.
 */
function shareErrorResponses(openapi: {
  paths?: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
  components: { responses?: Record<string, unknown> };
}): void {
  const shared: Record<string, unknown> = {};
  for (const item of Object.values(openapi.paths ?? {})) {
    for (const operation of Object.values(item)) {
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        const codes = (response as ErrorResponseShape).content?.['application/json']?.schema?.allOf?.[1]
          ?.properties?.error?.properties?.code?.enum;
        if (!Array.isArray(codes)) continue;
        const name = [status, ...codes].join('.');
        shared[name] = response;
        operation.responses![status] = { $ref: `#/components/responses/${name}` };
      }
    }
  }
  const names = Object.keys(shared).sort((a, b) => a.localeCompare(b, 'en'));
  openapi.components.responses = Object.fromEntries(names.map((name) => [name, shared[name]]));
}

type ErrorResponseShape = {
  content?: Record<
    string,
    {
      schema?: {
        allOf?: Array<{ properties?: { error?: { properties?: { code?: { enum?: string[] } } } } }>;
      };
    }
  >;
};

const zodTransformObject = createJsonSchemaTransformObject({});

const ROUTES = new WeakMap<FastifyInstance, RouteOptions[]>();

/** Every route registered on a server built by `createServer`, with its options as given. */
export function registeredRoutes(app: FastifyInstance): readonly RouteOptions[] {
  return ROUTES.get(app) ?? [];
}

/**
 * Serves the OpenAPI 3.1 document generated from the routes' zod schemas at `/openapi.json` and
 * its reference page at `/docs`. Call before any route is added (the document collects routes as
 * they are registered).
 *
 * The schemas document; they do not validate on Fastify's own: each handler validates with
 * `parse()` and the same schema after its guard, so a bad token answers 401 before a bad body
 * answers 400, and path parameters that name nothing answer 404 as before. Responses are
 * serialized with `JSON.stringify`, exactly as without schemas.
 */
export function installOpenApi(app: FastifyInstance): void {
  const seen: RouteOptions[] = [];
  ROUTES.set(app, seen);
  // Fastify adds onRoute hooks at once (plugins load later), so this sees every route, even one
  // added before the document's own plugin has loaded: the API test compares the two.
  app.addHook('onRoute', (route) => {
    seen.push(route);
  });
  app.setValidatorCompiler(() => (data) => ({ value: data }));
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  void app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'sellerdesk API', version: 'v1', description: API_DESCRIPTION },
      tags: API_TAGS,
      components: { securitySchemes: SECURITY_SCHEMES },
    },
    transform,
    transformObject: (document) => {
      const openapi = zodTransformObject(document) as Record<string, unknown> &
        Parameters<typeof shareErrorResponses>[0] & { components: { schemas?: Record<string, unknown> } };
      const { $schema: _, ...error } = z.toJSONSchema(apiError, { target: 'draft-2020-12' });
      openapi.components.schemas = { ...openapi.components.schemas, Error: error };
      // OpenAPI 3.1 `webhooks`: the signed reply delivery sellerdesk makes to the shop's receiver.
      openapi.webhooks = outboundReplyWebhook();
      dropSafeIntegerBounds(openapi);
      shareErrorResponses(openapi);
      return openapi as ReturnType<typeof zodTransformObject>;
    },
  });
  void app.register(fastifySwaggerUi, {
    routePrefix: DOCS_PATH,
    staticCSP: true,
    uiConfig: { docExpansion: 'list', deepLinking: true, defaultModelsExpandDepth: 0 },
  });
  void app.register(async (scope) => {
    scope.get(
      OPENAPI_PATH,
      {
        schema: {
          summary: 'This OpenAPI 3.1 document',
          description: 'Generated at run time from the zod schemas the routes validate with.',
          tags: ['docs'],
          response: {
            200: z
              .looseObject({ openapi: z.literal('3.1.0'), info: z.looseObject({}), paths: z.looseObject({}) })
              .meta({ description: 'the OpenAPI document' }),
          },
        },
      },
      async () => app.swagger(),
    );
  });
}
