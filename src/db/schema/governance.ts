import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { shops } from './shops.js';

/** Append-only record of who did what, when, from which channel (docs/API.md `GET /v1/audit`). */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    shopId: text('shop_id')
      .notNull()
      .references(() => shops.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    kind: text('kind').notNull(),
    actor: jsonb('actor').$type<{ channel: string; id: string; name?: string }>().notNull(),
    ticketId: text('ticket_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    dedupeKey: text('dedupe_key').unique(),
  },
  (t) => [index('audit_log_shop_idx').on(t.shopId, t.id)],
);

/** API calls per shop per UTC day, for the daily quota and `GET /v1/usage`. */
export const apiUsage = pgTable(
  'api_usage',
  {
    shopId: text('shop_id')
      .notNull()
      .references(() => shops.id, { onDelete: 'cascade' }),
    day: date('day').notNull(),
    calls: integer('calls').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.day] })],
);

/** Monthly metering (auto-sent replies, API calls) per shop. */
export const metering = pgTable(
  'metering',
  {
    shopId: text('shop_id')
      .notNull()
      .references(() => shops.id, { onDelete: 'cascade' }),
    month: text('month').notNull(),
    kind: text('kind').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.month, t.kind] })],
);

/** Chat users of a shop and their role: owner, agent or viewer. */
export const teamMembers = pgTable(
  'team_members',
  {
    shopId: text('shop_id')
      .notNull()
      .references(() => shops.id, { onDelete: 'cascade' }),
    channel: text('channel').$type<'telegram' | 'slack'>().notNull(),
    userId: text('user_id').notNull(),
    name: text('name'),
    role: text('role').$type<'owner' | 'agent' | 'viewer'>().notNull(),
    /** How the member joined: the shop's link code, an invite, or the API. */
    via: text('via').$type<'link_code' | 'invite' | 'api'>().notNull().default('api'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.channel, t.userId] }),
    // Closes the first-owner race: two chats linking at once cannot both become owner by link code.
    uniqueIndex('team_members_one_link_owner_uq')
      .on(t.shopId)
      .where(sql`${t.role} = 'owner' and ${t.via} = 'link_code'`),
  ],
);

/** One-time invite codes an owner hands to a new member. */
export const teamInvites = pgTable('team_invites', {
  code: text('code').primaryKey(),
  shopId: text('shop_id')
    .notNull()
    .references(() => shops.id, { onDelete: 'cascade' }),
  role: text('role').$type<'owner' | 'agent' | 'viewer'>().notNull(),
  createdBy: text('created_by').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  usedBy: text('used_by'),
});

/** Shop-level switches that are not settings: the instant auto-send pause. */
export const shopFlags = pgTable('shop_flags', {
  shopId: text('shop_id')
    .primaryKey()
    .references(() => shops.id, { onDelete: 'cascade' }),
  autoSendPaused: boolean('auto_send_paused').notNull().default(false),
  pausedAt: timestamp('paused_at', { withTimezone: true }),
  pausedBy: text('paused_by'),
  /** Admin override of the plan's daily API call limit. */
  dailyApiLimit: integer('daily_api_limit'),
});

export type AuditEntry = typeof auditLog.$inferSelect;
export type TeamMember = typeof teamMembers.$inferSelect;
