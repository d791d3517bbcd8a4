import type { Client } from '@temporalio/client';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { ErasureService } from '../../app/erasure-service.js';
import type { TicketService } from '../../app/ticket-service.js';
import type { Db } from '../../db/client.js';
import type { Catalogue, LocaleResources, ReplyRenderer } from '../../domain/reply.js';
import type { Metrics } from '../../observability/metrics.js';

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
  temporalHealthy: () => Promise<boolean>;
  /** Reply catalogue, texts and renderer (template routes). */
  templates: { catalogue: Catalogue; resources: LocaleResources; renderer: ReplyRenderer };
}

/** One feature's routes, registered by the server. */
export type RouteModule = (app: FastifyInstance, ctx: RouteContext) => void;
