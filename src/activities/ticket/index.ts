import { createApprovalActivities } from './approval.js';
import { createDecisionActivities } from './decision.js';
import { createDeliveryActivities } from './delivery.js';
import type { TicketActivityDeps } from './deps.js';
import { createSetupActivities } from './setup.js';
import { createSpinOffActivities } from './spin-off.js';
import { createTeamActivities } from './team.js';
import { createUnderstandActivities } from './understand.js';

export type { TicketActivityDeps } from './deps.js';
export type { RenderedDraft } from './render.js';
export { type Classification, type ClassifyInput, DRAFT_MESSAGE_WINDOW } from './understand.js';

/** Activities of the ticket workflow: thin load -> domain -> persist -> notify steps, one concern a file. */
export function createTicketActivities(deps: TicketActivityDeps) {
  return {
    ...createUnderstandActivities(deps),
    ...createSetupActivities(deps),
    ...createApprovalActivities(deps),
    ...createDecisionActivities(deps),
    ...createDeliveryActivities(deps),
    ...createSpinOffActivities(deps),
    ...createTeamActivities(deps),
  };
}

/** The activity functions as the workflow sees them (type-only import there). */
export type TicketActivities = ReturnType<typeof createTicketActivities>;
