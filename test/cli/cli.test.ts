import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../src/db/ids.js';
import { apiTokens, telegramLinkCodes } from '../../src/db/schema/index.js';
import { eventually, startTestApp, TEST_ADMIN_TOKEN } from '../support/app.js';
import { runCli } from '../support/cli.js';
import { dropSchema } from '../support/db.js';

describe('sellerdesk CLI against a running app', { timeout: 180_000 }, () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let dataDir: string;
  let env: Record<string, string>;
  let token: string;

  beforeAll(async () => {
    app = await startTestApp({ label: 'cli' });
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'sellerdesk-cli-'));
    env = { SELLERDESK_URL: app.url, ADMIN_TOKEN: TEST_ADMIN_TOKEN, DATA_DIR: dataDir };
  });
  afterAll(async () => {
    await app?.stop();
    if (app) await dropSchema(app.schema);
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function shopOf(shopToken: string): Promise<string> {
    const tokens = await app.api.get('/v1/tokens', shopToken);
    const tokenId = tokens.json.tokens[0].id as string;
    const [row] = await app.database.db.select().from(apiTokens).where(eq(apiTokens.id, tokenId));
    return row!.shopId;
  }

  async function newTicket(messageId: string, text: string) {
    const posted = await app.api.post(
      '/v1/messages',
      {
        messageId,
        orderId: `CLI-${messageId}`,
        buyer: { id: `b-${messageId}` },
        text,
        receivedAt: '2026-11-23T10:00:00Z',
      },
      token,
    );
    expect(posted.status).toBe(202);
    const ticketId: string = posted.json.ticketId;
    await eventually(
      async () => (await app.api.get(`/v1/tickets/${ticketId}`, token)).json.status === 'awaiting_approval',
    );
    return ticketId;
  }

  it('shop create prints the token once, saves it owner-only, and --help works everywhere', async () => {
    const created = await runCli(
      ['shop', 'create', '--name', 'CLI shop', '--default-language', 'pt', '--json'],
      env,
    );
    expect(created.code).toBe(0);
    const json = JSON.parse(created.stdout);
    expect(json.shop.defaultLanguage).toBe('pt');
    expect(json.apiToken).toMatch(/^sd_/);
    expect(json.via).toBe('service');
    token = json.apiToken;
    const mode = statSync(path.join(dataDir, 'cli-credentials.json')).mode & 0o777;
    expect(mode).toBe(0o600);

    for (const args of [
      ['--help'],
      ['tickets', 'list', '--help'],
      ['doctor', '--help'],
      ['demo', '--help'],
    ]) {
      const help = await runCli(args, env, 30_000);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain('Usage: sellerdesk');
    }
  });

  it('shop link-code rotates the Telegram link code through the service', async () => {
    const shopId = await shopOf(token);
    const rotated = await runCli(['shop', 'link-code', '--json'], env);
    expect(rotated.code).toBe(0);
    const json = JSON.parse(rotated.stdout);
    expect(json.via).toBe('service');
    expect(json.telegramLinkCode).toMatch(/^lnk_/);
    const codes = await app.database.db
      .select()
      .from(telegramLinkCodes)
      .where(eq(telegramLinkCodes.shopId, shopId));
    // The code from `shop create` is revoked; only the new one is live.
    expect(codes.filter((c) => !c.revokedAt && !c.usedAt).map((c) => c.codeHash)).toEqual([
      hashToken(json.telegramLinkCode),
    ]);
    expect(codes.filter((c) => c.revokedAt)).toHaveLength(1);
    const text = await runCli(['shop', 'link-code', '--rotate'], env);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/send "\/start lnk_[A-Za-z0-9]+" to your bot/);
    expect(text.stdout).not.toContain(json.telegramLinkCode);
  });

  it('tickets list, show, approve, edit and reject go through the service', async () => {
    const a = await newTicket('c1', 'Onde está o meu pedido? Ainda não chegou');
    const b = await newTicket('c2', 'O produto chegou quebrado');
    const c = await newTicket('c3', 'Quero devolver e receber o reembolso');

    const list = await runCli(['tickets', 'list', '--json'], env);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout).tickets.map((t: { ticketId: string }) => t.ticketId)).toEqual(
      expect.arrayContaining([a, b, c]),
    );

    const show = await runCli(['tickets', 'show', a], env);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain(a);
    expect(show.stdout).toContain('awaiting_approval');

    expect((await runCli(['tickets', 'approve', a, '--by', 'Rita'], env)).code).toBe(0);
    expect(
      (await runCli(['tickets', 'edit', b, '--text', 'Pedimos desculpa! Enviamos outro amanhã.'], env)).code,
    ).toBe(0);
    expect((await runCli(['tickets', 'reject', c], env)).code).toBe(0);

    const again = await runCli(['tickets', 'approve', a], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already_decided');
    expect(again.stderr).toContain('Rita');

    const sent = await eventually(async () => {
      const r = await app.api.get(`/v1/tickets/${b}`, token);
      return r.json.delivery?.state === 'delivered' ? r.json : undefined;
    });
    expect(sent.finalText).toBe('Pedimos desculpa! Enviamos outro amanhã.');
    const rejected = await runCli(['tickets', 'list', '--status', 'rejected', '--json'], env);
    expect(JSON.parse(rejected.stdout).tickets.map((t: { ticketId: string }) => t.ticketId)).toContain(c);
  });

  it('bad input gets a clear message and a non-zero exit', async () => {
    const badStatus = await runCli(['tickets', 'list', '--status', 'nope'], env, 30_000);
    expect(badStatus.code).toBe(1);
    expect(badStatus.stderr).toContain('--status must be one of');
    const badPort = await runCli(['tickets', 'list'], { ...env, PORT: 'abc' }, 30_000);
    expect(badPort.code).toBe(2);
    expect(badPort.stderr).toContain('PORT: must be a port number');
    const doctorBad = await runCli(['doctor'], { ...env, PORT: 'abc' }, 30_000);
    expect(doctorBad.code).toBe(1);
    expect(doctorBad.stdout).toContain('PORT: must be a port number');
    const unknownTicket = await runCli(['tickets', 'show', 'tkt_doesnotexist'], env, 30_000);
    expect(unknownTicket.code).toBe(1);
    expect(unknownTicket.stderr).toContain('ticket_not_found');
  });

  it('doctor reports what is configured and reachable', async () => {
    const doctor = await runCli(
      ['doctor', '--json'],
      { ...env, DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test' },
      30_000,
    );
    expect(doctor.code).toBe(0);
    const report = JSON.parse(doctor.stdout);
    const byName = Object.fromEntries(report.checks.map((c: { check: string }) => [c.check, c]));
    expect(byName.service.message).toContain(app.url);
    expect(byName.database.ok).toBe(true);
    expect(byName.telegram.message).toBe('off');
  });
});
