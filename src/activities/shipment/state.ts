import { mirrorShipmentState } from '../../db/shipments-repo.js';
import type { WatchAction } from '../../domain/logistics/stall.js';
import type { Leg, TrackingEvent } from '../../domain/logistics/types.js';
import type { ShipmentActivityDeps, ShipmentFacts } from './deps.js';

/** The watch's state mirrored into `shipments` (what `GET /v1/shipments/:trackingNumber` reads). */
export interface ShipmentSnapshot extends ShipmentFacts {
  state: string;
  leg: Leg;
  lastEventAt: string | null;
  stalledSince: string | null;
  events: TrackingEvent[];
  actions: WatchAction[];
}

/** The watch's state mirrored into its `shipments` row. */
export function createShipmentStateActivities(deps: ShipmentActivityDeps) {
  const { db, logger } = deps;

  return {
    /**
     * Mirrors a watch's state into its `shipments` row (the whole snapshot: idempotent). The row,
     * with its buyer, is created by `POST /v1/tracking` before the watch starts.
     */
    async saveShipmentState(snapshot: ShipmentSnapshot): Promise<void> {
      const values = {
        orderId: snapshot.orderId,
        carrier: snapshot.carrier,
        state: snapshot.state,
        leg: snapshot.leg,
        lastEventAt: snapshot.lastEventAt ? new Date(snapshot.lastEventAt) : null,
        stalledSince: snapshot.stalledSince ? new Date(snapshot.stalledSince) : null,
        events: snapshot.events,
        actions: snapshot.actions,
        updatedAt: new Date(),
      };
      const mirrored = await mirrorShipmentState(db, snapshot, values);
      if (!mirrored) {
        logger.warn(
          { shopId: snapshot.shopId, trackingNumber: snapshot.trackingNumber },
          'no shipments row for this watch: its state is not mirrored',
        );
      }
    },
  };
}
