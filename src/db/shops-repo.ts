import { and, eq, isNull } from 'drizzle-orm';
import type { Language } from '../domain/types.js';
import type { Db } from './client.js';
import { hashToken, newId, newSecretToken } from './ids.js';
import { apiTokens, type Shop, shopFlags, shops, telegramChats } from './schema/index.js';

/** Every scope a shop token can carry; the admin-issued token carries all of them (CONTRACT §2). */
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
  sellerLanguage?: Language | undefined;
  plan: 'free' | 'auto';
}

/** The authenticated caller behind a shop token. */
export interface TokenPrincipal {
  shopId: string;
  tokenId: string;
  scopes: string[];
}

/** Creates a shop with its first all-scopes token and a Telegram link code; secrets returned once. */
export async function createShop(
  db: Db,
  input: NewShop,
): Promise<{ shop: Shop; apiToken: string; telegramLinkCode: string }> {
  const apiToken = newSecretToken('sd');
  const telegramLinkCode = newId('link', 9).slice(5);
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
        telegramLinkCode,
      })
      .returning();
    await tx.insert(apiTokens).values({
      id: newId('tok'),
      shopId,
      name: 'admin-issued',
      tokenHash: hashToken(apiToken),
      scopes: [...SHOP_SCOPES],
    });
    return row!;
  });
  return { shop, apiToken, telegramLinkCode };
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

/** Loads a shop by id. */
export async function getShop(db: Db, shopId: string): Promise<Shop | null> {
  const [row] = await db.select().from(shops).where(eq(shops.id, shopId)).limit(1);
  return row ?? null;
}

/** Links a Telegram chat to the shop owning `code`; relinking a chat moves it. Null for a bad code. */
export async function linkTelegramChat(
  db: Db,
  code: string,
  chatId: string,
  userId: string | undefined,
): Promise<Shop | null> {
  const [shop] = await db.select().from(shops).where(eq(shops.telegramLinkCode, code)).limit(1);
  if (!shop) return null;
  await db
    .insert(telegramChats)
    .values({ chatId, shopId: shop.id, linkedByUserId: userId ?? null })
    .onConflictDoUpdate({
      target: telegramChats.chatId,
      set: { shopId: shop.id, linkedByUserId: userId ?? null, linkedAt: new Date() },
    });
  return shop;
}

/** Links a chat to a known shop (after an invite). */
export async function linkChatToShop(db: Db, shopId: string, chatId: string, userId: string): Promise<void> {
  await db
    .insert(telegramChats)
    .values({ chatId, shopId, linkedByUserId: userId })
    .onConflictDoUpdate({
      target: telegramChats.chatId,
      set: { shopId, linkedByUserId: userId, linkedAt: new Date() },
    });
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

/** The chats that receive a shop's approval cards. */
export async function listTelegramChats(db: Db, shopId: string) {
  return db.select().from(telegramChats).where(eq(telegramChats.shopId, shopId));
}

/** The shop a chat is linked to, if any. */
export async function findTelegramChat(db: Db, chatId: string) {
  const [row] = await db.select().from(telegramChats).where(eq(telegramChats.chatId, chatId)).limit(1);
  return row ?? null;
}

/** Sets the language the bot speaks in one chat (`/lang`). */
export async function setTelegramChatLanguage(db: Db, chatId: string, language: Language): Promise<void> {
  await db.update(telegramChats).set({ language }).where(eq(telegramChats.chatId, chatId));
}
