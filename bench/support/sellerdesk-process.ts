import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/paths.js';

/** A sellerdesk child process (`sellerdesk start|api|worker`) that benches and chaos tests drive. */
export interface AppProcess {
  mode: 'start' | 'api' | 'worker';
  pid: number;
  /** The last lines it printed (pino JSON), for failure messages. */
  logs(): string;
  /** Resident set size now, in MiB (0 once it has exited). */
  rssMb(): number;
  /** Undefined while it runs; how it ended otherwise (e.g. "code 1", "signal SIGKILL"). */
  exitStatus(): string | undefined;
  /** SIGKILL: no shutdown hooks, no drained activities, like a crashed host. */
  kill9(): Promise<void>;
  /** SIGTERM and wait (SIGKILL after 20 s). */
  stop(): Promise<void>;
}

/** How to tell that a child is ready; by default `/healthz` (start, api) or the "worker running" log line. */
export interface SpawnOptions {
  url?: string;
  readyTimeoutMs?: number;
  ready?: (pid: number) => Promise<boolean>;
  /** Extra `node` arguments before the script (e.g. `--cpu-prof`, which NODE_OPTIONS refuses). */
  nodeArgs?: string[];
}

function waitExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** VmRSS of a process from /proc, in MiB; 0 when unavailable. */
export function rssOfPid(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1] ?? 0);
    return Math.round(kb / 1024);
  } catch {
    return 0;
  }
}

/** True when `url/healthz` answers 200 within 2 s. */
export async function healthy(url: string | undefined): Promise<boolean> {
  if (!url) return false;
  try {
    const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
    return response.status === 200;
  } catch {
    return false;
  }
}

/**
 * Spawns `node bin/sellerdesk.js <mode>` with only the given environment (plus PATH and HOME) and
 * waits until it is ready.
 */
export async function spawnSellerdesk(
  mode: AppProcess['mode'],
  env: Record<string, string>,
  options: SpawnOptions = {},
): Promise<AppProcess> {
  const args = [...(options.nodeArgs ?? []), path.join(PROJECT_ROOT, 'bin/sellerdesk.js'), mode];
  const child = spawn(process.execPath, args, {
    cwd: PROJECT_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pid = child.pid ?? -1;
  const lines: string[] = [];
  let workerRunning = false;
  const onData = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line) continue;
      if (line.includes('"worker running"')) workerRunning = true;
      lines.push(line.slice(0, 500));
      if (lines.length > 200) lines.shift();
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = () => child.exitCode !== null || child.signalCode !== null;
  const handle: AppProcess = {
    mode,
    pid,
    logs: () => lines.join('\n'),
    rssMb: () => (exited() ? 0 : rssOfPid(pid)),
    exitStatus: () =>
      exited() ? (child.signalCode ? `signal ${child.signalCode}` : `code ${child.exitCode}`) : undefined,
    async kill9() {
      child.kill('SIGKILL');
      await waitExit(child);
    },
    async stop() {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await waitExit(child);
      clearTimeout(timer);
    },
  };
  const ready =
    options.ready ?? (async () => (mode === 'worker' ? workerRunning : await healthy(options.url)));
  const deadline = Date.now() + (options.readyTimeoutMs ?? 120_000);
  while (Date.now() < deadline) {
    if (exited()) throw new Error(`sellerdesk ${mode} exited during start-up:\n${handle.logs()}`);
    // `start` creates its worker before it listens, so /healthz answering means both are up.
    if (await ready(pid)) return handle;
    await new Promise((r) => setTimeout(r, 200));
  }
  await handle.kill9();
  throw new Error(`sellerdesk ${mode} was not ready in time:\n${handle.logs()}`);
}
