import { z } from 'zod';
import { AppError } from '../../app/errors.js';
import { recordAudit } from '../../db/audit-repo.js';
import { getShop } from '../../db/shops-repo.js';
import { bindShop, findInstallation, setBindingChannel, unbindShop } from '../../db/slack-repo.js';
import { SCOPE_FOR_ACTION } from '../../domain/shop/roles.js';
import { apiActor } from '../auth.js';
import { parse } from '../parse.js';
import { documented, noContent } from '../responses.js';
import type { RoutePlugin, SlackSetupPort } from './context.js';

const adminShopParam = z.strictObject({ shopId: z.string().min(1).max(64) });

const installQuery = z
  .strictObject({ publicChannels: z.enum(['true', 'false']).optional() })
  .meta({ examples: [{ publicChannels: 'false' }] });

/** `PUT /v1/slack` body: opt in to the environment's workspace and/or pick the support channel. */
export const slackSetupBody = z
  .strictObject({
    workspace: z.literal('environment').optional(),
    channel: z
      .string()
      .regex(/^[CG][A-Z0-9]{2,30}$/, 'must be a Slack channel id such as C0123ABCD (not a #name)')
      .optional(),
  })
  .refine((b) => b.workspace !== undefined || b.channel !== undefined, {
    message: 'give workspace and/or channel',
  })
  .meta({ examples: [{ channel: 'C0123ABCD' }, { workspace: 'environment', channel: 'C0123ABCD' }] });

const slackJson = z
  .object({
    workspace: z
      .object({
        via: z.enum(['oauth', 'environment', 'off']),
        teamId: z.string().nullable(),
        teamName: z.string().nullable(),
        channel: z.string().nullable(),
      })
      .nullable(),
    oauthAvailable: z.boolean().meta({ description: 'per-shop installs are on (SLACK_CLIENT_ID...)' }),
    environmentAvailable: z
      .boolean()
      .meta({ description: 'the server has its own workspace (SLACK_BOT_TOKEN)' }),
  })
  .meta({ description: 'the shop’s workspace and support channel' });
const installLink = z
  .object({ url: z.string(), expiresAt: z.string() })
  .meta({ description: 'a one-time install link for the shop owner’s browser (10 minutes)' });

/** Answered by every `/v1/slack` route while Slack is off on the server. */
const SLACK_OFF = ['slack_disabled'];

/** `/v1/slack`: a shop's own Slack workspace (OAuth install or the environment's) and support channel. */
export const slackRoutes: RoutePlugin = async (app, ctx) => {
  const setup = (): SlackSetupPort => {
    if (!ctx.slack)
      throw new AppError(
        'slack_disabled',
        'Slack is off on this server (set SLACK_*; docs/OPERATIONS.md)',
        404,
      );
    return ctx.slack;
  };

  async function present(shopId: string) {
    const slack = setup();
    const binding = await slack.bindingOf(shopId);
    const installation =
      binding?.via === 'oauth' && binding.teamId ? await findInstallation(ctx.db, binding.teamId) : null;
    return documented(slackJson, {
      workspace: binding
        ? {
            via: binding.via,
            teamId: binding.teamId,
            teamName: installation?.teamName ?? null,
            channel: binding.channelId,
          }
        : null,
      oauthAvailable: Boolean(slack.oauth),
      environmentAvailable: slack.environmentAvailable,
    });
  }

  app.get(
    '/v1/slack',
    {
      preHandler: app.requireScope(SCOPE_FOR_ACTION.view),
      schema: {
        summary: 'The shop’s Slack workspace and support channel',
        tags: ['slack'],
        response: { 200: slackJson },
        errors: { 404: SLACK_OFF },
      },
    },
    async (request) => present(request.principal!.shopId),
  );

  app.get(
    '/v1/slack/install',
    {
      preHandler: app.requireScope(SCOPE_FOR_ACTION.manage),
      schema: {
        summary: 'A one-time link installing sellerdesk in the shop’s own Slack workspace',
        description:
          'Opened in the owner’s browser it runs Slack’s OAuth consent (scopes `chat:write`, `commands`; `publicChannels=true` adds `chat:write.public`) and binds the shop to that workspace.',
        tags: ['slack'],
        querystring: installQuery,
        response: { 200: installLink },
        errors: { 404: [...SLACK_OFF, 'slack_oauth_disabled'] },
      },
    },
    async (request) => {
      const query = parse(installQuery, request.query, 'query');
      const oauth = setup().oauth;
      if (!oauth) {
        throw new AppError(
          'slack_oauth_disabled',
          'per-shop Slack installs are off: set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET and PUBLIC_URL',
          404,
        );
      }
      const link = await oauth.installLink(request.principal!.shopId, {
        publicChannels: query.publicChannels === 'true',
      });
      return documented(installLink, { url: link.url, expiresAt: link.expiresAt.toISOString() });
    },
  );

  /** Binds a shop to a workspace and/or channel; `operator` is the ADMIN_TOKEN (or local control) caller. */
  async function configure(
    shopId: string,
    body: z.infer<typeof slackSetupBody>,
    actor: { channel: string; id: string },
    operator: boolean,
  ) {
    const slack = setup();
    const binding = await slack.bindingOf(shopId);
    // The server's own workspace is shared by every shop that uses it: a shop choosing it (or a
    // channel in it) could read the cards of another shop posted there, so only the operator binds.
    if (!operator && (body.workspace === 'environment' || binding?.via === 'environment')) {
      throw new AppError(
        'admin_required',
        "the server's own Slack workspace is shared between shops; the operator binds a shop to it with PUT /v1/admin/shops/:shopId/slack (ADMIN_TOKEN)",
        403,
      );
    }
    if (body.workspace === 'environment' && !slack.environmentAvailable) {
      throw new AppError(
        'slack_environment_disabled',
        'this server has no SLACK_BOT_TOKEN workspace to opt in to',
        400,
      );
    }
    if (body.channel !== undefined && !body.workspace && !binding) {
      throw new AppError(
        'slack_not_installed',
        'install sellerdesk in your workspace first (GET /v1/slack/install) or opt in to the environment workspace',
        409,
      );
    }
    if (body.workspace === 'environment') await bindShop(ctx.db, shopId, { via: 'environment' });
    if (body.channel !== undefined) await setBindingChannel(ctx.db, shopId, body.channel);
    await recordAudit(ctx.db, {
      shopId,
      kind: 'slack_configured',
      actor,
      details: {
        ...(body.workspace ? { workspace: body.workspace } : {}),
        ...(body.channel ? { channel: body.channel } : {}),
      },
    });
    return present(shopId);
  }

  app.put(
    '/v1/slack',
    {
      preHandler: app.requireScope(SCOPE_FOR_ACTION.manage),
      schema: {
        summary: 'Pick the shop’s support channel (invite the bot there)',
        description:
          'Only the operator binds a shop to the server’s own workspace, which is shared between shops (403 `admin_required`).',
        tags: ['slack'],
        body: slackSetupBody,
        response: { 200: slackJson },
        errors: {
          400: ['slack_environment_disabled'],
          403: ['admin_required'],
          404: SLACK_OFF,
          409: ['slack_not_installed'],
        },
      },
    },
    async (request) => {
      const body = parse(slackSetupBody, request.body, 'slack');
      return configure(request.principal!.shopId, body, apiActor(request), false);
    },
  );

  app.put(
    '/v1/admin/shops/:shopId/slack',
    {
      preHandler: app.requireAdmin,
      schema: {
        summary: 'Bind a shop to the server’s own Slack workspace, or set its channel there',
        tags: ['admin'],
        params: adminShopParam,
        body: slackSetupBody,
        response: { 200: slackJson },
        errors: {
          400: ['slack_environment_disabled'],
          404: [...SLACK_OFF, 'shop_not_found'],
          409: ['slack_not_installed'],
        },
      },
    },
    async (request) => {
      const { shopId } = parse(adminShopParam, request.params, 'path');
      const body = parse(slackSetupBody, request.body, 'slack');
      if (!(await getShop(ctx.db, shopId))) throw new AppError('shop_not_found', `no shop ${shopId}`, 404);
      return configure(shopId, body, { channel: 'admin', id: 'admin' }, true);
    },
  );

  app.delete(
    '/v1/slack',
    {
      preHandler: app.requireScope(SCOPE_FOR_ACTION.manage),
      schema: {
        summary: 'Turn Slack off for the shop',
        tags: ['slack'],
        response: { 204: noContent },
        errors: { 404: [...SLACK_OFF, 'slack_not_installed'] },
      },
    },
    async (request, reply) => {
      setup();
      const shopId = request.principal!.shopId;
      if (!(await unbindShop(ctx.db, shopId))) {
        throw new AppError('slack_not_installed', 'this shop has no Slack workspace', 404);
      }
      await recordAudit(ctx.db, {
        shopId,
        kind: 'slack_configured',
        actor: apiActor(request),
        details: { workspace: 'off' },
      });
      return reply.code(204).send();
    },
  );
};
