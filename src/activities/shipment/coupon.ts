import { randomInt } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import { and, desc, eq, gte, isNotNull, sql } from 'drizzle-orm';
import type { CouponGrant } from '../../../workflows/definitions.js';
import { coupons, shops, tickets } from '../../db/schema/index.js';
import { decideCoupon, fromMinorUnits } from '../../domain/shop/coupon.js';
import { effectiveSettings } from '../../domain/shop/settings.js';
import { createShipmentLookups, type ShipmentActivityDeps, type ShipmentFacts } from './deps.js';

/** Outcome of `grantCoupon`; only `granted` carries a coupon. */
export type CouponOutcome =
  | { status: 'granted'; coupon: CouponGrant }
  | { status: 'already_granted' | 'budget_exhausted' | 'no_value' | 'buyer_erased' };

// Unambiguous characters for codes a buyer types (no 0/O, 1/I/L).
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

function newCouponCode(): string {
  let code = 'SD-';
  for (let i = 0; i < 10; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** The stall coupon of an order: one per (shop, order), within the shop's monthly budget. */
export function createCouponActivities(deps: ShipmentActivityDeps) {
  const { db, logger } = deps;
  const clock = deps.clock ?? (() => new Date());
  const { shipmentBuyer } = createShipmentLookups(db);

  return {
    /**
     * Grants the stall coupon of an order: one per (shop, order), valued by the shop's policy and
     * refused when it would overdraw the month's budget. A retry of the same grant returns it again.
     */
    async grantCoupon(input: ShipmentFacts & { episode: string; daysLate: number }): Promise<CouponOutcome> {
      const reason = `stall:${input.trackingNumber}:${input.episode}`;
      if ((await shipmentBuyer(input.shopId, input.trackingNumber))?.erased)
        return { status: 'buyer_erased' };
      return db.transaction(async (tx) => {
        // The shop row lock serialises grants of one shop, so the monthly budget holds.
        const [shop] = await tx.select().from(shops).where(eq(shops.id, input.shopId)).for('update').limit(1);
        if (!shop) throw ApplicationFailure.nonRetryable('the shop no longer exists', 'shop_not_found');
        const [existing] = await tx
          .select()
          .from(coupons)
          .where(and(eq(coupons.shopId, input.shopId), eq(coupons.orderId, input.orderId)))
          .limit(1);
        if (existing) {
          if (existing.reason !== reason) return { status: 'already_granted' as const };
          return {
            status: 'granted' as const,
            coupon: {
              code: existing.code,
              value: fromMinorUnits(existing.value, existing.currency),
              currency: existing.currency,
            },
          };
        }
        const policy = effectiveSettings(shop.settings).coupon;
        const now = clock();
        const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
        const [spent] = await tx
          .select({ minor: sql<number>`coalesce(sum(${coupons.value}), 0)::int` })
          .from(coupons)
          .where(
            and(
              eq(coupons.shopId, input.shopId),
              eq(coupons.currency, policy.currency),
              gte(coupons.grantedAt, monthStart),
            ),
          );
        const [order] = await tx
          .select({ order: tickets.order })
          .from(tickets)
          .where(
            and(
              eq(tickets.shopId, input.shopId),
              eq(tickets.orderId, input.orderId),
              isNotNull(sql`${tickets.order}->>'total'`),
            ),
          )
          .orderBy(desc(tickets.createdAt))
          .limit(1);
        const orderTotal =
          order?.order.currency === policy.currency && typeof order.order.total === 'number'
            ? order.order.total
            : undefined;
        const decision = decideCoupon(policy, input.daysLate, Number(spent?.minor ?? 0), orderTotal);
        if (!decision.grant) {
          logger.info(
            { shopId: input.shopId, orderId: input.orderId, reason: decision.reason },
            'stall coupon not granted',
          );
          return { status: decision.reason };
        }
        const code = newCouponCode();
        await tx.insert(coupons).values({
          code,
          shopId: input.shopId,
          orderId: input.orderId,
          trackingNumber: input.trackingNumber,
          value: decision.valueMinor,
          currency: decision.currency,
          reason,
          grantedAt: now,
        });
        return {
          status: 'granted' as const,
          coupon: { code, value: decision.value, currency: decision.currency },
        };
      });
    },
  };
}
