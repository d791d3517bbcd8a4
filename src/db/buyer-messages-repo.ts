import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from './client.js';
import { newId } from './ids.js';
import { findOpenBuyerTicket } from './open-tickets.js';
import { preparedOn } from './prepared.js';
import { type BuyerMessage, buyerMessages, type Ticket, ticketEvents, tickets } from './schema/index.js';

/** The ticket's latest `limit` buyer messages, oldest first (a long conversation reads its recent end). */
export async function latestBuyerMessages(db: Db, ticketId: string, limit: number): Promise<BuyerMessage[]> {
  const rows = await preparedOn(db, 'latest_buyer_messages', (d) =>
    d
      .select()
      .from(buyerMessages)
      .where(eq(buyerMessages.ticketId, sql.placeholder('ticketId')))
      .orderBy(desc(buyerMessages.receivedAt), desc(buyerMessages.id))
      .limit(sql.placeholder('limit'))
      .prepare('latest_buyer_messages'),
  ).execute({ ticketId, limit });
  return rows.reverse();
}

/** The stored (redacted) text of one buyer message of a ticket. */
export async function buyerMessageText(
  db: Db,
  ticketId: string,
  messageId: string,
): Promise<string | undefined> {
  const [message] = await db
    .select({ text: buyerMessages.text })
    .from(buyerMessages)
    .where(and(eq(buyerMessages.ticketId, ticketId), eq(buyerMessages.messageId, messageId)))
    .limit(1);
  return message?.text;
}

/**
 * Moves the messages of `ticket` among `messageIds` to the open ticket of the same order and buyer,
 * or to a new ticket (`classifying`) when there is none, in one transaction, and notes it on the
 * old ticket's timeline. Returns the ticket they went to and the messages moved (none: nothing
 * happened).
 */
export async function spinOffBuyerMessages(
  db: Db,
  ticket: Ticket,
  messageIds: string[],
): Promise<{ ticketId: string; moved: BuyerMessage[] }> {
  let newTicketId = newId('tkt');
  const moved = await db.transaction(async (tx) => {
    const rows = await tx.select().from(buyerMessages).where(inArray(buyerMessages.messageId, messageIds));
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
  return { ticketId: newTicketId, moved };
}
