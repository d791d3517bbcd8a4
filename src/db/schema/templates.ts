import { bigserial, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { Language } from '../../domain/types.js';
import { shops } from './shops.js';

/** A shop's override of one reply text in one language; every PUT adds a version, the latest wins. */
export const templateOverrides = pgTable(
  'template_overrides',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    shopId: text('shop_id')
      .notNull()
      .references(() => shops.id, { onDelete: 'cascade' }),
    templateId: text('template_id').notNull(),
    language: text('language').$type<Language>().notNull(),
    version: integer('version').notNull(),
    text: text('text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('template_overrides_version_uq').on(t.shopId, t.templateId, t.language, t.version),
    index('template_overrides_shop_idx').on(t.shopId),
  ],
);

/** Compensation coupons: at most one per (shop, order), every grant recorded. */
export const coupons = pgTable(
  'coupons',
  {
    code: text('code').primaryKey(),
    shopId: text('shop_id')
      .notNull()
      .references(() => shops.id, { onDelete: 'cascade' }),
    orderId: text('order_id').notNull(),
    ticketId: text('ticket_id'),
    trackingNumber: text('tracking_number'),
    value: integer('value_minor').notNull(),
    currency: text('currency').notNull(),
    reason: text('reason').notNull(),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('coupons_shop_order_uq').on(t.shopId, t.orderId),
    index('coupons_shop_month_idx').on(t.shopId, t.grantedAt),
  ],
);

export type TemplateOverride = typeof templateOverrides.$inferSelect;
export type Coupon = typeof coupons.$inferSelect;
