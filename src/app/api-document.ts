import type { FastifyInstance } from 'fastify';
import { Bot } from 'grammy';
import { createSlackOAuth } from '../channels/slack/oauth.js';
import { FastifySlackReceiver } from '../channels/slack/receiver.js';
import { createServer, type ServerDeps } from '../http/server.js';
import { createLogger } from '../observability/logger.js';
import { createMetrics } from '../observability/metrics.js';

/**
 * A stand-in for a service the document never calls: reading a property gives another stand-in,
 * calling one throws, so building the routes works and serving a request through them cannot.
 */
function inert<T>(name: string): T {
  const fail = () => {
    throw new Error(`${name} is not available: this server only describes the API`);
  };
  return new Proxy(fail, {
    get: (_target, property) => (property === 'then' ? undefined : inert(`${name}.${String(property)}`)),
    apply: fail,
    construct: fail,
  }) as T;
}

/**
 * The HTTP server with every optional route mounted (Telegram webhook, Slack events and OAuth),
 * built from the same `createServer`, receiver and OAuth registration as the running service but
 * over stand-in services: what the OpenAPI document (`npm run openapi`, docs/openapi.json) and the
 * API tests describe. It never listens.
 */
export function createDocumentedServer(): FastifyInstance {
  const logger = createLogger('silent');
  const slack: ServerDeps['slack'] = {
    oauth: { installLink: inert('slack.oauth.installLink') },
    environmentAvailable: true,
    bindingOf: inert('slack.bindingOf'),
  };
  const server = createServer({
    db: inert('db'),
    tickets: inert('tickets'),
    logger,
    metrics: createMetrics(),
    adminToken: 'documentation-only-admin-token',
    metricsToken: 'documentation-only-metrics-token',
    telegram: { bot: new Bot('0:documentation-only'), webhookSecret: 'documentation-only' },
    dbPing: inert('dbPing'),
    temporalHealthy: inert('temporalHealthy'),
    temporal: inert('temporal'),
    taskQueue: 'documentation-only',
    templates: inert('templates'),
    slackEnabled: true,
    slack,
  });
  new FastifySlackReceiver({ signingSecret: 'documentation-only', logger }).register(server);
  createSlackOAuth({
    db: inert('db'),
    clientId: 'documentation-only',
    clientSecret: 'documentation-only',
    stateSecret: 'documentation-only-state-secret-0123456789',
    publicUrl: 'https://sellerdesk.invalid',
    apiUrl: 'https://slack.invalid/api/',
    cipher: inert('cipher'),
    logger,
  }).register(server);
  return server;
}

/** The OpenAPI 3.1 document of the API, generated from the routes' zod schemas. */
export async function generateApiDocument(): Promise<Record<string, unknown>> {
  const server = createDocumentedServer();
  try {
    await server.ready();
    return server.swagger() as unknown as Record<string, unknown>;
  } finally {
    await server.close();
  }
}

/** Where `npm run openapi` writes the document (committed; a test checks it is current). */
export const API_DOCUMENT_FILE = 'docs/openapi.json';

/** JSON with two-space indentation, lists of plain values on one line (enums, `required`). */
function formatJson(value: unknown, indent = ''): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.every((item) => item === null || typeof item !== 'object')) return JSON.stringify(value);
    return `[\n${value.map((item) => inner + formatJson(item, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value).filter(([, item]) => item !== undefined);
  if (entries.length === 0) return '{}';
  const lines = entries.map(([key, item]) => `${inner}${JSON.stringify(key)}: ${formatJson(item, inner)}`);
  return `{\n${lines.join(',\n')}\n${indent}}`;
}

/** The document as committed: formatted JSON and a final newline. */
export async function apiDocumentText(): Promise<string> {
  return `${formatJson(await generateApiDocument())}\n`;
}
