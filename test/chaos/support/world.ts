import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { type AppProcess, spawnSellerdesk } from '../../../bench/support/sellerdesk-process.js';
import { freePort } from '../../../src/temporal/dev-server.js';
import { apiClient } from '../../support/app.js';
import { callbackUpdate, textUpdate } from '../../support/fake-telegram.js';
import { createChaosDatabase, dropChaosDatabase } from './postgres.js';
import { type ReceiverStats, startChaosReceiver } from './receiver.js';
import { recordScenario } from './report.js';
import { startChaosTelegram } from './telegram.js';

const ADMIN_TOKEN = 'chaos-admin-token-0123456789';
const WEBHOOK_SECRET = 'chaos_webhook_secret';
const OUTBOUND_SECRET = 'chaos-outbound-secret';

/** True when the run was started by `npm run chaos` (its global setup provides the fixtures). */
export function chaosEnabled(): boolean {
  return Boolean((inject as (key: string) => unknown)('chaosPostgres'));
}

/** Buyer messages in the five languages, cycled through by the scenarios. */
export const BUYER_TEXTS = [
  'Hola, pedí hace 40 días y todavía no me ha llegado el paquete. ¿Dónde está?',
  'The lamp arrived broken, the glass is cracked',
  "Je n'ai toujours pas reçu ma commande, ça fait 5 semaines",
  'Quero meu dinheiro de volta, o produto não serve',
  'Здравствуйте, посылка до сих пор не пришла, где мой заказ?',
  'Can I return this jacket for a bigger size?',
];

/** A shop of the chaos world, with its token and linked Telegram chat. */
export interface ChaosShop {
  id: string;
  token: string;
  chatId: number;
}

/** Final figures of one scenario. */
export interface ScenarioTally {
  scenario: string;
  ticketsIngested: number;
  ticketsCompleted: number;
  /** Ingested (a 202 named them) but never delivered to the marketplace receiver. */
  lostTickets: string[];
  /** Delivered to the receiver but never ingested by the scenario. */
  unexpectedTickets: string[];
  deliveriesMade: number;
  duplicateDeliveries: number;
  repeatPostsDeduped: number;
  duplicateCards: number;
  /** Tickets with a repeated card no lost Telegram answer explains (must be none). */
  unexplainedDuplicateCards: string[];
  receiver: ReceiverStats;
  notes: string[];
  seconds: number;
}

/** Resolves after `ms`. */
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Runs `fn` over `items` with at most `limit` at a time; results in input order. */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T, index: number) => Promise<R>) {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!, index);
    }
  });
  await Promise.all(lanes);
  return results;
}

/**
 * One scenario's world: a fresh database, a fake Telegram with faults, a marketplace receiver, and
 * sellerdesk as child processes (`api` + `worker`, or `start`) the scenario can kill and restart.
 */
export async function createChaosWorld(label: string) {
  const started = Date.now();
  const postgres = inject('chaosPostgres');
  const databaseUrl = await createChaosDatabase(postgres, label);
  const telegram = await startChaosTelegram();
  const receiver = await startChaosReceiver(OUTBOUND_SECRET);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), `sellerdesk-chaos-${label}-`));
  const env: Record<string, string> = {
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: inject('chaosTemporalAddress'),
    TEMPORAL_TASK_QUEUE: `chaos-${label}-${Date.now().toString(36)}`,
    ADMIN_TOKEN,
    TELEGRAM_BOT_TOKEN: '123456:CHAOS-bot-token',
    TELEGRAM_API_ROOT: telegram.apiRoot,
    TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET,
    OUTBOUND_URL: receiver.url,
    OUTBOUND_SECRET,
    LOG_LEVEL: 'info',
    // e.g. `--inspect` or a preload while investigating a scenario
    ...(process.env.CHAOS_CHILD_NODE_OPTIONS ? { NODE_OPTIONS: process.env.CHAOS_CHILD_NODE_OPTIONS } : {}),
  };
  const api = apiClient(url);
  const processes = new Set<AppProcess>();
  const killed = new Set<AppProcess>();
  const ticketIds = new Set<string>();
  const killedAt: number[] = [];
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  pool.on('error', () => undefined);

  async function query<T>(text: string, values: unknown[] = []): Promise<T[]> {
    for (let attempt = 0; ; attempt++) {
      try {
        return (await pool.query(text, values)).rows as T[];
      } catch (error) {
        if (attempt >= 30) throw error;
        await sleep(1_000);
      }
    }
  }

  const world = {
    url,
    env,
    api,
    telegram,
    receiver,
    postgres,
    ticketIds,
    query,

    /** Starts sellerdesk in `mode`; `api` and `start` are ready when /healthz answers 200. */
    async spawn(mode: AppProcess['mode'], extraEnv: Record<string, string> = {}): Promise<AppProcess> {
      const own = extraEnv.PORT ? `http://127.0.0.1:${extraEnv.PORT}` : url;
      const child = await spawnSellerdesk(mode, { ...env, ...extraEnv }, { url: own });
      processes.add(child);
      return child;
    },

    /** Creates `count` shops, each with a Telegram chat linked through `/start <code>`. */
    async createShops(count: number): Promise<ChaosShop[]> {
      const shops: ChaosShop[] = [];
      for (let i = 0; i < count; i++) {
        const created = await api.post(
          '/v1/admin/shops',
          { name: `Chaos shop ${i}`, defaultLanguage: 'en', plan: 'free', sellerLanguage: 'en' },
          ADMIN_TOKEN,
        );
        if (created.status !== 201) throw new Error(`shop create: ${created.status} ${created.text}`);
        const chatId = 800_000 + i;
        await world.webhook(textUpdate(chatId, `/start ${created.json.telegramLinkCode}`));
        shops.push({ id: created.json.shop.id, token: created.json.apiToken, chatId });
      }
      return shops;
    },

    /** Posts one Telegram update with the webhook secret; retries while the API is unreachable. */
    async webhook(update: unknown): Promise<number> {
      for (let attempt = 0; ; attempt++) {
        try {
          const r = await api.call('POST', '/telegram/webhook', {
            body: update,
            headers: { 'x-telegram-bot-api-secret-token': WEBHOOK_SECRET },
          });
          if (r.status < 500 || attempt >= 60) return r.status;
        } catch (error) {
          if (attempt >= 60) throw error;
        }
        world.assertAlive();
        await sleep(1_000);
      }
    },

    /**
     * Posts a buyer message like an integrator: a 5xx or a refused connection is retried with the
     * same messageId (idempotent), until 202. Returns the ticket id.
     */
    async ingest(shop: ChaosShop, key: string, text = BUYER_TEXTS[ticketIds.size % BUYER_TEXTS.length]!) {
      const body = {
        messageId: `m-${key}`,
        orderId: `O-${key}`,
        buyer: { id: `b-${key}` },
        text,
        receivedAt: new Date().toISOString(),
      };
      let failures = 0;
      for (let attempt = 0; ; attempt++) {
        try {
          const r = await api.post('/v1/messages', body, shop.token);
          if (r.status === 202) {
            ticketIds.add(r.json.ticketId);
            return { ticketId: r.json.ticketId as string, failures };
          }
          if (r.status < 500) throw new Error(`ingest refused: ${r.status} ${r.text}`);
        } catch (error) {
          if ((error as Error).message.startsWith('ingest refused') || attempt >= 120) throw error;
        }
        failures++;
        world.assertAlive();
        await sleep(500);
      }
    },

    /** Presses "approve" on the ticket's card in the seller's chat. */
    approveInTelegram(shop: ChaosShop, ticketId: string) {
      return world.webhook(callbackUpdate(shop.chatId, `approve:${ticketId}`));
    },

    /** Approves through the API, retrying "draft not ready" and 5xx; 409 already_decided is done. */
    async approveViaApi(shop: ChaosShop, ticketId: string): Promise<void> {
      for (let attempt = 0; attempt < 120; attempt++) {
        try {
          const r = await api.call('POST', `/v1/tickets/${ticketId}/decision`, {
            token: shop.token,
            body: { action: 'approve', by: 'chaos' },
          });
          if (r.status === 200 || (r.status === 409 && r.json?.error?.code === 'already_decided')) return;
          if (r.status < 500 && r.json?.error?.code !== 'draft_not_ready') {
            throw new Error(`approve refused: ${r.status} ${r.text}`);
          }
        } catch (error) {
          if ((error as Error).message.startsWith('approve refused')) throw error;
        }
        world.assertAlive();
        await sleep(500);
      }
      throw new Error(`could not approve ${ticketId}`);
    },

    /** Alerts the bot answered button presses with (refusals and errors), by text. */
    pressAlerts(): string[] {
      const counts = new Map<string, number>();
      for (const call of telegram.processed) {
        if (call.method !== 'answerCallbackQuery' || !call.params.show_alert) continue;
        const text = String(call.params.text ?? '').slice(0, 120);
        counts.set(text, (counts.get(text) ?? 0) + 1);
      }
      return [...counts].map(([text, n]) => `${n} x "${text}"`);
    },

    /** Waits until every ticket in `ids` has an approval card in its chat. */
    async waitForCards(ids: Iterable<string>, timeoutMs = 120_000): Promise<void> {
      const wanted = [...ids];
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const cards = telegram.cardsPerTicket();
        if (wanted.every((id) => (cards.get(id) ?? 0) > 0)) return;
        await sleep(250);
      }
      const cards = telegram.cardsPerTicket();
      throw new Error(
        `no card for ${wanted.filter((id) => !cards.has(id)).length} of ${wanted.length} tickets`,
      );
    },

    /** Waits until every ingested ticket is sent with its delivery delivered (or the time is up). */
    async waitForCompletion(timeoutMs: number): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const done = await world.completedTickets();
        if ([...ticketIds].every((id) => done.has(id))) return;
        await sleep(1_000);
      }
    },

    /** Tickets with a recorded decision. */
    async decidedTickets(): Promise<Set<string>> {
      const rows = await query<{ id: string }>('select id from tickets where decided_at is not null');
      return new Set(rows.map((r) => r.id));
    },

    /**
     * Tickets of `ids` still undecided after `graceMs` (a decision reaches the database a moment
     * after the press is answered, so this waits before calling a press lost).
     */
    async undecidedAfter(ids: string[], graceMs = 60_000): Promise<string[]> {
      const deadline = Date.now() + graceMs;
      for (;;) {
        const decided = await world.decidedTickets();
        const open = ids.filter((id) => !decided.has(id));
        if (open.length === 0 || Date.now() > deadline) return open;
        await sleep(500);
      }
    },

    /** Tickets whose reply was decided and delivered. */
    async completedTickets(): Promise<Set<string>> {
      const rows = await query<{ id: string }>(
        `select t.id from tickets t join deliveries d on d.ticket_id = t.id
         where t.status in ('sent', 'auto_sent') and d.state = 'delivered'`,
      );
      return new Set(rows.map((r) => r.id));
    },

    /**
     * Gathers the scenario's figures, prints them and adds them to the run's JSON report. Loss is
     * judged from independent evidence only: the ticket ids the API answered 202 with against the
     * ticket ids the marketplace receiver got a correctly signed reply for.
     */
    async tally(scenario: string, notes: string[] = []): Promise<ScenarioTally> {
      const completed = await world.completedTickets();
      const stored = await query<{ id: string }>('select id from tickets');
      const received = new Set(receiver.posts.filter((p) => p.signatureValid).map((p) => p.ticketId));
      const lostTickets = [...ticketIds].filter((id) => !received.has(id));
      const unexpectedTickets = [...received].filter((id) => !ticketIds.has(id));
      const notDoneInDb = [...ticketIds].filter((id) => !completed.has(id));
      const missingRows = [...ticketIds].filter((id) => !stored.some((r) => r.id === id));
      const stats = receiver.stats();
      const duplicateCards = [...telegram.cardsPerTicket().values()].reduce(
        (n, c) => n + Math.max(0, c - 1),
        0,
      );
      const tally: ScenarioTally = {
        scenario,
        ticketsIngested: ticketIds.size,
        ticketsCompleted: [...ticketIds].filter((id) => completed.has(id)).length,
        lostTickets,
        unexpectedTickets,
        deliveriesMade: stats.uniqueDeliveries,
        duplicateDeliveries: stats.duplicateDeliveries,
        repeatPostsDeduped: stats.repeatPosts,
        duplicateCards,
        unexplainedDuplicateCards: telegram.unexplainedDuplicateCards(killedAt),
        receiver: stats,
        notes: [
          ...notes,
          ...(missingRows.length ? [`${missingRows.length} ticket rows missing`] : []),
          ...(notDoneInDb.length
            ? [`${notDoneInDb.length} tickets not sent+delivered in the service's own tables`]
            : []),
          ...world.crashes(),
        ],
        seconds: Math.round((Date.now() - started) / 1000),
      };
      recordScenario(tally);
      return tally;
    },

    /** Throws with the crash report when a child died on its own (retrying would only hide it). */
    assertAlive(): void {
      const crashes = world.crashes();
      if (crashes.length) throw new Error(crashes.join('\n'));
    },

    /** Children that died on their own (not killed by the scenario), with their last log lines. */
    crashes(): string[] {
      return [...processes]
        .filter((p) => p.exitStatus() !== undefined && !killed.has(p))
        .map(
          (p) =>
            `sellerdesk ${p.mode} (pid ${p.pid}) exited by itself (${p.exitStatus()}):\n${p.logs().split('\n').slice(-40).join('\n')}`,
        );
    },

    /** SIGKILLs a child the scenario means to crash. */
    async kill9(child: AppProcess): Promise<void> {
      killed.add(child);
      killedAt.push(Date.now());
      await child.kill9();
    },

    async close(): Promise<void> {
      for (const crash of world.crashes()) process.stderr.write(`${crash}\n`);
      for (const child of processes) await child.stop().catch(() => undefined);
      await pool.end().catch(() => undefined);
      await telegram.close();
      await receiver.close();
      await dropChaosDatabase(postgres, databaseUrl).catch(() => undefined);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return world;
}

/** The world a scenario gets. */
export type ChaosWorld = Awaited<ReturnType<typeof createChaosWorld>>;
