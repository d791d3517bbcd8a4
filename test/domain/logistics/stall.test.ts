import { describe, expect, it } from 'vitest';
import { GENERIC_CARRIER } from '../../../src/domain/logistics/carrier-profiles.data.js';
import { resolveCarrier } from '../../../src/domain/logistics/carriers.js';
import {
  applyTrackingEvents,
  checkpointText,
  compareEvents,
  daysSinceUpdate,
  detectStall,
  eventKey,
  initialWatchState,
  MAX_KEPT_EVENTS,
  normalizeTrackingEvent,
  reactToProgress,
  resolveWatchPolicy,
  type WatchState,
  watchStateLabel,
  withAction,
} from '../../../src/domain/logistics/stall.js';
import type { TrackingEvent, TrackingStatus } from '../../../src/domain/logistics/types.js';

const H = 3_600_000;
const T0 = Date.parse('2026-03-02T08:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();
const cainiao = resolveCarrier('AliExpress Standard Shipping');
const cainiaoPolicy = resolveWatchPolicy(cainiao);

function ev(hours: number, status: TrackingStatus, description: string, carrier = cainiao): TrackingEvent {
  return normalizeTrackingEvent({ at: iso(T0 + hours * H), status, description }, carrier);
}

function stateWith(events: TrackingEvent[], now = T0 + 1000 * H): WatchState {
  return applyTrackingEvents(initialWatchState(), events, now).state;
}

describe('normalizeTrackingEvent', () => {
  it('turns offsets into UTC and trims texts', () => {
    const e = normalizeTrackingEvent(
      {
        at: '2026-03-02T16:00:00+08:00',
        status: 'in_transit',
        description: '  LH_DEPART  ',
        location: ' Shenzhen ',
      },
      cainiao,
    );
    expect(e).toEqual({
      at: '2026-03-02T08:00:00.000Z',
      status: 'in_transit',
      description: 'LH_DEPART',
      location: 'Shenzhen',
      leg: 'export_linehaul',
    });
  });

  it.each([
    ['in_transit', 'Out for delivery', 'out_for_delivery', 'last_mile'],
    ['in_transit', 'Entrega fallida', 'attempt_fail', 'last_mile'],
    ['in_transit', 'GWMS_ACCEPT', 'info_received', 'first_mile'],
    ['in_transit', 'Parcel lost', 'exception', undefined],
    // text never closes a watch on its own
    ['in_transit', 'Delivered', 'in_transit', 'last_mile'],
    ['in_transit', 'Returned to sender', 'exception', undefined],
    // the sender's own specific status stands
    ['exception', 'Delivered', 'exception', 'last_mile'],
    ['delivered', 'whatever', 'delivered', 'last_mile'],
    ['info_received', 'Order created', 'info_received', 'first_mile'],
    ['in_transit', 'In transit', 'in_transit', undefined],
  ] as const)('%s + "%s" -> %s / %s', (status, description, expected, leg) => {
    const e = normalizeTrackingEvent({ at: '2026-03-02T08:00:00Z', status, description }, cainiao);
    expect(e.status).toBe(expected);
    expect(e.leg).toBe(leg);
  });

  it('shows bare codes to buyers by what they mean', () => {
    expect(checkpointText(cainiao, { description: 'CC_IM_START' })).toBe('Import customs clearance started');
    expect(checkpointText(cainiao, { description: 'Arrived at hub' })).toBe('Arrived at hub');
  });
});

describe('dedupe and ordering', () => {
  it('keys events on time, status and description, ignoring spacing and case', () => {
    const a = ev(0, 'in_transit', 'Departed  facility');
    const b = { ...a, description: 'departed facility ' };
    expect(eventKey(a)).toBe(eventKey(b));
    expect(eventKey(a)).not.toBe(eventKey({ ...a, status: 'exception' }));
  });

  it('orders by own time, then by stage of the journey', () => {
    const events = [
      ev(5, 'delivered', 'Delivered'),
      ev(1, 'in_transit', 'b'),
      ev(5, 'out_for_delivery', 'Out'),
      ev(0, 'info_received', 'a'),
    ];
    expect([...events].sort(compareEvents).map((e) => e.status)).toEqual([
      'info_received',
      'in_transit',
      'out_for_delivery',
      'delivered',
    ]);
  });

  it('drops duplicates within a batch and across batches', () => {
    const first = applyTrackingEvents(
      initialWatchState(),
      [ev(0, 'in_transit', 'a'), ev(0, 'in_transit', 'a')],
      T0,
    );
    expect(first.accepted).toBe(1);
    expect(first.duplicates).toBe(1);
    const again = applyTrackingEvents(first.state, [ev(0, 'in_transit', 'a')], T0 + H);
    expect(again.accepted).toBe(0);
    expect(again.duplicates).toBe(1);
    expect(again.state).toBe(first.state);
  });

  it('keeps a bounded window and refuses events older than a full window', () => {
    const many = Array.from({ length: MAX_KEPT_EVENTS + 20 }, (_, i) => ev(i, 'in_transit', `step ${i}`));
    const applied = applyTrackingEvents(initialWatchState(), many, T0 + 200 * H);
    expect(applied.state.events).toHaveLength(MAX_KEPT_EVENTS);
    expect(applied.state.eventCount).toBe(MAX_KEPT_EVENTS + 20);
    expect(applied.state.events[0]!.description).toBe('step 20');
    const late = applyTrackingEvents(applied.state, [ev(-5, 'in_transit', 'ancient')], T0 + 200 * H);
    expect(late.stale).toBe(1);
    expect(late.accepted).toBe(0);
  });
});

describe('progress: only a newer event moves the stall clock', () => {
  const base = stateWith([
    ev(0, 'info_received', 'GWMS_ACCEPT'),
    ev(10, 'in_transit', 'SC_OUTBOUND_SUCCESS'),
  ]);

  it('starts the clock at the newest event own time, not at receipt', () => {
    expect(base.clockAt).toBe(iso(T0 + 10 * H));
    expect(base.lastEventAt).toBe(iso(T0 + 10 * H));
    expect(base.status).toBe('in_transit');
    expect(base.leg).toBe('first_mile');
  });

  it.each([
    ['an older event', [ev(5, 'in_transit', 'Arrived at hub')]],
    ['a duplicate', [ev(10, 'in_transit', 'SC_OUTBOUND_SUCCESS')]],
    [
      'an older and a duplicate together',
      [ev(2, 'in_transit', 'x'), ev(10, 'in_transit', 'SC_OUTBOUND_SUCCESS')],
    ],
  ])('%s does not reset the clock', (_what, events) => {
    const applied = applyTrackingEvents(base, events, T0 + 40 * H);
    expect(applied.progressed).toEqual([]);
    expect(applied.state.clockAt).toBe(base.clockAt);
    expect(applied.state.status).toBe('in_transit');
  });

  it('an older event still joins the history in order', () => {
    const applied = applyTrackingEvents(base, [ev(5, 'in_transit', 'Arrived at hub')], T0 + 40 * H);
    expect(applied.state.events.map((e) => e.description)).toEqual([
      'GWMS_ACCEPT',
      'Arrived at hub',
      'SC_OUTBOUND_SUCCESS',
    ]);
    expect(applied.state.eventCount).toBe(3);
  });

  it('a newer event resets the clock and moves the leg', () => {
    const applied = applyTrackingEvents(base, [ev(30, 'in_transit', 'LH_DEPART')], T0 + 40 * H);
    expect(applied.progressed.map((e) => e.description)).toEqual(['LH_DEPART']);
    expect(applied.state.clockAt).toBe(iso(T0 + 30 * H));
    expect(applied.state.leg).toBe('export_linehaul');
  });

  it('clamps a future-stamped event to its receipt on the clock', () => {
    const now = T0 + 20 * H;
    const applied = applyTrackingEvents(base, [ev(500, 'in_transit', 'clock skew')], now);
    expect(applied.state.clockAt).toBe(iso(now));
    expect(applied.state.lastEventAt).toBe(iso(T0 + 500 * H));
  });

  it('keeps the leg told by the last event that told one, in event order', () => {
    const s = stateWith([
      ev(0, 'in_transit', 'LH_ARRIVE'),
      ev(1, 'in_transit', 'Processing'),
      ev(-1, 'in_transit', 'LH_DEPART'),
    ]);
    expect(s.leg).toBe('import_customs');
  });
});

describe('detectStall (Cainiao, China-origin profile)', () => {
  it.each([
    // leg, event, hours of silence, stalled?
    ['first mile (48 h)', 'GWMS_ACCEPT', 'info_received', 47, false],
    ['first mile (48 h)', 'GWMS_ACCEPT', 'info_received', 49, true],
    ['linehaul (120 h)', 'LH_DEPART', 'in_transit', 119, false],
    ['linehaul (120 h)', 'LH_DEPART', 'in_transit', 121, true],
    ['import customs (96 h)', 'CC_IM_START', 'in_transit', 49, false],
    ['import customs (96 h)', 'CC_IM_START', 'in_transit', 95, false],
    ['import customs (96 h)', 'CC_IM_START', 'in_transit', 97, true],
    ['last mile (72 h)', 'GTMS_ACCEPT', 'in_transit', 71, false],
    ['last mile (72 h)', 'GTMS_ACCEPT', 'in_transit', 73, true],
    ['last mile, out for delivery', 'Out for delivery', 'out_for_delivery', 73, true],
  ] as const)('%s: %s after %d h -> stalled %s', (_leg, description, status, hours, stalled) => {
    const state = stateWith([ev(0, status, description)]);
    const verdict = detectStall(state, T0 + hours * H, cainiaoPolicy);
    expect(verdict.stalled).toBe(stalled);
    expect(verdict.apologize).toBe(stalled);
    expect(verdict.escalate).toBe(false);
    expect(verdict.silentHours).toBeCloseTo(hours);
    if (stalled) {
      expect(verdict.stalledSince).toBe(iso(T0 + verdict.thresholdHours * H));
    } else {
      expect(verdict.stalledSince).toBeNull();
      expect(verdict.nextCheckAt).toBe(T0 + verdict.thresholdHours * H);
    }
  });

  it('apologises once per stall episode; new progress starts a new episode', () => {
    let state = stateWith([ev(0, 'in_transit', 'SC_OUTBOUND_SUCCESS')]);
    const first = detectStall(state, T0 + 49 * H, cainiaoPolicy);
    expect(first.apologize).toBe(true);
    state = { ...state, apologizedFor: first.episode };
    expect(detectStall(state, T0 + 60 * H, cainiaoPolicy).apologize).toBe(false);
    expect(detectStall(state, T0 + 60 * H, cainiaoPolicy).stalled).toBe(true);
    // an older event arrives: same episode, still no second apology
    state = applyTrackingEvents(state, [ev(-3, 'in_transit', 'late')], T0 + 61 * H).state;
    expect(detectStall(state, T0 + 62 * H, cainiaoPolicy).apologize).toBe(false);
    // real progress: clock resets, not stalled until the threshold again
    state = applyTrackingEvents(state, [ev(62, 'in_transit', 'Departed facility')], T0 + 62 * H).state;
    expect(detectStall(state, T0 + 62 * H + 47 * H, cainiaoPolicy).stalled).toBe(false);
    const again = detectStall(state, T0 + 62 * H + 49 * H, cainiaoPolicy);
    expect(again.apologize).toBe(true);
    expect(again.episode).toBe(iso(T0 + 62 * H));
  });

  it('escalates after 7 days of silence, once per episode, and wakes for it', () => {
    const state = stateWith([ev(0, 'in_transit', 'SC_OUTBOUND_SUCCESS')]);
    const apologised = { ...state, apologizedFor: state.clockAt };
    expect(detectStall(apologised, T0 + 50 * H, cainiaoPolicy).nextCheckAt).toBe(T0 + 168 * H);
    expect(detectStall(apologised, T0 + 167 * H, cainiaoPolicy).escalate).toBe(false);
    const verdict = detectStall(apologised, T0 + 169 * H, cainiaoPolicy);
    expect(verdict.escalate).toBe(true);
    const escalated = { ...apologised, escalatedFor: state.clockAt };
    const after = detectStall(escalated, T0 + 170 * H, cainiaoPolicy);
    expect(after.escalate).toBe(false);
    expect(after.nextCheckAt).toBe(T0 + 60 * 24 * H);
  });

  it('never escalates before the leg threshold, even with a shorter escalation setting', () => {
    const policy = resolveWatchPolicy(cainiao, { escalateAfterHours: 24 });
    const state = stateWith([ev(0, 'in_transit', 'LH_DEPART')]);
    expect(detectStall(state, T0 + 100 * H, policy).escalate).toBe(false);
    const at = detectStall(state, T0 + 121 * H, policy);
    expect(at.apologize && at.escalate).toBe(true);
  });

  it('gives up after the expiry and does not stall while waiting at a pickup point', () => {
    const pickup = stateWith([ev(0, 'available_for_pickup', 'Ready for collection')]);
    const verdict = detectStall(pickup, T0 + 200 * H, cainiaoPolicy);
    expect(verdict.stalled || verdict.escalate).toBe(false);
    expect(verdict.nextCheckAt).toBe(T0 + 60 * 24 * H);
    expect(detectStall(pickup, T0 + 60 * 24 * H, cainiaoPolicy).expire).toBe(true);
  });

  it('has nothing to say before any event or after closing', () => {
    expect(detectStall(initialWatchState(), T0, cainiaoPolicy).nextCheckAt).toBeNull();
    const closed = { ...stateWith([ev(0, 'in_transit', 'x')]), closed: 'delivered' as const };
    expect(detectStall(closed, T0 + 500 * H, cainiaoPolicy).stalled).toBe(false);
  });
});

describe('resolveWatchPolicy: shop overrides', () => {
  it('a shop stallHours replaces every leg, down to one minute', () => {
    const policy = resolveWatchPolicy(cainiao, { stallHours: 1 / 60, escalateAfterHours: 0.05 });
    expect(Object.values(policy.stallHours)).toEqual([1 / 60, 1 / 60, 1 / 60, 1 / 60]);
    expect(policy.escalateAfterHours).toBe(0.05);
    const state = stateWith([ev(0, 'in_transit', 'CC_IM_START')]);
    expect(detectStall(state, T0 + 59_000, policy).stalled).toBe(false);
    expect(detectStall(state, T0 + 61_000, policy).stalled).toBe(true);
    expect(detectStall(state, T0 + 3 * 60_000 + 1, policy).escalate).toBe(true);
  });

  it('without overrides the profile stands; unknown carriers get a flat 48 h', () => {
    expect(resolveWatchPolicy(cainiao, {}).stallHours).toEqual(cainiao.stallHours);
    expect(resolveWatchPolicy(GENERIC_CARRIER).stallHours.import_customs).toBe(48);
    expect(resolveWatchPolicy(GENERIC_CARRIER).escalateAfterHours).toBe(168);
  });
});

describe('reactToProgress', () => {
  const react = (events: TrackingEvent[], base: WatchState = initialWatchState()) => {
    const applied = applyTrackingEvents(base, events, T0 + 100 * H);
    return reactToProgress(applied.progressed, applied.state);
  };

  it.each([
    [[ev(0, 'in_transit', 'x'), ev(1, 'delivered', 'Delivered')], { close: 'delivered' }],
    [[ev(1, 'returned', 'Returned to sender')], { close: 'returned', escalate: 'returned' }],
    [[ev(1, 'exception', 'Lost')], { escalate: 'exception' }],
    [[ev(1, 'available_for_pickup', 'Ready for pickup')], { pickupReminder: true }],
    [[ev(1, 'in_transit', 'x')], {}],
    // an exception the parcel has moved on from asks for nothing
    [[ev(1, 'exception', 'Delayed'), ev(2, 'in_transit', 'Moving again')], {}],
  ] as const)('%#', (events, reaction) => {
    expect(react([...events])).toEqual(reaction);
  });

  it('older or repeated events trigger nothing', () => {
    const base = stateWith([ev(10, 'in_transit', 'x')]);
    expect(react([ev(1, 'exception', 'Damaged')], base)).toEqual({});
    expect(react([ev(2, 'delivered', 'Delivered')], base)).toEqual({});
  });

  it('escalates entering an exception, not every further exception scan', () => {
    const base = stateWith([ev(1, 'exception', 'Delayed')]);
    const applied = applyTrackingEvents(base, [ev(20, 'exception', 'Still delayed')], T0 + 100 * H);
    expect(reactToProgress(applied.progressed, applied.state, base)).toEqual({});
    const moving = stateWith([ev(1, 'in_transit', 'x')]);
    const again = applyTrackingEvents(moving, [ev(20, 'exception', 'Customs hold')], T0 + 100 * H);
    expect(reactToProgress(again.progressed, again.state, moving)).toEqual({ escalate: 'exception' });
  });

  it('reminds about a pickup once', () => {
    const base = { ...stateWith([ev(1, 'available_for_pickup', 'a')]), pickupReminded: true };
    expect(react([ev(20, 'available_for_pickup', 'still waiting')], base)).toEqual({});
  });
});

describe('labels, actions, days', () => {
  it('labels the state a seller sees', () => {
    expect(watchStateLabel(initialWatchState())).toBe('pending');
    const s = stateWith([ev(0, 'in_transit', 'x')]);
    expect(watchStateLabel(s)).toBe('in_transit');
    expect(watchStateLabel(s, { stalled: true })).toBe('stalled');
    expect(watchStateLabel({ ...s, closed: 'delivered' }, { stalled: true })).toBe('delivered');
  });

  it('keeps the newest actions only', () => {
    let s = initialWatchState();
    for (let i = 0; i < 60; i++) s = withAction(s, { at: iso(T0 + i), kind: `k${i}` });
    expect(s.actions).toHaveLength(50);
    expect(s.actions[0]!.kind).toBe('k10');
  });

  it.each([
    [0, 0],
    [23.9, 0],
    [49, 2],
    [169, 7],
  ])('%d h silent -> %d days', (hours, days) => {
    expect(daysSinceUpdate(hours)).toBe(days);
  });
});
