import { spinOffBuyerMessages } from '../../db/buyer-messages-repo.js';
import { getTicket } from '../../db/tickets-repo.js';
import type { TicketActivityDeps } from './deps.js';

/** Buyer messages that arrived after a decision: moved to a new (or open) ticket of the same buyer. */
export function createSpinOffActivities(deps: TicketActivityDeps) {
  const { db } = deps;

  return {
    /** Moves messages that reached a ticket after its decision to a new ticket and starts it. */
    async spinOffMessages(input: {
      ticketId: string;
      messageIds: string[];
    }): Promise<{ ticketId: string | null }> {
      const ticket = await getTicket(db, input.ticketId);
      if (!ticket || input.messageIds.length === 0 || !deps.dispatchBuyerMessage) return { ticketId: null };
      const { ticketId: newTicketId, moved } = await spinOffBuyerMessages(db, ticket, input.messageIds);
      for (const m of moved) {
        await deps.dispatchBuyerMessage({
          shopId: ticket.shopId,
          ticketId: newTicketId,
          messageId: m.messageId,
        });
      }
      return { ticketId: moved.length ? newTicketId : null };
    },
  };
}
