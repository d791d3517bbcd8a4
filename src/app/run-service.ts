import { ConfigError, loadConfig } from '../config.js';
import { TemporalCliMissingError } from '../temporal/dev-server.js';
import { type RunMode, startSellerdesk } from './runtime.js';

/** Runs sellerdesk until SIGINT/SIGTERM, then shuts down gracefully (HTTP, worker, DB, Temporal). */
export async function runService(mode: RunMode): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      for (const line of error.lines) console.error(`sellerdesk: ${line}`);
      process.exitCode = 2;
      return;
    }
    throw error;
  }
  let app: Awaited<ReturnType<typeof startSellerdesk>>;
  try {
    app = await startSellerdesk(config, mode);
  } catch (error) {
    if (error instanceof TemporalCliMissingError) {
      console.error(`sellerdesk: ${error.message}`);
      process.exitCode = 3;
      return;
    }
    console.error(`sellerdesk: start-up failed: ${(error as Error).message}`);
    process.exitCode = 1;
    return;
  }
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      console.error('sellerdesk: shutdown took too long, exiting');
      process.exit(1);
    }, 30_000);
    force.unref();
    app
      .stop()
      .then(() => {
        app.logger.info('stopped');
        process.exit(0);
      })
      .catch(() => process.exit(1));
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}
