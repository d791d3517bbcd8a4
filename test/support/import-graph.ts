import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** The repository root (this file lives in test/support). */
export const ROOT = path.resolve(import.meta.dirname, '../..');

/** One import or re-export of a source file. */
export interface ImportRef {
  /** The specifier as written (`../db/client.js`, `drizzle-orm`). */
  specifier: string;
  /** The imported file, relative to the root with `/`, when the specifier is relative. */
  target: string | undefined;
  /** `import type`, `export type`, `import('x').T`, or braces holding only `type` names. */
  typeOnly: boolean;
}

/** A TypeScript source file of the repository with its imports. */
export interface SourceFile {
  /** Relative to the root, with `/` (`src/http/server.ts`). */
  path: string;
  text: string;
  imports: ImportRef[];
}

// Imports and re-exports begin a line (never a JSDoc line, which begins with `*`); the clause
// holds no quote or semicolon, so a match cannot run past its own specifier.
const STATEMENT = /^(import|export)(\s+type)?\s+([^;'"]*?)\s*from\s*['"]([^'"]+)['"]/gm;
const SIDE_EFFECT = /^import\s+['"]([^'"]+)['"]/gm;
const TYPE_QUERY = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

function typeOnlyClause(clause: string): boolean {
  const braces = /^\{([^}]*)\}$/.exec(clause.trim());
  if (!braces) return false;
  const names = braces[1]!
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  return names.length > 0 && names.every((n) => n.startsWith('type '));
}

function resolve(fromFile: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.posix.join(path.posix.dirname(fromFile), specifier);
  const candidates = [base.replace(/\.js$/, '.ts'), base, `${base}.ts`, `${base}/index.ts`];
  for (const candidate of candidates) {
    try {
      if (statSync(path.join(ROOT, candidate)).isFile()) return candidate;
    } catch {
      // not this one
    }
  }
  // Not on disk (a test's made-up file): the TypeScript file a `.js` specifier stands for.
  return candidates[0];
}

/** The imports of one source text (static, re-exports, side-effect and `import('x')` type queries). */
export function parseImports(file: string, text: string): ImportRef[] {
  const refs: ImportRef[] = [];
  for (const m of text.matchAll(STATEMENT)) {
    const specifier = m[4]!;
    refs.push({
      specifier,
      target: resolve(file, specifier),
      typeOnly: Boolean(m[2]) || typeOnlyClause(m[3]!),
    });
  }
  for (const m of text.matchAll(SIDE_EFFECT)) {
    refs.push({ specifier: m[1]!, target: resolve(file, m[1]!), typeOnly: false });
  }
  for (const m of text.matchAll(TYPE_QUERY)) {
    refs.push({ specifier: m[1]!, target: resolve(file, m[1]!), typeOnly: true });
  }
  return refs;
}

/** Every `.ts` file under the given folders (relative to the root), with its imports. */
export function readSources(...folders: string[]): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== 'fixtures') walk(rel);
      } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
        const text = readFileSync(path.join(ROOT, rel), 'utf8');
        files.push({ path: rel, text, imports: parseImports(rel, text) });
      }
    }
  };
  for (const folder of folders) walk(folder);
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * The import cycles among `files` (type-only imports included: they tie modules together for a
 * reader as much as value imports do), one shortest cycle per strongly connected component.
 */
export function findCycles(files: SourceFile[]): string[][] {
  const known = new Set(files.map((f) => f.path));
  const edges = new Map<string, string[]>(
    files.map((f) => [
      f.path,
      [
        ...new Set(
          f.imports.map((i) => i.target).filter((t): t is string => t !== undefined && known.has(t)),
        ),
      ],
    ]),
  );
  // Tarjan's strongly connected components, iterative.
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  for (const start of known) {
    if (index.has(start)) continue;
    const work: Array<{ node: string; next: number }> = [{ node: start, next: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const targets = edges.get(frame.node)!;
      if (frame.next < targets.length) {
        const target = targets[frame.next++]!;
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        const selfLoop = edges.get(frame.node)!.includes(frame.node);
        if (component.length > 1 || selfLoop) components.push(component.sort());
      }
    }
  }
  return components.map((component) => shortestCycle(component, edges));
}

/** A shortest cycle through the first file of a component (breadth-first), closed on itself. */
function shortestCycle(component: string[], edges: Map<string, string[]>): string[] {
  const members = new Set(component);
  const start = component[0]!;
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const target of edges.get(node)!) {
      if (!members.has(target)) continue;
      if (target === start) {
        const cycle = [start];
        for (let at = node; at !== start; at = previous.get(at)!) cycle.splice(1, 0, at);
        return [...cycle, start];
      }
      if (!previous.has(target)) {
        previous.set(target, node);
        queue.push(target);
      }
    }
  }
  return [...component, start];
}

/** Packages that talk to the database directly. */
const DATABASE_PACKAGES = /^(?:drizzle-orm(?:\/.*)?|pg|@electric-sql\/pglite(?:\/.*)?)$/;

/**
 * A query built or sent by hand: a query-builder call on a database or transaction handle
 * (`db.select`, `tx.insert`, `deps.db.query.drafts`...), `.execute(`, or the raw pool.
 */
const QUERY_CALL =
  /\b(?:db|tx)\s*\.\s*(?:select|selectDistinct|insert|update|delete|execute|transaction|query)\b|\.execute\(|\$client\b/g;

/** Why `file` holds SQL, or nothing when it holds none. */
export function sqlIn(file: SourceFile): string[] {
  const reasons: string[] = [];
  for (const ref of file.imports) {
    if (ref.typeOnly) continue;
    if (DATABASE_PACKAGES.test(ref.specifier)) reasons.push(`imports ${ref.specifier}`);
    if (ref.target?.startsWith('src/db/schema/')) reasons.push(`imports tables from ${ref.target}`);
  }
  // Comment lines are blanked (not removed) so line numbers stay; a chain may span lines.
  const text = file.text
    .split('\n')
    .map((line) => (/^\s*(?:\/\/|\*|\/\*)/.test(line) ? '' : line))
    .join('\n');
  for (const query of text.matchAll(QUERY_CALL)) {
    const line = text.slice(0, query.index).split('\n').length;
    reasons.push(`line ${line}: ${query[0].replace(/\s+/g, '')}`);
  }
  return reasons;
}
