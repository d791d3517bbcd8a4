import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { tickets } from './tickets.js';

/** Body POSTed to the shop's outbound URL or OUTBOUND_URL (docs/API.md, "Outbound replies"). */
export interface DeliveryPayload {
  /** The tenant, so one receiver serving several shops never mixes their replies. */
  shopId: string;
  ticketId: string;
  orderId: string;
  buyerId: string;
  language: string;
  text: string;
  coupon?: { code: string; value: number; currency: string };
  idempotencyKey: string;
}

/** One reply to a buyer, keyed by `(ticketId, revision)`: the exactly-once ledger and the `log` outbox. */
export const deliveries = pgTable(
  'deliveries',
  {
    idempotencyKey: text('idempotency_key').primaryKey(),
    ticketId: text('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    revision: integer('revision').notNull(),
    target: text('target').$type<'log' | 'http'>().notNull(),
    state: text('state').$type<'pending' | 'delivered' | 'failed'>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    payload: jsonb('payload').$type<DeliveryPayload>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  },
  (t) => [index('deliveries_ticket_idx').on(t.ticketId)],
);

export type Delivery = typeof deliveries.$inferSelect;
