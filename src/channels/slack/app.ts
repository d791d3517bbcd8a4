import { App, type Logger as BoltLogger, LogLevel, SocketModeReceiver } from '@slack/bolt';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from '../../config.js';
import type { Metrics } from '../../observability/metrics.js';
import { buildShipmentNotice } from './blocks.js';
import type { SlackListenerDeps } from './deps.js';
import { register as registerActions } from './listeners/actions.js';
import { register as registerCommands } from './listeners/commands.js';
import { register as registerViews } from './listeners/views.js';
import { createSlackCards, createSlackWebClient, type SlackCards } from './notifier.js';
import { FastifySlackReceiver } from './receiver.js';

/** Credentials and endpoints of the Slack app (CONTRACT §1 `SLACK_*`). */
export interface SlackAppOptions {
  botToken: string;
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
 * Builds the Slack app: Bolt with the in-server receiver, the bot token from `authorize` (no
 * `auth.test` at start-up, so a Slack outage never stops the process), the Web API at `apiUrl`,
 * and the listeners by kind (actions, views, commands).
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

/** Bolt with the bot token from `authorize`, the Web API at `apiUrl` and every listener kind. */
function boltApp(
  receiver: FastifySlackReceiver | SocketModeReceiver,
  deps: SlackListenerDeps,
  options: { botToken: string; apiUrl: string },
): App {
  const bolt = new App({
    receiver,
    authorize: async () => ({ botToken: options.botToken }),
    logger: boltLogger(deps.logger),
    clientOptions: {
      slackApiUrl: options.apiUrl,
      timeout: 8000,
      // Listener calls happen after ack(): a 429 is waited out (Retry-After), errors retried briefly.
      rejectRateLimitedCalls: false,
      retryConfig: { retries: 2, factor: 2, minTimeout: 300, maxTimeout: 2000, randomize: true },
    },
  });
  registerActions(bolt, deps);
  registerViews(bolt, deps);
  registerCommands(bolt, deps);
  return bolt;
}

/**
 * The same app over Socket Mode (SLACK_APP_TOKEN): Slack delivers actions, views and commands on
 * a WebSocket the app opens (`apps.connections.open` at `apiUrl`), so no public URL and no signing
 * secret are needed; the socket reconnects by itself.
 */
export function createSlackSocketApp(
  deps: SlackListenerDeps,
  options: { botToken: string; appToken: string; apiUrl: string },
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
 * Mounts the Slack app on the API server (before it listens) when SLACK_BOT_TOKEN and
 * SLACK_SIGNING_SECRET are set; returns undefined when Slack is off or runs over Socket Mode.
 */
export function mountSlack(
  server: FastifyInstance,
  config: Pick<Config, 'SLACK_BOT_TOKEN' | 'SLACK_SIGNING_SECRET' | 'SLACK_API_URL'> &
    Partial<Pick<Config, 'SLACK_APP_TOKEN'>>,
  deps: SlackListenerDeps,
): SlackApp | undefined {
  if (!config.SLACK_BOT_TOKEN || !config.SLACK_SIGNING_SECRET || config.SLACK_APP_TOKEN) return undefined;
  const slack = createSlackApp(deps, {
    botToken: config.SLACK_BOT_TOKEN,
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
}

/**
 * Posts shipment escalations to the support channel; false (never a throw) when Slack cannot take
 * it, so the caller falls back to the seller's Telegram chats.
 */
export function createSupportNotifier(cards: SlackCards, channel: string, logger?: Logger) {
  return async (notice: ShipmentNotice): Promise<boolean> => {
    try {
      await cards.postMessage(channel, buildShipmentNotice(notice));
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

/**
 * The Slack part of the worker's ActivityDeps: the cards port, the support channel and the
 * shipment notifier; empty when Slack is off (and no channel, no notifier).
 */
export function slackActivityDeps(
  config: Pick<Config, 'SLACK_BOT_TOKEN' | 'SLACK_API_URL' | 'SLACK_SUPPORT_CHANNEL'>,
  logger?: Logger,
  metrics?: Metrics,
): {
  slack?: SlackCards;
  slackChannel?: string;
  notifySupport?: (notice: ShipmentNotice) => Promise<boolean>;
} {
  if (!config.SLACK_BOT_TOKEN) return {};
  const slack = createSlackCards(createSlackWebClient(config.SLACK_BOT_TOKEN, config.SLACK_API_URL), {
    onError: (method) => metrics?.channelErrors.inc({ channel: 'slack', operation: method }),
  });
  const channel = config.SLACK_SUPPORT_CHANNEL;
  if (!channel) return { slack };
  return { slack, slackChannel: channel, notifySupport: createSupportNotifier(slack, channel, logger) };
}
