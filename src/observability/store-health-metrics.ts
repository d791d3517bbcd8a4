import { Gauge } from 'prom-client';
import type { StoreHealth } from '../app/store-health.js';
import type { Metrics } from './metrics.js';

/** Days of store health the `sellerdesk_store_*` gauges cover (the console's 30-day period). */
export const STORE_HEALTH_WINDOW_DAYS = 30;

type LabelValues = Record<string, string>;

/**
 * Adds the `sellerdesk_store_*` gauges to `/metrics`: the store-health figures of every shop over
 * the last {@link STORE_HEALTH_WINDOW_DAYS} days, read with the same queries as the daily digest
 * and the console's dashboard (`readStoreHealth`), at scrape time, at most once per `cacheMs`; a
 * failed read leaves the gauges empty.
 */
export function registerStoreHealth(
  metrics: Metrics,
  read: (period: { from: Date; to: Date }) => Promise<StoreHealth>,
  options: { cacheMs?: number; now?: () => number } = {},
): void {
  const cacheMs = options.cacheMs ?? 60_000;
  const now = options.now ?? Date.now;
  let cached: { at: number; health: Promise<StoreHealth | undefined> } | undefined;
  const health = (): Promise<StoreHealth | undefined> => {
    if (!cached || now() - cached.at > cacheMs) {
      const to = new Date(now());
      const from = new Date(to.getTime() - STORE_HEALTH_WINDOW_DAYS * 86_400_000);
      cached = { at: now(), health: read({ from, to }).catch(() => undefined) };
    }
    return cached.health;
  };
  const window = `over the last ${STORE_HEALTH_WINDOW_DAYS} days, all shops`;
  const stalledNow = 'now, all shops (not windowed)';
  const gauge = (
    name: string,
    help: string,
    labelNames: string[],
    values: (h: StoreHealth) => Array<[LabelValues, number]>,
  ) =>
    new Gauge({
      name,
      help,
      labelNames,
      registers: [metrics.registry],
      async collect() {
        this.reset();
        const figures = await health();
        if (!figures) return;
        for (const [labels, value] of values(figures)) this.set(labels, value);
      },
    });
  gauge('sellerdesk_store_messages', `Buyer messages received ${window}`, [], (h) => [
    [{}, h.messagesByDay.reduce((sum, d) => sum + d.messages, 0)],
  ]);
  gauge(
    'sellerdesk_store_first_response_median_minutes',
    `Median minutes from a ticket to the seller’s decision, for tickets created ${window}`,
    [],
    (h) => (h.firstResponse.median === null ? [] : [[{}, h.firstResponse.median]]),
  );
  gauge(
    'sellerdesk_store_funnel_tickets',
    `Tickets created ${window}, per approval-funnel stage (received, drafted, approved, edited, rejected, escalated, auto_sent, delivered)`,
    ['stage'],
    (h) => [
      [{ stage: 'received' }, h.funnel.received],
      [{ stage: 'drafted' }, h.funnel.drafted],
      [{ stage: 'approved' }, h.funnel.approved],
      [{ stage: 'edited' }, h.funnel.edited],
      [{ stage: 'rejected' }, h.funnel.rejected],
      [{ stage: 'escalated' }, h.funnel.escalated],
      [{ stage: 'auto_sent' }, h.funnel.autoSent],
      [{ stage: 'delivered' }, h.funnel.delivered],
    ],
  );
  gauge(
    'sellerdesk_store_tickets',
    `Tickets created ${window}, by category and language`,
    ['category', 'language'],
    (h) =>
      h.ticketsByCategoryLanguage.map((r) => [
        { category: r.category ?? 'unclassified', language: r.language ?? 'unknown' },
        r.tickets,
      ]),
  );
  gauge(
    'sellerdesk_store_not_as_described_disputes',
    `Not-as-described complaints tied to a listing ${window}, by buyer language`,
    ['language'],
    (h) => {
      const byLanguage = new Map<string, number>();
      for (const r of h.notAsDescribedByListing) {
        const language = r.language ?? 'unknown';
        byLanguage.set(language, (byLanguage.get(language) ?? 0) + r.disputes);
      }
      return [...byLanguage].map(([language, n]) => [{ language }, n]);
    },
  );
  gauge(
    'sellerdesk_store_sla_breaches',
    `SLA breaches ${window}: reminders, escalations for no answer in time and for a near dispute deadline`,
    ['kind'],
    (h) => [
      [{ kind: 'reminder' }, h.sla.reminders],
      [{ kind: 'escalated_no_answer' }, h.sla.escalatedNoAnswer],
      [{ kind: 'escalated_dispute_near' }, h.sla.escalatedDisputeNear],
    ],
  );
  gauge(
    'sellerdesk_store_stalled_shipments',
    `Parcels stalled ${stalledNow}, by carrier and leg`,
    ['carrier', 'leg'],
    (h) => h.stalledShipments.map((r) => [{ carrier: r.carrier, leg: r.leg ?? 'unknown' }, r.shipments]),
  );
  gauge(
    'sellerdesk_store_coupons_granted',
    `Stall coupons granted ${window}, by currency`,
    ['currency'],
    (h) => h.couponsGranted.map((r) => [{ currency: r.currency }, r.coupons]),
  );
  gauge(
    'sellerdesk_store_listing_findings',
    `Findings of listing validations completed ${window}, by kind`,
    ['kind'],
    (h) => h.listingFindings.byKind.map((r) => [{ kind: r.kind }, r.findings]),
  );
}
