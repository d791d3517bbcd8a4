import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { SellerLanguage } from '../../domain/shop/seller-language.js';
import type { ShopSettings } from '../../domain/shop/settings.js';
import type { Language } from '../../domain/types.js';

/** A seller's shop: the tenant every ticket, token and chat belongs to. */
export const shops = pgTable('shops', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  defaultLanguage: text('default_language').$type<Language>().notNull(),
  sellerLanguage: text('seller_language').$type<SellerLanguage>().notNull(),
  plan: text('plan').$type<'free' | 'auto'>().notNull(),
  settings: jsonb('settings').$type<ShopSettings>().notNull().default({}),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Bearer tokens of a shop, stored as SHA-256 hashes; the secret is shown once. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: text('id').primaryKey(),
    shopId: text('shop_id')
      .notNull()
      .references(() => shops.id, { onDelete: 'cascade' }),
    name: text('name'),
    tokenHash: text('token_hash').notNull().unique(),
    scopes: text('scopes').array().notNull().default(sql`'{}'::text[]`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('api_tokens_shop_idx').on(t.shopId)],
);

/** Telegram chats linked to a shop with `/start <code>`; approval cards go to each. */
export const telegramChats = pgTable(
  'telegram_chats',
  {
    chatId: text('chat_id').primaryKey(),
    shopId: text('shop_id')
      .notNull()
      .references(() => shops.id, { onDelete: 'cascade' }),
    language: text('language').$type<SellerLanguage>(),
    linkedByUserId: text('linked_by_user_id'),
    linkedAt: timestamp('linked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('telegram_chats_shop_idx').on(t.shopId)],
);

/**
 * Telegram link codes, stored as SHA-256 hashes: single use, expiring, and at most one live code per
 * shop (issuing a new one revokes the old in the same transaction).
 */
export const telegramLinkCodes = pgTable(
  'telegram_link_codes',
  {
    codeHash: text('code_hash').primaryKey(),
    shopId: text('shop_id')
      .notNull()
      .references(() => shops.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    usedByChat: text('used_by_chat'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('telegram_link_codes_one_live_uq')
      .on(t.shopId)
      .where(sql`${t.usedAt} is null and ${t.revokedAt} is null`),
  ],
);

/** A shop's own reply receiver (docs/API.md, "Outbound replies"); the secret is write-only and never leaves this table. */
export const shopOutbound = pgTable('shop_outbound', {
  shopId: text('shop_id')
    .primaryKey()
    .references(() => shops.id, { onDelete: 'cascade' }),
  url: text('url').notNull(),
  secret: text('secret').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Secrets the server generates for itself once (the erasure pseudonym key when ERASURE_KEY is unset). */
export const serverSecrets = pgTable('server_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export type Shop = typeof shops.$inferSelect;
export type ApiToken = typeof apiTokens.$inferSelect;
export type TelegramChat = typeof telegramChats.$inferSelect;

export type { ShopSettings } from '../../domain/shop/settings.js';
