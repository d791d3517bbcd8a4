/** The normalized tracking statuses of CONTRACT §2 `POST /v1/tracking`. */
export const TRACKING_STATUSES = [
  'info_received',
  'in_transit',
  'out_for_delivery',
  'attempt_fail',
  'available_for_pickup',
  'delivered',
  'exception',
  'returned',
] as const;
/** One normalized tracking status. */
export type TrackingStatus = (typeof TRACKING_STATUSES)[number];

/** Legs of a cross-border route; each has its own stall threshold. */
export const LEGS = ['first_mile', 'export_linehaul', 'import_customs', 'last_mile'] as const;
/** One leg of a route. */
export type Leg = (typeof LEGS)[number];

/** Tells whether a value is a normalized tracking status. */
export function isTrackingStatus(value: unknown): value is TrackingStatus {
  return typeof value === 'string' && (TRACKING_STATUSES as readonly string[]).includes(value);
}

/** A tracking event as `POST /v1/tracking` accepts it (schema-validated, `at` with an offset). */
export interface TrackingEventInput {
  at: string;
  status: TrackingStatus;
  description: string;
  location?: string | undefined;
}

/**
 * A tracking event after normalisation at the edge: `at` in UTC ISO form, the status refined from
 * a carrier code when the sender only said `in_transit`, and the leg when the checkpoint tells it.
 */
export interface TrackingEvent {
  at: string;
  status: TrackingStatus;
  description: string;
  location?: string;
  leg?: Leg;
}

/** Per-leg stall thresholds in hours. */
export type LegHours = Readonly<Record<Leg, number>>;
