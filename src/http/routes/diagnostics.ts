import { z } from 'zod';
import { countPendingByShop } from '../../db/pending-repo.js';
import { countLinkedChats, SHOP_SCOPES } from '../../db/shops-repo.js';
import { lastBuyerMessageAt } from '../../db/tickets-repo.js';
import { usageSummary } from '../../db/usage-repo.js';
import { documented } from '../responses.js';
import type { RoutePlugin } from './context.js';

const diagnosticsJson = z
  .object({
    ok: z.boolean().meta({ description: 'every check passed (Slack aside)' }),
    checks: z.array(
      z.object({ check: z.string(), ok: z.boolean(), message: z.string(), fix: z.string().optional() }),
    ),
  })
  .meta({
    description: 'token scopes, quota, database, Temporal, Telegram, Slack, waiting tickets, last message',
  });

/**
 * `GET /v1/diagnostics` (scope `tickets:read`): each check (token scopes, quota, database,
 * Temporal, Telegram, Slack, waiting tickets, last buyer message) with `ok`, a message and a fix.
 */
export const diagnosticsRoutes: RoutePlugin = async (app, ctx) => {
  app.get(
    '/v1/diagnostics',
    {
      preHandler: app.requireScope('tickets:read'),
      schema: {
        summary: 'What is configured and reachable for this shop, each with a fix',
        tags: ['health'],
        response: { 200: diagnosticsJson },
      },
    },
    async (request) => {
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
      const linked = await countLinkedChats(ctx.db, shopId);
      checks.push({
        check: 'telegram',
        ok: Boolean(ctx.telegram) && linked > 0,
        message: ctx.telegram ? `${linked} linked chat(s)` : 'Telegram is off on this server',
        ...(ctx.telegram && linked > 0
          ? {}
          : {
              fix: ctx.telegram
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
      const [pending] = await countPendingByShop(ctx.db, [shopId]);
      const oldestHours = pending ? (Date.now() - pending.oldestCreatedAt.getTime()) / 3_600_000 : 0;
      checks.push({
        check: 'pending_tickets',
        ok: oldestHours < 24,
        message: `${pending ? pending.awaitingSeller + pending.escalated : 0} waiting${pending ? `, oldest ${oldestHours.toFixed(1)} h` : ''}`,
        ...(oldestHours < 24
          ? {}
          : { fix: 'decide the oldest tickets (`/pending` in Telegram or `sellerdesk tickets list`)' }),
      });
      const last = await lastBuyerMessageAt(ctx.db, shopId);
      checks.push({
        check: 'last_message',
        ok: true,
        message: last ? `last buyer message at ${last.toISOString()}` : 'no buyer message yet',
      });
      return documented(diagnosticsJson, { ok: checks.every((c) => c.ok || c.check === 'slack'), checks });
    },
  );
};
