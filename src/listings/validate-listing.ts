import {
  type Issue,
  type ListingCheckDeps,
  type ListingTexts,
  listingContext,
  listingVersions,
  validateAcrossLanguages,
  validateLanguageVersion,
} from '../domain/listing/index.js';

/** Runs every check of a listing in-process (eval, bench); the workflow runs the same steps as activities. */
export function validateListing(listing: ListingTexts, deps: ListingCheckDeps): Issue[] {
  const versions = listingVersions(listing);
  const context = listingContext(versions, deps.spellers);
  return [
    ...versions.flatMap((v) => validateLanguageVersion(v, deps, context)),
    ...validateAcrossLanguages(versions),
  ];
}
