import { describe, expect, it } from 'vitest';
import { ConfigError, describeDisabledIntegrations, loadConfig } from '../src/config.js';
import { databaseOptions } from '../src/db/client.js';

function configError(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).lines;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig (docs/OPERATIONS.md)', () => {
  it('runs on embedded defaults with no environment at all', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      HOST: '127.0.0.1',
      PORT: 3000,
      DATA_DIR: '.data',
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_TASK_QUEUE: 'sellerdesk',
      TEMPORAL_DEV_PORT: 7233,
      TEMPORAL_UI_PORT: 8233,
      TELEGRAM_API_ROOT: 'https://api.telegram.org',
      SLACK_API_URL: 'https://slack.com/api/',
    });
    expect(config.DATABASE_URL).toBeUndefined(); // embedded PGlite
    expect(config.TEMPORAL_ADDRESS).toBeUndefined(); // embedded dev server
    // Every optional integration says once that it is off.
    const off = describeDisabledIntegrations(config).join('\n');
    for (const name of [
      'ADMIN_TOKEN',
      'TELEGRAM_BOT_TOKEN',
      'SLACK_BOT_TOKEN',
      'OUTBOUND_URL',
      'ERASURE_KEY',
    ])
      expect(off).toContain(name);
  });

  it('names each bad variable on its own line', () => {
    const lines = configError({
      PORT: 'eighty',
      DATABASE_URL: 'mysql://db',
      TEMPORAL_ADDRESS: 'temporal.internal',
      ADMIN_TOKEN: 'short',
      TELEGRAM_BOT_TOKEN: 'not-a-token',
      TELEGRAM_WEBHOOK_SECRET: 'has spaces',
      OUTBOUND_URL: 'ftp://x',
    });
    for (const name of [
      'PORT',
      'DATABASE_URL',
      'TEMPORAL_ADDRESS',
      'ADMIN_TOKEN',
      'TELEGRAM_BOT_TOKEN',
      'TELEGRAM_WEBHOOK_SECRET',
      'OUTBOUND_URL',
    ]) {
      expect(
        lines.filter((l) => l.startsWith(`${name}:`)),
        name,
      ).toHaveLength(1);
    }
    expect(lines.join('\n')).not.toContain('short'); // the bad secret's value is not echoed
  });

  it('takes the intake and worker knobs, with defaults, and names a bad one', () => {
    expect(loadConfig({})).toMatchObject({
      INTAKE_BACKLOG_LIMIT: 10_000,
      INTAKE_DRAINER: 'on',
      INTAKE_DRAIN_CONCURRENCY: 8,
      INTAKE_WINDOW: 16,
    });
    expect(loadConfig({}).WORKER_MAX_CACHED_WORKFLOWS).toBeUndefined();
    expect(
      loadConfig({ WORKER_MAX_CACHED_WORKFLOWS: '1000', INTAKE_DRAINER: 'off', INTAKE_BACKLOG_LIMIT: '50' }),
    ).toMatchObject({ WORKER_MAX_CACHED_WORKFLOWS: 1000, INTAKE_DRAINER: 'off', INTAKE_BACKLOG_LIMIT: 50 });
    expect(configError({ INTAKE_BACKLOG_LIMIT: '0', WORKER_WORKFLOW_POLLERS: 'many' })).toEqual([
      'INTAKE_BACKLOG_LIMIT: must be a whole number 1-1000000, got "0"',
      'WORKER_WORKFLOW_POLLERS: must be a whole number 1-1000, got "many"',
    ]);
    expect(loadConfig({ WORKER_NICENESS: '10' }).WORKER_NICENESS).toBe(10);
    expect(loadConfig({})).toMatchObject({ WORKER_STACK_TRACES: 'off', WORKER_DEADLOCK_TIMEOUT_MS: 5000 });
    expect(loadConfig({ WORKER_STACK_TRACES: 'on', WORKER_DEADLOCK_TIMEOUT_MS: '0' })).toMatchObject({
      WORKER_STACK_TRACES: 'on',
      WORKER_DEADLOCK_TIMEOUT_MS: 0,
    });
    expect(configError({ WORKER_DEADLOCK_TIMEOUT_MS: '-1', WORKER_STACK_TRACES: 'yes' })).toEqual([
      'WORKER_STACK_TRACES: Invalid option: expected one of "on"|"off"',
      'WORKER_DEADLOCK_TIMEOUT_MS: must be a whole number 0-600000 (0: off), got "-1"',
    ]);
    expect(configError({ WORKER_NICENESS: '20' })).toEqual([
      'WORKER_NICENESS: must be a whole number 1-19, got "20"',
    ]);
  });

  it('sends repeated statements as prepared statements unless turned off for a pooler', () => {
    const dataDir = { DATA_DIR: '/srv/sd', DATABASE_URL: 'postgres://db/sd' };
    expect(databaseOptions(loadConfig(dataDir))).toEqual({
      databaseUrl: 'postgres://db/sd',
      dataDir: '/srv/sd',
      preparedStatements: true,
    });
    expect(
      databaseOptions(loadConfig({ ...dataDir, DATABASE_PREPARED_STATEMENTS: 'off' })).preparedStatements,
    ).toBe(false);
    expect(configError({ DATABASE_PREPARED_STATEMENTS: 'no' })).toEqual([
      'DATABASE_PREPARED_STATEMENTS: Invalid option: expected one of "on"|"off"',
    ]);
  });

  it('takes an ERASURE_KEY of 32+ characters (never echoed) and earlier keys for rotation', () => {
    const lines = configError({ ERASURE_KEY: 'too-short-key' });
    expect(lines).toEqual([expect.stringMatching(/^ERASURE_KEY: must be at least 32 characters/)]);
    expect(lines.join('\n')).not.toContain('too-short-key');
    const config = loadConfig({ ERASURE_KEY: 'k'.repeat(64), ERASURE_KEY_PREVIOUS: ' a , b ,' });
    expect(config.ERASURE_KEY).toBe('k'.repeat(64));
    expect(config.ERASURE_KEY_PREVIOUS).toEqual(['a', 'b']);
    expect(loadConfig({}).ERASURE_KEY_PREVIOUS).toEqual([]);
  });

  it('requires the pairs that only work together', () => {
    expect(configError({ OUTBOUND_URL: 'https://market.example/replies' })).toEqual([
      'OUTBOUND_SECRET: is required when OUTBOUND_URL is set',
    ]);
    expect(configError({ SLACK_BOT_TOKEN: 'xoxb-1' })[0]).toMatch(/^SLACK_SIGNING_SECRET: /);
    expect(configError({ SLACK_SIGNING_SECRET: 's' })[0]).toMatch(/^SLACK_BOT_TOKEN: /);
  });

  it('takes per-shop Slack installs: client id, secret and state secret together, with signing secret and PUBLIC_URL', () => {
    const oauth = {
      SLACK_CLIENT_ID: '123.456',
      SLACK_CLIENT_SECRET: 'client-secret',
      SLACK_STATE_SECRET: 'state-secret-0123456789abcdef-0123456789',
      SLACK_SIGNING_SECRET: 'signing',
      PUBLIC_URL: 'https://desk.example',
    };
    const config = loadConfig(oauth);
    expect(config.SLACK_CLIENT_ID).toBe('123.456');
    expect(config.SLACK_BOT_TOKEN).toBeUndefined();
    expect(describeDisabledIntegrations(config).join('\n')).not.toContain('Slack off');
    expect(configError({ ...oauth, SLACK_CLIENT_SECRET: '' })).toEqual([
      'SLACK_CLIENT_SECRET: SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET are set together (per-shop Slack installs)',
    ]);
    expect(configError({ ...oauth, SLACK_STATE_SECRET: 'short' })[0]).toMatch(
      /^SLACK_STATE_SECRET: must be at least 32/,
    );
    expect(configError({ ...oauth, PUBLIC_URL: '' })[0]).toMatch(
      /^PUBLIC_URL: is required with SLACK_CLIENT_ID/,
    );
    expect(configError({ ...oauth, SLACK_SIGNING_SECRET: '' })[0]).toMatch(
      /^SLACK_SIGNING_SECRET: is required/,
    );
    expect(configError({ ...oauth, SLACK_CLIENT_ID: 'abc' })[0]).toMatch(/^SLACK_CLIENT_ID: must look like/);
  });

  it('takes Socket Mode (SLACK_APP_TOKEN) instead of a signing secret', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1-A-1' });
    expect(config.SLACK_APP_TOKEN).toBe('xapp-1-A-1');
    expect(configError({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xoxb-wrong' })[0]).toMatch(
      /^SLACK_APP_TOKEN: must be an app-level token/,
    );
    expect(configError({ SLACK_APP_TOKEN: 'xapp-1-A-1' })).toEqual([
      'SLACK_BOT_TOKEN: is required when SLACK_APP_TOKEN is set (Socket Mode)',
    ]);
  });
});
