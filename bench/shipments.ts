/**
 * Shipment watches at scale: N concurrent ShipmentWatch workflows (default 10,000) on one worker.
 * Measures the start rate (signal-with-start per second), the worker process's RSS with every watch
 * asleep on its stall timer, and the event-to-state latency of a second event sent at a steady
 * rate (SHIPMENT_BENCH_EVENT_RATE, 20/s, for SHIPMENT_BENCH_EVENT_SECONDS, 30) to watches spread
 * over all N (most of them evicted from the worker's cache, so each event replays a short
 * history): from the signal until the watch mirrors the new state.
 *
 * The worker keeps at most SHIPMENT_BENCH_CACHE (WORKER_MAX_CACHED_WORKFLOWS, default 1000)
 * workflows in its sticky cache: the knob that keeps 10,000 watches under 1 GiB.
 *
 * Activities are in-memory stubs, so the figures are Temporal's and the workflow's, not the
 * database's. Run with `npx tsx bench/shipments.ts`; `SHIPMENT_BENCH_N=500` for a smaller run;
 * `TEMPORAL_ADDRESS` to use a running server instead of an embedded in-memory dev server.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import type { Activities } from '../src/activities/index.js';
import type { ShipmentSnapshot } from '../src/activities/shipment/index.js';
import { resolveCarrier } from '../src/domain/logistics/carriers.js';
import { normalizeTrackingEvent, resolveWatchPolicy } from '../src/domain/logistics/stall.js';
import { startDevServer } from '../src/temporal/dev-server.js';
import { createWorker } from '../src/temporal/worker.js';
import {
  SHIPMENT_WATCH_WORKFLOW,
  type ShipmentWatchInput,
  shipmentWorkflowId,
  type TrackingBatch,
  trackingEventsSignal,
} from '../workflows/contracts/shipment-watch.js';

/** Options of `benchShipments`; `n` defaults to `SHIPMENT_BENCH_N` or 10,000. */
export interface ShipmentBenchOptions {
  n?: number;
  /** Requests in flight at once. */
  concurrency?: number;
  /** Workflows the worker keeps cached (sticky cache). */
  maxCachedWorkflows?: number;
  /** Second events per second, and for how long. */
  eventRate?: number;
  eventSeconds?: number;
  temporalAddress?: string;
  out?: (line: string) => void;
}

/** Figures of one run. */
export interface ShipmentBenchResult {
  watches: number;
  startsPerSecond: number;
  /** Resident set size of this process (API client + worker) with every watch started. */
  workerRssMb: number;
  rssGrowthMb: number;
  eventToStateP50Ms: number;
  eventToStateP99Ms: number;
  eventsPerSecond: number;
  maxCachedWorkflows: number;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

async function pool(count: number, concurrency: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(concurrency, count) }, async () => {
    while (next < count) {
      const i = next++;
      await task(i);
    }
  });
  await Promise.all(workers);
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** Starts N watches, then sends each a second event; prints and returns the figures. */
export async function benchShipments(options: ShipmentBenchOptions = {}): Promise<ShipmentBenchResult> {
  const n = options.n ?? Number(process.env.SHIPMENT_BENCH_N ?? 10_000);
  const concurrency = options.concurrency ?? 64;
  const env = process.env;
  const maxCachedWorkflows =
    options.maxCachedWorkflows ?? Number(env.SHIPMENT_BENCH_CACHE ?? env.WORKER_MAX_CACHED_WORKFLOWS ?? 1000);
  const eventRate = options.eventRate ?? Number(env.SHIPMENT_BENCH_EVENT_RATE ?? 20);
  const eventSeconds = options.eventSeconds ?? Number(env.SHIPMENT_BENCH_EVENT_SECONDS ?? 30);
  const out = options.out ?? ((line: string) => console.log(line));
  const address = options.temporalAddress ?? process.env.TEMPORAL_ADDRESS;
  const server = address
    ? undefined
    : await startDevServer({ port: 0, uiPort: 0, ephemeral: true, startTimeoutMs: 90_000 });
  const temporalAddress = address ?? server!.address;
  const taskQueue = `bench-shipments-${Date.now().toString(36)}`;
  const shopId = `shop_bench_${Date.now().toString(36)}`;

  // seen[i] = event count the watch last mirrored; waiters resolve when it reaches a target.
  const seen = new Int32Array(n);
  const waiters = new Map<number, { target: number; resolve: () => void }>();
  const indexOf = (trackingNumber: string) => Number(trackingNumber.slice(2, 11));
  const stubs = {
    async saveShipmentState(snapshot: ShipmentSnapshot) {
      const i = indexOf(snapshot.trackingNumber);
      seen[i] = snapshot.events.length;
      const waiter = waiters.get(i);
      if (waiter && seen[i]! >= waiter.target) {
        waiters.delete(i);
        waiter.resolve();
      }
    },
    async grantCoupon() {
      return { status: 'no_value' };
    },
    async openStallTicket() {
      return { status: 'pending_ticket_support' };
    },
    async openPickupReminder() {
      return { status: 'pending_ticket_support' };
    },
    async escalateShipment() {
      return { notified: 0, channels: [] };
    },
  };
  const rssBefore = process.memoryUsage().rss;
  const { worker, connection: workerConnection } = await createWorker({
    address: temporalAddress,
    namespace: 'default',
    taskQueue,
    activities: stubs as unknown as Activities,
    tuning: { maxCachedWorkflows },
  });
  const running = worker.run();
  const connection = await Connection.connect({ address: temporalAddress });
  const client = new Client({ connection });
  const carrier = resolveCarrier('Cainiao');
  const policy = resolveWatchPolicy(carrier);
  const trackingNumber = (i: number) => `LP${String(i).padStart(9, '0')}CN`;
  const batchFor = (i: number, at: number, description: string): TrackingBatch => ({
    orderId: `ORD-${i}`,
    carrier: 'Cainiao',
    events: [
      normalizeTrackingEvent({ at: new Date(at).toISOString(), status: 'in_transit', description }, carrier),
    ],
    policy,
  });
  const reached = (i: number, target: number) =>
    new Promise<void>((done) => {
      if (seen[i]! >= target) return done();
      waiters.set(i, { target, resolve: done });
    });
  const send = (i: number, batch: TrackingBatch) => {
    const input: ShipmentWatchInput = {
      shopId,
      trackingNumber: trackingNumber(i),
      orderId: batch.orderId,
      carrier: batch.carrier,
      policy,
    };
    return client.workflow.signalWithStart(SHIPMENT_WATCH_WORKFLOW, {
      taskQueue,
      workflowId: shipmentWorkflowId(shopId, trackingNumber(i)),
      args: [input],
      signal: trackingEventsSignal,
      signalArgs: [batch],
    });
  };

  let result: ShipmentBenchResult;
  try {
    const t0 = Date.now();
    out(
      `shipment watch bench: ${n} watches, ${concurrency} requests in flight, ${maxCachedWorkflows} cached workflows, ${temporalAddress}`,
    );
    const startWall = performance.now();
    await pool(n, concurrency, async (i) => {
      await send(i, batchFor(i, t0, 'SC_OUTBOUND_SUCCESS'));
    });
    const startSeconds = (performance.now() - startWall) / 1000;
    await pool(n, concurrency * 4, (i) => reached(i, 1));
    const rssAll = process.memoryUsage().rss;
    out(
      `  started ${n} watches in ${startSeconds.toFixed(1)} s; second events at ${eventRate}/s for ${eventSeconds} s`,
    );

    // Steady second events, spread over all watches (a stride through the index space).
    const events = Math.min(n, Math.round(eventRate * eventSeconds));
    const stride = Math.max(1, Math.floor(n / events));
    const latencies = new Float64Array(events);
    const eventWall = performance.now();
    const pending: Array<Promise<void>> = [];
    for (let k = 0; k < events; k++) {
      const wait = eventWall + (k * 1000) / eventRate - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      const i = (k * stride) % n;
      pending.push(
        (async () => {
          const sent = performance.now();
          const done = reached(i, 2);
          await send(i, batchFor(i, t0 + 60_000, 'LH_DEPART'));
          await done;
          latencies[k] = performance.now() - sent;
        })(),
      );
    }
    await Promise.all(pending);
    const eventSecondsTaken = (performance.now() - eventWall) / 1000;
    latencies.sort();
    result = {
      watches: n,
      startsPerSecond: Math.round(n / startSeconds),
      workerRssMb: mb(rssAll),
      rssGrowthMb: mb(rssAll - rssBefore),
      eventToStateP50Ms: Math.round(percentile(latencies, 0.5)),
      eventToStateP99Ms: Math.round(percentile(latencies, 0.99)),
      eventsPerSecond: Math.round((events / eventSecondsTaken) * 10) / 10,
      maxCachedWorkflows,
    };
    out(`  starts/s (signal-with-start)      ${String(result.startsPerSecond).padStart(8)}`);
    out(
      `  worker RSS, all watches asleep    ${String(result.workerRssMb).padStart(8)} MB (+${result.rssGrowthMb} MB)`,
    );
    out(`  event -> state p50                ${String(result.eventToStateP50Ms).padStart(8)} ms`);
    out(`  event -> state p99                ${String(result.eventToStateP99Ms).padStart(8)} ms`);
    out(`  events/s                          ${String(result.eventsPerSecond).padStart(8)}`);
  } finally {
    worker.shutdown();
    await running.catch(() => undefined);
    await workerConnection.close();
    await connection.close();
    await server?.stop();
  }
  return result;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  await benchShipments();
}
