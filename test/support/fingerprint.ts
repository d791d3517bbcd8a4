import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import { eventually } from './app.js';

/** Per table of the app's schema: its row count and an order-independent digest of every row. */
export type Fingerprint = Record<string, { rows: number; digest: string }>;

/**
 * Columns a refused request may still change, per table, as a SQL expression over the row `t`
 * (as jsonb) with those columns taken out. Only counters belong here, never whole tables:
 * - `api_usage.calls`: every authenticated call that passes its scope check is counted towards the
 *   daily quota before the body is validated (a 400 is still a call). The row itself (shop, day) is
 *   still compared, so a refused call may not create or delete usage rows.
 * - `metering.count` of kind `api_calls`: the monthly meter of the same calls. Other kinds
 *   (`auto_sent`) are compared in full: a refused request must never meter an auto-sent reply.
 */
const COUNTER_COLUMNS: Record<string, string> = {
  api_usage: `to_jsonb(t) - 'calls'`,
  metering: `case when t.kind = 'api_calls' then to_jsonb(t) - 'count' else to_jsonb(t) end`,
};

async function rowsOf<T>(db: Db, query: ReturnType<typeof sql.raw>): Promise<T[]> {
  const result = await db.execute(query);
  return (result as unknown as { rows: T[] }).rows;
}

/** The base tables of the connection's schema (the test's unique schema), discovered at run time. */
export async function schemaTables(db: Db): Promise<string[]> {
  const rows = await rowsOf<{ table_name: string }>(
    db,
    sql.raw(
      `select table_name from information_schema.tables
       where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`,
    ),
  );
  return rows.map((r) => r.table_name);
}

/**
 * Fingerprints every table of the schema in one statement (one snapshot): any insert, update or
 * delete of any row, outside the counter columns above, changes it.
 */
export async function databaseFingerprint(db: Db, tables?: string[]): Promise<Fingerprint> {
  const names = tables ?? (await schemaTables(db));
  const parts = names.map((name) => {
    const row = COUNTER_COLUMNS[name] ?? 'to_jsonb(t)';
    const quoted = `"${name.replaceAll('"', '""')}"`;
    return `select '${name.replaceAll("'", "''")}' as name, count(*)::int as rows,
      coalesce(md5(string_agg(md5((${row})::text), '' order by md5((${row})::text))), '') as digest
      from ${quoted} t`;
  });
  const rows = await rowsOf<{ name: string; rows: number; digest: string }>(
    db,
    sql.raw(parts.join('\nunion all\n')),
  );
  return Object.fromEntries(rows.map((r) => [r.name, { rows: r.rows, digest: r.digest }]));
}

/** The tables whose fingerprint differs between two snapshots (for a readable failure). */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter(
    (n) => before[n]?.rows !== after[n]?.rows || before[n]?.digest !== after[n]?.digest,
  );
}

/**
 * Waits until background work has stopped writing: no ticket still queued or classifying, no
 * listing validation running, and then the whole fingerprint unchanged over `quietMs`. Returns
 * that settled fingerprint, the baseline the next refused request is compared with.
 */
export async function settle(db: Db, options: { quietMs?: number; timeoutMs?: number } = {}) {
  const quietMs = options.quietMs ?? 300;
  const tables = await schemaTables(db);
  return eventually(
    async () => {
      const busy = await rowsOf<{ n: number }>(
        db,
        sql.raw(
          `select (select count(*)::int from tickets where status in ('queued', 'classifying'))
                + (select count(*)::int from listing_validations where status = 'running') as n`,
        ),
      );
      if ((busy[0]?.n ?? 0) > 0) return undefined;
      const first = await databaseFingerprint(db, tables);
      await new Promise((r) => setTimeout(r, quietMs));
      const second = await databaseFingerprint(db, tables);
      return changedTables(first, second).length === 0 ? second : undefined;
    },
    options.timeoutMs ?? 30_000,
    'background workflows to stop writing',
  );
}
