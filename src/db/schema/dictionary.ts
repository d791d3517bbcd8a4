import { index, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import type { Language } from '../../domain/types.js';
import { shops } from './shops.js';

/**
 * A shop's own spelling dictionary ("Add to my dictionary"): words the listing checks never report
 * as misspelled for that shop. `word` is stored lower-cased (NFC).
 */
export const shopDictionaryWords = pgTable(
  'shop_dictionary_words',
  {
    shopId: text('shop_id')
      .notNull()
      .references(() => shops.id, { onDelete: 'cascade' }),
    language: text('language').$type<Language>().notNull(),
    word: text('word').notNull(),
    /** Who added it: `api`, `telegram:<userId>`, `slack:<userId>`. */
    addedBy: text('added_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.language, t.word] }),
    // Candidates for the global list: the same word across shops.
    index('shop_dictionary_words_word_idx').on(t.language, t.word),
  ],
);

export type ShopDictionaryWord = typeof shopDictionaryWords.$inferSelect;
