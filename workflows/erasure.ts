import { proxyActivities, sleep } from '@temporalio/workflow';
// biome-ignore lint/style/noRestrictedImports: type-only (erased when bundled), Temporal's proxyActivities pattern
import type { ErasureActivities } from '../src/activities/erasure-activities.js';
import type { CardErasureInput } from './contracts/card-erasure.js';

const io = proxyActivities<ErasureActivities>({
  startToCloseTimeout: '5 minutes',
  retry: {
    initialInterval: '10 seconds',
    backoffCoefficient: 2,
    maximumInterval: '5 minutes',
    maximumAttempts: 6,
  },
});

/** How long after the first pass a second one looks for cards an in-flight activity still posted. */
export const SECOND_PASS_AFTER = '2 minutes';

/**
 * Edits the buyer's text and name out of the chat cards of erased tickets (input: ids only), with
 * retries; a second pass catches a card posted by an activity that was already running when the
 * ticket was closed. Gives up after the retries: the database erasure never depends on it.
 */
export async function cardErasureWorkflow(
  input: CardErasureInput,
): Promise<{ edited: number; failed: boolean }> {
  let edited = 0;
  let failed = false;
  for (const pass of [0, 1]) {
    if (pass === 1) await sleep(SECOND_PASS_AFTER);
    try {
      edited += (await io.redactErasedCards(input)).edited;
    } catch {
      failed = true;
    }
  }
  return { edited, failed };
}
