import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/app.js';
import { askConsoleInTelegram, consoleClient, linkIn } from '../support/console.js';
import {
  createTestShop,
  sendTelegramUpdate,
  type TestShop,
  useE2eWorld,
  waitForTicket,
} from '../support/e2e.js';
import { textUpdate } from '../support/fake-telegram.js';

const OWNER = 7101;
const VIEWER = 7102;
const OTHER_OWNER = 7201;

/** The first page of the dashboard must weigh less than this, gzip-compressed. */
const FIRST_LOAD_BUDGET = 300 * 1024;

describe('seller console', () => {
  const world = useE2eWorld({ label: 'console', telegram: true });
  let shop: TestShop;
  let other: TestShop;
  let ticketId: string;
  let otherTicketId: string;
  let otherValidationId: string;

  const fromUser = (chatId: number, text: string) =>
    textUpdate(chatId, text, {
      from: { id: chatId, is_bot: false, first_name: `U${chatId}`, username: `u${chatId}` },
    });
  const lastReplyTo = (chatId: number) =>
    String(
      world.telegram
        .callsOf('sendMessage')
        .filter((c) => String(c.params.chat_id) === String(chatId))
        .at(-1)?.params.text ?? '',
    );

  async function message(s: TestShop, id: string, text: string): Promise<string> {
    const posted = await world.api.post(
      '/v1/messages',
      {
        messageId: id,
        orderId: `O-${id}`,
        buyer: { id: `b-${id}` },
        text,
        receivedAt: new Date().toISOString(),
      },
      s.token,
    );
    expect(posted.status).toBe(202);
    await waitForTicket(world.app, s.token, posted.json.ticketId, ['awaiting_approval']);
    return posted.json.ticketId;
  }

  beforeAll(async () => {
    shop = await createTestShop(world.app, { name: 'Console shop' });
    other = await createTestShop(world.app, { name: 'Other shop' });
    await sendTelegramUpdate(world.app, fromUser(OWNER, `/start ${shop.linkCode}`));
    await sendTelegramUpdate(world.app, fromUser(OTHER_OWNER, `/start ${other.linkCode}`));
    await world.telegram.waitFor(() => lastReplyTo(OWNER) !== '' && lastReplyTo(OTHER_OWNER) !== '');
    await sendTelegramUpdate(world.app, fromUser(OWNER, '/invite viewer'));
    await world.telegram.waitFor(() => /inv_[A-Za-z0-9]+/.test(lastReplyTo(OWNER)));
    const invite = /inv_[A-Za-z0-9]+/.exec(lastReplyTo(OWNER))![0];
    await sendTelegramUpdate(world.app, fromUser(VIEWER, `/start ${invite}`));
    await world.telegram.waitFor(() => /viewer/.test(lastReplyTo(VIEWER)));
    ticketId = await message(shop, 'c1', 'My parcel never arrived, write to me at ana@example.com please');
    otherTicketId = await message(other, 'o1', 'The lamp arrived broken');
    const validation = await world.api.post(
      '/v1/listings/validate',
      { listingId: 'L-OTHER', title: { en: 'BLUE LAMP' }, description: { en: 'A lamp.' } },
      other.token,
    );
    otherValidationId = validation.json.validationId;
  }, 120_000);

  it('signs in from a /console link sent in a private Telegram chat, once, with a strict cookie', async () => {
    const answer = await askConsoleInTelegram(world, OWNER);
    expect(answer).toMatch(/Console shop \(owner\)/);
    const link = linkIn(answer);
    const sendMessage = world.telegram.callsOf('sendMessage').at(-1)!;
    expect(sendMessage.params.link_preview_options).toEqual({ is_disabled: true });
    const client = consoleClient(world.app.url);
    const { page, posted } = await client.signIn(link);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'; script-src 'self'/);
    expect(page.text).not.toMatch(/<script>|<script(?![^>]*src=)/);
    expect(posted.status).toBe(303);
    expect(posted.headers.get('location')).toBe('/console');
    const cookie = posted.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/console/);
    const dashboard = await client.get('/console');
    expect(dashboard.status).toBe(200);
    expect(dashboard.text).toContain('Console shop');
    expect(dashboard.headers.get('referrer-policy')).toBe('no-referrer');
    // Used once: a second sign-in with the same link opens nothing.
    const again = consoleClient(world.app.url);
    const reused = await again.request('POST', '/console/signin', {
      token: /sdl_[A-Za-z0-9_-]{43}/.exec(link)![0],
    });
    expect(reused.status).toBe(410);
    expect(reused.headers.get('set-cookie')).toBeNull();
  });

  it('gives no link in a group, nor to a stranger; pages need a session', async () => {
    expect(await askConsoleInTelegram(world, OWNER, { id: -9001, type: 'group' })).toMatch(
      /not linked|private chat/,
    );
    const stranger = consoleClient(world.app.url);
    const page = await stranger.get('/console/tickets');
    expect(page.status).toBe(401);
    expect(page.text).toContain('/console');
    const api = await stranger.get('/console/api/dashboard');
    expect(api.status).toBe(401);
    expect(JSON.parse(api.text).error.code).toBe('console_signin_required');
  });

  it('shows the redacted buyer text and decides through the same path as the bots: the card is edited', async () => {
    const client = consoleClient(world.app.url);
    await client.signIn(linkIn(await askConsoleInTelegram(world, OWNER)));
    const list = await client.get('/console/tickets?status=awaiting_approval');
    expect(list.text).toContain(ticketId);
    expect(list.text).not.toContain(otherTicketId);
    const page = await client.get(`/console/tickets/${ticketId}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('[email]');
    expect(page.text).not.toContain('ana@example.com');
    // Without the session's CSRF token, or from another site, nothing is decided.
    const noToken = await client.post(`/console/tickets/${ticketId}/decision`, { action: 'approve' });
    expect(noToken.status).toBe(403);
    const crossSite = await client.post(
      `/console/tickets/${ticketId}/decision`,
      { action: 'approve', _csrf: client.csrfOf(page.text) },
      { origin: 'https://evil.example' },
    );
    expect(crossSite.status).toBe(403);
    const edits = world.telegram.callsOf('editMessageText').length;
    const decided = await client.post(`/console/tickets/${ticketId}/decision`, {
      action: 'approve',
      _csrf: client.csrfOf(page.text),
    });
    expect(decided.status).toBe(303);
    const ticket = await waitForTicket(world.app, shop.token, ticketId, ['sent']);
    expect(ticket.decidedByActor).toMatchObject({ channel: 'console', id: `telegram:${OWNER}` });
    await world.telegram.waitFor((calls) =>
      calls
        .filter((c) => c.method === 'editMessageText')
        .slice(edits)
        .some((c) => String(c.params.chat_id) === String(OWNER) && /Approved by/.test(String(c.params.text))),
    );
    const after = await client.get(`/console/tickets/${ticketId}?done=approve`);
    expect(after.text).toContain('Reply approved.');
    // A second decision is refused with who decided first, as in the chats.
    const second = await client.post(`/console/tickets/${ticketId}/decision`, {
      action: 'reject',
      _csrf: client.csrfOf(page.text),
    });
    expect(second.status).toBe(409);
  });

  it('an edit in another language than the buyer’s waits for a confirmation, then goes out', async () => {
    const client = consoleClient(world.app.url);
    await client.signIn(linkIn(await askConsoleInTelegram(world, OWNER)));
    const edited = await message(shop, 'c3', 'The charger does not work at all, please help');
    const page = await client.get(`/console/tickets/${edited}`);
    const text = '非常抱歉，我们明天给您寄一个新的充电器。';
    const held = await client.post(`/console/tickets/${edited}/decision`, {
      action: 'edit',
      text,
      _csrf: client.csrfOf(page.text),
    });
    expect(held.status).toBe(422);
    expect(held.text).toMatch(/Not sent yet: this reply looks like Chinese/);
    expect(held.text).toContain('name="confirm"');
    expect(held.text).toContain(text);
    const sent = await client.post(`/console/tickets/${edited}/decision`, {
      action: 'edit',
      text,
      confirm: 'on',
      _csrf: client.csrfOf(held.text),
    });
    expect(sent.status).toBe(303);
    const ticket = await waitForTicket(world.app, shop.token, edited, ['sent']);
    expect(ticket.finalText).toBe(text);
  });

  it('a session of one shop finds nothing of another: 404 for its ticket, its listing and their data', async () => {
    const client = consoleClient(world.app.url);
    await client.signIn(linkIn(await askConsoleInTelegram(world, OWNER)));
    const page = await client.get(`/console/tickets/${ticketId}`);
    for (const path of [
      `/console/tickets/${otherTicketId}`,
      `/console/api/tickets/${otherTicketId}`,
      `/console/listings/${otherValidationId}`,
    ]) {
      expect((await client.get(path)).status, path).toBe(404);
    }
    const decision = await client.post(`/console/tickets/${otherTicketId}/decision`, {
      action: 'approve',
      _csrf: client.csrfOf(page.text),
    });
    expect(decision.status).toBe(404);
    expect((await world.api.get(`/v1/tickets/${otherTicketId}`, other.token)).json.status).toBe(
      'awaiting_approval',
    );
  });

  it('a viewer sees tickets but cannot decide', async () => {
    const client = consoleClient(world.app.url);
    const answer = await askConsoleInTelegram(world, VIEWER);
    expect(answer).toMatch(/\(viewer\)/);
    await client.signIn(linkIn(answer));
    const fresh = await message(shop, 'c2', 'Where is my order? It has been a month');
    const page = await client.get(`/console/tickets/${fresh}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('You can follow tickets but not decide them');
    expect(page.text).not.toContain('name="action" value="approve"');
    const refused = await client.post(`/console/tickets/${fresh}/decision`, {
      action: 'approve',
      _csrf: client.csrfOf(page.text),
    });
    expect(refused.status).toBe(403);
    expect((await world.api.get(`/v1/tickets/${fresh}`, shop.token)).json.status).toBe('awaiting_approval');
  });

  it('switches language with the picker and signs out for good', async () => {
    const client = consoleClient(world.app.url);
    await client.signIn(linkIn(await askConsoleInTelegram(world, OWNER)));
    const page = await client.get('/console');
    const picked = await client.post('/console/language', {
      language: 'zh-CN',
      back: '/console/tickets',
      _csrf: client.csrfOf(page.text),
    });
    expect(picked.status).toBe(303);
    expect(picked.headers.get('location')).toBe('/console/tickets');
    const chinese = await client.get('/console/tickets');
    expect(chinese.text).toContain('<html lang="zh-CN">');
    expect(chinese.text).toContain('工单');
    const out = await client.post('/console/signout', { _csrf: client.csrfOf(chinese.text) });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/sd_console=;/);
    expect((await client.get('/console')).status).toBe(401);
  });

  it('the dashboard reads the figures /metrics exports, and its first load stays under 300 KB gzip', async () => {
    const client = consoleClient(world.app.url);
    await client.signIn(linkIn(await askConsoleInTelegram(world, OTHER_OWNER)));
    await eventually(async () => {
      const v = await world.api.get(`/v1/validations/${otherValidationId}`, other.token);
      return v.json.status === 'completed';
    });
    const api = JSON.parse((await client.get('/console/api/dashboard?days=30')).text);
    const own = JSON.parse((await consoleClientFor(OWNER)).text);
    const metrics = (await world.api.get('/metrics')).text;
    const gauge = (name: string, labels: string) => {
      const line = metrics.split('\n').find((l) => l.startsWith(`${name}{${labels}}`));
      return line ? Number(line.split(' ').at(-1)) : 0;
    };
    // The gauges cover every shop: the two shops' console figures add up to them.
    const received = api.dashboard.funnel.received + own.dashboard.funnel.received;
    expect(received).toBeGreaterThan(0);
    expect(gauge('sellerdesk_store_funnel_tickets', 'stage="received"')).toBe(received);
    expect(gauge('sellerdesk_store_funnel_tickets', 'stage="approved"')).toBe(
      api.dashboard.funnel.approved + own.dashboard.funnel.approved,
    );
    for (const k of api.dashboard.listingFindings.byKind as Array<{ kind: string; findings: number }>) {
      expect(gauge('sellerdesk_store_listing_findings', `kind="${k.kind}"`)).toBe(k.findings);
    }

    const html = (await client.get('/console')).text;
    const assets = [...html.matchAll(/(?:src|href)="(\/console\/(?:assets|vendor)\/[^"]+)"/g)].map(
      (m) => m[1]!,
    );
    expect(assets).toEqual(
      expect.arrayContaining([
        '/console/assets/console.css',
        '/console/vendor/chart.umd.min.js',
        '/console/assets/dashboard.js',
      ]),
    );
    let total = gzipSync(html).length;
    for (const path of [...assets, '/console/api/dashboard?days=7']) {
      const body = await client.get(path);
      expect(body.status, path).toBe(200);
      total += gzipSync(body.text).length;
    }
    expect(total).toBeLessThan(FIRST_LOAD_BUDGET);
  });

  async function consoleClientFor(userId: number) {
    const client = consoleClient(world.app.url);
    await client.signIn(linkIn(await askConsoleInTelegram(world, userId)));
    return client.get('/console/api/dashboard?days=30');
  }

  it('a shop token opens a console session too (the CLI and the demo), with the token’s role, until revoked', async () => {
    const minted = await world.api.post(
      '/v1/tokens',
      { name: 'reader', scopes: ['tickets:read'] },
      shop.token,
    );
    expect(minted.status).toBe(201);
    const issued = await world.api.post('/v1/console/links', {}, minted.json.token);
    expect(issued.status).toBe(201);
    const client = consoleClient(world.app.url);
    const { posted } = await client.signIn(issued.json.url);
    expect(posted.status).toBe(303);
    const page = await client.get(`/console/tickets/${ticketId}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('(your role: viewer)');
    expect(
      (await world.api.call('DELETE', `/v1/tokens/${minted.json.id}`, { token: shop.token })).status,
    ).toBe(204);
    expect((await client.get('/console')).status).toBe(401);
  });
});
