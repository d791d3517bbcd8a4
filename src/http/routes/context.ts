import type { Client } from '@temporalio/client';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { ErasureService } from '../../app/erasure-service.js';
import type { TicketService } from '../../app/ticket-service.js';
import type { Db } from '../../db/client.js';
import type { Catalogue, LocaleResources, ReplyRenderer } from '../../domain/reply/index.js';
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

/** What a feature's routes get from the server: storage, Temporal and the scope guard. */
export interface RouteContext {
  db: Db;
  temporal: Client;
  taskQueue: string;
  tickets: TicketService;
  /** Erases a buyer everywhere (`DELETE /v1/buyers/:buyerId`). */
  erasure: ErasureService;
  logger: Logger;
  metrics: Metrics;
  /** preHandler that authenticates a shop token with `scope`; sets `request.principal`. */
  requireScope: (scope: string) => (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  /** preHandler for `/v1/admin/*`: ADMIN_TOKEN or the local control token. */
  requireAdmin: (request: FastifyRequest) => Promise<void>;
  telegramEnabled: boolean;
  slackEnabled: boolean;
  /** Per-shop Slack workspace setup; undefined when Slack is off. */
  slack?: SlackSetupPort | undefined;
  temporalHealthy: () => Promise<boolean>;
  /** Hours a Telegram link code stays valid (undefined: the default, 24). */
  linkCodeTtlHours?: number | undefined;
  /** Reply catalogue, texts and renderer (template routes). */
  templates: { catalogue: Catalogue; resources: LocaleResources; renderer: ReplyRenderer };
}

/** One feature's routes, registered by the server. */
export type RouteModule = (app: FastifyInstance, ctx: RouteContext) => void;
