import { inArray } from 'drizzle-orm';
import { newId } from '../../db/ids.js';
import { findOpenBuyerTicket } from '../../db/open-tickets.js';
import { buyerMessages, ticketEvents, tickets } from '../../db/schema/index.js';
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
      let newTicketId = newId('tkt');
      const moved = await db.transaction(async (tx) => {
        const rows = await tx
          .select()
          .from(buyerMessages)
          .where(inArray(buyerMessages.messageId, input.messageIds));
        const mine = rows.filter((r) => r.shopId === ticket.shopId && r.ticketId === ticket.id);
        if (mine.length === 0) return [];
        // A newer open ticket of the same order and buyer may exist already: the messages join it.
        const open = await findOpenBuyerTicket(tx, ticket);
        if (open) newTicketId = open.id;
        else
          await tx.insert(tickets).values({
            id: newTicketId,
            shopId: ticket.shopId,
            orderId: ticket.orderId,
            buyerId: ticket.buyerId,
            buyerName: ticket.buyerName,
            status: 'classifying',
            order: ticket.order,
            dispute: ticket.dispute,
          });
        await tx
          .update(buyerMessages)
          .set({ ticketId: newTicketId })
          .where(
            inArray(
              buyerMessages.id,
              mine.map((r: { id: number }) => r.id),
            ),
          );
        await tx.insert(ticketEvents).values({
          ticketId: ticket.id,
          kind: 'spun_off',
          details: { to: newTicketId, messages: mine.length },
        });
        return mine;
      });
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
