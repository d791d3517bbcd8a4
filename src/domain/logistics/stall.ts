/**
 * Stall rules of a shipment watch, pure and deterministic (the workflow runs them): events are
 * normalised, deduplicated and ordered by their own time; only a newer event moves the stall clock;
 * the clock, the leg and the policy decide when to apologise, escalate and give up.
 */
import { DEFAULT_ESCALATE_AFTER_HOURS, DEFAULT_STALL_HOURS } from './carrier-profiles.data.js';
import { readCheckpoint } from './carriers.js';
import type {
  CarrierProfile,
  Leg,
  LegHours,
  TrackingEvent,
  TrackingEventInput,
  TrackingStatus,
} from './types.js';

const HOUR_MS = 60 * 60 * 1000;

/** Events kept per watch (newest); older ones are dropped and can no longer be deduplicated. */
export const MAX_KEPT_EVENTS = 100;
/** Actions kept per watch (newest). */
export const MAX_KEPT_ACTIONS = 50;
/** An event stamped further in the future than this counts as received now on the stall clock. */
export const FUTURE_SKEW_MS = HOUR_MS;
/** A watch with no progress for 60 days gives up (the parcel is lost or the feed stopped). */
export const EXPIRE_AFTER_HOURS = 60 * 24;

/** Thresholds a watch runs with: the carrier profile's, with the shop's overrides applied. */
export interface WatchPolicy {
  carrierId: string;
  stallHours: LegHours;
  escalateAfterHours: number;
  expireAfterHours: number;
}

/** Builds a watch policy; a shop's `stallHours` replaces every leg's threshold (docs/API.md, "Settings"). */
export function resolveWatchPolicy(
  profile: CarrierProfile,
  overrides: { stallHours?: number | undefined; escalateAfterHours?: number | undefined } = {},
): WatchPolicy {
  const flat = overrides.stallHours;
  const stallHours: LegHours =
    flat !== undefined && flat > 0
      ? { first_mile: flat, export_linehaul: flat, import_customs: flat, last_mile: flat }
      : profile.stallHours;
  const escalateAfterHours =
    overrides.escalateAfterHours !== undefined && overrides.escalateAfterHours > 0
      ? overrides.escalateAfterHours
      : (profile.escalateAfterHours ?? DEFAULT_ESCALATE_AFTER_HOURS);
  return {
    carrierId: profile.id,
    stallHours,
    escalateAfterHours,
    expireAfterHours: Math.max(EXPIRE_AFTER_HOURS, escalateAfterHours),
  };
}

/** A policy of flat `DEFAULT_STALL_HOURS` for callers without a carrier profile. */
export const DEFAULT_POLICY: WatchPolicy = {
  carrierId: 'generic',
  stallHours: {
    first_mile: DEFAULT_STALL_HOURS,
    export_linehaul: DEFAULT_STALL_HOURS,
    import_customs: DEFAULT_STALL_HOURS,
    last_mile: DEFAULT_STALL_HOURS,
  },
  escalateAfterHours: DEFAULT_ESCALATE_AFTER_HOURS,
  expireAfterHours: EXPIRE_AFTER_HOURS,
};

const LAST_MILE_STATUSES: ReadonlySet<TrackingStatus> = new Set([
  'out_for_delivery',
  'attempt_fail',
  'available_for_pickup',
  'delivered',
]);

/**
 * Normalises one event at the edge: UTC time, the leg from the checkpoint's vocabulary, and a
 * bare `in_transit` refined from a carrier code or text. Text never closes a watch: a text that
 * reads "delivered" or "returned" under `in_transit` refines to `in_transit` or `exception` only.
 */
export function normalizeTrackingEvent(input: TrackingEventInput, profile: CarrierProfile): TrackingEvent {
  const description = input.description.trim();
  const reading = readCheckpoint(profile, description);
  let status = input.status;
  if (status === 'in_transit' && reading.status !== undefined) {
    status =
      reading.status === 'delivered'
        ? 'in_transit'
        : reading.status === 'returned'
          ? 'exception'
          : reading.status;
  }
  const leg: Leg | undefined = LAST_MILE_STATUSES.has(status)
    ? 'last_mile'
    : (reading.leg ?? (status === 'info_received' ? 'first_mile' : undefined));
  const location = input.location?.trim();
  return {
    at: new Date(input.at).toISOString(),
    status,
    description,
    ...(location ? { location } : {}),
    ...(leg ? { leg } : {}),
  };
}

/** The readable checkpoint of an event: a bare carrier code is replaced by what it means. */
export function checkpointText(profile: CarrierProfile, event: Pick<TrackingEvent, 'description'>): string {
  const text = event.description.trim();
  if (/^[A-Z0-9_]+$/.test(text)) return readCheckpoint(profile, text).label ?? text;
  return text;
}

/** Identity of an event for deduplication: same time, status and description (spacing and case aside). */
export function eventKey(event: Pick<TrackingEvent, 'at' | 'status' | 'description'>): string {
  return `${event.at}|${event.status}|${event.description.trim().replace(/\s+/g, ' ').toLowerCase()}`;
}

const STATUS_ORDER: Readonly<Record<TrackingStatus, number>> = {
  info_received: 0,
  in_transit: 1,
  exception: 2,
  out_for_delivery: 3,
  attempt_fail: 4,
  available_for_pickup: 5,
  returned: 6,
  delivered: 7,
};

/** Orders events by their own time; at the same instant the later stage of a journey comes last. */
export function compareEvents(a: TrackingEvent, b: TrackingEvent): number {
  const byTime = Date.parse(a.at) - Date.parse(b.at);
  if (byTime !== 0) return byTime;
  const byStage = STATUS_ORDER[a.status] - STATUS_ORDER[b.status];
  if (byStage !== 0) return byStage;
  const ka = eventKey(a);
  const kb = eventKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** Something a watch did, as shown by `GET /v1/shipments/:trackingNumber`. */
export interface WatchAction {
  at: string;
  kind: string;
  details?: Record<string, unknown>;
}

/** Why a watch ended. */
export type WatchClosure = 'delivered' | 'returned' | 'expired';

/** Everything a watch remembers; carried across continue-as-new. */
export interface WatchState {
  /** Status of the newest event, `null` before any event. */
  status: TrackingStatus | null;
  leg: Leg;
  /** Own time of the newest event. */
  lastEventAt: string | null;
  /** The stall clock: time of the newest progress event, future stamps clamped to their receipt. */
  clockAt: string | null;
  lastCheckpoint: string | null;
  lastLocation: string | null;
  /** Kept events, deduplicated and ordered (the newest `MAX_KEPT_EVENTS`). */
  events: TrackingEvent[];
  /** Distinct events accepted over the watch's life. */
  eventCount: number;
  /** Stall episode (its `clockAt`) already apologised for / escalated. */
  apologizedFor: string | null;
  escalatedFor: string | null;
  pickupReminded: boolean;
  couponGranted: boolean;
  closed: WatchClosure | null;
  actions: WatchAction[];
}

/** The state of a watch before any event. */
export function initialWatchState(): WatchState {
  return {
    status: null,
    leg: 'first_mile',
    lastEventAt: null,
    clockAt: null,
    lastCheckpoint: null,
    lastLocation: null,
    events: [],
    eventCount: 0,
    apologizedFor: null,
    escalatedFor: null,
    pickupReminded: false,
    couponGranted: false,
    closed: null,
    actions: [],
  };
}

/** The leg a parcel is on after `events` (ordered): the last leg an event told, else first mile. */
export function legAfter(events: readonly TrackingEvent[]): Leg {
  let leg: Leg = 'first_mile';
  for (const event of events) if (event.leg) leg = event.leg;
  return leg;
}

/** What applying a batch of events did. */
export interface ApplyResult {
  state: WatchState;
  /** New events that moved the stall clock forward, oldest first. */
  progressed: TrackingEvent[];
  accepted: number;
  duplicates: number;
  /** Events older than every kept event of a full window: dropped. */
  stale: number;
}

/**
 * Merges a batch of (normalised) events into the state. Repeats are ignored; an older event is
 * kept in the history but never moves the clock, so a late or duplicated event cannot reset a stall.
 */
export function applyTrackingEvents(
  state: WatchState,
  incoming: readonly TrackingEvent[],
  nowMs: number,
): ApplyResult {
  const keys = new Set(state.events.map(eventKey));
  let events = [...state.events];
  let clockMs = state.clockAt === null ? Number.NEGATIVE_INFINITY : Date.parse(state.clockAt);
  const progressed: TrackingEvent[] = [];
  let accepted = 0;
  let duplicates = 0;
  let stale = 0;
  const oldestKept = events.length >= MAX_KEPT_EVENTS ? events[0] : undefined;
  for (const event of [...incoming].sort(compareEvents)) {
    const key = eventKey(event);
    if (keys.has(key)) {
      duplicates++;
      continue;
    }
    if (oldestKept && compareEvents(event, oldestKept) < 0) {
      stale++;
      continue;
    }
    keys.add(key);
    events.push(event);
    accepted++;
    const atMs = Date.parse(event.at);
    const effective = atMs > nowMs + FUTURE_SKEW_MS ? nowMs : atMs;
    if (effective > clockMs) {
      clockMs = effective;
      progressed.push(event);
    }
  }
  if (accepted === 0) return { state, progressed, accepted, duplicates, stale };
  events.sort(compareEvents);
  if (events.length > MAX_KEPT_EVENTS) events = events.slice(events.length - MAX_KEPT_EVENTS);
  const newest = events.at(-1)!;
  return {
    state: {
      ...state,
      status: newest.status,
      leg: legAfter(events),
      lastEventAt: newest.at,
      clockAt: Number.isFinite(clockMs) ? new Date(clockMs).toISOString() : state.clockAt,
      lastCheckpoint: newest.description,
      lastLocation: newest.location ?? null,
      events,
      eventCount: state.eventCount + accepted,
    },
    progressed,
    accepted,
    duplicates,
    stale,
  };
}

/** What new progress asks for: close on delivery, escalate a problem, remind about a pickup. */
export interface ProgressReaction {
  close?: WatchClosure;
  escalate?: 'exception' | 'returned';
  pickupReminder?: boolean;
}

/**
 * Decides the immediate reaction to progress (`before` is the state before the batch); older or
 * repeated events never trigger one, and a parcel already in `exception` is not escalated again.
 */
export function reactToProgress(
  progressed: readonly TrackingEvent[],
  state: WatchState,
  before?: Pick<WatchState, 'status'>,
): ProgressReaction {
  if (progressed.length === 0 || state.closed) return {};
  if (progressed.some((e) => e.status === 'delivered') || state.status === 'delivered') {
    return { close: 'delivered' };
  }
  if (state.status === 'returned') return { close: 'returned', escalate: 'returned' };
  if (state.status === 'exception') return before?.status === 'exception' ? {} : { escalate: 'exception' };
  if (state.status === 'available_for_pickup' && !state.pickupReminded) return { pickupReminder: true };
  return {};
}

/** The stall verdict at one instant. */
export interface StallVerdict {
  stalled: boolean;
  leg: Leg;
  thresholdHours: number;
  /** Hours since the stall clock (the last progress event's own time). */
  silentHours: number;
  /** When the silence crossed the leg's threshold; `null` when not stalled. */
  stalledSince: string | null;
  /** The stall episode: the clock time it is measured from. */
  episode: string | null;
  /** Stalled and this episode has had no apology yet. */
  apologize: boolean;
  /** Silent past the escalation threshold and this episode not escalated yet. */
  escalate: boolean;
  /** Silent past the expiry: the watch should give up. */
  expire: boolean;
  /** Epoch ms of the next deadline to wake up for; `null` when none. */
  nextCheckAt: number | null;
}

// Waiting at a pickup point is the buyer's move, not the carrier's: no stall there.
const NOT_STALLING: ReadonlySet<TrackingStatus> = new Set(['available_for_pickup', 'delivered', 'returned']);

/**
 * Measures silence from the last progress event's own time against the current leg's threshold:
 * stalled past it, escalated past `max(escalateAfterHours, threshold)`, expired past the expiry.
 */
export function detectStall(state: WatchState, nowMs: number, policy: WatchPolicy): StallVerdict {
  const leg = state.leg;
  const thresholdHours = policy.stallHours[leg];
  const none: StallVerdict = {
    stalled: false,
    leg,
    thresholdHours,
    silentHours: 0,
    stalledSince: null,
    episode: null,
    apologize: false,
    escalate: false,
    expire: false,
    nextCheckAt: null,
  };
  if (state.closed || state.clockAt === null || state.status === null) return none;
  const clockMs = Date.parse(state.clockAt);
  const silentHours = Math.max(0, (nowMs - clockMs) / HOUR_MS);
  const stallAt = clockMs + thresholdHours * HOUR_MS;
  const escalateAt = clockMs + Math.max(policy.escalateAfterHours, thresholdHours) * HOUR_MS;
  const expireAt =
    clockMs + Math.max(policy.expireAfterHours, policy.escalateAfterHours, thresholdHours) * HOUR_MS;
  const watched = !NOT_STALLING.has(state.status);
  const stalled = watched && nowMs >= stallAt;
  const deadlines = [...(watched ? [stallAt, escalateAt] : []), expireAt].filter((t) => t > nowMs);
  return {
    stalled,
    leg,
    thresholdHours,
    silentHours,
    stalledSince: stalled ? new Date(stallAt).toISOString() : null,
    episode: state.clockAt,
    apologize: stalled && state.apologizedFor !== state.clockAt,
    escalate: watched && nowMs >= escalateAt && state.escalatedFor !== state.clockAt,
    expire: nowMs >= expireAt,
    nextCheckAt: deadlines.length > 0 ? Math.min(...deadlines) : null,
  };
}

/** The state word a seller sees: the closure, `stalled`, the newest status, or `pending`. */
export function watchStateLabel(state: WatchState, verdict?: Pick<StallVerdict, 'stalled'>): string {
  if (state.closed) return state.closed;
  if (verdict?.stalled) return 'stalled';
  return state.status ?? 'pending';
}

/** Appends an action, keeping the newest `MAX_KEPT_ACTIONS`. */
export function withAction(state: WatchState, action: WatchAction): WatchState {
  const actions = [...state.actions, action];
  return {
    ...state,
    actions: actions.length > MAX_KEPT_ACTIONS ? actions.slice(actions.length - MAX_KEPT_ACTIONS) : actions,
  };
}

/** Whole days without an update (what the apology tells the buyer). */
export function daysSinceUpdate(silentHours: number): number {
  return Math.floor(silentHours / 24);
}
