import { and, eq, gt, isNull, ne } from 'drizzle-orm';
import type { Db } from './client.js';
import { newId } from './ids.js';
import {
  type SlackBinding,
  type SlackInstallation,
  shops,
  slackBindings,
  slackInstallations,
  slackInstallLinks,
} from './schema/index.js';

/** A workspace installation as the OAuth callback stores it (token already encrypted). */
export interface StoredInstallation {
  teamId: string;
  teamName?: string | undefined;
  appId?: string | undefined;
  botUserId?: string | undefined;
  botId?: string | undefined;
  botTokenEncrypted: string;
  scopes: string;
  installedBy?: string | undefined;
}

/** Saves (or refreshes, on a reinstall) a workspace's installation. */
export async function saveInstallation(db: Db, input: StoredInstallation): Promise<void> {
  const values = {
    teamId: input.teamId,
    teamName: input.teamName ?? null,
    appId: input.appId ?? null,
    botUserId: input.botUserId ?? null,
    botId: input.botId ?? null,
    botTokenEncrypted: input.botTokenEncrypted,
    scopes: input.scopes,
    installedBy: input.installedBy ?? null,
  };
  await db
    .insert(slackInstallations)
    .values(values)
    .onConflictDoUpdate({ target: slackInstallations.teamId, set: { ...values, updatedAt: new Date() } });
}

/** The installation of a workspace, if the app was installed there through OAuth. */
export async function findInstallation(db: Db, teamId: string): Promise<SlackInstallation | null> {
  const [row] = await db
    .select()
    .from(slackInstallations)
    .where(eq(slackInstallations.teamId, teamId))
    .limit(1);
  return row ?? null;
}

/** Forgets a workspace's installation (app uninstalled or tokens revoked). */
export async function deleteInstallation(db: Db, teamId: string): Promise<void> {
  await db.delete(slackInstallations).where(eq(slackInstallations.teamId, teamId));
}

/** The shop's Slack binding row, if it chose a workspace. */
export async function findBinding(db: Db, shopId: string): Promise<SlackBinding | null> {
  const [row] = await db.select().from(slackBindings).where(eq(slackBindings.shopId, shopId)).limit(1);
  return row ?? null;
}

/**
 * Binds a shop to a workspace: its OAuth team, or the environment's workspace. The support channel
 * is kept when the workspace stays the same and cleared when it changes (a channel id means
 * nothing in another workspace).
 */
export async function bindShop(
  db: Db,
  shopId: string,
  binding: { via: 'oauth'; teamId: string } | { via: 'environment' },
): Promise<SlackBinding> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(slackBindings)
      .where(eq(slackBindings.shopId, shopId))
      .for('update')
      .limit(1);
    const teamId = binding.via === 'oauth' ? binding.teamId : null;
    const same = current && current.via === binding.via && current.teamId === teamId;
    const values = {
      shopId,
      via: binding.via,
      teamId,
      channelId: same ? current.channelId : null,
      updatedAt: new Date(),
    };
    const [row] = await tx
      .insert(slackBindings)
      .values(values)
      .onConflictDoUpdate({ target: slackBindings.shopId, set: values })
      .returning();
    return row!;
  });
}

/** Sets the support channel of a bound shop; null when the shop has no binding yet. */
export async function setBindingChannel(
  db: Db,
  shopId: string,
  channelId: string,
): Promise<SlackBinding | null> {
  const [row] = await db
    .update(slackBindings)
    .set({ channelId, updatedAt: new Date() })
    .where(and(eq(slackBindings.shopId, shopId), ne(slackBindings.via, 'off')))
    .returning();
  return row ?? null;
}

/**
 * Turns a shop's Slack off by choice (`via = 'off'`): no cards, no Slack action reaches its
 * tickets, and the single-shop default does not bind it again. False when it had no workspace.
 */
export async function unbindShop(db: Db, shopId: string): Promise<boolean> {
  const [current] = await db.select().from(slackBindings).where(eq(slackBindings.shopId, shopId)).limit(1);
  const values = { shopId, via: 'off' as const, teamId: null, channelId: null, updatedAt: new Date() };
  await db
    .insert(slackBindings)
    .values(values)
    .onConflictDoUpdate({ target: slackBindings.shopId, set: values });
  return Boolean(current && current.via !== 'off');
}

/** Bindings of shops to one OAuth workspace, or to the environment's workspace. */
export async function listBindings(
  db: Db,
  where: { via: 'oauth'; teamId: string } | { via: 'environment' },
): Promise<Array<SlackBinding & { shopName: string }>> {
  const rows = await db
    .select({ binding: slackBindings, shopName: shops.name })
    .from(slackBindings)
    .innerJoin(shops, eq(shops.id, slackBindings.shopId))
    .where(
      where.via === 'oauth' ? eq(slackBindings.teamId, where.teamId) : eq(slackBindings.via, 'environment'),
    );
  return rows.map((r) => ({ ...r.binding, shopName: r.shopName }));
}

/** Creates a one-time install link for a shop, valid until `expiresAt`; returns its random id. */
export async function createInstallLink(
  db: Db,
  shopId: string,
  publicChannels: boolean,
  expiresAt: Date,
): Promise<string> {
  const id = newId('sil', 24);
  await db.insert(slackInstallLinks).values({ id, shopId, publicChannels, expiresAt });
  return id;
}

/** Spends an install link (once, before it expires); null when unknown, used or expired. */
export async function useInstallLink(
  db: Db,
  id: string,
  now: Date,
): Promise<{ shopId: string; publicChannels: boolean } | null> {
  const [row] = await db
    .update(slackInstallLinks)
    .set({ usedAt: now })
    .where(
      and(
        eq(slackInstallLinks.id, id),
        isNull(slackInstallLinks.usedAt),
        gt(slackInstallLinks.expiresAt, now),
      ),
    )
    .returning({ shopId: slackInstallLinks.shopId, publicChannels: slackInstallLinks.publicChannels });
  return row ?? null;
}
