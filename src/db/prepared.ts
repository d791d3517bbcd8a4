/**
 * Prepared statements for the reads on every ticket's path (issue 15). A drizzle query built per
 * call cost about 300-470 µs of client CPU here (query building, `is()` checks, an unnamed
 * statement PostgreSQL parses and plans again); prepared once per database handle it costs about
 * 80-115 µs, and PostgreSQL keeps its plan per connection (a named statement). PGlite runs the
 * same statements unnamed.
 *
 * Only for plain reads on the pool handle: a transaction's handle gets its own statement (built
 * on that handle), so nothing runs outside the transaction it was called in.
 */
import type { Db } from './client.js';

const byHandle = new WeakMap<object, Map<string, unknown>>();

/** The statement `name` of this database handle, built by `build` on first use. */
export function preparedOn<T>(db: Db, name: string, build: (db: Db) => T): T {
  let statements = byHandle.get(db);
  if (!statements) {
    statements = new Map();
    byHandle.set(db, statements);
  }
  let statement = statements.get(name) as T | undefined;
  if (statement === undefined) {
    statement = build(db);
    statements.set(name, statement);
  }
  return statement;
}
