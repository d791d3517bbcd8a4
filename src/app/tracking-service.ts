import { type Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import {
  SHIPMENT_WATCH_WORKFLOW,
  type ShipmentWatchInput,
  shipmentWorkflowId,
  type TrackingBatch,
  trackingEventsSignal,
} from '../../workflows/contracts/shipment-watch.js';
import type { Db } from '../db/client.js';
import { isErasedBuyerId } from '../db/erasure-keys.js';
import type { Shipment } from '../db/schema/index.js';
import { createShipment, findShipment, setShipmentBuyerLocale } from '../db/shipments-repo.js';
import { getShop } from '../db/shops-repo.js';
import { resolveCarrier } from '../domain/logistics/carriers.js';
import {
  applyTrackingEvents,
  detectStall,
  initialWatchState,
  normalizeTrackingEvent,
  resolveWatchPolicy,
  watchStateLabel,
} from '../domain/logistics/stall.js';
import { isTrackingStatus, type TrackingEvent, type TrackingStatus } from '../domain/logistics/types.js';
import { effectiveSettings } from '../domain/shop/settings.js';
import { AppError } from './errors.js';

/** A `POST /v1/tracking` body, validated (docs/API.md). */
export interface TrackingPost {
  orderId: string;
  trackingNumber: string;
  carrier: string;
  buyer: { id: string; locale?: string | undefined };
  events: Array<{ at: string; status: TrackingStatus; description: string; location?: string | undefined }>;
}

/** What tracking ingest needs: storage and Temporal. */
export interface TrackingDeps {
  db: Db;
  temporal: Client;
  taskQueue: string;
}

const CLOSED_STATES = new Set(['delivered', 'returned', 'expired']);

function storedEvents(row: Shipment | null): TrackingEvent[] {
  if (!row) return [];
  return row.events.flatMap((e) =>
    isTrackingStatus(e.status) ? [{ ...(e as TrackingEvent), status: e.status }] : [],
  );
}

/**
 * Hands a parcel's events to its watch (signal-with-start, one workflow per tracking number) and
 * answers with the state they lead to. A closed watch (delivered, returned, expired) stays closed.
 * Throws 409 when the tracking number already belongs to another order of the shop.
 */
export async function ingestTracking(
  deps: TrackingDeps,
  shopId: string,
  body: TrackingPost,
  now: Date = new Date(),
): Promise<{ trackingNumber: string; state: string }> {
  const shop = await getShop(deps.db, shopId);
  if (!shop) throw new AppError('shop_not_found', 'the shop no longer exists', 404);
  const profile = resolveCarrier(body.carrier);
  const settings = effectiveSettings(shop.settings);
  const events = body.events.map((e) => normalizeTrackingEvent(e, profile));
  const existing = await findShipment(deps.db, shopId, body.trackingNumber);
  if (existing && existing.orderId !== body.orderId) {
    throw new AppError(
      'tracking_number_conflict',
      `tracking number ${body.trackingNumber} already belongs to order ${existing.orderId}`,
      409,
    );
  }
  if (existing && CLOSED_STATES.has(existing.state)) {
    return { trackingNumber: body.trackingNumber, state: existing.state };
  }

  const policy = resolveWatchPolicy(profile, settings.logistics);
  // The state these events lead to, by the same rules the watch applies.
  const preview = applyTrackingEvents(
    initialWatchState(),
    [...storedEvents(existing), ...events],
    now.getTime(),
  );
  const verdict = detectStall(preview.state, now.getTime(), policy);
  const state = watchStateLabel(preview.state, verdict);
  if (!existing) {
    await createShipment(deps.db, {
      shopId,
      trackingNumber: body.trackingNumber,
      orderId: body.orderId,
      carrier: body.carrier,
      buyerId: body.buyer.id,
      buyerLocale: body.buyer.locale ?? null,
      state,
      leg: preview.state.leg,
      lastEventAt: preview.state.lastEventAt ? new Date(preview.state.lastEventAt) : null,
      stalledSince: verdict.stalledSince ? new Date(verdict.stalledSince) : null,
      events: preview.state.events,
    });
  } else if (
    body.buyer.locale &&
    body.buyer.locale !== existing.buyerLocale &&
    !isErasedBuyerId(existing.buyerId)
  ) {
    // The watch carries no buyer data; its activities read the locale from this row.
    await setShipmentBuyerLocale(deps.db, shopId, body.trackingNumber, body.buyer.locale);
  }

  const batch: TrackingBatch = {
    orderId: body.orderId,
    carrier: body.carrier,
    events,
    policy,
  };
  const input: ShipmentWatchInput = {
    shopId,
    trackingNumber: body.trackingNumber,
    orderId: body.orderId,
    carrier: body.carrier,
    policy,
  };
  try {
    await deps.temporal.workflow.signalWithStart(SHIPMENT_WATCH_WORKFLOW, {
      taskQueue: deps.taskQueue,
      workflowId: shipmentWorkflowId(shopId, body.trackingNumber),
      // A finished watch stays finished; one that failed may start again.
      workflowIdReusePolicy: 'ALLOW_DUPLICATE_FAILED_ONLY',
      args: [input],
      signal: trackingEventsSignal,
      signalArgs: [batch],
    });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    const closed = await findShipment(deps.db, shopId, body.trackingNumber);
    return { trackingNumber: body.trackingNumber, state: closed?.state ?? state };
  }
  return { trackingNumber: body.trackingNumber, state };
}
