import { sql } from 'drizzle-orm';
import {
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { Sentiment } from '../../domain/message/urgency.js';
import type {
  Category,
  DecisionAction,
  DisputeFacts,
  Language,
  OrderFacts,
  TicketStatus,
  Urgency,
} from '../../domain/types.js';
import { shops } from './shops.js';

/** One conversation with a buyer about one order, driven by one Temporal workflow. */
export const tickets = pgTable(
  'tickets',
  {
    id: text('id').primaryKey(),
    shopId: text('shop_id')
      .notNull()
      .references(() => shops.id, { onDelete: 'cascade' }),
    orderId: text('order_id').notNull(),
    buyerId: text('buyer_id').notNull(),
    buyerName: text('buyer_name'),
    status: text('status').$type<TicketStatus>().notNull(),
    language: text('language').$type<Language>(),
    languageConfidence: real('language_confidence'),
    category: text('category').$type<Category>(),
    confidence: real('confidence'),
    urgency: text('urgency').$type<Urgency>(),
    /** The buyer's tone in the latest messages (angry, neutral, positive). */
    sentiment: text('sentiment').$type<Sentiment>(),
    abstained: integer('abstained').notNull().default(0),
    order: jsonb('order').$type<OrderFacts>().notNull().default({}),
    dispute: jsonb('dispute').$type<DisputeFacts>(),
    currentRevision: integer('current_revision').notNull().default(0),
    finalText: text('final_text'),
    decidedBy: jsonb('decided_by').$type<{ channel: string; id: string; name?: string }>(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    deliveryState: text('delivery_state').$type<'pending' | 'delivered' | 'failed'>(),
    /** Compensation granted with the reply (stall apology), delivered with it (docs/API.md, "Outbound replies"). */
    coupon: jsonb('coupon').$type<{ code: string; value: number; currency: string }>(),
    /** `buyer` for buyer messages, `system` for tickets sellerdesk opened itself. */
    origin: text('origin').$type<'buyer' | 'system'>().notNull().default('buyer'),
    /** Idempotency key of a system ticket (one ticket per stall, per pickup notice). */
    systemKey: text('system_key'),
    /** Which rule allowed or blocked auto-send. */
    autoSendRule: text('auto_send_rule'),
    /** When the buyer's data on this ticket was erased (request or retention); nothing is sent after. */
    erasedAt: timestamp('erased_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('tickets_shop_status_idx').on(t.shopId, t.status, t.createdAt),
    index('tickets_shop_order_buyer_idx').on(t.shopId, t.orderId, t.buyerId),
    uniqueIndex('tickets_system_key_uq').on(t.shopId, t.systemKey),
    // At most one open ticket per (shop, order, buyer): concurrent ingests join it instead of racing.
    uniqueIndex('tickets_one_open_per_order_buyer')
      .on(t.shopId, t.orderId, t.buyerId)
      .where(sql`status in ('queued', 'classifying', 'awaiting_approval', 'escalated') and origin = 'buyer'`),
    // The intake drainer counts tickets started and not drafted yet (its admission window).
    index('tickets_classifying_idx').on(t.updatedAt).where(sql`status = 'classifying'`),
  ],
);

/** A buyer message as stored: PII redacted before it is written. */
export const buyerMessages = pgTable(
  'buyer_messages',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    shopId: text('shop_id')
      .notNull()
      .references(() => shops.id, { onDelete: 'cascade' }),
    ticketId: text('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    messageId: text('message_id').notNull(),
    text: text('text').notNull(),
    redactedKinds: text('redacted_kinds').array().notNull().default(sql`'{}'::text[]`),
    buyerLocale: text('buyer_locale'),
    buyerCountry: text('buyer_country'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('buyer_messages_shop_message_uq').on(t.shopId, t.messageId),
    index('buyer_messages_ticket_idx').on(t.ticketId),
  ],
);

/** Every revision of a ticket's draft: template drafts and seller edits. */
export const drafts = pgTable(
  'drafts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    ticketId: text('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    revision: integer('revision').notNull(),
    language: text('language').$type<Language>().notNull(),
    text: text('text').notNull(),
    source: text('source').$type<'template' | 'edit' | 'fallback'>().notNull(),
    templateId: text('template_id'),
    templateVersion: integer('template_version'),
    note: text('note'),
    /**
     * The coupon this revision offers the buyer (a stall apology's), stored with its text: the card
     * shows and the delivery sends this row's text and coupon, never two separate copies.
     */
    coupon: jsonb('coupon').$type<{ code: string; value: number; currency: string }>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('drafts_ticket_revision_uq').on(t.ticketId, t.revision)],
);

/**
 * A seller's edited reply, stored before the decision reaches the ticket workflow, which gets
 * only this row's id: reply texts never enter Temporal histories. Refused edits are deleted.
 */
export const replyEdits = pgTable(
  'reply_edits',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    ticketId: text('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('reply_edits_ticket_idx').on(t.ticketId)],
);

/** Who decided what about a ticket, and when (one accepted decision per ticket). */
export const decisions = pgTable(
  'decisions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    ticketId: text('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    action: text('action').$type<DecisionAction>().notNull(),
    revision: integer('revision').notNull(),
    actorChannel: text('actor_channel').notNull(),
    actorId: text('actor_id').notNull(),
    actorName: text('actor_name'),
    text: text('text'),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('decisions_ticket_uq').on(t.ticketId)],
);

/** Timeline entries shown as `events` on a ticket. */
export const ticketEvents = pgTable(
  'ticket_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    ticketId: text('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    kind: text('kind').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    dedupeKey: text('dedupe_key'),
  },
  (t) => [
    index('ticket_events_ticket_idx').on(t.ticketId, t.id),
    uniqueIndex('ticket_events_dedupe_uq').on(t.ticketId, t.dedupeKey),
  ],
);

/** Approval cards posted to chats, so a later revision or a decision can edit them. */
export const approvalCards = pgTable(
  'approval_cards',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    ticketId: text('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    revision: integer('revision').notNull(),
    channel: text('channel').notNull(),
    chatId: text('chat_id').notNull(),
    messageId: text('message_id').notNull(),
    closed: integer('closed').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('approval_cards_uq').on(t.ticketId, t.revision, t.channel, t.chatId)],
);

export type Ticket = typeof tickets.$inferSelect;
export type BuyerMessage = typeof buyerMessages.$inferSelect;
export type Draft = typeof drafts.$inferSelect;
export type Decision = typeof decisions.$inferSelect;
export type ReplyEdit = typeof replyEdits.$inferSelect;
