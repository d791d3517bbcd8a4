import { index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { SellerLanguage } from '../../domain/shop/seller-language.js';
import { shops } from './shops.js';

/**
 * Who a console link or session stands for: a Telegram or Slack member of the shop (their role is
 * read from `team_members` on every request), or a shop API token (`api`, its role from its live
 * scopes): the CLI and the demo sign in that way.
 */
export type ConsoleSubjectChannel = 'telegram' | 'slack' | 'api';

/**
 * One-time console sign-in links (`/console` in Telegram, `/sellerdesk console` in Slack,
 * `POST /v1/console/links`), stored as SHA-256 hashes: single use, valid for ten minutes.
 */
export const consoleLinks = pgTable(
  'console_links',
  {
    tokenHash: text('token_hash').primaryKey(),
    shopId: text('shop_id')
      .notNull()
      .references(() => shops.id, { onDelete: 'cascade' }),
    subjectChannel: text('subject_channel').$type<ConsoleSubjectChannel>().notNull(),
    subjectId: text('subject_id').notNull(),
    subjectName: text('subject_name'),
    /** The language of the chat the link was asked for; the session starts in it. */
    language: text('language').$type<SellerLanguage>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('console_links_shop_idx').on(t.shopId)],
);

/**
 * Console sessions opened from a link: the cookie carries the secret, this table only its hash.
 * Signing out sets `revoked_at`; past `expires_at` the session is refused.
 */
export const consoleSessions = pgTable(
  'console_sessions',
  {
    id: text('id').primaryKey(),
    tokenHash: text('token_hash').notNull().unique(),
    shopId: text('shop_id')
      .notNull()
      .references(() => shops.id, { onDelete: 'cascade' }),
    subjectChannel: text('subject_channel').$type<ConsoleSubjectChannel>().notNull(),
    subjectId: text('subject_id').notNull(),
    subjectName: text('subject_name'),
    /** The console's language (the picker); null: the shop's seller language. */
    language: text('language').$type<SellerLanguage>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('console_sessions_shop_idx').on(t.shopId)],
);

export type ConsoleSession = typeof consoleSessions.$inferSelect;
export type ConsoleLink = typeof consoleLinks.$inferSelect;
