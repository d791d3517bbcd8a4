import { z } from 'zod';
import { AppError } from '../../app/errors.js';
import { ingestTracking } from '../../app/tracking-service.js';
import type { Shipment } from '../../db/schema/index.js';
import { findShipment } from '../../db/shipments-repo.js';
import { TRACKING_STATUSES } from '../../domain/logistics/types.js';
import { parse } from '../parse.js';
import { documented, shipmentJson } from '../responses.js';
import type { RoutePlugin } from './context.js';

/** Most events one `POST /v1/tracking` may carry. */
export const MAX_EVENTS_PER_POST = 500;

const TRACKING_NUMBER = /^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$/;

/** `POST /v1/tracking` body (docs/API.md); unknown fields refused at every level. */
export const trackingBody = z
  .strictObject({
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
  })
  .meta({
    examples: [
      {
        orderId: '8123',
        trackingNumber: 'LP00123456789CN',
        carrier: 'Cainiao',
        buyer: { id: 'b1', locale: 'fr-FR' },
        events: [
          { at: '2026-11-20T08:00:00+08:00', status: 'info_received', description: 'GWMS_ACCEPT' },
          {
            at: '2026-11-21T14:30:00Z',
            status: 'in_transit',
            description: 'Departed from departure country/region',
            location: 'Shenzhen',
          },
        ],
      },
    ],
  });

const trackingNumberParam = z.strictObject({ trackingNumber: z.string().regex(TRACKING_NUMBER) });
const trackingAnswer = z
  .object({
    trackingNumber: z.string(),
    state: z.string().meta({ description: 'the watch’s state so far (docs/LOGISTICS.md)' }),
  })
  .meta({ description: 'accepted: the shipment watch takes the events in' });

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
export const logisticsRoutes: RoutePlugin = async (app, ctx) => {
  app.post(
    '/v1/tracking',
    {
      preHandler: app.requireScope('tracking:write'),
      schema: {
        summary: 'Send tracking events for a parcel',
        description:
          'One shipment watch per tracking number: events deduplicated and ordered by their own `at` (late, repeated and out-of-order events are fine); a stall is measured from the last progress event’s `at`. Statuses use the normalized set; a carrier’s raw code may go in `description`. docs/LOGISTICS.md.',
        tags: ['logistics'],
        body: trackingBody,
        response: { 202: trackingAnswer },
        errors: { 409: ['tracking_number_conflict'] },
      },
    },
    async (request, reply) => {
      const body = parse(trackingBody, request.body, 'tracking');
      const result = await ingestTracking(ctx, request.principal!.shopId, body);
      return reply.code(202).send(documented(trackingAnswer, result));
    },
  );

  app.get(
    '/v1/shipments/:trackingNumber',
    {
      preHandler: app.requireScope('tickets:read'),
      schema: {
        summary: 'A parcel’s state, its events and what its watch did',
        tags: ['logistics'],
        params: trackingNumberParam,
        response: { 200: shipmentJson },
        errors: { 404: ['shipment_not_found'] },
      },
    },
    async (request) => {
      const { trackingNumber } = request.params as { trackingNumber: string };
      const row = TRACKING_NUMBER.test(trackingNumber)
        ? await findShipment(ctx.db, request.principal!.shopId, trackingNumber)
        : null;
      if (!row) throw new AppError('shipment_not_found', `no shipment ${trackingNumber} in this shop`, 404);
      return documented(shipmentJson, presentShipment(row));
    },
  );
};
