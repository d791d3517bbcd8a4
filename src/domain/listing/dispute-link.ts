/**
 * Ties "not as described" tickets to the listing their order names, so a listing that keeps
 * drawing such complaints gets validated. Orders carry item names, not listing ids: an item is
 * matched against the titles (in every language) of the listings the shop has validated.
 */

/** A listing the shop has submitted, with its titles in each language. */
export interface KnownListing {
  listingId: string;
  titles: readonly string[];
}

/** The listing an order's items name, with how well they matched (0..1). */
export interface ListingMatch {
  listingId: string;
  score: number;
}

/** Below this share of the shorter name's words in common, an item does not name a listing. */
export const MIN_MATCH_SCORE = 0.75;

/** Words that say nothing about which product it is. */
const NOISE = new Set([
  'the',
  'an',
  'for',
  'with',
  'and',
  'of',
  'de',
  'la',
  'el',
  'le',
  'les',
  'des',
  'du',
  'para',
  'con',
  'et',
  'pour',
  'avec',
  'com',
  'do',
  'da',
  'для',
  'new',
  'hot',
  'sale',
  '2024',
  '2025',
  '2026',
  'pcs',
  'pc',
]);

/** Lower-cased words without accents or punctuation, noise words dropped. */
export function productWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1 && !NOISE.has(w));
}

/** Share of the shorter word set found in the longer one (1 = one name contains the other). */
export function nameOverlap(a: string, b: string): number {
  const left = new Set(productWords(a));
  const right = new Set(productWords(b));
  if (left.size === 0 || right.size === 0) return 0;
  const [small, large] = left.size <= right.size ? [left, right] : [right, left];
  let common = 0;
  for (const word of small) if (large.has(word)) common++;
  // A single shared word ("case", "dress") is not enough to name a product.
  if (common < 2) return 0;
  return common / small.size;
}

/**
 * The listing best named by the order's items, or null when none reaches `MIN_MATCH_SCORE`.
 * Ties go to the listing submitted first in `listings` (callers pass newest first).
 */
export function matchListing(
  items: readonly string[],
  listings: readonly KnownListing[],
): ListingMatch | null {
  let best: ListingMatch | null = null;
  for (const listing of listings) {
    for (const item of items) {
      for (const title of listing.titles) {
        const score = nameOverlap(item, title);
        if (score >= MIN_MATCH_SCORE && (!best || score > best.score)) {
          best = { listingId: listing.listingId, score };
        }
      }
    }
  }
  return best;
}

/** Whether the complaints about a listing call for a validation now. */
export function disputeValidationDue(input: {
  complaints: number;
  threshold: number;
  validatedInWindow: boolean;
}): boolean {
  return !input.validatedInWindow && input.complaints >= input.threshold;
}
