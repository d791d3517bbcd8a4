import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Installation, type InstallationStore, InstallProvider, LogLevel } from '@slack/oauth';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Config } from '../../config.js';
import { recordAudit } from '../../db/audit-repo.js';
import type { Db } from '../../db/client.js';
import { getShop } from '../../db/shops-repo.js';
import {
  bindShop,
  createInstallLink,
  deleteInstallation,
  findInstallation,
  saveInstallation,
  useInstallLink,
} from '../../db/slack-repo.js';
import type { TokenCipher } from './token-cipher.js';

/** The bot scopes sellerdesk asks a workspace for: post cards, answer `/sellerdesk`. */
export const SLACK_BOT_SCOPES = ['chat:write', 'commands'] as const;
/** Added only when the owner asks for it: post into public channels the bot was not invited to. */
export const SLACK_PUBLIC_SCOPE = 'chat:write.public';

/** Where the owner's browser starts the install (with a one-time link from `GET /v1/slack/install`). */
export const SLACK_INSTALL_PATH = '/slack/install';
/** Where Slack sends the browser back with `code` and `state`. */
export const SLACK_OAUTH_REDIRECT_PATH = '/slack/oauth_redirect';

/** How long an install link from `GET /v1/slack/install` stays valid. */
export const INSTALL_LINK_SECONDS = 10 * 60;

/** Options of the OAuth install flow (SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET, PUBLIC_URL). */
export interface SlackOAuthOptions {
  db: Db;
  clientId: string;
  clientSecret: string;
  stateSecret: string;
  publicUrl: string;
  apiUrl: string;
  cipher: TokenCipher;
  logger: Logger;
  /** Slack's authorize page (tests keep the default; nothing calls it server-side). */
  authorizationUrl?: string;
  nowMs?: () => number;
}

/** The install flow a shop owner runs: a one-time install link, Slack's consent page, the callback. */
export interface SlackOAuth {
  /** A one-time install link bound to the shop, valid {@link INSTALL_LINK_SECONDS}. */
  installLink(
    shopId: string,
    options?: { publicChannels?: boolean },
  ): Promise<{ url: string; expiresAt: Date }>;
  /** Adds `GET /slack/install` and `GET /slack/oauth_redirect` to the server. */
  register(server: FastifyInstance): void;
}

/** An HTML page for the owner's browser, as the OpenAPI document shows it. */
const htmlPage = (description: string) => ({ description, content: { 'text/html': { schema: z.string() } } });

/** `GET /slack/install` and `GET /slack/oauth_redirect` in the OpenAPI document: browser steps. */
const INSTALL_SCHEMA = {
  summary: 'Start installing sellerdesk in a Slack workspace (the owner’s browser)',
  description:
    'Opened from the one-time link of `GET /v1/slack/install`: sets Bolt’s state cookie and redirects to Slack’s consent page with a signed `state` naming the shop.',
  tags: ['slack'],
  security: [],
  querystring: z
    .looseObject({ link: z.string().optional().meta({ description: 'the one-time link id (`sil_...`)' }) })
    .meta({ examples: [{ link: 'sil_0123456789abcdefghijAB' }] }),
  response: {
    302: z.null().meta({ description: 'to Slack’s consent page' }),
    400: htmlPage('the link is unknown, used or expired'),
    500: htmlPage('the installation is unavailable; try again'),
  },
};
const CALLBACK_SCHEMA = {
  summary: 'Slack sends the owner’s browser back here after consent',
  description:
    'A missing, forged, expired or foreign `state` (not the browser session that started the install) is refused with nothing stored; otherwise the code is exchanged with `oauth.v2.access`, the bot token stored encrypted and the shop bound to the workspace.',
  tags: ['slack'],
  security: [],
  querystring: z
    .looseObject({ code: z.string().optional(), state: z.string().optional(), error: z.string().optional() })
    .meta({ examples: [{ code: '1234.5678.abcd', state: 'eyJ...' }] }),
  response: {
    200: htmlPage('installed: choose the support channel with `PUT /v1/slack`'),
    400: htmlPage('the installation could not be completed'),
    500: htmlPage('the installation is unavailable; try again'),
  },
};

interface InstallMetadata {
  shopId: string;
}

/** Bolt's logger interface over pino; never given tokens (Bolt logs errors and URLs only). */
function oauthLogger(logger: Logger) {
  const line = (args: unknown[]) => args.map((a) => (a instanceof Error ? a.message : String(a))).join(' ');
  return {
    debug: (...args: unknown[]) => logger.debug(line(args)),
    info: (...args: unknown[]) => logger.info(line(args)),
    warn: (...args: unknown[]) => logger.warn(line(args)),
    error: (...args: unknown[]) => logger.error(line(args)),
    setLevel: () => undefined,
    getLevel: () => LogLevel.INFO,
    setName: () => undefined,
  };
}

function page(res: ServerResponse, status: number, title: string, text: string) {
  const html = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(
    `<!doctype html><meta charset="utf-8"><title>${html(title)}</title><h1>${html(title)}</h1><p>${html(text)}</p>`,
  );
}

function parseMetadata(raw: string | undefined): InstallMetadata | undefined {
  if (!raw) return undefined;
  try {
    const parsed = JSON.parse(raw) as Partial<InstallMetadata>;
    return typeof parsed.shopId === 'string' ? { shopId: parsed.shopId } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Per-shop Slack workspaces through Bolt's standard OAuth flow (`InstallProvider`): the owner's
 * browser opens the install link (one-time, bound to the shop, 10 minutes), which sets Bolt's
 * state cookie and redirects to Slack's consent page with a signed `state` (ClearStateStore,
 * SLACK_STATE_SECRET) carrying the shop id; the callback checks the state against the cookie,
 * exchanges the code with `oauth.v2.access`, stores the installation with its bot token encrypted
 * and binds the shop to that workspace. Bad, missing, expired or foreign states are refused.
 */
export function createSlackOAuth(options: SlackOAuthOptions): SlackOAuth {
  const { db, cipher, logger } = options;
  const now = options.nowMs ?? Date.now;
  const base = options.publicUrl.replace(/\/$/, '');
  const redirectUri = `${base}${SLACK_OAUTH_REDIRECT_PATH}`;

  const installationStore: InstallationStore = {
    async storeInstallation(installation: Installation) {
      const teamId = installation.team?.id;
      const token = installation.bot?.token;
      const metadata = parseMetadata(installation.metadata);
      if (!teamId || !token || installation.isEnterpriseInstall) {
        throw new Error('sellerdesk installs into one workspace with a bot token');
      }
      if (!metadata || !(await getShop(db, metadata.shopId)))
        throw new Error('the install is not bound to a shop');
      await saveInstallation(db, {
        teamId,
        teamName: installation.team?.name,
        appId: installation.appId,
        botUserId: installation.bot?.userId,
        botId: installation.bot?.id,
        botTokenEncrypted: cipher.seal(token),
        scopes: (installation.bot?.scopes ?? []).join(','),
        installedBy: installation.user?.id,
      });
      await bindShop(db, metadata.shopId, { via: 'oauth', teamId });
      await recordAudit(db, {
        shopId: metadata.shopId,
        kind: 'slack_installed',
        actor: { channel: 'slack', id: installation.user?.id ?? 'unknown' },
        details: {
          teamId,
          teamName: installation.team?.name ?? null,
          scopes: installation.bot?.scopes ?? [],
        },
      });
      logger.info({ shopId: metadata.shopId, teamId }, 'Slack workspace installed for a shop');
    },
    async fetchInstallation(query) {
      const teamId = query.teamId;
      const row = teamId ? await findInstallation(db, teamId) : null;
      if (!row) throw new Error('no installation for this workspace');
      return {
        team: { id: row.teamId, ...(row.teamName ? { name: row.teamName } : {}) },
        enterprise: undefined,
        user: { id: row.installedBy ?? '', token: undefined, scopes: undefined },
        bot: {
          id: row.botId ?? '',
          userId: row.botUserId ?? '',
          token: cipher.open(row.botTokenEncrypted),
          scopes: row.scopes ? row.scopes.split(',') : [],
        },
        isEnterpriseInstall: false,
      } as Installation;
    },
    async deleteInstallation(query) {
      if (query.teamId) await deleteInstallation(db, query.teamId);
    },
  };

  const installer = new InstallProvider({
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    stateSecret: options.stateSecret,
    stateVerification: true,
    installationStore,
    directInstall: true,
    logger: oauthLogger(logger),
    ...(options.authorizationUrl ? { authorizationUrl: options.authorizationUrl } : {}),
    clientOptions: { slackApiUrl: options.apiUrl, timeout: 8000, retryConfig: { retries: 1 } },
  });

  async function install(req: IncomingMessage, res: ServerResponse, link: string) {
    const used = /^sil_[A-Za-z0-9]{20,64}$/.test(link)
      ? await useInstallLink(db, link, new Date(now()))
      : null;
    const shop = used ? await getShop(db, used.shopId) : null;
    if (!used || !shop) {
      logger.warn('Slack install link refused: unknown, used or expired');
      return page(
        res,
        400,
        'Install link invalid',
        'This install link is unknown, used or expired. Ask for a new one.',
      );
    }
    const scopes: string[] = [...SLACK_BOT_SCOPES, ...(used.publicChannels ? [SLACK_PUBLIC_SCOPE] : [])];
    await installer.handleInstallPath(req, res, undefined, {
      scopes,
      redirectUri,
      metadata: JSON.stringify({ shopId: shop.id } satisfies InstallMetadata),
    });
  }

  async function callback(req: IncomingMessage, res: ServerResponse) {
    await installer.handleCallback(req, res, {
      success: (installation) => {
        page(
          res,
          200,
          'sellerdesk is installed',
          `sellerdesk is installed in ${installation.team?.name ?? 'your workspace'}. Choose the support channel with PUT /v1/slack.`,
        );
      },
      failure: (error) => {
        logger.warn({ code: (error as { code?: string }).code }, 'Slack OAuth callback refused');
        page(
          res,
          400,
          'Installation failed',
          'The installation could not be completed (missing, invalid or expired state, or Slack refused the code). Start again from a new install link.',
        );
      },
    });
  }

  return {
    async installLink(shopId, linkOptions = {}) {
      const expiresAt = new Date(now() + INSTALL_LINK_SECONDS * 1000);
      const id = await createInstallLink(db, shopId, linkOptions.publicChannels ?? false, expiresAt);
      return { url: `${base}${SLACK_INSTALL_PATH}?link=${id}`, expiresAt };
    },
    register(server) {
      // In a plugin, so the routes register in order with the rest (and reach the API document).
      void server.register(async (scope) => {
        // The schemas document the browser steps (docs/openapi.json); they check nothing.
        scope.setValidatorCompiler(() => (data) => ({ value: data }));
        scope.setSerializerCompiler(() => (data) => JSON.stringify(data));
        scope.get(SLACK_INSTALL_PATH, { schema: INSTALL_SCHEMA }, async (request, reply) => {
          const link = (request.query as Record<string, unknown>)?.link;
          reply.hijack();
          try {
            await install(request.raw, reply.raw, typeof link === 'string' ? link : '');
          } catch (error) {
            logger.error({ err: { message: (error as Error).message } }, 'Slack install path failed');
            if (!reply.raw.headersSent)
              page(reply.raw, 500, 'Installation unavailable', 'Try again in a moment.');
          }
        });
        scope.get(SLACK_OAUTH_REDIRECT_PATH, { schema: CALLBACK_SCHEMA }, async (request, reply) => {
          reply.hijack();
          try {
            await callback(request.raw, reply.raw);
          } catch (error) {
            logger.error({ err: { message: (error as Error).message } }, 'Slack OAuth callback failed');
            if (!reply.raw.headersSent)
              page(reply.raw, 500, 'Installation unavailable', 'Try again in a moment.');
          }
        });
      });
    },
  };
}

/**
 * The OAuth install flow when the configuration has all it needs (SLACK_CLIENT_ID, its secret,
 * SLACK_STATE_SECRET and PUBLIC_URL, and Slack on); undefined otherwise.
 */
export function slackOAuthFromConfig(
  db: Db,
  config: Pick<
    Config,
    'SLACK_CLIENT_ID' | 'SLACK_CLIENT_SECRET' | 'SLACK_STATE_SECRET' | 'PUBLIC_URL' | 'SLACK_API_URL'
  >,
  enabled: { workspaces: unknown; cipher: TokenCipher | undefined },
  logger: Logger,
): SlackOAuth | undefined {
  const { cipher } = enabled;
  if (!enabled.workspaces || !cipher) return undefined;
  const { SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET, PUBLIC_URL } = config;
  if (!SLACK_CLIENT_ID || !SLACK_CLIENT_SECRET || !SLACK_STATE_SECRET || !PUBLIC_URL) return undefined;
  return createSlackOAuth({
    db,
    clientId: SLACK_CLIENT_ID,
    clientSecret: SLACK_CLIENT_SECRET,
    stateSecret: SLACK_STATE_SECRET,
    publicUrl: PUBLIC_URL,
    apiUrl: config.SLACK_API_URL,
    cipher,
    logger,
  });
}
