import { z } from 'zod';
import { AppError } from '../../app/errors.js';
import { listAudit, recordAudit } from '../../db/audit-repo.js';
import { SHOP_SCOPES, setAutoSendPaused } from '../../db/shops-repo.js';
import {
  createApiToken,
  findActiveTokenScopes,
  listApiTokens,
  revokeApiToken,
} from '../../db/tokens-repo.js';
import { usageSummary } from '../../db/usage-repo.js';
import { SCOPE_FOR_ACTION } from '../../domain/shop/roles.js';
import { apiActor } from '../auth.js';
import { parse } from '../parse.js';
import { actorJson, documented, erasureJson, noContent, usageJson } from '../responses.js';
import type { RoutePlugin } from './context.js';

const createTokenBody = z
  .strictObject({
    name: z.string().trim().min(1).max(100).optional(),
    scopes: z.array(z.enum(SHOP_SCOPES)).min(1, 'give at least one scope').max(SHOP_SCOPES.length),
  })
  .meta({ examples: [{ name: 'CRM read-only', scopes: ['tickets:read', 'audit:read'] }] });
const tokenIdParam = z.strictObject({ id: z.string().regex(/^tok_[A-Za-z0-9]{1,40}$/) });
const auditQuery = z
  .strictObject({
    since: z.iso.datetime({ offset: true }).optional(),
    kind: z
      .string()
      .regex(/^[a-z_]{1,40}$/)
      .optional(),
    ticketId: z
      .string()
      .regex(/^tkt_[A-Za-z0-9]{1,40}$/)
      .optional(),
    cursor: z
      .string()
      .regex(/^\d{1,18}$/)
      .optional(),
    limit: z.coerce.number().int().min(1).max(200).optional(),
  })
  .meta({ examples: [{ kind: 'decision', since: '2026-11-01T00:00:00Z', limit: 50 }] });
const buyerParam = z.strictObject({ buyerId: z.string().min(1).max(200) });

const tokenJson = z.object({
  id: z.string(),
  name: z.string().nullable(),
  scopes: z.array(z.enum(SHOP_SCOPES)),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});
const mintedToken = z
  .object({
    id: z.string(),
    token: z.string().meta({ description: 'shown once; only its hash is stored' }),
    scopes: z.array(z.enum(SHOP_SCOPES)),
    name: z.string().optional(),
  })
  .meta({ description: 'the new token' });
const auditPage = z
  .object({
    entries: z.array(
      z.object({
        at: z.string(),
        kind: z.string(),
        actor: actorJson,
        ticketId: z.string().optional(),
        details: z.unknown(),
      }),
    ),
    nextCursor: z.string().nullable(),
  })
  .meta({ description: 'newest first; pass `nextCursor` as `cursor` for the next page' });
const autoSendState = z.object({ autoSendPaused: z.boolean() }).meta({ description: 'the new state' });
const emptyBody = z
  .strictObject({})
  .nullish()
  .meta({ examples: [{}] });

/** What a shop governs about itself: tokens, audit, usage, buyer erasure, auto-send pause, diagnostics. */
export const governanceRoutes: RoutePlugin = async (app, ctx) => {
  app.post(
    '/v1/tokens',
    {
      preHandler: app.requireScope('tokens:write'),
      schema: {
        summary: 'Mint a token with a subset of the caller’s scopes',
        description: 'A token cannot grant a scope it lacks: 403 `forbidden` with `details.missing`.',
        tags: ['governance'],
        body: createTokenBody,
        response: { 201: mintedToken },
      },
    },
    async (request, reply) => {
      const body = parse(createTokenBody, request.body, 'token');
      const principal = request.principal!;
      const missing = body.scopes.filter((s) => !principal.scopes.includes(s));
      if (missing.length) {
        throw new AppError(
          'forbidden',
          `a token cannot grant scopes it does not have: ${missing.join(', ')}`,
          403,
          { missing },
        );
      }
      const scopes = [...new Set(body.scopes)];
      const { id, token } = await createApiToken(ctx.db, {
        shopId: principal.shopId,
        name: body.name,
        scopes,
      });
      await recordAudit(ctx.db, {
        shopId: principal.shopId,
        kind: 'token_created',
        actor: apiActor(request),
        details: { tokenId: id, scopes, name: body.name },
      });
      return reply
        .code(201)
        .send(documented(mintedToken, { id, token, scopes, ...(body.name ? { name: body.name } : {}) }));
    },
  );

  app.get(
    '/v1/tokens',
    {
      preHandler: app.requireScope('tokens:write'),
      schema: {
        summary: 'The shop’s tokens, without their secrets',
        tags: ['governance'],
        response: {
          200: z
            .object({ tokens: z.array(tokenJson) })
            .meta({ description: 'every token, revoked ones too' }),
        },
      },
    },
    async (request) => {
      const rows = await listApiTokens(ctx.db, request.principal!.shopId);
      return {
        tokens: rows.map((r) => ({
          id: r.id,
          name: r.name,
          scopes: r.scopes,
          createdAt: r.createdAt.toISOString(),
          revokedAt: r.revokedAt?.toISOString() ?? null,
        })),
      };
    },
  );

  app.delete(
    '/v1/tokens/:id',
    {
      preHandler: app.requireScope('tokens:write'),
      schema: {
        summary: 'Revoke a token (401 for it afterwards)',
        description:
          'A token cannot revoke one holding scopes it lacks: 403 `forbidden` with `details.missing`.',
        tags: ['governance'],
        params: tokenIdParam,
        response: { 204: noContent },
        errors: { 404: ['token_not_found'] },
      },
    },
    async (request, reply) => {
      const params = tokenIdParam.safeParse(request.params);
      if (!params.success) throw new AppError('token_not_found', 'no such token', 404);
      const shopId = request.principal!.shopId;
      // A token cannot revoke one that holds scopes it lacks (no climbing by removing a stronger token).
      const targetScopes = await findActiveTokenScopes(ctx.db, shopId, params.data.id);
      if (!targetScopes) throw new AppError('token_not_found', 'no such active token in this shop', 404);
      const missing = targetScopes.filter((s) => !request.principal!.scopes.includes(s));
      if (missing.length) {
        throw new AppError(
          'forbidden',
          `a token cannot revoke a token with scopes it does not have: ${missing.join(', ')}`,
          403,
          { missing },
        );
      }
      if (!(await revokeApiToken(ctx.db, shopId, params.data.id)))
        throw new AppError('token_not_found', 'no such active token in this shop', 404);
      await recordAudit(ctx.db, {
        shopId,
        kind: 'token_revoked',
        actor: apiActor(request),
        details: { tokenId: params.data.id },
      });
      return reply.code(204).send();
    },
  );

  app.get(
    '/v1/audit',
    {
      preHandler: app.requireScope('audit:read'),
      schema: {
        summary: 'The append-only audit log',
        description:
          'Decisions, category corrections, sends, auto-sends, overrides, tokens, plan changes, pauses, roles, erasures and consent changes.',
        tags: ['governance'],
        querystring: auditQuery,
        response: { 200: auditPage },
      },
    },
    async (request) => {
      const query = parse(auditQuery, request.query, 'query');
      const page = await listAudit(ctx.db, request.principal!.shopId, {
        since: query.since ? new Date(query.since) : undefined,
        kind: query.kind,
        ticketId: query.ticketId,
        cursor: query.cursor ? Number(query.cursor) : undefined,
        limit: query.limit ?? 50,
      });
      return {
        entries: page.entries.map((e) => ({
          at: e.at.toISOString(),
          kind: e.kind,
          actor: e.actor,
          ...(e.ticketId ? { ticketId: e.ticketId } : {}),
          details: e.details,
        })),
        nextCursor: page.nextCursor,
      };
    },
  );

  app.get(
    '/v1/usage',
    {
      preHandler: app.requireScope('tickets:read'),
      schema: {
        summary: 'Calls today and this month’s meters',
        tags: ['governance'],
        response: { 200: usageJson },
      },
    },
    async (request) => documented(usageJson, await usageSummary(ctx.db, request.principal!.shopId)),
  );

  app.delete(
    '/v1/buyers/:buyerId',
    {
      preHandler: app.requireScope('settings:write'),
      schema: {
        summary: 'Erase a buyer everywhere, Temporal histories included',
        description:
          'The buyer’s open tickets are closed first (nothing erased is ever sent); every table is erased or pseudonymised (rows and counts stay), posted cards are edited, and the buyer’s ticket histories are deleted from Temporal. docs/SECURITY.md.',
        tags: ['governance'],
        params: buyerParam,
        response: { 200: erasureJson },
        errors: { 400: ['validation_failed'] },
      },
    },
    async (request) => {
      const { buyerId } = parse(buyerParam, request.params, 'path');
      return documented(
        erasureJson,
        await ctx.erasure.eraseBuyer(request.principal!.shopId, buyerId, apiActor(request)),
      );
    },
  );

  for (const [path, paused] of [
    ['/v1/auto-send/pause', true],
    ['/v1/auto-send/resume', false],
  ] as const) {
    // The same action as `/pause` and `/resume` in Telegram, which need a role that may manage.
    const schema = {
      summary: paused ? 'Pause auto-send (every reply waits for a human)' : 'Resume auto-send',
      tags: ['governance'],
      body: emptyBody,
      response: { 200: autoSendState },
    };
    app.post(path, { preHandler: app.requireScope(SCOPE_FOR_ACTION.manage), schema }, async (request) => {
      // No fields are defined; an unknown one is a mistake worth a 400 rather than silence.
      parse(emptyBody, request.body, 'body');
      const shopId = request.principal!.shopId;
      await setAutoSendPaused(ctx.db, shopId, paused, `api:${request.principal!.tokenId}`);
      await recordAudit(ctx.db, {
        shopId,
        kind: paused ? 'auto_send_paused' : 'auto_send_resumed',
        actor: apiActor(request),
      });
      return documented(autoSendState, { autoSendPaused: paused });
    });
  }
};
