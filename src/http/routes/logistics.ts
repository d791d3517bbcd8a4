import { type Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import {
  type ShipmentWatchInput,
  shipmentWorkflowId,
  type TrackingBatch,
  trackingEventsSignal,
} from '../../../workflows/shipment-watch.js';
import { AppError } from '../../app/errors.js';
import type { Db } from '../../db/client.js';
import { isErasedBuyerId } from '../../db/erasure-repo.js';
import { type Shipment, shipments } from '../../db/schema/index.js';
import { getShop } from '../../db/shops-repo.js';
import { resolveCarrier } from '../../domain/logistics/carriers.js';
import {
  applyTrackingEvents,
  detectStall,
  initialWatchState,
  normalizeTrackingEvent,
  resolveWatchPolicy,
  watchStateLabel,
} from '../../domain/logistics/stall.js';
import { isTrackingStatus, TRACKING_STATUSES, type TrackingEvent } from '../../domain/logistics/types.js';
import { effectiveSettings } from '../../domain/shop/settings.js';
import { parse } from '../parse.js';
import type { RouteModule } from './context.js';

/** Most events one `POST /v1/tracking` may carry. */
export const MAX_EVENTS_PER_POST = 500;

const TRACKING_NUMBER = /^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$/;

/** `POST /v1/tracking` body (CONTRACT §2); unknown fields refused at every level. */
export const trackingBody = z.strictObject({
  orderId: z.string().trim().min(1).max(200),
  trackingNumber: z
    .string()
    .regex(TRACKING_NUMBER, '3-64 letters, digits, ".", "_" or "-", starting with a letter or digit'),
  carrier: z.string().trim().min(1).max(100),
  buyer: z.strictObject({
    id: z.string().trim().min(1).max(200),
    locale: z.string().trim().min(2).max(35).optional(),
  }),
  events: z
    .array(
      z.strictObject({
        at: z.iso.datetime({ offset: true, message: 'an ISO 8601 time with an offset (Z or +hh:mm)' }),
        status: z.enum(TRACKING_STATUSES),
        description: z.string().max(1000),
        location: z.string().max(200).optional(),
      }),
    )
    .min(1, 'at least one event')
    .max(MAX_EVENTS_PER_POST, `at most ${MAX_EVENTS_PER_POST} events per request`),
});

/** A validated `POST /v1/tracking` body. */
export type TrackingBody = z.infer<typeof trackingBody>;

/** What tracking ingest needs: storage and Temporal. */
export interface TrackingDeps {
  db: Db;
  temporal: Client;
  taskQueue: string;
}

const CLOSED_STATES = new Set(['delivered', 'returned', 'expired']);

function storedEvents(row: Shipment | undefined): TrackingEvent[] {
  if (!row) return [];
  return row.events.flatMap((e) =>
    isTrackingStatus(e.status) ? [{ ...(e as TrackingEvent), status: e.status }] : [],
  );
}

async function findShipment(db: Db, shopId: string, trackingNumber: string): Promise<Shipment | undefined> {
  const [row] = await db
    .select()
    .from(shipments)
    .where(and(eq(shipments.shopId, shopId), eq(shipments.trackingNumber, trackingNumber)))
    .limit(1);
  return row;
}

/**
 * Hands a parcel's events to its watch (signal-with-start, one workflow per tracking number) and
 * answers with the state they lead to. A closed watch (delivered, returned, expired) stays closed.
 * Throws 409 when the tracking number already belongs to another order of the shop.
 */
export async function ingestTracking(
  deps: TrackingDeps,
  shopId: string,
  body: TrackingBody,
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
    await deps.db
      .insert(shipments)
      .values({
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
      })
      .onConflictDoNothing();
  } else if (
    body.buyer.locale &&
    body.buyer.locale !== existing.buyerLocale &&
    !isErasedBuyerId(existing.buyerId)
  ) {
    // The watch carries no buyer data; its activities read the locale from this row.
    await deps.db
      .update(shipments)
      .set({ buyerLocale: body.buyer.locale })
      .where(and(eq(shipments.shopId, shopId), eq(shipments.trackingNumber, body.trackingNumber)));
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
    await deps.temporal.workflow.signalWithStart('shipmentWatchWorkflow', {
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

/** A shipment as `GET /v1/shipments/:trackingNumber` shows it. */
export function presentShipment(row: Shipment) {
  return {
    trackingNumber: row.trackingNumber,
    orderId: row.orderId,
    carrier: row.carrier,
    state: row.state,
    leg: row.leg,
    lastEventAt: row.lastEventAt ? row.lastEventAt.toISOString() : null,
    ...(row.stalledSince ? { stalledSince: row.stalledSince.toISOString() } : {}),
    actions: row.actions,
    events: row.events,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** `POST /v1/tracking` (scope `tracking:write`) and `GET /v1/shipments/:trackingNumber` (`tickets:read`). */
export const logisticsRoutes: RouteModule = (app, ctx) => {
  app.post('/v1/tracking', { preHandler: ctx.requireScope('tracking:write') }, async (request, reply) => {
    const body = parse(trackingBody, request.body, 'tracking');
    const result = await ingestTracking(ctx, request.principal!.shopId, body);
    return reply.code(202).send(result);
  });

  app.get(
    '/v1/shipments/:trackingNumber',
    { preHandler: ctx.requireScope('tickets:read') },
    async (request) => {
      const { trackingNumber } = request.params as { trackingNumber: string };
      const row = TRACKING_NUMBER.test(trackingNumber)
        ? await findShipment(ctx.db, request.principal!.shopId, trackingNumber)
        : undefined;
      if (!row) throw new AppError('shipment_not_found', `no shipment ${trackingNumber} in this shop`, 404);
      return presentShipment(row);
    },
  );
};
