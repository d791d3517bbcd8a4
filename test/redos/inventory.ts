/**
 * Every regular expression sellerdesk runs on outside text, for the static ReDoS check:
 *  - regex literals, found by parsing every source file in src/ and workflows/ (esbuild strips
 *    the types, acorn parses the JavaScript);
 *  - patterns built at run time with `new RegExp(...)` / `RegExp(...)` from strings and data
 *    (listing glossary and claims, urgency lexicons, carrier vocabularies, redaction), recorded by
 *    a constructor proxy while the text modules load and while their lazy compilers are driven
 *    over all of their data.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'acorn';
import { transformSync } from 'esbuild';

export interface InventoryEntry {
  source: string;
  flags: string;
  /** file:line of the literal, or the module that built the pattern. */
  origin: string;
  kind: 'literal' | 'built';
}

const ROOT = join(import.meta.dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'migrations') out.push(...sourceFiles(path));
    } else if (/\.(?:ts|mts|js|mjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

interface AstNode {
  type: string;
  regex?: { pattern: string; flags: string };
  loc?: { start: { line: number } };
  [key: string]: unknown;
}

function walk(node: unknown, visit: (node: AstNode) => void): void {
  if (Array.isArray(node)) {
    for (const child of node) walk(child, visit);
    return;
  }
  if (node === null || typeof node !== 'object' || typeof (node as AstNode).type !== 'string') return;
  visit(node as AstNode);
  for (const [key, value] of Object.entries(node)) {
    if (key !== 'loc' && typeof value === 'object') walk(value, visit);
  }
}

/** Regex literals of one TypeScript/JavaScript source text. */
export function literalRegexes(code: string, file: string): InventoryEntry[] {
  const js = file.endsWith('.ts')
    ? transformSync(code, { loader: 'ts', format: 'esm', target: 'esnext' }).code
    : code;
  const ast = parse(js, { ecmaVersion: 'latest', sourceType: 'module', locations: true });
  const out: InventoryEntry[] = [];
  walk(ast, (node) => {
    if (node.type === 'Literal' && node.regex) {
      // The line in the TypeScript source (esbuild keeps literals as written).
      const at = code.indexOf(`/${node.regex.pattern}/${node.regex.flags}`);
      const line = at < 0 ? (node.loc?.start.line ?? 0) : code.slice(0, at).split('\n').length;
      out.push({
        source: node.regex.pattern,
        flags: node.regex.flags,
        origin: `${file}:${line}`,
        kind: 'literal',
      });
    }
  });
  return out;
}

/** Regex literals of every source file under src/ and workflows/. */
export function literalInventory(): InventoryEntry[] {
  const files = [...sourceFiles(join(ROOT, 'src')), ...sourceFiles(join(ROOT, 'workflows'))];
  return files.flatMap((file) => literalRegexes(readFileSync(file, 'utf8'), relative(ROOT, file)));
}

/** Records every RegExp built through the constructor while `body` runs (and its imports load). */
export async function recordBuilt(body: () => Promise<void>): Promise<InventoryEntry[]> {
  const original = globalThis.RegExp;
  const built: InventoryEntry[] = [];
  const record = (args: unknown[]) => {
    const [pattern, flags] = args;
    const source = pattern instanceof original ? pattern.source : String(pattern ?? '(?:)');
    const f = flags === undefined ? (pattern instanceof original ? pattern.flags : '') : String(flags);
    // The frame that called the constructor: sellerdesk's own code, or a dependency (i18next's
    // interpolation, zod): those are not ours to rewrite and are left out (see docs/TESTING.md).
    const caller = (new Error().stack ?? '')
      .split('\n')
      .slice(1)
      .find((line) => line.includes('/') && !line.includes('test/redos/inventory'));
    if (!caller || caller.includes('node_modules') || !/\/(?:src|workflows)\//.test(caller)) return;
    const origin = relative(ROOT, caller.replace(/^.*?\(?(?:file:\/\/)?(\/[^\s()]+?):\d+:\d+\)?$/, '$1'));
    built.push({ source, flags: f, origin, kind: 'built' });
  };
  globalThis.RegExp = new Proxy(original, {
    construct(target, args, newTarget) {
      record(args);
      return Reflect.construct(target, args, newTarget === globalThis.RegExp ? target : newTarget);
    },
    apply(target, thisArg, args) {
      record(args);
      return Reflect.apply(target, thisArg, args);
    },
  });
  try {
    await body();
  } finally {
    globalThis.RegExp = original;
  }
  return built;
}
