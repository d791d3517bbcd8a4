import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startTestApp, TEST_ADMIN_TOKEN } from '../support/app.js';
import { dropSchema } from '../support/db.js';
import { startFakeOutbound } from '../support/fake-outbound.js';
import { callbackUpdate, startFakeTelegram, textUpdate } from '../support/fake-telegram.js';

const CHAT_ID = 424242;
const OUTBOUND_SECRET = 'polling-outbound-secret';

/** Without TELEGRAM_WEBHOOK_SECRET the bot long-polls `getUpdates`: the same flow as the webhook. */
describe('Telegram long polling (no webhook secret)', () => {
  let telegram: Awaited<ReturnType<typeof startFakeTelegram>>;
  let outbound: Awaited<ReturnType<typeof startFakeOutbound>>;
  let app: Awaited<ReturnType<typeof startTestApp>>;

  beforeAll(async () => {
    telegram = await startFakeTelegram();
    outbound = await startFakeOutbound(OUTBOUND_SECRET);
    app = await startTestApp({
      label: 'tgpoll',
      telegramApiRoot: telegram.apiRoot,
      telegramMode: 'polling',
      outbound: { url: outbound.url, secret: OUTBOUND_SECRET },
    });
  });

  afterAll(async () => {
    await app?.stop();
    if (app) await dropSchema(app.schema);
    await telegram?.close();
    await outbound?.close();
  });

  it('links a chat, shows the card and delivers the approved reply once', async () => {
    const created = await app.api.post(
      '/v1/admin/shops',
      { name: 'Boutique Lune', defaultLanguage: 'fr', plan: 'free', sellerLanguage: 'fr' },
      TEST_ADMIN_TOKEN,
    );
    expect(created.status).toBe(201);
    const token: string = created.json.apiToken;

    telegram.queueUpdate(textUpdate(CHAT_ID, `/start ${created.json.telegramLinkCode}`));
    await telegram.waitFor((calls) =>
      calls.some((c) => c.method === 'sendMessage' && String(c.params.chat_id) === String(CHAT_ID)),
    );
    expect(telegram.callsOf('getUpdates').length).toBeGreaterThan(0);

    const posted = await app.api.post(
      '/v1/messages',
      {
        messageId: 'poll-1',
        orderId: 'FR-1001',
        buyer: { id: 'b-poll', locale: 'fr-FR' },
        text: "Bonjour, je n'ai toujours pas reçu mon colis, pouvez-vous vérifier ?",
        receivedAt: '2026-11-23T10:00:00Z',
      },
      token,
    );
    expect(posted.status).toBe(202);
    const ticketId: string = posted.json.ticketId;
    const card = () =>
      telegram
        .callsOf('sendMessage')
        .find((c) => JSON.stringify(c.params.reply_markup ?? {}).includes(`approve:${ticketId}`));
    await telegram.waitFor(() => card() !== undefined);

    telegram.queueUpdate(callbackUpdate(CHAT_ID, `approve:${ticketId}`));
    await eventually(async () => outbound.received.length >= 1, 30_000, 'delivery');
    const sent = await eventually(async () => {
      const r = await app.api.get(`/v1/tickets/${ticketId}`, token);
      return r.json.status === 'sent' ? r.json : undefined;
    });
    expect(sent.language).toBe('fr');
    expect(sent.decidedByActor.channel).toBe('telegram');
    expect(outbound.received).toHaveLength(1);
    // The press is answered once the decision's workflow task is done (the first delivery is part of it).
    await eventually(
      async () => telegram.callsOf('answerCallbackQuery').length >= 1,
      30_000,
      'callback answered',
    );
  });
});
