import { beforeAll, describe, expect, it } from 'vitest';
import { eventually, TEST_ADMIN_TOKEN } from '../support/app.js';
import { createTestShop, useE2eWorld } from '../support/e2e.js';

const METRICS_TOKEN = 'metrics-scrape-token-0123';

describe('small holes: token scopes, /metrics, control token, decision actor, quota refunds', () => {
  const world = useE2eWorld({ label: 'holes', env: { METRICS_TOKEN } });
  let shop: { id: string; token: string };

  beforeAll(async () => {
    shop = await createTestShop(world.app, { name: 'Holes' });
  });

  it('a token cannot revoke a token holding scopes it lacks', async () => {
    const manager = await world.api.post(
      '/v1/tokens',
      { name: 'manager', scopes: ['tokens:write'] },
      shop.token,
    );
    const reader = await world.api.post(
      '/v1/tokens',
      { name: 'reader', scopes: ['tokens:write', 'tickets:read'] },
      shop.token,
    );
    const tokens = (await world.api.get('/v1/tokens', shop.token)).json.tokens as Array<{
      id: string;
      name: string;
    }>;
    const adminIssued = tokens.find((t) => t.name === 'admin-issued')!;

    const up = await world.api.call('DELETE', `/v1/tokens/${adminIssued.id}`, { token: manager.json.token });
    expect(up.status).toBe(403);
    expect(up.json.error.code).toBe('forbidden');
    expect(up.json.error.details.missing).toContain('settings:write');
    const sideways = await world.api.call('DELETE', `/v1/tokens/${reader.json.id}`, {
      token: manager.json.token,
    });
    expect(sideways.status).toBe(403);
    // And it cannot create one either (unchanged rule).
    const mint = await world.api.post(
      '/v1/tokens',
      { scopes: ['tokens:write', 'audit:read'] },
      manager.json.token,
    );
    expect(mint.status).toBe(403);
    // The admin-issued token still works; a token with a subset of the scopes can be revoked.
    expect((await world.api.get('/v1/usage', shop.token)).status).toBe(200);
    const peer = await world.api.post('/v1/tokens', { scopes: ['tokens:write'] }, shop.token);
    expect(
      (await world.api.call('DELETE', `/v1/tokens/${peer.json.id}`, { token: manager.json.token })).status,
    ).toBe(204);
    expect(
      (await world.api.call('DELETE', `/v1/tokens/${manager.json.id}`, { token: shop.token })).status,
    ).toBe(204);
  });

  it('/metrics needs METRICS_TOKEN when it is set', async () => {
    const open = await world.api.get('/metrics');
    expect(open.status).toBe(401);
    expect(open.json.error.code).toBe('unauthorized');
    expect((await world.api.get('/metrics', 'wrong-token-wrong-token')).status).toBe(401);
    expect((await world.api.get('/metrics', shop.token)).status).toBe(401);
    const scraped = await world.api.get('/metrics', METRICS_TOKEN);
    expect(scraped.status).toBe(200);
    expect(scraped.text).toContain('# TYPE');
  });

  it('the local control token works from loopback only', async () => {
    const body = { name: 'Via control', defaultLanguage: 'en', plan: 'free' };
    const local = await world.api.post('/v1/admin/shops', body, world.app.controlToken);
    expect(local.status).toBe(201);
    const remote = await world.app.server!.inject({
      method: 'POST',
      url: '/v1/admin/shops',
      remoteAddress: '203.0.113.7',
      headers: { authorization: `Bearer ${world.app.controlToken}`, 'content-type': 'application/json' },
      payload: JSON.stringify(body),
    });
    expect(remote.statusCode).toBe(403);
    expect(remote.json().error.code).toBe('control_token_not_local');
    const mapped = await world.app.server!.inject({
      method: 'POST',
      url: '/v1/admin/shops',
      remoteAddress: '::ffff:127.0.0.1',
      headers: { authorization: `Bearer ${world.app.controlToken}`, 'content-type': 'application/json' },
      payload: JSON.stringify(body),
    });
    expect(mapped.statusCode).toBe(201);
    // ADMIN_TOKEN is for remote callers and keeps working from anywhere.
    const admin = await world.app.server!.inject({
      method: 'POST',
      url: '/v1/admin/shops',
      remoteAddress: '203.0.113.7',
      headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'application/json' },
      payload: JSON.stringify(body),
    });
    expect(admin.statusCode).toBe(201);
  });

  it('the API decision `by` is a note: the audit actor is the token', async () => {
    const posted = await world.api.post(
      '/v1/messages',
      {
        messageId: 'h-1',
        orderId: 'H-1',
        buyer: { id: 'b1' },
        text: 'My parcel never arrived',
        receivedAt: '2026-12-01T10:00:00Z',
      },
      shop.token,
    );
    const ticketId = posted.json.ticketId as string;
    await eventually(
      async () =>
        (await world.api.get(`/v1/tickets/${ticketId}`, shop.token)).json.status === 'awaiting_approval',
    );
    const decider = await world.api.post(
      '/v1/tokens',
      { name: 'crm', scopes: ['tickets:write'] },
      shop.token,
    );
    const decided = await world.api.call('POST', `/v1/tickets/${ticketId}/decision`, {
      token: decider.json.token,
      body: { action: 'reject', by: 'telegram:5001 (the owner)' },
    });
    expect(decided.status).toBe(200);
    const entry = await eventually(
      async () =>
        (await world.api.get(`/v1/audit?kind=decision&ticketId=${ticketId}`, shop.token)).json.entries[0],
    );
    expect(entry.actor).toEqual({ channel: 'api', id: decider.json.id });
    expect(entry.details.by).toBe('telegram:5001 (the owner)');
  });

  it('calls refused for quota are taken back from the day and the month alike', async () => {
    const limited = await world.api.post(
      '/v1/admin/shops',
      { name: 'Quota', defaultLanguage: 'en', plan: 'free' },
      TEST_ADMIN_TOKEN,
    );
    const token = limited.json.apiToken as string;
    const id = limited.json.shop.id as string;
    const patch = (dailyApiLimit: number) =>
      world.api.call('PATCH', `/v1/admin/shops/${id}`, { token: TEST_ADMIN_TOKEN, body: { dailyApiLimit } });
    expect((await patch(3)).status).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await world.api.get('/v1/tickets', token)).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429, 429, 429]);
    await patch(100);
    const usage = (await world.api.get('/v1/usage', token)).json;
    // Three served calls and this one; none of the four refusals in either counter.
    expect(usage.today.calls).toBe(4);
    expect(usage.month.apiCalls).toBe(4);
  });
});
