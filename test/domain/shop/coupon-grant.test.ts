import { describe, expect, it } from 'vitest';
import {
  type CouponSettings,
  decideCoupon,
  fromMinorUnits,
  MAX_ORDER_SHARE,
  toMinorUnits,
} from '../../../src/domain/shop/coupon.js';
import { DEFAULT_SETTINGS } from '../../../src/domain/shop/settings.js';

const USD: CouponSettings = DEFAULT_SETTINGS.coupon; // base 2, +0.5/day, max 10, budget 200

describe('stall coupon: value from the shared policy', () => {
  it.each([
    // days late, order total, value
    [0, undefined, 2],
    [2, undefined, 3],
    [2.9, undefined, 3],
    [7, undefined, 5.5],
    [40, undefined, 10],
    [2, 8, 8 * MAX_ORDER_SHARE],
    [2, 100, 3],
  ] as const)('%d days late, order %s -> %d', (days, total, value) => {
    const decision = decideCoupon(USD, days, 0, total);
    expect(decision).toMatchObject({ grant: true, value, currency: 'USD' });
    expect(decision.valueMinor).toBe(Math.round(value * 100));
  });

  it('stores minor units of the currency', () => {
    const yen = decideCoupon(
      { ...USD, currency: 'JPY', baseValue: 300, perDayValue: 50, maxValue: 2000, monthlyBudget: 50_000 },
      3,
      0,
    );
    expect(yen).toMatchObject({ grant: true, value: 450, valueMinor: 450, currency: 'JPY' });
    expect(toMinorUnits(2.3, 'USD')).toBe(230);
    expect(toMinorUnits(0.29, 'EUR')).toBe(29);
    expect(toMinorUnits(1.234, 'KWD')).toBe(1234);
    expect(fromMinorUnits(230, 'USD')).toBe(2.3);
  });
});

describe('stall coupon: monthly budget', () => {
  it.each([
    // spent this month (minor), days late, grant?, reason
    [0, 2, true, undefined],
    [19_700, 2, true, undefined], // 197 + 3 = 200: exactly the budget
    [19_800, 2, false, 'budget_exhausted'], // 198 + 3 > 200: no partial coupon
    [20_000, 0, false, 'budget_exhausted'],
  ] as const)('spent %d, %d days late -> grant %s', (spent, days, grant, reason) => {
    const decision = decideCoupon(USD, days, spent);
    expect(decision.grant).toBe(grant);
    if (!decision.grant) expect(decision.reason).toBe(reason);
  });

  it('a zero-value policy grants nothing', () => {
    const decision = decideCoupon({ ...USD, baseValue: 0, perDayValue: 0, maxValue: 0 }, 5, 0);
    expect(decision).toMatchObject({ grant: false, reason: 'no_value' });
  });
});
