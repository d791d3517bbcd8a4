import net from 'node:net';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { isTransientDatabaseError, retryThroughOutage } from '../../src/db/retry.js';
import { TEST_DATABASE_URL } from '../support/db.js';

/** A loopback port nobody listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('retrying an idempotent write through a database outage', () => {
  it('tells a lost or refused connection (real node-postgres errors) from a failed statement', async () => {
    const refused = new pg.Client({ host: '127.0.0.1', port: await closedPort(), user: 'postgres' });
    const connectError = await refused.connect().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(isTransientDatabaseError(connectError)).toBe(true);

    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    client.on('error', () => undefined);
    await client.connect();
    const syntax = await client.query('selec 1').then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(isTransientDatabaseError(syntax)).toBe(false);
    const division = await client.query(`select 1/0`).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(isTransientDatabaseError(division)).toBe(false);
    // The server ends the session (what a restart does to every open connection).
    const terminated = await client.query('select pg_terminate_backend(pg_backend_pid())').then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(terminated).toBeDefined();
    expect(isTransientDatabaseError(terminated)).toBe(true);
    await client.end().catch(() => undefined);
    // Wrapped the way drizzle wraps a driver error.
    expect(isTransientDatabaseError(new Error('Failed query', { cause: connectError }))).toBe(true);
  });

  it('retries only transient failures, with growing pauses, and gives up at its deadline', async () => {
    let clock = 0;
    const pauses: number[] = [];
    const sleep = async (ms: number) => {
      pauses.push(ms);
      clock += ms;
    };
    let calls = 0;
    const down = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const value = await retryThroughOutage(
      async () => {
        calls++;
        if (calls < 4) throw down;
        return 'saved';
      },
      { sleep, now: () => clock, initialDelayMs: 100, maxDelayMs: 300 },
    );
    expect(value).toBe('saved');
    expect(pauses).toEqual([100, 200, 300]);

    calls = 0;
    const broken = Object.assign(new Error('duplicate key'), { code: '23505' });
    await expect(
      retryThroughOutage(
        async () => {
          calls++;
          throw broken;
        },
        { sleep, now: () => clock },
      ),
    ).rejects.toBe(broken);
    expect(calls).toBe(1);

    clock = 0;
    pauses.length = 0;
    await expect(
      retryThroughOutage(
        async () => {
          throw down;
        },
        { sleep, now: () => clock, withinMs: 1_000, initialDelayMs: 100, maxDelayMs: 400 },
      ),
    ).rejects.toBe(down);
    expect(pauses).toEqual([100, 200, 400]);
  });
});
