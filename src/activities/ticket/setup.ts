import { ApplicationFailure } from '@temporalio/common';
import { getShop } from '../../db/shops-repo.js';
import { getTicket } from '../../db/tickets-repo.js';
import { effectiveSettings } from '../../domain/shop/settings.js';
import type { SlaSettings } from '../../domain/ticket/index.js';
import type { TicketActivityDeps } from './deps.js';

/** What a ticket workflow reads once: the shop's SLA timers and whether a team channel exists. */
export function createSetupActivities(deps: TicketActivityDeps) {
  const { db } = deps;

  const internal = {
    /** The shop's SLA timers (defaults filled in) for the ticket workflow's reminders and escalation. */
    async loadSlaSettings(input: { shopId: string; disputeDeadline?: string }): Promise<SlaSettings> {
      const shop = await getShop(db, input.shopId);
      const { sla } = effectiveSettings(shop?.settings);
      return { ...sla, ...(input.disputeDeadline ? { disputeDeadline: input.disputeDeadline } : {}) };
    },
  };

  return {
    /** What the workflow needs once per ticket: the shop's SLA timers and whether a team channel exists. */
    async ticketSetup(input: { ticketId: string }): Promise<{ sla: SlaSettings; teamChannel: boolean }> {
      const ticket = await getTicket(db, input.ticketId);
      if (!ticket) throw ApplicationFailure.nonRetryable('ticket vanished', 'ticket_not_found');
      const sla = await internal.loadSlaSettings({
        shopId: ticket.shopId,
        ...(ticket.dispute?.deadline ? { disputeDeadline: ticket.dispute.deadline } : {}),
      });
      // Team steps are scheduled only for shops whose team channel (Slack workspace and channel) is bound.
      const teamChannel = deps.teamChannel ?? Boolean((await deps.team.forShop(ticket.shopId))?.channel);
      return { sla, teamChannel };
    },
  };
}
