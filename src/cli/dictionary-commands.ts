import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { CliError } from './service.js';

/** Words added to their own dictionary by at least `minShops` shops (candidates for the global list). */
export async function dictionaryCandidates(
  minShops: number,
): Promise<Array<{ lang: string; word: string; shops: number }>> {
  const config = loadConfig();
  const { databaseOptions, openDatabase } = await import('../db/client.js');
  const { globalDictionaryCandidates } = await import('../db/dictionary-repo.js');
  const database = await openDatabase(databaseOptions(config));
  try {
    await database.migrate();
    return await globalDictionaryCandidates(database.db, minShops);
  } finally {
    await database.close();
  }
}

/** `sellerdesk dictionary candidates [--min-shops N] [--json]`. */
export function registerDictionaryCommands(program: Command): void {
  const dictionary = program.command('dictionary').description("sellers' own spelling dictionaries");
  dictionary
    .command('candidates')
    .description('words many shops added to their dictionary: candidates for the global allowlist')
    .option('--min-shops <n>', 'at least this many shops', '3')
    .option('--json', 'print JSON')
    .action(async (options: { minShops: string; json?: boolean }) => {
      const minShops = Number(options.minShops);
      if (!Number.isInteger(minShops) || minShops < 1)
        throw new CliError('--min-shops must be a whole number >= 1', 2);
      const rows = await dictionaryCandidates(minShops);
      if (options.json) console.log(JSON.stringify(rows, null, 2));
      else if (rows.length === 0) console.log(`no word added by ${minShops} or more shops`);
      else for (const r of rows) console.log(`${r.lang}\t${r.word}\t${r.shops} shops`);
    });
}
