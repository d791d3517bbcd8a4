import { and, eq, inArray } from 'drizzle-orm';
import type { TicketStatus } from '../domain/types.js';
import type { Db } from './client.js';
import { tickets } from './schema/index.js';

/** Statuses of a ticket still taking buyer messages (a new message joins it rather than a new one). */
export const OPEN_STATUSES: TicketStatus[] = ['queued', 'classifying', 'awaiting_approval', 'escalated'];

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * The open buyer ticket of an order and buyer in a shop (at most one: a partial unique index),
 * locked for the rest of `tx` so a concurrent intake or spin-off cannot open a second one.
 */
export async function findOpenBuyerTicket(
  tx: Tx,
  key: { shopId: string; orderId: string; buyerId: string },
): Promise<{ id: string; status: TicketStatus } | undefined> {
  const [open] = await tx
    .select({ id: tickets.id, status: tickets.status })
    .from(tickets)
    .where(
      and(
        eq(tickets.shopId, key.shopId),
        eq(tickets.orderId, key.orderId),
        eq(tickets.buyerId, key.buyerId),
        eq(tickets.origin, 'buyer'),
        inArray(tickets.status, OPEN_STATUSES),
      ),
    )
    .limit(1)
    .for('update');
  return open;
}
