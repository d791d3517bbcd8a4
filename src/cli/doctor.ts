import { execFileSync } from 'node:child_process';
import type { Command } from 'commander';
import { type Config, ConfigError, loadConfig } from '../config.js';
import { table } from './format.js';
import { findService } from './service.js';

/** One doctor finding: what was checked, whether it is fine, and what to do if not. */
export interface DoctorCheck {
  check: string;
  ok: boolean;
  required: boolean;
  message: string;
  fix?: string;
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<T>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Runs every check against the environment; never throws. */
export async function runDoctor(
  env: Record<string, string | undefined> = process.env,
): Promise<DoctorCheck[]> {
  const { openDatabase } = await import('../db/client.js');
  const { resolveTemporalCli, temporalReady } = await import('../temporal/dev-server.js');
  const checks: DoctorCheck[] = [];
  let config: Config;
  try {
    config = loadConfig(env);
    checks.push({
      check: 'configuration',
      ok: true,
      required: true,
      message: 'environment variables are valid',
    });
  } catch (error) {
    const lines = error instanceof ConfigError ? error.lines : [(error as Error).message];
    checks.push({
      check: 'configuration',
      ok: false,
      required: true,
      message: lines.join('; '),
      fix: 'correct the variables named above',
    });
    return checks;
  }

  const service = await findService(config);
  checks.push(
    service
      ? { check: 'service', ok: true, required: false, message: `running at ${service.url}` }
      : {
          check: 'service',
          ok: true,
          required: false,
          message: 'not running',
          fix: 'start it with `npm start`',
        },
  );

  if (config.DATABASE_URL) {
    try {
      const database = await withTimeout(
        openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR }),
        5_000,
        'connect',
      );
      try {
        await withTimeout(database.ping(), 5_000, 'ping');
        checks.push({
          check: 'database',
          ok: true,
          required: true,
          message: 'PostgreSQL reachable (DATABASE_URL)',
        });
      } finally {
        await database.close();
      }
    } catch (error) {
      checks.push({
        check: 'database',
        ok: false,
        required: true,
        message: `PostgreSQL unreachable: ${(error as Error).message}`,
        fix: 'check DATABASE_URL, that the server runs and accepts this user',
      });
    }
  } else {
    checks.push({
      check: 'database',
      ok: true,
      required: true,
      message: `embedded PGlite in ${config.DATA_DIR}/pglite${service ? ' (in use by the running service)' : ''}`,
      fix: 'set DATABASE_URL to use PostgreSQL (needed to run several processes)',
    });
  }

  if (config.TEMPORAL_ADDRESS) {
    const ok = await temporalReady(config.TEMPORAL_ADDRESS, config.TEMPORAL_NAMESPACE);
    checks.push({
      check: 'temporal',
      ok,
      required: true,
      message: ok
        ? `Temporal at ${config.TEMPORAL_ADDRESS} serves namespace ${config.TEMPORAL_NAMESPACE}`
        : `Temporal at ${config.TEMPORAL_ADDRESS} does not answer for namespace ${config.TEMPORAL_NAMESPACE}`,
      ...(ok
        ? {}
        : {
            fix: 'check TEMPORAL_ADDRESS and TEMPORAL_NAMESPACE, or unset TEMPORAL_ADDRESS for the embedded server',
          }),
    });
  } else {
    try {
      const cli = resolveTemporalCli(config.TEMPORAL_CLI_PATH);
      const version = execFileSync(cli, ['--version'], { timeout: 5_000 }).toString().trim();
      const running = await temporalReady(`127.0.0.1:${config.TEMPORAL_DEV_PORT}`, config.TEMPORAL_NAMESPACE);
      checks.push({
        check: 'temporal',
        ok: true,
        required: true,
        message: `embedded dev server: ${version} (${cli})${running ? `, running on port ${config.TEMPORAL_DEV_PORT}` : ''}`,
      });
    } catch (error) {
      checks.push({
        check: 'temporal',
        ok: false,
        required: true,
        message: (error as Error).message,
        fix: 'run `npm run setup:temporal`, or set TEMPORAL_CLI_PATH or TEMPORAL_ADDRESS',
      });
    }
  }

  if (config.TELEGRAM_BOT_TOKEN) {
    try {
      const response = await fetch(
        `${config.TELEGRAM_API_ROOT.replace(/\/$/, '')}/bot${config.TELEGRAM_BOT_TOKEN}/getMe`,
        {
          signal: AbortSignal.timeout(5_000),
        },
      );
      const body = (await response.json()) as {
        ok: boolean;
        result?: { username?: string };
        description?: string;
      };
      checks.push(
        body.ok
          ? {
              check: 'telegram',
              ok: true,
              required: false,
              message: `bot @${body.result?.username} (${config.TELEGRAM_WEBHOOK_SECRET ? 'webhook' : 'long polling'})`,
            }
          : {
              check: 'telegram',
              ok: false,
              required: false,
              message: `getMe refused: ${body.description ?? response.status}`,
              fix: 'check TELEGRAM_BOT_TOKEN (from @BotFather)',
            },
      );
    } catch (error) {
      checks.push({
        check: 'telegram',
        ok: false,
        required: false,
        message: `Bot API unreachable at ${config.TELEGRAM_API_ROOT}: ${(error as Error).message}`,
        fix: 'check network access or TELEGRAM_API_ROOT',
      });
    }
    if (config.TELEGRAM_WEBHOOK_SECRET && !config.PUBLIC_URL) {
      checks.push({
        check: 'telegram webhook',
        ok: false,
        required: false,
        message: 'webhook mode without PUBLIC_URL: the webhook is not registered automatically',
        fix: 'set PUBLIC_URL, or call setWebhook yourself with the secret token',
      });
    }
  } else {
    checks.push({
      check: 'telegram',
      ok: true,
      required: false,
      message: 'off',
      fix: 'set TELEGRAM_BOT_TOKEN to approve drafts in Telegram',
    });
  }

  checks.push(
    config.SLACK_BOT_TOKEN || config.SLACK_CLIENT_ID
      ? {
          check: 'slack',
          ok: true,
          required: false,
          message: [
            config.SLACK_BOT_TOKEN
              ? `environment workspace (channel ${config.SLACK_SUPPORT_CHANNEL ?? 'unset'})`
              : '',
            config.SLACK_CLIENT_ID ? 'per-shop installs (OAuth)' : '',
          ]
            .filter(Boolean)
            .join(' and '),
        }
      : {
          check: 'slack',
          ok: true,
          required: false,
          message: 'off',
          fix: 'set SLACK_BOT_TOKEN with SLACK_SIGNING_SECRET (HTTP) or SLACK_APP_TOKEN (Socket Mode), or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET for per-shop installs',
        },
  );

  if (config.OUTBOUND_URL) {
    try {
      const response = await fetch(config.OUTBOUND_URL, {
        method: 'GET',
        signal: AbortSignal.timeout(5_000),
      });
      checks.push({
        check: 'outbound',
        ok: true,
        required: false,
        message: `${config.OUTBOUND_URL} answers (HTTP ${response.status} to GET)`,
      });
    } catch (error) {
      checks.push({
        check: 'outbound',
        ok: false,
        required: false,
        message: `${config.OUTBOUND_URL} unreachable: ${(error as Error).message}`,
        fix: 'approved replies will be retried until it answers; check OUTBOUND_URL',
      });
    }
  } else {
    checks.push({
      check: 'outbound',
      ok: true,
      required: false,
      message: 'replies go to the log outbox',
      fix: 'set OUTBOUND_URL and OUTBOUND_SECRET',
    });
  }
  checks.push(
    config.ADMIN_TOKEN
      ? { check: 'admin api', ok: true, required: false, message: 'on (ADMIN_TOKEN set)' }
      : {
          check: 'admin api',
          ok: true,
          required: false,
          message: 'local CLI only',
          fix: 'set ADMIN_TOKEN to create shops remotely',
        },
  );
  return checks;
}

/** `sellerdesk doctor`. */
export function registerDoctorCommand(program: Command): void {
  program
    .command('doctor')
    .description('what is configured, what is reachable, what to fix')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const checks = await runDoctor();
      const failed = checks.some((c) => c.required && !c.ok);
      if (options.json) console.log(JSON.stringify({ ok: !failed, checks }, null, 2));
      else {
        console.log(
          table(
            ['', 'check', 'status', 'fix'],
            checks.map((c) => [
              c.ok ? '✔' : '✘',
              c.check,
              c.message,
              c.ok && c.message !== 'off' && c.message !== 'not running' ? '' : (c.fix ?? ''),
            ]),
          ),
        );
        console.log(failed ? '\nSome required checks failed.' : '\nAll required checks passed.');
      }
      if (failed) process.exitCode = 1;
    });
}
