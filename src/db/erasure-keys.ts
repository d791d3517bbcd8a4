/** Erasure keys and buyer pseudonyms: the HMAC key (configured or kept in the database), an erased buyer's pseudonym, and the forms a buyer id can take. */
import { createHmac, randomBytes } from 'node:crypto';
import { and, count, eq, inArray } from 'drizzle-orm';
import type { Db } from './client.js';
import { serverSecrets, tickets } from './schema/index.js';

/** Why a buyer's data goes: their own request (`DELETE /v1/buyers/:buyerId`) or the retention window. */
export type ErasureReason = 'request' | 'retention';

/** What erased text columns hold afterwards (never null where there was text, so counts of replies stay). */
export const ERASED_TEXT: Record<ErasureReason, string> = {
  request: '[erased at the buyer\u2019s request]',
  retention: '[erased: retention period over]',
};

/** Prefix of a pseudonymised buyer id: `erased:<32 hex of HMAC-SHA256(key, shopId \n buyerId)>`. */
export const PSEUDONYM_PREFIX = 'erased:';

/** The HMAC keys of buyer pseudonyms: `current` makes new ones, `previous` still match old ones. */
export interface ErasureKeys {
  current: string;
  previous: string[];
}

/** ERASURE_KEY / ERASURE_KEY_PREVIOUS as configured (both optional). */
export interface ErasureKeyConfig {
  key?: string | undefined;
  previous?: string[] | undefined;
}

const STORED_KEY_NAME = 'erasure_key';

/**
 * The pseudonym keys in force. ERASURE_KEY wins when set; otherwise a 256-bit key generated once
 * and kept in `server_secrets`, so every process of one database (API, worker) agrees without
 * setup. A stored key that ERASURE_KEY replaced stays a `previous` key: counts keep matching.
 */
export async function loadErasureKeys(db: Db, config: ErasureKeyConfig = {}): Promise<ErasureKeys> {
  const previous = [...(config.previous ?? [])];
  if (config.key) {
    const [stored] = await db
      .select({ value: serverSecrets.value })
      .from(serverSecrets)
      .where(eq(serverSecrets.name, STORED_KEY_NAME))
      .limit(1);
    if (stored && stored.value !== config.key) previous.push(stored.value);
    return { current: config.key, previous };
  }
  await db
    .insert(serverSecrets)
    .values({ name: STORED_KEY_NAME, value: randomBytes(32).toString('hex') })
    .onConflictDoNothing();
  const [stored] = await db
    .select({ value: serverSecrets.value })
    .from(serverSecrets)
    .where(eq(serverSecrets.name, STORED_KEY_NAME))
    .limit(1);
  if (!stored) throw new Error('the erasure key could not be stored');
  return { current: stored.value, previous };
}

/** The keyed pseudonym of a buyer of a shop: stable per key, not reversible without it. */
export function buyerPseudonym(key: string, shopId: string, buyerId: string): string {
  const mac = createHmac('sha256', key).update(`${shopId}\n${buyerId}`, 'utf8').digest('hex');
  return `${PSEUDONYM_PREFIX}${mac.slice(0, 32)}`;
}

/** Whether a stored buyer id is a pseudonym (its buyer was erased). */
export function isErasedBuyerId(buyerId: string): boolean {
  return buyerId.startsWith(PSEUDONYM_PREFIX);
}

/** Every form a buyer's id may be stored in: as given, and its pseudonym under each key. */
export function buyerIdForms(keys: ErasureKeys, shopId: string, buyerId: string): string[] {
  return [buyerId, ...[keys.current, ...keys.previous].map((key) => buyerPseudonym(key, shopId, buyerId))];
}

/** Tickets of a buyer, erased or not (erasure keeps counts per buyer). */
export async function countTicketsOfBuyer(
  db: Db,
  keys: ErasureKeys,
  shopId: string,
  buyerId: string,
): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(tickets)
    .where(and(eq(tickets.shopId, shopId), inArray(tickets.buyerId, buyerIdForms(keys, shopId, buyerId))));
  return Number(row?.n ?? 0);
}
