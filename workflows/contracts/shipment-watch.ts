/**
 * The shipment watch's contract: what `POST /v1/tracking` (the tracking service), the bench and
 * the watch share. Clients import this module, never `workflows/shipment-watch.ts`.
 */
import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { WatchAction, WatchClosure, WatchPolicy, WatchState } from '../../src/domain/logistics/stall.js';
import type { Leg, TrackingEvent } from '../../src/domain/logistics/types.js';

/** Workflow type of the watch (the exported function `workflows/shipment-watch.ts` registers). */
export const SHIPMENT_WATCH_WORKFLOW = 'shipmentWatchWorkflow';

/**
 * One `POST /v1/tracking` delivered to a watch: normalised events and the policy in force. No
 * buyer data: the buyer lives in the `shipments` row, which activities read (and erasure clears).
 */
export interface TrackingBatch {
  orderId: string;
  carrier: string;
  events: TrackingEvent[];
  policy: WatchPolicy;
}

/** Start arguments of a watch (ids and carrier facts only); `state` and `inbox` are only set by continue-as-new. */
export interface ShipmentWatchInput {
  shopId: string;
  trackingNumber: string;
  orderId: string;
  carrier: string;
  policy: WatchPolicy;
  state?: WatchState;
  inbox?: TrackingBatch[];
}

/** What the `shipmentState` query, the `shipments` row and the result show. */
export interface ShipmentView {
  trackingNumber: string;
  orderId: string;
  carrier: string;
  state: string;
  leg: Leg;
  lastEventAt: string | null;
  stalledSince: string | null;
  lastCheckpoint: string | null;
  eventCount: number;
  closed: WatchClosure | null;
  actions: WatchAction[];
}

/** Workflow id of the watch of one parcel of one shop. */
export function shipmentWorkflowId(shopId: string, trackingNumber: string): string {
  return `shipment-${shopId}-${trackingNumber}`;
}

/** Tracking events for a watch (signal-with-start from `POST /v1/tracking`). */
export const trackingEventsSignal = defineSignal<[TrackingBatch]>('trackingEvents');
/** Live state of a watch. */
export const shipmentStateQuery = defineQuery<ShipmentView>('shipmentState');
