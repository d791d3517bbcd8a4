import { index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { shops } from './shops.js';
import { tickets } from './tickets.js';

/** A normalized tracking event as stored on a shipment. */
export interface StoredTrackingEvent {
  at: string;
  status: string;
  description: string;
  location?: string;
}

/** Something the shipment watch did (apology, coupon, escalation, pickup reminder). */
export interface ShipmentAction {
  at: string;
  kind: string;
  details?: Record<string, unknown>;
}

/** One tracked parcel of a shop, mirrored from its ShipmentWatch workflow. */
export const shipments = pgTable(
  'shipments',
  {
    shopId: text('shop_id')
      .notNull()
      .references(() => shops.id, { onDelete: 'cascade' }),
    trackingNumber: text('tracking_number').notNull(),
    orderId: text('order_id').notNull(),
    carrier: text('carrier').notNull(),
    buyerId: text('buyer_id').notNull(),
    buyerLocale: text('buyer_locale'),
    state: text('state').notNull(),
    leg: text('leg'),
    lastEventAt: timestamp('last_event_at', { withTimezone: true }),
    stalledSince: timestamp('stalled_since', { withTimezone: true }),
    events: jsonb('events').$type<StoredTrackingEvent[]>().notNull().default([]),
    actions: jsonb('actions').$type<ShipmentAction[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.trackingNumber] }),
    // "Where is my order?" drafts look up the order's parcels.
    index('shipments_shop_order_idx').on(t.shopId, t.orderId),
  ],
);

/** A listing validation request and its findings. */
export const listingValidations = pgTable('listing_validations', {
  id: text('id').primaryKey(),
  shopId: text('shop_id')
    .notNull()
    .references(() => shops.id, { onDelete: 'cascade' }),
  listingId: text('listing_id').notNull(),
  status: text('status').$type<'running' | 'completed' | 'failed'>().notNull(),
  request: jsonb('request').$type<Record<string, unknown>>().notNull(),
  findings: jsonb('findings').$type<Array<Record<string, unknown>>>().notNull().default([]),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  completedAt: timestamp('completed_at', { withTimezone: true }),
  /** Why sellerdesk started this validation itself (null: requested through the API). */
  trigger: jsonb('trigger').$type<ValidationTrigger>(),
});

/** A validation sellerdesk opened because buyers kept saying the listing is not as described. */
export interface ValidationTrigger {
  kind: 'disputes';
  count: number;
  windowDays: number;
  threshold: number;
  ticketIds: string[];
}

/** A `not_as_described` ticket tied to the listing its order items name. */
export const listingDisputeLinks = pgTable(
  'listing_dispute_links',
  {
    ticketId: text('ticket_id')
      .primaryKey()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    shopId: text('shop_id')
      .notNull()
      .references(() => shops.id, { onDelete: 'cascade' }),
    listingId: text('listing_id').notNull(),
    /** How well the order items matched the listing title (0..1). */
    score: integer('score_pct').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('listing_dispute_links_listing_idx').on(t.shopId, t.listingId, t.createdAt)],
);

export type Shipment = typeof shipments.$inferSelect;
export type NewShipment = typeof shipments.$inferInsert;
export type ListingValidation = typeof listingValidations.$inferSelect;
export type ListingDisputeLink = typeof listingDisputeLinks.$inferSelect;
