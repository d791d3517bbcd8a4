/**
 * Entry of the app run in its own process (see `child-app.ts`): a test whose input might block an
 * event loop (a super-linear regex) can then still time out, probe /healthz and kill it.
 * Reads its settings from the environment the parent gives it; prints `{"url"}` when listening.
 */
import { startSellerdesk } from '../../src/app/runtime.js';
import { loadConfig } from '../../src/config.js';

const env = process.env;
const config = loadConfig({
  PORT: '0',
  DATABASE_URL: env.CHILD_DATABASE_URL!,
  TEMPORAL_TASK_QUEUE: env.CHILD_TASK_QUEUE!,
  ADMIN_TOKEN: env.CHILD_ADMIN_TOKEN!,
  LOG_LEVEL: 'silent',
});
const app = await startSellerdesk(config, 'all', {
  databaseSchema: env.CHILD_SCHEMA!,
  temporalAddress: env.CHILD_TEMPORAL_ADDRESS!,
  writeControlFile: false,
  schedules: false,
});
process.stdout.write(`${JSON.stringify({ url: app.url })}\n`);
process.on('SIGTERM', () => {
  void app.stop().finally(() => process.exit(0));
});
