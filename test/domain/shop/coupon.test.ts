import { describe, expect, it } from 'vitest';
import {
  type CouponPricing,
  couponValue,
  currencyDigits,
  MAX_ORDER_SHARE,
  remainingBudget,
} from '../../../src/domain/shop/coupon.js';

const USD: CouponPricing = { currency: 'USD', baseValue: 2, perDayValue: 0.5, maxValue: 10 };

describe('couponValue', () => {
  it.each([
    // [case, settings, daysLate, orderTotal, expected]
    ['base only on day 0', USD, 0, undefined, 2],
    ['base + per day', USD, 3, undefined, 3.5],
    ['whole days only', USD, 3.9, undefined, 3.5],
    ['negative delay counts as zero', USD, -4, undefined, 2],
    ['capped by maxValue', USD, 40, undefined, 10],
    ['exactly at maxValue', USD, 16, undefined, 10],
    ['capped by 30% of the order total', USD, 10, 20, 6],
    ['order total cap below base value', USD, 0, 5, 1.5],
    ['order total cap rounds down to cents', USD, 10, 10.01, 3],
    ['tiny order: cap floors, never rounds up', USD, 0, 0.05, 0.01],
    ['free order gets nothing', USD, 7, 0, 0],
    ['maxValue wins over a larger order cap', USD, 40, 1000, 10],
    ['float noise does not lose a cent', { ...USD, baseValue: 0, perDayValue: 0.7 }, 3, undefined, 2.1],
    ['rounds half up to cents', { ...USD, baseValue: 1.005, perDayValue: 0 }, 0, undefined, 1.01],
    ['sub-cent settings round to cents', { ...USD, baseValue: 1, perDayValue: 0.333 }, 2, undefined, 1.67],
    ['maxValue with sub-cent digits floors', { ...USD, maxValue: 4.999 }, 30, undefined, 4.99],
    [
      'zero-decimal currency',
      { currency: 'JPY', baseValue: 300, perDayValue: 50.5, maxValue: 2000 },
      3,
      undefined,
      452,
    ],
    [
      'zero-decimal currency, order cap',
      { currency: 'jpy', baseValue: 300, perDayValue: 50, maxValue: 2000 },
      3,
      1001,
      300,
    ],
    [
      'three-decimal currency',
      { currency: 'KWD', baseValue: 1, perDayValue: 0.1255, maxValue: 5 },
      2,
      undefined,
      1.251,
    ],
    ['5 days late, order of 100', USD, 5, 100, 4.5],
  ] as const)('%s', (_name, settings, days, total, expected) => {
    const value = couponValue(settings, days, total);
    expect(value).toBe(expected);
    expect(value).toBeLessThanOrEqual(settings.maxValue);
    if (total !== undefined) expect(value).toBeLessThanOrEqual(total * MAX_ORDER_SHARE);
  });

  it('never exceeds either cap over a sweep of delays and totals', () => {
    for (let days = 0; days <= 60; days += 1) {
      for (const total of [undefined, 0.01, 3.33, 7.77, 19.99, 33.4, 1000]) {
        const value = couponValue(USD, days, total);
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(USD.maxValue);
        if (total !== undefined) expect(value).toBeLessThanOrEqual(total * MAX_ORDER_SHARE + 1e-12);
        expect(Math.round(value * 100) / 100).toBe(value);
      }
    }
  });

  it.each([
    ['NaN delay', USD, Number.NaN, undefined],
    ['infinite delay', USD, Number.POSITIVE_INFINITY, undefined],
    ['negative base', { ...USD, baseValue: -1 }, 1, undefined],
    ['NaN per day', { ...USD, perDayValue: Number.NaN }, 1, undefined],
    ['negative order total', USD, 1, -5],
    ['NaN order total', USD, 1, Number.NaN],
  ] as const)('throws RangeError on %s', (_name, settings, days, total) => {
    expect(() => couponValue(settings, days, total)).toThrow(RangeError);
  });

  it('throws RangeError on a malformed currency code', () => {
    expect(() => couponValue({ ...USD, currency: 'dollars' }, 1)).toThrow(RangeError);
  });
});

describe('remainingBudget', () => {
  it.each([
    [200, 0, 200],
    [200, 45.5, 154.5],
    [200, 200, 0],
    [200, 260, 0],
    [0, 0, 0],
    [10, 9.99, 0.01],
    [0.3, 0.1, 0.2],
  ])('budget %d, granted %d -> %d', (budget, granted, expected) => {
    expect(remainingBudget(budget, granted)).toBe(expected);
  });

  it('throws RangeError on negative or non-finite input', () => {
    expect(() => remainingBudget(-1, 0)).toThrow(RangeError);
    expect(() => remainingBudget(100, Number.NaN)).toThrow(RangeError);
  });
});

describe('currencyDigits', () => {
  it.each([
    ['USD', 2],
    ['eur', 2],
    ['JPY', 0],
    ['KWD', 3],
    ['RUB', 2],
  ])('%s has %d minor digits', (code, digits) => {
    expect(currencyDigits(code)).toBe(digits);
  });
});
