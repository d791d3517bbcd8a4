/**
 * Stall compensation on top of the shared coupon policy (`src/domain/shop/coupon.ts`): amounts in
 * minor units as the `coupons` table stores them, and the monthly budget applied to a grant.
 */
import { couponValue, currencyDigits } from '../shop/coupon.js';
import type { EffectiveSettings } from '../shop/settings.js';

/** The shop's coupon settings (`PUT /v1/settings` `coupon`), budget included. */
export type CouponSettings = EffectiveSettings['coupon'];

/** A major-unit amount in the currency's minor units (cents); amounts are already rounded to them. */
export function toMinorUnits(value: number, currency: string): number {
  return Math.round(Number((value * 10 ** currencyDigits(currency)).toPrecision(12)));
}

/** A minor-unit amount back in major units. */
export function fromMinorUnits(minor: number, currency: string): number {
  return minor / 10 ** currencyDigits(currency);
}

/** A coupon value in both units. */
export interface CouponAmount {
  value: number;
  valueMinor: number;
  currency: string;
}

/** Whether to grant a stall coupon now, and for how much. */
export type CouponDecision =
  | ({ grant: true } & CouponAmount)
  | ({ grant: false; reason: 'no_value' | 'budget_exhausted' } & CouponAmount);

/**
 * Prices the coupon with the shop's policy (`couponValue`: days late, `maxValue`, share of the
 * order) and refuses it whole when it would overdraw this month's budget: the apology then goes
 * without a coupon rather than with an odd remainder.
 */
export function decideCoupon(
  settings: CouponSettings,
  daysLate: number,
  spentThisMonthMinor: number,
  orderTotal?: number,
): CouponDecision {
  const value = couponValue(settings, daysLate, orderTotal);
  const amount: CouponAmount = {
    value,
    valueMinor: toMinorUnits(value, settings.currency),
    currency: settings.currency,
  };
  if (amount.valueMinor <= 0) return { grant: false, reason: 'no_value', ...amount };
  const budgetMinor = Math.floor(
    Number((settings.monthlyBudget * 10 ** currencyDigits(settings.currency)).toPrecision(12)),
  );
  if (spentThisMonthMinor + amount.valueMinor > budgetMinor) {
    return { grant: false, reason: 'budget_exhausted', ...amount };
  }
  return { grant: true, ...amount };
}
