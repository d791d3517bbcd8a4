import { readdirSync } from 'node:fs';
import os from 'node:os';
import { Command } from 'commander';
import { registerConsoleCommand } from './cli/console-command.js';
import { registerDemoCommand } from './cli/demo.js';
import { registerDictionaryCommands } from './cli/dictionary-commands.js';
import { registerDoctorCommand } from './cli/doctor.js';
import { CliError } from './cli/service.js';
import { registerShopCommands } from './cli/shop-commands.js';
import { registerTicketCommands } from './cli/ticket-commands.js';
import { ConfigError, loadConfig } from './config.js';

// Heavy modules (Temporal worker, database drivers) load only in the commands that need them,
// so `--help` and HTTP-only commands start fast.
const runService = async (mode: 'all' | 'worker' | 'api') =>
  (await import('./app/run-service.js')).runService(mode);

/** Operator knobs as flags; each one sets its environment variable (docs/OPERATIONS.md, "Configuration"). */
const INTAKE_FLAGS = [
  ['--intake-drainer <on|off>', 'INTAKE_DRAINER', 'drain the intake outbox in this process'],
  ['--drain-concurrency <n>', 'INTAKE_DRAIN_CONCURRENCY', 'Temporal calls in flight from the drainer'],
  ['--intake-window <n>', 'INTAKE_WINDOW', 'tickets started and not drafted yet before drainers wait'],
] as const;
const WORKER_FLAGS = [
  ['--max-cached-workflows <n>', 'WORKER_MAX_CACHED_WORKFLOWS', 'workflows kept in the sticky cache'],
  ['--workflow-task-slots <n>', 'WORKER_WORKFLOW_TASK_SLOTS', 'concurrent workflow tasks'],
  ['--activity-slots <n>', 'WORKER_ACTIVITY_SLOTS', 'concurrent activities'],
  ['--local-activity-slots <n>', 'WORKER_LOCAL_ACTIVITY_SLOTS', 'concurrent local activities'],
  ['--workflow-pollers <n>', 'WORKER_WORKFLOW_POLLERS', 'maximum workflow task long polls'],
  ['--activity-pollers <n>', 'WORKER_ACTIVITY_POLLERS', 'maximum activity task long polls'],
  ['--stack-traces <on|off>', 'WORKER_STACK_TRACES', 'keep workflow stacks for `temporal workflow stack`'],
  [
    '--deadlock-timeout-ms <n>',
    'WORKER_DEADLOCK_TIMEOUT_MS',
    'deadlock watchdog per call into a workflow (0: off)',
  ],
] as const;
const API_FLAGS = [
  ['--backlog-limit <n>', 'INTAKE_BACKLOG_LIMIT', 'stored messages waiting before intake answers 503'],
] as const;

function withFlags(command: Command, flags: ReadonlyArray<readonly [string, string, string]>): Command {
  for (const [flag, variable, help] of flags) command.option(flag, `${help} (${variable})`);
  return command;
}

/** Copies given flags into the environment the configuration is read from (flags win). */
function applyFlags(
  options: Record<string, string | undefined>,
  flags: ReadonlyArray<readonly [string, string, string]>,
): void {
  for (const [flag, variable] of flags) {
    const key = flag
      .split(' ')[0]!
      .replace(/^--/, '')
      .replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    const value = options[key];
    if (value !== undefined) process.env[variable] = value;
  }
}

const program = new Command();
program
  .name('sellerdesk')
  .description('Customer-service bot and workflow engine for cross-border marketplace sellers')
  .showHelpAfterError();

withFlags(
  program
    .command('start')
    .description('HTTP API + Temporal worker + Telegram bot in one process (embedded defaults when unset)'),
  [...API_FLAGS, ...INTAKE_FLAGS, ...WORKER_FLAGS],
).action((options: Record<string, string | undefined>) => {
  applyFlags(options, [...API_FLAGS, ...INTAKE_FLAGS, ...WORKER_FLAGS]);
  return runService('all');
});

const NICENESS_FLAG = [
  ['--niceness <n>', 'WORKER_NICENESS', 'lower CPU priority 1-19 (an API on the same host answers first)'],
] as const;

withFlags(
  program
    .command('worker')
    .description('only the Temporal worker (scale out with TEMPORAL_ADDRESS and DATABASE_URL)'),
  [...WORKER_FLAGS, ...INTAKE_FLAGS, ...NICENESS_FLAG],
).action((options: Record<string, string | undefined>) => {
  applyFlags(options, [...WORKER_FLAGS, ...INTAKE_FLAGS, ...NICENESS_FLAG]);
  // Before the worker starts its threads (they inherit it): background work yields the CPU to
  // intake, so `POST /v1/messages` stays fast while a backlog drains.
  const niceness = loadConfig().WORKER_NICENESS;
  if (niceness !== undefined) lowerPriority(niceness);
  return runService('worker');
});

/** Lowers this process's CPU priority: on Linux a nice value is per thread, so every thread's. */
function lowerPriority(niceness: number): void {
  let threads: number[] = [];
  try {
    threads = readdirSync('/proc/self/task').map(Number).filter(Number.isInteger);
  } catch {
    // not Linux: the process priority below is the whole story
  }
  os.setPriority(niceness);
  for (const tid of threads) {
    try {
      os.setPriority(tid, niceness);
    } catch {
      // a thread that ended meanwhile
    }
  }
}

withFlags(program.command('api').description('only the HTTP API and chat bots'), [
  ...API_FLAGS,
  ...INTAKE_FLAGS,
]).action((options: Record<string, string | undefined>) => {
  applyFlags(options, [...API_FLAGS, ...INTAKE_FLAGS]);
  return runService('api');
});

program
  .command('migrate')
  .description('apply database migrations and exit')
  .action(async () => {
    const config = loadConfig();
    const { databaseOptions, openDatabase } = await import('./db/client.js');
    const database = await openDatabase(databaseOptions(config));
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
  .option(
    '--overview',
    'with a file: also print the in-house, blind and external corpora side by side (default without a file)',
  )
  .option('--no-overview', 'without a file: only the development corpus')
  .action(
    async (
      file: string | undefined,
      options: { validation?: boolean; json?: boolean; overview?: boolean },
    ) => {
      if (options.validation) {
        const { runValidationEval } = await import('./cli/validation-eval.js');
        const { exitCode } = await runValidationEval({
          ...(file ? { file } : {}),
          ...(options.json ? { json: true } : {}),
        });
        process.exitCode = exitCode;
        return;
      }
      const { runEval } = await import('./cli/eval-command.js');
      const { exitCode } = await runEval({
        ...(file ? { file } : {}),
        ...(options.json ? { json: true } : {}),
        ...(options.overview === undefined ? {} : { overview: options.overview }),
      });
      process.exitCode = exitCode;
    },
  );

registerShopCommands(program);
registerTicketCommands(program);
registerDictionaryCommands(program);
registerDoctorCommand(program);
registerDemoCommand(program);
registerConsoleCommand(program);

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
