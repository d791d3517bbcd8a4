import { isUtf8 } from 'node:buffer';
import { timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { Socket } from 'node:net';
import type { Client } from '@temporalio/client';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  LogController,
} from 'fastify';
import { type Bot, BotError } from 'grammy';
import type { Update } from 'grammy/types';
import type { Logger } from 'pino';
import { createErasureService } from '../app/erasure-service.js';
import { AppError } from '../app/errors.js';
import { presentTicket, presentTicketSummary } from '../app/ticket-presenter.js';
import { TICKET_CLOSED, type TicketService } from '../app/ticket-service.js';
import type { Db } from '../db/client.js';
import type { ErasureKeyConfig } from '../db/erasure-repo.js';
import { createShop, findPrincipal, type TokenPrincipal } from '../db/shops-repo.js';
import { getTicketView, listTickets } from '../db/tickets-repo.js';
import { countApiCall, dailyLimit, secondsUntilReset, uncountApiCall } from '../db/usage-repo.js';
import { SCOPE_FOR_ACTION } from '../domain/shop/roles.js';
import type { Metrics } from '../observability/metrics.js';
import { editLanguageMismatchDetails } from './edit-language.js';
import { parse } from './parse.js';
import type { RouteContext, SlackSetupPort } from './routes/context.js';
import { ROUTE_MODULES } from './routes/index.js';
import { createShopBody, decisionBody, listTicketsQuery, postMessageBody, ticketIdParam } from './schemas.js';

/** Largest accepted request body (CONTRACT §2: over 256 KiB gets 413). */
export const BODY_LIMIT = 256 * 1024;

/** What the HTTP API needs; integrations left undefined are off. */
export interface ServerDeps {
  db: Db;
  tickets: TicketService;
  logger: Logger;
  metrics: Metrics;
  adminToken?: string | undefined;
  /** Token of DATA_DIR/control.json, accepted for admin calls from the local CLI (loopback only). */
  localControlToken?: string | undefined;
  /** Bearer token `GET /metrics` requires; unset: /metrics is open. */
  metricsToken?: string | undefined;
  /** Hours a Telegram link code stays valid (default 24). */
  linkCodeTtlHours?: number | undefined;
  telegram?: { bot: Bot; webhookSecret?: string | undefined } | undefined;
  /** Round-trips the database; `/healthz` needs it. */
  dbPing: () => Promise<void>;
  /** Reports whether Temporal answers; `/healthz` needs it. */
  temporalHealthy: () => Promise<boolean>;
  /** Temporal client and task queue, for feature routes that start workflows. */
  temporal: Client;
  taskQueue: string;
  /** Reply catalogue, texts and renderer. */
  templates: RouteContext['templates'];
  /** Whether the Slack app is configured (diagnostics). */
  slackEnabled?: boolean;
  /** Per-shop Slack workspace setup (`/v1/slack`); absent when Slack is off. */
  slack?: SlackSetupPort | undefined;
  /** ERASURE_KEY and ERASURE_KEY_PREVIOUS (unset: the database-held key). */
  erasureKeys?: ErasureKeyConfig | undefined;
}

/**
 * PostgreSQL refusing work it may accept a moment later: too many connections (53300), out of
 * resources (53xxx), shutting down or starting (57P01-57P03), a serialization or deadlock loser
 * (40001, 40P01). Under a flood these are back-pressure, answered 503 with Retry-After, not 500.
 */
export function isDatabaseSaturated(error: unknown): boolean {
  const pgCode =
    (error as { code?: unknown; cause?: { code?: unknown } })?.code ??
    (error as { cause?: { code?: unknown } })?.cause?.code;
  return typeof pgCode === 'string' && /^(53\d{3}|57P0[123]|40001|40P01)$/.test(pgCode);
}

function sendError(reply: FastifyReply, status: number, code: string, message: string, details?: unknown) {
  return reply.code(status).send({ error: { code, message, ...(details !== undefined ? { details } : {}) } });
}

/** Writes a connection-level error (header overflow, timeout, bad request line) in the API's format. */
function answerClientError(error: Error & { code?: string }, socket: Socket) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, message] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'headers_too_large', 'the request line or headers are larger than the server accepts']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'request_timeout', 'the request did not arrive in time']
        : [400, 'bad_request', 'the request is not valid HTTP'];
  const body = JSON.stringify({ error: { code, message } });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Whether the request comes from this machine (the socket's peer, not a forwarded header). */
function fromLoopback(request: FastifyRequest): boolean {
  const address = request.socket.remoteAddress ?? '';
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return v4 === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

function bearer(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1];
}

declare module 'fastify' {
  interface FastifyRequest {
    principal?: TokenPrincipal;
  }
}

/** Builds the HTTP API (CONTRACT §2) and the Telegram webhook on one Fastify instance. */
export function createServer(deps: ServerDeps): FastifyInstance {
  const app = Fastify({
    loggerInstance: deps.logger.child({ component: 'http' }) as FastifyBaseLogger,
    bodyLimit: BODY_LIMIT,
    logController: new LogController({ disableRequestLogging: true }),
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    routerOptions: { maxParamLength: 200 },
    clientErrorHandler: answerClientError,
    // Router-level refusals (undecodable URL, over-long path parameter) in the API's error format.
    frameworkErrors: (error, _request, reply) =>
      error.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? sendError(reply, 414, 'uri_too_long', 'a path segment is longer than any id sellerdesk issues')
        : sendError(reply, 400, 'invalid_url', 'the URL is not valid (bad percent-encoding?)'),
  });

  // JSON only, and only as UTF-8 (RFC 8259): invalid bytes are refused instead of being silently
  // replaced by U+FFFD; prototype poisoning stays an error. No text/plain body reaches a route.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const bytes = body as Buffer;
    if (!isUtf8(bytes)) {
      done(new AppError('invalid_json', 'the request body is not valid UTF-8', 400), undefined);
      return;
    }
    parseJson(request, bytes.toString('utf8'), done);
  });

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    deps.metrics.httpRequests.inc({ route, method: request.method, status: String(reply.statusCode) });
    deps.metrics.httpSeconds.observe({ route, method: request.method }, reply.elapsedTime / 1000);
  });

  app.setErrorHandler((error: Error & { code?: string; statusCode?: number }, request, reply) => {
    if (error instanceof AppError) {
      if (error.headers) void reply.headers(error.headers);
      return sendError(reply, error.status, error.code, error.message, error.details);
    }
    const code = error.code ?? '';
    if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return sendError(reply, 413, 'payload_too_large', `request body is larger than ${BODY_LIMIT} bytes`);
    }
    if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return sendError(reply, 415, 'unsupported_media_type', 'send JSON with content-type: application/json');
    }
    if (code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      return sendError(reply, 400, 'invalid_json', 'the request body is empty; send a JSON object');
    }
    if (code.startsWith('FST_ERR_CTP') || (error instanceof SyntaxError && error.statusCode === 400)) {
      return sendError(reply, 400, 'invalid_json', 'the request body is not valid JSON');
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendError(reply, error.statusCode, 'bad_request', error.message);
    }
    request.log.error({ err: { name: error.name, message: error.message, code } }, 'request failed');
    const unavailable =
      /UNAVAILABLE|ECONNREFUSED|connect|timeout/i.test(`${error.message} ${code}`) ||
      isDatabaseSaturated(error);
    if (unavailable) {
      // Nothing was stored (each write is one transaction): the caller may simply retry later.
      reply.header('retry-after', '1');
      return sendError(
        reply,
        503,
        'service_unavailable',
        'a backing service is unavailable; retry the request',
      );
    }
    return sendError(reply, 500, 'internal_error', 'something went wrong on our side; retry the request');
  });

  app.setNotFoundHandler((request, reply) =>
    sendError(reply, 404, 'not_found', `no route ${request.method} ${request.url.split('?')[0]}`),
  );

  const requireAdmin = async (request: FastifyRequest) => {
    const token = bearer(request);
    // The local control token (DATA_DIR/control.json, owner-only) lets the CLI on this machine
    // create shops even when the remote admin API is off; from any other address it is refused.
    if (token && deps.localControlToken && safeEqual(token, deps.localControlToken)) {
      if (fromLoopback(request)) return;
      throw new AppError(
        'control_token_not_local',
        'the local control token is accepted only from this machine (loopback); use ADMIN_TOKEN',
        403,
      );
    }
    if (!deps.adminToken) {
      throw new AppError('admin_api_disabled', 'the admin API is off: set ADMIN_TOKEN', 404);
    }
    if (!token || !safeEqual(token, deps.adminToken)) {
      throw new AppError('unauthorized', 'a valid admin bearer token is required', 401);
    }
  };

  const requireScope = (scope: string) => async (request: FastifyRequest, reply: FastifyReply) => {
    const token = bearer(request);
    if (!token)
      throw new AppError('unauthorized', 'missing bearer token (Authorization: Bearer <shop token>)', 401);
    const principal = await findPrincipal(deps.db, token);
    if (!principal) throw new AppError('unauthorized', 'the token is unknown or revoked', 401);
    if (!principal.scopes.includes(scope)) {
      throw new AppError('forbidden', `this token lacks the "${scope}" scope`, 403, { requiredScope: scope });
    }
    const now = new Date();
    const calls = await countApiCall(deps.db, principal.shopId, now);
    const limit = await dailyLimit(deps.db, principal.shopId);
    if (calls > limit) {
      await uncountApiCall(deps.db, principal.shopId, now);
      const retryAfter = secondsUntilReset(now);
      reply.header('retry-after', String(retryAfter));
      throw new AppError(
        'quota_exceeded',
        `the daily limit of ${limit} API calls is used up; it resets at 00:00 UTC`,
        429,
        {
          limit,
          retryAfterSeconds: retryAfter,
        },
      );
    }
    request.principal = principal;
  };

  app.get('/healthz', async (_request, reply) => {
    const checks = { database: false, temporal: false };
    checks.database = await deps
      .dbPing()
      .then(() => true)
      .catch(() => false);
    checks.temporal = await deps.temporalHealthy().catch(() => false);
    const ok = checks.database && checks.temporal;
    return reply.code(ok ? 200 : 503).send({ status: ok ? 'ok' : 'unavailable', checks });
  });

  app.get('/metrics', async (request, reply) => {
    if (deps.metricsToken) {
      const token = bearer(request);
      if (!token || !safeEqual(token, deps.metricsToken)) {
        throw new AppError('unauthorized', 'GET /metrics needs the METRICS_TOKEN bearer token', 401);
      }
    }
    reply.header('content-type', deps.metrics.registry.contentType);
    return deps.metrics.registry.metrics();
  });

  app.post('/v1/admin/shops', { preHandler: requireAdmin }, async (request, reply) => {
    const body = parse(createShopBody, request.body, 'shop');
    const created = await createShop(deps.db, body, { linkCodeTtlHours: deps.linkCodeTtlHours });
    request.log.info({ shopId: created.shop.id }, 'shop created');
    return reply.code(201).send({
      shop: {
        id: created.shop.id,
        name: created.shop.name,
        defaultLanguage: created.shop.defaultLanguage,
        sellerLanguage: created.shop.sellerLanguage,
        plan: created.shop.plan,
        createdAt: created.shop.createdAt.toISOString(),
      },
      apiToken: created.apiToken,
      telegramLinkCode: created.telegramLinkCode,
      telegramLinkCodeExpiresAt: created.telegramLinkCodeExpiresAt.toISOString(),
    });
  });

  app.post('/v1/messages', { preHandler: requireScope('messages:write') }, async (request, reply) => {
    const body = parse(postMessageBody, request.body, 'message');
    const result = await deps.tickets.ingest(request.principal!.shopId, body);
    return reply.code(202).send(result);
  });

  app.get('/v1/tickets', { preHandler: requireScope('tickets:read') }, async (request) => {
    const query = parse(listTicketsQuery, request.query, 'query');
    const page = await listTickets(deps.db, request.principal!.shopId, {
      status: query.status,
      cursor: query.cursor,
      limit: query.limit ?? 50,
    });
    return {
      tickets: page.tickets.map(presentTicketSummary),
      nextCursor: page.nextCursor,
    };
  });

  app.get('/v1/tickets/:ticketId', { preHandler: requireScope('tickets:read') }, async (request) => {
    const { ticketId } = parseTicketId(request.params);
    const view = await getTicketView(deps.db, request.principal!.shopId, ticketId);
    if (!view) throw new AppError('ticket_not_found', `no ticket ${ticketId} in this shop`, 404);
    return presentTicket(view);
  });

  app.post(
    '/v1/tickets/:ticketId/decision',
    { preHandler: requireScope(SCOPE_FOR_ACTION.decide) },
    async (request, reply) => {
      const { ticketId } = parseTicketId(request.params);
      const body = parse(decisionBody, request.body, 'decision');
      const view = await getTicketView(deps.db, request.principal!.shopId, ticketId);
      if (!view) throw new AppError('ticket_not_found', `no ticket ${ticketId} in this shop`, 404);
      const outcome = await deps.tickets.decide(
        ticketId,
        {
          action: body.action,
          ...(body.text !== undefined ? { text: body.text } : {}),
          // The actor is the token; `by` is only a display name (the audit log records it as a note).
          actor: { channel: 'api', id: request.principal!.tokenId, ...(body.by ? { name: body.by } : {}) },
        },
        // An edit not in the buyer's language answers 422 until it is sent again with `confirm: true`.
        { confirmLanguage: body.confirm === true },
      );
      if (outcome.ok) {
        deps.metrics.decisions.inc({ action: body.action, channel: 'api' });
        return reply.code(200).send({ ticketId, decision: outcome.result });
      }
      if (outcome.hold) {
        const details = await editLanguageMismatchDetails(
          deps.db,
          deps.templates.renderer,
          request.principal!.shopId,
          outcome.hold,
        );
        return sendError(reply, 422, outcome.code, outcome.message, details);
      }
      const status =
        outcome.code === 'already_decided' || outcome.code === TICKET_CLOSED
          ? 409
          : outcome.code === 'ticket_not_found'
            ? 404
            : outcome.code === 'draft_not_ready'
              ? 409
              : 400;
      return sendError(
        reply,
        status,
        outcome.code,
        outcome.message,
        outcome.decided ? { decided: outcome.decided } : undefined,
      );
    },
  );

  const erasure = createErasureService({
    db: deps.db,
    temporal: deps.temporal,
    taskQueue: deps.taskQueue,
    logger: deps.logger,
    keys: deps.erasureKeys,
  });
  for (const register of ROUTE_MODULES) {
    register(app, {
      db: deps.db,
      temporal: deps.temporal,
      taskQueue: deps.taskQueue,
      tickets: deps.tickets,
      erasure,
      logger: deps.logger,
      metrics: deps.metrics,
      requireScope,
      requireAdmin,
      telegramEnabled: Boolean(deps.telegram),
      slackEnabled: deps.slackEnabled ?? false,
      slack: deps.slack,
      temporalHealthy: deps.temporalHealthy,
      templates: deps.templates,
      linkCodeTtlHours: deps.linkCodeTtlHours,
    });
  }

  const telegram = deps.telegram;
  if (telegram?.webhookSecret) {
    const secret = telegram.webhookSecret;
    app.post('/telegram/webhook', async (request, reply) => {
      const given = request.headers['x-telegram-bot-api-secret-token'];
      if (typeof given !== 'string' || !safeEqual(given, secret)) {
        return sendError(
          reply,
          401,
          'invalid_webhook_secret',
          'missing or wrong X-Telegram-Bot-Api-Secret-Token',
        );
      }
      const update = request.body as Update | undefined;
      if (!isPlausibleUpdate(update)) {
        return sendError(reply, 400, 'invalid_update', 'the body is not a Telegram Update');
      }
      try {
        await telegram.bot.handleUpdate(update);
      } catch (error) {
        // A TypeError from the bot means the update lacks what every real Update has (a chat, a
        // sender): refuse it. Anything else (database down) stays a 5xx, so Telegram retries.
        if (error instanceof BotError && error.error instanceof TypeError) {
          return sendError(
            reply,
            400,
            'invalid_update',
            'the update is missing fields Telegram always sends',
          );
        }
        throw error;
      }
      return reply.code(200).send({ ok: true });
    });
  }

  return app;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The fields every real Update carries for the kinds the bot handles (a chat, a sender). */
function isPlausibleUpdate(update: unknown): update is Update {
  if (!isRecord(update) || !Number.isInteger(update.update_id)) return false;
  for (const kind of ['message', 'edited_message', 'channel_post', 'edited_channel_post'] as const) {
    const message = update[kind];
    if (message === undefined) continue;
    if (!isRecord(message) || !isRecord(message.chat) || typeof message.chat.id !== 'number') return false;
    if (typeof message.message_id !== 'number' || typeof message.date !== 'number') return false;
  }
  const callback = update.callback_query;
  if (callback !== undefined) {
    if (!isRecord(callback) || typeof callback.id !== 'string') return false;
    if (!isRecord(callback.from) || typeof callback.from.id !== 'number') return false;
  }
  return true;
}

function parseTicketId(params: unknown): { ticketId: string } {
  const result = ticketIdParam.safeParse(params);
  if (!result.success) throw new AppError('ticket_not_found', 'no such ticket', 404);
  return result.data;
}
