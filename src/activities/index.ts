import type { ErasureKeyConfig } from '../db/erasure-repo.js';
import { createErasureActivities } from './erasure-activities.js';
import { createListingActivities, type ListingActivityDeps } from './listing-activities.js';
import { createMaintenanceActivities } from './maintenance-activities.js';
import { createShipmentActivities, type ShipmentActivityDeps } from './shipment-activities.js';
import { createSlackActivities, type SlackActivityDeps } from './slack-activities.js';
import { createTicketActivities, type TicketActivityDeps } from './ticket-activities.js';
import { createTicketRounds } from './ticket-rounds.js';

/**
 * Everything activities may need; built once at the worker (composition root). The shipment
 * watch adds only optional fields: `openSystemTicket` (apology and pickup tickets; absent, the
 * action is recorded as pending), `notifySupport` (Slack escalations; absent, Telegram chats get
 * them) and `clock` (coupon month boundaries in tests).
 */
export type ActivityDeps = TicketActivityDeps &
  ShipmentActivityDeps &
  SlackActivityDeps &
  ListingActivityDeps & {
    /** ERASURE_KEY(_PREVIOUS) for the retention schedule's pseudonyms; unset: the database-held key. */
    erasureKeys?: ErasureKeyConfig | undefined;
  };

/** All activities the worker registers: each feature's factory, merged. */
export function createActivities(deps: ActivityDeps) {
  const slack = deps.slack;
  const steps = {
    // Team steps are scheduled only for shops whose Slack workspace and support channel are bound.
    ...createTicketActivities({
      ...deps,
      ...(deps.teamChannel === undefined && slack
        ? { teamChannelFor: async (shopId: string) => Boolean((await slack.forShop(shopId))?.channel) }
        : {}),
    }),
    ...createShipmentActivities(deps),
    ...createListingActivities(deps),
    ...createMaintenanceActivities(deps),
    ...createErasureActivities(deps),
    // After the ticket activities: replaces their team-channel placeholders when Slack is wired.
    ...createSlackActivities(deps),
  };
  // The ticket workflow's rounds compose the steps above (one local activity per round).
  return { ...steps, ...createTicketRounds(steps) };
}

/** The worker's activity map. */
export type Activities = ReturnType<typeof createActivities>;
