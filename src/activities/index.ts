import { createSlackTeamChannel } from '../channels/slack/team-channel.js';
import type { SlackWorkspaces } from '../channels/slack/workspaces.js';
import { createTelegramApprovalChannel } from '../channels/telegram/approval-channel.js';
import type { TelegramCards } from '../channels/telegram/notifier.js';
import { shopSellerLanguage } from '../db/shops-repo.js';
import { createErasureActivities } from './erasure-activities.js';
import { createListingActivities, type ListingActivityDeps } from './listing-activities.js';
import { createMaintenanceActivities, type MaintenanceActivityDeps } from './maintenance-activities.js';
import { NO_TEAM_CHANNEL } from './ports.js';
import { createShipmentActivities, type ShipmentActivityDeps } from './shipment/index.js';
import { createTicketActivities, type TicketActivityDeps } from './ticket/index.js';
import { createTicketRounds } from './ticket/rounds.js';

/**
 * Everything activities may need; built once at the worker (composition root). The chat
 * integrations come as their platform clients: `telegram` (the Bot API card sender; absent:
 * Telegram is off) and `slack` (the shops' workspaces; absent: Slack is off). The shipment watch
 * adds only optional fields: `openSystemTicket` (apology and pickup tickets; absent, the action is
 * recorded as pending), `notifySupport` (Slack escalations; absent, Telegram chats get them) and
 * `clock` (coupon month boundaries in tests).
 */
export type ActivityDeps = Omit<TicketActivityDeps, 'approvals' | 'team'> &
  Omit<ShipmentActivityDeps, 'approvals'> &
  Omit<MaintenanceActivityDeps, 'approvals' | 'team'> &
  ListingActivityDeps & {
    telegram?: TelegramCards | undefined;
    slack?: SlackWorkspaces | undefined;
  };

/**
 * All activities the worker registers: each feature's factory, merged. The two ports are built
 * here once and handed to the factories that talk to the outside: the approval channel (Telegram
 * cards in the seller's language) and the team channel (Slack, a no-op when Slack is off).
 */
export function createActivities(deps: ActivityDeps) {
  const approvals = deps.telegram ? createTelegramApprovalChannel(deps.telegram, deps.renderer) : undefined;
  const team = deps.slack
    ? createSlackTeamChannel(deps.slack, {
        renderer: deps.renderer,
        languageOf: (shopId) => shopSellerLanguage(deps.db, shopId),
      })
    : NO_TEAM_CHANNEL;
  const withPorts = { ...deps, approvals, team };
  const steps = {
    ...createTicketActivities(withPorts),
    ...createShipmentActivities(withPorts),
    ...createListingActivities(deps),
    ...createMaintenanceActivities(withPorts),
    ...createErasureActivities(withPorts),
  };
  // The ticket workflow's rounds compose the steps above (one local activity per round).
  return { ...steps, ...createTicketRounds(steps) };
}

/** The worker's activity map. */
export type Activities = ReturnType<typeof createActivities>;
