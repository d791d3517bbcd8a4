import { beforeAll, describe, expect, it } from 'vitest';
import { eventually, TEST_ADMIN_TOKEN } from '../support/app.js';
import { createTestShop, linkTelegramChat, sendTelegramUpdate, useE2eWorld } from '../support/e2e.js';
import {
  blockActionPayload,
  editSubmissionPayload,
  interactivityBody,
  type SlackCall,
  signSlackRequest,
  slashCommandBody,
} from '../support/fake-slack.js';
import { callbackUpdate } from '../support/fake-telegram.js';

const SIGNING_SECRET = 'e2e-slack-signing-secret';
const BOT_TOKEN = 'xoxb-e2e-token';
const OUTBOUND_SECRET = 'outbound-e2e-secret';
const CHAT_ID = 515151;
const FORM = 'application/x-www-form-urlencoded';

describe('Slack for the support team: escalations, team decisions, both channels in step', () => {
  const world = useE2eWorld({
    label: 'slack',
    telegram: true,
    slack: true,
    outboundSecret: OUTBOUND_SECRET,
    env: ({ slack }) => ({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack!.apiUrl,
      SLACK_SUPPORT_CHANNEL: 'C123',
    }),
  });
  let shopToken: string;
  let order = 0;

  const slackPost = (
    body: string,
    headers: Record<string, string> = signSlackRequest(SIGNING_SECRET, body),
  ) => world.api.call('POST', '/slack/events', { raw: body, headers: { 'content-type': FORM, ...headers } });
  const press = (actionId: string, ticketId: string, userId = 'U0TEAM1', username = 'ana.support') =>
    slackPost(interactivityBody(blockActionPayload({ actionId, value: ticketId, userId, username })));
  const webhook = (update: unknown) => sendTelegramUpdate(world.app, update);

  /** The ticket's team card in the support channel (not thread replies). */
  const teamCards = (ticketId: string) =>
    world.slack
      .callsOf('chat.postMessage')
      .filter(
        (c) => !c.params.thread_ts && JSON.stringify(c.params.blocks ?? []).includes(`"value":"${ticketId}"`),
      );
  const updatesOf = (ts: string) => world.slack.callsOf('chat.update').filter((c) => c.params.ts === ts);
  const telegramCard = (ticketId: string) =>
    world.telegram
      .callsOf('sendMessage')
      .filter((c) => JSON.stringify(c.params.reply_markup ?? {}).includes(`approve:${ticketId}`));

  async function newTicket(text: string): Promise<string> {
    order += 1;
    const posted = await world.api.post(
      '/v1/messages',
      {
        messageId: `slack-m-${order}`,
        orderId: `SL-${order}`,
        buyer: { id: `slack-buyer-${order}`, name: 'Lucía' },
        text,
        receivedAt: new Date().toISOString(),
        order: { trackingNumber: 'LP00123456789012', carrier: 'Cainiao' },
      },
      shopToken,
    );
    expect(posted.status).toBe(202);
    const ticketId: string = posted.json.ticketId;
    await world.telegram.waitFor(() => telegramCard(ticketId).length === 1);
    return ticketId;
  }

  async function ticket(ticketId: string) {
    return (await world.api.get(`/v1/tickets/${ticketId}`, shopToken)).json;
  }

  async function escalateByApi(ticketId: string): Promise<SlackCall> {
    const escalated = await world.api.call('POST', `/v1/tickets/${ticketId}/decision`, {
      token: shopToken,
      body: { action: 'escalate', by: 'Maria (seller)' },
    });
    expect(escalated.status).toBe(200);
    await world.slack.waitFor(() => teamCards(ticketId).length === 1);
    return teamCards(ticketId)[0]!;
  }

  beforeAll(async () => {
    const shop = await createTestShop(world.app, {
      name: 'Tienda <Sol> & Luna',
      defaultLanguage: 'es',
      sellerLanguage: 'es',
    });
    shopToken = shop.token;
    const probe = await world.api.call('POST', '/slack/events', {
      raw: '',
      headers: { 'content-type': FORM },
    });
    // Mounted: an unsigned request is refused, not routed to nothing.
    expect(probe.status).toBe(401);
    // Only the shop's members decide in Slack (docs/API.md, "Chat actions"): the owner adds the support team.
    for (const userId of ['U0TEAM1', 'U0TEAM2', 'U0AGENT']) {
      const added = await world.api.call('PUT', `/v1/team/slack/${userId}`, {
        token: shopToken,
        body: { role: 'agent' },
      });
      expect(added.status).toBe(200);
    }
    // The only shop on a self-hosted server uses the environment's workspace and channel.
    const setup = await world.api.get('/v1/slack', shopToken);
    expect(setup.json).toEqual({
      workspace: { via: 'environment', teamId: null, teamName: null, channel: null },
      oauthAvailable: false,
      environmentAvailable: true,
    });
    await linkTelegramChat(world, shop.linkCode, CHAT_ID);
  });

  it('a seller escalation posts the Slack card; a team approve delivers and updates both channels', async () => {
    const ticketId = await newTicket(
      'Hola, pedí hace 40 días y todavía no me llegó el paquete. ¿Dónde está?',
    );
    const waiting = await eventually(async () => {
      const t = await ticket(ticketId);
      return t.status === 'awaiting_approval' ? t : undefined;
    });

    await webhook(callbackUpdate(CHAT_ID, `escalate:${ticketId}`));
    await world.slack.waitFor(() => teamCards(ticketId).length === 1);
    const card = teamCards(ticketId)[0]!;
    expect(card.token).toBe(BOT_TOKEN);
    expect(card.params.channel).toBe('C123');
    const blocks = JSON.stringify(card.params.blocks);
    for (const action of ['approve', 'edit', 'reject', 'escalate'])
      expect(blocks).toContain(`"action_id":"${action}"`);
    expect(blocks).toContain('Tienda &lt;Sol&gt; &amp; Luna');
    expect(blocks).toContain('español'); // Tienda's sellers read Spanish
    expect(blocks).toContain('No recibido');
    expect(blocks).toContain('*Motivo:* escalada por el vendedor');
    // Who sent it to the team and when (a Slack date token, the reader's own time zone).
    expect(blocks).toContain('⬆️ Escalado al equipo de soporte por @user515151 (telegram) (<!date^');
    const escalated = await eventually(async () => {
      const t = await ticket(ticketId);
      return t.status === 'escalated' ? t : undefined;
    });
    expect(escalated.draft).toBe(waiting.draft);

    const approved = await press('approve', ticketId);
    expect(approved.status).toBe(200);
    const sent = await eventually(async () => {
      const t = await ticket(ticketId);
      return t.status === 'sent' && t.delivery?.state === 'delivered' ? t : undefined;
    });
    expect(sent.decidedByActor).toMatchObject({ channel: 'slack', id: 'U0TEAM1', name: 'ana.support' });
    expect(sent.finalText).toBe(waiting.draft);

    // The Slack message shows the outcome; the Telegram card too.
    const ts = String(card.response?.ts);
    await world.slack.waitFor(() =>
      updatesOf(ts).some((u) => JSON.stringify(u.params.blocks).includes('✅ Aprobado por <@U0TEAM1>')),
    );
    const outcome = updatesOf(ts).find((u) => JSON.stringify(u.params.blocks).includes('Aprobado por'))!;
    expect(outcome.params.channel).toBe('C123');
    expect(JSON.stringify(outcome.params.blocks)).not.toContain('"type":"actions"');
    await world.telegram.waitFor((calls) =>
      calls.some((c) => c.method === 'editMessageText' && String(c.params.text).includes(ticketId)),
    );
    // Telegram never gets asked to edit a Slack message.
    expect(world.telegram.callsOf('editMessageText').some((c) => String(c.params.chat_id) === 'C123')).toBe(
      false,
    );

    // A second press in Slack is answered, not re-applied.
    const again = await press('approve', ticketId, 'U0TEAM2', 'bob');
    expect(again.status).toBe(200);
    await world.slack.waitFor(() =>
      world.slack.callsOf('chat.postEphemeral').some((c) => c.params.user === 'U0TEAM2'),
    );
    const ephemeral = world.slack.callsOf('chat.postEphemeral').find((c) => c.params.user === 'U0TEAM2')!;
    expect(ephemeral.params.text).toContain('ya tomó una decisión');
    expect(ephemeral.params.text).toContain('<@U0TEAM1>');
    await new Promise((r) => setTimeout(r, 300));
    expect(world.outbound.received.filter((r) => r.body.ticketId === ticketId)).toHaveLength(1);
  });

  it('edit in Slack: the modal opens with the draft and its submission sends the edited reply', async () => {
    const ticketId = await newTicket('The lamp arrived broken, the glass is cracked');
    const waiting = await eventually(async () => {
      const t = await ticket(ticketId);
      return t.status === 'awaiting_approval' ? t : undefined;
    });
    const card = await escalateByApi(ticketId);
    expect(JSON.stringify(card.params.blocks)).toContain(
      'equipo de soporte por Maria (seller) (api) (<!date^',
    );

    const pressed = await press('edit', ticketId);
    expect(pressed.status).toBe(200);
    await world.slack.waitFor(() =>
      world.slack.callsOf('views.open').some((c) => c.params.view?.private_metadata === ticketId),
    );
    const view = world.slack.callsOf('views.open').find((c) => c.params.view?.private_metadata === ticketId)!
      .params.view;
    expect(view.callback_id).toBe('edit_reply');
    expect(JSON.stringify(view.blocks)).toContain(JSON.stringify(waiting.draft).slice(1, -1));

    const edited = 'We are sorry the lamp arrived broken. A replacement ships tomorrow & it is on us.';
    const submitted = await slackPost(interactivityBody(editSubmissionPayload({ ticketId, text: edited })));
    expect(submitted.status).toBe(200);
    expect(submitted.text).toBe('');
    await eventually(
      async () => world.outbound.received.some((r) => r.body.ticketId === ticketId),
      30_000,
      'edited delivery',
    );
    const delivered = world.outbound.received.filter((r) => r.body.ticketId === ticketId);
    expect(delivered).toHaveLength(1);
    expect(delivered[0]!.body.text).toBe(edited);
    await world.slack.waitFor(() =>
      world.slack
        .callsOf('chat.update')
        .some(
          (u) =>
            JSON.stringify(u.params.blocks).includes('Editado y enviado') &&
            JSON.stringify(u.params.blocks).includes('it is on us'),
        ),
    );
  });

  it('a decision in Telegram updates the Slack message', async () => {
    const ticketId = await newTicket("Je n'ai toujours pas reçu ma commande, ça fait 5 semaines");
    await eventually(async () =>
      (await ticket(ticketId)).status === 'awaiting_approval' ? true : undefined,
    );
    await escalateByApi(ticketId);
    await eventually(async () => ((await ticket(ticketId)).status === 'escalated' ? true : undefined));
    const updatesBefore = world.slack.callsOf('chat.update').length;
    await webhook(callbackUpdate(CHAT_ID, `reject:${ticketId}`));
    await world.slack.waitFor(() =>
      world.slack
        .callsOf('chat.update')
        .slice(updatesBefore)
        .some((u) => JSON.stringify(u.params.blocks).includes('Rechazado por @user515151 (telegram)')),
    );
    const t = await ticket(ticketId);
    expect(t.status).toBe('rejected');
  });

  it('a later buyer message on an escalated ticket goes into the card thread', async () => {
    const ticketId = await newTicket('Where is my parcel? It has been 3 weeks');
    await eventually(async () =>
      (await ticket(ticketId)).status === 'awaiting_approval' ? true : undefined,
    );
    const card = await escalateByApi(ticketId);
    const cardTs = String(card.response?.ts);
    const first = await ticket(ticketId);
    const more = await world.api.post(
      '/v1/messages',
      {
        messageId: `slack-m-${order}-again`,
        orderId: first.orderId,
        buyer: { id: `slack-buyer-${order}` },
        text: 'Hello?? Still nothing, I will open a dispute <tomorrow>',
        receivedAt: new Date().toISOString(),
      },
      shopToken,
    );
    expect(more.json.ticketId).toBe(ticketId);
    await world.slack.waitFor(() =>
      world.slack.callsOf('chat.postMessage').some((c) => c.params.thread_ts === cardTs),
    );
    const reply = world.slack.callsOf('chat.postMessage').find((c) => c.params.thread_ts === cardTs)!;
    expect(JSON.stringify(reply.params.blocks)).toContain('I will open a dispute &lt;tomorrow&gt;');
  });

  it('a Slack outage never blocks an approval in Telegram', async () => {
    const ticketId = await newTicket('Quero meu dinheiro de volta, o produto não serve');
    await eventually(async () =>
      (await ticket(ticketId)).status === 'awaiting_approval' ? true : undefined,
    );
    world.slack.outage(true);
    try {
      await webhook(callbackUpdate(CHAT_ID, `escalate:${ticketId}`));
      await world.slack.waitFor((calls) => calls.some((c) => c.method === 'chat.postMessage#down'));
      await webhook(callbackUpdate(CHAT_ID, `approve:${ticketId}`));
      await eventually(
        async () => world.outbound.received.some((r) => r.body.ticketId === ticketId),
        15_000,
        'delivery while Slack is down',
      );
    } finally {
      world.slack.outage(false);
    }
  });

  it('refuses unsigned, badly signed and stale Slack requests with 401', async () => {
    const body = interactivityBody(blockActionPayload({ actionId: 'approve', value: 'tkt_whatever' }));
    const unsigned = await slackPost(body, {});
    expect(unsigned.status).toBe(401);
    expect(unsigned.json.error.code).toBe('invalid_slack_signature');
    const bad = await slackPost(body, signSlackRequest('wrong-secret', body));
    expect(bad.status).toBe(401);
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    const stale = await slackPost(body, signSlackRequest(SIGNING_SECRET, body, sixMinutesAgo));
    expect(stale.status).toBe(401);
    expect(stale.json.error.code).toBe('stale_slack_request');
  });

  it('answers /sellerdesk pending and status', async () => {
    const ticketId = await newTicket('¿Cuándo llega mi pedido? Ya pasó un mes');
    await eventually(async () =>
      (await ticket(ticketId)).status === 'awaiting_approval' ? true : undefined,
    );
    const pending = await slackPost(slashCommandBody('pending', world.slack.responseUrl('e2e-pending')));
    expect(pending.status).toBe(200);
    await world.slack.waitFor(() =>
      world.slack.callsOf('respond').some((c) => JSON.stringify(c.params).includes('Tienda')),
    );
    const reply = world.slack.callsOf('respond').find((c) => JSON.stringify(c.params).includes('Tienda'))!;
    expect(JSON.stringify(reply.params.blocks)).toMatch(
      /esperan al vendedor: \d+, escaladas: \d+ · la más antigua: \d+m/,
    );

    const status = await slackPost(
      slashCommandBody(`status ${ticketId}`, world.slack.responseUrl('e2e-status')),
    );
    expect(status.status).toBe(200);
    await world.slack.waitFor(() =>
      world.slack.callsOf('respond').some((c) => JSON.stringify(c.params).includes(ticketId)),
    );
    expect(
      JSON.stringify(
        world.slack.callsOf('respond').find((c) => JSON.stringify(c.params).includes(ticketId))!.params,
      ),
    ).toContain('pendiente de aprobación');
  });

  it('a Slack user the shop made a viewer cannot decide; an agent can', async () => {
    const ticketId = await newTicket('El paquete llegó roto, la pantalla está rajada');
    await escalateByApi(ticketId);
    const role = await world.api.call('PUT', '/v1/team/slack/U0VIEWER', {
      token: shopToken,
      body: { role: 'viewer' },
    });
    expect(role.status).toBe(200);
    const refused = await press('approve', ticketId, 'U0VIEWER', 'vera.viewer');
    expect(refused.status).toBe(200);
    await world.slack.waitFor(() =>
      world.slack.callsOf('chat.postEphemeral').some((c) => c.params.user === 'U0VIEWER'),
    );
    expect(
      world.slack.callsOf('chat.postEphemeral').find((c) => c.params.user === 'U0VIEWER')!.params.text,
    ).toContain('no puede decidir');
    const stranger = await press('approve', ticketId, 'U0STRANGER', 'mallory');
    expect(stranger.status).toBe(200);
    await world.slack.waitFor(() =>
      world.slack.callsOf('chat.postEphemeral').some((c) => c.params.user === 'U0STRANGER'),
    );
    expect(
      world.slack.callsOf('chat.postEphemeral').find((c) => c.params.user === 'U0STRANGER')!.params.text,
    ).toContain('No eres miembro de Tienda <Sol> & Luna');
    await new Promise((r) => setTimeout(r, 300));
    expect((await ticket(ticketId)).status).toBe('escalated');
    expect(world.outbound.received.some((r) => r.body.ticketId === ticketId)).toBe(false);
    await press('approve', ticketId, 'U0AGENT', 'alex.agent');
    const sent = await eventually(async () => {
      const t = await ticket(ticketId);
      return t.status === 'sent' ? t : undefined;
    });
    expect(sent.decidedByActor).toMatchObject({ channel: 'slack', id: 'U0AGENT' });
  });
  it('binds a second shop to the shared environment workspace only by the operator', async () => {
    const other = await world.api.post(
      '/v1/admin/shops',
      { name: 'Second shop', defaultLanguage: 'en', plan: 'free', sellerLanguage: 'en' },
      TEST_ADMIN_TOKEN,
    );
    expect(other.status).toBe(201);
    const self = await world.api.call('PUT', '/v1/slack', {
      token: other.json.apiToken,
      body: { workspace: 'environment', channel: 'C123' },
    });
    expect(self.status).toBe(403);
    expect(self.json.error.code).toBe('admin_required');
    expect((await world.api.get('/v1/slack', other.json.apiToken)).json.workspace).toBeNull();
    // The first shop cannot move its card channel inside the shared workspace either.
    const move = await world.api.call('PUT', '/v1/slack', { token: shopToken, body: { channel: 'C999' } });
    expect(move.status).toBe(403);
    const bound = await world.api.call('PUT', `/v1/admin/shops/${other.json.shop.id}/slack`, {
      token: TEST_ADMIN_TOKEN,
      body: { workspace: 'environment', channel: 'C0SECOND' },
    });
    expect(bound.status).toBe(200);
    expect(bound.json.workspace).toMatchObject({ via: 'environment', channel: 'C0SECOND' });
  });
});
