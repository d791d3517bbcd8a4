import { type Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import {
  LISTING_VALIDATION_WORKFLOW,
  type ListingValidationInput,
  listingValidationWorkflowId,
} from '../../workflows/contracts/listing-validation.js';

/** Starts the validation workflow of a stored validation row (the same input from any caller). */
export type StartListingValidation = (input: ListingValidationInput) => Promise<void>;

/**
 * Starts `listingValidationWorkflow` for a validation, idempotently: the workflow id is derived from
 * the validation id, so a retried start (API retry, activity retry) finds it already running.
 */
export function listingValidationStarter(client: Client, taskQueue: string): StartListingValidation {
  return async (input) => {
    try {
      await client.workflow.start(LISTING_VALIDATION_WORKFLOW, {
        workflowId: listingValidationWorkflowId(input.validationId),
        taskQueue,
        args: [input],
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  };
}
