import type { Language } from '../types.js';

/** Finding kinds of a listing validation (docs/API.md). */
export const FINDING_KINDS = [
  'wrong_language',
  'untranslated_segment',
  'spelling',
  'terminology',
  'inconsistent_value',
  'forbidden_claim',
  'placeholder',
  'too_short',
  'title_too_long',
  'all_caps',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/** The two listing fields sellerdesk validates. */
export type ListingField = 'title' | 'description';

/** Placeholder values of a finding's message (`{{name}}` in locales/<lng>/validation.json). */
export type IssueParams = Record<string, string | number>;

/**
 * What a check found, before it is put into the seller's words: `code` names the message in
 * `validation.json` (`<kind>.<code>`), `span` is `[start, end)` in the field's text.
 */
export interface Issue {
  lang: Language;
  field: ListingField;
  kind: FindingKind;
  code: string;
  params: IssueParams;
  span?: [number, number];
  suggestion?: string;
  /** How sure the check is (0-1); spelling findings carry it, other kinds are rule matches (1). */
  confidence?: number;
  /** The other field of the version states the same value or term (one error, reported once). */
  alsoIn?: { field: ListingField; span?: [number, number] };
}

/** A finding as the API returns it (docs/API.md): an issue with its message in the seller's language. */
export interface Finding {
  lang: Language;
  field: ListingField;
  kind: FindingKind;
  message: string;
  span?: [number, number];
  suggestion?: string;
  confidence?: number;
}

/** One language version of a listing. */
export interface ListingVersion {
  lang: Language;
  title: string;
  description: string;
}

/** Spell-checker port (a hunspell dictionary and a frequency list in production, a word set in tests). */
export interface SpellChecker {
  correct(word: string): boolean;
  suggest(word: string): string[];
  /**
   * How often the lower-case word occurs in a large corpus of the language, in centibels below 1
   * (300 = one word in a thousand, 800 = one in 10^8); undefined when the list lacks it (or there
   * is no list: tests).
   */
  centibels?(word: string): number | undefined;
  /**
   * Up to `limit` words of the frequency list that start with `prefix`, with their centibels: the
   * family of a stem ("отвержд" -> отверждение, отверждения). Undefined without a list (tests).
   */
  family?(prefix: string, limit: number): ReadonlyArray<readonly [string, number]>;
  /**
   * The correction of a lower-case word that a list of the language's common misspellings names
   * ("seemless" -> "seamless"); undefined when the list lacks it (or there is no list: tests, and
   * languages without one).
   */
  misspelling?(word: string): string | undefined;
}
