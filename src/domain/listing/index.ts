export type { ClaimCode } from './claims.js';
export { checkClaims } from './claims.js';
export { checkConsistency, extractQuantities, type Quantity } from './consistency.js';
export {
  checkAllCaps,
  checkTitleLength,
  checkTooShort,
  DEFAULT_FIELD_LIMITS,
  type FieldLimits,
} from './format.js';
export { checkDeclaredLanguage, findWrongLanguage } from './language-check.js';
export {
  interpolate,
  KIND_SEVERITY,
  localizeIssues,
  MissingValidationMessageError,
  summarizeFindings,
  type ValidationMessages,
} from './messages.js';
export { checkPlaceholders } from './placeholders.js';
export { checkSpelling } from './spelling.js';
export { checkTerminology } from './terminology.js';
export * from './types.js';
export { checkUntranslated } from './untranslated.js';
export {
  type ListingCheckDeps,
  type ListingContext,
  type ListingTexts,
  listingContext,
  listingVersions,
  type ShopWords,
  sharedTerms,
  validateAcrossLanguages,
  validateLanguageVersion,
  validateListing,
} from './validate.js';
export { LISTING_ALLOWLIST, listingWordPredicate } from './words/allowlist.js';
export { COMMERCE_LEXICON, commerceLexicon } from './words/commerce-lexicon.js';
