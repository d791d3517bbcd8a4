import { defineConfig } from 'vitest/config';

/** `npm run chaos`: fault-injection scenarios, one at a time (they kill processes and restart PostgreSQL). */
export default defineConfig({
  test: {
    include: ['test/chaos/**/*.test.ts'],
    globalSetup: ['test/chaos/support/global-setup.ts'],
    testTimeout: 15 * 60_000,
    hookTimeout: 5 * 60_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    reporters: ['default'],
  },
});
