import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { inject } from 'vitest';
import { apiClient, TEST_ADMIN_TOKEN } from './app.js';
import { TEST_DATABASE_URL } from './db.js';

const MAIN = path.resolve('test/support/child-app-main.ts');

/** The app in a child process on its own schema and task queue; `kill` never waits on it for long. */
export interface ChildApp {
  url: string;
  api: ReturnType<typeof apiClient>;
  kill: () => Promise<void>;
}

/** Starts the whole app (API and worker) in a child process, on the test run's Temporal server. */
export async function startChildApp(options: { schema: string; taskQueue: string }): Promise<ChildApp> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      CHILD_DATABASE_URL: TEST_DATABASE_URL,
      CHILD_SCHEMA: options.schema,
      CHILD_TASK_QUEUE: options.taskQueue,
      CHILD_ADMIN_TOKEN: TEST_ADMIN_TOKEN,
      CHILD_TEMPORAL_ADDRESS: inject('temporalAddress'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    // A child stuck in a regex never runs its SIGTERM handler: give it 5 s, then SIGKILL.
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      void kill();
      reject(new Error(`the child app did not start in 120 s\n${out}\n${err}`));
    }, 120_000);
    child.stderr!.on('data', (c: Buffer) => {
      err += c.toString();
    });
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const line = out.split('\n').find((l) => l.startsWith('{"url"'));
      if (line) {
        clearTimeout(timer);
        resolve((JSON.parse(line) as { url: string }).url);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the child app exited (${code}) before listening\n${out}\n${err}`));
    });
  });
  return { url, api: apiClient(url), kill };
}
