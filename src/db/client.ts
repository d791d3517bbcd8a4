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
