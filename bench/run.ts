/**
 * `npm run bench`: end-to-end figures of sellerdesk on this machine, against loopback only.
 * Prints a table and writes JSON to bench/results/<timestamp>.json; never fails on a number.
 *
 * Phases: a saturation sweep (BENCH_SWEEP "10,20,30,40,50,60,80" msg/s, BENCH_STEP_SECONDS 10
 * each, stops at the first rate whose ingest -> card p99 reaches 300 ms); a flood (BENCH_FLOOD_RATE
 * 100 msg/s for BENCH_FLOOD_SECONDS 20) while BENCH_IN_FLIGHT (60) tickets already carded are
 * approved (decision -> delivery at a loopback receiver); a noisy shop (BENCH_NOISY_RATE 40 msg/s
 * from one shop beside 99 shops at BENCH_QUIET_RATE 0.1 msg/s, BENCH_NOISY_SECONDS 20); full
 * lifecycles (BENCH_TICKETS 200) with history counts; and the empty-workflow baseline
 * (BENCH_BASELINE 1000). BENCH_SHOPS (100), BENCH_DRAIN_SECONDS (180: how long a phase waits for
 * its last cards), BENCH_DATABASE_URL (default TEST_DATABASE_URL; unreachable: PGlite),
 * BENCH_SIBLINGS=0 skips the classification, shipment and listing benches, BENCH_NODE_ARGS are
 * extra `node` arguments for the sellerdesk processes, BENCH_WORKERS (1) the number of worker processes. Worker/intake knobs (WORKER_*, INTAKE_*)
 * in the environment are passed to the sellerdesk processes; the API process runs without the
 * intake drainer (the worker drains) unless BENCH_API_DRAINER=on.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import type { temporal as proto } from '@temporalio/proto';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import pg from 'pg';
import { freePort, startDevServer } from '../src/temporal/dev-server.js';
import { deadlockTimeout, setStackTraces } from '../src/temporal/worker.js';
import { ticketWorkflowId } from '../workflows/contracts/ticket.js';
import { cpuMeter, findPids, settle } from './support/cpu.js';
import { startBenchReceiver } from './support/receiver.js';
import { RESULT_MARKER } from './support/run-module.js';
import { type AppProcess, rssOfPid, spawnSellerdesk } from './support/sellerdesk-process.js';
import { percentiles, pool, rssSampler } from './support/stats.js';
import { startBenchTelegram } from './support/telegram.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = process.env;
const numbers = (value: string) =>
  value
    .split(',')
    .map(Number)
    .filter((n) => n > 0);
const SWEEP = numbers(env.BENCH_SWEEP ?? '10,20,30,40,50,60,80');
const STEP_SECONDS = Number(env.BENCH_STEP_SECONDS ?? 10);
const SATURATION_P99_MS = 300;
const FLOOD_RATE = Number(env.BENCH_FLOOD_RATE ?? 100);
const FLOOD_SECONDS = Number(env.BENCH_FLOOD_SECONDS ?? 20);
const IN_FLIGHT = Number(env.BENCH_IN_FLIGHT ?? 60);
const NOISY_RATE = Number(env.BENCH_NOISY_RATE ?? 40);
const QUIET_RATE = Number(env.BENCH_QUIET_RATE ?? 0.1);
const NOISY_SECONDS = Number(env.BENCH_NOISY_SECONDS ?? 20);
const SHOPS = Number(env.BENCH_SHOPS ?? 100);
const TICKETS = Number(env.BENCH_TICKETS ?? 200);
const BASELINE = Number(env.BENCH_BASELINE ?? 1000);
const DRAIN_SECONDS = Number(env.BENCH_DRAIN_SECONDS ?? 180);
const WORKERS = Math.max(1, Number(env.BENCH_WORKERS ?? 1));
const CONCURRENCY = 50;
const ADMIN_TOKEN = 'bench-admin-token-0123456789';
const WEBHOOK_SECRET = 'bench_webhook_secret';
const out = (line = '') => console.log(line);
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

interface Shop {
  id: string;
  token: string;
  chatId: number;
}

function loadTexts(): string[] {
  try {
    const texts = readFileSync(path.join(ROOT, 'test/fixtures/intent-dev.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => (JSON.parse(l) as { text: string }).text)
      .filter((t) => typeof t === 'string' && t.trim().length > 0);
    if (texts.length > 0) return texts;
  } catch {
    // fall back to a few built-in messages
  }
  return [
    'Hola, pedí hace 40 días y todavía no me ha llegado el paquete. ¿Dónde está?',
    'The lamp arrived broken, the glass is cracked',
    "Je n'ai toujours pas reçu ma commande, ça fait 5 semaines",
    'Quero meu dinheiro de volta, o produto não serve',
    'Здравствуйте, посылка до сих пор не пришла, где мой заказ?',
  ];
}

async function postJson(url: string, body: unknown, token?: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  // biome-ignore lint/suspicious/noExplicitAny: the bench reads arbitrary JSON answers
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, json, text };
}

/** A fresh PostgreSQL database for this run, or undefined when PostgreSQL is not reachable. */
async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> } | undefined> {
  const base = env.BENCH_DATABASE_URL ?? env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const name = `bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: base, connectionTimeoutMillis: 3_000 });
  try {
    await admin.connect();
    await admin.query(`create database "${name}"`);
  } catch {
    await admin.end().catch(() => undefined);
    return undefined;
  }
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      await client.query(`drop database if exists "${name}" with (force)`).catch(() => undefined);
      await client.end();
    },
  };
}

/** One POST /v1/messages as the bench saw it. */
interface Sent {
  shop: Shop;
  sentAt: number;
  apiMs: number;
  status: number;
  ticketId?: string;
}

/** What one workflow history holds: its events (persisted state changes) by kind. */
interface HistoryCounts {
  events: number;
  workflowTasks: number;
  activityTasks: number;
  timers: number;
  signals: number;
  updates: number;
}

function historyCounts(events: proto.api.history.v1.IHistoryEvent[]): HistoryCounts {
  return {
    events: events.length,
    workflowTasks: events.filter((e) => e.workflowTaskCompletedEventAttributes).length,
    activityTasks: events.filter((e) => e.activityTaskScheduledEventAttributes).length,
    timers: events.filter((e) => e.timerStartedEventAttributes).length,
    signals: events.filter((e) => e.workflowExecutionSignaledEventAttributes).length,
    updates: events.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes).length,
  };
}

async function main() {
  const startedAt = new Date();
  Runtime.install({ logger: new DefaultLogger('WARN'), shutdownSignals: [] });
  out(`sellerdesk bench - ${startedAt.toISOString()} - ${os.cpus().length} cores, Node ${process.version}`);
  out(`  ${SHOPS} shops with a linked chat; sweep ${SWEEP.join(', ')} msg/s; flood ${FLOOD_RATE} msg/s`);
  const cleanups: Array<() => Promise<void>> = [];
  const results: Record<string, unknown> = {
    startedAt: startedAt.toISOString(),
    machine: {
      cores: os.cpus().length,
      cpu: os.cpus()[0]?.model,
      node: process.version,
      loadavg: os.loadavg(),
    },
    settings: {
      sweep: SWEEP,
      stepSeconds: STEP_SECONDS,
      flood: { rate: FLOOD_RATE, seconds: FLOOD_SECONDS, inFlight: IN_FLIGHT },
      noisy: { rate: NOISY_RATE, quietRate: QUIET_RATE, seconds: NOISY_SECONDS },
      shops: SHOPS,
      tickets: TICKETS,
      baseline: BASELINE,
      drainSeconds: DRAIN_SECONDS,
      workers: WORKERS,
    },
  };
  try {
    const temporal = await startDevServer({ port: 0, uiPort: 0, ephemeral: true, startTimeoutMs: 90_000 });
    cleanups.push(() => temporal.stop());
    const temporalPort = temporal.address.split(':')[1]!;
    const database = await freshDatabase();
    if (database) cleanups.push(() => database.drop());
    const telegram = await startBenchTelegram();
    cleanups.push(() => telegram.close());
    const receiver = await startBenchReceiver();
    cleanups.push(() => receiver.close());
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sellerdesk-bench-'));
    cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const taskQueue = `bench-${Date.now().toString(36)}`;
    const appEnv: Record<string, string> = {
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      ...(database ? { DATABASE_URL: database.url } : {}),
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_TASK_QUEUE: taskQueue,
      ADMIN_TOKEN,
      TELEGRAM_BOT_TOKEN: '123456:BENCH-bot-token',
      TELEGRAM_API_ROOT: telegram.apiRoot,
      TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET,
      OUTBOUND_URL: receiver.url,
      OUTBOUND_SECRET: 'bench-outbound-secret',
      LOG_LEVEL: 'warn',
      // Operator knobs under test (docs/OPERATIONS.md, "Scaling out"), passed through when set.
      ...Object.fromEntries(
        Object.entries(env).filter(
          (e): e is [string, string] =>
            /^(WORKER_|INTAKE_|DATABASE_PREPARED_STATEMENTS$)/.test(e[0]) && typeof e[1] === 'string',
        ),
      ),
    };
    results.knobs = {
      ...Object.fromEntries(
        Object.entries(appEnv).filter(([k]) => /^(WORKER_|INTAKE_|DATABASE_PREPARED_STATEMENTS$)/.test(k)),
      ),
      apiDrainer: env.BENCH_API_DRAINER ?? 'off',
    };
    const connection = await Connection.connect({ address: temporal.address });
    cleanups.push(() => connection.close());
    const client = new Client({ connection });
    const workerPolling = (pid: number) => async () => {
      const described = await client.workflowService
        .describeTaskQueue({ namespace: 'default', taskQueue: { name: taskQueue }, taskQueueType: 1 })
        .catch(() => undefined);
      return (described?.pollers ?? []).some((p) => (p.identity ?? '').startsWith(`${pid}@`));
    };
    const nodeArgs = (env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const children: AppProcess[] = [];
    cleanups.push(async () => {
      for (const child of children) await child.stop().catch(() => undefined);
    });
    let apiProcess: AppProcess;
    let workerProcess: AppProcess;
    const extraWorkers: AppProcess[] = [];
    if (database) {
      // The API answers HTTP only; the worker drains the intake outbox (BENCH_API_DRAINER=on: both).
      apiProcess = await spawnSellerdesk(
        'api',
        { ...appEnv, INTAKE_DRAINER: env.BENCH_API_DRAINER ?? 'off' },
        { url, nodeArgs },
      );
      children.push(apiProcess);
      workerProcess = await spawnSellerdesk('worker', appEnv, {
        nodeArgs,
        ready: (pid) => workerPolling(pid)(),
      });
      children.push(workerProcess);
      // Scale-out (BENCH_WORKERS, default 1): more worker processes on the same task queue.
      for (let i = 1; i < WORKERS; i++) {
        const extra = await spawnSellerdesk('worker', appEnv, {
          nodeArgs,
          ready: (pid) => workerPolling(pid)(),
        });
        extraWorkers.push(extra);
        children.push(extra);
      }
    } else {
      apiProcess = await spawnSellerdesk('start', appEnv, { url, nodeArgs });
      workerProcess = apiProcess;
      children.push(apiProcess);
    }
    const dbLabel = database ? 'PostgreSQL (fresh database)' : 'PGlite (one process: API + worker)';
    out(
      `  database: ${dbLabel}; Temporal dev server ${temporal.address}; API and ${WORKERS} worker process(es) as separate processes`,
    );
    results.database = database ? 'postgres' : 'pglite';

    const rss = rssSampler({
      api: () => apiProcess.rssMb(),
      ...(workerProcess !== apiProcess
        ? { worker: () => [workerProcess, ...extraWorkers].reduce((n, w) => n + w.rssMb(), 0) }
        : {}),
      temporal: () =>
        findPids('start-dev', `--port ${temporalPort}`).reduce((n, pid) => n + rssOfPid(pid), 0),
    });
    cleanups.push(async () => rss.stop());
    const dbName = database ? new URL(database.url).pathname.slice(1) : '';
    const cpu = cpuMeter({
      api: () => [apiProcess.pid],
      ...(workerProcess !== apiProcess
        ? { worker: () => [workerProcess, ...extraWorkers].map((w) => w.pid) }
        : {}),
      temporal: () => findPids('start-dev', `--port ${temporalPort}`),
      ...(database ? { postgres: () => findPids('postgres:', dbName) } : {}),
      bench: () => [process.pid],
    });
    const idleRss = rss.now();

    // ---- shops, each with a chat linked through /start <code> ----------------------------------
    const shops: Shop[] = [];
    await pool(SHOPS, 10, async (i) => {
      const created = await postJson(
        `${url}/v1/admin/shops`,
        { name: `Bench shop ${i}`, defaultLanguage: 'en', plan: 'free', sellerLanguage: 'en' },
        ADMIN_TOKEN,
      );
      if (created.status !== 201) throw new Error(`shop create failed: ${created.status} ${created.text}`);
      const chatId = 500_000 + i;
      const linked = await postJson(
        `${url}/telegram/webhook`,
        {
          update_id: 1_000_000 + i,
          message: {
            message_id: 1,
            date: Math.floor(Date.now() / 1000),
            chat: { id: chatId, type: 'private', first_name: 'Seller' },
            from: { id: chatId, is_bot: false, first_name: 'Seller' },
            text: `/start ${created.json.telegramLinkCode}`,
            entities: [{ type: 'bot_command', offset: 0, length: 6 }],
          },
        },
        undefined,
        { 'x-telegram-bot-api-secret-token': WEBHOOK_SECRET },
      );
      if (linked.status !== 200) throw new Error(`chat link failed: ${linked.status} ${linked.text}`);
      shops[i] = { id: created.json.shop.id, token: created.json.apiToken, chatId };
    });
    const texts = loadTexts();
    let serial = 0;
    const nextBody = () => {
      const n = serial++;
      return {
        messageId: `bench-${n}`,
        orderId: `BENCH-${n}`,
        buyer: { id: `buyer-${n}` },
        text: texts[n % texts.length]!,
        receivedAt: new Date().toISOString(),
      };
    };
    const send = async (shop: Shop): Promise<Sent> => {
      const sentAt = Date.now();
      const started = performance.now();
      try {
        const r = await postJson(`${url}/v1/messages`, nextBody(), shop.token);
        return {
          shop,
          sentAt,
          apiMs: performance.now() - started,
          status: r.status,
          ...(r.status === 202 ? { ticketId: r.json.ticketId as string } : {}),
        };
      } catch {
        return { shop, sentAt, apiMs: performance.now() - started, status: 0 };
      }
    };
    /** Open loop: message i goes out at i / rate seconds, to the shop `pick(i)` names. */
    const openLoop = async (rate: number, seconds: number, pick: (i: number) => Shop) => {
      const total = Math.round(rate * seconds);
      const sends: Array<Promise<Sent>> = [];
      const t0 = performance.now();
      for (let i = 0; i < total; i++) {
        const wait = t0 + (i * 1000) / rate - performance.now();
        if (wait > 1) await sleep(wait);
        sends.push(send(pick(i)));
      }
      return Promise.all(sends);
    };
    const cardLatencies = async (answers: Sent[], timeoutMs: number) => {
      const deadline = Date.now() + timeoutMs;
      const accepted = answers.filter((a) => a.ticketId);
      const arrivals = await Promise.all(
        accepted.map((a) => telegram.cardFor(a.ticketId!, Math.max(0, deadline - Date.now()))),
      );
      const latencies: number[] = [];
      let missing = 0;
      accepted.forEach((a, i) => {
        const card = arrivals[i];
        if (card) latencies.push(card.at - a.sentAt);
        else missing++;
      });
      return { accepted: accepted.length, refused: answers.length - accepted.length, latencies, missing };
    };
    const byRotation = (i: number) => shops[i % SHOPS]!;

    // Warm-up: JIT, connection pools, workflow cache.
    await pool(20, 5, async (i) => {
      const r = await send(byRotation(i));
      if (r.ticketId) await telegram.cardFor(r.ticketId, 30_000);
    });

    // ---- saturation: the highest intake rate whose ingest -> card p99 stays under 300 ms ------
    out();
    out(
      `saturation sweep: ${SWEEP.join(', ')} msg/s, ${STEP_SECONDS} s each, stops past p99 ${SATURATION_P99_MS} ms`,
    );
    const steps: Array<Record<string, unknown>> = [];
    let saturation = 0;
    for (const rate of SWEEP) {
      cpu.start();
      rss.reset();
      const answers = await openLoop(rate, STEP_SECONDS, byRotation);
      const cards = await cardLatencies(answers, 60_000);
      const usage = cpu.stop();
      const card = percentiles(cards.latencies);
      const ok = cards.missing === 0 && cards.refused === 0 && card.p99 < SATURATION_P99_MS;
      if (ok) saturation = rate;
      steps.push({
        rate,
        accepted: cards.accepted,
        refused: cards.refused,
        missingCards: cards.missing,
        ingestToCardMs: card,
        apiPostMessagesMs: percentiles(answers.map((a) => a.apiMs)),
        underTarget: ok,
        cpuCores: usage.cores,
        rssPeakMb: rss.peak(),
      });
      out(
        `  ${rate} msg/s: card p50 ${card.p50} p99 ${card.p99} ms, missing ${cards.missing}, POST p99 ${percentiles(answers.map((a) => a.apiMs)).p99} ms ${ok ? '' : '(over)'}`,
      );
      if (!ok) break;
    }
    out(`  saturation: ${saturation} msg/s`);
    results.saturation = { rateMsgPerSecond: saturation, targetP99Ms: SATURATION_P99_MS, steps };

    // ---- flood: intake at FLOOD_RATE while sellers decide tickets already in flight ----------
    out();
    out(
      `flood: ${FLOOD_RATE} msg/s for ${FLOOD_SECONDS} s while ${IN_FLIGHT} tickets in flight get decided ...`,
    );
    const prepared = (
      await Promise.all(Array.from({ length: IN_FLIGHT }, (_, i) => send(byRotation(i))))
    ).filter((a) => a.ticketId);
    await Promise.all(prepared.map((p) => telegram.cardFor(p.ticketId!, 60_000)));
    cpu.start();
    rss.reset();
    const floodStarted = Date.now();
    const decide = (async () => {
      await sleep(1_000);
      const spacing = ((FLOOD_SECONDS - 2) * 1000) / Math.max(1, prepared.length);
      return Promise.all(
        prepared.map(async (p, i) => {
          await sleep(i * spacing);
          const decidedAt = Date.now();
          for (let attempt = 0; attempt < 200; attempt++) {
            const r = await postJson(
              `${url}/v1/tickets/${p.ticketId}/decision`,
              { action: 'approve', by: 'bench' },
              p.shop.token,
            );
            if (r.status === 200) break;
            if (r.json?.error?.code !== 'draft_not_ready') return undefined;
            await sleep(50);
          }
          const delivered = await receiver.deliveryFor(p.ticketId!, 120_000);
          return delivered === undefined ? undefined : delivered - decidedAt;
        }),
      );
    })();
    const floodAnswers = await openLoop(FLOOD_RATE, FLOOD_SECONDS, byRotation);
    const floodWindowMs = Date.now() - floodStarted;
    const decisionToDelivery = (await decide).filter((v): v is number => v !== undefined);
    const floodCards = await cardLatencies(floodAnswers, DRAIN_SECONDS * 1000);
    const drainedMs = Date.now() - floodStarted;
    const floodUsage = cpu.stop();
    const flood = {
      rate: FLOOD_RATE,
      seconds: FLOOD_SECONDS,
      sent: floodAnswers.length,
      accepted: floodCards.accepted,
      refused: floodCards.refused,
      refusedWithout503: floodAnswers.filter((a) => a.status !== 202 && a.status !== 503).length,
      // 0: no HTTP answer (connection refused or timed out), else the status code.
      statuses: floodAnswers.reduce<Record<string, number>>((counts, a) => {
        counts[a.status] = (counts[a.status] ?? 0) + 1;
        return counts;
      }, {}),
      apiPostMessagesMs: percentiles(floodAnswers.map((a) => a.apiMs)),
      decisionToDeliveryMs: percentiles(decisionToDelivery),
      decisionsWithoutDelivery: prepared.length - decisionToDelivery.length,
      ingestToCardMs: percentiles(floodCards.latencies),
      missingCards: floodCards.missing,
      allCardsAfterMs: drainedMs,
      windowMs: floodWindowMs,
      cpuCores: floodUsage.cores,
      rssPeakMb: rss.peak(),
    };
    results.flood = flood;
    out(
      `  POST /v1/messages p50 ${flood.apiPostMessagesMs.p50} p99 ${flood.apiPostMessagesMs.p99} ms; accepted ${flood.accepted}/${flood.sent}; answers ${JSON.stringify(flood.statuses)} (0: no answer)`,
    );
    out(
      `  decision -> delivery p50 ${flood.decisionToDeliveryMs.p50} p99 ${flood.decisionToDeliveryMs.p99} ms (${flood.decisionsWithoutDelivery} without delivery)`,
    );
    out(
      `  flood cards: p50 ${flood.ingestToCardMs.p50} p99 ${flood.ingestToCardMs.p99} ms, missing ${flood.missingCards}; all cards ${Math.round(drainedMs / 1000)} s after the flood began`,
    );

    // ---- noisy shop: one shop at NOISY_RATE, the other shops at QUIET_RATE each ---------------
    out();
    const quietShops = shops.slice(1);
    const quietRate = QUIET_RATE * quietShops.length;
    out(
      `noisy shop: 1 shop at ${NOISY_RATE} msg/s, ${quietShops.length} shops at ${QUIET_RATE} msg/s (${quietRate.toFixed(1)} msg/s together), ${NOISY_SECONDS} s ...`,
    );
    cpu.start();
    const [noisyAnswers, quietAnswers] = await Promise.all([
      openLoop(NOISY_RATE, NOISY_SECONDS, () => shops[0]!),
      openLoop(quietRate, NOISY_SECONDS, (i) => quietShops[i % quietShops.length]!),
    ]);
    const noisyCards = await cardLatencies(noisyAnswers, DRAIN_SECONDS * 1000);
    const quietCards = await cardLatencies(quietAnswers, DRAIN_SECONDS * 1000);
    const noisyUsage = cpu.stop();
    const noisy = {
      noisyRate: NOISY_RATE,
      quietShops: quietShops.length,
      quietRatePerShop: QUIET_RATE,
      seconds: NOISY_SECONDS,
      quietCardMs: percentiles(quietCards.latencies),
      quietMissing: quietCards.missing,
      noisyCardMs: percentiles(noisyCards.latencies),
      noisyMissing: noisyCards.missing,
      apiPostMessagesMs: percentiles([...noisyAnswers, ...quietAnswers].map((a) => a.apiMs)),
      cpuCores: noisyUsage.cores,
    };
    results.noisyShop = noisy;
    out(
      `  quiet shops' cards p50 ${noisy.quietCardMs.p50} p99 ${noisy.quietCardMs.p99} ms (${noisy.quietCardMs.count}); noisy shop's p50 ${noisy.noisyCardMs.p50} p99 ${noisy.noisyCardMs.p99} ms`,
    );

    // ---- full ticket lifecycles: ingest -> card -> approve -> delivered -> workflow closed ------
    out();
    out(`ticket throughput: ${TICKETS} full lifecycles, ${CONCURRENCY} at a time ...`);
    // Both sides of the ratio start on a quiet server: the flood's tail must not bill the tickets.
    const busyPids = () => [
      ...findPids('start-dev', `--port ${temporalPort}`),
      ...[workerProcess, ...extraWorkers].map((w) => w.pid),
    ];
    const beforeTickets = await settle(busyPids);
    out(
      `  settled: ${beforeTickets.waitedMs} ms until Temporal and workers used ${beforeTickets.cores} cores`,
    );
    cpu.start();
    const lifecycle: number[] = [];
    const completedIds: string[] = [];
    let failedTickets = 0;
    const tp0 = performance.now();
    await pool(TICKETS, CONCURRENCY, async (i) => {
      const started = performance.now();
      const shop = byRotation(i);
      try {
        const posted = await postJson(`${url}/v1/messages`, nextBody(), shop.token);
        const ticketId = posted.json?.ticketId as string;
        if (!(await telegram.cardFor(ticketId, 120_000))) throw new Error('no card');
        for (let attempt = 0; attempt < 100; attempt++) {
          const decided = await postJson(
            `${url}/v1/tickets/${ticketId}/decision`,
            { action: 'approve', by: 'bench' },
            shop.token,
          );
          if (decided.status === 200) break;
          if (decided.json?.error?.code !== 'draft_not_ready') throw new Error(decided.text);
          await sleep(50);
        }
        await client.workflow.getHandle(ticketWorkflowId(ticketId)).result();
        lifecycle.push(performance.now() - started);
        completedIds.push(ticketId);
      } catch {
        failedTickets++;
      }
    });
    const tpSeconds = (performance.now() - tp0) / 1000;
    const tpUsage = cpu.stop();
    const ticketRate = Math.round((lifecycle.length / tpSeconds) * 10) / 10;
    out(
      `  ${lifecycle.length} completed (${failedTickets} failed) in ${tpSeconds.toFixed(1)} s: ${ticketRate} tickets/s`,
    );
    out(`  lifecycle latency ${JSON.stringify(percentiles(lifecycle))} ms`);

    // ---- what Temporal persists per ticket, read back from the histories ----------------------
    const sample = completedIds.slice(0, 20);
    const histories = await Promise.all(
      sample.map((id) => client.workflow.getHandle(ticketWorkflowId(id)).fetchHistory()),
    );
    const perTicket = histories.map((h) => historyCounts(h.events ?? []));
    const mean = (key: keyof HistoryCounts) =>
      perTicket.length
        ? Math.round((perTicket.reduce((n, c) => n + c[key], 0) / perTicket.length) * 10) / 10
        : 0;
    results.historyPerTicket = {
      sampled: perTicket.length,
      events: mean('events'),
      workflowTasks: mean('workflowTasks'),
      activityTasks: mean('activityTasks'),
      timers: mean('timers'),
      signals: mean('signals'),
      updates: mean('updates'),
    };
    out(
      `  persisted per ticket (history, ${perTicket.length} sampled): ${JSON.stringify(results.historyPerTicket)}`,
    );

    // ---- Temporal's own floor: empty workflows on the same server ------------------------------
    out();
    out(`baseline: ${BASELINE} empty workflows, ${CONCURRENCY} at a time ...`);
    const beforeBaseline = await settle(busyPids);
    out(
      `  settled: ${beforeBaseline.waitedMs} ms until Temporal and workers used ${beforeBaseline.cores} cores`,
    );
    const baselineQueue = `bench-baseline-${Date.now().toString(36)}`;
    const nativeConnection = await NativeConnection.connect({ address: temporal.address });
    // The same workflow-thread settings as the app's worker (stack capture, deadlock watchdog), so
    // the floor is what this SDK configuration can do at best.
    setStackTraces(appEnv.WORKER_STACK_TRACES === 'on');
    const baselineWorker = await Worker.create({
      connection: nativeConnection,
      taskQueue: baselineQueue,
      ...deadlockTimeout(Number(appEnv.WORKER_DEADLOCK_TIMEOUT_MS || 5000)),
      workflowBundle: await bundleWorkflowCode({
        workflowsPath: path.join(ROOT, 'bench/baseline-workflow.ts'),
        logger: new DefaultLogger('ERROR'),
      }),
    });
    const baselineRun = baselineWorker.run();
    cpu.start();
    const bp0 = performance.now();
    let baselineDone = 0;
    await pool(BASELINE, CONCURRENCY, async (i) => {
      await client.workflow.execute('emptyWorkflow', {
        taskQueue: baselineQueue,
        workflowId: `${baselineQueue}-${i}`,
      });
      baselineDone++;
    });
    const baselineRate = Math.round((baselineDone / ((performance.now() - bp0) / 1000)) * 10) / 10;
    const baselineUsage = cpu.stop();
    // CPU per unit of work, by process: where a ticket costs more than an empty workflow (the
    // baseline's worker runs inside the bench process).
    const perUnit = (usage: { cores: Record<string, number>; seconds: number }, units: number) =>
      Object.fromEntries(
        Object.entries(usage.cores).map(([name, cores]) => [
          name,
          units > 0 ? Math.round(((cores * usage.seconds * 1000) / units) * 10) / 10 : 0,
        ]),
      );
    const cpuMsPerTicket = perUnit(tpUsage, lifecycle.length);
    const cpuMsPerEmptyWorkflow = perUnit(baselineUsage, baselineDone);
    const baselineHistory = historyCounts(
      (await client.workflow.getHandle(`${baselineQueue}-0`).fetchHistory()).events ?? [],
    );
    baselineWorker.shutdown();
    await baselineRun;
    await nativeConnection.close();
    const ratio = baselineRate > 0 ? Math.round((ticketRate / baselineRate) * 1000) / 1000 : 0;
    out(`  ${baselineRate} empty workflows/s; sellerdesk tickets/s = ${(ratio * 100).toFixed(1)}% of it`);
    out(
      `  CPU ms per ticket ${JSON.stringify(cpuMsPerTicket)}; per empty workflow ${JSON.stringify(cpuMsPerEmptyWorkflow)}`,
    );
    results.throughput = {
      tickets: TICKETS,
      concurrency: CONCURRENCY,
      completed: lifecycle.length,
      failed: failedTickets,
      ticketsPerSecond: ticketRate,
      lifecycleMs: percentiles(lifecycle),
      cpuCores: tpUsage.cores,
      machineBusy: tpUsage.machineBusy,
      otherProcessesCores: tpUsage.otherCores,
      baselineEmptyWorkflowsPerSecond: baselineRate,
      baselineHistoryEvents: baselineHistory.events,
      ratioToBaseline: ratio,
      cpuMsPerTicket,
      cpuMsPerEmptyWorkflow,
      baselineOtherProcessesCores: baselineUsage.otherCores,
    };
    // Errors the sellerdesk processes logged (e.g. what a 5xx answer hid), for the JSON.
    results.processErrors = Object.fromEntries(
      [
        ['api', apiProcess],
        ['worker', workerProcess],
      ].map(([name, child]) => [
        name,
        (child as AppProcess)
          .logs()
          .split('\n')
          .filter((line) => /"level":(50|60)/.test(line))
          .slice(-20),
      ]),
    );
    const finalRss = rss.now();
    results.rssMb = { idle: idleRss, end: finalRss };
    results.telegramCalls = Object.fromEntries(telegram.calls);

    // ---- the other engineers' benches, each in its own process --------------------------------
    const siblings: Record<string, unknown> = {};
    if (env.BENCH_SIBLINGS !== '0') {
      for (const [file, name, options] of [
        ['bench/classification.ts', 'benchClassification', {}],
        ['bench/shipments.ts', 'benchShipments', {}],
        ['bench/listings.ts', 'benchListings', {}],
        ['bench/text-cost.ts', 'benchTextCost', {}],
      ] as const) {
        out();
        out(`${file} ${name}() ...`);
        siblings[name] = await runSibling(file, name, options);
      }
    }
    results.siblings = siblings;

    printSummary(results, dbLabel);
  } catch (error) {
    results.error = (error as Error).message;
    console.error(`bench: ${(error as Error).message}`);
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    const dir = path.join(ROOT, 'bench/results');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
    out(`\nresults: ${path.relative(ROOT, file)}`);
  }
}

/** Runs a sibling bench in its own process; a missing module or a failure is reported, not fatal. */
async function runSibling(file: string, name: string, options: unknown): Promise<unknown> {
  try {
    readFileSync(path.join(ROOT, file));
  } catch {
    out(`  skipped: ${file} does not exist`);
    return { error: 'module missing' };
  }
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'bench/support/run-module.ts', file, name, JSON.stringify(options)],
      { cwd: ROOT, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let result: unknown = { error: 'no result' };
    let buffer = '';
    const onLine = (line: string) => {
      if (line.startsWith(RESULT_MARKER)) result = JSON.parse(line.slice(RESULT_MARKER.length));
      else if (line.trim()) out(`  | ${line}`);
    };
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) onLine(line);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      if (buffer) onLine(buffer);
      if (code !== 0) out(`  ${name} exited with ${code}`);
      resolve(code === 0 ? result : { error: `exit ${code}`, result });
    });
  });
}

/** Figures the issue asks for, today's (before the intake outbox) beside this run's. */
const BEFORE = {
  saturation: 'below 50 msg/s (card p99 241 ms at 10, 98.7 s at 50)',
  postP99At100: 18_946,
  cardP99At100: 256_000,
  ticketsPerSecond: 9.1,
  baseline: 48.2,
};

function printSummary(results: Record<string, unknown>, dbLabel: string) {
  // biome-ignore lint/suspicious/noExplicitAny: reads back the JSON this run wrote
  const r = results as any;
  const row = (what: string, value: string, target = '', before = '') =>
    out(`${what.padEnd(52)}${value.padStart(22)}${target.padStart(14)}${before.padStart(26)}`);
  out();
  out('='.repeat(114));
  out(`sellerdesk bench summary (${dbLabel}; ${SHOPS} shops, one chat each; ms unless stated)`);
  out('-'.repeat(114));
  row('figure', 'this run', 'target', 'before (issue 15)');
  out('-'.repeat(114));
  row(
    `saturation (highest rate, card p99 < ${SATURATION_P99_MS} ms)`,
    `${r.saturation?.rateMsgPerSecond ?? '-'} msg/s`,
    '',
    BEFORE.saturation.slice(0, 24),
  );
  row(
    `POST /v1/messages p50 / p99 at ${FLOOD_RATE} msg/s`,
    `${r.flood?.apiPostMessagesMs.p50} / ${r.flood?.apiPostMessagesMs.p99}`,
    '< 100',
    `15,047 / ${BEFORE.postP99At100.toLocaleString('en')}`,
  );
  row(
    `accepted / not accepted at ${FLOOD_RATE} msg/s`,
    `${r.flood?.accepted} / ${r.flood?.refused}`,
    '0 refused',
    '',
  );
  row(`decision -> delivery p99 during the flood`, `${r.flood?.decisionToDeliveryMs.p99}`, '< 2000', '');
  row(
    `flood cards p99 (all cards after)`,
    `${r.flood?.ingestToCardMs.p99} (${Math.round((r.flood?.allCardsAfterMs ?? 0) / 1000)} s)`,
    '',
    `${BEFORE.cardP99At100.toLocaleString('en')}`,
  );
  row(
    `quiet shops' card p99 beside a ${NOISY_RATE} msg/s shop`,
    `${r.noisyShop?.quietCardMs.p99}`,
    '< 1000',
    '',
  );
  row(`noisy shop's card p99`, `${r.noisyShop?.noisyCardMs.p99}`, '', '');
  row(
    'ticket lifecycles/s vs empty workflows/s',
    `${r.throughput?.ticketsPerSecond} / ${r.throughput?.baselineEmptyWorkflowsPerSecond}`,
    '',
    `${BEFORE.ticketsPerSecond} / ${BEFORE.baseline}`,
  );
  row(
    'history events per ticket (empty workflow)',
    `${r.historyPerTicket?.events} (${r.throughput?.baselineHistoryEvents})`,
    '',
    '',
  );
  row(
    'per ticket: workflow tasks / activity tasks',
    `${r.historyPerTicket?.workflowTasks} / ${r.historyPerTicket?.activityTasks}`,
    '',
    '',
  );
  out('-'.repeat(114));
  for (const step of r.saturation?.steps ?? []) {
    out(
      `  sweep ${String(step.rate).padStart(4)} msg/s: card p50 ${step.ingestToCardMs.p50} p99 ${step.ingestToCardMs.p99}, POST p99 ${step.apiPostMessagesMs.p99}, missing ${step.missingCards}, CPU ${JSON.stringify(step.cpuCores)}`,
    );
  }
  out(`RSS MiB at idle ${JSON.stringify(r.rssMb?.idle)}; at the end ${JSON.stringify(r.rssMb?.end)}`);
  out('='.repeat(114));
}

await main();
process.exit(0);
