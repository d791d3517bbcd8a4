/**
 * Text normalisation shared by every matcher of outside text (language, intent, urgency, carrier
 * checkpoints): one definition of "the same word" whatever case, accents or apostrophes it has.
 */

/** Any character outside ASCII: only such text needs Unicode folding. */
export const NON_ASCII_RE = /[\u0080-\uffff]/;

/** Lowercase and strip diacritics so "todavía", "todavia" and "TODAVIA" look alike (also й→и, ё→е). */
export function fold(value: string): string {
  // Plain ASCII (most messages) has nothing to decompose.
  if (!NON_ASCII_RE.test(value)) return value.toLowerCase();
  return value
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC');
}

/** {@link fold} with typographic apostrophes straightened: "Dédouanement" and "dedouanement" look alike. */
export function foldText(value: string): string {
  return fold(value.replace(/[\u2018\u2019\u02bc`]/g, "'"));
}
