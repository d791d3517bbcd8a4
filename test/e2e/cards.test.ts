import { beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/app.js';
import { createTestShop, linkTelegramChat, sendTelegramUpdate, useE2eWorld } from '../support/e2e.js';
import { blockActionPayload, interactivityBody, signSlackRequest } from '../support/fake-slack.js';
import { callbackUpdate, type TelegramCall } from '../support/fake-telegram.js';

const SIGNING_SECRET = 'e2e-cards-signing-secret';
const CHAT_ID = 626262;
const FORM = 'application/x-www-form-urlencoded';
const H = 3_600_000;

/**
 * Cards say everything the seller decides on (issue 19 item 5): a stall apology's card names the
 * coupon the buyer gets; an escalated ticket's cards say to whom, by whom and when, with no
 * buttons left; a decided card says the outcome, by whom and when. The seller chat reads Spanish.
 */
describe('cards: the coupon, the escalation and the outcome, by whom and when', () => {
  const world = useE2eWorld({
    label: 'cards',
    telegram: true,
    slack: true,
    outboundSecret: 'outbound-cards-secret',
    env: ({ slack }) => ({
      SLACK_BOT_TOKEN: 'xoxb-cards',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack!.apiUrl,
      SLACK_SUPPORT_CHANNEL: 'C123',
    }),
  });
  let token: string;
  let order = 0;

  const slackPress = (actionId: string, ticketId: string) => {
    const body = interactivityBody(
      blockActionPayload({ actionId, value: ticketId, userId: 'U0TEAM1', username: 'ana.support' }),
    );
    return world.api.call('POST', '/slack/events', {
      raw: body,
      headers: { 'content-type': FORM, ...signSlackRequest(SIGNING_SECRET, body) },
    });
  };
  const press = (data: string) => sendTelegramUpdate(world.app, callbackUpdate(CHAT_ID, data));
  const ticket = async (ticketId: string) => (await world.api.get(`/v1/tickets/${ticketId}`, token)).json;

  /** The ticket's card as posted, and every later edit of it (its text names the ticket). */
  const posted = (ticketId: string) =>
    world.telegram
      .callsOf('sendMessage')
      .filter((c) => JSON.stringify(c.params.reply_markup ?? {}).includes(`approve:${ticketId}`));
  const edits = (ticketId: string) =>
    world.telegram.callsOf('editMessageText').filter((c) => String(c.params.text).includes(`#${ticketId}`));
  const lastEdit = (ticketId: string): TelegramCall | undefined => edits(ticketId).at(-1);
  const noButtons = (call: TelegramCall) => expect(call.params.reply_markup).toEqual({ inline_keyboard: [] });
  const teamCard = (ticketId: string) =>
    world.slack
      .callsOf('chat.postMessage')
      .find((c) => JSON.stringify(c.params.blocks ?? []).includes(`"value":"${ticketId}"`));

  async function newTicket(text: string, extra: Record<string, unknown> = {}): Promise<string> {
    order += 1;
    const answer = await world.api.post(
      '/v1/messages',
      {
        messageId: `cards-m-${order}`,
        orderId: `CARDS-${order}`,
        buyer: { id: `cards-buyer-${order}` },
        text,
        receivedAt: new Date().toISOString(),
        ...extra,
      },
      token,
    );
    expect(answer.status).toBe(202);
    const ticketId: string = answer.json.ticketId;
    await world.telegram.waitFor(() => posted(ticketId).length === 1);
    return ticketId;
  }

  /** Waits for the card's escalation edit and checks it: the line first, the draft kept, no buttons. */
  async function escalationEdit(ticketId: string, who: string): Promise<string> {
    await world.telegram.waitFor(() => edits(ticketId).some((e) => String(e.params.text).startsWith('⬆️')));
    const edit = edits(ticketId).find((e) => String(e.params.text).startsWith('⬆️'))!;
    const text = String(edit.params.text);
    const first = text.split('\n')[0]!;
    expect(first).toContain(`Escalado al equipo de soporte por ${who} (`);
    expect(first).toMatch(/\d{4}, \d{1,2}:\d{2} UTC\)$/);
    noButtons(edit);
    // The card still shows what was escalated.
    const waiting = await ticket(ticketId);
    expect(text).toContain(String(waiting.draft).split('\n')[0]);
    return text;
  }

  beforeAll(async () => {
    const shop = await createTestShop(world.app, { name: 'Cards shop', sellerLanguage: 'es' });
    token = shop.token;
    for (const userId of ['U0TEAM1']) {
      const added = await world.api.call('PUT', `/v1/team/slack/${userId}`, {
        token,
        body: { role: 'agent' },
      });
      expect(added.status).toBe(200);
    }
    await linkTelegramChat(world, shop.linkCode, CHAT_ID);
  });

  it('escalated in Telegram: the card says to whom, by whom and when, without buttons; the team decision closes it', async () => {
    const ticketId = await newTicket(
      'Hola, pedí hace 40 días y todavía no me llegó el paquete. ¿Dónde está?',
    );
    await eventually(async () =>
      (await ticket(ticketId)).status === 'awaiting_approval' ? true : undefined,
    );
    await press(`escalate:${ticketId}`);
    await escalationEdit(ticketId, `@user${CHAT_ID}`);
    await world.slack.waitFor(() => teamCard(ticketId) !== undefined);
    const blocks = JSON.stringify(teamCard(ticketId)!.params.blocks);
    expect(blocks).toContain(`Escalado al equipo de soporte por @user${CHAT_ID} (telegram) (<!date^`);
    expect(blocks).toContain('"action_id":"approve"'); // the team decides there

    expect((await slackPress('approve', ticketId)).status).toBe(200);
    await world.telegram.waitFor(() => String(lastEdit(ticketId)?.params.text).startsWith('Aprobado por'));
    const outcome = lastEdit(ticketId)!;
    expect(String(outcome.params.text)).toMatch(/^Aprobado por ana\.support \(.+ UTC\)\n/);
    noButtons(outcome);
    expect((await ticket(ticketId)).status).toBe('sent');
  });

  it('escalated through the API: the card names the API caller', async () => {
    const ticketId = await newTicket('The lamp arrived broken, the glass is cracked');
    await eventually(async () =>
      (await ticket(ticketId)).status === 'awaiting_approval' ? true : undefined,
    );
    const escalated = await world.api.post(
      `/v1/tickets/${ticketId}/decision`,
      { action: 'escalate', by: 'Maria (seller)' },
      token,
    );
    expect(escalated.status).toBe(200);
    await escalationEdit(ticketId, 'Maria (seller)');
    // The team rejects: the card says so, by whom and when.
    await world.slack.waitFor(() => teamCard(ticketId) !== undefined);
    expect((await slackPress('reject', ticketId)).status).toBe(200);
    await world.telegram.waitFor(() => String(lastEdit(ticketId)?.params.text).startsWith('Rechazado por'));
    expect(String(lastEdit(ticketId)!.params.text)).toMatch(/^Rechazado por ana\.support \(.+ UTC\)/);
  });

  it('escalated by the SLA timer (dispute deadline near): the card names sellerdesk and why', async () => {
    const deadline = new Date(Date.now() + 2 * H).toISOString();
    const ticketId = await newTicket('Je n’ai toujours pas reçu ma commande, j’ouvre un litige', {
      dispute: { id: 'D-1', reason: 'not received', deadline },
    });
    await escalationEdit(ticketId, 'sellerdesk (se acerca el plazo de la disputa)');
    expect((await ticket(ticketId)).status).toBe('escalated');
  });

  it('approved, edited and rejected in Telegram or the API: each card says by whom and when', async () => {
    const approved = await newTicket('¿Cuándo envían mi pedido? Lo necesito para el viernes');
    const rejected = await newTicket('Quiero cancelar el pedido, ya no lo necesito');
    const edited = await newTicket('Where is my order? It has been two weeks');
    for (const id of [approved, rejected, edited])
      await eventually(async () => ((await ticket(id)).status === 'awaiting_approval' ? true : undefined));
    await press(`approve:${approved}`);
    await press(`reject:${rejected}`);
    const edit = await world.api.post(
      `/v1/tickets/${edited}/decision`,
      { action: 'edit', text: 'Hello, your parcel left our warehouse today.', by: 'Maria (seller)' },
      token,
    );
    expect(edit.status).toBe(200);
    const expected: Array<[string, RegExp]> = [
      [approved, new RegExp(`^Aprobado por @user${CHAT_ID} \\(.+ UTC\\)`)],
      [rejected, new RegExp(`^Rechazado por @user${CHAT_ID} \\(.+ UTC\\)`)],
      [edited, /^Editado y enviado por Maria \(seller\) \(.+ UTC\)/],
    ];
    for (const [id, pattern] of expected) {
      await world.telegram.waitFor(() => pattern.test(String(lastEdit(id)?.params.text)));
      noButtons(lastEdit(id)!);
    }
    expect(String(lastEdit(edited)!.params.text)).toContain('your parcel left our warehouse today');
  });

  it('a stall apology: the card names the coupon code, amount and currency, which the delivery sends with the same text', async () => {
    const at = Date.now() - 50 * H;
    const tracked = await world.api.post(
      '/v1/tracking',
      {
        orderId: 'CARDS-STALL',
        trackingNumber: 'LP00000626CN',
        carrier: 'Cainiao',
        buyer: { id: 'cards-stall-buyer', locale: 'fr-FR' },
        events: [
          { at: new Date(at - H).toISOString(), status: 'info_received', description: 'GWMS_ACCEPT' },
          { at: new Date(at).toISOString(), status: 'in_transit', description: 'PU_PICKUP_SUCCESS' },
        ],
      },
      token,
    );
    expect(tracked.status).toBe(202);
    const opened = await eventually(
      async () => {
        const shipment = (await world.api.get('/v1/shipments/LP00000626CN', token)).json;
        return shipment?.actions?.find((a: { kind: string }) => a.kind === 'apology_opened')?.details;
      },
      30_000,
      'apology',
    );
    const ticketId: string = opened.ticketId;
    const couponCode: string = opened.coupon;
    await world.telegram.waitFor(() => posted(ticketId).length === 1);
    const card = String(posted(ticketId)[0]!.params.text);
    const couponLine = card.split('\n').find((l) => l.startsWith('🎟️'))!;
    expect(couponLine).toMatch(/^🎟️ Cupón para el comprador: SD-[A-Z2-9]{10}, por valor de 3,00\sUSD$/);
    expect(couponLine).toContain(couponCode);
    expect(card).toContain(couponCode); // the French draft offers it too

    await press(`approve:${ticketId}`);
    await eventually(
      async () => world.outbound.received.find((r) => r.body.ticketId === ticketId),
      30_000,
      'apology delivery',
    );
    const delivered = world.outbound.received.filter((r) => r.body.ticketId === ticketId);
    expect(delivered).toHaveLength(1);
    expect(delivered[0]!.body.coupon).toEqual({ code: couponCode, value: 3, currency: 'USD' });
    // The card showed the very text that went out.
    expect(card).toContain(String(delivered[0]!.body.text));
    await world.telegram.waitFor(() => String(lastEdit(ticketId)?.params.text).startsWith('Aprobado por'));
    expect(String(lastEdit(ticketId)!.params.text)).toContain(couponLine);
  });
});
