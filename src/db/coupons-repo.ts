import { and, desc, eq, gte, isNotNull, sql } from 'drizzle-orm';
import type { OrderFacts } from '../domain/types.js';
import type { Db } from './client.js';
import { type Coupon, coupons, type Shop, shops, tickets } from './schema/index.js';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * Runs `grant` in a transaction holding the shop's row lock, so grants of one shop serialise and
 * its monthly budget holds; undefined when the shop no longer exists (nothing runs).
 */
export async function withShopLocked<T>(
  db: Db,
  shopId: string,
  grant: (tx: Tx, shop: Shop) => Promise<T>,
): Promise<T | undefined> {
  return db.transaction(async (tx) => {
    const [shop] = await tx.select().from(shops).where(eq(shops.id, shopId)).for('update').limit(1);
    return shop ? grant(tx, shop) : undefined;
  });
}

/** The coupon already granted for an order of a shop (one per order). */
export async function couponOfOrder(tx: Tx, shopId: string, orderId: string): Promise<Coupon | undefined> {
  const [existing] = await tx
    .select()
    .from(coupons)
    .where(and(eq(coupons.shopId, shopId), eq(coupons.orderId, orderId)))
    .limit(1);
  return existing;
}

/** What the shop granted in `currency` since `since`, in minor units. */
export async function couponsGrantedSince(
  tx: Tx | Db,
  shopId: string,
  currency: string,
  since: Date,
): Promise<number> {
  const [spent] = await tx
    .select({ minor: sql<number>`coalesce(sum(${coupons.value}), 0)::int` })
    .from(coupons)
    .where(and(eq(coupons.shopId, shopId), eq(coupons.currency, currency), gte(coupons.grantedAt, since)));
  return Number(spent?.minor ?? 0);
}

/** The order facts with a total from the shop's newest ticket of the order (the coupon's cap). */
export async function latestOrderWithTotal(
  tx: Tx,
  shopId: string,
  orderId: string,
): Promise<OrderFacts | undefined> {
  const [order] = await tx
    .select({ order: tickets.order })
    .from(tickets)
    .where(
      and(
        eq(tickets.shopId, shopId),
        eq(tickets.orderId, orderId),
        isNotNull(sql`${tickets.order}->>'total'`),
      ),
    )
    .orderBy(desc(tickets.createdAt))
    .limit(1);
  return order?.order;
}

/** Stores a granted coupon. */
export async function insertCoupon(tx: Tx, coupon: typeof coupons.$inferInsert): Promise<void> {
  await tx.insert(coupons).values(coupon);
}
