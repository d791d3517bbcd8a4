import { and, eq, like } from 'drizzle-orm';
import type { Db } from './client.js';
import { newId } from './ids.js';
import { type OrderFacts, ticketEvents, tickets } from './schema/index.js';

/** A ticket sellerdesk opens itself (logistics), as `createSystemTicket` stores it. */
export interface NewSystemTicket {
  shopId: string;
  orderId: string;
  buyerId: string;
  /** Idempotency: the same key never opens a second ticket of the shop. */
  dedupeKey: string;
  order: OrderFacts;
  coupon?: { code: string; value: number; currency: string } | undefined;
  /** Details of its `system_opened` event (the preset its drafting step reads). */
  opened: Record<string, unknown>;
}

/**
 * Stores a system ticket (status `classifying`) with its `system_opened` event in one
 * transaction, idempotent on `(shop, dedupeKey)`: a repeat returns the ticket already there.
 */
export async function createSystemTicket(
  db: Db,
  input: NewSystemTicket,
): Promise<{ ticketId: string; created: boolean }> {
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: tickets.id })
      .from(tickets)
      .where(and(eq(tickets.shopId, input.shopId), eq(tickets.systemKey, input.dedupeKey)))
      .limit(1);
    if (existing) return { ticketId: existing.id, created: false };
    const id = newId('tkt');
    await tx.insert(tickets).values({
      id,
      shopId: input.shopId,
      orderId: input.orderId,
      buyerId: input.buyerId,
      status: 'classifying',
      origin: 'system',
      systemKey: input.dedupeKey,
      order: input.order,
      ...(input.coupon ? { coupon: input.coupon } : {}),
    });
    await tx
      .insert(ticketEvents)
      .values({ ticketId: id, kind: 'system_opened', details: input.opened, dedupeKey: 'system_opened' });
    return { ticketId: id, created: true };
  });
}

/**
 * The stall apology tickets sellerdesk opened for an order (system keys `stall:<tracking>:...`),
 * whatever their status: written with their coupon in one transaction, so a draft that must know
 * of an apology sees it as soon as it exists, before the shipment watch mirrors its actions.
 */
export async function stallApologiesOfOrder(
  db: Db,
  shopId: string,
  orderId: string,
): Promise<Array<{ ticketId: string; systemKey: string; openedAt: Date }>> {
  const rows = await db
    .select({ ticketId: tickets.id, systemKey: tickets.systemKey, openedAt: tickets.createdAt })
    .from(tickets)
    .where(
      and(
        eq(tickets.shopId, shopId),
        eq(tickets.orderId, orderId),
        eq(tickets.origin, 'system'),
        like(tickets.systemKey, 'stall:%'),
      ),
    );
  return rows.flatMap((r) => (r.systemKey ? [{ ...r, systemKey: r.systemKey }] : []));
}
