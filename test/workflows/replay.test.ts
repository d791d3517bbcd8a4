/**
 * Determinism across versions: histories recorded with earlier workflow code (see
 * record-histories.test.ts) must replay without a nondeterminism error on today's code, which is
 * what `patched()` guards. `v3`: before the listing-dispute-link patch; `v4`: before
 * one-activity-per-draft; `v5`: with it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { workflowBundle } from '../../src/temporal/worker.js';

const ROOT = path.resolve('test/fixtures/histories');
const files = readdirSync(ROOT, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.json'))
  .sort();

describe('ticket workflow histories of earlier versions replay on the current code', () => {
  it('has recorded histories to replay', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
  });

  it.each(files)(
    '%s',
    async (file) => {
      const history = JSON.parse(readFileSync(path.join(ROOT, file), 'utf8'));
      expect(history.events.length).toBeGreaterThan(10);
      await Worker.runReplayHistory({ workflowBundle: await workflowBundle() }, history, file);
    },
    60_000,
  );
});
