import type { Category } from '../types.js';

/**
 * "Where is my order?" while the shipment watch already apologised for a stall: the buyer's draft
 * must not repeat a generic answer (or a second apology). This decides, from the order's watched
 * shipments and the status of the apology ticket, which logistics template answers instead.
 */

/** Categories a "where is my parcel" message lands in. */
export const WHERE_IS_MY_ORDER_CATEGORIES: readonly Category[] = ['not_received', 'shipping_inquiry'];

/** An apology older than this (with no progress since) no longer shapes the reply. */
export const APOLOGY_RELEVANCE_DAYS = 14;

const DAY_MS = 86_400_000;

/** The idempotency key of a parcel's stall apology ticket: one ticket per stall episode. */
export function stallApologyKey(trackingNumber: string, episode: string): string {
  return `stall:${trackingNumber}:${episode}`;
}

/** Whether a system ticket's key is a stall apology of this parcel (`stallApologyKey`). */
export function isStallApologyOf(systemKey: string, trackingNumber: string): boolean {
  return systemKey.startsWith(`stall:${trackingNumber}:`);
}

/** What the follow-up needs to know of one watched shipment of the order. */
export interface WatchedShipment {
  trackingNumber: string;
  carrier: string;
  /** Watch state word (`in_transit`, `stalled`, `delivered`, ...). */
  state: string;
  /** Time of the latest real progress event (ISO 8601), if any. */
  lastEventAt: string | null;
  /** The latest checkpoint as the buyer may read it (already mapped from carrier codes). */
  lastCheckpoint?: string | undefined;
  actions: ReadonlyArray<{ at: string; kind: string; details?: Record<string, unknown> | undefined }>;
}

/** Status of the apology ticket, as far as the follow-up cares. */
export type ApologyTicketStatus = 'sent' | 'pending' | 'rejected' | 'unknown';

/** The template and variables to use instead of the category's default, with a note for the seller. */
export interface LogisticsFollowup {
  templateId: 'logistics.apology_followup' | 'logistics.delay_update';
  vars: {
    trackingNumber: string;
    carrier: string;
    daysSinceUpdate: number;
    lastCheckpoint?: string;
    lastCheckpointAt?: string;
  };
  apologyTicketId: string;
  note: string;
}

/** The most recent stall apology of the shipments that is still relevant at `now`, if any. */
export function relevantApology(
  shipments: readonly WatchedShipment[],
  now: Date,
): { shipment: WatchedShipment; ticketId: string; at: string } | null {
  let best: { shipment: WatchedShipment; ticketId: string; at: string } | null = null;
  for (const shipment of shipments) {
    if (shipment.state === 'delivered' || shipment.state === 'returned') continue;
    for (const action of shipment.actions) {
      if (action.kind !== 'apology_opened') continue;
      const ticketId = action.details?.ticketId;
      if (typeof ticketId !== 'string' || ticketId === '') continue;
      const at = Date.parse(action.at);
      if (!Number.isFinite(at) || now.getTime() - at > APOLOGY_RELEVANCE_DAYS * DAY_MS) continue;
      // Tracking moved on after the apology: the stall it spoke of is over.
      const lastEvent = shipment.lastEventAt ? Date.parse(shipment.lastEventAt) : Number.NaN;
      if (Number.isFinite(lastEvent) && lastEvent > at) continue;
      if (!best || at > Date.parse(best.at)) best = { shipment, ticketId, at: action.at };
    }
  }
  return best;
}

/**
 * Plans the reply to a "where is my order" ticket when a stall apology for the order is pending or
 * was recently sent: `logistics.apology_followup` ("we already wrote to you", latest checkpoint)
 * after a sent apology, `logistics.delay_update` with a note while the apology awaits approval
 * (so the seller sends one message, not two). A rejected apology, other categories, or tracking
 * that progressed since leave the default reply (null).
 */
export function planLogisticsFollowup(input: {
  category: Category;
  shipments: readonly WatchedShipment[];
  apologyStatus: (ticketId: string) => ApologyTicketStatus;
  now: Date;
}): LogisticsFollowup | null {
  if (!WHERE_IS_MY_ORDER_CATEGORIES.includes(input.category)) return null;
  const apology = relevantApology(input.shipments, input.now);
  if (!apology) return null;
  const status = input.apologyStatus(apology.ticketId);
  if (status === 'rejected' || status === 'unknown') return null;
  const { shipment } = apology;
  const since = shipment.lastEventAt ? Date.parse(shipment.lastEventAt) : Date.parse(apology.at);
  const daysSinceUpdate = Math.max(1, Math.floor((input.now.getTime() - since) / DAY_MS));
  const checkpoint = shipment.lastCheckpoint?.trim();
  const vars: LogisticsFollowup['vars'] = {
    trackingNumber: shipment.trackingNumber,
    carrier: shipment.carrier,
    daysSinceUpdate,
    ...(checkpoint ? { lastCheckpoint: checkpoint } : {}),
    ...(checkpoint && shipment.lastEventAt ? { lastCheckpointAt: shipment.lastEventAt } : {}),
  };
  const day = apology.at.slice(0, 10);
  if (status === 'sent') {
    return {
      templateId: 'logistics.apology_followup',
      vars,
      apologyTicketId: apology.ticketId,
      note: `A stall apology for this order was already sent on ${day} (ticket ${apology.ticketId}); this draft refers to it and cites the latest checkpoint instead of repeating it.`,
    };
  }
  return {
    templateId: 'logistics.delay_update',
    vars,
    apologyTicketId: apology.ticketId,
    note: `A stall apology for this order (ticket ${apology.ticketId}, opened ${day}) is still waiting for a decision; send either it or this update, not both.`,
  };
}
