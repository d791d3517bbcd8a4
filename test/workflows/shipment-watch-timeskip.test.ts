import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activities } from '../../src/activities/index.js';
import type { ShipmentActivities } from '../../src/activities/shipment/index.js';
import { resolveCarrier } from '../../src/domain/logistics/carriers.js';
import {
  normalizeTrackingEvent,
  resolveWatchPolicy,
  type WatchPolicy,
} from '../../src/domain/logistics/stall.js';
import type { TrackingStatus } from '../../src/domain/logistics/types.js';
import { workflowBundle } from '../../src/temporal/worker.js';
import {
  type ShipmentWatchInput,
  shipmentStateQuery,
  shipmentWorkflowId,
  type TrackingBatch,
  trackingEventsSignal,
} from '../../workflows/contracts/shipment-watch.js';
import { createTimeSkippingEnv } from '../support/time-skipping.js';

const H = 3_600_000;
const SHOP = 'shop_ts';
const cainiao = resolveCarrier('Cainiao');

type Call = { name: keyof ShipmentActivities; input: Record<string, unknown> };

/** The shipment activities as recording stubs: this file tests the watch's timers and rules only. */
function stubActivities(calls: Call[]) {
  const couponed = new Set<string>();
  let tickets = 0;
  const record =
    <T>(name: keyof ShipmentActivities, answer: (input: Record<string, unknown>) => T) =>
    async (input: Record<string, unknown>) => {
      calls.push({ name, input });
      return answer(input);
    };
  const stubs = {
    saveShipmentState: record('saveShipmentState', () => undefined),
    grantCoupon: record('grantCoupon', (input) => {
      const order = String(input.orderId);
      if (couponed.has(order)) return { status: 'already_granted' };
      couponed.add(order);
      return { status: 'granted', coupon: { code: `SD-${order}`, value: 3, currency: 'USD' } };
    }),
    openStallTicket: record('openStallTicket', () => ({
      status: 'opened',
      ticketId: `tkt_${++tickets}`,
      created: true,
      autoSend: false,
      language: 'en',
      templateId: 'logistics.stall_apology',
    })),
    openPickupReminder: record('openPickupReminder', () => ({
      status: 'opened',
      ticketId: `tkt_${++tickets}`,
      created: true,
      autoSend: true,
      language: 'en',
      templateId: 'logistics.ready_for_pickup',
    })),
    escalateShipment: record('escalateShipment', () => ({ notified: 1, channels: ['telegram'] })),
  };
  return stubs as unknown as Activities;
}

describe('shipment watch on the time-skipping server', () => {
  let env: TestWorkflowEnvironment;
  let worker: Worker;
  let running: Promise<void>;
  const calls: Call[] = [];
  const taskQueue = 'tq-shipment-timeskip';
  let n = 0;

  // Server time only moves inside `sleep`, which skips it ahead and pauses while workflow and
  // activity tasks are outstanding: "47 hours pass" is exact, and nothing is left running after.
  const server = {
    sleep: (ms: number) => env.sleep(ms),
    now: async () => Number(await env.currentTimeMs()),
    get client() {
      return env.client;
    },
  };

  beforeAll(async () => {
    try {
      Runtime.install({ logger: new DefaultLogger('WARN'), shutdownSignals: [] });
    } catch {
      // this process already has a runtime
    }
    env = await createTimeSkippingEnv();
    worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: await workflowBundle(),
      activities: stubActivities(calls),
    });
    running = worker.run();
  });

  afterAll(async () => {
    worker?.shutdown();
    await running;
    await env?.teardown();
  });

  function parcel(policy: WatchPolicy = resolveWatchPolicy(cainiao), orderId?: string) {
    n++;
    const trackingNumber = `LP${String(n).padStart(9, '0')}CN`;
    const order = orderId ?? `ORD-${n}`;
    const handle = server.client.workflow.getHandle(shipmentWorkflowId(SHOP, trackingNumber));
    return {
      trackingNumber,
      handle,
      /** Posts events stamped `hours` after `base` (default: server time now), as the API would. */
      async post(events: Array<[hours: number, status: TrackingStatus, description: string]>, base?: number) {
        const now = base ?? (await server.now());
        const batch: TrackingBatch = {
          orderId: order,
          carrier: 'Cainiao',
          events: events.map(([hours, status, description]) =>
            normalizeTrackingEvent(
              { at: new Date(now + hours * H).toISOString(), status, description },
              cainiao,
            ),
          ),
          policy,
        };
        const input: ShipmentWatchInput = {
          shopId: SHOP,
          trackingNumber,
          orderId: order,
          carrier: 'Cainiao',
          policy,
        };
        await server.client.workflow.signalWithStart('shipmentWatchWorkflow', {
          taskQueue,
          workflowId: shipmentWorkflowId(SHOP, trackingNumber),
          workflowIdReusePolicy: 'ALLOW_DUPLICATE_FAILED_ONLY',
          args: [input],
          signal: trackingEventsSignal,
          signalArgs: [batch],
        });
        await this.settled();
        return now;
      },
      /**
       * Waits until the watch has handled what it was sent: server time cannot pass while a
       * workflow or activity task is outstanding, so one skipped second means all work is done.
       */
      async settled() {
        await server.sleep(1000);
      },
      calls(name: keyof ShipmentActivities) {
        return calls.filter((c) => c.name === name && c.input.trackingNumber === trackingNumber);
      },
      state: () => handle.query(shipmentStateQuery),
    };
  }

  it('47 h of silence: nothing; 49 h: exactly one apology and one coupon', async () => {
    const p = parcel();
    const t0 = await p.post([[0, 'info_received', 'GWMS_ACCEPT']]);
    await server.sleep(47 * H);
    expect(p.calls('grantCoupon')).toHaveLength(0);
    expect(p.calls('openStallTicket')).toHaveLength(0);
    expect((await p.state()).state).toBe('info_received');

    await server.sleep(2 * H);
    expect(p.calls('grantCoupon')).toHaveLength(1);
    expect(p.calls('openStallTicket')).toHaveLength(1);
    const apology = p.calls('openStallTicket')[0]!.input;
    expect(apology).toMatchObject({
      leg: 'first_mile',
      daysSinceUpdate: 2,
      lastCheckpoint: 'GWMS_ACCEPT',
      coupon: { code: expect.stringMatching(/^SD-/), value: 3, currency: 'USD' },
    });
    const state = await p.state();
    expect(state.state).toBe('stalled');
    expect(state.stalledSince).toBe(new Date(t0 + 48 * H).toISOString());
    expect(state.actions.map((a) => a.kind)).toEqual(['stall_detected', 'coupon_granted', 'apology_opened']);
    const saved = p.calls('saveShipmentState').at(-1)!.input;
    expect(saved).toMatchObject({ state: 'stalled', stalledSince: state.stalledSince, leg: 'first_mile' });

    await server.sleep(24 * H);
    expect(p.calls('grantCoupon')).toHaveLength(1);
    expect(p.calls('openStallTicket')).toHaveLength(1);
    // Buyer data stays out of the watch's history: activities read the buyer from the database.
    expect(JSON.stringify(calls.map((c) => c.input))).not.toMatch(/buyer/i);
  });

  it('an event after the apology resets the stall clock; the next stall apologises without a new coupon', async () => {
    const p = parcel();
    await p.post([[0, 'in_transit', 'SC_OUTBOUND_SUCCESS']]);
    await server.sleep(49 * H);
    expect(p.calls('openStallTicket')).toHaveLength(1);

    await p.post([[0, 'in_transit', 'Departed from sorting center']]);
    const reset = await p.state();
    expect(reset.state).toBe('in_transit');
    expect(reset.stalledSince).toBeNull();
    await server.sleep(47 * H);
    expect(p.calls('openStallTicket')).toHaveLength(1);
    await server.sleep(2 * H);
    expect(p.calls('openStallTicket')).toHaveLength(2);
    expect(p.calls('grantCoupon')).toHaveLength(1);
    expect(p.calls('openStallTicket')[1]!.input.coupon).toBeUndefined();
  });

  it('a duplicate or an older event does not reset the clock', async () => {
    const p = parcel();
    const t0 = await p.post([[0, 'in_transit', 'SC_INBOUND_SUCCESS']]);
    await server.sleep(30 * H);
    await p.post(
      [
        [0, 'in_transit', 'SC_INBOUND_SUCCESS'], // the same event again
        [-5, 'in_transit', 'PU_PICKUP_SUCCESS'], // older than the last progress
      ],
      t0,
    );
    const state = await p.state();
    expect(state.lastEventAt).toBe(new Date(t0).toISOString());
    expect(state.eventCount).toBe(2);
    await server.sleep(19 * H); // 49 h after the last real progress
    expect(p.calls('openStallTicket')).toHaveLength(1);
    // and once apologised, repeats never apologise again
    await p.post([[0, 'in_transit', 'SC_INBOUND_SUCCESS']], t0);
    await server.sleep(40 * H);
    expect(p.calls('openStallTicket')).toHaveLength(1);
  });

  it('a customs leg uses its own threshold (Cainiao import customs: 96 h)', async () => {
    const p = parcel();
    await p.post([
      [-2, 'in_transit', 'LH_ARRIVE'],
      [0, 'in_transit', 'CC_IM_START'],
    ]);
    expect((await p.state()).leg).toBe('import_customs');
    await server.sleep(49 * H);
    expect(p.calls('openStallTicket')).toHaveLength(0);
    await server.sleep(46 * H);
    expect(p.calls('openStallTicket')).toHaveLength(0);
    await server.sleep(2 * H);
    expect(p.calls('openStallTicket')).toHaveLength(1);
    expect(p.calls('openStallTicket')[0]!.input).toMatchObject({ leg: 'import_customs', daysSinceUpdate: 4 });
  });

  it('escalates once after the long threshold (7 days without progress)', async () => {
    const p = parcel();
    await p.post([[0, 'in_transit', 'SC_OUTBOUND_SUCCESS']]);
    await server.sleep(49 * H);
    expect(p.calls('openStallTicket')).toHaveLength(1);
    await server.sleep(118 * H);
    expect(p.calls('escalateShipment')).toHaveLength(0);
    await server.sleep(2 * H);
    expect(p.calls('escalateShipment')).toHaveLength(1);
    expect(p.calls('escalateShipment')[0]!.input).toMatchObject({ reason: 'stall', leg: 'first_mile' });
    await server.sleep(48 * H);
    expect(p.calls('escalateShipment')).toHaveLength(1);
    expect((await p.state()).actions.map((a) => a.kind)).toContain('escalated');
  });

  it('delivered closes the watch; a closed watch is not restarted', async () => {
    const p = parcel();
    await p.post([[0, 'in_transit', 'GTMS_ACCEPT']]);
    await p.post([
      [0.5, 'out_for_delivery', 'Out for delivery'],
      [1, 'delivered', 'Delivered'],
    ]);
    const result = await p.handle.result();
    expect(result).toMatchObject({ state: 'delivered', closed: 'delivered', eventCount: 3 });
    expect(p.calls('saveShipmentState').at(-1)!.input.state).toBe('delivered');
    await expect(p.post([[2, 'in_transit', 'late scan']])).rejects.toBeInstanceOf(
      WorkflowExecutionAlreadyStartedError,
    );
    await server.sleep(100 * H);
    expect(p.calls('openStallTicket')).toHaveLength(0);
  });

  it('an exception escalates at once; returned escalates and closes', async () => {
    const p = parcel();
    await p.post([
      [-5, 'in_transit', 'LH_DEPART'],
      [0, 'exception', 'Parcel damaged'],
    ]);
    expect(p.calls('escalateShipment').map((c) => c.input.reason)).toEqual(['exception']);
    await p.post([[-1, 'exception', 'Delay']]); // older than the last progress: no second escalation
    expect(p.calls('escalateShipment')).toHaveLength(1);
    await p.post([[1, 'returned', 'Returned to sender']]);
    expect(await p.handle.result()).toMatchObject({ state: 'returned' });
    expect(p.calls('escalateShipment').map((c) => c.input.reason)).toEqual(['exception', 'returned']);
  });

  it('available for pickup sends one reminder and does not count as a stall', async () => {
    const p = parcel();
    await p.post([[0, 'available_for_pickup', 'Ready for collection']]);
    await p.post([[24, 'available_for_pickup', 'Still waiting at the pickup point']]);
    expect(p.calls('openPickupReminder')).toHaveLength(1);
    await server.sleep(200 * H);
    expect(p.calls('openStallTicket')).toHaveLength(0);
    expect(p.calls('escalateShipment')).toHaveLength(0);
  });

  it('gives up after 60 days without progress', async () => {
    const p = parcel();
    await p.post([[0, 'in_transit', 'LH_DEPART']]);
    await server.sleep(60 * 24 * H + H);
    expect(await p.handle.result()).toMatchObject({ state: 'expired', closed: 'expired' });
  });

  it('a shop override shortens every leg (30 minutes) and a one-minute threshold works', async () => {
    const p = parcel(resolveWatchPolicy(cainiao, { stallHours: 0.5 }));
    await p.post([[0, 'in_transit', 'CC_IM_START']]);
    await server.sleep(29 * 60_000);
    expect(p.calls('openStallTicket')).toHaveLength(0);
    await server.sleep(2 * 60_000);
    expect(p.calls('openStallTicket')).toHaveLength(1);

    const q = parcel(resolveWatchPolicy(cainiao, { stallHours: 1 / 60 }));
    await q.post([[0, 'in_transit', 'GTMS_ACCEPT']]);
    await server.sleep(61_000);
    expect(q.calls('openStallTicket')).toHaveLength(1);
  });

  it('continues as new after a bounded number of events, carrying the state', async () => {
    const p = parcel();
    const t0 = await p.post([[0, 'in_transit', 'SC_OUTBOUND_SUCCESS']]);
    await server.sleep(49 * H);
    expect(p.calls('openStallTicket')).toHaveLength(1);
    const firstRun = (await p.handle.describe()).runId;
    // 250 late events (all older than the last progress): the run's history grows, nothing resets
    const late = (from: number) =>
      Array.from(
        { length: 125 },
        (_, i) =>
          [from + i * 0.5, 'in_transit', `late scan ${from + i * 0.5}`] as [number, TrackingStatus, string],
      );
    await p.post(late(-200), t0);
    await p.post(late(-100), t0);
    const described = await p.handle.describe();
    expect(described.runId).not.toBe(firstRun);
    const state = await p.state();
    expect(state.eventCount).toBe(251);
    expect(state.state).toBe('stalled');
    expect(state.actions.map((a) => a.kind)).toContain('apology_opened');
    await server.sleep(24 * H);
    expect(p.calls('openStallTicket')).toHaveLength(1);
  });
});
