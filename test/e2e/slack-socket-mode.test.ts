import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startTestApp, TEST_ADMIN_TOKEN, TEST_WEBHOOK_SECRET } from '../support/app.js';
import { dropSchema } from '../support/db.js';
import { startFakeOutbound } from '../support/fake-outbound.js';
import { blockActionPayload, startFakeSlack } from '../support/fake-slack.js';
import { callbackUpdate, startFakeTelegram, textUpdate } from '../support/fake-telegram.js';

const BOT_TOKEN = 'xoxb-socket-token';
const APP_TOKEN = 'xapp-1-A0FAKE-socket';
const OUTBOUND_SECRET = 'socket-outbound-secret';
const CHAT_ID = 626262;

/** SLACK_APP_TOKEN: Slack talks to the app over a Socket Mode WebSocket, no /slack/events, no signing secret. */
describe('Slack over Socket Mode', () => {
  let slack: Awaited<ReturnType<typeof startFakeSlack>>;
  let telegram: Awaited<ReturnType<typeof startFakeTelegram>>;
  let outbound: Awaited<ReturnType<typeof startFakeOutbound>>;
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let shopToken: string;
  let approvedTicketId = '';

  const webhook = (update: unknown) =>
    app.api.call('POST', '/telegram/webhook', {
      body: update,
      headers: { 'x-telegram-bot-api-secret-token': TEST_WEBHOOK_SECRET },
    });

  beforeAll(async () => {
    slack = await startFakeSlack();
    telegram = await startFakeTelegram();
    outbound = await startFakeOutbound(OUTBOUND_SECRET);
    app = await startTestApp({
      label: 'slacksock',
      telegramApiRoot: telegram.apiRoot,
      outbound: { url: outbound.url, secret: OUTBOUND_SECRET },
      env: {
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_APP_TOKEN: APP_TOKEN,
        SLACK_API_URL: slack.apiUrl,
        SLACK_SUPPORT_CHANNEL: 'C777',
      },
    });
    await eventually(async () => slack.socketCount() === 1, 20_000, 'Socket Mode connection');
    const created = await app.api.post(
      '/v1/admin/shops',
      { name: 'Loja Socket', defaultLanguage: 'pt', plan: 'free', sellerLanguage: 'pt' },
      TEST_ADMIN_TOKEN,
    );
    expect(created.status).toBe(201);
    shopToken = created.json.apiToken;
    const member = await app.api.call('PUT', '/v1/team/slack/U0SOCK', {
      token: shopToken,
      body: { role: 'agent' },
    });
    expect(member.status).toBe(200);
    await webhook(textUpdate(CHAT_ID, `/start ${created.json.telegramLinkCode}`));
    await telegram.waitFor((calls) =>
      calls.some((c) => c.method === 'sendMessage' && String(c.params.chat_id) === String(CHAT_ID)),
    );
  });

  afterAll(async () => {
    await app?.stop();
    if (app) await dropSchema(app.schema);
    await slack?.close();
    await telegram?.close();
    await outbound?.close();
  });

  it('opens the socket with the app token and serves no HTTP Slack endpoint', async () => {
    const open = slack.callsOf('apps.connections.open');
    expect(open.length).toBeGreaterThanOrEqual(1);
    expect(open[0]!.token).toBe(APP_TOKEN);
    const http = await app.api.call('POST', '/slack/events', { body: {} });
    expect(http.status).toBe(404);
  });

  it('a team approve sent over the socket delivers once and updates both channels', async () => {
    const posted = await app.api.post(
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
    await telegram.waitFor(() =>
      telegram
        .callsOf('sendMessage')
        .some((c) => JSON.stringify(c.params.reply_markup ?? {}).includes(`approve:${ticketId}`)),
    );
    await webhook(callbackUpdate(CHAT_ID, `escalate:${ticketId}`));
    await slack.waitFor(() =>
      slack
        .callsOf('chat.postMessage')
        .some((c) => JSON.stringify(c.params.blocks ?? []).includes(`"value":"${ticketId}"`)),
    );

    await slack.sendEnvelope(
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
      const t = (await app.api.get(`/v1/tickets/${ticketId}`, shopToken)).json;
      return t.status === 'sent' && t.delivery?.state === 'delivered' ? t : undefined;
    });
    expect(sent.decidedByActor).toMatchObject({ channel: 'slack', id: 'U0SOCK' });
    expect(outbound.received.filter((d) => d.body.ticketId === ticketId)).toHaveLength(1);
    await slack.waitFor(() =>
      slack
        .callsOf('chat.update')
        .some((u) => JSON.stringify(u.params.blocks ?? []).includes('Aprovado por')),
    );
    await telegram.waitFor(() =>
      telegram.callsOf('editMessageText').some((c) => String(c.params.text).includes(ticketId)),
    );
  });

  it('answers the slash command over the socket, privately', async () => {
    await slack.sendEnvelope('slash_commands', {
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
      response_url: slack.responseUrl('sock'),
      trigger_id: 'trigger-sock',
    });
    await slack.waitFor(() => slack.callsOf('respond').length >= 1);
    const reply = slack.callsOf('respond')[0]!;
    expect(reply.params.response_type).toBe('ephemeral');
    expect(JSON.stringify(reply.params)).toContain(approvedTicketId);
    expect(JSON.stringify(reply.params)).toContain('Loja Socket');
  });
});
