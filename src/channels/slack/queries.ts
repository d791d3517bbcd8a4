import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { approvalCards, drafts, shops, teamInvites, tickets } from '../../db/schema/index.js';
import type { PendingShopRow } from './blocks.js';

/** The `approval_cards.channel` value of Slack cards (chatId = channel id, messageId = ts). */
export const SLACK_CARD_CHANNEL = 'slack';

/**
 * Tickets waiting for a decision per shop (seller approval, escalated to the team) and the oldest,
 * only for `shopIds` (the shops the caller may see); none given, none counted.
 */
export async function countPendingByShop(db: Db, shopIds: readonly string[]): Promise<PendingShopRow[]> {
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
  const byShop = new Map<string, PendingShopRow>();
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

/** A ticket with its shop name, seller language and newest draft, for cards, `/sellerdesk status` and the edit modal. */
export async function getTicketWithDraft(db: Db, ticketId: string) {
  const [row] = await db
    .select({ ticket: tickets, shopName: shops.name, sellerLanguage: shops.sellerLanguage })
    .from(tickets)
    .innerJoin(shops, eq(shops.id, tickets.shopId))
    .where(eq(tickets.id, ticketId))
    .limit(1);
  if (!row) return null;
  const [draft] = await db
    .select()
    .from(drafts)
    .where(eq(drafts.ticketId, ticketId))
    .orderBy(desc(drafts.revision))
    .limit(1);
  return {
    ticket: row.ticket,
    shopName: row.shopName,
    sellerLanguage: row.sellerLanguage,
    draft: draft ?? null,
  };
}

/** The Slack cards of a ticket, oldest revision first; `openOnly` leaves out edited-to-outcome ones. */
export async function listSlackCards(db: Db, ticketId: string, options: { openOnly?: boolean } = {}) {
  return db
    .select()
    .from(approvalCards)
    .where(
      and(
        eq(approvalCards.ticketId, ticketId),
        eq(approvalCards.channel, SLACK_CARD_CHANNEL),
        ...(options.openOnly ? [eq(approvalCards.closed, 0)] : []),
      ),
    )
    .orderBy(approvalCards.revision, approvalCards.id);
}

/** The shop an unused, unexpired invite code is for (peeked before redeeming it from Slack). */
export async function findOpenInviteShop(db: Db, code: string): Promise<string | null> {
  const [row] = await db
    .select({ shopId: teamInvites.shopId, usedAt: teamInvites.usedAt, expiresAt: teamInvites.expiresAt })
    .from(teamInvites)
    .where(eq(teamInvites.code, code))
    .limit(1);
  if (!row || row.usedAt || row.expiresAt.getTime() <= Date.now()) return null;
  return row.shopId;
}
