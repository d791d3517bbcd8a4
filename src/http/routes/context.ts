import type { Client } from '@temporalio/client';
import type { FastifyPluginAsync } from 'fastify';
import type { Bot } from 'grammy';
import type { Logger } from 'pino';
import type { ConsoleLinks } from '../../app/console-access.js';
import type { ErasureService } from '../../app/erasure-service.js';
import type { TicketService } from '../../app/ticket-service.js';
import type { Db } from '../../db/client.js';
import type { Catalogue, LocaleResources, ReplyRenderer } from '../../domain/reply/index.js';
import type { ConsoleTexts } from '../../i18n/console.js';
import type { Metrics } from '../../observability/metrics.js';

/** The Slack setup the `/v1/slack` routes drive; absent when Slack is off. */
export interface SlackSetupPort {
  /** The OAuth install flow (SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET); absent: off. */
  oauth?: {
    installLink(
      shopId: string,
      options?: { publicChannels?: boolean },
    ): Promise<{ url: string; expiresAt: Date }>;
  };
  /** Whether the environment's single workspace (SLACK_BOT_TOKEN) is configured. */
  environmentAvailable: boolean;
  /** The shop's effective binding (the single-shop default applied). */
  bindingOf(shopId: string): Promise<{
    via: 'oauth' | 'environment' | 'off';
    teamId: string | null;
    channelId: string | null;
  } | null>;
}

/** The console's part of the route context: links, and whether cookies need `Secure`. */
export interface ConsoleOptions {
  /** Issues sign-in links (`POST /v1/console/links`); the chats get the same issuer. */
  links: ConsoleLinks;
  /** The console's words (`locales/<lng>/console.json`, with the bot's and the listing reports'). */
  texts: ConsoleTexts;
  /** PUBLIC_URL is https: the session cookie is `Secure` (a TLS proxy in front talks plain HTTP to us). */
  secureCookies: boolean;
}

/**
 * What a route plugin gets from the server: storage, Temporal, services and integrations. Auth is
 * not here: it is the `app.requireScope(...)` and `app.requireAdmin` decorators (`../auth.ts`).
 */
export interface RouteContext {
  db: Db;
  temporal: Client;
  taskQueue: string;
  tickets: TicketService;
  /** Erases a buyer everywhere (`DELETE /v1/buyers/:buyerId`). */
  erasure: ErasureService;
  logger: Logger;
  metrics: Metrics;
  /** The Telegram bot, with the webhook secret when updates arrive by webhook; undefined: off. */
  telegram?: { bot: Bot; webhookSecret?: string | undefined } | undefined;
  slackEnabled: boolean;
  /** Per-shop Slack workspace setup; undefined when Slack is off. */
  slack?: SlackSetupPort | undefined;
  /** Round-trips the database; `/healthz` needs it. */
  dbPing: () => Promise<void>;
  /** Reports whether Temporal answers; `/healthz` and diagnostics need it. */
  temporalHealthy: () => Promise<boolean>;
  /** Bearer token `GET /metrics` requires; unset: /metrics is open. */
  metricsToken?: string | undefined;
  /** Hours a Telegram link code stays valid (undefined: the default, 24). */
  linkCodeTtlHours?: number | undefined;
  /** Reply catalogue, texts and renderer (template routes). */
  templates: { catalogue: Catalogue; resources: LocaleResources; renderer: ReplyRenderer };
  /** The seller console's sign-in links and cookie policy; undefined: no console. */
  console?: ConsoleOptions | undefined;
}

/** One area's routes: a Fastify plugin registered by the server with the route context. */
export type RoutePlugin = FastifyPluginAsync<RouteContext>;
