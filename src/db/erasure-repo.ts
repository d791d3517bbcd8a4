import { and, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { TicketStatus } from '../domain/types.js';
import type { Db } from './client.js';
import {
  buyerPseudonym,
  ERASED_TEXT,
  type ErasureKeys,
  type ErasureReason,
  isErasedBuyerId,
} from './erasure-keys.js';
import {
  approvalCards,
  auditLog,
  buyerMessages,
  decisions,
  deliveries,
  drafts,
  intentCorrections,
  replyEdits,
  shipments,
  ticketEvents,
  tickets,
} from './schema/index.js';
import { OPEN_STATUSES } from './tickets-repo.js';

// Keys of event/audit details whose values are codes, ids, numbers or a seller actor, never buyer
// text; every other string (notes, evidence, reasons, quotes) is replaced on erasure.
const STRUCTURAL_KEYS = new Set([
  'abstained',
  'action',
  'actor',
  'allowed',
  'at',
  'carrier',
  'category',
  'channel',
  'channels',
  'code',
  'confidence',
  'correctedFrom',
  'coupon',
  'currency',
  'decidedAt',
  'idempotencyKey',
  'kind',
  'language',
  'listingId',
  'messageId',
  'orderId',
  'redacted',
  'revision',
  'rule',
  'sentiment',
  'status',
  'target',
  'templateId',
  'templateVersion',
  'ticketId',
  'ticketIds',
  'tokenId',
  'trackingNumber',
  'ts',
  'urgency',
  'validationId',
  'value',
]);

/** A details object with every string that could carry buyer text replaced (structure and numbers kept). */
export function scrubDetails(value: unknown, marker: string, key?: string): unknown {
  if (key !== undefined && STRUCTURAL_KEYS.has(key)) return value;
  if (typeof value === 'string') return marker;
  if (Array.isArray(value)) {
    return value.filter((v) => typeof v !== 'string').map((v) => scrubDetails(v, marker));
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, scrubDetails(v, marker, k)]),
    );
  }
  return value;
}

/** Rows touched by one erasure, per table (`DELETE /v1/buyers/:buyerId` answers with them). */
export interface ErasureCounts {
  tickets: number;
  messages: number;
  drafts: number;
  decisions: number;
  deliveries: number;
  events: number;
  auditEntries: number;
  /** Category corrections (the shop's labelled examples) whose buyer text was erased. */
  corrections: number;
  shipments: number;
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

async function scrubDetailRows(
  tx: Tx,
  table: typeof ticketEvents | typeof auditLog,
  where: ReturnType<typeof and>,
  marker: string,
): Promise<number> {
  const rows = await tx.select({ id: table.id, details: table.details }).from(table).where(where);
  for (const row of rows) {
    await tx
      .update(table)
      .set({ details: scrubDetails(row.details, marker) as Record<string, unknown> })
      .where(eq(table.id, row.id));
  }
  return rows.length;
}

/**
 * Erases the buyer's data on these tickets, inside `tx`: messages, drafts (text and note),
 * category corrections (the shop's examples), decision and final texts, order items, dispute reason, delivery payloads, event and audit
 * details, and the buyer id (keyed pseudonym). Rows stay, so every count does. The one implementation behind both
 * a buyer's request and the retention schedule.
 */
export async function eraseTicketsInTx(
  tx: Tx,
  ticketIds: string[],
  options: { keys: ErasureKeys; reason: ErasureReason; now?: Date },
): Promise<Omit<ErasureCounts, 'shipments'>> {
  const empty = {
    tickets: 0,
    messages: 0,
    drafts: 0,
    decisions: 0,
    deliveries: 0,
    events: 0,
    auditEntries: 0,
    corrections: 0,
  };
  if (ticketIds.length === 0) return empty;
  const marker = ERASED_TEXT[options.reason];
  const now = options.now ?? new Date();
  // Row locks first: a draft or decision written concurrently lands before this erasure (and is
  // erased) or after it (and sees the ticket erased), never in between.
  const owners = await tx
    .select({ id: tickets.id, shopId: tickets.shopId, buyerId: tickets.buyerId })
    .from(tickets)
    .where(inArray(tickets.id, ticketIds))
    .orderBy(tickets.id)
    .for('update');
  const messages = await tx
    .update(buyerMessages)
    .set({ text: marker, buyerLocale: null, buyerCountry: null })
    .where(inArray(buyerMessages.ticketId, ticketIds))
    .returning({ id: buyerMessages.id });
  const draftRows = await tx
    .update(drafts)
    .set({ text: marker, note: null })
    .where(inArray(drafts.ticketId, ticketIds))
    .returning({ id: drafts.id });
  // A seller's edited reply text waits here by id until its decision applies; it may name the buyer.
  await tx.delete(replyEdits).where(inArray(replyEdits.ticketId, ticketIds));
  // A correction keeps the buyer's (redacted) words as the shop's example: they go, the labels stay
  // (correction rates count them), and the shop's memory and the training fold skip erased rows.
  const correctionRows = await tx
    .update(intentCorrections)
    .set({
      text: marker,
      erasedAt: sql`coalesce(${intentCorrections.erasedAt}, ${now.toISOString()}::timestamptz)`,
    })
    .where(inArray(intentCorrections.ticketId, ticketIds))
    .returning({ id: intentCorrections.id });
  const decisionRows = await tx
    .update(decisions)
    .set({ text: sql`case when ${decisions.text} is null then null else ${marker} end` })
    .where(inArray(decisions.ticketId, ticketIds))
    .returning({ id: decisions.id });
  let deliveryCount = 0;
  for (const owner of owners) {
    const pseudonym = isErasedBuyerId(owner.buyerId)
      ? owner.buyerId
      : buyerPseudonym(options.keys.current, owner.shopId, owner.buyerId);
    const rows = await tx
      .update(deliveries)
      .set({
        payload: sql`${deliveries.payload} || jsonb_build_object('text', ${marker}::text, 'buyerId', ${pseudonym}::text)`,
      })
      .where(eq(deliveries.ticketId, owner.id))
      .returning({ key: deliveries.idempotencyKey });
    deliveryCount += rows.length;
    await tx
      .update(tickets)
      .set({
        buyerId: pseudonym,
        buyerName: null,
        finalText: sql`case when ${tickets.finalText} is null then null else ${marker} end`,
        // What the buyer bought is theirs too; tracking, carrier and totals stay for the figures.
        order: sql`${tickets.order} - 'items'`,
        dispute: sql`case when ${tickets.dispute} ? 'reason' then ${tickets.dispute} || jsonb_build_object('reason', ${marker}::text) else ${tickets.dispute} end`,
        erasedAt: sql`coalesce(${tickets.erasedAt}, ${now.toISOString()}::timestamptz)`,
        updatedAt: now,
      })
      .where(eq(tickets.id, owner.id));
  }
  const events = await scrubDetailRows(
    tx,
    ticketEvents,
    and(inArray(ticketEvents.ticketId, ticketIds)),
    marker,
  );
  const auditEntries = await scrubDetailRows(
    tx,
    auditLog,
    and(inArray(auditLog.ticketId, ticketIds)),
    marker,
  );
  return {
    tickets: owners.length,
    messages: messages.length,
    drafts: draftRows.length,
    decisions: decisionRows.length,
    deliveries: deliveryCount,
    events,
    auditEntries,
    corrections: correctionRows.length,
  };
}

/**
 * Closes a buyer's open tickets (status `closed`, marked erased) before anything else happens, so
 * no decision or delivery goes out for them; returns their ids for the caller to end workflows.
 */
export async function closeOpenTicketsOfBuyer(
  db: Db,
  shopId: string,
  buyerId: string,
  now = new Date(),
): Promise<string[]> {
  const rows = await db
    .update(tickets)
    .set({ status: 'closed', erasedAt: now, updatedAt: now })
    .where(
      and(eq(tickets.shopId, shopId), eq(tickets.buyerId, buyerId), inArray(tickets.status, OPEN_STATUSES)),
    )
    .returning({ id: tickets.id });
  return rows.map((r) => r.id);
}

/**
 * Erases one buyer of one shop everywhere the database holds them (tickets and all they own,
 * shipments, any event or audit entry naming the buyer id), in one transaction. Idempotent: a
 * repeat finds nothing left under the real id.
 */
export async function eraseBuyer(
  db: Db,
  input: { shopId: string; buyerId: string; keys: ErasureKeys; now?: Date },
): Promise<ErasureCounts & { ticketIds: string[]; pseudonym: string }> {
  const pseudonym = buyerPseudonym(input.keys.current, input.shopId, input.buyerId);
  const marker = ERASED_TEXT.request;
  return db.transaction(async (tx) => {
    const ticketIds = (
      await tx
        .select({ id: tickets.id })
        .from(tickets)
        .where(and(eq(tickets.shopId, input.shopId), eq(tickets.buyerId, input.buyerId)))
    ).map((r) => r.id);
    const counts = await eraseTicketsInTx(tx, ticketIds, {
      keys: input.keys,
      reason: 'request',
      ...(input.now ? { now: input.now } : {}),
    });
    const shipmentRows = await tx
      .update(shipments)
      .set({ buyerId: pseudonym, buyerLocale: null, updatedAt: new Date() })
      .where(and(eq(shipments.shopId, input.shopId), eq(shipments.buyerId, input.buyerId)))
      .returning({ trackingNumber: shipments.trackingNumber });
    // Anything else that quotes the buyer id as a value (audit of other kinds, events, actions).
    const names = (details: typeof auditLog.details | typeof ticketEvents.details) =>
      sql`jsonb_path_exists(${details}, '$.** ? (@ == $id)', jsonb_build_object('id', ${input.buyerId}::text))`;
    const moreAudit = await scrubDetailRows(
      tx,
      auditLog,
      and(eq(auditLog.shopId, input.shopId), names(auditLog.details)),
      marker,
    );
    const shopTickets = tx.select({ id: tickets.id }).from(tickets).where(eq(tickets.shopId, input.shopId));
    const moreEvents = await scrubDetailRows(
      tx,
      ticketEvents,
      and(inArray(ticketEvents.ticketId, shopTickets), names(ticketEvents.details)),
      marker,
    );
    return {
      ...counts,
      events: counts.events + moreEvents,
      auditEntries: counts.auditEntries + moreAudit,
      shipments: shipmentRows.length,
      ticketIds,
      pseudonym,
    };
  });
}

/** Ticket statuses whose buyer data the retention schedule erases once the window has passed. */
export const RETAINED_STATUSES: TicketStatus[] = ['sent', 'auto_sent', 'rejected', 'closed'];

/**
 * Erases the buyer data of a shop's tickets that ended before `cutoff` and are not erased yet
 * (the retention schedule); returns their ids.
 */
export async function purgeExpired(
  db: Db,
  input: { shopId: string; cutoff: Date; keys: ErasureKeys; now?: Date },
): Promise<{ ticketIds: string[]; counts: Omit<ErasureCounts, 'shipments'> }> {
  return db.transaction(async (tx) => {
    const ticketIds = (
      await tx
        .select({ id: tickets.id })
        .from(tickets)
        .where(
          and(
            eq(tickets.shopId, input.shopId),
            inArray(tickets.status, RETAINED_STATUSES),
            lt(tickets.updatedAt, input.cutoff),
            isNull(tickets.erasedAt),
          ),
        )
    ).map((r) => r.id);
    const counts = await eraseTicketsInTx(tx, ticketIds, {
      keys: input.keys,
      reason: 'retention',
      ...(input.now ? { now: input.now } : {}),
    });
    return { ticketIds, counts };
  });
}

/** The order id of each ticket (an erased card's note names the order). */
export async function orderIdsOf(db: Db, ticketIds: string[]): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: tickets.id, orderId: tickets.orderId })
    .from(tickets)
    .where(inArray(tickets.id, ticketIds));
  return new Map(rows.map((t) => [t.id, t.orderId]));
}

/** Chat cards and Slack thread posts of erased tickets, to edit the buyer's text out of them. */
export async function listCardsOfTickets(db: Db, ticketIds: string[]) {
  if (ticketIds.length === 0) return { cards: [], threadPosts: [] };
  const cards = await db
    .select()
    .from(approvalCards)
    .where(inArray(approvalCards.ticketId, ticketIds))
    .orderBy(approvalCards.id);
  const threadPosts = await db
    .select({ ticketId: ticketEvents.ticketId, details: ticketEvents.details })
    .from(ticketEvents)
    .where(and(inArray(ticketEvents.ticketId, ticketIds), eq(ticketEvents.kind, 'team_thread_message')));
  return {
    cards,
    threadPosts: threadPosts
      .map((p) => ({ ticketId: p.ticketId, ts: typeof p.details.ts === 'string' ? p.details.ts : null }))
      .filter((p): p is { ticketId: string; ts: string } => p.ts !== null),
  };
}
