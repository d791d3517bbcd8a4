import path from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';

/** The pinned time-skipping test server that `scripts/setup-temporal.sh` installs. */
export const TEST_SERVER_PATH = path.resolve('.tools/temporal-test-server/bin/temporal-test-server');

/** A time-skipping test environment on the pinned local test server binary (no download). */
export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: TEST_SERVER_PATH } },
  });
}
