import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';

/** Where a needle was found: table, column and how many rows. */
export interface TableHit {
  table: string;
  column: string;
  needle: string;
  rows: number;
}

type Rows = { rows: Array<Record<string, unknown>> };

/**
 * Searches every text-like column (text, varchar, json, jsonb, arrays) of every table of `schema`
 * for each needle (case-insensitive substring), as information_schema lists them: a table added
 * later is searched without changing the test.
 */
export async function searchDatabase(
  db: Db,
  schema: string,
  needles: string[],
): Promise<{ columns: number; tables: number; hits: TableHit[] }> {
  const listed = (await db.execute(
    sql`select c.table_name as "table", c.column_name as "column"
          from information_schema.columns c
          join information_schema.tables t
            on t.table_schema = c.table_schema and t.table_name = c.table_name
         where c.table_schema = ${schema} and t.table_type = 'BASE TABLE'
           and c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY')
         order by 1, 2`,
  )) as unknown as Rows;
  const columns = listed.rows.map((r) => ({ table: String(r.table), column: String(r.column) }));
  const hits: TableHit[] = [];
  for (const { table, column } of columns) {
    for (const needle of needles) {
      const result = (await db.execute(
        sql`select count(*)::int as n from ${sql.identifier(schema)}.${sql.identifier(table)}
             where ${sql.identifier(column)}::text ilike ${`%${needle}%`}`,
      )) as unknown as Rows;
      const n = Number(result.rows[0]?.n ?? 0);
      if (n > 0) hits.push({ table, column, needle, rows: n });
    }
  }
  return { columns: columns.length, tables: new Set(columns.map((c) => c.table)).size, hits };
}
