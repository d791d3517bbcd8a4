import { describe, expect, it } from 'vitest';
import {
  disputeValidationDue,
  matchListing,
  nameOverlap,
  productWords,
} from '../../../src/domain/listing/dispute-link.js';

const LISTINGS = [
  {
    listingId: 'SKU-EARBUDS',
    titles: [
      'Wireless Earbuds with Charging Case, Bluetooth 5.3, 30 Hours of Playback',
      'Auriculares inalámbricos con estuche de carga, Bluetooth 5.3, 30 horas de reproducción',
      'Беспроводные наушники с зарядным кейсом, Bluetooth 5.3, до 30 часов работы',
    ],
  },
  { listingId: 'SKU-CASE', titles: ['Silicone phone case for iPhone 15'] },
  { listingId: 'SKU-DRESS', titles: ['Floral summer dress, cotton, sizes S to XL'] },
];

describe('matching order items to listings', () => {
  it('normalizes words: case, accents, punctuation and noise words', () => {
    expect(productWords('Auriculares INALÁMBRICOS, con estuche!')).toEqual([
      'auriculares',
      'inalambricos',
      'estuche',
    ]);
  });

  it('an item naming part of a title matches it, in any language of the listing', () => {
    expect(matchListing(['Wireless earbuds'], LISTINGS)).toEqual({ listingId: 'SKU-EARBUDS', score: 1 });
    expect(matchListing(['auriculares inalambricos'], LISTINGS)?.listingId).toBe('SKU-EARBUDS');
    expect(matchListing(['Беспроводные наушники'], LISTINGS)?.listingId).toBe('SKU-EARBUDS');
    expect(matchListing(['Silicone case iPhone 15 (blue)'], LISTINGS)?.listingId).toBe('SKU-CASE');
  });

  it('one shared generic word is not a match; unrelated items match nothing', () => {
    expect(nameOverlap('Leather case', 'Silicone phone case for iPhone 15')).toBe(0);
    expect(matchListing(['Leather wallet case'], LISTINGS)).toBeNull();
    expect(matchListing(['Desk lamp'], LISTINGS)).toBeNull();
    expect(matchListing(['Case'], LISTINGS)).toBeNull();
    expect(matchListing([], LISTINGS)).toBeNull();
    expect(matchListing(['Wireless earbuds'], [])).toBeNull();
  });

  it('picks the best match among several items and listings', () => {
    const match = matchListing(['Case', 'Floral summer dress size M'], LISTINGS);
    expect(match?.listingId).toBe('SKU-DRESS');
  });
});

describe('when complaints call for a validation', () => {
  it('at the threshold, once per window', () => {
    expect(disputeValidationDue({ complaints: 2, threshold: 3, validatedInWindow: false })).toBe(false);
    expect(disputeValidationDue({ complaints: 3, threshold: 3, validatedInWindow: false })).toBe(true);
    expect(disputeValidationDue({ complaints: 9, threshold: 3, validatedInWindow: true })).toBe(false);
  });
});
