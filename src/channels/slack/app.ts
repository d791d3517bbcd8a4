import { App, type Logger as BoltLogger, ErrorCode, LogLevel, SocketModeReceiver } from '@slack/bolt';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import type { ReplyRenderer } from '../../domain/reply/index.js';
import type { SellerLanguage } from '../../domain/shop/seller-language.js';
import type { Metrics } from '../../observability/metrics.js';
import { slackTexts } from './blocks.js';
import type { SlackListenerDeps } from './deps.js';
import { register as registerActions } from './listeners/actions.js';
import { register as registerCommands } from './listeners/commands.js';
import { register as registerEvents } from './listeners/events.js';
import { register as registerViews } from './listeners/views.js';
import { FastifySlackReceiver } from './receiver.js';
import { buildShipmentNotice } from './shipment-blocks.js';
import { createTokenCipher, type TokenCipher } from './token-cipher.js';
import { createSlackWorkspaces, type SlackWorkspaces } from './workspaces.js';

/** Credentials and endpoints of the Slack app (`SLACK_*`, docs/OPERATIONS.md); bot tokens come per workspace. */
export interface SlackAppOptions {
  signingSecret: string;
  /** SLACK_API_URL: the Web API base (tests point it at a local fake). */
  apiUrl: string;
  /** Receiver knobs for tests: ack timeout and clock. */
  ackTimeoutMs?: number;
  nowMs?: () => number;
}

/** The Bolt app with its Fastify receiver; `register(server)` mounts `POST /slack/events`. */
export interface SlackApp {
  bolt: App;
  receiver: FastifySlackReceiver;
  register(server: FastifyInstance): void;
}

/** The Bolt app on a Socket Mode connection: `start()` opens it, `stop()` closes it. */
export interface SlackSocketApp {
  bolt: App;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Bolt's logger interface over the process's pino logger. */
function boltLogger(logger: Logger): BoltLogger {
  let level: LogLevel = LogLevel.INFO;
  const line = (args: unknown[]) =>
    args
      .map((a) => (a instanceof Error ? a.message : typeof a === 'string' ? a : JSON.stringify(a)))
      .join(' ');
  return {
    debug: (...args: unknown[]) => logger.debug(line(args)),
    info: (...args: unknown[]) => logger.info(line(args)),
    warn: (...args: unknown[]) => logger.warn(line(args)),
    error: (...args: unknown[]) => logger.error(line(args)),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}

/**
 * Builds the Slack app: Bolt with the in-server receiver, the bot token of the request's
 * workspace from `authorize` (its OAuth installation, else SLACK_BOT_TOKEN; no `auth.test` at
 * start-up, so a Slack outage never stops the process), the Web API at `apiUrl`, and the listeners
 * by kind (actions, views, commands).
 */
export function createSlackApp(deps: SlackListenerDeps, options: SlackAppOptions): SlackApp {
  const logger = deps.logger;
  const receiver = new FastifySlackReceiver({
    signingSecret: options.signingSecret,
    logger,
    ...(options.ackTimeoutMs !== undefined ? { ackTimeoutMs: options.ackTimeoutMs } : {}),
    ...(options.nowMs ? { nowMs: options.nowMs } : {}),
  });
  const bolt = boltApp(receiver, deps, options);
  return { bolt, receiver, register: (server) => receiver.register(server) };
}

/** Bolt with the workspace's bot token from `authorize`, the Web API at `apiUrl` and every listener kind. */
function boltApp(
  receiver: FastifySlackReceiver | SocketModeReceiver,
  deps: SlackListenerDeps,
  options: { apiUrl: string },
): App {
  const bolt = new App({
    receiver,
    authorize: async (source) => {
      const botToken = await deps.workspaces.botTokenFor(source.teamId);
      if (!botToken) throw new Error('this Slack workspace has not installed sellerdesk');
      return { botToken, ...(source.teamId ? { teamId: source.teamId } : {}) };
    },
    logger: boltLogger(deps.logger),
    clientOptions: {
      slackApiUrl: options.apiUrl,
      timeout: 8000,
      // Listener calls happen after ack(): a 429 is waited out (Retry-After), errors retried briefly.
      rejectRateLimitedCalls: false,
      retryConfig: { retries: 2, factor: 2, minTimeout: 300, maxTimeout: 2000, randomize: true },
    },
  });
  // A request from a workspace without sellerdesk installed is acknowledged and ignored (no 500).
  bolt.error(async (error) => {
    if (error.code === ErrorCode.AuthorizationError) {
      deps.logger.warn('Slack request from a workspace without sellerdesk installed; ignored');
      return;
    }
    deps.logger.error({ err: { message: error.message, code: error.code } }, 'Slack listener failed');
    throw error;
  });
  registerActions(bolt, deps);
  registerViews(bolt, deps);
  registerCommands(bolt, deps);
  registerEvents(bolt, deps);
  return bolt;
}

/**
 * The same app over Socket Mode (SLACK_APP_TOKEN): Slack delivers actions, views and commands on
 * a WebSocket the app opens (`apps.connections.open` at `apiUrl`), so no public URL and no signing
 * secret are needed; the socket reconnects by itself.
 */
export function createSlackSocketApp(
  deps: SlackListenerDeps,
  options: { appToken: string; apiUrl: string },
): SlackSocketApp {
  const receiver = new SocketModeReceiver({
    appToken: options.appToken,
    logger: boltLogger(deps.logger),
    // Only the Web API base is used from here: no OAuth installer is configured.
    installerOptions: { clientOptions: { slackApiUrl: options.apiUrl } },
  });
  const bolt = boltApp(receiver, deps, options);
  return {
    bolt,
    start: async () => {
      await bolt.start();
    },
    stop: async () => {
      await bolt.stop();
    },
  };
}

/**
 * Mounts the Slack app on the API server (before it listens) when SLACK_SIGNING_SECRET is set with
 * SLACK_BOT_TOKEN or the OAuth variables; returns undefined when Slack is off or runs over Socket
 * Mode.
 */
export function mountSlack(
  server: FastifyInstance,
  config: Pick<Config, 'SLACK_BOT_TOKEN' | 'SLACK_SIGNING_SECRET' | 'SLACK_API_URL'> &
    Partial<Pick<Config, 'SLACK_APP_TOKEN' | 'SLACK_CLIENT_ID'>>,
  deps: SlackListenerDeps,
): SlackApp | undefined {
  if (!config.SLACK_SIGNING_SECRET || config.SLACK_APP_TOKEN) return undefined;
  if (!config.SLACK_BOT_TOKEN && !config.SLACK_CLIENT_ID) return undefined;
  const slack = createSlackApp(deps, {
    signingSecret: config.SLACK_SIGNING_SECRET,
    apiUrl: config.SLACK_API_URL,
  });
  slack.register(server);
  return slack;
}

/** A shipment escalation as the shipment watch hands it over (structurally its `SupportNotice`). */
export interface ShipmentNotice {
  shopId: string;
  orderId: string;
  trackingNumber: string;
  reason: string;
  text: string;
  /** The shop's seller language (the notice's labels); English when absent. */
  language?: SellerLanguage | undefined;
}

/**
 * Posts shipment escalations to the shop's own support channel (its workspace's token); false
 * (never a throw) when the shop has no Slack or Slack cannot take it, so the caller falls back to
 * the seller's Telegram chats.
 */
export function createSupportNotifier(
  workspaces: SlackWorkspaces,
  renderer: Pick<ReplyRenderer, 't'>,
  logger?: Logger,
) {
  return async (notice: ShipmentNotice): Promise<boolean> => {
    try {
      const shopSlack = await workspaces.forShop(notice.shopId);
      if (!shopSlack?.channel) return false;
      const texts = slackTexts(renderer, notice.language ?? 'en');
      await shopSlack.cards.postMessage(shopSlack.channel, buildShipmentNotice(texts, notice));
      return true;
    } catch (error) {
      logger?.warn(
        { orderId: notice.orderId, err: { message: (error as Error).message } },
        'Slack shipment notice failed; falling back to Telegram',
      );
      return false;
    }
  };
}

/** The token cipher for OAuth installations; undefined without SLACK_STATE_SECRET (OAuth off). */
export function slackTokenCipher(config: Pick<Config, 'SLACK_STATE_SECRET'>): TokenCipher | undefined {
  return config.SLACK_STATE_SECRET ? createTokenCipher(config.SLACK_STATE_SECRET) : undefined;
}

/**
 * The shops' workspaces from the configuration: OAuth installations (with SLACK_CLIENT_ID and its
 * pair) and the environment's single workspace (SLACK_BOT_TOKEN, SLACK_SUPPORT_CHANNEL); undefined
 * when Slack is off.
 */
export function slackWorkspaces(
  db: Db,
  config: Pick<
    Config,
    'SLACK_BOT_TOKEN' | 'SLACK_API_URL' | 'SLACK_SUPPORT_CHANNEL' | 'SLACK_CLIENT_ID' | 'SLACK_STATE_SECRET'
  >,
  logger?: Logger,
  metrics?: Metrics,
): SlackWorkspaces | undefined {
  if (!config.SLACK_BOT_TOKEN && !config.SLACK_CLIENT_ID) return undefined;
  return createSlackWorkspaces({
    db,
    apiUrl: config.SLACK_API_URL,
    environment: config.SLACK_BOT_TOKEN
      ? { botToken: config.SLACK_BOT_TOKEN, channel: config.SLACK_SUPPORT_CHANNEL }
      : undefined,
    cipher: config.SLACK_CLIENT_ID ? slackTokenCipher(config) : undefined,
    logger,
    cardsOptions: {
      onError: (method) => metrics?.channelErrors.inc({ channel: 'slack', operation: method }),
    },
  });
}

/**
 * The Slack part of the worker's ActivityDeps: the shops' workspaces and the shipment notifier;
 * empty when Slack is off.
 */
export function slackActivityDeps(
  db: Db,
  config: Pick<
    Config,
    'SLACK_BOT_TOKEN' | 'SLACK_API_URL' | 'SLACK_SUPPORT_CHANNEL' | 'SLACK_CLIENT_ID' | 'SLACK_STATE_SECRET'
  >,
  renderer: Pick<ReplyRenderer, 't'>,
  logger?: Logger,
  metrics?: Metrics,
): {
  slack?: SlackWorkspaces;
  notifySupport?: (notice: ShipmentNotice) => Promise<boolean>;
} {
  const workspaces = slackWorkspaces(db, config, logger, metrics);
  if (!workspaces) return {};
  return { slack: workspaces, notifySupport: createSupportNotifier(workspaces, renderer, logger) };
}
