import { and, eq } from 'drizzle-orm';
import type { Db } from './client.js';
import { type NewShipment, type Shipment, shipments } from './schema/index.js';

/** A parcel's row key: the shop and the tracking number. */
export interface ShipmentKey {
  shopId: string;
  trackingNumber: string;
}

/** The parcels of one order of a shop (an order may ship in several). */
export async function shipmentsOfOrder(db: Db, shopId: string, orderId: string): Promise<Shipment[]> {
  return db
    .select()
    .from(shipments)
    .where(and(eq(shipments.shopId, shopId), eq(shipments.orderId, orderId)));
}

/** The parcel's buyer as `POST /v1/tracking` stored it (the id may be an erasure pseudonym). */
export async function shipmentBuyerOf(
  db: Db,
  key: ShipmentKey,
): Promise<{ buyerId: string; buyerLocale: string | null } | undefined> {
  const [row] = await db
    .select({ buyerId: shipments.buyerId, buyerLocale: shipments.buyerLocale })
    .from(shipments)
    .where(and(eq(shipments.shopId, key.shopId), eq(shipments.trackingNumber, key.trackingNumber)))
    .limit(1);
  return row;
}

/** The watch's state written over the parcel's row; false when there is no row for it. */
export async function mirrorShipmentState(
  db: Db,
  key: ShipmentKey,
  values: Pick<
    Shipment,
    | 'orderId'
    | 'carrier'
    | 'state'
    | 'leg'
    | 'lastEventAt'
    | 'stalledSince'
    | 'events'
    | 'actions'
    | 'updatedAt'
  >,
): Promise<boolean> {
  const updated = await db
    .update(shipments)
    .set(values)
    .where(and(eq(shipments.shopId, key.shopId), eq(shipments.trackingNumber, key.trackingNumber)))
    .returning({ trackingNumber: shipments.trackingNumber });
  return updated.length > 0;
}

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
