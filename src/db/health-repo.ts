import { and, count, eq, gte, isNotNull, lt, sql } from 'drizzle-orm';
import type { Db } from './client.js';
import { coupons, decisions, shipments, tickets } from './schema/index.js';

/** Store-health figures of one shop over a period. */
export interface HealthFigures {
  tickets: number;
  byCategory: Record<string, number>;
  byLanguage: Record<string, number>;
  medianApprovalMinutes: number | null;
  autoSentShare: number;
  stalledShipments: number;
  couponsGranted: number;
}

/** Computes a shop's figures between two instants (pure SQL aggregates, no buyer text). */
export async function healthFigures(db: Db, shopId: string, from: Date, to: Date): Promise<HealthFigures> {
  const inPeriod = and(eq(tickets.shopId, shopId), gte(tickets.createdAt, from), lt(tickets.createdAt, to));
  const byCategory = await db
    .select({ key: tickets.category, n: count() })
    .from(tickets)
    .where(inPeriod)
    .groupBy(tickets.category);
  const byLanguage = await db
    .select({ key: tickets.language, n: count() })
    .from(tickets)
    .where(inPeriod)
    .groupBy(tickets.language);
  const [median] = await db
    .select({
      minutes: sql<
        number | null
      >`percentile_cont(0.5) within group (order by extract(epoch from (${decisions.decidedAt} - ${tickets.createdAt})) / 60)`,
    })
    .from(decisions)
    .innerJoin(tickets, eq(tickets.id, decisions.ticketId))
    .where(and(inPeriod, sql`${decisions.actorChannel} <> 'system'`));
  const [auto] = await db
    .select({ n: count() })
    .from(tickets)
    .where(and(inPeriod, eq(tickets.status, 'auto_sent')));
  const [stalled] = await db
    .select({ n: count() })
    .from(shipments)
    .where(and(eq(shipments.shopId, shopId), isNotNull(shipments.stalledSince)));
  const [granted] = await db
    .select({ n: count() })
    .from(coupons)
    .where(and(eq(coupons.shopId, shopId), gte(coupons.grantedAt, from), lt(coupons.grantedAt, to)));
  const total = byCategory.reduce((sum, r) => sum + Number(r.n), 0);
  return {
    tickets: total,
    byCategory: Object.fromEntries(byCategory.map((r) => [r.key ?? 'unclassified', Number(r.n)])),
    byLanguage: Object.fromEntries(byLanguage.map((r) => [r.key ?? 'unknown', Number(r.n)])),
    medianApprovalMinutes:
      median?.minutes === null || median?.minutes === undefined ? null : Math.round(Number(median.minutes)),
    autoSentShare: total === 0 ? 0 : Number(auto?.n ?? 0) / total,
    stalledShipments: Number(stalled?.n ?? 0),
    couponsGranted: Number(granted?.n ?? 0),
  };
}
