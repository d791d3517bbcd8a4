import { z } from 'zod';
import { AppError } from '../../app/errors.js';
import { SCOPE_FOR_ACTION } from '../../domain/shop/roles.js';
import { parse } from '../parse.js';
import type { RoutePlugin } from './context.js';

const emptyBody = z.strictObject({}).nullish();

/**
 * `POST /v1/console/links` (scope `tickets:read`): a one-time seller-console sign-in link for the
 * token itself, valid ten minutes; the console then acts with the token's role (`roleOfScopes`).
 * The CLI (`sellerdesk console`) and the demo sign in this way; sellers ask in Telegram or Slack.
 */
export const consoleLinkRoutes: RoutePlugin = async (app, ctx) => {
  app.post(
    '/v1/console/links',
    { preHandler: app.requireScope(SCOPE_FOR_ACTION.view) },
    async (request, reply) => {
      parse(emptyBody, request.body, 'body');
      if (!ctx.console)
        throw new AppError('console_unavailable', 'the seller console is off on this server', 404);
      const principal = request.principal!;
      const issued = await ctx.console.links.issue({
        shopId: principal.shopId,
        subject: { channel: 'api', id: principal.tokenId, name: 'API token' },
      });
      if (!issued.ok) {
        throw new AppError(
          'console_unavailable',
          'the server does not know its own URL yet; set PUBLIC_URL',
          503,
        );
      }
      return reply.code(201).send({ url: issued.url, expiresAt: issued.expiresAt.toISOString() });
    },
  );
};
