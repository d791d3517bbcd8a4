import { bigserial, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { Category, Language } from '../../domain/types.js';
import { shops } from './shops.js';
import { tickets } from './tickets.js';

/**
 * A seller's category correction, kept as a labelled example of that shop: the (PII-redacted)
 * buyer text the classifier read, its language, the category the seller chose and the one it
 * replaced. The shop's memory (`src/domain/message/shop-memory.ts`) matches new messages against
 * these; with the shop's consent (`learning.shareCorrections`) they may join the global training
 * data. A buyer's erasure replaces `text` and sets `erased_at` (the row stays for the counts).
 */
export const intentCorrections = pgTable(
  'intent_corrections',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    shopId: text('shop_id')
      .notNull()
      .references(() => shops.id, { onDelete: 'cascade' }),
    ticketId: text('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    /** The revision redrafted in the corrected category (one correction per revision). */
    revision: integer('revision').notNull(),
    text: text('text').notNull(),
    language: text('language').$type<Language>().notNull(),
    category: text('category').$type<Category>().notNull(),
    correctedFrom: text('corrected_from').$type<Category>().notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    erasedAt: timestamp('erased_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('intent_corrections_ticket_revision_uq').on(t.ticketId, t.revision),
    // The shop's memory reads the newest corrections of one language.
    index('intent_corrections_shop_language_idx').on(t.shopId, t.language, t.id),
  ],
);

export type IntentCorrection = typeof intentCorrections.$inferSelect;
