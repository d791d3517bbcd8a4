import {
  allHandlersFinished,
  condition,
  continueAsNew,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
// biome-ignore lint/style/noRestrictedImports: type-only (erased when bundled), Temporal's proxyActivities pattern
import type { ShipmentActivities } from '../src/activities/shipment/index.js';
import {
  applyTrackingEvents,
  daysSinceUpdate,
  detectStall,
  initialWatchState,
  reactToProgress,
  type StallVerdict,
  type WatchClosure,
  watchStateLabel,
  withAction,
} from '../src/domain/logistics/stall.js';
import type { TrackingEvent } from '../src/domain/logistics/types.js';
import {
  type ShipmentView,
  type ShipmentWatchInput,
  shipmentStateQuery,
  type TrackingBatch,
  trackingEventsSignal,
} from './contracts/shipment-watch.js';
import type { CouponGrant } from './contracts/ticket.js';

/** Events a run handles before it continues as new, carrying its state (bounded history). */
export const MAX_EVENTS_PER_RUN = 200;

const io = proxyActivities<ShipmentActivities>({
  startToCloseTimeout: '30 seconds',
  scheduleToCloseTimeout: '1 hour',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * One workflow per tracking number: merges events (deduplicated, ordered by their own time), sleeps
 * on a durable timer until the current leg's stall threshold, apologises once per stall with a
 * coupon once per order, escalates long stalls and problems, reminds about pickups, and ends when
 * the parcel is delivered, returned or given up on.
 */
export async function shipmentWatchWorkflow(input: ShipmentWatchInput): Promise<ShipmentView> {
  let state = input.state ?? initialWatchState();
  let policy = input.policy;
  const facts = { orderId: input.orderId, carrier: input.carrier };
  const inbox: TrackingBatch[] = [...(input.inbox ?? [])];
  let eventsThisRun = 0;

  const view = (verdict: Pick<StallVerdict, 'stalled' | 'stalledSince'>): ShipmentView => ({
    trackingNumber: input.trackingNumber,
    orderId: facts.orderId,
    carrier: facts.carrier,
    state: watchStateLabel(state, verdict),
    leg: state.leg,
    lastEventAt: state.lastEventAt,
    stalledSince: verdict.stalledSince,
    lastCheckpoint: state.lastCheckpoint,
    eventCount: state.eventCount,
    closed: state.closed,
    actions: state.actions,
  });

  setHandler(trackingEventsSignal, (batch) => {
    inbox.push(batch);
  });
  setHandler(shipmentStateQuery, () => view(detectStall(state, Date.now(), policy)));

  const record = (kind: string, details?: Record<string, unknown>) => {
    state = withAction(state, { at: new Date().toISOString(), kind, ...(details ? { details } : {}) });
  };

  const common = () => ({
    shopId: input.shopId,
    trackingNumber: input.trackingNumber,
    orderId: facts.orderId,
    carrier: facts.carrier,
  });

  const save = async (verdict: Pick<StallVerdict, 'stalled' | 'stalledSince'>) => {
    const v = view(verdict);
    try {
      await io.saveShipmentState({
        ...common(),
        state: v.state,
        leg: v.leg,
        lastEventAt: v.lastEventAt,
        stalledSince: v.stalledSince,
        events: state.events,
        actions: state.actions,
      });
    } catch {
      // The next save writes the whole snapshot again; the watch itself must go on.
    }
  };

  const escalate = async (reason: 'stall' | 'exception' | 'returned', silentHours: number) => {
    try {
      const result = await io.escalateShipment({
        ...common(),
        reason,
        silentHours,
        lastCheckpoint: state.lastCheckpoint ?? '',
        lastEventAt: state.lastEventAt,
        leg: state.leg,
      });
      record('escalated', { reason, notified: result.notified, channels: result.channels });
    } catch (error) {
      record('escalation_failed', { reason, error: (error as Error).message });
    }
  };

  const apologize = async (verdict: StallVerdict) => {
    const episode = verdict.episode!;
    state = { ...state, apologizedFor: episode };
    const days = daysSinceUpdate(verdict.silentHours);
    record('stall_detected', {
      leg: verdict.leg,
      thresholdHours: verdict.thresholdHours,
      silentHours: Math.round(verdict.silentHours * 10) / 10,
      stalledSince: verdict.stalledSince,
    });
    let coupon: CouponGrant | undefined;
    if (!state.couponGranted) {
      try {
        const outcome = await io.grantCoupon({ ...common(), episode, daysLate: days });
        if (outcome.status === 'granted') {
          coupon = outcome.coupon;
          state = { ...state, couponGranted: true };
          record('coupon_granted', { ...outcome.coupon });
        } else {
          if (outcome.status === 'already_granted') state = { ...state, couponGranted: true };
          record('coupon_skipped', { reason: outcome.status });
        }
      } catch (error) {
        record('coupon_failed', { error: (error as Error).message });
      }
    }
    try {
      const opened = await io.openStallTicket({
        ...common(),
        episode,
        leg: verdict.leg,
        daysSinceUpdate: days,
        lastCheckpoint: state.lastCheckpoint ?? '',
        lastEventAt: state.lastEventAt,
        ...(coupon ? { coupon } : {}),
      });
      if (opened.status === 'opened') {
        record('apology_opened', {
          ticketId: opened.ticketId,
          autoSend: opened.autoSend,
          language: opened.language,
          ...(coupon ? { coupon: coupon.code } : {}),
        });
      } else {
        record(`apology_${opened.status}`, { ...(coupon ? { coupon: coupon.code } : {}) });
      }
    } catch (error) {
      record('apology_failed', { error: (error as Error).message });
    }
  };

  const remindPickup = async () => {
    state = { ...state, pickupReminded: true };
    try {
      const opened = await io.openPickupReminder({
        ...common(),
        at: state.lastEventAt ?? '',
        lastCheckpoint: state.lastCheckpoint ?? '',
        ...(state.lastLocation ? { location: state.lastLocation } : {}),
      });
      record(
        opened.status === 'opened' ? 'pickup_reminder' : `pickup_reminder_${opened.status}`,
        opened.status === 'opened' ? { ticketId: opened.ticketId, autoSend: opened.autoSend } : undefined,
      );
    } catch (error) {
      record('pickup_reminder_failed', { error: (error as Error).message });
    }
  };

  const close = async (closure: WatchClosure) => {
    state = { ...state, closed: closure };
    record('closed', { reason: closure });
    await save({ stalled: false, stalledSince: null });
    await condition(allHandlersFinished);
    return view({ stalled: false, stalledSince: null });
  };

  for (;;) {
    let changed = false;
    if (inbox.length > 0) {
      const batches = inbox.splice(0);
      const now = Date.now();
      const before = state;
      const progressed: TrackingEvent[] = [];
      for (const batch of batches) {
        policy = batch.policy;
        facts.carrier = batch.carrier;
        const applied = applyTrackingEvents(state, batch.events, now);
        state = applied.state;
        progressed.push(...applied.progressed);
        eventsThisRun += batch.events.length;
        if (applied.accepted > 0) changed = true;
      }
      const reaction = reactToProgress(progressed, state, before);
      if (reaction.escalate) await escalate(reaction.escalate, 0);
      if (reaction.pickupReminder) await remindPickup();
      if (reaction.close) return close(reaction.close);
    }

    const verdict = detectStall(state, Date.now(), policy);
    if (verdict.expire) return close('expired');
    if (verdict.apologize) {
      await apologize(verdict);
      changed = true;
    }
    if (verdict.escalate) {
      state = { ...state, escalatedFor: verdict.episode };
      await escalate('stall', verdict.silentHours);
      changed = true;
    }
    if (changed) await save(verdict);

    if (eventsThisRun >= MAX_EVENTS_PER_RUN || workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      await continueAsNew<typeof shipmentWatchWorkflow>({
        shopId: input.shopId,
        trackingNumber: input.trackingNumber,
        ...facts,
        policy,
        state,
        inbox: inbox.splice(0),
      });
    }

    if (verdict.nextCheckAt === null) {
      await condition(() => inbox.length > 0);
    } else {
      await condition(() => inbox.length > 0, Math.max(1, verdict.nextCheckAt - Date.now()));
    }
  }
}
