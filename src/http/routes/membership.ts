import { z } from 'zod';
import { AppError } from '../../app/errors.js';
import { recordAudit } from '../../db/audit-repo.js';
import { issueLinkCode } from '../../db/shops-repo.js';
import { removeMember } from '../../db/team-repo.js';
import { parse } from '../parse.js';
import type { RouteModule } from './context.js';

const memberParam = z.strictObject({
  channel: z.enum(['telegram', 'slack']),
  userId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
});
const emptyBody = z.strictObject({}).nullish();

/** Link-code rotation and member removal: the lifecycle of who receives a shop's cards. */
export const membershipRoutes: RouteModule = (app, ctx) => {
  const actorOf = (tokenId: string) => ({ channel: 'api', id: tokenId });

  app.post(
    '/v1/telegram/link-code',
    { preHandler: ctx.requireScope('settings:write') },
    async (request, reply) => {
      parse(emptyBody, request.body, 'body');
      const { shopId, tokenId } = request.principal!;
      const issued = await issueLinkCode(ctx.db, shopId, ctx.linkCodeTtlHours);
      await recordAudit(ctx.db, {
        shopId,
        kind: 'link_code_issued',
        actor: actorOf(tokenId),
        details: { expiresAt: issued.expiresAt.toISOString(), previousRevoked: true },
      });
      return reply
        .code(201)
        .send({ telegramLinkCode: issued.code, expiresAt: issued.expiresAt.toISOString() });
    },
  );

  app.delete(
    '/v1/team/:channel/:userId',
    { preHandler: ctx.requireScope('settings:write') },
    async (request, reply) => {
      const params = parse(memberParam, request.params, 'path');
      const { shopId, tokenId } = request.principal!;
      const outcome = await removeMember(ctx.db, { shopId, ...params, actor: actorOf(tokenId) });
      if (outcome.status === 'not_found') {
        throw new AppError(
          'member_not_found',
          `no ${params.channel} member ${params.userId} in this shop`,
          404,
        );
      }
      if (outcome.status === 'last_owner') {
        throw new AppError(
          'last_owner',
          'this is the shop’s last owner; make another member owner first (PUT /v1/team/:channel/:userId)',
          409,
        );
      }
      return reply.code(204).send();
    },
  );
};
