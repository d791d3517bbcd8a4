import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from './client.js';
import { hashToken, newId, newSecretToken } from './ids.js';
import { apiTokens } from './schema/index.js';

/** A shop token as `GET /v1/tokens` lists it: never the secret, which only its hash stands for. */
export interface ApiTokenSummary {
  id: string;
  name: string | null;
  scopes: string[];
  createdAt: Date;
  revokedAt: Date | null;
}

/** Mints a shop token with `scopes`; the secret is returned once and stored only as a hash. */
export async function createApiToken(
  db: Db,
  input: { shopId: string; name?: string | undefined; scopes: string[] },
): Promise<{ id: string; token: string }> {
  const token = newSecretToken('sd');
  const id = newId('tok');
  await db.insert(apiTokens).values({
    id,
    shopId: input.shopId,
    name: input.name ?? null,
    tokenHash: hashToken(token),
    scopes: input.scopes,
  });
  return { id, token };
}

/** The shop's tokens, revoked ones included, oldest first. */
export async function listApiTokens(db: Db, shopId: string): Promise<ApiTokenSummary[]> {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      scopes: apiTokens.scopes,
      createdAt: apiTokens.createdAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.shopId, shopId))
    .orderBy(asc(apiTokens.createdAt));
}

/** The scopes of a live (unrevoked) token of the shop; null when it is unknown, revoked or another shop's. */
export async function findActiveTokenScopes(
  db: Db,
  shopId: string,
  tokenId: string,
): Promise<string[] | null> {
  const [row] = await db
    .select({ scopes: apiTokens.scopes })
    .from(apiTokens)
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.shopId, shopId), isNull(apiTokens.revokedAt)))
    .limit(1);
  return row?.scopes ?? null;
}

/** Revokes a live token of the shop (it answers 401 from now on); false when there was none. */
export async function revokeApiToken(db: Db, shopId: string, tokenId: string): Promise<boolean> {
  const updated = await db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.shopId, shopId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return updated.length > 0;
}
