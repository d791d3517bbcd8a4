import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { CliError, expectOk, findService, resolveShopToken } from './service.js';

/**
 * `sellerdesk console`: prints a one-time sign-in link to the seller console for the saved shop
 * (or `--shop`, `--token`), valid ten minutes: the running service issues it (`POST
 * /v1/console/links`) and the console acts with the token's role.
 */
export function registerConsoleCommand(program: Command): void {
  program
    .command('console')
    .description('print a one-time sign-in link to the seller web console (needs the running service)')
    .option('--url <url>', 'the service (default: DATA_DIR/control.json, then HOST:PORT)')
    .option('--token <token>', 'a shop token (default: SELLERDESK_TOKEN, then the saved shop)')
    .option('--shop <id>', 'which saved shop')
    .option('--json', 'print {url, expiresAt}')
    .action(async (options: { url?: string; token?: string; shop?: string; json?: boolean }) => {
      const config = loadConfig();
      const service = await findService(config, options.url);
      if (!service) throw new CliError('the service is not running: start it with `npm start`');
      const token = resolveShopToken(config, options);
      if (!token) {
        throw new CliError(
          'no shop token: pass --token, set SELLERDESK_TOKEN, or create a shop with `sellerdesk shop create`',
        );
      }
      const issued = expectOk(
        await service.call('POST', '/v1/console/links', { token, body: {} }),
        'console link',
      ).json as { url: string; expiresAt: string };
      console.log(
        options.json ? JSON.stringify(issued) : `${issued.url}\n(one use, until ${issued.expiresAt})`,
      );
    });
}
