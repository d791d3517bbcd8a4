import { z } from 'zod';
import { AppError } from '../../app/errors.js';
import { recordAudit } from '../../db/audit-repo.js';
import { issueLinkCode } from '../../db/shops-repo.js';
import { listMembers, removeMember, setMemberRole } from '../../db/team-repo.js';
import { ROLES, SCOPE_FOR_ACTION } from '../../domain/shop/roles.js';
import { apiActor } from '../auth.js';
import { parse } from '../parse.js';
import { documented, noContent } from '../responses.js';
import type { RoutePlugin } from './context.js';

const memberParam = z.strictObject({
  channel: z.enum(['telegram', 'slack']),
  userId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
});
const roleBody = z
  .strictObject({
    role: z.enum(ROLES),
    name: z.string().max(100).optional(),
  })
  .meta({ examples: [{ role: 'agent', name: 'Bea' }, { role: 'owner' }] });
const emptyBody = z
  .strictObject({})
  .nullish()
  .meta({ examples: [{}] });

const memberJson = z.object({
  channel: z.enum(['telegram', 'slack']),
  userId: z.string(),
  name: z.string().nullable(),
  role: z.enum(ROLES),
});
const roleSet = z
  .object({ channel: z.enum(['telegram', 'slack']), userId: z.string(), role: z.enum(ROLES) })
  .meta({ description: 'the member’s role now' });
const linkCode = z
  .object({
    telegramLinkCode: z.string().meta({ description: 'single use; the previous code stops working' }),
    expiresAt: z.string(),
  })
  .meta({ description: 'a new link code' });

/**
 * Who receives a shop's cards and what they may do: the member list, a member's role (set or
 * removed; never the last owner), and the rotation of the Telegram link code.
 */
export const teamRoutes: RoutePlugin = async (app, ctx) => {
  app.get(
    '/v1/team',
    {
      preHandler: app.requireScope(SCOPE_FOR_ACTION.view),
      schema: {
        summary: 'The shop’s members and their roles',
        tags: ['team'],
        response: { 200: z.object({ members: z.array(memberJson) }).meta({ description: 'every member' }) },
      },
    },
    async (request) => {
      const rows = await listMembers(ctx.db, request.principal!.shopId);
      return {
        members: rows.map((m) => ({ channel: m.channel, userId: m.userId, name: m.name, role: m.role })),
      };
    },
  );

  app.put(
    '/v1/team/:channel/:userId',
    {
      preHandler: app.requireScope(SCOPE_FOR_ACTION.manage),
      schema: {
        summary: 'Add a member or change a member’s role',
        description:
          'owner: everything; agent: decides; viewer: sees. One rule table for the API, Telegram and Slack.',
        tags: ['team'],
        params: memberParam,
        body: roleBody,
        response: { 200: roleSet },
      },
    },
    async (request) => {
      const params = parse(memberParam, request.params, 'path');
      const body = parse(roleBody, request.body, 'role');
      const shopId = request.principal!.shopId;
      await setMemberRole(ctx.db, { shopId, ...params, role: body.role, name: body.name });
      await recordAudit(ctx.db, {
        shopId,
        kind: 'role_changed',
        actor: apiActor(request),
        details: { ...params, role: body.role },
      });
      return documented(roleSet, { channel: params.channel, userId: params.userId, role: body.role });
    },
  );

  app.delete(
    '/v1/team/:channel/:userId',
    {
      preHandler: app.requireScope(SCOPE_FOR_ACTION.manage),
      schema: {
        summary: 'Remove a member (never the last owner); the chats they linked are unlinked',
        tags: ['team'],
        params: memberParam,
        response: { 204: noContent },
        errors: { 400: ['validation_failed'], 404: ['member_not_found'], 409: ['last_owner'] },
      },
    },
    async (request, reply) => {
      const params = parse(memberParam, request.params, 'path');
      const shopId = request.principal!.shopId;
      const outcome = await removeMember(ctx.db, { shopId, ...params, actor: apiActor(request) });
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

  app.post(
    '/v1/telegram/link-code',
    {
      preHandler: app.requireScope(SCOPE_FOR_ACTION.manage),
      schema: {
        summary: 'Issue a new Telegram link code (the previous one stops working)',
        tags: ['team'],
        body: emptyBody,
        response: { 201: linkCode },
      },
    },
    async (request, reply) => {
      parse(emptyBody, request.body, 'body');
      const shopId = request.principal!.shopId;
      const issued = await issueLinkCode(ctx.db, shopId, ctx.linkCodeTtlHours);
      await recordAudit(ctx.db, {
        shopId,
        kind: 'link_code_issued',
        actor: apiActor(request),
        details: { expiresAt: issued.expiresAt.toISOString(), previousRevoked: true },
      });
      return reply
        .code(201)
        .send(
          documented(linkCode, { telegramLinkCode: issued.code, expiresAt: issued.expiresAt.toISOString() }),
        );
    },
  );
};
