import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/temporal/dev-server.js';
import { runCli } from '../support/cli.js';
import { consoleClient } from '../support/console.js';

describe('sellerdesk demo on a fresh data dir', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sellerdesk-demo-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('runs to completion with no configuration and leaves the tickets for `tickets list`', async () => {
    const env = {
      DATA_DIR: dataDir,
      PORT: String(await freePort()),
      TEMPORAL_DEV_PORT: String(await freePort()),
      TEMPORAL_UI_PORT: '0',
    };
    // `--serve` keeps the service it started up for the seller console until Ctrl+C: the printed
    // link signs in and the dashboard shows the demo's tickets.
    let seen: Promise<{ dashboard: { funnel: { received: number; approved: number } } }> | undefined;
    const demo = await runCli(['demo', '--serve'], env, 240_000, (stdout, interrupt) => {
      const link = /Seller console: (\S+)/.exec(stdout)?.[1];
      if (seen || !link || !/Ctrl\+C/.test(stdout)) return;
      seen = (async () => {
        const client = consoleClient(new URL(link).origin);
        const { posted } = await client.signIn(link);
        expect(posted.status).toBe(303);
        const dashboard = await client.get('/console');
        expect(dashboard.status).toBe(200);
        return JSON.parse((await client.get('/console/api/dashboard')).text);
      })().finally(interrupt);
    });
    const figures = await seen;
    expect(figures?.dashboard.funnel.received).toBe(15);
    expect(figures?.dashboard.funnel.approved).toBe(1);
    expect(demo.stderr).not.toMatch(/sellerdesk: /);
    expect(demo.code).toBe(0);
    expect(demo.stdout).toContain('Sent 14 buyer messages');
    const tableLines = demo.stdout.split('\n').filter((l) => /^\d+\s+(en|es|fr|ru|pt)\s+\w+/.test(l));
    expect(tableLines).toHaveLength(14);
    expect(new Set(tableLines.map((l) => l.split(/\s+/)[1]))).toEqual(
      new Set(['en', 'es', 'fr', 'ru', 'pt']),
    );
    expect(demo.stdout).toMatch(/delivered → log\s+tkt_\w+:1/);
    expect(demo.stdout).toMatch(/delivered → log\s+tkt_\w+:2/);
    expect(demo.stdout).toContain('already_decided');
    // The stalled parcel: detected, one coupon, a localized apology waiting for approval.
    expect(demo.stdout).toMatch(
      /state stalled \(first_mile\).*stall_detected, coupon_granted, apology_opened/,
    );
    expect(demo.stdout).toMatch(/coupon SD-\w+: \d+(\.\d+)? USD/);
    expect(demo.stdout).toMatch(/apology ticket tkt_\w+ \(fr\)/);
    expect(demo.stdout).toMatch(/Listing check of DEMO-\w+-SPEAKER .*: [1-9]\d* findings/);

    const list = await runCli(['tickets', 'list', '--json'], { DATA_DIR: dataDir, PORT: env.PORT }, 60_000);
    expect(list.code).toBe(0);
    const tickets = JSON.parse(list.stdout).tickets as Array<{ status: string }>;
    expect(tickets).toHaveLength(15); // 14 buyer messages and the stall apology
    expect(tickets.filter((t) => t.status === 'sent')).toHaveLength(2);
    expect(tickets.filter((t) => t.status === 'rejected')).toHaveLength(1);
  }, 300_000);
});
