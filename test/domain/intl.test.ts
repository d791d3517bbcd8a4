import { describe, expect, it } from 'vitest';
import { dateTimeFormat, listFormat, numberFormat } from '../../src/domain/intl.js';

describe('shared Intl formatters', () => {
  it('builds one formatter per locale and options, formatting as a fresh one does', () => {
    const options = { style: 'currency', currency: 'EUR' } as const;
    const first = numberFormat('fr-FR', options);
    expect(numberFormat('fr-FR', { style: 'currency', currency: 'EUR' })).toBe(first);
    expect(numberFormat('es-ES', options)).not.toBe(first);
    expect(numberFormat('fr-FR', { style: 'currency', currency: 'USD' })).not.toBe(first);
    expect(first.format(1234.5)).toBe(new Intl.NumberFormat('fr-FR', options).format(1234.5));

    const when = new Date('2026-11-23T11:05:00Z');
    const dateOptions = { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' } as const;
    expect(dateTimeFormat('ru-RU', dateOptions).format(when)).toBe(
      new Intl.DateTimeFormat('ru-RU', dateOptions).format(when),
    );
    expect(dateTimeFormat('ru-RU', dateOptions)).toBe(dateTimeFormat('ru-RU', { ...dateOptions }));
    expect(listFormat('pt-BR', { style: 'long', type: 'conjunction' }).format(['a', 'b', 'c'])).toBe(
      'a, b e c',
    );
  });

  it('throws for a malformed currency as Intl does, and caches nothing for it', () => {
    expect(() => numberFormat('en-US', { style: 'currency', currency: 'EURO' })).toThrow(RangeError);
    expect(() => numberFormat('en-US', { style: 'currency', currency: 'EURO' })).toThrow(RangeError);
  });

  it('stays bounded whatever keys it is given', () => {
    const first = numberFormat('en-US', { maximumFractionDigits: 0 });
    // Distinct keys: the same locale with a private-use tag per key.
    for (let i = 0; i < 2_100; i++) numberFormat(`en-x-k${i}`, { maximumFractionDigits: 0 });
    // Past the bound the cache starts again: the first formatter is built anew (equal, not the same).
    expect(numberFormat('en-US', { maximumFractionDigits: 0 })).not.toBe(first);
  });
});
