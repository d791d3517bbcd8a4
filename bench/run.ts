/**
 * `npm run bench`: end-to-end figures of sellerdesk on this machine. Prints a table and writes
 * JSON to bench/results/<timestamp>.json; never fails on a number.
 *
 * Knobs (env): BENCH_SECONDS (60) per rate, BENCH_RATES ("10,50,100") messages/s, BENCH_SHOPS
 * (100), BENCH_TICKETS (300) full ticket lifecycles, BENCH_BASELINE (1000) empty workflows,
 * BENCH_DRAIN_SECONDS (300: how long a phase waits for its last cards), BENCH_DATABASE_URL (default TEST_DATABASE_URL; unreachable: PGlite),
 * BENCH_SIBLINGS=0 skips the classification, shipment and listing benches, BENCH_NODE_ARGS are
 * extra `node` arguments for the sellerdesk processes (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof").
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import pg from 'pg';
import { freePort, startDevServer } from '../src/temporal/dev-server.js';
import { ticketWorkflowId } from '../workflows/definitions.js';
import { cpuMeter, findPids } from './support/cpu.js';
import { RESULT_MARKER } from './support/run-module.js';
import { type AppProcess, rssOfPid, spawnSellerdesk } from './support/sellerdesk-process.js';
import { type Percentiles, percentiles, pool, rssSampler, throttleDelays } from './support/stats.js';
import { startBenchTelegram } from './support/telegram.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = process.env;
const SECONDS = Number(env.BENCH_SECONDS ?? 60);
const RATES = (env.BENCH_RATES ?? '10,50,100')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const SHOPS = Number(env.BENCH_SHOPS ?? 100);
const TICKETS = Number(env.BENCH_TICKETS ?? 300);
const BASELINE = Number(env.BENCH_BASELINE ?? 1000);
const DRAIN_SECONDS = Number(env.BENCH_DRAIN_SECONDS ?? 300);
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

interface RatePhase {
  rate: number;
  /** Tickets of earlier phases still without a card when this one started (a carried-over backlog). */
  backlogAtStart: number;
  seconds: number;
  sent: number;
  accepted: number;
  refused: number;
  cardsArrived: number;
  missingCards: number;
  achievedIngestPerSecond: number;
  cardsPerSecondInWindow: number;
  ingestToCardMs: Percentiles;
  ingestToCardWithTelegramLimitsMs: Percentiles;
  firstFifthP50Ms: number;
  lastFifthP50Ms: number;
  apiPostMessagesMs: Percentiles;
  cpuCores: Record<string, number>;
  machineBusy: number;
  otherProcessesCores: number;
  rssPeakMb: Record<string, number>;
}

async function main() {
  const startedAt = new Date();
  Runtime.install({ logger: new DefaultLogger('WARN'), shutdownSignals: [] });
  out(`sellerdesk bench - ${startedAt.toISOString()} - ${os.cpus().length} cores, Node ${process.version}`);
  out(
    `  ${SECONDS} s per rate (BENCH_SECONDS), rates ${RATES.join(', ')} msg/s, ${SHOPS} shops with a linked chat`,
  );
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
      seconds: SECONDS,
      rates: RATES,
      shops: SHOPS,
      tickets: TICKETS,
      baseline: BASELINE,
      drainSeconds: DRAIN_SECONDS,
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
      LOG_LEVEL: 'warn',
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
    if (database) {
      apiProcess = await spawnSellerdesk('api', appEnv, { url, nodeArgs });
      children.push(apiProcess);
      workerProcess = await spawnSellerdesk('worker', appEnv, {
        nodeArgs,
        ready: (pid) => workerPolling(pid)(),
      });
      children.push(workerProcess);
    } else {
      apiProcess = await spawnSellerdesk('start', appEnv, { url, nodeArgs });
      workerProcess = apiProcess;
      children.push(apiProcess);
    }
    const dbLabel = database ? 'PostgreSQL (fresh database)' : 'PGlite (one process: API + worker)';
    out(
      `  database: ${dbLabel}; Temporal dev server ${temporal.address}; API and worker as separate processes`,
    );
    results.database = database ? 'postgres' : 'pglite';

    const rss = rssSampler({
      api: () => apiProcess.rssMb(),
      ...(workerProcess !== apiProcess ? { worker: () => workerProcess.rssMb() } : {}),
      temporal: () =>
        findPids('start-dev', `--port ${temporalPort}`).reduce((n, pid) => n + rssOfPid(pid), 0),
    });
    cleanups.push(async () => rss.stop());
    const dbName = database ? new URL(database.url).pathname.slice(1) : '';
    const cpu = cpuMeter({
      api: () => [apiProcess.pid],
      ...(workerProcess !== apiProcess ? { worker: () => [workerProcess.pid] } : {}),
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
    const nextMessage = () => {
      const n = serial++;
      return {
        shop: shops[n % SHOPS]!,
        body: {
          messageId: `bench-${n}`,
          orderId: `BENCH-${n}`,
          buyer: { id: `buyer-${n}` },
          text: texts[n % texts.length]!,
          receivedAt: new Date().toISOString(),
        },
      };
    };

    // Warm-up: JIT, connection pools, workflow cache.
    await pool(20, 5, async () => {
      const { shop, body } = nextMessage();
      const r = await postJson(`${url}/v1/messages`, body, shop.token);
      if (r.status === 202) await telegram.cardFor(r.json.ticketId, 30_000);
    });

    // ---- ingest -> approval card, open loop at each rate --------------------------------------
    const phases: RatePhase[] = [];
    const everAccepted: string[] = [];
    const backlog = () => everAccepted.filter((id) => !telegram.cards.has(id)).length;
    for (const rate of RATES) {
      const backlogAtStart = backlog();
      out();
      out(`rate ${rate} msg/s for ${SECONDS} s ...`);
      rss.reset();
      cpu.start();
      const total = Math.round(rate * SECONDS);
      const sends: Array<Promise<{ sentAt: number; apiMs: number; status: number; ticketId?: string }>> = [];
      const t0 = performance.now();
      for (let i = 0; i < total; i++) {
        const due = t0 + (i * 1000) / rate;
        const wait = due - performance.now();
        if (wait > 1) await sleep(wait);
        const { shop, body } = nextMessage();
        const sentAt = Date.now();
        const started = performance.now();
        sends.push(
          postJson(`${url}/v1/messages`, body, shop.token)
            .then((r) => ({
              sentAt,
              apiMs: performance.now() - started,
              status: r.status,
              ...(r.status === 202 ? { ticketId: r.json.ticketId as string } : {}),
            }))
            .catch(() => ({ sentAt, apiMs: performance.now() - started, status: 0 })),
        );
      }
      const windowEnd = Date.now();
      const answers = await Promise.all(sends);
      const accepted = answers.filter((a) => a.ticketId);
      everAccepted.push(...accepted.map((a) => a.ticketId!));
      const drainDeadline = Date.now() + DRAIN_SECONDS * 1000;
      const arrivals = await Promise.all(
        accepted.map((a) => telegram.cardFor(a.ticketId!, Math.max(0, drainDeadline - Date.now()))),
      );
      const usage = cpu.stop();
      const latencies: number[] = [];
      const cards: Array<{ chatId: string; at: number }> = [];
      accepted.forEach((a, i) => {
        const card = arrivals[i];
        if (!card) return;
        latencies.push(card.at - a.sentAt);
        cards.push({ chatId: card.chatId, at: card.at });
      });
      const delays = throttleDelays(cards);
      const throttled = latencies.map((l, i) => l + (delays[i] ?? 0));
      const fifth = Math.max(1, Math.floor(latencies.length / 5));
      const phase: RatePhase = {
        rate,
        backlogAtStart,
        seconds: SECONDS,
        sent: total,
        accepted: accepted.length,
        refused: answers.length - accepted.length,
        cardsArrived: latencies.length,
        missingCards: accepted.length - latencies.length,
        achievedIngestPerSecond: Math.round((total / ((windowEnd - answers[0]!.sentAt) / 1000)) * 10) / 10,
        cardsPerSecondInWindow:
          Math.round((cards.filter((c) => c.at <= windowEnd).length / SECONDS) * 10) / 10,
        ingestToCardMs: percentiles(latencies),
        ingestToCardWithTelegramLimitsMs: percentiles(throttled),
        firstFifthP50Ms: percentiles(latencies.slice(0, fifth)).p50,
        lastFifthP50Ms: percentiles(latencies.slice(-fifth)).p50,
        apiPostMessagesMs: percentiles(answers.map((a) => a.apiMs)),
        cpuCores: usage.cores,
        machineBusy: usage.machineBusy,
        otherProcessesCores: usage.otherCores,
        rssPeakMb: rss.peak(),
      };
      phases.push(phase);
      const c = phase.ingestToCardMs;
      const t = phase.ingestToCardWithTelegramLimitsMs;
      out(
        `  accepted ${phase.accepted}/${phase.sent}, cards ${phase.cardsArrived} (missing after the drain: ${phase.missingCards}); backlog at start ${backlogAtStart}`,
      );
      out(`  ingest -> card   p50 ${c.p50} ms  p95 ${c.p95} ms  p99 ${c.p99} ms  max ${c.max} ms`);
      out(
        `  with Telegram's limits (1/s per chat, 30/s per bot): p50 ${t.p50} ms  p95 ${t.p95} ms  p99 ${t.p99} ms`,
      );
      out(`  POST /v1/messages p50 ${phase.apiPostMessagesMs.p50} ms  p99 ${phase.apiPostMessagesMs.p99} ms`);
      out(
        `  CPU cores used ${JSON.stringify(usage.cores)}; other processes ${usage.otherCores}; machine busy ${Math.round(usage.machineBusy * 100)}%`,
      );
    }
    results.rates = phases;

    // ---- full ticket lifecycles: ingest -> card -> approve -> delivered -> workflow closed ------
    // Let the rate phases' backlog clear first, so the lifecycles measure sellerdesk, not a queue.
    const backlogDeadline = Date.now() + DRAIN_SECONDS * 1000;
    while (backlog() > 0 && Date.now() < backlogDeadline) await sleep(1_000);
    out();
    out(`ticket throughput: ${TICKETS} full lifecycles, ${CONCURRENCY} at a time (backlog ${backlog()}) ...`);
    cpu.start();
    const lifecycle: number[] = [];
    let failedTickets = 0;
    const tp0 = performance.now();
    await pool(TICKETS, CONCURRENCY, async () => {
      const started = performance.now();
      const { shop, body } = nextMessage();
      try {
        const posted = await postJson(`${url}/v1/messages`, body, shop.token);
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

    // ---- Temporal's own floor: empty workflows on the same server ------------------------------
    out();
    out(`baseline: ${BASELINE} empty workflows, ${CONCURRENCY} at a time ...`);
    const baselineQueue = `bench-baseline-${Date.now().toString(36)}`;
    const nativeConnection = await NativeConnection.connect({ address: temporal.address });
    const baselineWorker = await Worker.create({
      connection: nativeConnection,
      taskQueue: baselineQueue,
      workflowBundle: await bundleWorkflowCode({
        workflowsPath: path.join(ROOT, 'bench/baseline-workflow.ts'),
        logger: new DefaultLogger('ERROR'),
      }),
    });
    const baselineRun = baselineWorker.run();
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
    baselineWorker.shutdown();
    await baselineRun;
    await nativeConnection.close();
    const ratio = baselineRate > 0 ? Math.round((ticketRate / baselineRate) * 1000) / 1000 : 0;
    out(`  ${baselineRate} empty workflows/s; sellerdesk tickets/s = ${(ratio * 100).toFixed(1)}% of it`);
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
      ratioToBaseline: ratio,
    };
    const finalRss = rss.now();
    results.rssMb = { idle: idleRss, peakLastPhase: rss.peak(), end: finalRss };
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

    printSummary(phases, results, dbLabel);
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

function printSummary(phases: RatePhase[], results: Record<string, unknown>, dbLabel: string) {
  const pad = (value: unknown, width: number) => String(value).padStart(width);
  out();
  out('='.repeat(117));
  out(`sellerdesk bench summary (${dbLabel}; ${SECONDS} s per rate; ${SHOPS} shops, one chat each)`);
  out(
    'latencies in ms; TG-lim: with Telegram limits applied; MB: peak RSS; backlog: tickets without a card at start',
  );
  out('-'.repeat(117));
  out(
    `${'rate/s'.padEnd(8)}${pad('accepted', 9)}${pad('cards', 7)}${pad('card p50', 10)}${pad('p95', 9)}${pad('p99', 9)}` +
      `${pad('TG-lim p50', 12)}${pad('TG-lim p99', 12)}${pad('POST p50', 10)}${pad('POST p99', 10)}${pad('api MB', 8)}${pad('wkr MB', 8)}${pad('backlog', 9)}`,
  );
  for (const p of phases) {
    out(
      `${String(p.rate).padEnd(8)}${pad(p.accepted, 9)}${pad(p.cardsArrived, 7)}${pad(p.ingestToCardMs.p50, 10)}` +
        `${pad(p.ingestToCardMs.p95, 9)}${pad(p.ingestToCardMs.p99, 9)}${pad(p.ingestToCardWithTelegramLimitsMs.p50, 12)}` +
        `${pad(p.ingestToCardWithTelegramLimitsMs.p99, 12)}${pad(p.apiPostMessagesMs.p50, 10)}${pad(p.apiPostMessagesMs.p99, 10)}` +
        `${pad(p.rssPeakMb.api ?? '-', 8)}${pad(p.rssPeakMb.worker ?? '-', 8)}${pad(p.backlogAtStart, 9)}`,
    );
  }
  out('-'.repeat(117));
  for (const p of phases) {
    const perChat = p.rate / SHOPS;
    const keptUp =
      p.cardsPerSecondInWindow >= 0.9 * p.rate && p.lastFifthP50Ms <= 2 * Math.max(100, p.firstFifthP50Ms);
    const notes: string[] = [];
    notes.push(
      keptUp
        ? `sellerdesk kept up (${p.cardsPerSecondInWindow} cards/s during the window)`
        : `sellerdesk fell behind: ${p.cardsPerSecondInWindow} cards/s during the window, p50 from ${p.firstFifthP50Ms} ms (first fifth) to ${p.lastFifthP50Ms} ms (last fifth)`,
    );
    if (p.rate > 30) {
      notes.push(
        `Telegram's 30 msg/s per bot would add a queue growing by ${p.rate - 30}/s${keptUp ? ': Telegram, not sellerdesk, bounds card latency here' : ''}`,
      );
    }
    if (perChat > 1) notes.push(`${perChat.toFixed(1)} msg/s per chat exceeds Telegram's 1/s per chat`);
    out(`${p.rate} msg/s: ${notes.join('; ')}`);
    out(
      `         CPU cores: ${Object.entries(p.cpuCores)
        .map(([k, v]) => `${k} ${v}`)
        .join(
          ', ',
        )}; other processes ${p.otherProcessesCores}; machine busy ${Math.round(p.machineBusy * 100)}%`,
    );
  }
  const tp = results.throughput as {
    ticketsPerSecond: number;
    baselineEmptyWorkflowsPerSecond: number;
    ratioToBaseline: number;
  };
  out(
    `ticket workflows completed: ${tp.ticketsPerSecond}/s; Temporal empty-workflow baseline ${tp.baselineEmptyWorkflowsPerSecond}/s; ratio ${(tp.ratioToBaseline * 100).toFixed(1)}%`,
  );
  const memory = results.rssMb as { idle: Record<string, number>; end: Record<string, number> };
  out(`RSS MiB at idle ${JSON.stringify(memory.idle)}; at the end ${JSON.stringify(memory.end)}`);
  out('='.repeat(117));
}

await main();
process.exit(0);
