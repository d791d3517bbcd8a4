import { Command } from 'commander';
import { registerDemoCommand } from './cli/demo.js';
import { registerDictionaryCommands } from './cli/dictionary-commands.js';
import { registerDoctorCommand } from './cli/doctor.js';
import { CliError } from './cli/service.js';
import { registerShopCommands } from './cli/shop-commands.js';
import { registerTicketCommands } from './cli/ticket-commands.js';
import { ConfigError, loadConfig } from './config.js';

// Heavy modules (Temporal worker, database drivers) load only in the commands that need them,
// so `--help` and HTTP-only commands start fast.
const runService = async (mode: 'all' | 'worker' | 'api') => (await import('./main.js')).runService(mode);

const program = new Command();
program
  .name('sellerdesk')
  .description('Customer-service bot and workflow engine for cross-border marketplace sellers')
  .showHelpAfterError();

program
  .command('start')
  .description('HTTP API + Temporal worker + Telegram bot in one process (embedded defaults when unset)')
  .action(() => runService('all'));

program
  .command('worker')
  .description('only the Temporal worker (scale out with TEMPORAL_ADDRESS and DATABASE_URL)')
  .action(() => runService('worker'));

program
  .command('api')
  .description('only the HTTP API and chat bots')
  .action(() => runService('api'));

program
  .command('migrate')
  .description('apply database migrations and exit')
  .action(async () => {
    const config = loadConfig();
    const { openDatabase } = await import('./db/client.js');
    const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
    try {
      await database.migrate();
      console.log(`migrations applied (${database.kind})`);
    } finally {
      await database.close();
    }
  });

program
  .command('eval')
  .argument('[file]', 'JSONL lines {text, lang, category, meta?} (default: the development corpus)')
  .description(
    'classification accuracy (language, intent, macro-F1, confusion, abstain rate); --validation for listings',
  )
  .option('--validation', 'evaluate listing validation on a seeded-error corpus instead')
  .option('--json', 'print JSON')
  .action(async (file: string | undefined, options: { validation?: boolean; json?: boolean }) => {
    const run = options.validation
      ? (await import('./cli/validation-eval.js')).runValidationEval
      : (await import('./cli/eval.js')).runEval;
    const { exitCode } = await run({ ...(file ? { file } : {}), ...(options.json ? { json: true } : {}) });
    process.exitCode = exitCode;
  });

registerShopCommands(program);
registerTicketCommands(program);
registerDictionaryCommands(program);
registerDoctorCommand(program);
registerDemoCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof ConfigError) {
    for (const line of error.lines) console.error(`sellerdesk: ${line}`);
    process.exitCode = 2;
  } else if (error instanceof CliError) {
    console.error(`sellerdesk: ${error.message}`);
    process.exitCode = error.exitCode;
  } else {
    console.error(`sellerdesk: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
