import { ApplicationFailure, proxyActivities } from '@temporalio/workflow';
// biome-ignore lint/style/noRestrictedImports: type-only (erased when bundled), Temporal's proxyActivities pattern
import type { ListingActivities } from '../src/activities/listing-activities.js';
import type { Issue } from '../src/domain/listing/types.js';
import type { ListingValidationInput, ListingValidationOutcome } from './contracts/listing-validation.js';

// Checks are CPU work over the stored request; the first one in a worker also loads the dictionaries.
const checks = proxyActivities<Pick<ListingActivities, 'checkListingLanguage' | 'checkListingConsistency'>>({
  startToCloseTimeout: '2 minutes',
  retry: { maximumAttempts: 3, initialInterval: '1 second' },
});

const io = proxyActivities<
  Pick<ListingActivities, 'saveListingFindings' | 'reportListingValidation' | 'failListingValidation'>
>({
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '1 minute',
    maximumAttempts: 10,
  },
});

/**
 * One workflow per validation request: the per-language checks run in parallel, the cross-language
 * consistency check after them; findings are persisted and summarized to the shop's Telegram chats.
 */
export async function listingValidationWorkflow(
  input: ListingValidationInput,
): Promise<ListingValidationOutcome> {
  const { validationId } = input;
  let issues: Issue[];
  try {
    const perLanguage = await Promise.all(
      input.languages.map((lang) => checks.checkListingLanguage({ validationId, lang })),
    );
    const across = await checks.checkListingConsistency({ validationId });
    issues = [...perLanguage.flat(), ...across];
    await io.saveListingFindings({ validationId, issues });
  } catch (error) {
    await io.failListingValidation({
      validationId,
      reason: error instanceof Error ? error.message : String(error),
    });
    throw ApplicationFailure.nonRetryable(`listing validation ${validationId} failed`, 'validation_failed');
  }
  // The report is a courtesy: a Telegram outage must not turn a completed validation into a failure.
  let reported = 0;
  try {
    reported = (await io.reportListingValidation({ validationId, issues })).sent;
  } catch {
    reported = 0;
  }
  return { validationId, findings: issues.length, reported };
}
