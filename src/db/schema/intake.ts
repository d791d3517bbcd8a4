import { bigserial, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { shops } from './shops.js';
import { tickets } from './tickets.js';

/**
 * Transactional outbox of intake: one row per stored buyer message whose ticket workflow has not
 * been started or signalled yet. Written in the same transaction as the message; the drainer
 * deletes a row once Temporal took it. Holds ids only (the text stays in `buyer_messages`).
 */
export const intakeOutbox = pgTable(
  'intake_outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    shopId: text('shop_id')
      .notNull()
      .references(() => shops.id, { onDelete: 'cascade' }),
    ticketId: text('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    messageId: text('message_id').notNull(),
    /** Position in its shop's queue when stored: the drainer serves shops round-robin by it. */
    shopRank: integer('shop_rank').notNull().default(0),
    /** Claimed by a drainer until then; a crashed drainer's rows become claimable again. */
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('intake_outbox_shop_message_uq').on(t.shopId, t.messageId),
    index('intake_outbox_fair_idx').on(t.shopRank, t.id),
    index('intake_outbox_ticket_idx').on(t.ticketId, t.id),
    index('intake_outbox_shop_idx').on(t.shopId),
  ],
);

export type IntakeOutboxRow = typeof intakeOutbox.$inferSelect;
