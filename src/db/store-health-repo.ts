/**
 * Store-health figures: the one set of queries behind the daily digest (`healthFigures`), the
 * database-read gauges of `/metrics` (`src/observability/store-health-metrics.ts`) and the seller
 * console's dashboard. Each takes a period and one shop, or every shop when `shopId` is absent
 * (the gauges). Counts and durations only: no buyer text is read.
 */
import { and, eq, gte, isNotNull, lt, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from './client.js';
import {
  buyerMessages,
  coupons,
  decisions,
  listingDisputeLinks,
  listingValidations,
  shipments,
  ticketEvents,
  tickets,
} from './schema/index.js';

/** A period `[from, to)` of one shop, or of every shop when `shopId` is absent. */
export interface HealthPeriod {
  from: Date;
  to: Date;
  shopId?: string | undefined;
}

/** The UTC day (`YYYY-MM-DD`) of a timestamp column. */
const utcDay = (column: AnyPgColumn) => sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD')`;

/** Tickets created in the period (of the shop, when given). */
function ticketsIn(period: HealthPeriod): SQL | undefined {
  return and(
    period.shopId ? eq(tickets.shopId, period.shopId) : undefined,
    gte(tickets.createdAt, period.from),
    lt(tickets.createdAt, period.to),
  );
}

/** Minutes from a ticket's creation to the seller's decision (system decisions excluded). */
const responseMinutes = sql`extract(epoch from (${decisions.decidedAt} - ${tickets.createdAt})) / 60`;
const humanDecision = sql`${decisions.actorChannel} <> 'system'`;

/** Buyer messages received per UTC day. */
export async function messagesByDay(
  db: Db,
  period: HealthPeriod,
): Promise<Array<{ day: string; messages: number }>> {
  const day = utcDay(buyerMessages.receivedAt);
  const rows = await db
    .select({ day, messages: sql<number>`count(*)::int` })
    .from(buyerMessages)
    .where(
      and(
        period.shopId ? eq(buyerMessages.shopId, period.shopId) : undefined,
        gte(buyerMessages.receivedAt, period.from),
        lt(buyerMessages.receivedAt, period.to),
      ),
    )
    .groupBy(day)
    .orderBy(day);
  return rows.map((r) => ({ day: r.day, messages: Number(r.messages) }));
}

/**
 * First response: the median minutes from a ticket's creation to the seller's decision, over the
 * tickets created in the period (the digest's "median approval time"), and the same per UTC day
 * of creation (the console's chart).
 */
export async function firstResponseMinutes(
  db: Db,
  period: HealthPeriod,
): Promise<{ median: number | null; byDay: Array<{ day: string; median: number; decided: number }> }> {
  const median = sql<number | null>`percentile_cont(0.5) within group (order by ${responseMinutes})`;
  const day = utcDay(tickets.createdAt);
  const where = and(ticketsIn(period), humanDecision);
  const [overall] = await db
    .select({ median })
    .from(decisions)
    .innerJoin(tickets, eq(tickets.id, decisions.ticketId))
    .where(where);
  const byDay = await db
    .select({ day, median, decided: sql<number>`count(*)::int` })
    .from(decisions)
    .innerJoin(tickets, eq(tickets.id, decisions.ticketId))
    .where(where)
    .groupBy(day)
    .orderBy(day);
  const minutes = (value: unknown) => Math.round(Number(value));
  return {
    median: overall?.median === null || overall?.median === undefined ? null : minutes(overall.median),
    byDay: byDay.map((r) => ({ day: r.day, median: minutes(r.median ?? 0), decided: Number(r.decided) })),
  };
}

/** The approval funnel of the tickets created in a period. */
export interface ApprovalFunnel {
  /** Tickets opened (buyer messages and sellerdesk's own). */
  received: number;
  /** Tickets with a draft. */
  drafted: number;
  /** Human decisions by action. */
  approved: number;
  edited: number;
  rejected: number;
  /** Tickets escalated (by a seller or the SLA) at least once. */
  escalated: number;
  /** Replies sent without waiting (earned auto-send or an opted-in system apology). */
  autoSent: number;
  /** Tickets whose reply reached the marketplace. */
  delivered: number;
}

/** Received -> drafted -> approved / edited / rejected / escalated / auto-sent -> delivered. */
export async function approvalFunnel(db: Db, period: HealthPeriod): Promise<ApprovalFunnel> {
  const count = (condition: SQL) => sql<number>`count(*) filter (where ${condition})::int`;
  const action = (name: string) => count(sql`${decisions.action} = ${name} and ${humanDecision}`);
  const escalated = sql`exists (select 1 from ${ticketEvents} where ${ticketEvents.ticketId} = ${tickets.id} and ${ticketEvents.kind} = 'escalated')`;
  const [row] = await db
    .select({
      received: sql<number>`count(*)::int`,
      drafted: count(sql`${tickets.currentRevision} > 0`),
      approved: action('approve'),
      edited: action('edit'),
      rejected: action('reject'),
      escalated: count(escalated),
      autoSent: count(sql`${tickets.status} = 'auto_sent'`),
      delivered: count(sql`${tickets.deliveryState} = 'delivered'`),
    })
    .from(tickets)
    .leftJoin(decisions, eq(decisions.ticketId, tickets.id))
    .where(ticketsIn(period));
  return {
    received: Number(row?.received ?? 0),
    drafted: Number(row?.drafted ?? 0),
    approved: Number(row?.approved ?? 0),
    edited: Number(row?.edited ?? 0),
    rejected: Number(row?.rejected ?? 0),
    escalated: Number(row?.escalated ?? 0),
    autoSent: Number(row?.autoSent ?? 0),
    delivered: Number(row?.delivered ?? 0),
  };
}

/** Tickets of one category and language (`null`: not classified yet). */
export interface CategoryLanguageCount {
  category: string | null;
  language: string | null;
  tickets: number;
}

/** Tickets created in the period per category and language (the heat map; the digest's sums). */
export async function ticketsByCategoryLanguage(
  db: Db,
  period: HealthPeriod,
): Promise<CategoryLanguageCount[]> {
  const rows = await db
    .select({ category: tickets.category, language: tickets.language, tickets: sql<number>`count(*)::int` })
    .from(tickets)
    .where(ticketsIn(period))
    .groupBy(tickets.category, tickets.language);
  return rows.map((r) => ({ category: r.category, language: r.language, tickets: Number(r.tickets) }));
}

/** `not_as_described` complaints tied to a listing, per listing and buyer language. */
export interface ListingDisputeCount {
  listingId: string;
  language: string | null;
  disputes: number;
}

/**
 * Buyers saying a listing is not as described (`listing_dispute_links`, the complaints that open a
 * listing validation), per listing and buyer language, over the period.
 */
export async function notAsDescribedByListing(db: Db, period: HealthPeriod): Promise<ListingDisputeCount[]> {
  const rows = await db
    .select({
      listingId: listingDisputeLinks.listingId,
      language: tickets.language,
      disputes: sql<number>`count(*)::int`,
    })
    .from(listingDisputeLinks)
    .innerJoin(tickets, eq(tickets.id, listingDisputeLinks.ticketId))
    .where(
      and(
        period.shopId ? eq(listingDisputeLinks.shopId, period.shopId) : undefined,
        gte(listingDisputeLinks.createdAt, period.from),
        lt(listingDisputeLinks.createdAt, period.to),
      ),
    )
    .groupBy(listingDisputeLinks.listingId, tickets.language);
  return rows.map((r) => ({ listingId: r.listingId, language: r.language, disputes: Number(r.disputes) }));
}

/** SLA breaches in a period: reminders sent, and escalations sellerdesk made itself, by reason. */
export interface SlaBreaches {
  /** No decision within `sla.remindAfterMinutes`: the seller was reminded. */
  reminders: number;
  /** Still none `sla.escalateAfterMinutes` later: escalated ("no answer in time"). */
  escalatedNoAnswer: number;
  /** A dispute deadline came near first: escalated ("dispute deadline near"). */
  escalatedDisputeNear: number;
}

/** SLA reminders and SLA escalations recorded on tickets in the period. */
export async function slaBreaches(db: Db, period: HealthPeriod): Promise<SlaBreaches> {
  const count = (condition: SQL) => sql<number>`count(*) filter (where ${condition})::int`;
  const slaEscalation = (reason: string) =>
    count(
      sql`${ticketEvents.kind} = 'escalated' and ${ticketEvents.details}->'actor'->>'id' = 'sla' and ${ticketEvents.details}->>'reason' = ${reason}`,
    );
  const [row] = await db
    .select({
      reminders: count(sql`${ticketEvents.kind} = 'sla_reminder'`),
      escalatedNoAnswer: slaEscalation('no answer in time'),
      escalatedDisputeNear: slaEscalation('dispute deadline near'),
    })
    .from(ticketEvents)
    .innerJoin(tickets, eq(tickets.id, ticketEvents.ticketId))
    .where(
      and(
        period.shopId ? eq(tickets.shopId, period.shopId) : undefined,
        gte(ticketEvents.at, period.from),
        lt(ticketEvents.at, period.to),
      ),
    );
  return {
    reminders: Number(row?.reminders ?? 0),
    escalatedNoAnswer: Number(row?.escalatedNoAnswer ?? 0),
    escalatedDisputeNear: Number(row?.escalatedDisputeNear ?? 0),
  };
}

/** Parcels whose tracking stalled and did not move since, per carrier and leg. */
export async function stalledShipments(
  db: Db,
  scope: { shopId?: string | undefined },
): Promise<Array<{ carrier: string; leg: string | null; shipments: number }>> {
  const rows = await db
    .select({ carrier: shipments.carrier, leg: shipments.leg, shipments: sql<number>`count(*)::int` })
    .from(shipments)
    .where(
      and(scope.shopId ? eq(shipments.shopId, scope.shopId) : undefined, isNotNull(shipments.stalledSince)),
    )
    .groupBy(shipments.carrier, shipments.leg);
  return rows.map((r) => ({ carrier: r.carrier, leg: r.leg, shipments: Number(r.shipments) }));
}

/** Coupons granted in the period per currency: how many, and their value in minor units. */
export async function couponsGranted(
  db: Db,
  period: HealthPeriod,
): Promise<Array<{ currency: string; coupons: number; valueMinor: number }>> {
  const rows = await db
    .select({
      currency: coupons.currency,
      coupons: sql<number>`count(*)::int`,
      valueMinor: sql<number>`coalesce(sum(${coupons.value}), 0)::bigint`,
    })
    .from(coupons)
    .where(
      and(
        period.shopId ? eq(coupons.shopId, period.shopId) : undefined,
        gte(coupons.grantedAt, period.from),
        lt(coupons.grantedAt, period.to),
      ),
    )
    .groupBy(coupons.currency);
  return rows.map((r) => ({
    currency: r.currency,
    coupons: Number(r.coupons),
    valueMinor: Number(r.valueMinor),
  }));
}

/** Findings of the listing validations completed in the period, per kind, and how many validations. */
export async function listingFindingsByKind(
  db: Db,
  period: HealthPeriod,
): Promise<{ validations: number; byKind: Array<{ kind: string; findings: number }> }> {
  const where = and(
    period.shopId ? eq(listingValidations.shopId, period.shopId) : undefined,
    eq(listingValidations.status, 'completed'),
    gte(listingValidations.completedAt, period.from),
    lt(listingValidations.completedAt, period.to),
  );
  const [validations] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(listingValidations)
    .where(where);
  const finding = sql`jsonb_array_elements(${listingValidations.findings})`;
  const kind = sql<string>`f.value->>'kind'`;
  const rows = await db
    .select({ kind, findings: sql<number>`count(*)::int` })
    .from(sql`${listingValidations} cross join lateral ${finding} as f(value)`)
    .where(where)
    .groupBy(kind);
  return {
    validations: Number(validations?.n ?? 0),
    byKind: rows
      .filter((r) => typeof r.kind === 'string')
      .map((r) => ({ kind: r.kind, findings: Number(r.findings) })),
  };
}
