import { isUtf8 } from 'node:buffer';
import type { Client } from '@temporalio/client';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import type { Bot } from 'grammy';
import type { Logger } from 'pino';
import { createErasureService } from '../app/erasure-service.js';
import { AppError } from '../app/errors.js';
import type { TicketService } from '../app/ticket-service.js';
import type { Db } from '../db/client.js';
import type { ErasureKeyConfig } from '../db/erasure-keys.js';
import type { Metrics } from '../observability/metrics.js';
import { installAuth } from './auth.js';
import { answerClientError, answerFrameworkError, BODY_LIMIT, installErrorHandling } from './errors.js';
import { installOpenApi } from './openapi.js';
import type { ConsoleOptions, RouteContext, SlackSetupPort } from './routes/context.js';
import { ROUTE_PLUGINS } from './routes/index.js';

export { BODY_LIMIT, isDatabaseSaturated } from './errors.js';

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
  /** The seller console (`/console`); absent: off. */
  console?: ConsoleOptions | undefined;
}

/**
 * Builds the HTTP API (docs/API.md) and the Telegram webhook on one Fastify instance: JSON
 * parsing, metrics, the error format, the auth decorators and the OpenAPI document here; every
 * route lives in a plugin of `routes/` (one per area), registered with the route context.
 */
export function createServer(deps: ServerDeps): FastifyInstance {
  const app = Fastify({
    loggerInstance: deps.logger.child({ component: 'http' }) as FastifyBaseLogger,
    bodyLimit: BODY_LIMIT,
    logController: new LogController({ disableRequestLogging: true }),
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    routerOptions: { maxParamLength: 200 },
    clientErrorHandler: answerClientError,
    frameworkErrors: answerFrameworkError,
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

  installErrorHandling(app);
  installAuth(app, {
    db: deps.db,
    adminToken: deps.adminToken,
    localControlToken: deps.localControlToken,
  });
  // Before any route: the OpenAPI document collects routes as they are registered.
  installOpenApi(app);

  const context: RouteContext = {
    db: deps.db,
    temporal: deps.temporal,
    taskQueue: deps.taskQueue,
    tickets: deps.tickets,
    erasure: createErasureService({
      db: deps.db,
      temporal: deps.temporal,
      taskQueue: deps.taskQueue,
      logger: deps.logger,
      keys: deps.erasureKeys,
    }),
    logger: deps.logger,
    metrics: deps.metrics,
    telegram: deps.telegram,
    slackEnabled: deps.slackEnabled ?? false,
    slack: deps.slack,
    dbPing: deps.dbPing,
    temporalHealthy: deps.temporalHealthy,
    metricsToken: deps.metricsToken,
    linkCodeTtlHours: deps.linkCodeTtlHours,
    templates: deps.templates,
    console: deps.console,
  };
  for (const plugin of ROUTE_PLUGINS) void app.register(plugin, context);

  return app;
}
