import { z } from 'zod';
import { AppError } from '../../app/errors.js';
import { SCOPE_FOR_ACTION } from '../../domain/shop/roles.js';
import { parse } from '../parse.js';
import type { RoutePlugin } from './context.js';

const emptyBody = z
  .strictObject({})
  .nullish()
  .meta({ examples: [{}] });

/**
 * `POST /v1/console/links` (scope `tickets:read`): a one-time seller-console sign-in link for the
 * token itself, valid ten minutes; the console then acts with the token's role (`roleOfScopes`).
 * The CLI (`sellerdesk console`) and the demo sign in this way; sellers ask in Telegram or Slack.
 */
export const consoleLinkRoutes: RoutePlugin = async (app, ctx) => {
  app.post(
    '/v1/console/links',
    {
      preHandler: app.requireScope(SCOPE_FOR_ACTION.view),
      schema: {
        summary: 'A one-time sign-in link to the seller console',
        description:
          'Valid ten minutes, used once; the console acts with the token’s role (settings:write and tickets:write: owner, tickets:write: agent, tickets:read: viewer).',
        tags: ['governance'],
        body: emptyBody,
        response: {
          201: z
            .object({
              url: z
                .string()
                .meta({ description: 'open it in a browser: it signs in and sets the session cookie' }),
              expiresAt: z.string().meta({ description: 'ISO 8601' }),
            })
            .meta({ description: 'the link, shown once' }),
        },
        errors: { 404: ['console_unavailable'], 503: ['console_unavailable'] },
      },
    },
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
