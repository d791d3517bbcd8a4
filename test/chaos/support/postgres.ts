import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from '../../../src/temporal/dev-server.js';

const run = promisify(execFile);

/** Where the chaos run's PostgreSQL lives and how to restart it. */
export interface ChaosPostgres {
  /** `private`: a throw-away cluster of this run; `shared`: the cluster the other tests use. */
  mode: 'private' | 'shared';
  /** Connection string without a database name, e.g. `postgres://postgres@127.0.0.1:5499`. */
  baseUrl: string;
  /** Data directory of a private cluster (empty for the shared one). */
  dataDir: string;
}

const PG_VERSION_DIRS = [
  '/usr/lib/postgresql/17/bin',
  '/usr/lib/postgresql/16/bin',
  '/usr/lib/postgresql/15/bin',
];

async function pgBin(name: string): Promise<string> {
  for (const dir of PG_VERSION_DIRS) {
    try {
      await run('test', ['-x', path.join(dir, name)]);
      return path.join(dir, name);
    } catch {
      // next version
    }
  }
  return name;
}

/** Runs a PostgreSQL binary as the `postgres` user when we are root (initdb refuses root). */
async function asPostgres(binary: string, args: string[]): Promise<void> {
  const file = await pgBin(binary);
  if (process.getuid?.() === 0) await run('runuser', ['-u', 'postgres', '--', file, ...args]);
  else await run(file, args);
}

/**
 * Starts a private PostgreSQL cluster for the chaos run (so restarting it never disturbs other
 * tests), or, with `CHAOS_SHARED_PG=1`, uses the shared cluster from TEST_DATABASE_URL.
 */
export async function startChaosPostgres(): Promise<ChaosPostgres> {
  if (process.env.CHAOS_SHARED_PG === '1') {
    const url = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
    url.pathname = '';
    return { mode: 'shared', baseUrl: url.toString().replace(/\/$/, ''), dataDir: '' };
  }
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sellerdesk-chaos-pg-'));
  if (process.getuid?.() === 0) await run('chown', ['postgres:postgres', dataDir]);
  await asPostgres('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  await asPostgres('pg_ctl', [
    '-D',
    dataDir,
    '-w',
    '-l',
    path.join(dataDir, 'server.log'),
    '-o',
    `-p ${port} -k ${dataDir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
    'start',
  ]);
  return { mode: 'private', baseUrl: `postgres://postgres@127.0.0.1:${port}`, dataDir };
}

/** Restarts the chaos PostgreSQL (fast shutdown: open connections are cut, as in a real restart). */
export async function restartChaosPostgres(handle: ChaosPostgres): Promise<void> {
  if (handle.mode === 'private') {
    // -l again: a restarted postmaster would otherwise inherit (and hold open) our stdout pipe.
    await asPostgres('pg_ctl', [
      '-D',
      handle.dataDir,
      '-l',
      path.join(handle.dataDir, 'server.log'),
      '-m',
      'fast',
      '-w',
      'restart',
    ]);
    return;
  }
  const { stdout } = await run('ls', ['/etc/postgresql']);
  const version = stdout.trim().split(/\s+/)[0]!;
  await run('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'restart']);
}

/** Stops and removes a private cluster; the shared one is left alone. */
export async function stopChaosPostgres(handle: ChaosPostgres): Promise<void> {
  if (handle.mode !== 'private') return;
  await asPostgres('pg_ctl', ['-D', handle.dataDir, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
  rmSync(handle.dataDir, { recursive: true, force: true });
}

/** Creates a fresh database and returns its connection string. */
export async function createChaosDatabase(handle: ChaosPostgres, label: string): Promise<string> {
  const name = `chaos_${label.replace(/[^a-z0-9]/gi, '').toLowerCase()}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: `${handle.baseUrl}/postgres` });
  await admin.connect();
  try {
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  return `${handle.baseUrl}/${name}`;
}

/** Drops a database made by `createChaosDatabase` (connections are cut first). */
export async function dropChaosDatabase(handle: ChaosPostgres, url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const admin = new pg.Client({ connectionString: `${handle.baseUrl}/postgres` });
  await admin.connect();
  try {
    await admin.query(`drop database if exists "${name}" with (force)`);
  } finally {
    await admin.end();
  }
}
