/**
 * The listing validation workflow's contract: what `POST /v1/listings/validate`, the dispute
 * trigger (the listing service) and the workflow share. Clients import this module, never
 * `workflows/listing-validation.ts`.
 */
import type { Language } from '../../src/domain/types.js';

/** Workflow type of the validation (the exported function `workflows/listing-validation.ts` registers). */
export const LISTING_VALIDATION_WORKFLOW = 'listingValidationWorkflow';

/** Start arguments of the listing validation workflow; the workflow id is `listing-validation-<id>`. */
export interface ListingValidationInput {
  validationId: string;
  shopId: string;
  listingId: string;
  languages: Language[];
}

/** What a validation found, for callers that wait on the workflow. */
export interface ListingValidationOutcome {
  validationId: string;
  findings: number;
  reported: number;
}

/** Workflow id of the validation `validationId`. */
export function listingValidationWorkflowId(validationId: string): string {
  return `listing-validation-${validationId}`;
}
