import pg from 'pg';
import { type Database, openDatabase } from '../../src/db/client.js';

/** Connection string of the real PostgreSQL the tests use (CI starts it). */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A unique schema name per test file and run, so runs never see each other's rows. */
export function uniqueSchema(label: string): string {
  const suffix = `${Date.now().toString(36)}_${Math.floor(Math.random() * 1e9).toString(36)}`;
  return `t_${label
    .replace(/[^a-z0-9]/gi, '')
    .toLowerCase()
    .slice(0, 20)}_${suffix}`;
}

/** Opens real PostgreSQL in a fresh schema, migrated; `drop()` removes the schema. */
export async function openTestPostgres(
  label: string,
): Promise<Database & { schema: string; drop(): Promise<void> }> {
  const schema = uniqueSchema(label);
  const database = await openDatabase({
    databaseUrl: TEST_DATABASE_URL,
    dataDir: '.data',
    schemaName: schema,
  });
  await database.migrate();
  return {
    ...database,
    schema,
    async drop() {
      await database.close();
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      try {
        await client.query(`drop schema if exists "${schema}" cascade`);
      } finally {
        await client.end();
      }
    },
  };
}

/** Opens an in-memory PGlite with the same migrations. */
export async function openTestPglite(): Promise<Database & { drop(): Promise<void> }> {
  const database = await openDatabase({ dataDir: '.data', inMemory: true });
  await database.migrate();
  return { ...database, drop: () => database.close() };
}

/** Drops a test schema (the app under test closed its own pool). */
export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await client.end();
  }
}
