import { ApplicationFailure } from '@temporalio/common';
import type { Shop } from '../../db/schema/index.js';
import { getTicketAndShop, type TicketAndShop } from '../../db/tickets-repo.js';
import { effectiveSettings } from '../../domain/shop/settings.js';
import type { SlaSettings } from '../../domain/ticket/index.js';
import type { TicketActivityDeps } from './deps.js';

/** The shop's SLA timers (defaults filled in) for the ticket workflow's reminders and escalation. */
function slaSettingsOf(shop: Shop, disputeDeadline: string | undefined): SlaSettings {
  const { sla } = effectiveSettings(shop.settings);
  return { ...sla, ...(disputeDeadline ? { disputeDeadline } : {}) };
}

/** What a ticket workflow reads once: the shop's SLA timers and whether a team channel exists. */
export function createSetupActivities(deps: TicketActivityDeps) {
  const { db } = deps;

  return {
    /** What the workflow needs once per ticket: the shop's SLA timers and whether a team channel exists. */
    async ticketSetup(
      input: { ticketId: string },
      /** In-process callers (a round) pass the ticket and shop they already read. */
      loaded?: TicketAndShop,
    ): Promise<{ sla: SlaSettings; teamChannel: boolean }> {
      const found = loaded ?? (await getTicketAndShop(db, input.ticketId));
      if (!found) throw ApplicationFailure.nonRetryable('ticket vanished', 'ticket_not_found');
      const { ticket, shop } = found;
      const sla = slaSettingsOf(shop, ticket.dispute?.deadline);
      // Team steps are scheduled only for shops whose team channel (Slack workspace and channel) is bound.
      const teamChannel = deps.teamChannel ?? Boolean((await deps.team.forShop(ticket.shopId))?.channel);
      return { sla, teamChannel };
    },
  };
}
