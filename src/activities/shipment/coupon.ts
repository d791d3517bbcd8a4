import { randomInt } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import type { CouponGrant } from '../../../workflows/contracts/ticket.js';
import {
  couponOfOrder,
  couponsGrantedSince,
  insertCoupon,
  latestOrderWithTotal,
  withShopLocked,
} from '../../db/coupons-repo.js';
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
      // The shop row lock serialises grants of one shop, so the monthly budget holds.
      const outcome = await withShopLocked(db, input.shopId, async (tx, shop): Promise<CouponOutcome> => {
        const existing = await couponOfOrder(tx, input.shopId, input.orderId);
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
        const spent = await couponsGrantedSince(tx, input.shopId, policy.currency, monthStart);
        const order = await latestOrderWithTotal(tx, input.shopId, input.orderId);
        const orderTotal =
          order?.currency === policy.currency && typeof order.total === 'number' ? order.total : undefined;
        const decision = decideCoupon(policy, input.daysLate, spent, orderTotal);
        if (!decision.grant) {
          logger.info(
            { shopId: input.shopId, orderId: input.orderId, reason: decision.reason },
            'stall coupon not granted',
          );
          return { status: decision.reason };
        }
        const code = newCouponCode();
        await insertCoupon(tx, {
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
      if (!outcome) throw ApplicationFailure.nonRetryable('the shop no longer exists', 'shop_not_found');
      return outcome;
    },
  };
}
