import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../../app/errors.js';
import { listAudit, recordAudit } from '../../db/audit-repo.js';
import { hashToken, newId, newSecretToken } from '../../db/ids.js';
import {
  apiTokens,
  buyerMessages,
  shopFlags,
  shops,
  teamMembers,
  telegramChats,
  tickets,
} from '../../db/schema/index.js';
import { SHOP_SCOPES, setAutoSendPaused } from '../../db/shops-repo.js';
import { usageSummary } from '../../db/usage-repo.js';
import { PLANS } from '../../domain/shop/plans.js';
import { ROLES, SCOPE_FOR_ACTION } from '../../domain/shop/roles.js';
import { parse } from '../parse.js';
import type { RouteModule } from './context.js';

const createTokenBody = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  scopes: z.array(z.enum(SHOP_SCOPES)).min(1, 'give at least one scope').max(SHOP_SCOPES.length),
});
const tokenIdParam = z.strictObject({ id: z.string().regex(/^tok_[A-Za-z0-9]{1,40}$/) });
const auditQuery = z.strictObject({
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
});
const buyerParam = z.strictObject({ buyerId: z.string().min(1).max(200) });
const adminShopParam = z.strictObject({ shopId: z.string().regex(/^shop_[A-Za-z0-9]{1,40}$/) });
const adminShopBody = z.strictObject({
  plan: z.enum(PLANS).optional(),
  dailyApiLimit: z.number().int().min(1).max(10_000_000).nullable().optional(),
});
const roleParam = z.strictObject({
  channel: z.enum(['telegram', 'slack']),
  userId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
});
const roleBody = z.strictObject({
  role: z.enum(ROLES),
  name: z.string().max(100).optional(),
});

/** Tokens, audit, usage, erasure, auto-send pause, team roles, plans and diagnostics. */
export const governanceRoutes: RouteModule = (app, ctx) => {
  const actorOf = (request: { principal?: { tokenId: string } }) => ({
    channel: 'api',
    id: request.principal!.tokenId,
  });

  app.post('/v1/tokens', { preHandler: ctx.requireScope('tokens:write') }, async (request, reply) => {
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
    const token = newSecretToken('sd');
    const id = newId('tok');
    const scopes = [...new Set(body.scopes)];
    await ctx.db
      .insert(apiTokens)
      .values({ id, shopId: principal.shopId, name: body.name ?? null, tokenHash: hashToken(token), scopes });
    await recordAudit(ctx.db, {
      shopId: principal.shopId,
      kind: 'token_created',
      actor: actorOf(request),
      details: { tokenId: id, scopes, name: body.name },
    });
    return reply.code(201).send({ id, token, scopes, ...(body.name ? { name: body.name } : {}) });
  });

  app.get('/v1/tokens', { preHandler: ctx.requireScope('tokens:write') }, async (request) => {
    const rows = await ctx.db
      .select({
        id: apiTokens.id,
        name: apiTokens.name,
        scopes: apiTokens.scopes,
        createdAt: apiTokens.createdAt,
        revokedAt: apiTokens.revokedAt,
      })
      .from(apiTokens)
      .where(eq(apiTokens.shopId, request.principal!.shopId))
      .orderBy(asc(apiTokens.createdAt));
    return {
      tokens: rows.map((r) => ({
        id: r.id,
        name: r.name,
        scopes: r.scopes,
        createdAt: r.createdAt.toISOString(),
        revokedAt: r.revokedAt?.toISOString() ?? null,
      })),
    };
  });

  app.delete('/v1/tokens/:id', { preHandler: ctx.requireScope('tokens:write') }, async (request, reply) => {
    const params = tokenIdParam.safeParse(request.params);
    if (!params.success) throw new AppError('token_not_found', 'no such token', 404);
    const shopId = request.principal!.shopId;
    // A token cannot revoke one that holds scopes it lacks (no climbing by removing a stronger token).
    const [target] = await ctx.db
      .select({ scopes: apiTokens.scopes })
      .from(apiTokens)
      .where(and(eq(apiTokens.id, params.data.id), eq(apiTokens.shopId, shopId), isNull(apiTokens.revokedAt)))
      .limit(1);
    if (!target) throw new AppError('token_not_found', 'no such active token in this shop', 404);
    const missing = target.scopes.filter((s) => !request.principal!.scopes.includes(s));
    if (missing.length) {
      throw new AppError(
        'forbidden',
        `a token cannot revoke a token with scopes it does not have: ${missing.join(', ')}`,
        403,
        { missing },
      );
    }
    const updated = await ctx.db
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.id, params.data.id), eq(apiTokens.shopId, shopId), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    if (updated.length === 0) throw new AppError('token_not_found', 'no such active token in this shop', 404);
    await recordAudit(ctx.db, {
      shopId,
      kind: 'token_revoked',
      actor: actorOf(request),
      details: { tokenId: params.data.id },
    });
    return reply.code(204).send();
  });

  app.get('/v1/audit', { preHandler: ctx.requireScope('audit:read') }, async (request) => {
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
  });

  app.get('/v1/usage', { preHandler: ctx.requireScope('tickets:read') }, async (request) =>
    usageSummary(ctx.db, request.principal!.shopId),
  );

  app.delete('/v1/buyers/:buyerId', { preHandler: ctx.requireScope('settings:write') }, async (request) => {
    const { buyerId } = parse(buyerParam, request.params, 'path');
    return ctx.erasure.eraseBuyer(request.principal!.shopId, buyerId, {
      channel: 'api',
      id: request.principal!.tokenId,
    });
  });

  const emptyBody = z.strictObject({}).nullish();
  for (const [path, paused] of [
    ['/v1/auto-send/pause', true],
    ['/v1/auto-send/resume', false],
  ] as const) {
    app.post(path, { preHandler: ctx.requireScope('settings:write') }, async (request) => {
      // No fields are defined; an unknown one is a mistake worth a 400 rather than silence.
      parse(emptyBody, request.body, 'body');
      const shopId = request.principal!.shopId;
      await setAutoSendPaused(ctx.db, shopId, paused, `api:${request.principal!.tokenId}`);
      await recordAudit(ctx.db, {
        shopId,
        kind: paused ? 'auto_send_paused' : 'auto_send_resumed',
        actor: actorOf(request),
      });
      return { autoSendPaused: paused };
    });
  }

  app.get('/v1/team', { preHandler: ctx.requireScope('tickets:read') }, async (request) => {
    const rows = await ctx.db
      .select()
      .from(teamMembers)
      .where(eq(teamMembers.shopId, request.principal!.shopId))
      .orderBy(asc(teamMembers.createdAt));
    return {
      members: rows.map((m) => ({ channel: m.channel, userId: m.userId, name: m.name, role: m.role })),
    };
  });

  app.put(
    '/v1/team/:channel/:userId',
    { preHandler: ctx.requireScope(SCOPE_FOR_ACTION.manage) },
    async (request) => {
      const params = parse(roleParam, request.params, 'path');
      const body = parse(roleBody, request.body, 'role');
      const shopId = request.principal!.shopId;
      await ctx.db
        .insert(teamMembers)
        .values({
          shopId,
          channel: params.channel,
          userId: params.userId,
          role: body.role,
          name: body.name ?? null,
        })
        .onConflictDoUpdate({
          target: [teamMembers.shopId, teamMembers.channel, teamMembers.userId],
          set: { role: body.role, ...(body.name ? { name: body.name } : {}) },
        });
      await recordAudit(ctx.db, {
        shopId,
        kind: 'role_changed',
        actor: actorOf(request),
        details: { ...params, role: body.role },
      });
      return { channel: params.channel, userId: params.userId, role: body.role };
    },
  );

  app.patch('/v1/admin/shops/:shopId', { preHandler: ctx.requireAdmin }, async (request) => {
    const { shopId } = parse(adminShopParam, request.params, 'path');
    const body = parse(adminShopBody, request.body, 'shop update');
    const [shop] = await ctx.db.select().from(shops).where(eq(shops.id, shopId)).limit(1);
    if (!shop) throw new AppError('shop_not_found', `no shop ${shopId}`, 404);
    if (body.plan && body.plan !== shop.plan) {
      await ctx.db.update(shops).set({ plan: body.plan }).where(eq(shops.id, shopId));
      await recordAudit(ctx.db, {
        shopId,
        kind: 'plan_changed',
        actor: { channel: 'admin', id: 'admin' },
        details: { from: shop.plan, to: body.plan },
      });
    }
    if (body.dailyApiLimit !== undefined) {
      await ctx.db
        .insert(shopFlags)
        .values({ shopId, dailyApiLimit: body.dailyApiLimit })
        .onConflictDoUpdate({ target: shopFlags.shopId, set: { dailyApiLimit: body.dailyApiLimit } });
    }
    return { shop: { id: shopId, plan: body.plan ?? shop.plan, dailyApiLimit: body.dailyApiLimit ?? null } };
  });

  app.get('/v1/diagnostics', { preHandler: ctx.requireScope('tickets:read') }, async (request) => {
    const principal = request.principal!;
    const shopId = principal.shopId;
    const checks: Array<{ check: string; ok: boolean; message: string; fix?: string }> = [];
    const missingScopes = SHOP_SCOPES.filter((s) => !principal.scopes.includes(s));
    checks.push({
      check: 'token_scopes',
      ok: true,
      message: `this token has ${principal.scopes.join(', ')}`,
      ...(missingScopes.length
        ? { fix: `create a token with ${missingScopes.join(', ')} for the operations that need them` }
        : {}),
    });
    const usage = await usageSummary(ctx.db, shopId);
    const quotaOk = usage.today.calls < usage.today.limit * 0.9;
    checks.push({
      check: 'quota',
      ok: quotaOk,
      message: `${usage.today.calls} of ${usage.today.limit} API calls used today`,
      ...(quotaOk ? {} : { fix: 'batch requests, or ask for the auto plan (higher limit)' }),
    });
    checks.push({ check: 'database', ok: true, message: 'reachable' });
    const temporalOk = await ctx.temporalHealthy().catch(() => false);
    checks.push({
      check: 'temporal',
      ok: temporalOk,
      message: temporalOk ? 'reachable' : 'unreachable',
      ...(temporalOk ? {} : { fix: 'check TEMPORAL_ADDRESS or restart the service' }),
    });
    const [chats] = await ctx.db
      .select({ n: count() })
      .from(telegramChats)
      .where(eq(telegramChats.shopId, shopId));
    const linked = Number(chats?.n ?? 0);
    checks.push({
      check: 'telegram',
      ok: ctx.telegramEnabled && linked > 0,
      message: ctx.telegramEnabled ? `${linked} linked chat(s)` : 'Telegram is off on this server',
      ...(ctx.telegramEnabled && linked > 0
        ? {}
        : {
            fix: ctx.telegramEnabled
              ? 'send /start <telegramLinkCode> to the bot'
              : 'set TELEGRAM_BOT_TOKEN, or decide through the API',
          }),
    });
    const slackBinding = ctx.slack ? await ctx.slack.bindingOf(shopId) : null;
    checks.push({
      check: 'slack',
      ok: true,
      message: !ctx.slackEnabled
        ? 'off'
        : slackBinding
          ? `this shop works in ${slackBinding.via === 'oauth' ? 'its own workspace' : 'the server workspace'}${slackBinding.channelId || slackBinding.via === 'environment' ? '' : ' (no support channel yet)'}`
          : 'configured, but this shop has no Slack workspace',
      ...(!ctx.slackEnabled
        ? {
            fix: 'set SLACK_BOT_TOKEN with SLACK_SIGNING_SECRET (HTTP) or SLACK_APP_TOKEN (Socket Mode) for team approvals',
          }
        : slackBinding
          ? {}
          : {
              fix: 'install sellerdesk with GET /v1/slack/install, or PUT /v1/slack {"workspace":"environment"}',
            }),
    });
    const [pending] = await ctx.db
      .select({ n: count(), oldest: sql<string | null>`min(${tickets.createdAt})` })
      .from(tickets)
      .where(and(eq(tickets.shopId, shopId), inArray(tickets.status, ['awaiting_approval', 'escalated'])));
    const oldestHours = pending?.oldest ? (Date.now() - new Date(pending.oldest).getTime()) / 3_600_000 : 0;
    checks.push({
      check: 'pending_tickets',
      ok: oldestHours < 24,
      message: `${Number(pending?.n ?? 0)} waiting${pending?.oldest ? `, oldest ${oldestHours.toFixed(1)} h` : ''}`,
      ...(oldestHours < 24
        ? {}
        : { fix: 'decide the oldest tickets (`/pending` in Telegram or `sellerdesk tickets list`)' }),
    });
    const [last] = await ctx.db
      .select({ at: buyerMessages.receivedAt })
      .from(buyerMessages)
      .where(eq(buyerMessages.shopId, shopId))
      .orderBy(desc(buyerMessages.receivedAt))
      .limit(1);
    checks.push({
      check: 'last_message',
      ok: true,
      message: last ? `last buyer message at ${last.at.toISOString()}` : 'no buyer message yet',
    });
    return { ok: checks.every((c) => c.ok || c.check === 'slack'), checks };
  });
};
