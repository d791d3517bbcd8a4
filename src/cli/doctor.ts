import { execFileSync } from 'node:child_process';
import type { Command } from 'commander';
import { type Config, ConfigError, loadConfig } from '../config.js';
import { table } from './format.js';
import { type CliTexts, cliLanguage, cliTexts } from './messages.js';
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

/**
 * Runs every check against the environment; never throws. Messages and fixes are in the CLI's
 * language (`--lang`, else the terminal's locale); `check` names stay as they are (ids).
 */
export async function runDoctor(
  env: Record<string, string | undefined> = process.env,
  texts: CliTexts = cliTexts(cliLanguage(env)),
): Promise<DoctorCheck[]> {
  const t = (key: string, vars?: Record<string, string | number>) => texts.t(`doctor.${key}`, vars);
  const { databaseOptions, openDatabase } = await import('../db/client.js');
  const { resolveTemporalCli, temporalReady } = await import('../temporal/dev-server.js');
  const checks: DoctorCheck[] = [];
  let config: Config;
  try {
    config = loadConfig(env);
    checks.push({
      check: 'configuration',
      ok: true,
      required: true,
      message: t('config_ok'),
    });
  } catch (error) {
    const lines = error instanceof ConfigError ? error.lines : [(error as Error).message];
    checks.push({
      check: 'configuration',
      ok: false,
      required: true,
      message: lines.join('; '),
      fix: t('config_fix'),
    });
    return checks;
  }

  const service = await findService(config);
  checks.push(
    service
      ? { check: 'service', ok: true, required: false, message: t('service_running', { url: service.url }) }
      : {
          check: 'service',
          ok: true,
          required: false,
          message: t('service_off'),
          fix: t('service_fix'),
        },
  );

  if (config.DATABASE_URL) {
    try {
      const database = await withTimeout(openDatabase(databaseOptions(config)), 5_000, 'connect');
      try {
        await withTimeout(database.ping(), 5_000, 'ping');
        checks.push({
          check: 'database',
          ok: true,
          required: true,
          message: t('db_ok'),
        });
      } finally {
        await database.close();
      }
    } catch (error) {
      checks.push({
        check: 'database',
        ok: false,
        required: true,
        message: t('db_bad', { error: (error as Error).message }),
        fix: t('db_bad_fix'),
      });
    }
  } else {
    checks.push({
      check: 'database',
      ok: true,
      required: true,
      message: t(service ? 'db_embedded_in_use' : 'db_embedded', { dir: `${config.DATA_DIR}/pglite` }),
      fix: t('db_embedded_fix'),
    });
  }

  if (config.TEMPORAL_ADDRESS) {
    const ok = await temporalReady(config.TEMPORAL_ADDRESS, config.TEMPORAL_NAMESPACE);
    checks.push({
      check: 'temporal',
      ok,
      required: true,
      message: t(ok ? 'temporal_ok' : 'temporal_bad', {
        address: config.TEMPORAL_ADDRESS,
        namespace: config.TEMPORAL_NAMESPACE,
      }),
      ...(ok ? {} : { fix: t('temporal_bad_fix') }),
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
        message: t(running ? 'temporal_embedded_running' : 'temporal_embedded', {
          version,
          cli,
          port: config.TEMPORAL_DEV_PORT,
        }),
      });
    } catch (error) {
      checks.push({
        check: 'temporal',
        ok: false,
        required: true,
        message: (error as Error).message,
        fix: t('temporal_cli_fix'),
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
              message: t(config.TELEGRAM_WEBHOOK_SECRET ? 'telegram_webhook_mode' : 'telegram_polling_mode', {
                username: body.result?.username ?? '?',
              }),
            }
          : {
              check: 'telegram',
              ok: false,
              required: false,
              message: t('telegram_refused', { reason: body.description ?? response.status }),
              fix: t('telegram_refused_fix'),
            },
      );
    } catch (error) {
      checks.push({
        check: 'telegram',
        ok: false,
        required: false,
        message: t('telegram_unreachable', {
          url: config.TELEGRAM_API_ROOT,
          error: (error as Error).message,
        }),
        fix: t('telegram_unreachable_fix'),
      });
    }
    if (config.TELEGRAM_WEBHOOK_SECRET && !config.PUBLIC_URL) {
      checks.push({
        check: 'telegram webhook',
        ok: false,
        required: false,
        message: t('webhook_no_url'),
        fix: t('webhook_no_url_fix'),
      });
    }
  } else {
    checks.push({
      check: 'telegram',
      ok: true,
      required: false,
      message: t('off'),
      fix: t('telegram_off_fix'),
    });
  }

  checks.push(
    config.SLACK_BOT_TOKEN || config.SLACK_CLIENT_ID
      ? {
          check: 'slack',
          ok: true,
          required: false,
          message: t(
            config.SLACK_BOT_TOKEN
              ? config.SLACK_CLIENT_ID
                ? 'slack_both'
                : 'slack_environment'
              : 'slack_oauth',
            { channel: config.SLACK_SUPPORT_CHANNEL ?? t('unset') },
          ),
        }
      : {
          check: 'slack',
          ok: true,
          required: false,
          message: t('off'),
          fix: t('slack_off_fix'),
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
        message: t('outbound_ok', { url: config.OUTBOUND_URL, status: response.status }),
      });
    } catch (error) {
      checks.push({
        check: 'outbound',
        ok: false,
        required: false,
        message: t('outbound_bad', { url: config.OUTBOUND_URL, error: (error as Error).message }),
        fix: t('outbound_bad_fix'),
      });
    }
  } else {
    checks.push({
      check: 'outbound',
      ok: true,
      required: false,
      message: t('outbound_log'),
      fix: t('outbound_log_fix'),
    });
  }
  checks.push(
    config.ADMIN_TOKEN
      ? { check: 'admin api', ok: true, required: false, message: t('admin_on') }
      : {
          check: 'admin api',
          ok: true,
          required: false,
          message: t('admin_local'),
          fix: t('admin_local_fix'),
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
    .option('--lang <code>', 'language of the report: en, es, fr, ru, pt, zh (default: the terminal locale)')
    .action(async (options: { json?: boolean; lang?: string }) => {
      const texts = cliTexts(cliLanguage(process.env, options.lang));
      const t = (key: string) => texts.t(`doctor.${key}`);
      const checks = await runDoctor(process.env, texts);
      const failed = checks.some((c) => c.required && !c.ok);
      if (options.json) console.log(JSON.stringify({ ok: !failed, checks }, null, 2));
      else {
        // An integration that is off or a service not running is fine, and says how to turn it on.
        const hint = (c: DoctorCheck) => c.message === t('off') || c.message === t('service_off');
        console.log(
          table(
            ['', t('col_check'), t('col_status'), t('col_fix')],
            checks.map((c) => [
              c.ok ? '✔' : '✘',
              t(`check.${c.check.replace(' ', '_')}`),
              c.message,
              c.ok && !hint(c) ? '' : (c.fix ?? ''),
            ]),
          ),
        );
        console.log(`\n${t(failed ? 'failed' : 'passed')}`);
      }
      if (failed) process.exitCode = 1;
    });
}
