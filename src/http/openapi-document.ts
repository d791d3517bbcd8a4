import { z } from 'zod';
import { SHOP_SCOPES } from '../db/shops-repo.js';
import { LANGUAGES } from '../domain/types.js';

/** The document's introduction; the prose behind it is docs/API.md. */
export const API_DESCRIPTION = [
  'The HTTP API of sellerdesk: buyer messages in, drafted replies out, the seller decides.',
  '',
  'Every error is `{"error": {"code", "message", "details"?}}` with a 4xx/5xx status; each response',
  'below lists the codes it can carry. Unknown fields are refused (400 `unknown_fields`), bodies over',
  '256 KiB get 413. Shop routes take a shop token (`Authorization: Bearer sd_...`) holding the scope',
  'named in their security requirement; each call counts against the shop’s daily quota (429',
  '`quota_exceeded` with `Retry-After`). Behaviour (idempotency, delivery signatures, scopes, chat',
  'actions, erasure): docs/API.md in the repository.',
].join('\n');

/** One tag per route plugin, in the order the reference page shows them. */
export const API_TAGS = [
  { name: 'tickets', description: 'Buyer messages, tickets, decisions and category corrections' },
  { name: 'logistics', description: 'Tracking events and shipment watches' },
  { name: 'listings', description: 'Listing validation and the shop’s own dictionary' },
  { name: 'settings', description: 'The shop’s settings and reply templates' },
  { name: 'governance', description: 'Tokens, audit log, usage, buyer erasure, auto-send pause' },
  { name: 'team', description: 'Members, roles and Telegram link codes' },
  { name: 'slack', description: 'The shop’s Slack workspace; Slack’s own requests' },
  { name: 'telegram', description: 'Telegram’s webhook' },
  { name: 'admin', description: 'The operator: shops, plans, limits (ADMIN_TOKEN)' },
  { name: 'health', description: 'Health, diagnostics and Prometheus metrics' },
  { name: 'docs', description: 'This document' },
];

/** How callers prove who they are; routes name one in their security requirement. */
export const SECURITY_SCHEMES = {
  shopToken: {
    type: 'http',
    scheme: 'bearer',
    description: `A shop API token (\`sd_...\`, shown once, stored hashed). A route's requirement names the scope it needs, one of: ${SHOP_SCOPES.join(', ')}. The token from \`POST /v1/admin/shops\` holds them all; \`POST /v1/tokens\` mints narrower ones.`,
  },
  adminToken: {
    type: 'http',
    scheme: 'bearer',
    description:
      'The operator: `ADMIN_TOKEN` (unset: the admin API answers 404 `admin_api_disabled`), or the local control token of `DATA_DIR/control.json`, accepted only from a loopback peer.',
  },
  metricsToken: {
    type: 'http',
    scheme: 'bearer',
    description: '`METRICS_TOKEN`, required by `GET /metrics` when it is set.',
  },
  telegramSecret: {
    type: 'apiKey',
    in: 'header',
    name: 'X-Telegram-Bot-Api-Secret-Token',
    description: 'Telegram sends `TELEGRAM_WEBHOOK_SECRET` with every update (compared in constant time).',
  },
  slackSignature: {
    type: 'apiKey',
    in: 'header',
    name: 'X-Slack-Signature',
    description:
      '`v0=<hex HMAC-SHA256 of "v0:<X-Slack-Request-Timestamp>:<raw body>" with SLACK_SIGNING_SECRET>`.',
  },
  slackTimestamp: {
    type: 'apiKey',
    in: 'header',
    name: 'X-Slack-Request-Timestamp',
    description: 'Unix seconds; a request more than 5 minutes from the server clock is refused (401).',
  },
} as const;

/** The body sellerdesk POSTs to a shop's reply receiver (`DeliveryPayload` in src/db/schema/deliveries.ts). */
const deliveryPayload = z
  .object({
    shopId: z.string().meta({ description: 'the tenant: one receiver may serve several shops' }),
    ticketId: z.string(),
    orderId: z.string(),
    buyerId: z.string(),
    language: z.enum(LANGUAGES),
    text: z.string().meta({ description: 'the reply to post to the buyer' }),
    coupon: z.object({ code: z.string(), value: z.number(), currency: z.string() }).optional(),
    idempotencyKey: z.string().meta({ description: '`<ticketId>:<revision>`: dedupe on it' }),
  })
  .meta({
    examples: [
      {
        shopId: 'shop_8Jm2kQ',
        ticketId: 'tkt_4fQx9a',
        orderId: '8123',
        buyerId: 'b1',
        language: 'es',
        text: 'Hola, su paquete está en camino y llegará esta semana.',
        idempotencyKey: 'tkt_4fQx9a:1',
      },
    ],
  });

/**
 * The reply delivery sellerdesk makes (OpenAPI 3.1 `webhooks`): exactly once per `(ticketId,
 * revision)`, signed with `X-Sellerdesk-Signature`.
 */
export function outboundReplyWebhook() {
  const { $schema: _, ...schema } = z.toJSONSchema(deliveryPayload, { target: 'draft-2020-12' });
  return {
    reply: {
      post: {
        summary: 'An approved or auto-sent reply, delivered to the shop’s receiver',
        description: [
          'POSTed to the shop’s `outbound.url` (else `OUTBOUND_URL`) with a 10 s timeout, no redirects',
          'followed. `X-Sellerdesk-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`',
          'with the shop’s `outbound.secret` (else `OUTBOUND_SECRET`): check it on the raw bytes before',
          'parsing and refuse a `t` more than 300 s from your clock. Answer 2xx once stored (409 counts',
          'as "already have it"); anything else, or a timeout, is retried with exponential backoff',
          '(2 s up to 5 min) for 24 h under the same `idempotencyKey`.',
        ].join('\n'),
        parameters: [
          {
            name: 'X-Sellerdesk-Signature',
            in: 'header',
            required: true,
            schema: { type: 'string', pattern: '^t=\\d+,v1=[0-9a-f]{64}$' },
          },
          { name: 'Idempotency-Key', in: 'header', required: true, schema: { type: 'string' } },
        ],
        requestBody: { required: true, content: { 'application/json': { schema } } },
        responses: {
          '200': { description: 'stored (any 2xx)' },
          '409': { description: 'already stored under this idempotency key: not retried' },
        },
      },
    },
  };
}
