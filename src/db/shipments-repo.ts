import { and, eq } from 'drizzle-orm';
import type { Db } from './client.js';
import { type NewShipment, type Shipment, shipments } from './schema/index.js';

/** A parcel of a shop by its tracking number (`GET /v1/shipments/:trackingNumber`, tracking ingest). */
export async function findShipment(db: Db, shopId: string, trackingNumber: string): Promise<Shipment | null> {
  const [row] = await db
    .select()
    .from(shipments)
    .where(and(eq(shipments.shopId, shopId), eq(shipments.trackingNumber, trackingNumber)))
    .limit(1);
  return row ?? null;
}

/** Stores a parcel's first row; a row already there (a concurrent first post) is kept as it is. */
export async function createShipment(db: Db, row: NewShipment): Promise<void> {
  await db.insert(shipments).values(row).onConflictDoNothing();
}

/** Records the buyer's newest locale on a parcel (its watch's activities read it from the row). */
export async function setShipmentBuyerLocale(
  db: Db,
  shopId: string,
  trackingNumber: string,
  buyerLocale: string,
): Promise<void> {
  await db
    .update(shipments)
    .set({ buyerLocale })
    .where(and(eq(shipments.shopId, shopId), eq(shipments.trackingNumber, trackingNumber)));
}
