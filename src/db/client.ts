import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from './schema/index.js';

/** The drizzle database both drivers expose; repositories take this type only. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** An open database with its lifecycle; `kind` tells which engine is behind it. */
export interface Database {
  db: Db;
  kind: 'postgres' | 'pglite';
  /** Applies the committed drizzle-kit migrations; safe to run on every start. */
  migrate(): Promise<void>;
  /** Round-trips `select 1`; used by `/healthz`. */
  ping(): Promise<void>;
  /**
   * A second handle on its own small pool (PostgreSQL) for background loops such as the intake
   * drainer, so they never take the connections HTTP requests need. PGlite: the same handle.
   */
  background(max: number): Db;
  close(): Promise<void>;
}

/** Where to find the database: a URL for PostgreSQL, else PGlite files under `dataDir`. */
export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  dataDir: string;
  /** PostgreSQL schema to work in (tests use one per run); created if missing. */
  schemaName?: string;
  /** PGlite only: keep data in memory (tests). */
  inMemory?: boolean;
  /**
   * PostgreSQL only (default true): a statement text seen again is sent as a named prepared
   * statement, parsed once per connection (see `PreparingClient`). Off for poolers that cannot
   * keep them (PgBouncer in transaction mode before 1.21).
   */
  preparedStatements?: boolean;
}

/** The database options of a loaded configuration (every command opens the database this way). */
export function databaseOptions(config: {
  DATABASE_URL?: string | undefined;
  DATA_DIR: string;
  DATABASE_PREPARED_STATEMENTS: 'on' | 'off';
}): DatabaseOptions {
  return {
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    preparedStatements: config.DATABASE_PREPARED_STATEMENTS === 'on',
  };
}

/** Statement texts this process names, with their names; bounded, shared by every pool. */
const statementNames = new Map<string, string>();
/** Texts seen once and not named yet (a text is named the second time it runs). */
const seenOnce = new Set<string>();
const MAX_NAMED_STATEMENTS = 1_000;
const MAX_SEEN_ONCE = 5_000;

/**
 * The prepared-statement name of a statement text, or undefined while it is not worth one: the
 * first time a text runs, past the bound (texts that vary per call, such as `in ($1, ..., $n)`
 * lists of every length, would otherwise grow each connection's statements without end), and for
 * several statements in one text, which cannot be prepared.
 */
export function preparedStatementName(text: string): string | undefined {
  const named = statementNames.get(text);
  if (named !== undefined) return named;
  if (statementNames.size >= MAX_NAMED_STATEMENTS || text.includes(';')) return undefined;
  if (!seenOnce.has(text)) {
    if (seenOnce.size >= MAX_SEEN_ONCE) seenOnce.clear();
    seenOnce.add(text);
    return undefined;
  }
  seenOnce.delete(text);
  // A digest of the text (placeholders, never values), within PostgreSQL's 63-byte identifiers.
  const name = `sd_${createHash('sha256').update(text).digest('base64url').slice(0, 32)}`;
  statementNames.set(text, name);
  return name;
}

/**
 * node-postgres client that sends a parameterised statement seen before as a named prepared
 * statement: PostgreSQL parses it once per connection, and after a few runs plans it once, instead
 * of parsing and planning every statement of every ticket (bench: Postgres CPU per ticket about
 * 10 -> 6.5 ms). node-postgres records a name as parsed only once the server confirms it.
 */
class PreparingClient extends pg.Client {
  override query(...args: unknown[]): never {
    const [config, values] = args;
    if (config !== null && typeof config === 'object' && !('name' in config && config.name)) {
      const query = config as { text?: unknown; values?: unknown };
      const hasValues =
        (Array.isArray(values) && values.length > 0) ||
        (Array.isArray(query.values) && query.values.length > 0);
      const name =
        hasValues && typeof query.text === 'string' ? preparedStatementName(query.text) : undefined;
      if (name !== undefined) args[0] = { ...config, name };
    }
    return (super.query as (...a: unknown[]) => never)(...args);
  }
}

const MIGRATIONS_FOLDER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Opens PostgreSQL (node-postgres pool) or embedded PGlite with the same schema. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const schemaName = options.schemaName;
  if (schemaName !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schemaName)) {
    throw new Error(`invalid schema name "${schemaName}"`);
  }
  if (options.databaseUrl) {
    const databaseUrl = options.databaseUrl;
    const newPool = (max: number) => {
      const created = new pg.Pool({
        ...(options.preparedStatements === false ? {} : { Client: PreparingClient }),
        connectionString: databaseUrl,
        max,
        connectionTimeoutMillis: 5_000,
        idleTimeoutMillis: 30_000,
        statement_timeout: 15_000,
        ...(schemaName ? { options: `-c search_path=${schemaName}` } : {}),
      });
      created.on('error', () => {
        // Idle client errors (server restart) are surfaced by the next query; keep the process alive.
      });
      created.on('connect', (client) => {
        // A checked-out client whose server goes away (PostgreSQL restart mid-query) emits 'error'
        // on itself; the query fails and is retried by its caller, the process must not crash.
        client.on('error', () => undefined);
      });
      return created;
    };
    const pool = newPool(10);
    let side: { pool: pg.Pool; db: Db } | undefined;
    if (schemaName) await pool.query(`create schema if not exists "${schemaName}"`);
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      async migrate() {
        await migratePg(db as never, {
          migrationsFolder: MIGRATIONS_FOLDER,
          ...(schemaName ? { migrationsSchema: schemaName } : {}),
        });
      },
      async ping() {
        await db.execute(sql`select 1`);
      },
      background(max: number) {
        if (!side) {
          const sidePool = newPool(max);
          side = { pool: sidePool, db: drizzlePg(sidePool, { schema }) as unknown as Db };
        }
        return side.db;
      },
      async close() {
        await side?.pool.end();
        await pool.end();
      },
    };
  }
  let client: PGlite;
  if (options.inMemory) {
    client = new PGlite();
  } else {
    const dir = path.resolve(options.dataDir, 'pglite');
    mkdirSync(dir, { recursive: true });
    client = new PGlite(dir);
  }
  await client.waitReady;
  if (schemaName) {
    await client.exec(`create schema if not exists "${schemaName}"; set search_path to "${schemaName}"`);
  }
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    async migrate() {
      await migratePglite(db as never, {
        migrationsFolder: MIGRATIONS_FOLDER,
        ...(schemaName ? { migrationsSchema: schemaName } : {}),
      });
    },
    async ping() {
      await db.execute(sql`select 1`);
    },
    background() {
      return db;
    },
    async close() {
      await client.close();
    },
  };
}
