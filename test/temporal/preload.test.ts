/**
 * The worker preloads the pure domain modules the workflows import (shared by every workflow in
 * the reusable V8 context instead of evaluated once per workflow): a workflow that starts importing
 * another `src/domain` module must list it in PRELOADED_WORKFLOW_MODULES.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRELOADED_WORKFLOW_MODULES } from '../../src/temporal/worker.js';

const WORKFLOWS = path.resolve('workflows');

describe('workflow bundle preloading', () => {
  it('preloads every src/domain module a workflow imports at run time', () => {
    const imported = new Set<string>();
    for (const file of readdirSync(WORKFLOWS).filter((f) => f.endsWith('.ts'))) {
      const source = readFileSync(path.join(WORKFLOWS, file), 'utf8');
      // Value imports only: `import type` is erased from the bundle.
      for (const match of source.matchAll(
        /^import\s+(?!type\b)[^;]*?from\s+'(\.\.\/src\/domain\/[^']+)'/gm,
      )) {
        imported.add(path.resolve(WORKFLOWS, match[1]!).replace(/\.js$/, '.ts'));
      }
    }
    expect(imported.size).toBeGreaterThan(0);
    for (const module of imported) expect(PRELOADED_WORKFLOW_MODULES).toContain(module);
  });
});
