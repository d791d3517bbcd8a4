/**
 * The shop's coupon policy for late parcels: what a coupon is worth (days late, caps, share of the
 * order), what is left of the month's budget, and whether a stall coupon is granted now. Amounts
 * the `coupons` table stores are in the currency's minor units.
 */
import { numberFormat } from '../intl.js';
import type { EffectiveSettings } from './settings.js';

/** The shop's coupon settings (`PUT /v1/settings` `coupon`, docs/API.md), budget included. */
export type CouponSettings = EffectiveSettings['coupon'];

/** The part of the coupon settings that prices one coupon. */
export type CouponPricing = Pick<CouponSettings, 'baseValue' | 'perDayValue' | 'maxValue' | 'currency'>;

/** A coupon never exceeds this share of the order total, when the total is known. */
export const MAX_ORDER_SHARE = 0.3;

// Scaled amounts are cut to 12 significant digits first, so 2.0999999999999996 counts as 2.10.
function scaled(value: number, digits: number): number {
  return Number((value * 10 ** digits).toPrecision(12));
}

function roundTo(value: number, digits: number): number {
  return Number((Math.round(scaled(value, digits)) / 10 ** digits).toFixed(digits));
}

function floorTo(value: number, digits: number): number {
  return Number((Math.floor(scaled(value, digits)) / 10 ** digits).toFixed(digits));
}

function assertAmount(name: string, value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new RangeError(`${name} must be a finite number >= 0, got ${String(value)}`);
  }
}

/** Minor-unit digits of a currency (USD 2, JPY 0, KWD 3); throws RangeError for a malformed code. */
export function currencyDigits(currency: string): number {
  const options = numberFormat('en', {
    style: 'currency',
    currency: currency.trim().toUpperCase(),
  }).resolvedOptions();
  return options.maximumFractionDigits ?? 2;
}

/**
 * Compensation for a late parcel: `baseValue + perDayValue x whole days late`, rounded to the
 * currency's minor unit (cents), never above `maxValue` nor above 30% of `orderTotal` when known.
 * Negative delays count as zero; throws RangeError on a non-finite delay or a negative setting.
 */
export function couponValue(settings: CouponPricing, daysLate: number, orderTotal?: number): number {
  assertAmount('baseValue', settings.baseValue);
  assertAmount('perDayValue', settings.perDayValue);
  assertAmount('maxValue', settings.maxValue);
  if (typeof daysLate !== 'number' || !Number.isFinite(daysLate)) {
    throw new RangeError(`daysLate must be a finite number, got ${String(daysLate)}`);
  }
  const digits = currencyDigits(settings.currency);
  const days = Math.max(0, Math.floor(daysLate));
  let value = roundTo(settings.baseValue + settings.perDayValue * days, digits);
  value = Math.min(value, floorTo(settings.maxValue, digits));
  if (orderTotal !== undefined) {
    assertAmount('orderTotal', orderTotal);
    value = Math.min(value, floorTo(orderTotal * MAX_ORDER_SHARE, digits));
  }
  return value;
}

/** What is left of a shop's monthly coupon budget (never negative, rounded to cents); throws RangeError on bad input. */
export function remainingBudget(monthlyBudget: number, grantedThisMonth: number): number {
  assertAmount('monthlyBudget', monthlyBudget);
  assertAmount('grantedThisMonth', grantedThisMonth);
  return Math.max(0, roundTo(monthlyBudget - grantedThisMonth, 2));
}

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

/**
 * A coupon's worth as a seller reads it on a card: the amount in the seller's number style with
 * the ISO currency code, never a bare symbol that several currencies share (`USD 3.00`, `3,00 USD`).
 */
export function couponAmountText(value: number, currency: string, locale: string): string {
  return numberFormat(locale, {
    style: 'currency',
    currency: currency.trim().toUpperCase(),
    currencyDisplay: 'code',
  }).format(value);
}
