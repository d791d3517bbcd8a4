import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from './client.js';
import { shops, tickets } from './schema/index.js';

// What waits for a decision: tickets awaiting the seller (`/pending`) or the team (escalated).

/** Tickets of one shop waiting for a decision: by the seller, by the team, and since when. */
export interface PendingByShop {
  shopId: string;
  shopName: string;
  awaitingSeller: number;
  escalated: number;
  oldestCreatedAt: Date;
}

/**
 * Tickets waiting for a decision per shop (seller approval, escalated to the team) and the oldest,
 * only for `shopIds` (the shops the caller may see); none given, none counted.
 */
export async function countPendingByShop(db: Db, shopIds: readonly string[]): Promise<PendingByShop[]> {
  if (shopIds.length === 0) return [];
  const rows = await db
    .select({
      shopId: tickets.shopId,
      shopName: shops.name,
      status: tickets.status,
      count: sql<number>`count(*)::int`.mapWith(Number),
      oldest: sql<number>`extract(epoch from min(${tickets.createdAt}))::float8`.mapWith(Number),
    })
    .from(tickets)
    .innerJoin(shops, eq(shops.id, tickets.shopId))
    .where(
      and(inArray(tickets.shopId, [...shopIds]), inArray(tickets.status, ['awaiting_approval', 'escalated'])),
    )
    .groupBy(tickets.shopId, shops.name, tickets.status);
  const byShop = new Map<string, PendingByShop>();
  for (const row of rows) {
    const entry = byShop.get(row.shopId) ?? {
      shopId: row.shopId,
      shopName: row.shopName,
      awaitingSeller: 0,
      escalated: 0,
      oldestCreatedAt: new Date(row.oldest * 1000),
    };
    if (row.status === 'escalated') entry.escalated += row.count;
    else entry.awaitingSeller += row.count;
    if (row.oldest * 1000 < entry.oldestCreatedAt.getTime())
      entry.oldestCreatedAt = new Date(row.oldest * 1000);
    byShop.set(row.shopId, entry);
  }
  return [...byShop.values()].sort((a, b) => a.oldestCreatedAt.getTime() - b.oldestCreatedAt.getTime());
}

/** Tickets still waiting for a seller, for `/pending`. */
export async function listPendingTickets(db: Db, shopId: string, limit = 20) {
  return db
    .select()
    .from(tickets)
    .where(and(eq(tickets.shopId, shopId), eq(tickets.status, 'awaiting_approval')))
    .orderBy(tickets.createdAt)
    .limit(limit);
}
