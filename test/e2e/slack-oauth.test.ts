import { beforeAll, describe, expect, it } from 'vitest';
import { slackInstallations } from '../../src/db/schema/index.js';
import { eventually, TEST_ADMIN_TOKEN } from '../support/app.js';
import { createTestShop, useE2eWorld } from '../support/e2e.js';
import {
  blockActionPayload,
  interactivityBody,
  signSlackRequest,
  slashCommandBody,
} from '../support/fake-slack.js';

const SIGNING_SECRET = 'oauth-e2e-signing-secret';
const CLIENT_ID = '1111111111.2222222222';
const CLIENT_SECRET = 'oauth-e2e-client-secret';
const STATE_SECRET = 'oauth-e2e-state-secret-0123456789abcdef';
const PUBLIC_URL = 'https://sellerdesk.example';
const OUTBOUND_SECRET = 'oauth-outbound-secret';
const FORM = 'application/x-www-form-urlencoded';

/** Per-shop Slack workspaces through Bolt's OAuth flow, against the fake Slack (`oauth.v2.access`). */
describe('Slack OAuth: each shop installs sellerdesk in its own workspace', () => {
  const world = useE2eWorld({
    label: 'slackoauth',
    slack: true,
    outboundSecret: OUTBOUND_SECRET,
    env: ({ slack }) => ({
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_CLIENT_ID: CLIENT_ID,
      SLACK_CLIENT_SECRET: CLIENT_SECRET,
      SLACK_STATE_SECRET: STATE_SECRET,
      SLACK_API_URL: slack!.apiUrl,
      PUBLIC_URL,
    }),
  });
  const shops: Record<'a' | 'b', { id: string; token: string }> = {
    a: { id: '', token: '' },
    b: { id: '', token: '' },
  };

  const slackPost = (body: string) =>
    world.api.call('POST', '/slack/events', {
      raw: body,
      headers: { 'content-type': FORM, ...signSlackRequest(SIGNING_SECRET, body) },
    });
  /** The browser: no redirects followed, cookies passed by hand. */
  const browse = (pathAndQuery: string, cookie?: string) =>
    fetch(`${world.app.url}${pathAndQuery}`, {
      redirect: 'manual',
      ...(cookie ? { headers: { cookie } } : {}),
    });

  /** Runs the owner's install: link from the API, install path (cookie + redirect), consent. */
  async function startInstall(shop: { token: string }) {
    const link = await world.api.get('/v1/slack/install', shop.token);
    expect(link.status).toBe(200);
    const url = new URL(link.json.url);
    expect(url.origin).toBe(PUBLIC_URL);
    const installPath = await browse(`${url.pathname}${url.search}`);
    expect(installPath.status).toBe(302);
    const location = new URL(installPath.headers.get('location')!);
    const cookie = installPath.headers.get('set-cookie')!.split(';')[0]!;
    return { location, cookie, state: location.searchParams.get('state')! };
  }

  async function newTicket(shop: { token: string }, n: number) {
    const posted = await world.api.post(
      '/v1/messages',
      {
        messageId: `oauth-m-${n}`,
        orderId: `OA-${n}`,
        buyer: { id: `oauth-buyer-${n}` },
        text: 'The parcel arrived broken, the glass is cracked',
        receivedAt: new Date().toISOString(),
      },
      shop.token,
    );
    expect(posted.status).toBe(202);
    const ticketId: string = posted.json.ticketId;
    await eventually(async () =>
      (await world.api.get(`/v1/tickets/${ticketId}`, shop.token)).json.status === 'awaiting_approval'
        ? true
        : undefined,
    );
    const escalated = await world.api.call('POST', `/v1/tickets/${ticketId}/decision`, {
      token: shop.token,
      body: { action: 'escalate' },
    });
    expect(escalated.status).toBe(200);
    return ticketId;
  }

  beforeAll(async () => {
    world.slack.oauthApp(CLIENT_ID, CLIENT_SECRET);
    // Mounted with OAuth alone (no SLACK_BOT_TOKEN): an unsigned request is refused, never skipped.
    const probe = await world.api.call('POST', '/slack/events', {
      raw: '',
      headers: { 'content-type': FORM },
    });
    expect(probe.status).toBe(401);
    for (const [key, name] of [
      ['a', 'Shop A'],
      ['b', 'Shop B'],
    ] as const) {
      shops[key] = await createTestShop(world.app, { name });
    }
  });

  it('gives the owner an install link that asks Slack for the least scopes with a signed state', async () => {
    expect((await world.api.get('/v1/slack/install')).status).toBe(401);
    const { location, cookie, state } = await startInstall(shops.a);
    expect(location.origin + location.pathname).toBe('https://slack.com/oauth/v2/authorize');
    expect(location.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(location.searchParams.get('scope')).toBe('chat:write,commands');
    expect(location.searchParams.get('redirect_uri')).toBe(`${PUBLIC_URL}/slack/oauth_redirect`);
    expect(state.length).toBeGreaterThan(20);
    expect(cookie).toBe(`slack-app-oauth-state=${state}`);

    const wider = await world.api.get('/v1/slack/install?publicChannels=true', shops.a.token);
    const widerPath = new URL(wider.json.url);
    const widerRedirect = await browse(`${widerPath.pathname}${widerPath.search}`);
    expect(new URL(widerRedirect.headers.get('location')!).searchParams.get('scope')).toBe(
      'chat:write,commands,chat:write.public',
    );

    // The link is spent when opened: a second use (a leaked link) installs nothing.
    const again = await browse(`${widerPath.pathname}${widerPath.search}`);
    expect(again.status).toBe(400);
    expect(again.headers.get('location')).toBeNull();
    for (const bogus of ['sil_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'x', '']) {
      const forged = await browse(`/slack/install?link=${bogus}`);
      expect(forged.status).toBe(400);
      expect(forged.headers.get('location')).toBeNull();
    }
  });

  it('refuses a callback with a missing, bad or foreign state and stores nothing', async () => {
    const { state } = await startInstall(shops.a);
    world.slack.grantInstall({
      code: 'code-refused',
      teamId: 'T0EVIL',
      teamName: 'Evil',
      botToken: 'xoxb-evil',
    });
    const tampered = `${state.slice(0, -4)}AAAA`;
    const attempts = [
      browse('/slack/oauth_redirect?code=code-refused'),
      browse(
        `/slack/oauth_redirect?code=code-refused&state=${tampered}`,
        `slack-app-oauth-state=${tampered}`,
      ),
      // A valid state without the browser session that started it (someone else's link).
      browse(`/slack/oauth_redirect?code=code-refused&state=${state}`),
    ];
    for (const attempt of attempts) expect((await attempt).status).toBe(400);
    expect(world.slack.callsOf('oauth.v2.access')).toHaveLength(0);
    const setup = await world.api.get('/v1/slack', shops.a.token);
    expect(setup.json.workspace).toBeNull();
  });

  it('installs end to end: code exchanged, token stored encrypted, the shop bound to its workspace', async () => {
    const { state, cookie } = await startInstall(shops.a);
    world.slack.grantInstall({
      code: 'code-a',
      teamId: 'T0SHOPA',
      teamName: 'Shop A HQ',
      botToken: 'xoxb-shop-a',
    });
    const done = await browse(`/slack/oauth_redirect?code=code-a&state=${encodeURIComponent(state)}`, cookie);
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('Shop A HQ');
    const exchange = world.slack.callsOf('oauth.v2.access');
    expect(exchange).toHaveLength(1);
    expect(exchange[0]!.params).toMatchObject({ client_id: CLIENT_ID, code: 'code-a' });

    const rows = await world.app.database.db.select().from(slackInstallations);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.botTokenEncrypted).not.toContain('xoxb');
    expect(rows[0]!.scopes).toBe('chat:write,commands');

    const setup = await world.api.get('/v1/slack', shops.a.token);
    expect(setup.json.workspace).toEqual({
      via: 'oauth',
      teamId: 'T0SHOPA',
      teamName: 'Shop A HQ',
      channel: null,
    });
    const bad = await world.api.call('PUT', '/v1/slack', {
      token: shops.a.token,
      body: { channel: '#support' },
    });
    expect(bad.status).toBe(400);
    const picked = await world.api.call('PUT', '/v1/slack', {
      token: shops.a.token,
      body: { channel: 'C0SHOPA' },
    });
    expect(picked.status).toBe(200);
    expect(picked.json.workspace.channel).toBe('C0SHOPA');
    const noEnv = await world.api.call('PUT', '/v1/slack', {
      token: shops.b.token,
      body: { workspace: 'environment' },
    });
    // The server's own workspace is shared between shops: only the operator binds a shop to it.
    expect(noEnv.status).toBe(403);
    expect(noEnv.json.error.code).toBe('admin_required');
    const adminNoEnv = await world.api.call('PUT', `/v1/admin/shops/${shops.b.id}/slack`, {
      token: TEST_ADMIN_TOKEN,
      body: { workspace: 'environment' },
    });
    expect(adminNoEnv.status).toBe(400);
    expect(adminNoEnv.json.error.code).toBe('slack_environment_disabled');
    // Replaying the finished callback is refused (Slack's code is used up) and changes nothing.
    const replay = await browse(
      `/slack/oauth_redirect?code=code-a&state=${encodeURIComponent(state)}`,
      cookie,
    );
    expect(replay.status).toBe(400);
  });

  it("posts a shop's cards with its own token in its own channel; only its members decide", async () => {
    const added = await world.api.call('PUT', '/v1/team/slack/U0ALICE', {
      token: shops.a.token,
      body: { role: 'agent' },
    });
    expect(added.status).toBe(200);
    const ticketA = await newTicket(shops.a, 1);
    const cardOf = (ticketId: string) =>
      world.slack
        .callsOf('chat.postMessage')
        .find((c) => JSON.stringify(c.params.blocks ?? []).includes(`"value":"${ticketId}"`));
    await world.slack.waitFor(() => cardOf(ticketA) !== undefined);
    expect(cardOf(ticketA)).toMatchObject({ token: 'xoxb-shop-a', params: { channel: 'C0SHOPA' } });

    // Shop B has no workspace: its escalation posts nowhere in Slack.
    const ticketB = await newTicket(shops.b, 2);
    await eventually(async () =>
      (await world.api.get(`/v1/tickets/${ticketB}`, shops.b.token)).json.status === 'escalated'
        ? true
        : undefined,
    );

    // Shop B installs into its own workspace; its owner there cannot reach shop A's ticket.
    const b = await startInstall(shops.b);
    world.slack.grantInstall({
      code: 'code-b',
      teamId: 'T0SHOPB',
      teamName: 'Shop B HQ',
      botToken: 'xoxb-shop-b',
    });
    expect(
      (await browse(`/slack/oauth_redirect?code=code-b&state=${encodeURIComponent(b.state)}`, b.cookie))
        .status,
    ).toBe(200);
    await world.api.call('PUT', '/v1/slack', { token: shops.b.token, body: { channel: 'C0SHOPB' } });
    await world.api.call('PUT', '/v1/team/slack/U0BOB', { token: shops.b.token, body: { role: 'owner' } });
    expect(cardOf(ticketB)).toBeUndefined();

    const press = (userId: string, teamId: string, channel: string) =>
      slackPost(
        interactivityBody(
          blockActionPayload({ actionId: 'approve', value: ticketA, userId, teamId, channel }),
        ),
      );
    const ephemeralTo = (userId: string) =>
      world.slack.callsOf('chat.postEphemeral').find((c) => c.params.user === userId);

    expect((await press('U0BOB', 'T0SHOPB', 'C0SHOPB')).status).toBe(200);
    await world.slack.waitFor(() => ephemeralTo('U0BOB') !== undefined);
    expect(ephemeralTo('U0BOB')).toMatchObject({ token: 'xoxb-shop-b' });
    expect(ephemeralTo('U0BOB')!.params.text).not.toContain('Shop A');

    expect((await press('U0MALLORY', 'T0SHOPA', 'C0SHOPA')).status).toBe(200);
    await world.slack.waitFor(() => ephemeralTo('U0MALLORY') !== undefined);
    expect(ephemeralTo('U0MALLORY')).toMatchObject({ token: 'xoxb-shop-a' });
    expect(ephemeralTo('U0MALLORY')!.params.text).toContain('You are not a member of Shop A');
    await new Promise((r) => setTimeout(r, 300));
    expect((await world.api.get(`/v1/tickets/${ticketA}`, shops.a.token)).json.status).toBe('escalated');

    // /sellerdesk pending in shop B's channel says nothing of shop A, and vice versa.
    await slackPost(
      slashCommandBody('pending', world.slack.responseUrl('pb'), 'U0BOB', {
        teamId: 'T0SHOPB',
        channelId: 'C0SHOPB',
      }),
    );
    await world.slack.waitFor(() =>
      world.slack.calls.some((c) => c.method === 'respond' && JSON.stringify(c.params).includes('Shop B')),
    );
    const pendingB = world.slack.calls
      .filter((c) => c.method === 'respond')
      .map((c) => JSON.stringify(c.params));
    expect(pendingB.join('\n')).not.toContain('Shop A');

    expect((await press('U0ALICE', 'T0SHOPA', 'C0SHOPA')).status).toBe(200);
    const sent = await eventually(async () => {
      const t = (await world.api.get(`/v1/tickets/${ticketA}`, shops.a.token)).json;
      return t.status === 'sent' ? t : undefined;
    });
    expect(sent.decidedByActor).toMatchObject({ channel: 'slack', id: 'U0ALICE' });
    await world.slack.waitFor(() =>
      world.slack
        .callsOf('chat.update')
        .some((u) => u.token === 'xoxb-shop-a' && u.params.channel === 'C0SHOPA'),
    );
  });
  it("ignores a workspace without sellerdesk; an uninstall forgets that workspace's token", async () => {
    const lost = await slackPost(
      interactivityBody(
        blockActionPayload({ actionId: 'approve', value: 'tkt_none', userId: 'U0LOST', teamId: 'T0NOWHERE' }),
      ),
    );
    expect(lost.status).toBe(200);
    await new Promise((r) => setTimeout(r, 200));
    expect(world.slack.callsOf('chat.postEphemeral').some((c) => c.params.user === 'U0LOST')).toBe(false);

    const event = JSON.stringify({
      token: 'legacy-verification-token',
      team_id: 'T0SHOPB',
      api_app_id: 'A0FAKE',
      type: 'event_callback',
      event_id: 'Ev0UNINSTALL',
      event_time: Math.floor(Date.now() / 1000),
      event: { type: 'app_uninstalled', event_ts: `${Date.now() / 1000}` },
    });
    const uninstalled = await world.api.call('POST', '/slack/events', {
      raw: event,
      headers: { 'content-type': 'application/json', ...signSlackRequest(SIGNING_SECRET, event) },
    });
    expect(uninstalled.status).toBe(200);
    await eventually(async () => {
      const rows = await world.app.database.db.select().from(slackInstallations);
      return rows.map((r) => r.teamId).join() === 'T0SHOPA' ? true : undefined;
    });
  });
});
