import { eq } from 'drizzle-orm';
import type { Db } from './client.js';
import { shopOutbound } from './schema/index.js';

/** A shop's own reply receiver; the secret never leaves the worker's delivery code. */
export async function getShopOutbound(
  db: Db,
  shopId: string,
): Promise<{ url: string; secret: string } | null> {
  const [row] = await db
    .select({ url: shopOutbound.url, secret: shopOutbound.secret })
    .from(shopOutbound)
    .where(eq(shopOutbound.shopId, shopId))
    .limit(1);
  return row ?? null;
}

/** What `GET /v1/settings` may show of a shop's receiver: the URL and that a secret is set. */
export async function describeShopOutbound(
  db: Db,
  shopId: string,
): Promise<{ url: string; hasSecret: true } | null> {
  const row = await getShopOutbound(db, shopId);
  return row ? { url: row.url, hasSecret: true } : null;
}

/** Sets (or, with null, removes) a shop's receiver; the shop then uses the environment's. */
export async function setShopOutbound(
  db: Db,
  shopId: string,
  value: { url: string; secret: string } | null,
): Promise<void> {
  if (value === null) {
    await db.delete(shopOutbound).where(eq(shopOutbound.shopId, shopId));
    return;
  }
  const now = new Date();
  try {
    await db
      .insert(shopOutbound)
      .values({ shopId, url: value.url, secret: value.secret, updatedAt: now })
      .onConflictDoUpdate({
        target: shopOutbound.shopId,
        set: { url: value.url, secret: value.secret, updatedAt: now },
      });
  } catch (error) {
    // Drizzle puts the query parameters (the secret) in its error message; never let that reach a log.
    throw new SecretWriteError(error);
  }
}

/** A failed write of a shop secret, without the query or its parameters; keeps the driver's code. */
export class SecretWriteError extends Error {
  readonly code: string | undefined;
  constructor(cause: unknown) {
    const inner = (cause as { cause?: { code?: unknown; message?: unknown } })?.cause ?? cause;
    const code = (inner as { code?: unknown })?.code;
    super(`could not store the outbound receiver (${typeof code === 'string' ? code : 'database error'})`);
    this.name = 'SecretWriteError';
    this.code = typeof code === 'string' ? code : undefined;
  }
}
