import { and, eq } from 'drizzle-orm';
import type { Db } from './client.js';
import { newId } from './ids.js';
import { type ListingValidation, listingValidations } from './schema/index.js';

/** Stores a listing validation request as `running` (`POST /v1/listings/validate`); returns its id. */
export async function createListingValidation(
  db: Db,
  input: { shopId: string; listingId: string; request: Record<string, unknown> },
): Promise<string> {
  const id = newId('val');
  await db.insert(listingValidations).values({
    id,
    shopId: input.shopId,
    listingId: input.listingId,
    status: 'running',
    request: input.request,
  });
  return id;
}

/** Marks a validation failed (its workflow could not start or gave up). */
export async function markListingValidationFailed(db: Db, validationId: string): Promise<void> {
  await db
    .update(listingValidations)
    .set({ status: 'failed', completedAt: new Date() })
    .where(eq(listingValidations.id, validationId));
}

/** A validation of this shop; another shop's id finds nothing. */
export async function findShopListingValidation(
  db: Db,
  shopId: string,
  validationId: string,
): Promise<ListingValidation | null> {
  const [row] = await db
    .select()
    .from(listingValidations)
    .where(and(eq(listingValidations.id, validationId), eq(listingValidations.shopId, shopId)))
    .limit(1);
  return row ?? null;
}
