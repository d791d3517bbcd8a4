import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { hashToken, newId } from '../../src/db/ids.js';
import { apiTokens } from '../../src/db/schema/index.js';
import { apiClient, eventually, TEST_ADMIN_TOKEN, TEST_WEBHOOK_SECRET } from '../support/app.js';
import { createTestShop, linkTelegramChat, useE2eWorld } from '../support/e2e.js';
import { callbackUpdate, FAKE_BOT, textUpdate } from '../support/fake-telegram.js';

const OUTBOUND_SECRET = 'outbound-test-secret';
const CHAT_ID = 424242;

describe('spine: buyer message -> Telegram approval -> exactly-once delivery', () => {
  const world = useE2eWorld({ label: 'spine', telegram: true, outboundSecret: OUTBOUND_SECRET });
  let shopToken: string;
  let shopId: string;

  const webhook = (update: unknown, secret: string | null = TEST_WEBHOOK_SECRET) =>
    world.api.call('POST', '/telegram/webhook', {
      body: update,
      ...(secret !== null ? { headers: { 'x-telegram-bot-api-secret-token': secret } } : {}),
    });

  const cardFor = (ticketId: string) =>
    world.telegram
      .callsOf('sendMessage')
      .filter((c) => JSON.stringify(c.params.reply_markup ?? {}).includes(`approve:${ticketId}`));

  const countRows = async (table: string) => {
    const result = await world.app.database.db.execute(sql.raw(`select count(*)::int as n from ${table}`));
    return Number((result as unknown as { rows: Array<{ n: number }> }).rows[0]!.n);
  };

  beforeAll(async () => {
    const shop = await createTestShop(world.app, {
      name: 'Tienda Sol',
      defaultLanguage: 'es',
      sellerLanguage: 'es',
    });
    shopToken = shop.token;
    shopId = shop.id;
    await linkTelegramChat(world, shop.linkCode, CHAT_ID);
  });

  it('approves a Spanish draft in Telegram and delivers it exactly once, signed', async () => {
    const posted = await world.api.post(
      '/v1/messages',
      {
        messageId: 'm-approve-1',
        orderId: '8123456789012345',
        buyer: { id: 'buyer-1', name: 'Lucía', locale: 'es-MX', country: 'MX' },
        text: 'Hola, pedí hace 40 días y todavía no me ha llegado el paquete. ¿Dónde está mi pedido?',
        receivedAt: '2026-11-23T10:00:00Z',
        // The carrier as integrations send it: a code, shown to the buyer by its name.
        order: { trackingNumber: 'LP00123456789012', carrier: 'cainiao' },
      },
      shopToken,
    );
    expect(posted.status).toBe(202);
    const ticketId: string = posted.json.ticketId;
    expect(ticketId).toMatch(/^tkt_/);

    await world.telegram.waitFor(() => cardFor(ticketId).length === 1);
    const card = cardFor(ticketId)[0]!;
    expect(String(card.params.chat_id)).toBe(String(CHAT_ID));
    const buttons = JSON.stringify(card.params.reply_markup);
    for (const action of ['approve', 'edit', 'reject', 'escalate'])
      expect(buttons).toContain(`${action}:${ticketId}`);

    const waiting = await eventually(async () => {
      const r = await world.api.get(`/v1/tickets/${ticketId}`, shopToken);
      return r.json.status === 'awaiting_approval' ? r.json : undefined;
    });
    expect(waiting.language).toBe('es');
    expect(waiting.category).toBe('not_received');
    expect(waiting.sentiment).toBe('neutral');
    expect(waiting.draft).toContain('8123456789012345');
    expect(waiting.draft).toContain('Cainiao (AliExpress Standard Shipping)');

    const pressed = await webhook(callbackUpdate(CHAT_ID, `approve:${ticketId}`));
    expect(pressed.status).toBe(200);
    await eventually(async () => world.outbound.received.length >= 1, 30_000, 'delivery');
    const sent = await eventually(async () => {
      const r = await world.api.get(`/v1/tickets/${ticketId}`, shopToken);
      return r.json.status === 'sent' && r.json.delivery?.state === 'delivered' ? r.json : undefined;
    });
    expect(sent.decidedByActor.channel).toBe('telegram');
    expect(sent.finalText).toBe(waiting.draft);

    expect(world.outbound.received).toHaveLength(1);
    const delivery = world.outbound.received[0]!;
    expect(delivery.signatureValid).toBe(true);
    expect(delivery.body).toMatchObject({
      ticketId,
      orderId: '8123456789012345',
      buyerId: 'buyer-1',
      language: 'es',
      text: waiting.draft,
      idempotencyKey: `${ticketId}:1`,
    });

    // The card is edited to show the outcome and who decided.
    await world.telegram.waitFor((calls) =>
      calls.some((c) => c.method === 'editMessageText' && String(c.params.text).includes(ticketId)),
    );

    // A second press is answered ("already decided"), not re-applied.
    const answersBefore = world.telegram.callsOf('answerCallbackQuery').length;
    await webhook(callbackUpdate(CHAT_ID, `approve:${ticketId}`));
    await world.telegram.waitFor(() => world.telegram.callsOf('answerCallbackQuery').length > answersBefore);
    const answer = world.telegram.callsOf('answerCallbackQuery').at(-1)!;
    expect(String(answer.params.text)).toMatch(/@user424242|424242/);
    await new Promise((r) => setTimeout(r, 500));
    expect(world.outbound.received).toHaveLength(1);
  });

  it('edits a draft through the ForceReply prompt and sends the edited text', async () => {
    const posted = await world.api.post(
      '/v1/messages',
      {
        messageId: 'm-edit-1',
        orderId: 'A-2002',
        buyer: { id: 'buyer-2' },
        text: 'The lamp arrived broken, the glass is cracked',
        receivedAt: '2026-11-23T11:00:00Z',
      },
      shopToken,
    );
    const ticketId: string = posted.json.ticketId;
    await world.telegram.waitFor(() => cardFor(ticketId).length === 1);
    await webhook(callbackUpdate(CHAT_ID, `edit:${ticketId}`));
    await world.telegram.waitFor((calls) =>
      calls.some(
        (c) =>
          c.method === 'sendMessage' &&
          JSON.stringify(c.params).includes('force_reply') &&
          String(c.params.text).includes(ticketId),
      ),
    );
    const prompt = world.telegram
      .callsOf('sendMessage')
      .find((c) => JSON.stringify(c.params).includes('force_reply'))!;
    const edited = 'We are very sorry the lamp arrived broken. A replacement ships tomorrow.';
    await webhook(
      textUpdate(CHAT_ID, edited, {
        reply_to_message: {
          message_id: 555,
          date: Math.floor(Date.now() / 1000),
          chat: { id: CHAT_ID, type: 'private' },
          from: FAKE_BOT,
          text: prompt.params.text,
        },
      }),
    );
    await eventually(
      async () => world.outbound.received.some((r) => r.body.ticketId === ticketId),
      30_000,
      'edited delivery',
    );
    const deliveries = world.outbound.received.filter((r) => r.body.ticketId === ticketId);
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]!.body.text).toBe(edited);
    expect(deliveries[0]!.body.idempotencyKey).toBe(`${ticketId}:2`);
    const ticket = await eventually(async () => {
      const r = await world.api.get(`/v1/tickets/${ticketId}`, shopToken);
      return r.json.status === 'sent' ? r.json : undefined;
    });
    expect(ticket.finalText).toBe(edited);
  });

  it('decides through the API too; a later decision gets 409 naming who decided', async () => {
    const posted = await world.api.post(
      '/v1/messages',
      {
        messageId: 'm-api-1',
        orderId: 'A-3003',
        buyer: { id: 'buyer-3' },
        text: 'Quero meu dinheiro de volta, o produto não serve',
        receivedAt: '2026-11-23T12:00:00Z',
      },
      shopToken,
    );
    const ticketId: string = posted.json.ticketId;
    await world.telegram.waitFor(() => cardFor(ticketId).length === 1);
    const first = await world.api.call('POST', `/v1/tickets/${ticketId}/decision`, {
      token: shopToken,
      body: { action: 'reject', by: 'Ana (support)' },
    });
    expect(first.status).toBe(200);
    const second = await world.api.call('POST', `/v1/tickets/${ticketId}/decision`, {
      token: shopToken,
      body: { action: 'approve' },
    });
    expect(second.status).toBe(409);
    expect(second.json.error.code).toBe('already_decided');
    expect(second.json.error.message).toContain('Ana (support)');
    const ticket = await eventually(async () => {
      const r = await world.api.get(`/v1/tickets/${ticketId}`, shopToken);
      return r.json.status === 'rejected' ? r.json : undefined;
    });
    expect(ticket.decidedByActor.name).toBe('Ana (support)');
    expect(world.outbound.received.some((r) => r.body.ticketId === ticketId)).toBe(false);
  });

  it('an API decision racing a Telegram press: exactly one wins, one delivery', async () => {
    const posted = await world.api.post(
      '/v1/messages',
      {
        messageId: 'm-race-1',
        orderId: 'A-6006',
        buyer: { id: 'buyer-6' },
        text: "Je n'ai toujours pas reçu ma commande, ça fait 5 semaines",
        receivedAt: '2026-11-23T12:30:00Z',
      },
      shopToken,
    );
    const ticketId: string = posted.json.ticketId;
    await world.telegram.waitFor(() => cardFor(ticketId).length === 1);
    const answersBefore = world.telegram.callsOf('answerCallbackQuery').length;
    const [api] = await Promise.all([
      world.api.call('POST', `/v1/tickets/${ticketId}/decision`, {
        token: shopToken,
        body: { action: 'reject', by: 'API racer' },
      }),
      webhook(callbackUpdate(CHAT_ID, `approve:${ticketId}`)),
    ]);
    await world.telegram.waitFor(() => world.telegram.callsOf('answerCallbackQuery').length > answersBefore);
    const ticket = await eventually(async () => {
      const r = await world.api.get(`/v1/tickets/${ticketId}`, shopToken);
      return r.json.status === 'rejected' || r.json.delivery?.state === 'delivered' ? r.json : undefined;
    });
    const apiWon = api.status === 200;
    if (apiWon) {
      expect(ticket.status).toBe('rejected');
      expect(String(world.telegram.callsOf('answerCallbackQuery').at(-1)!.params.text)).toContain(
        'API racer',
      );
    } else {
      expect(api.status).toBe(409);
      expect(ticket.status).toBe('sent');
    }
    await new Promise((r) => setTimeout(r, 300));
    expect(world.outbound.received.filter((r) => r.body.ticketId === ticketId)).toHaveLength(apiWon ? 0 : 1);
    const decisions = await world.app.database.db.execute(
      sql`select count(*)::int as n from decisions where ticket_id = ${ticketId}`,
    );
    expect(Number((decisions as unknown as { rows: Array<{ n: number }> }).rows[0]!.n)).toBe(1);
  });

  it('an angry, threatening buyer: urgency high, sentiment angry, and the card says so', async () => {
    const posted = await world.api.post(
      '/v1/messages',
      {
        messageId: 'm-angry-1',
        orderId: 'A-77',
        buyer: { id: 'buyer-angry', locale: 'es-ES' },
        text: 'ES UNA ESTAFA!!! el cargador llegó roto y nadie responde. Abro disputa y dejo una reseña negativa',
        receivedAt: '2026-11-23T11:00:00Z',
      },
      shopToken,
    );
    expect(posted.status).toBe(202);
    const ticketId: string = posted.json.ticketId;
    const ticket = await eventually(async () => {
      const r = await world.api.get(`/v1/tickets/${ticketId}`, shopToken);
      return r.json.status === 'awaiting_approval' ? r.json : undefined;
    });
    expect(ticket.urgency).toBe('high');
    expect(ticket.sentiment).toBe('angry');
    await world.telegram.waitFor(() => cardFor(ticketId).length === 1);
    expect(String(cardFor(ticketId)[0]!.params.text)).toContain('El comprador está molesto');
  });

  it('a repeated messageId returns the same ticket and sends one card', async () => {
    const body = {
      messageId: 'm-dup-1',
      orderId: 'A-4004',
      buyer: { id: 'buyer-4' },
      text: 'Where is my parcel? It has been 3 weeks',
      receivedAt: '2026-11-23T13:00:00Z',
    };
    const a = await world.api.post('/v1/messages', body, shopToken);
    const b = await world.api.post('/v1/messages', body, shopToken);
    expect(a.status).toBe(202);
    expect(b.status).toBe(202);
    expect(b.json.ticketId).toBe(a.json.ticketId);
    await world.telegram.waitFor(() => cardFor(a.json.ticketId).length >= 1);
    await new Promise((r) => setTimeout(r, 1000));
    expect(cardFor(a.json.ticketId)).toHaveLength(1);
  });

  it('refuses a webhook without the secret token', async () => {
    const before = world.telegram.calls.length;
    const missing = await webhook(textUpdate(CHAT_ID, '/help'), null);
    expect(missing.status).toBe(401);
    expect(missing.json.error.code).toBe('invalid_webhook_secret');
    const wrong = await webhook(textUpdate(CHAT_ID, '/help'), 'not-the-secret');
    expect(wrong.status).toBe(401);
    expect(world.telegram.calls.length).toBe(before);
  });

  it('rejects bad requests with their documented 4xx and stores nothing', async () => {
    const messagesBefore = await countRows('buyer_messages');
    const ticketsBefore = await countRows('tickets');
    const valid = {
      messageId: 'm-bad-1',
      orderId: 'A-5005',
      buyer: { id: 'buyer-5' },
      text: 'hola',
      receivedAt: '2026-11-23T13:00:00Z',
    };
    const malformed = await world.api.call('POST', '/v1/messages', {
      token: shopToken,
      raw: '{"messageId": "x",',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.json.error.code).toBe('invalid_json');

    const unknown = await world.api.post('/v1/messages', { ...valid, sneaky: true }, shopToken);
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.code).toBe('unknown_fields');
    expect(unknown.json.error.message).toContain('sneaky');

    const wrongType = await world.api.post('/v1/messages', { ...valid, text: 42 }, shopToken);
    expect(wrongType.status).toBe(400);
    expect(wrongType.json.error.code).toBe('validation_failed');

    const noToken = await world.api.post('/v1/messages', valid);
    expect(noToken.status).toBe(401);
    expect(noToken.json.error.code).toBe('unauthorized');

    const badToken = await world.api.post('/v1/messages', valid, 'sd_not-a-real-token');
    expect(badToken.status).toBe(401);

    const readOnly = `sd_${newId('ro', 16)}`;
    await world.app.database.db.insert(apiTokens).values({
      id: newId('tok'),
      shopId,
      name: 'read-only',
      tokenHash: hashToken(readOnly),
      scopes: ['tickets:read'],
    });
    const wrongScope = await world.api.post('/v1/messages', valid, readOnly);
    expect(wrongScope.status).toBe(403);
    expect(wrongScope.json.error.code).toBe('forbidden');

    const huge = await world.api.post('/v1/messages', { ...valid, text: 'x'.repeat(300 * 1024) }, shopToken);
    expect(huge.status).toBe(413);
    expect(huge.json.error.code).toBe('payload_too_large');

    const adminWithoutToken = await world.api.post('/v1/admin/shops', {
      name: 'x',
      defaultLanguage: 'en',
      plan: 'free',
    });
    expect(adminWithoutToken.status).toBe(401);

    expect(await countRows('buyer_messages')).toBe(messagesBefore);
    expect(await countRows('tickets')).toBe(ticketsBefore);
    const health = await world.api.get('/healthz');
    expect(health.status).toBe(200);
  });

  it("another shop cannot read this shop's tickets", async () => {
    const other = await world.api.post(
      '/v1/admin/shops',
      { name: 'Other', defaultLanguage: 'en', plan: 'free' },
      TEST_ADMIN_TOKEN,
    );
    const list = await world.api.get('/v1/tickets', shopToken);
    expect(list.json.tickets.length).toBeGreaterThan(0);
    const someTicket = list.json.tickets[0].ticketId;
    const foreign = await world.api.get(`/v1/tickets/${someTicket}`, other.json.apiToken);
    expect(foreign.status).toBe(404);
  });

  it('serves /healthz and Prometheus /metrics', async () => {
    const client = apiClient(world.app.url);
    const health = await client.get('/healthz');
    expect(health.json).toEqual({ status: 'ok', checks: { database: true, temporal: true } });
    const metrics = await client.get('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.text).toContain('sellerdesk_deliveries_total');
  });
});
