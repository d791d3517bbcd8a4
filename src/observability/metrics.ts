import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** Seconds from an approval card to the seller's decision: one second to a week. */
export const APPROVAL_BUCKETS = [
  1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600, 7200, 14_400, 43_200, 86_400, 259_200, 604_800,
];

/** Seconds from a buyer message to its approval card (the figure `npm run bench` measures). */
export const INGEST_TO_CARD_BUCKETS = [0.05, 0.1, 0.2, 0.3, 0.5, 1, 2, 5, 10, 30, 60];

/** Prometheus metrics of one process, exposed at `GET /metrics`. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'sellerdesk_process_' });
  return {
    registry,
    httpRequests: new Counter({
      name: 'sellerdesk_http_requests_total',
      help: 'HTTP requests by route and status',
      labelNames: ['route', 'method', 'status'] as const,
      registers: [registry],
    }),
    httpSeconds: new Histogram({
      name: 'sellerdesk_http_request_seconds',
      help: 'HTTP request latency',
      labelNames: ['route', 'method'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    messagesIngested: new Counter({
      name: 'sellerdesk_messages_ingested_total',
      help: 'Buyer messages accepted, by outcome (new_ticket, joined, duplicate)',
      labelNames: ['outcome'] as const,
      registers: [registry],
    }),
    intakeDispatched: new Counter({
      name: 'sellerdesk_intake_dispatched_total',
      help: 'Outbox rows handed to Temporal, by outcome (delivered, rehomed, dropped, retry)',
      labelNames: ['outcome'] as const,
      registers: [registry],
    }),
    intakeRefused: new Counter({
      name: 'sellerdesk_intake_refused_total',
      help: 'Buyer messages refused with 503 because the stored backlog reached INTAKE_BACKLOG_LIMIT',
      registers: [registry],
    }),
    classificationSeconds: new Histogram({
      name: 'sellerdesk_classification_seconds',
      help: 'Time to classify a ticket (language, intent, urgency)',
      buckets: [0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5],
      registers: [registry],
    }),
    ingestToCardSeconds: new Histogram({
      name: 'sellerdesk_ingest_to_card_seconds',
      help: "Time from a ticket's first buyer message to its first approval card in a chat",
      labelNames: ['channel'] as const,
      buckets: INGEST_TO_CARD_BUCKETS,
      registers: [registry],
    }),
    approvalSeconds: new Histogram({
      name: 'sellerdesk_approval_seconds',
      help: 'Time from the approval request to the decision, by action and channel (api, telegram, slack, system)',
      labelNames: ['action', 'channel'] as const,
      buckets: APPROVAL_BUCKETS,
      registers: [registry],
    }),
    decisions: new Counter({
      name: 'sellerdesk_decisions_total',
      help: 'Seller decisions by action and channel',
      labelNames: ['action', 'channel'] as const,
      registers: [registry],
    }),
    deliveries: new Counter({
      name: 'sellerdesk_deliveries_total',
      help: 'Reply delivery attempts by target and result',
      labelNames: ['target', 'result'] as const,
      registers: [registry],
    }),
    channelErrors: new Counter({
      name: 'sellerdesk_channel_errors_total',
      help: 'Chat API calls (cards, edits, answers) that failed after their retries, by channel and operation',
      labelNames: ['channel', 'operation'] as const,
      registers: [registry],
    }),
  };
}

/** The metric set passed to HTTP handlers and activities. */
export type Metrics = ReturnType<typeof createMetrics>;

/**
 * Records one decision's approval latency (`sellerdesk_approval_seconds`); call it where the
 * decision is stored, with when approval was requested. Clock skew never yields a negative value.
 */
export function observeApproval(
  metrics: Metrics | undefined,
  input: {
    action: string;
    channel: string;
    requestedAt: Date | string | number;
    decidedAt: Date | string | number;
  },
): void {
  if (!metrics) return;
  const seconds = (new Date(input.decidedAt).getTime() - new Date(input.requestedAt).getTime()) / 1000;
  if (!Number.isFinite(seconds)) return;
  metrics.approvalSeconds.observe({ action: input.action, channel: input.channel }, Math.max(0, seconds));
}
