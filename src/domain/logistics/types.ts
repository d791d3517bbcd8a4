/** The normalized tracking statuses of `POST /v1/tracking` (docs/LOGISTICS.md). */
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

/**
 * One mapping rule: any of `when` found in a checkpoint's text gives its status and/or leg.
 * Phrases are matched on folded text (lowercase, no accents) as whole words; a trailing `*` makes a
 * prefix; phrases with Chinese characters match anywhere. `label` is the English checkpoint a bare
 * code stands for, shown to buyers instead of the code.
 */
export interface CheckpointRule {
  when: readonly string[];
  status?: TrackingStatus;
  leg?: Leg;
  label?: string;
}

/** A carrier: how to recognise its name, read its checkpoints, and how long silence is normal. */
export interface CarrierProfile {
  id: string;
  name: string;
  /** Names sellers and marketplaces use for it; matched ignoring case, spaces and punctuation. */
  aliases: readonly string[];
  /** ISO country where its parcels usually start (`CN` marks the quiet China-origin routes). */
  origin: string;
  /** Hours without a progress event after which a parcel on each leg counts as stalled. */
  stallHours: LegHours;
  /** Hours without progress after which a stall goes to the support team. */
  escalateAfterHours: number;
  /** Carrier-specific vocabulary, tried before the shared rules. */
  rules: readonly CheckpointRule[];
  /** Where the vocabulary comes from (public status vocabularies). */
  sources: readonly string[];
}
