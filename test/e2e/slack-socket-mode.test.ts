import { beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/app.js';
import { createTestShop, linkTelegramChat, sendTelegramUpdate, useE2eWorld } from '../support/e2e.js';
import { blockActionPayload } from '../support/fake-slack.js';
import { callbackUpdate } from '../support/fake-telegram.js';

const BOT_TOKEN = 'xoxb-socket-token';
const APP_TOKEN = 'xapp-1-A0FAKE-socket';
const OUTBOUND_SECRET = 'socket-outbound-secret';
const CHAT_ID = 626262;

/** SLACK_APP_TOKEN: Slack talks to the app over a Socket Mode WebSocket, no /slack/events, no signing secret. */
describe('Slack over Socket Mode', () => {
  const world = useE2eWorld({
    label: 'slacksock',
    telegram: true,
    slack: true,
    outboundSecret: OUTBOUND_SECRET,
    env: ({ slack }) => ({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_APP_TOKEN: APP_TOKEN,
      SLACK_API_URL: slack!.apiUrl,
      SLACK_SUPPORT_CHANNEL: 'C777',
    }),
  });
  let shopToken: string;
  let approvedTicketId = '';

  const webhook = (update: unknown) => sendTelegramUpdate(world.app, update);

  beforeAll(async () => {
    await eventually(async () => world.slack.socketCount() === 1, 20_000, 'Socket Mode connection');
    const shop = await createTestShop(world.app, {
      name: 'Loja Socket',
      defaultLanguage: 'pt',
      sellerLanguage: 'pt',
    });
    shopToken = shop.token;
    const member = await world.api.call('PUT', '/v1/team/slack/U0SOCK', {
      token: shopToken,
      body: { role: 'agent' },
    });
    expect(member.status).toBe(200);
    await linkTelegramChat(world, shop.linkCode, CHAT_ID);
  });

  it('opens the socket with the app token and serves no HTTP Slack endpoint', async () => {
    const open = world.slack.callsOf('apps.connections.open');
    expect(open.length).toBeGreaterThanOrEqual(1);
    expect(open[0]!.token).toBe(APP_TOKEN);
    const http = await world.api.call('POST', '/slack/events', { body: {} });
    expect(http.status).toBe(404);
  });

  it('a team approve sent over the socket delivers once and updates both channels', async () => {
    const posted = await world.api.post(
      '/v1/messages',
      {
        messageId: 'sock-1',
        orderId: 'BR-900',
        buyer: { id: 'b-sock', locale: 'pt-BR' },
        text: 'Olá, meu pedido ainda não chegou e já faz 30 dias. Cadê?',
        receivedAt: new Date().toISOString(),
      },
      shopToken,
    );
    expect(posted.status).toBe(202);
    const ticketId: string = posted.json.ticketId;
    approvedTicketId = ticketId;
    await world.telegram.waitFor(() =>
      world.telegram
        .callsOf('sendMessage')
        .some((c) => JSON.stringify(c.params.reply_markup ?? {}).includes(`approve:${ticketId}`)),
    );
    await webhook(callbackUpdate(CHAT_ID, `escalate:${ticketId}`));
    await world.slack.waitFor(() =>
      world.slack
        .callsOf('chat.postMessage')
        .some((c) => JSON.stringify(c.params.blocks ?? []).includes(`"value":"${ticketId}"`)),
    );

    await world.slack.sendEnvelope(
      'interactive',
      blockActionPayload({
        actionId: 'approve',
        value: ticketId,
        userId: 'U0SOCK',
        username: 'rita',
        channel: 'C777',
      }),
    );
    const sent = await eventually(async () => {
      const t = (await world.api.get(`/v1/tickets/${ticketId}`, shopToken)).json;
      return t.status === 'sent' && t.delivery?.state === 'delivered' ? t : undefined;
    });
    expect(sent.decidedByActor).toMatchObject({ channel: 'slack', id: 'U0SOCK' });
    expect(world.outbound.received.filter((d) => d.body.ticketId === ticketId)).toHaveLength(1);
    await world.slack.waitFor(() =>
      world.slack
        .callsOf('chat.update')
        .some((u) => JSON.stringify(u.params.blocks ?? []).includes('Aprovado por')),
    );
    await world.telegram.waitFor(() =>
      world.telegram.callsOf('editMessageText').some((c) => String(c.params.text).includes(ticketId)),
    );
  });

  it('answers the slash command over the socket, privately', async () => {
    await world.slack.sendEnvelope('slash_commands', {
      token: 'legacy-verification-token',
      team_id: 'T0FAKE',
      team_domain: 'fake',
      channel_id: 'C777',
      channel_name: 'support',
      user_id: 'U0SOCK',
      user_name: 'rita',
      command: '/sellerdesk',
      text: `status ${approvedTicketId}`,
      api_app_id: 'A0FAKE',
      response_url: world.slack.responseUrl('sock'),
      trigger_id: 'trigger-sock',
    });
    await world.slack.waitFor(() => world.slack.callsOf('respond').length >= 1);
    const reply = world.slack.callsOf('respond')[0]!;
    expect(reply.params.response_type).toBe('ephemeral');
    expect(JSON.stringify(reply.params)).toContain(approvedTicketId);
    expect(JSON.stringify(reply.params)).toContain('Loja Socket');
  });
});
