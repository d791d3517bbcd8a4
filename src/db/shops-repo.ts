import { and, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Plan } from '../domain/shop/plans.js';
import { can } from '../domain/shop/roles.js';
import type { SellerLanguage } from '../domain/shop/seller-language.js';
import type { ShopSettings } from '../domain/shop/settings.js';
import type { Language } from '../domain/types.js';
import type { Db } from './client.js';
import { hashToken, newId, newSecretToken } from './ids.js';
import { setShopOutbound } from './outbound-repo.js';
import { preparedOn } from './prepared.js';
import {
  apiTokens,
  type Shop,
  shopFlags,
  shops,
  teamMembers,
  telegramChats,
  telegramLinkCodes,
} from './schema/index.js';

/** How long a fresh Telegram link code stays valid unless configured (TELEGRAM_LINK_CODE_TTL_HOURS). */
export const DEFAULT_LINK_CODE_TTL_HOURS = 24;

/** Every scope a shop token can carry; the admin-issued token carries all of them (docs/API.md). */
export const SHOP_SCOPES = [
  'messages:write',
  'tracking:write',
  'listings:write',
  'tickets:read',
  'tickets:write',
  'templates:write',
  'settings:write',
  'tokens:write',
  'audit:read',
] as const;
export type Scope = (typeof SHOP_SCOPES)[number];

/** Input of `POST /v1/admin/shops`. */
export interface NewShop {
  name: string;
  defaultLanguage: Language;
  sellerLanguage?: SellerLanguage | undefined;
  plan: 'free' | 'auto';
}

/** The authenticated caller behind a shop token. */
export interface TokenPrincipal {
  shopId: string;
  tokenId: string;
  scopes: string[];
}

/** A freshly issued Telegram link code (shown once; only its hash is stored). */
export interface IssuedLinkCode {
  code: string;
  expiresAt: Date;
}

/**
 * Issues a new Telegram link code for a shop and revokes any code still live, in one transaction
 * (the partial unique index allows one live code per shop). The code is shown once.
 */
export async function issueLinkCode(
  db: Db,
  shopId: string,
  ttlHours = DEFAULT_LINK_CODE_TTL_HOURS,
  now = new Date(),
): Promise<IssuedLinkCode> {
  const code = newId('lnk', 12);
  const expiresAt = new Date(now.getTime() + ttlHours * 3_600_000);
  await db.transaction(async (tx) => {
    // Serializes concurrent rotations of one shop on the shop row.
    await tx.select({ id: shops.id }).from(shops).where(eq(shops.id, shopId)).for('update');
    await tx
      .update(telegramLinkCodes)
      .set({ revokedAt: now })
      .where(
        and(
          eq(telegramLinkCodes.shopId, shopId),
          isNull(telegramLinkCodes.usedAt),
          isNull(telegramLinkCodes.revokedAt),
        ),
      );
    await tx
      .insert(telegramLinkCodes)
      .values({ codeHash: hashToken(code), shopId, expiresAt, createdAt: now });
  });
  return { code, expiresAt };
}

/** Creates a shop with its first all-scopes token and a Telegram link code; secrets returned once. */
export async function createShop(
  db: Db,
  input: NewShop,
  options: { linkCodeTtlHours?: number } = {},
): Promise<{ shop: Shop; apiToken: string; telegramLinkCode: string; telegramLinkCodeExpiresAt: Date }> {
  const apiToken = newSecretToken('sd');
  const telegramLinkCode = newId('lnk', 12);
  const expiresAt = new Date(
    Date.now() + (options.linkCodeTtlHours ?? DEFAULT_LINK_CODE_TTL_HOURS) * 3_600_000,
  );
  const shopId = newId('shop');
  const shop = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(shops)
      .values({
        id: shopId,
        name: input.name,
        defaultLanguage: input.defaultLanguage,
        sellerLanguage: input.sellerLanguage ?? input.defaultLanguage,
        plan: input.plan,
      })
      .returning();
    await tx.insert(telegramLinkCodes).values({ codeHash: hashToken(telegramLinkCode), shopId, expiresAt });
    await tx.insert(apiTokens).values({
      id: newId('tok'),
      shopId,
      name: 'admin-issued',
      tokenHash: hashToken(apiToken),
      scopes: [...SHOP_SCOPES],
    });
    return row!;
  });
  return { shop, apiToken, telegramLinkCode, telegramLinkCodeExpiresAt: expiresAt };
}

/** Resolves a bearer token to its shop and scopes; revoked or unknown tokens give null. */
export async function findPrincipal(db: Db, token: string): Promise<TokenPrincipal | null> {
  const [row] = await db
    .select({ shopId: apiTokens.shopId, tokenId: apiTokens.id, scopes: apiTokens.scopes })
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt)))
    .limit(1);
  return row ?? null;
}

/** Changes a shop's plan (`PATCH /v1/admin/shops/:shopId`); new tickets see it at once. */
export async function setShopPlan(db: Db, shopId: string, plan: Plan): Promise<void> {
  await db.update(shops).set({ plan }).where(eq(shops.id, shopId));
}

/**
 * Changes a shop's settings in one transaction, the shop row locked: `change` gets the stored
 * settings and returns the new ones (it may throw to refuse them), and the shop's outbound
 * receiver is set or removed with them when given. Null when the shop does not exist.
 */
export async function updateShopSettings(
  db: Db,
  shopId: string,
  change: (current: ShopSettings) => ShopSettings,
  outbound?: { url: string; secret: string } | null,
  sellerLanguage?: SellerLanguage,
): Promise<ShopSettings | null> {
  return db.transaction(async (tx) => {
    const [shop] = await tx.select().from(shops).where(eq(shops.id, shopId)).for('update').limit(1);
    if (!shop) return null;
    const next = change(shop.settings);
    await tx
      .update(shops)
      .set({ settings: next, ...(sellerLanguage ? { sellerLanguage } : {}) })
      .where(eq(shops.id, shopId));
    if (outbound !== undefined) await setShopOutbound(tx as unknown as Db, shopId, outbound);
    return next;
  });
}

/** The id of the only shop, when exactly one exists (the self-hosting defaults); otherwise null. */
export async function soleShopId(db: Db): Promise<string | null> {
  const rows = await db.select({ id: shops.id }).from(shops).limit(2);
  return rows.length === 1 ? rows[0]!.id : null;
}

/** Loads a shop by id. */
export async function getShop(db: Db, shopId: string): Promise<Shop | null> {
  const [row] = await preparedOn(db, 'shop', (d) =>
    d
      .select()
      .from(shops)
      .where(eq(shops.id, sql.placeholder('id')))
      .limit(1)
      .prepare('shop'),
  ).execute({ id: shopId });
  return row ?? null;
}

/** Outcome of `/start <link code>` in a chat. */
export type LinkOutcome =
  | { status: 'linked'; shop: Shop; movedFrom?: string }
  | { status: 'already_linked'; shop: Shop }
  | { status: 'invalid' }
  /** The chat belongs to another shop; only an owner of that shop may move it. */
  | { status: 'owner_confirmation_needed'; currentShopId: string };

/** Whether `userId` may manage `shopId` in Telegram (the confirmation a chat move needs: an owner). */
async function isTelegramOwner(db: Db, shopId: string, userId: string | undefined): Promise<boolean> {
  if (!userId) return false;
  const [row] = await db
    .select({ role: teamMembers.role })
    .from(teamMembers)
    .where(
      and(
        eq(teamMembers.shopId, shopId),
        eq(teamMembers.channel, 'telegram'),
        eq(teamMembers.userId, userId),
      ),
    )
    .limit(1);
  // Moving a chat between shops is managing the shop it leaves (`can`, the one rule table).
  return row !== undefined && can(row.role, 'manage');
}

/**
 * Redeems a link code for a chat: the code must be live (unused, unrevoked, unexpired) and is used
 * up atomically, so two chats racing with one code cannot both link. A chat already linked to
 * another shop moves only when the sender owns that shop; otherwise the code stays unused.
 */
export async function redeemLinkCode(
  db: Db,
  code: string,
  chatId: string,
  userId: string | undefined,
  now = new Date(),
): Promise<LinkOutcome> {
  return db.transaction(async (tx) => {
    const txDb = tx as unknown as Db;
    const [row] = await tx
      .select()
      .from(telegramLinkCodes)
      .where(eq(telegramLinkCodes.codeHash, hashToken(code)))
      .limit(1);
    if (!row) return { status: 'invalid' };
    // The chat this code linked sends it again (a second tap on the deep link): nothing to do.
    const resent = row.usedByChat === chatId;
    const live = !row.usedAt && !row.revokedAt && row.expiresAt > now;
    if (!live && !resent) return { status: 'invalid' };
    const [shop] = await tx.select().from(shops).where(eq(shops.id, row.shopId)).limit(1);
    if (!shop) return { status: 'invalid' };
    const [current] = await tx
      .select()
      .from(telegramChats)
      .where(eq(telegramChats.chatId, chatId))
      .for('update')
      .limit(1);
    if (current?.shopId === shop.id) return { status: 'already_linked', shop };
    if (!live) return { status: 'invalid' };
    if (current && !(await isTelegramOwner(txDb, current.shopId, userId))) {
      return { status: 'owner_confirmation_needed', currentShopId: current.shopId };
    }
    const used = await tx
      .update(telegramLinkCodes)
      .set({ usedAt: now, usedByChat: chatId })
      .where(and(eq(telegramLinkCodes.codeHash, hashToken(code)), isNull(telegramLinkCodes.usedAt)))
      .returning({ shopId: telegramLinkCodes.shopId });
    // Another chat used the code between our read and this update.
    if (used.length === 0) return { status: 'invalid' };
    await tx
      .insert(telegramChats)
      .values({ chatId, shopId: shop.id, linkedByUserId: userId ?? null })
      .onConflictDoUpdate({
        target: telegramChats.chatId,
        set: { shopId: shop.id, linkedByUserId: userId ?? null, linkedAt: now, language: null },
      });
    return { status: 'linked', shop, ...(current ? { movedFrom: current.shopId } : {}) };
  });
}

/** Links a chat with a link code; the shop, or null when the code is not usable here. */
export async function linkTelegramChat(
  db: Db,
  code: string,
  chatId: string,
  userId: string | undefined,
): Promise<Shop | null> {
  const outcome = await redeemLinkCode(db, code, chatId, userId);
  return outcome.status === 'linked' || outcome.status === 'already_linked' ? outcome.shop : null;
}

/**
 * Links a chat to a known shop (after an invite). A chat of another shop moves only when the
 * sender owns that shop; returns whether the chat now belongs to `shopId`.
 */
export async function linkChatToShop(
  db: Db,
  shopId: string,
  chatId: string,
  userId: string,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(telegramChats)
      .where(eq(telegramChats.chatId, chatId))
      .for('update')
      .limit(1);
    if (current?.shopId === shopId) return true;
    if (current && !(await isTelegramOwner(tx as unknown as Db, current.shopId, userId))) return false;
    await tx
      .insert(telegramChats)
      .values({ chatId, shopId, linkedByUserId: userId })
      .onConflictDoUpdate({
        target: telegramChats.chatId,
        set: { shopId, linkedByUserId: userId, linkedAt: new Date(), language: null },
      });
    return true;
  });
}

/** Unlinks one chat from its shop: no more cards go there. True when a link was removed. */
export async function unlinkTelegramChat(db: Db, shopId: string, chatId: string): Promise<boolean> {
  const removed = await db
    .delete(telegramChats)
    .where(and(eq(telegramChats.chatId, chatId), eq(telegramChats.shopId, shopId)))
    .returning({ chatId: telegramChats.chatId });
  return removed.length > 0;
}

/** Unlinks every chat of a shop that `userId` linked (a removed member's chats stop getting cards). */
export async function unlinkChatsLinkedBy(db: Db, shopId: string, userId: string): Promise<string[]> {
  const chats = await db
    .select({ chatId: telegramChats.chatId })
    .from(telegramChats)
    .where(and(eq(telegramChats.shopId, shopId), eq(telegramChats.linkedByUserId, userId)));
  if (chats.length === 0) return [];
  const ids = chats.map((c) => c.chatId);
  await db
    .delete(telegramChats)
    .where(and(eq(telegramChats.shopId, shopId), inArray(telegramChats.chatId, ids)));
  return ids;
}

/** Pauses or resumes auto-send for a shop at once (Telegram /pause, API). */
export async function setAutoSendPaused(db: Db, shopId: string, paused: boolean, by: string): Promise<void> {
  const values = {
    autoSendPaused: paused,
    pausedAt: paused ? new Date() : null,
    pausedBy: paused ? by : null,
  };
  await db
    .insert(shopFlags)
    .values({ shopId, ...values })
    .onConflictDoUpdate({ target: shopFlags.shopId, set: values });
}

/** How many Telegram chats are linked to a shop (diagnostics). */
export async function countLinkedChats(db: Db, shopId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(telegramChats).where(eq(telegramChats.shopId, shopId));
  return Number(row?.n ?? 0);
}

/** The chats that receive a shop's approval cards. */
export async function listTelegramChats(db: Db, shopId: string) {
  return preparedOn(db, 'telegram_chats_of_shop', (d) =>
    d
      .select()
      .from(telegramChats)
      .where(eq(telegramChats.shopId, sql.placeholder('shopId')))
      .prepare('telegram_chats_of_shop'),
  ).execute({ shopId });
}

/**
 * The shop's linked chats, each with the language its cards are written in: the chat's own, else
 * the shop's seller language (one statement where a chat list and a shop read were two).
 */
export async function listChatsForCards(
  db: Db,
  shopId: string,
): Promise<Array<{ chatId: string; language: SellerLanguage }>> {
  return preparedOn(db, 'chats_for_cards', (d) =>
    d
      .select({
        chatId: telegramChats.chatId,
        language: sql<SellerLanguage>`coalesce(${telegramChats.language}, ${shops.sellerLanguage})`,
      })
      .from(telegramChats)
      .innerJoin(shops, eq(shops.id, telegramChats.shopId))
      .where(eq(telegramChats.shopId, sql.placeholder('shopId')))
      .prepare('chats_for_cards'),
  ).execute({ shopId });
}

/** The shop a chat is linked to, if any. */
export async function findTelegramChat(db: Db, chatId: string) {
  const [row] = await db.select().from(telegramChats).where(eq(telegramChats.chatId, chatId)).limit(1);
  return row ?? null;
}

/** Sets the language the bot speaks in one chat (`/lang`). */
export async function setTelegramChatLanguage(
  db: Db,
  chatId: string,
  language: SellerLanguage,
): Promise<void> {
  await db.update(telegramChats).set({ language }).where(eq(telegramChats.chatId, chatId));
}

/** The shop's default seller language (English for a shop that no longer exists). */
export async function shopSellerLanguage(db: Db, shopId: string): Promise<SellerLanguage> {
  const [row] = await db
    .select({ sellerLanguage: shops.sellerLanguage })
    .from(shops)
    .where(eq(shops.id, shopId))
    .limit(1);
  return row?.sellerLanguage ?? 'en';
}

/** Gives a linked chat a language only if it has none yet (a new seller's Telegram language). */
export async function adoptTelegramChatLanguage(
  db: Db,
  chatId: string,
  language: SellerLanguage,
): Promise<boolean> {
  const updated = await db
    .update(telegramChats)
    .set({ language })
    .where(and(eq(telegramChats.chatId, chatId), isNull(telegramChats.language)))
    .returning({ chatId: telegramChats.chatId });
  return updated.length > 0;
}

/** Every shop id (the maintenance schedules run per shop). */
export async function listShopIds(db: Db): Promise<string[]> {
  return (await db.select({ id: shops.id }).from(shops)).map((r) => r.id);
}
