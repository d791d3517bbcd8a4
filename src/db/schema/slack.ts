import { boolean, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { shops } from './shops.js';

/**
 * Slack workspaces that installed the app through OAuth (one row per team). The bot token is
 * stored encrypted (AES-256-GCM, key from SLACK_STATE_SECRET) and never leaves the Slack adapter.
 */
export const slackInstallations = pgTable('slack_installations', {
  teamId: text('team_id').primaryKey(),
  teamName: text('team_name'),
  appId: text('app_id'),
  botUserId: text('bot_user_id'),
  botId: text('bot_id'),
  botTokenEncrypted: text('bot_token_encrypted').notNull(),
  scopes: text('scopes').notNull().default(''),
  installedBy: text('installed_by'),
  installedAt: timestamp('installed_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Which Slack workspace and channel a shop's team works in: its own OAuth installation
 * (`via = 'oauth'`, `team_id` set) or the environment's single workspace (`via = 'environment'`,
 * SLACK_BOT_TOKEN), or none by choice (`via = 'off'`, so the single-shop default stays off). Slack actions act only on tickets of shops bound to the request's team and
 * channel; cards go only there.
 */
export const slackBindings = pgTable(
  'slack_bindings',
  {
    shopId: text('shop_id')
      .primaryKey()
      .references(() => shops.id, { onDelete: 'cascade' }),
    via: text('via').$type<'oauth' | 'environment' | 'off'>().notNull(),
    teamId: text('team_id'),
    channelId: text('channel_id'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('slack_bindings_team_idx').on(t.teamId)],
);

/**
 * One-time install links a shop owner gets from `GET /v1/slack/install`: the random id is the
 * bearer credential, valid 10 minutes and spent when the browser opens it (a leaked link that was
 * used, or has expired, installs nothing).
 */
export const slackInstallLinks = pgTable('slack_install_links', {
  id: text('id').primaryKey(),
  shopId: text('shop_id')
    .notNull()
    .references(() => shops.id, { onDelete: 'cascade' }),
  publicChannels: boolean('public_channels').notNull().default(false),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
});

export type SlackInstallation = typeof slackInstallations.$inferSelect;
export type SlackBinding = typeof slackBindings.$inferSelect;
