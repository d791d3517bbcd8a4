import { Client, Connection } from '@temporalio/client';
import type { NativeConnection, Worker } from '@temporalio/worker';
import type { FastifyInstance } from 'fastify';
import type { Bot } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { Logger } from 'pino';
import { createActivities } from '../activities/index.js';
import {
  createSlackSocketApp,
  mountSlack,
  slackActivityDeps,
  slackTokenCipher,
  slackWorkspaces,
} from '../channels/slack/app.js';
import { slackOAuthFromConfig } from '../channels/slack/oauth.js';
import { createBot } from '../channels/telegram/bot.js';
import { createTelegramApi, createTelegramCards } from '../channels/telegram/notifier.js';
import { startTelegramUpdates } from '../channels/telegram/updates.js';
import { type Config, describeDisabledIntegrations } from '../config.js';
import { type Database, databaseOptions, openDatabase } from '../db/client.js';
import { correctionRates } from '../db/corrections-repo.js';
import { getShopOutbound } from '../db/outbound-repo.js';
import { createOutbound } from '../delivery/outbound.js';
import { createReplyRenderer } from '../domain/reply/index.js';
import { createServer } from '../http/server.js';
import { loadConsoleTexts } from '../i18n/console.js';
import { loadReplyResources } from '../i18n/load.js';
import { createLogger } from '../observability/logger.js';
import { createMetrics, type Metrics, registerCorrectionRates } from '../observability/metrics.js';
import { registerStoreHealth } from '../observability/store-health-metrics.js';
import { PROJECT_ROOT } from '../paths.js';
import { type DevServer, startDevServer } from '../temporal/dev-server.js';
import { ensureSchedules } from '../temporal/schedules.js';
import { createWorker, workflowBundle } from '../temporal/worker.js';
import { createConsoleLinks } from './console-access.js';
import { type IntakeDrainer, startIntakeDrainer } from './intake-drainer.js';
import { listingValidationStarter } from './listing-service.js';
import { newControlToken, removeControlFile, writeControlFile } from './local-state.js';
import { readStoreHealth } from './store-health.js';
import { createTicketService, type TicketService } from './ticket-service.js';

/** Which parts of sellerdesk this process runs (docs/OPERATIONS.md: start, worker, api). */
export type RunMode = 'all' | 'worker' | 'api';

/** Knobs for tests and embedding; production uses the defaults. */
export interface RuntimeOverrides {
  logger?: Logger;
  /** PostgreSQL schema to use (tests: one per run). */
  databaseSchema?: string;
  /** Skip the Telegram getMe call (tests with a fake that knows the bot). */
  telegramBotInfo?: UserFromGetMe;
  /** Use this dev server instead of starting one (tests). */
  temporalAddress?: string;
  /** Create the retention, digest and monthly-summary schedules (default true). */
  schedules?: boolean;
  /** Publish DATA_DIR/control.json for the local CLI (default true; tests turn it off). */
  writeControlFile?: boolean;
  /** Start Telegram long polling when no webhook secret is set (default true). */
  telegramPolling?: boolean;
}

/** A running sellerdesk process. */
export interface Sellerdesk {
  url?: string;
  /** Admin credential for in-process callers (demo), also published in control.json. */
  controlToken?: string;
  /** The HTTP server, for in-process requests (tests inject requests from other addresses). */
  server?: FastifyInstance;
  temporalUiUrl?: string;
  config: Config;
  database: Database;
  temporal: Client;
  tickets: TicketService;
  metrics: Metrics;
  logger: Logger;
  devServer?: DevServer;
  stop(): Promise<void>;
}

/**
 * Starts sellerdesk: database (migrated), Temporal (joined or embedded dev server), the worker,
 * the HTTP API with the Telegram webhook, and the bot. `stop()` undoes it in reverse order.
 */
export async function startSellerdesk(
  config: Config,
  mode: RunMode = 'all',
  overrides: RuntimeOverrides = {},
): Promise<Sellerdesk> {
  const logger = overrides.logger ?? createLogger(config.LOG_LEVEL, { format: config.LOG_FORMAT });
  const cleanups: Array<() => Promise<void>> = [];
  const stop = async () => {
    while (cleanups.length) {
      const step = cleanups.pop()!;
      await step().catch((error: Error) =>
        logger.error({ err: { message: error.message } }, 'shutdown step failed'),
      );
    }
  };
  try {
    for (const line of describeDisabledIntegrations(config)) logger.info(line);

    // Independent start-up steps run side by side: database, Temporal, workflow bundle.
    if (mode !== 'api') void workflowBundle().catch(() => undefined);
    const address = overrides.temporalAddress ?? config.TEMPORAL_ADDRESS;
    const [databaseResult, devServerResult] = await Promise.allSettled([
      (async () => {
        const db = await openDatabase({
          ...databaseOptions(config),
          ...(overrides.databaseSchema ? { schemaName: overrides.databaseSchema } : {}),
        });
        try {
          await db.migrate();
        } catch (error) {
          await db.close();
          throw error;
        }
        return db;
      })(),
      address
        ? Promise.resolve(undefined)
        : startDevServer({
            cliPath: config.TEMPORAL_CLI_PATH,
            dataDir: config.DATA_DIR,
            port: config.TEMPORAL_DEV_PORT,
            uiPort: config.TEMPORAL_UI_PORT,
            namespace: config.TEMPORAL_NAMESPACE,
            joinExisting: true,
          }),
    ]);
    if (devServerResult.status === 'fulfilled' && devServerResult.value) {
      const server = devServerResult.value;
      cleanups.push(() => server.stop());
    }
    if (databaseResult.status === 'fulfilled') {
      const db = databaseResult.value;
      cleanups.push(() => db.close());
    }
    if (databaseResult.status === 'rejected') throw databaseResult.reason;
    if (devServerResult.status === 'rejected') throw devServerResult.reason;
    const database = databaseResult.value;
    const devServer = devServerResult.value;
    logger.info({ database: database.kind }, 'database ready (migrations applied)');
    if (devServer) {
      logger.info(
        { address: devServer.address, ui: devServer.uiUrl, joined: devServer.joined },
        devServer.joined ? 'joined the running Temporal dev server' : 'embedded Temporal dev server started',
      );
    }
    const temporalAddress = address ?? devServer!.address;
    const connection = await Connection.connect({ address: temporalAddress, connectTimeout: 10_000 });
    cleanups.push(() => connection.close());
    const temporal = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
    const metrics = createMetrics();
    registerCorrectionRates(metrics, (window) => correctionRates(database.db, window));
    registerStoreHealth(metrics, (period) => readStoreHealth(database.db, period));
    let drainer: IntakeDrainer | undefined;
    const tickets = createTicketService({
      db: database.db,
      temporal,
      taskQueue: config.TEMPORAL_TASK_QUEUE,
      metrics,
      intake: {
        backlogLimit: config.INTAKE_BACKLOG_LIMIT,
        onQueued: () => drainer?.wake(),
        // Time for a tenth of the bound to drain at the pace this process sees (1-120 s).
        retryAfterSeconds: () => {
          const rate = drainer?.ratePerSecond() ?? 0;
          return rate > 0
            ? Math.min(120, Math.max(1, Math.ceil(config.INTAKE_BACKLOG_LIMIT / rate / 10)))
            : 10;
        },
      },
    });
    const { catalogue, resources } = await loadReplyResources(PROJECT_ROOT);
    const renderer = createReplyRenderer(catalogue, resources);

    const erasureKeys = { key: config.ERASURE_KEY, previous: config.ERASURE_KEY_PREVIOUS };
    const telegramApi = config.TELEGRAM_BOT_TOKEN
      ? createTelegramApi(config.TELEGRAM_BOT_TOKEN, config.TELEGRAM_API_ROOT)
      : undefined;

    let worker: Worker | undefined;
    let workerConnection: NativeConnection | undefined;
    if (mode !== 'api') {
      const activities = createActivities({
        db: database.db,
        renderer,
        outbound: createOutbound({
          fallback: config.OUTBOUND_URL
            ? { url: config.OUTBOUND_URL, secret: config.OUTBOUND_SECRET! }
            : undefined,
          shopDestination: (shopId) => getShopOutbound(database.db, shopId),
        }),
        telegram: telegramApi
          ? createTelegramCards(telegramApi, (operation) =>
              metrics.channelErrors.inc({ channel: 'telegram', operation }),
            )
          : undefined,
        logger: logger.child({ component: 'activities' }),
        metrics,
        dispatchBuyerMessage: tickets.dispatchBuyerMessage,
        openSystemTicket: tickets.openSystemTicket,
        startListingValidation: listingValidationStarter(temporal, config.TEMPORAL_TASK_QUEUE),
        erasureKeys,
        ...slackActivityDeps(database.db, config, renderer, logger.child({ component: 'slack' }), metrics),
      });
      const created = await createWorker({
        address: temporalAddress,
        namespace: config.TEMPORAL_NAMESPACE,
        taskQueue: config.TEMPORAL_TASK_QUEUE,
        activities,
        tuning: {
          maxCachedWorkflows: config.WORKER_MAX_CACHED_WORKFLOWS,
          workflowTaskSlots: config.WORKER_WORKFLOW_TASK_SLOTS,
          activitySlots: config.WORKER_ACTIVITY_SLOTS,
          localActivitySlots: config.WORKER_LOCAL_ACTIVITY_SLOTS,
          workflowPollers: config.WORKER_WORKFLOW_POLLERS,
          activityPollers: config.WORKER_ACTIVITY_POLLERS,
          stackTraces: config.WORKER_STACK_TRACES === 'on',
          deadlockTimeoutMs: config.WORKER_DEADLOCK_TIMEOUT_MS,
        },
      });
      worker = created.worker;
      workerConnection = created.connection;
      const running = worker.run();
      running.catch((error: Error) =>
        logger.error({ err: { message: error.message } }, 'worker stopped with an error'),
      );
      const w = worker;
      cleanups.push(async () => {
        if (w.getState() === 'RUNNING') w.shutdown();
        await running.catch(() => undefined);
        await created.connection.close();
      });
      logger.info({ taskQueue: config.TEMPORAL_TASK_QUEUE }, 'worker running');
      if (overrides.schedules !== false) {
        const created = await ensureSchedules(temporal, config.TEMPORAL_TASK_QUEUE);
        if (created.length) logger.info({ created }, 'maintenance schedules created');
      }
    }

    if (config.INTAKE_DRAINER === 'on') {
      const running = startIntakeDrainer({
        // Its own connections: a backlog being drained never delays HTTP requests.
        db: database.background(3),
        // Beside a worker, on its connection: a new ticket's first workflow task comes back in
        // the start's answer (eager start), with no round trip through Temporal's matching.
        temporal: workerConnection
          ? new Client({ connection: workerConnection, namespace: config.TEMPORAL_NAMESPACE })
          : temporal,
        eagerStart: workerConnection !== undefined,
        taskQueue: config.TEMPORAL_TASK_QUEUE,
        logger: logger.child({ component: 'intake' }),
        metrics,
        concurrency: config.INTAKE_DRAIN_CONCURRENCY,
        window: config.INTAKE_WINDOW,
        leaseMs: 30_000,
        pollMs: 100,
      });
      drainer = running;
      cleanups.push(() => running.stop());
      logger.info(
        { concurrency: config.INTAKE_DRAIN_CONCURRENCY, window: config.INTAKE_WINDOW },
        'intake outbox drainer running',
      );
    }
    let url: string | undefined;
    let httpServer: FastifyInstance | undefined;
    let bot: Bot | undefined;
    const controlToken = newControlToken();
    if (mode !== 'worker') {
      const texts = await loadConsoleTexts(PROJECT_ROOT);
      const links = createConsoleLinks({ db: database.db, baseUrl: () => config.PUBLIC_URL ?? url });
      const consoleChat = { links, t: texts.t };
      if (config.TELEGRAM_BOT_TOKEN) {
        bot = createBot(
          config.TELEGRAM_BOT_TOKEN,
          {
            db: database.db,
            tickets,
            renderer,
            logger: logger.child({ component: 'telegram' }),
            metrics,
            console: consoleChat,
          },
          {
            apiRoot: config.TELEGRAM_API_ROOT,
            ...(overrides.telegramBotInfo ? { botInfo: overrides.telegramBotInfo } : {}),
          },
        );
        await bot.init();
      }
      const slackLogger = logger.child({ component: 'slack' });
      const workspaces = slackWorkspaces(database.db, config, slackLogger, metrics);
      const cipher = slackTokenCipher(config);
      const oauth = slackOAuthFromConfig(database.db, config, { workspaces, cipher }, slackLogger);
      const server: FastifyInstance = createServer({
        db: database.db,
        dbPing: () => database.ping(),
        tickets,
        logger,
        metrics,
        adminToken: config.ADMIN_TOKEN,
        localControlToken: controlToken,
        metricsToken: config.METRICS_TOKEN,
        linkCodeTtlHours: config.TELEGRAM_LINK_CODE_TTL_HOURS,
        telegram: bot ? { bot, webhookSecret: config.TELEGRAM_WEBHOOK_SECRET } : undefined,
        temporal,
        taskQueue: config.TEMPORAL_TASK_QUEUE,
        templates: { catalogue, resources, renderer },
        slackEnabled: Boolean(workspaces),
        slack: workspaces
          ? {
              ...(oauth ? { oauth } : {}),
              environmentAvailable: Boolean(workspaces.environment),
              bindingOf: (shopId: string) => workspaces.bindingOf(shopId),
            }
          : undefined,
        erasureKeys,
        console: { links, texts, secureCookies: config.PUBLIC_URL?.startsWith('https:') ?? false },
        temporalHealthy: async () => {
          await connection.workflowService.getSystemInfo({});
          return true;
        },
      });
      if (workspaces) {
        const slackDeps = {
          db: database.db,
          tickets,
          workspaces,
          renderer,
          logger: slackLogger,
          metrics,
          console: consoleChat,
        };
        mountSlack(server, config, slackDeps);
        oauth?.register(server);
        if (config.SLACK_BOT_TOKEN && config.SLACK_APP_TOKEN) {
          const socket = createSlackSocketApp(slackDeps, {
            appToken: config.SLACK_APP_TOKEN,
            apiUrl: config.SLACK_API_URL,
          });
          // Started in the background: a Slack outage never holds up the API, Telegram or the worker.
          void socket
            .start()
            .then(() => logger.info('Slack Socket Mode connected'))
            .catch((error: Error) =>
              logger.error({ err: { message: error.message } }, 'Slack Socket Mode could not connect'),
            );
          cleanups.push(() => socket.stop().catch(() => undefined));
        }
      }
      url = await server.listen({ host: config.HOST, port: config.PORT });
      httpServer = server;
      cleanups.push(() => server.close());
      if (overrides.writeControlFile !== false) {
        writeControlFile(config.DATA_DIR, {
          url,
          pid: process.pid,
          controlToken,
          startedAt: new Date().toISOString(),
          ...(devServer?.uiUrl ? { temporalUiUrl: devServer.uiUrl } : {}),
        });
        cleanups.push(async () => removeControlFile(config.DATA_DIR, controlToken));
      }
      logger.info({ url }, 'HTTP API listening');

      if (bot) {
        const stopUpdates = await startTelegramUpdates(
          bot,
          {
            webhookSecret: config.TELEGRAM_WEBHOOK_SECRET,
            publicUrl: config.PUBLIC_URL,
            polling: overrides.telegramPolling !== false,
          },
          logger,
        );
        if (stopUpdates) cleanups.push(stopUpdates);
      }
    }

    return {
      ...(url ? { url, controlToken } : {}),
      ...(httpServer ? { server: httpServer } : {}),
      ...(devServer?.uiUrl ? { temporalUiUrl: devServer.uiUrl } : {}),
      config,
      database,
      temporal,
      tickets,
      metrics,
      logger,
      ...(devServer ? { devServer } : {}),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
