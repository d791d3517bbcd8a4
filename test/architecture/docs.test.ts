/**
 * Self-contained docs (issue 19 item 4): everything the code, the tests and the docs cite lives in
 * the repository. No reference to a file outside it (the external contract once lived next to
 * the checkout; it is docs/API.md now), every cited doc exists, every section a citation names is a heading of that doc,
 * and every relative link of the Markdown docs resolves.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/paths.js';

interface TextFile {
  path: string;
  text: string;
}

const SKIPPED_DIRS = new Set(['node_modules', '.tools', '.data', '.git', 'fixtures', 'results', 'coverage']);
const TEXT = /\.(ts|mjs|js|md|json|sh|yml|yaml)$/;

/** The repository's own text files; files named for blind data are never opened. */
function repositoryTexts(): TextFile[] {
  const files: TextFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(PROJECT_ROOT, dir), { withFileTypes: true })) {
      const rel = dir ? `${dir}/${entry.name}` : entry.name;
      if (rel.toLowerCase().includes('blind')) continue;
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(rel);
      } else if (TEXT.test(entry.name) && !rel.endsWith('package-lock.json') && !rel.endsWith('.data.ts')) {
        files.push({ path: rel, text: readFileSync(path.join(PROJECT_ROOT, rel), 'utf8') });
      }
    }
  };
  walk('');
  return files;
}

// Built from parts, so this file does not cite what it forbids (a grep for them finds nothing here).
const OUTSIDE_DIR = ['sha', 'red'].join('');
const EXTERNAL_DOC = ['CON', 'TRACT'].join('');
const OUTSIDE = [
  `\\.\\./${OUTSIDE_DIR}\\b`,
  `\\b${OUTSIDE_DIR}/[A-Z]+\\.md`,
  `\\b${EXTERNAL_DOC}(?:\\.md|\\b)`,
  '\\bSTYLE\\.md',
].map((source) => new RegExp(source, 'g'));

/** References to files outside the repository, as `line N: text`. */
function outsideReferences(file: TextFile): string[] {
  const found: string[] = [];
  file.text.split('\n').forEach((line, i) => {
    for (const pattern of OUTSIDE) {
      for (const match of line.matchAll(pattern)) found.push(`line ${i + 1}: ${match[0]}`);
    }
  });
  return found;
}

/** Where a cited doc lives: `docs/API.md` as written, or a bare `API.md` next to the citing doc. */
function resolveDoc(citing: string, name: string): string {
  if (name.startsWith('docs/')) return name;
  const sibling = path.posix.join(path.posix.dirname(citing), name);
  return existsSync(path.join(PROJECT_ROOT, sibling)) ? sibling : name;
}

const headingsCache = new Map<string, string[]>();
function headingsOf(doc: string): string[] {
  if (!headingsCache.has(doc)) {
    const text = readFileSync(path.join(PROJECT_ROOT, doc), 'utf8');
    headingsCache.set(
      doc,
      text
        .split('\n')
        .filter((line) => line.startsWith('#'))
        .map((line) => line.replace(/^#+\s*/, '')),
    );
  }
  return headingsCache.get(doc)!;
}

/** `docs/API.md, "Outbound replies"` and `[API.md](API.md), "Errors"`: a doc and a section it must have. */
const SECTION_CITATION = /(docs\/[A-Z][A-Z_]*\.md|\]\([A-Z][A-Z_]*\.md\))[,:]? "([^"]{2,80})"/g;
const DOC_CITATION = /\bdocs\/[A-Za-z_]+\.(?:md|json)\b/g;
const MARKDOWN_LINK = /\]\(([^)\s#]+)(?:#[^)]*)?\)/g;

describe('self-contained docs', () => {
  const files = repositoryTexts();

  it('reads the repository (the checks are not vacuous)', () => {
    expect(files.some((f) => f.path === 'README.md')).toBe(true);
    expect(files.filter((f) => f.path.startsWith('docs/')).length).toBeGreaterThan(5);
    expect(files.filter((f) => f.path.startsWith('src/')).length).toBeGreaterThan(100);
    const planted = {
      path: 'x.ts',
      text: `// see ../${OUTSIDE_DIR}/${EXTERNAL_DOC}.md §2\n// ${EXTERNAL_DOC} §4 and STYLE${'.md'}`,
    };
    expect(outsideReferences(planted)).toHaveLength(5);
    expect(outsideReferences({ path: 'y.ts', text: `const ENGLISH_${EXTERNAL_DOC}ION_RE = /x/;` })).toEqual(
      [],
    );
  });

  it('cites no file outside the repository (the contract is docs/API.md)', () => {
    const offenders = files
      .filter((f) => !f.path.endsWith('docs.test.ts'))
      .flatMap((f) => outsideReferences(f).map((r) => `${f.path} ${r}`));
    expect(offenders).toEqual([]);
  });

  it('cites only docs that exist', () => {
    const missing = files.flatMap((f) =>
      [...f.text.matchAll(DOC_CITATION)]
        .map((m) => m[0])
        .filter((doc) => !existsSync(path.join(PROJECT_ROOT, doc)))
        .map((doc) => `${f.path} cites ${doc}`),
    );
    expect(missing).toEqual([]);
  });

  it('names only sections its cited doc has', () => {
    const wrong: string[] = [];
    for (const file of files) {
      for (const match of file.text.matchAll(SECTION_CITATION)) {
        const name = match[1]!.replace(/^\]\(|\)$/g, '');
        const doc = resolveDoc(file.path, name);
        const section = match[2]!.replace(/\s+/g, ' ');
        if (!existsSync(path.join(PROJECT_ROOT, doc))) continue; // reported by the test above
        if (!headingsOf(doc).some((heading) => heading.includes(section))) {
          wrong.push(`${file.path}: ${doc} has no section "${section}"`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('links, from README.md and docs/, only to files that exist', () => {
    const broken = files
      .filter((f) => f.path.endsWith('.md') && (f.path === 'README.md' || f.path.startsWith('docs/')))
      .flatMap((f) =>
        [...f.text.matchAll(MARKDOWN_LINK)]
          .map((m) => m[1]!)
          .filter((target) => !/^[a-z]+:/.test(target))
          .filter((target) => !existsSync(path.join(PROJECT_ROOT, path.posix.dirname(f.path), target)))
          .map((target) => `${f.path} -> ${target}`),
      );
    expect(broken).toEqual([]);
  });
});
