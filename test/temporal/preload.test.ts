/**
 * The worker preloads the pure domain modules the workflows import (shared by every workflow in
 * the reusable V8 context instead of evaluated once per workflow): a workflow (or a workflow
 * contract) that starts importing another `src/domain` module must list it in
 * PRELOADED_WORKFLOW_MODULES.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRELOADED_WORKFLOW_MODULES } from '../../src/temporal/worker.js';
import { ROOT, readSources } from '../support/import-graph.js';

describe('workflow bundle preloading', () => {
  it('preloads every src/domain module a workflow imports at run time', () => {
    const imported = new Set<string>();
    for (const file of readSources('workflows')) {
      // Value imports and re-exports only: `import type` is erased from the bundle.
      for (const ref of file.imports) {
        if (!ref.typeOnly && ref.target?.startsWith('src/domain/')) imported.add(path.join(ROOT, ref.target));
      }
    }
    expect(imported.size).toBeGreaterThan(0);
    for (const module of imported) expect(PRELOADED_WORKFLOW_MODULES).toContain(module);
  });
});
