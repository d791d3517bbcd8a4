import type { Command } from 'commander';
import { saveShopCredentials } from '../app/local-state.js';
import { loadConfig } from '../config.js';
import { type SellerLanguage, sellerLanguageFromTag } from '../domain/shop/seller-language.js';
import { isLanguage, type Language } from '../domain/types.js';
import { CliError, expectOk, findService, resolveShopId, resolveShopToken } from './service.js';

/** A created shop as the CLI reports it (the token appears here once). */
export interface CreatedShop {
  shop: { id: string; name: string; defaultLanguage: Language; plan: string };
  apiToken: string;
  telegramLinkCode: string;
}

/**
 * Creates a shop through the running service (admin token or the local control token), or
 * directly in the database when no service runs; saves the token for later CLI commands.
 */
export async function createShopFromCli(input: {
  name: string;
  defaultLanguage: Language;
  sellerLanguage?: SellerLanguage;
  plan: 'free' | 'auto';
  url?: string;
}): Promise<CreatedShop & { via: 'service' | 'database' }> {
  const config = loadConfig();
  const body = {
    name: input.name,
    defaultLanguage: input.defaultLanguage,
    plan: input.plan,
    ...(input.sellerLanguage ? { sellerLanguage: input.sellerLanguage } : {}),
  };
  const service = await findService(config, input.url);
  let created: CreatedShop;
  let via: 'service' | 'database';
  if (service) {
    const token = process.env.ADMIN_TOKEN ?? service.controlToken;
    if (!token) {
      throw new CliError(
        `the service at ${service.url} is not this machine's (no DATA_DIR/control.json): set ADMIN_TOKEN to create shops there`,
      );
    }
    created = expectOk(await service.call('POST', '/v1/admin/shops', { token, body }), 'shop create').json;
    via = 'service';
  } else {
    const { databaseOptions, openDatabase } = await import('../db/client.js');
    const { createShop } = await import('../db/shops-repo.js');
    const database = await openDatabase(databaseOptions(config));
    try {
      await database.migrate();
      const result = await createShop(database.db, body);
      created = {
        shop: {
          id: result.shop.id,
          name: result.shop.name,
          defaultLanguage: result.shop.defaultLanguage,
          plan: result.shop.plan,
        },
        apiToken: result.apiToken,
        telegramLinkCode: result.telegramLinkCode,
      };
    } finally {
      await database.close();
    }
    via = 'database';
  }
  saveShopCredentials(config.DATA_DIR, {
    id: created.shop.id,
    name: created.shop.name,
    token: created.apiToken,
    telegramLinkCode: created.telegramLinkCode,
  });
  return { ...created, via };
}

function language(value: string): Language {
  if (!isLanguage(value)) throw new CliError(`language must be one of en, es, fr, ru, pt (got "${value}")`);
  return value;
}

function sellerLanguage(value: string): SellerLanguage {
  const chosen = sellerLanguageFromTag(value);
  if (!chosen) throw new CliError(`seller language must be one of en, es, fr, ru, pt, zh (got "${value}")`);
  return chosen;
}

/**
 * Issues a new Telegram link code for a shop and invalidates the previous one: through the running
 * service with the shop's token, or directly in the database when no service runs.
 */
export async function rotateLinkCodeFromCli(options: {
  url?: string;
  token?: string;
  shop?: string;
}): Promise<{ shopId?: string; telegramLinkCode: string; expiresAt: string; via: 'service' | 'database' }> {
  const config = loadConfig();
  const service = await findService(config, options.url);
  if (service) {
    const token = resolveShopToken(config, options);
    if (!token) {
      throw new CliError(
        'no shop token: pass --token, set SELLERDESK_TOKEN, or create a shop with `sellerdesk shop create`',
      );
    }
    const answer = expectOk(
      await service.call('POST', '/v1/telegram/link-code', { token, body: {} }),
      'link code',
    ).json as { telegramLinkCode: string; expiresAt: string };
    return { ...answer, via: 'service' };
  }
  const shopId = resolveShopId(config, options);
  if (!shopId) throw new CliError('the service is not running and no shop is saved: pass --shop <id>');
  const { databaseOptions, openDatabase } = await import('../db/client.js');
  const { getShop, issueLinkCode } = await import('../db/shops-repo.js');
  const database = await openDatabase(databaseOptions(config));
  try {
    await database.migrate();
    if (!(await getShop(database.db, shopId))) throw new CliError(`no shop ${shopId} in this database`);
    const issued = await issueLinkCode(database.db, shopId, config.TELEGRAM_LINK_CODE_TTL_HOURS);
    return {
      shopId,
      telegramLinkCode: issued.code,
      expiresAt: issued.expiresAt.toISOString(),
      via: 'database',
    };
  } finally {
    await database.close();
  }
}

/** `sellerdesk shop create`, `sellerdesk shop link-code`. */
export function registerShopCommands(program: Command): void {
  const shop = program.command('shop').description('manage shops');
  shop
    .command('create')
    .description('create a shop; prints its API token once and the Telegram link code')
    .requiredOption('--name <name>', 'shop name')
    .option('--default-language <code>', 'language of drafts when the buyer language is unclear', 'en')
    .option(
      '--seller-language <code>',
      'language the bots speak to the sellers: en, es, fr, ru, pt or zh (default: the default language)',
    )
    .option('--plan <plan>', 'free (every reply approved by hand) or auto', 'free')
    .option('--url <url>', 'service URL (default: the local service, if running)')
    .option('--json', 'print JSON')
    .action(async (options) => {
      if (options.plan !== 'free' && options.plan !== 'auto')
        throw new CliError('--plan must be free or auto');
      const created = await createShopFromCli({
        name: options.name,
        defaultLanguage: language(options.defaultLanguage),
        ...(options.sellerLanguage ? { sellerLanguage: sellerLanguage(options.sellerLanguage) } : {}),
        plan: options.plan,
        url: options.url,
      });
      if (options.json) {
        console.log(JSON.stringify(created, null, 2));
        return;
      }
      console.log(`Shop created: ${created.shop.name} (${created.shop.id}) via the ${created.via}`);
      console.log(
        `API token (shown once, saved for this CLI in DATA_DIR/cli-credentials.json):\n  ${created.apiToken}`,
      );
      console.log(`Telegram: send "/start ${created.telegramLinkCode}" to your bot to link a chat.`);
    });
  shop
    .command('link-code')
    .description(
      'issue a new single-use Telegram link code (expires after TELEGRAM_LINK_CODE_TTL_HOURS); the previous code stops working',
    )
    .option(
      '--rotate',
      'same as without it: every call rotates (codes are stored hashed and never shown twice)',
    )
    .option('--url <url>', 'service URL (default: the local service, if running)')
    .option('--token <token>', 'shop API token (default: SELLERDESK_TOKEN or the saved shop)')
    .option('--shop <shopId>', 'saved shop (default: the last created)')
    .option('--json', 'print JSON')
    .action(async (options) => {
      const issued = await rotateLinkCodeFromCli(options);
      if (options.json) {
        console.log(JSON.stringify(issued, null, 2));
        return;
      }
      console.log(
        `New Telegram link code (single use, valid until ${issued.expiresAt}); the old one no longer works.`,
      );
      console.log(`Telegram: send "/start ${issued.telegramLinkCode}" to your bot to link a chat.`);
    });
}
