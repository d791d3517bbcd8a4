import { describe, expect, it } from 'vitest';
import { eventually, TEST_ADMIN_TOKEN } from '../support/app.js';
import { useE2eWorld } from '../support/e2e.js';
import { callbackUpdate, textUpdate } from '../support/fake-telegram.js';

const CHAT_ID = 424242;
const OUTBOUND_SECRET = 'polling-outbound-secret';

/** Without TELEGRAM_WEBHOOK_SECRET the bot long-polls `getUpdates`: the same flow as the webhook. */
describe('Telegram long polling (no webhook secret)', () => {
  const world = useE2eWorld({ label: 'tgpoll', telegram: 'polling', outboundSecret: OUTBOUND_SECRET });

  it('links a chat, shows the card and delivers the approved reply once', async () => {
    const created = await world.api.post(
      '/v1/admin/shops',
      { name: 'Boutique Lune', defaultLanguage: 'fr', plan: 'free', sellerLanguage: 'fr' },
      TEST_ADMIN_TOKEN,
    );
    expect(created.status).toBe(201);
    const token: string = created.json.apiToken;

    world.telegram.queueUpdate(textUpdate(CHAT_ID, `/start ${created.json.telegramLinkCode}`));
    await world.telegram.waitFor((calls) =>
      calls.some((c) => c.method === 'sendMessage' && String(c.params.chat_id) === String(CHAT_ID)),
    );
    expect(world.telegram.callsOf('getUpdates').length).toBeGreaterThan(0);

    const posted = await world.api.post(
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
      world.telegram
        .callsOf('sendMessage')
        .find((c) => JSON.stringify(c.params.reply_markup ?? {}).includes(`approve:${ticketId}`));
    await world.telegram.waitFor(() => card() !== undefined);

    world.telegram.queueUpdate(callbackUpdate(CHAT_ID, `approve:${ticketId}`));
    await eventually(async () => world.outbound.received.length >= 1, 30_000, 'delivery');
    const sent = await eventually(async () => {
      const r = await world.api.get(`/v1/tickets/${ticketId}`, token);
      return r.json.status === 'sent' ? r.json : undefined;
    });
    expect(sent.language).toBe('fr');
    expect(sent.decidedByActor.channel).toBe('telegram');
    expect(world.outbound.received).toHaveLength(1);
    // The press is answered once the decision's workflow task is done (the first delivery is part of it).
    await eventually(
      async () => world.telegram.callsOf('answerCallbackQuery').length >= 1,
      30_000,
      'callback answered',
    );
  });
});
