import { z } from 'zod';
import { outboundUrlProblem } from './delivery/outbound-url.js';

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

const positiveInt = <F extends number | undefined>(fallback: F, max = 1_000_000) =>
  z
    .string()
    .optional()
    .transform((v, ctx): number | F => {
      if (v === undefined || v.trim() === '') return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > max) {
        ctx.addIssue({ code: 'custom', message: `must be a whole number 1-${max}, got "${v}"` });
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
    /**
     * `on`: a statement run before goes to PostgreSQL as a named prepared statement (parsed and
     * planned once per connection). `off` for a pooler that cannot keep prepared statements
     * (PgBouncer in transaction mode before 1.21).
     */
    DATABASE_PREPARED_STATEMENTS: z
      .enum(['on', 'off'])
      .optional()
      .transform((v) => v ?? 'on'),
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
    OUTBOUND_URL: optionalString.superRefine((v, ctx) => {
      const problem = v === undefined ? undefined : outboundUrlProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
    /** Hours a Telegram link code stays valid (single use either way). */
    TELEGRAM_LINK_CODE_TTL_HOURS: optionalString.transform((v, ctx) => {
      if (v === undefined) return 24;
      const n = Number(v);
      if (!Number.isFinite(n) || n < 1 / 60 || n > 24 * 30) {
        ctx.addIssue({ code: 'custom', message: `must be a number of hours from 1/60 to 720, got "${v}"` });
        return z.NEVER;
      }
      return n;
    }),
    /** Bearer token for `GET /metrics`; unset: /metrics is open. */
    METRICS_TOKEN: optionalString.superRefine((v, ctx) => {
      if (v !== undefined && v.length < 16) {
        ctx.addIssue({ code: 'custom', message: 'must be at least 16 characters' });
      }
    }),
    SLACK_CLIENT_ID: optionalString.superRefine((v, ctx) => {
      if (v !== undefined && !/^\d+\.\d+$/.test(v)) {
        ctx.addIssue({
          code: 'custom',
          message: 'must look like "1234567890.1234567890" (Basic Information of the Slack app)',
        });
      }
    }),
    SLACK_CLIENT_SECRET: optionalString,
    SLACK_STATE_SECRET: optionalString.superRefine((v, ctx) => {
      if (v !== undefined && v.length < 32) {
        ctx.addIssue({
          code: 'custom',
          message: 'must be at least 32 characters (it signs OAuth state and encrypts bot tokens)',
        });
      }
    }),
    OUTBOUND_SECRET: optionalString,
    /** Stored messages waiting for Temporal before `POST /v1/messages` answers 503. */
    INTAKE_BACKLOG_LIMIT: positiveInt(10_000),
    /** `off`: this process does not drain the intake outbox (another one does). */
    INTAKE_DRAINER: z
      .enum(['on', 'off'])
      .optional()
      .transform((v) => v ?? 'on'),
    /** Temporal calls in flight at once from this process's drainer. */
    INTAKE_DRAIN_CONCURRENCY: positiveInt(8, 1000),
    /**
     * Tickets started and not drafted yet, across all processes, before the drainer waits. Small on
     * purpose: a worker drafts a ticket in ~0.2 s, so 16 keep it busy, and every ticket admitted
     * beyond that only queues inside the worker ahead of other shops' messages (bench: quiet shops'
     * card p99 beside a 40 msg/s shop 4.2 s at 64, 0.93 s at 16).
     */
    INTAKE_WINDOW: positiveInt(16, 100_000),
    /** Worker knobs (unset: the Temporal SDK default). */
    WORKER_MAX_CACHED_WORKFLOWS: positiveInt(undefined),
    WORKER_WORKFLOW_TASK_SLOTS: positiveInt(undefined, 10_000),
    WORKER_ACTIVITY_SLOTS: positiveInt(undefined, 10_000),
    WORKER_LOCAL_ACTIVITY_SLOTS: positiveInt(undefined, 10_000),
    WORKER_WORKFLOW_POLLERS: positiveInt(undefined, 1000),
    WORKER_ACTIVITY_POLLERS: positiveInt(undefined, 1000),
    /**
     * `on`: the SDK records a source-mapped stack for every promise a workflow creates, which
     * `temporal workflow stack` and the UI's stack trace tab read. It is the largest single cost of a
     * ticket in the worker (replaying one ticket: 10 of 26 ms of CPU), so it is off unless debugging.
     */
    WORKER_STACK_TRACES: z
      .enum(['on', 'off'])
      .optional()
      .transform((v) => v ?? 'off'),
    /**
     * How long one call into a workflow may run before the SDK fails the task as a deadlock (an
     * endless loop in workflow code). Each call then starts a watchdog thread (about 5 ms of CPU per
     * ticket); `0` turns the watchdog off.
     */
    WORKER_DEADLOCK_TIMEOUT_MS: z
      .string()
      .optional()
      .transform((v, ctx): number => {
        if (v === undefined || v.trim() === '') return 5000;
        const n = Number(v);
        if (!Number.isInteger(n) || n < 0 || n > 600_000) {
          ctx.addIssue({ code: 'custom', message: `must be a whole number 0-600000 (0: off), got "${v}"` });
          return z.NEVER;
        }
        return n;
      }),
    /** `sellerdesk worker` only: lower CPU priority (nice 1-19) so a co-located API answers first. */
    WORKER_NICENESS: positiveInt(undefined, 19),
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
    /** `json`, `pretty` (coloured, one line), or `auto`: pretty when stdout is a terminal, else JSON. */
    LOG_FORMAT: z
      .enum(['auto', 'json', 'pretty'])
      .optional()
      .transform((v) => v ?? 'auto'),
  })
  .superRefine((env, ctx) => {
    if (env.OUTBOUND_URL && !env.OUTBOUND_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['OUTBOUND_SECRET'],
        message: 'is required when OUTBOUND_URL is set',
      });
    }
    // Per-shop workspaces over OAuth: the three variables together, with a signing secret (events
    // over HTTP) and PUBLIC_URL (Slack sends the browser back to PUBLIC_URL/slack/oauth_redirect).
    const oauth = [env.SLACK_CLIENT_ID, env.SLACK_CLIENT_SECRET, env.SLACK_STATE_SECRET];
    if (oauth.some(Boolean)) {
      const names = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;
      for (const [i, name] of names.entries()) {
        if (!oauth[i]) {
          ctx.addIssue({
            code: 'custom',
            path: [name],
            message:
              'SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET are set together (per-shop Slack installs)',
          });
        }
      }
      if (!env.SLACK_SIGNING_SECRET) {
        ctx.addIssue({
          code: 'custom',
          path: ['SLACK_SIGNING_SECRET'],
          message: 'is required with SLACK_CLIENT_ID (per-shop Slack installs receive events over HTTP)',
        });
      }
      if (env.SLACK_APP_TOKEN) {
        ctx.addIssue({
          code: 'custom',
          path: ['SLACK_APP_TOKEN'],
          message: 'Socket Mode serves one workspace; unset it to use SLACK_CLIENT_ID (per-shop installs)',
        });
      }
      if (!env.PUBLIC_URL) {
        ctx.addIssue({
          code: 'custom',
          path: ['PUBLIC_URL'],
          message:
            'is required with SLACK_CLIENT_ID (the OAuth redirect URL is PUBLIC_URL/slack/oauth_redirect)',
        });
      }
    }
    // Socket Mode (SLACK_APP_TOKEN) needs no signing secret: Slack talks over the app's own socket.
    if (env.SLACK_APP_TOKEN && !env.SLACK_BOT_TOKEN) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_BOT_TOKEN'],
        message: 'is required when SLACK_APP_TOKEN is set (Socket Mode)',
      });
    } else if (
      !env.SLACK_APP_TOKEN &&
      Boolean(env.SLACK_BOT_TOKEN) !== Boolean(env.SLACK_SIGNING_SECRET) &&
      !(env.SLACK_CLIENT_ID && env.SLACK_SIGNING_SECRET)
    ) {
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
  if (!config.SLACK_BOT_TOKEN && !config.SLACK_CLIENT_ID)
    off.push('Slack off (SLACK_BOT_TOKEN and SLACK_CLIENT_ID unset)');
  else if (config.SLACK_BOT_TOKEN && !config.SLACK_SUPPORT_CHANNEL)
    off.push('Slack escalations of the environment workspace not posted (SLACK_SUPPORT_CHANNEL unset)');
  if (config.SLACK_BOT_TOKEN && !config.SLACK_CLIENT_ID)
    off.push(
      'per-shop Slack installs off (SLACK_CLIENT_ID unset); shops opt in to the SLACK_BOT_TOKEN workspace',
    );
  if (!config.OUTBOUND_URL)
    off.push('outbound delivery to the log outbox unless a shop sets its own (OUTBOUND_URL unset)');
  if (!config.METRICS_TOKEN)
    off.push('/metrics is open to anyone who can reach the API (METRICS_TOKEN unset)');
  if (!config.ERASURE_KEY)
    off.push('erased buyers are pseudonymised with a key kept in the database (ERASURE_KEY unset)');
  return off;
}
