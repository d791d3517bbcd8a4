import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

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
      help: 'Outbox rows handed to Temporal, by outcome (started, started_eagerly, delivered, rehomed, dropped, retry)',
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
    categoryCorrections: new Counter({
      name: 'sellerdesk_category_corrections_total',
      help: 'Category corrections by sellers, by the category they corrected away from, language and channel',
      labelNames: ['category', 'language', 'channel'] as const,
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

/** Tickets and seller-corrected tickets per category (as classified) and language, over a window. */
export interface CorrectionRateRow {
  category: string;
  language: string;
  tickets: number;
  corrected: number;
}

/** Days of tickets the correction-rate gauges cover. */
export const CORRECTION_RATE_WINDOW_DAYS = 30;

/**
 * Adds the correction-rate gauges to `/metrics`: per category (the classifier's) and language,
 * the share of buyer tickets of the last {@link CORRECTION_RATE_WINDOW_DAYS} days whose category a
 * seller corrected, and both counts. Read from the database at scrape time (any process serves
 * the same figures), at most once per `cacheMs`; a failed read leaves the gauges empty.
 */
export function registerCorrectionRates(
  metrics: Metrics,
  read: (window: { from: Date; to: Date }) => Promise<CorrectionRateRow[]>,
  options: { cacheMs?: number; now?: () => number } = {},
): void {
  const cacheMs = options.cacheMs ?? 60_000;
  const now = options.now ?? Date.now;
  let cached: { at: number; rows: Promise<CorrectionRateRow[]> } | undefined;
  const rows = (): Promise<CorrectionRateRow[]> => {
    if (!cached || now() - cached.at > cacheMs) {
      const to = new Date(now());
      const from = new Date(to.getTime() - CORRECTION_RATE_WINDOW_DAYS * 86_400_000);
      cached = { at: now(), rows: read({ from, to }).catch(() => []) };
    }
    return cached.rows;
  };
  const labelNames = ['category', 'language'] as const;
  const gauge = (name: string, help: string, value: (row: CorrectionRateRow) => number) =>
    new Gauge({
      name,
      help,
      labelNames,
      registers: [metrics.registry],
      async collect() {
        this.reset();
        for (const row of await rows()) {
          this.set({ category: row.category, language: row.language }, value(row));
        }
      },
    });
  gauge(
    'sellerdesk_category_correction_rate',
    `Share of buyer tickets of the last ${CORRECTION_RATE_WINDOW_DAYS} days whose category a seller corrected, by the category they were classified in and language`,
    (row) => (row.tickets === 0 ? 0 : row.corrected / row.tickets),
  );
  gauge(
    'sellerdesk_category_corrected_tickets',
    `Buyer tickets of the last ${CORRECTION_RATE_WINDOW_DAYS} days whose category a seller corrected, by the category they were classified in and language`,
    (row) => row.corrected,
  );
  gauge(
    'sellerdesk_classified_tickets',
    `Buyer tickets of the last ${CORRECTION_RATE_WINDOW_DAYS} days, by the category they were classified in and language`,
    (row) => row.tickets,
  );
}

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
