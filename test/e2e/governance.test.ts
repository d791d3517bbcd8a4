import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/db/ids.js';
import { decisions, tickets } from '../../src/db/schema/index.js';
import { eventually, TEST_ADMIN_TOKEN } from '../support/app.js';
import { createTestShop, useE2eWorld, waitForTicket } from '../support/e2e.js';

describe('tokens, audit, quota, erasure, auto-send trust and diagnostics', () => {
  const world = useE2eWorld({ label: 'gov' });
  let token: string;
  let shopId: string;
  let n = 0;

  const message = (text: string, extra: Record<string, unknown> = {}) => {
    n++;
    return {
      messageId: `g-${n}`,
      orderId: `G-${n}`,
      buyer: { id: `buyer-g-${n}`, name: 'Carla Souza', locale: 'pt-BR' },
      text,
      receivedAt: '2026-11-23T10:00:00Z',
      ...extra,
    };
  };
  const waitStatus = (ticketId: string, statuses: string[]) =>
    waitForTicket(world.app, token, ticketId, statuses);

  beforeAll(async () => {
    ({ token, id: shopId } = await createTestShop(world.app, { name: 'Gov', defaultLanguage: 'pt' }));
  });

  it('least-privilege tokens: subset scopes, shown once, listed without secrets, 403 and revoke -> 401', async () => {
    const created = await world.api.post(
      '/v1/tokens',
      { name: 'ingest only', scopes: ['messages:write'] },
      token,
    );
    expect(created.status).toBe(201);
    expect(created.json.token).toMatch(/^sd_/);
    const ingest = created.json.token as string;
    const list = await world.api.get('/v1/tokens', token);
    expect(JSON.stringify(list.json)).not.toContain(ingest);
    expect(list.json.tokens.map((t: { id: string }) => t.id)).toContain(created.json.id);

    expect((await world.api.post('/v1/messages', message('Olá, onde está meu pedido?'), ingest)).status).toBe(
      202,
    );
    const forbidden = await world.api.get('/v1/tickets', ingest);
    expect(forbidden.status).toBe(403);
    expect(forbidden.json.error.code).toBe('forbidden');
    // A token cannot mint scopes it lacks.
    const escalate = await world.api.post('/v1/tokens', { scopes: ['messages:write'] }, ingest);
    expect(escalate.status).toBe(403);

    const revoked = await world.api.call('DELETE', `/v1/tokens/${created.json.id}`, { token });
    expect(revoked.status).toBe(204);
    expect((await world.api.post('/v1/messages', message('oi'), ingest)).status).toBe(401);
  });

  it('the audit log records decisions, sends, tokens and plan changes, newest first', async () => {
    const posted = await world.api.post('/v1/messages', message('Meu pedido não chegou ainda'), token);
    const ticketId = posted.json.ticketId;
    await waitStatus(ticketId, ['awaiting_approval']);
    await world.api.call('POST', `/v1/tickets/${ticketId}/decision`, {
      token,
      body: { action: 'approve', by: 'Rui' },
    });
    await eventually(
      async () =>
        (await world.api.get(`/v1/tickets/${ticketId}`, token)).json.delivery?.state === 'delivered',
    );
    const plan = await world.api.call('PATCH', `/v1/admin/shops/${shopId}`, {
      token: TEST_ADMIN_TOKEN,
      body: { plan: 'auto' },
    });
    expect(plan.status).toBe(200);
    const audit = await world.api.get('/v1/audit', token);
    const kinds = audit.json.entries.map((e: { kind: string }) => e.kind);
    for (const kind of ['decision', 'reply_sent', 'token_created', 'token_revoked', 'plan_changed'])
      expect(kinds).toContain(kind);
    expect(audit.json.entries[0].kind).toBe('plan_changed');
    const forTicket = await world.api.get(`/v1/audit?ticketId=${ticketId}&kind=decision`, token);
    expect(forTicket.json.entries).toHaveLength(1);
    expect(forTicket.json.entries[0].actor.channel).toBe('api');
    expect((await world.api.get('/v1/audit?kind=DROP%20TABLE', token)).status).toBe(400);
    await world.api.call('PATCH', `/v1/admin/shops/${shopId}`, {
      token: TEST_ADMIN_TOKEN,
      body: { plan: 'free' },
    });
  });

  it('auto-send unlocks after 20 unchanged approvals of a category and language, and pauses instantly', async () => {
    await world.api.call('PATCH', `/v1/admin/shops/${shopId}`, {
      token: TEST_ADMIN_TOKEN,
      body: { plan: 'auto' },
    });
    await world.api.call('PUT', '/v1/settings', {
      token,
      body: { autoSend: { categories: ['not_received'], minConfidence: 0.5 } },
    });
    const first = await world.api.post(
      '/v1/messages',
      message('Meu pedido ainda não chegou, já faz um mês'),
      token,
    );
    const blocked = await eventually(async () => {
      const r = await world.api.get(`/v1/tickets/${first.json.ticketId}`, token);
      return r.json.autoSendRule ? r.json : undefined;
    });
    expect(blocked.category).toBe('not_received');
    expect(blocked.autoSendRule).toMatch(/^trust_not_earned/);
    await world.api.call('POST', `/v1/tickets/${first.json.ticketId}/decision`, {
      token,
      body: { action: 'reject' },
    });

    // Seed a history of 20 unchanged approvals for (not_received, pt).
    for (let i = 0; i < 20; i++) {
      const id = newId('tkt');
      await world.app.database.db.insert(tickets).values({
        id,
        shopId,
        orderId: `H-${i}`,
        buyerId: `h-${i}`,
        status: 'sent',
        language: 'pt',
        category: 'not_received',
      });
      await world.app.database.db.insert(decisions).values({
        ticketId: id,
        action: 'approve',
        revision: 1,
        actorChannel: 'telegram',
        actorId: '1',
        decidedAt: new Date(Date.now() - 60_000 + i),
      });
    }
    const second = await world.api.post('/v1/messages', message('Não recebi meu pedido, onde está?'), token);
    const checked = await eventually(async () => {
      const r = await world.api.get(`/v1/tickets/${second.json.ticketId}`, token);
      return r.json.autoSendRule ? r.json : undefined;
    });
    expect(checked.autoSendRule).toMatch(/^trust_earned/);
    const sent = await waitStatus(second.json.ticketId, ['auto_sent']);
    expect(sent.decidedByActor.channel).toBe('system');
    const usage = await eventually(async () => {
      const u = await world.api.get('/v1/usage', token);
      return u.json.month.autoSentReplies === 1 ? u.json : undefined;
    });
    expect(usage.today.limit).toBe(10_000);

    expect((await world.api.post('/v1/auto-send/pause', {}, token)).json).toEqual({ autoSendPaused: true });
    const third = await world.api.post('/v1/messages', message('Cadê meu pedido? Não chegou'), token);
    const paused = await eventually(async () => {
      const r = await world.api.get(`/v1/tickets/${third.json.ticketId}`, token);
      return r.json.autoSendRule ? r.json : undefined;
    });
    expect(paused.status).toBe('awaiting_approval');
    expect(paused.autoSendRule).toBe('auto_send_paused');
    await world.api.post('/v1/auto-send/resume', {}, token);
    await world.api.call('PATCH', `/v1/admin/shops/${shopId}`, {
      token: TEST_ADMIN_TOKEN,
      body: { plan: 'free' },
    });
  });

  it('erasing a buyer leaves no text of theirs behind, keeps the counts and audits it', async () => {
    const body = {
      ...message('Meu endereço é Rua Augusta 100 e o pedido veio quebrado'),
      buyer: { id: 'erase-me', name: 'Ana Lima' },
    };
    const posted = await world.api.post('/v1/messages', body, token);
    await waitStatus(posted.json.ticketId, ['awaiting_approval', 'auto_sent']);
    const before = await world.app.database.db.execute(
      sql`select count(*)::int as n from tickets where shop_id = ${shopId}`,
    );
    const erased = await world.api.call('DELETE', '/v1/buyers/erase-me', { token });
    expect(erased.status).toBe(200);
    expect(erased.json.erased.tickets).toBe(1);
    const rows = await world.app.database.db.execute(
      sql`select m.text as text from buyer_messages m join tickets t on t.id = m.ticket_id where t.id = ${posted.json.ticketId}
          union all select d.text from drafts d where d.ticket_id = ${posted.json.ticketId}
          union all select coalesce(buyer_name, '') || coalesce(final_text, '') || buyer_id from tickets where id = ${posted.json.ticketId}`,
    );
    const texts = (rows as unknown as { rows: Array<{ text: string }> }).rows.map((r) => r.text).join(' | ');
    expect(texts).not.toMatch(/Augusta|quebrado|Ana|erase-me/);
    const after = await world.app.database.db.execute(
      sql`select count(*)::int as n from tickets where shop_id = ${shopId}`,
    );
    expect((after as unknown as { rows: unknown[] }).rows).toEqual(
      (before as unknown as { rows: unknown[] }).rows,
    );
    const audit = await world.api.get('/v1/audit?kind=buyer_erased', token);
    expect(audit.json.entries).toHaveLength(1);
  });

  it('daily quota: 429 with Retry-After, usage shows it, and a higher limit lifts it', async () => {
    const usage = await world.api.get('/v1/usage', token);
    const used = usage.json.today.calls as number;
    await world.api.call('PATCH', `/v1/admin/shops/${shopId}`, {
      token: TEST_ADMIN_TOKEN,
      body: { dailyApiLimit: used + 2 },
    });
    expect((await world.api.get('/v1/tickets', token)).status).toBe(200);
    expect((await world.api.get('/v1/tickets', token)).status).toBe(200);
    const limited = await world.api.get('/v1/tickets', token);
    expect(limited.status).toBe(429);
    expect(limited.json.error.code).toBe('quota_exceeded');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    await world.api.call('PATCH', `/v1/admin/shops/${shopId}`, {
      token: TEST_ADMIN_TOKEN,
      body: { dailyApiLimit: null },
    });
    expect((await world.api.get('/v1/tickets', token)).status).toBe(200);
  });

  it('diagnostics name each problem with a fix', async () => {
    const diag = await world.api.get('/v1/diagnostics', token);
    expect(diag.status).toBe(200);
    const byName = Object.fromEntries(diag.json.checks.map((c: { check: string }) => [c.check, c]));
    expect(byName.temporal.ok).toBe(true);
    expect(byName.telegram).toMatchObject({ ok: false, fix: expect.stringContaining('TELEGRAM_BOT_TOKEN') });
    expect(byName.quota.message).toMatch(/API calls used today/);
  });
});
