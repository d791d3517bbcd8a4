import { AppError } from '../../app/errors.js';
import { bearer, safeEqual } from '../auth.js';
import type { RoutePlugin } from './context.js';

/** `GET /healthz` (database and Temporal reachable) and `GET /metrics` (Prometheus text). */
export const healthRoutes: RoutePlugin = async (app, ctx) => {
  app.get('/healthz', async (_request, reply) => {
    const checks = { database: false, temporal: false };
    checks.database = await ctx
      .dbPing()
      .then(() => true)
      .catch(() => false);
    checks.temporal = await ctx.temporalHealthy().catch(() => false);
    const ok = checks.database && checks.temporal;
    return reply.code(ok ? 200 : 503).send({ status: ok ? 'ok' : 'unavailable', checks });
  });

  app.get('/metrics', async (request, reply) => {
    if (ctx.metricsToken) {
      const token = bearer(request);
      if (!token || !safeEqual(token, ctx.metricsToken)) {
        throw new AppError('unauthorized', 'GET /metrics needs the METRICS_TOKEN bearer token', 401);
      }
    }
    reply.header('content-type', ctx.metrics.registry.contentType);
    return ctx.metrics.registry.metrics();
  });
};
