import { z } from 'zod';

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const port = (fallback: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0 || n > 65535) {
        ctx.addIssue({ code: 'custom', message: `must be a port number 0-65535, got "${v}"` });
        return z.NEVER;
      }
      return n;
    });

const url = (what: string) =>
  optionalString.superRefine((v, ctx) => {
    if (v === undefined) return;
    try {
      const parsed = new URL(v);
      if (!['http:', 'https:'].includes(parsed.protocol)) throw new Error('protocol');
    } catch {
      ctx.addIssue({ code: 'custom', message: `must be an http(s) URL (${what}), got "${v}"` });
    }
  });

const schema = z
  .object({
    HOST: optionalString.transform((v) => v ?? '127.0.0.1'),
    PORT: port(3000),
    DATA_DIR: optionalString.transform((v) => v ?? '.data'),
    DATABASE_URL: optionalString.superRefine((v, ctx) => {
      if (v !== undefined && !/^postgres(ql)?:\/\//.test(v)) {
        ctx.addIssue({ code: 'custom', message: 'must start with postgres:// or postgresql://' });
      }
    }),
    TEMPORAL_ADDRESS: optionalString.superRefine((v, ctx) => {
      if (v !== undefined && !/^[^\s:/]+:\d{1,5}$/.test(v)) {
        ctx.addIssue({ code: 'custom', message: `must be host:port, got "${v}"` });
      }
    }),
    TEMPORAL_NAMESPACE: optionalString.transform((v) => v ?? 'default'),
    TEMPORAL_TASK_QUEUE: optionalString.transform((v) => v ?? 'sellerdesk'),
    TEMPORAL_DEV_PORT: port(7233),
    TEMPORAL_UI_PORT: port(8233),
    TEMPORAL_CLI_PATH: optionalString,
    ADMIN_TOKEN: optionalString.superRefine((v, ctx) => {
      if (v !== undefined && v.length < 16) {
        ctx.addIssue({ code: 'custom', message: 'must be at least 16 characters' });
      }
    }),
    TELEGRAM_BOT_TOKEN: optionalString.superRefine((v, ctx) => {
      if (v !== undefined && !/^\d+:[\w-]+$/.test(v)) {
        ctx.addIssue({ code: 'custom', message: 'must look like "123456:ABC-DEF..." (from @BotFather)' });
      }
    }),
    TELEGRAM_API_ROOT: url('Telegram Bot API base').transform((v) => v ?? 'https://api.telegram.org'),
    TELEGRAM_WEBHOOK_SECRET: optionalString.superRefine((v, ctx) => {
      if (v !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(v)) {
        ctx.addIssue({ code: 'custom', message: 'must be 1-256 characters of A-Z, a-z, 0-9, _ and -' });
      }
    }),
    PUBLIC_URL: url('externally reachable base URL'),
    SLACK_BOT_TOKEN: optionalString,
    SLACK_SIGNING_SECRET: optionalString,
    SLACK_APP_TOKEN: optionalString.superRefine((v, ctx) => {
      if (v !== undefined && !v.startsWith('xapp-')) {
        ctx.addIssue({
          code: 'custom',
          message: 'must be an app-level token ("xapp-...", scope connections:write)',
        });
      }
    }),
    SLACK_API_URL: url('Slack Web API base').transform((v) => v ?? 'https://slack.com/api/'),
    SLACK_SUPPORT_CHANNEL: optionalString,
    OUTBOUND_URL: url('reply delivery endpoint'),
    OUTBOUND_SECRET: optionalString,
    /** HMAC key of erased buyers' pseudonyms; unset: a key generated once and kept in the database. */
    ERASURE_KEY: optionalString.superRefine((v, ctx) => {
      if (v !== undefined && v.length < 32) {
        ctx.addIssue({
          code: 'custom',
          message: 'must be at least 32 characters (e.g. openssl rand -hex 32)',
        });
      }
    }),
    /** Earlier ERASURE_KEY values, comma-separated: per-buyer counts still match their pseudonyms. */
    ERASURE_KEY_PREVIOUS: optionalString.transform((v) =>
      v === undefined
        ? []
        : v
            .split(',')
            .map((k) => k.trim())
            .filter(Boolean),
    ),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .optional()
      .transform((v) => v ?? 'info'),
  })
  .superRefine((env, ctx) => {
    if (env.OUTBOUND_URL && !env.OUTBOUND_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['OUTBOUND_SECRET'],
        message: 'is required when OUTBOUND_URL is set',
      });
    }
    // Socket Mode (SLACK_APP_TOKEN) needs no signing secret: Slack talks over the app's own socket.
    if (env.SLACK_APP_TOKEN && !env.SLACK_BOT_TOKEN) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_BOT_TOKEN'],
        message: 'is required when SLACK_APP_TOKEN is set (Socket Mode)',
      });
    } else if (!env.SLACK_APP_TOKEN && Boolean(env.SLACK_BOT_TOKEN) !== Boolean(env.SLACK_SIGNING_SECRET)) {
      ctx.addIssue({
        code: 'custom',
        path: [env.SLACK_BOT_TOKEN ? 'SLACK_SIGNING_SECRET' : 'SLACK_BOT_TOKEN'],
        message:
          'SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET are set together (or use SLACK_APP_TOKEN for Socket Mode)',
      });
    }
  });

/** Typed, validated configuration; the only view of process.env the app has. */
export type Config = z.output<typeof schema>;

/** Thrown when the environment is invalid; `lines` holds one message per bad variable. */
export class ConfigError extends Error {
  readonly code = 'invalid_config';
  constructor(readonly lines: string[]) {
    super(`invalid configuration:\n${lines.join('\n')}`);
  }
}

/** Parses the environment once at start-up; throws ConfigError naming each bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = schema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map(
      (issue) => `${String(issue.path[0] ?? 'config')}: ${issue.message}`,
    );
    throw new ConfigError([...new Set(lines)]);
  }
  return result.data;
}

/** One line per optional integration that is off, printed once at start-up. */
export function describeDisabledIntegrations(config: Config): string[] {
  const off: string[] = [];
  if (!config.ADMIN_TOKEN)
    off.push(
      'admin API off for remote callers (ADMIN_TOKEN unset); the local CLI uses DATA_DIR/control.json',
    );
  if (!config.TELEGRAM_BOT_TOKEN) off.push('Telegram off (TELEGRAM_BOT_TOKEN unset)');
  if (!config.SLACK_BOT_TOKEN) off.push('Slack off (SLACK_BOT_TOKEN unset)');
  else if (!config.SLACK_SUPPORT_CHANNEL)
    off.push('Slack escalations not posted (SLACK_SUPPORT_CHANNEL unset)');
  if (!config.OUTBOUND_URL) off.push('outbound delivery to the log outbox (OUTBOUND_URL unset)');
  if (!config.ERASURE_KEY)
    off.push('erased buyers are pseudonymised with a key kept in the database (ERASURE_KEY unset)');
  return off;
}
