import { describe, expect, it } from 'vitest';
import { findCycles, parseImports, readSources, sqlIn } from '../support/import-graph.js';

// The dependency rules of docs/ARCHITECTURE.md, checked on the source text (no compiler needed).

const code = readSources('src', 'workflows');
const everything = [...code, ...readSources('test', 'bench', 'scripts')];

/** Where "SQL only in src/db" does not hold: nowhere (a file listed here would be an exception). */
const SQL_ALLOWED_OUTSIDE_DB: RegExp[] = [];

describe('dependency rules', () => {
  it('has no import cycle in src/ and workflows/ (type-only imports count)', () => {
    const cycles = findCycles(code).map((cycle) => cycle.join(' -> '));
    expect(cycles).toEqual([]);
  });

  it('finds a cycle when there is one (the check is not vacuous)', () => {
    const file = (path: string, text: string) => ({ path, text, imports: parseImports(path, text) });
    const cycles = findCycles([
      file('src/a.ts', "import { b } from './b.js';"),
      file('src/b.ts', "import type { C } from './c.js';\nexport const b = 1;"),
      file('src/c.ts', "export { a } from './a.js';"),
      file('src/d.ts', "import { a } from './a.js';"),
    ]);
    expect(cycles).toEqual([['src/a.ts', 'src/b.ts', 'src/c.ts', 'src/a.ts']]);
  });

  it('keeps SQL in src/db: no query, database package or table import anywhere else', () => {
    const offenders = code
      .filter((f) => !f.path.startsWith('src/db/'))
      .filter((f) => !SQL_ALLOWED_OUTSIDE_DB.some((allowed) => allowed.test(f.path)))
      .map((f) => ({ file: f.path, sql: sqlIn(f) }))
      .filter((f) => f.sql.length > 0);
    expect(offenders).toEqual([]);
  });

  it('sees the SQL it forbids (the rule is not vacuous)', () => {
    const path = 'src/http/routes/fake.ts';
    const text = [
      "import { eq } from 'drizzle-orm';",
      "import type { Shop } from '../../db/schema/index.js';",
      "import { shops } from '../../db/schema/index.js';",
      '// db.select() in a comment is fine',
      'const rows = await ctx.db',
      '  .select()',
      '  .from(shops);',
      'await tx.execute(raw);',
      'const draft = await deps.db.query.drafts.findFirst();',
      'await pool.$client.end();',
    ].join('\n');
    expect(sqlIn({ path, text, imports: parseImports(path, text) })).toEqual([
      'imports drizzle-orm',
      'imports tables from src/db/schema/index.ts',
      'line 5: db.select',
      'line 8: tx.execute',
      'line 9: db.query',
      'line 10: $client',
    ]);
  });

  it('lets only workflows/ reach a workflow body (the worker bundles them by path); clients import contracts', () => {
    const offenders = everything
      .filter((f) => !f.path.startsWith('workflows/'))
      .flatMap((f) =>
        f.imports
          .filter((i) => i.target?.startsWith('workflows/') && !i.target.startsWith('workflows/contracts/'))
          .map((i) => `${f.path} imports ${i.target}`),
      );
    expect(offenders).toEqual([]);
  });

  it('names in each contract a workflow type the worker registers', () => {
    const registered = [
      ...code.find((f) => f.path === 'workflows/index.ts')!.text.matchAll(/export \{ ([^}]+) \}/g),
    ].flatMap((m) => m[1]!.split(',').map((name) => name.trim()));
    const named = code
      .filter((f) => f.path.startsWith('workflows/contracts/'))
      .flatMap((f) =>
        [...f.text.matchAll(/^export const [A-Z_]+_WORKFLOW = '([A-Za-z]+)';$/gm)].map((m) => m[1]!),
      );
    expect(named.sort()).toEqual(registered.sort());
  });

  it('keeps src/cli a leaf: only the CLI itself imports it', () => {
    const offenders = code
      .filter((f) => f.path !== 'src/cli.ts' && !f.path.startsWith('src/cli/'))
      .flatMap((f) =>
        f.imports.filter((i) => i.target?.startsWith('src/cli/')).map((i) => `${f.path} imports ${i.target}`),
      );
    expect(offenders).toEqual([]);
  });
});
