import { z } from 'zod';
import { AppError } from '../../app/errors.js';
import { bearer, safeEqual } from '../auth.js';
import type { RoutePlugin } from './context.js';

const checks = z.object({ database: z.boolean(), temporal: z.boolean() });
const healthy = z
  .object({ status: z.literal('ok'), checks })
  .meta({ description: 'the database and Temporal answer' });
const unhealthy = z
  .object({ status: z.literal('unavailable'), checks })
  .meta({ description: '`checks` says which of the database and Temporal does not answer' });

/** `GET /healthz` (database and Temporal reachable) and `GET /metrics` (Prometheus text). */
export const healthRoutes: RoutePlugin = async (app, ctx) => {
  app.get(
    '/healthz',
    {
      schema: {
        summary: 'Whether the database and Temporal answer',
        tags: ['health'],
        security: [],
        response: { 200: healthy, 503: unhealthy },
      },
    },
    async (_request, reply) => {
      const checks = { database: false, temporal: false };
      checks.database = await ctx
        .dbPing()
        .then(() => true)
        .catch(() => false);
      checks.temporal = await ctx.temporalHealthy().catch(() => false);
      const ok = checks.database && checks.temporal;
      return reply.code(ok ? 200 : 503).send({ status: ok ? 'ok' : 'unavailable', checks });
    },
  );

  app.get(
    '/metrics',
    {
      schema: {
        summary: 'Prometheus metrics',
        description:
          'HTTP requests and latency per route, intake, classification time, ingest → first card, approval latency, decisions, category corrections and rates, deliveries, chat API errors, process figures. Open unless `METRICS_TOKEN` is set.',
        tags: ['health'],
        // Open, or with METRICS_TOKEN set, that bearer token.
        security: [{ metricsToken: [] }, {}],
        response: {
          200: {
            description: 'Prometheus text exposition format 0.0.4',
            content: { 'text/plain': { schema: z.string() } },
          },
        },
        errors: { 401: ['unauthorized'] },
      },
    },
    async (request, reply) => {
      if (ctx.metricsToken) {
        const token = bearer(request);
        if (!token || !safeEqual(token, ctx.metricsToken)) {
          throw new AppError('unauthorized', 'GET /metrics needs the METRICS_TOKEN bearer token', 401);
        }
      }
      reply.header('content-type', ctx.metrics.registry.contentType);
      return ctx.metrics.registry.metrics();
    },
  );
};
