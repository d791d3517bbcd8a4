/**
 * Determinism: recorded ticket histories (see record-histories.test.ts) must replay without a
 * nondeterminism error on today's code. Nothing is deployed, so there are no version branches: the
 * recordings stand for the current shape (local activities, ids only) and are re-recorded on a
 * deliberate change of the workflow's commands.
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

describe('recorded ticket workflow histories replay on the current code', () => {
  it('has recorded histories to replay', () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
  });

  it.each(files)(
    '%s',
    async (file) => {
      const history = JSON.parse(readFileSync(path.join(ROOT, file), 'utf8'));
      expect(history.events.length).toBeGreaterThan(8);
      await Worker.runReplayHistory({ workflowBundle: await workflowBundle() }, history, file);
    },
    60_000,
  );
});
