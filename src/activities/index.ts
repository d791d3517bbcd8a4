import { createListingActivities, type ListingActivityDeps } from './listing-activities.js';
import { createMaintenanceActivities } from './maintenance-activities.js';
import { createShipmentActivities, type ShipmentActivityDeps } from './shipment-activities.js';
import { createSlackActivities, type SlackActivityDeps } from './slack-activities.js';
import { createTicketActivities, type TicketActivityDeps } from './ticket-activities.js';

/**
 * Everything activities may need; built once at the worker (composition root). The shipment
 * watch adds only optional fields: `openSystemTicket` (apology and pickup tickets; absent, the
 * action is recorded as pending), `notifySupport` (Slack escalations; absent, Telegram chats get
 * them) and `clock` (coupon month boundaries in tests).
 */
export type ActivityDeps = TicketActivityDeps &
  ShipmentActivityDeps &
  SlackActivityDeps &
  ListingActivityDeps;

/** All activities the worker registers: each feature's factory, merged. */
export function createActivities(deps: ActivityDeps) {
  return {
    // Team steps are scheduled only when a support channel is configured.
    ...createTicketActivities({
      ...deps,
      teamChannel: deps.teamChannel ?? Boolean(deps.slack && deps.slackChannel),
    }),
    ...createShipmentActivities(deps),
    ...createListingActivities(deps),
    ...createMaintenanceActivities(deps),
    // After the ticket activities: replaces their team-channel placeholders when Slack is wired.
    ...createSlackActivities(deps),
  };
}

/** The worker's activity map. */
export type Activities = ReturnType<typeof createActivities>;
