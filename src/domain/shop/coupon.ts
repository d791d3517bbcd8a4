/** The part of a shop's coupon settings (CONTRACT §2 `coupon`) that prices one coupon. */
export interface CouponSettings {
  baseValue: number;
  perDayValue: number;
  maxValue: number;
  currency: string;
}

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
  const options = new Intl.NumberFormat('en', {
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
export function couponValue(settings: CouponSettings, daysLate: number, orderTotal?: number): number {
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
