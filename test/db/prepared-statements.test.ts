import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase, preparedStatementName } from '../../src/db/client.js';
import { rowsOf } from '../../src/db/intake-repo.js';
import { dropSchema, TEST_DATABASE_URL, uniqueSchema } from '../support/db.js';

describe('preparedStatementName', () => {
  it('names a text the second time it runs, always the same name', () => {
    const text = `select $1::int + ${Math.random()} as once`;
    expect(preparedStatementName(text)).toBeUndefined();
    const name = preparedStatementName(text);
    expect(name).toMatch(/^sd_[A-Za-z0-9_-]{32}$/);
    expect(preparedStatementName(text)).toBe(name);
    expect(name!.length).toBeLessThanOrEqual(63);
  });

  it('never names several statements in one text', () => {
    const text = `select $1::int; select ${Math.random()}`;
    expect(preparedStatementName(text)).toBeUndefined();
    expect(preparedStatementName(text)).toBeUndefined();
  });
});

/** The statements this session has prepared whose text carries `marker`. */
async function preparedWith(db: Database['db'], marker: string): Promise<string[]> {
  const result = await db.execute(
    sql`select name from pg_prepared_statements where statement like ${`%${marker}%`} and name like 'sd\\_%'`,
  );
  return rowsOf<{ name: string }>(result).map((r) => r.name);
}

describe('named prepared statements on PostgreSQL', () => {
  const opened: { database: Database; schema: string }[] = [];
  const open = async (preparedStatements: boolean) => {
    const schema = uniqueSchema(`prep${preparedStatements ? 'on' : 'off'}`);
    const database = await openDatabase({
      databaseUrl: TEST_DATABASE_URL,
      dataDir: '.data',
      schemaName: schema,
      preparedStatements,
    });
    opened.push({ database, schema });
    return database;
  };
  let on: Database;
  let off: Database;

  beforeAll(async () => {
    on = await open(true);
    off = await open(false);
  });

  afterAll(async () => {
    for (const { database, schema } of opened) {
      await database.close();
      await dropSchema(schema);
    }
  });

  /** Runs one statement text four times, one at a time (the pool hands the same idle connection back). */
  async function runFourTimes(database: Database, marker: string): Promise<void> {
    for (let i = 1; i <= 4; i++) {
      const result = await database.db.execute(
        sql`select ${i}::int * 2 as doubled, ${sql.raw(`'${marker}'`)} as tag`,
      );
      expect(rowsOf(result)[0]).toEqual({ doubled: i * 2, tag: marker });
    }
  }
  const uniqueMarker = (prefix: string) =>
    `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1e6)}`;

  it('runs a repeated parameterised statement as one named statement, with the right results', async () => {
    const marker = uniqueMarker('m');
    await runFourTimes(on, marker);
    expect(await preparedWith(on.db, marker)).toHaveLength(1);
  });

  it('prepares nothing when turned off (a pooler without prepared statements)', async () => {
    const marker = uniqueMarker('n');
    await runFourTimes(off, marker);
    expect(await preparedWith(off.db, marker)).toEqual([]);
  });

  it('a statement that fails to parse is not recorded as prepared: the corrected run works', async () => {
    const marker = uniqueMarker('f');
    const bad = sql`select ${1}::int from ${sql.raw(`missing_${marker}`)}`;
    for (let i = 0; i < 3; i++)
      await expect(on.db.execute(bad)).rejects.toMatchObject({ cause: { code: '42P01' } });
    const result = await on.db.execute(sql`select ${5}::int as five`);
    expect(rowsOf(result)[0]).toEqual({ five: 5 });
  });
});
