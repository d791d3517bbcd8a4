import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { intentCorrections } from '../../src/db/schema/index.js';
import { classifyIntent } from '../../src/domain/message/classify.js';
import { redactPii } from '../../src/domain/message/redact.js';
import { eventually } from '../support/app.js';
import { createTestShop, linkTelegramChat, sendTelegramUpdate, useE2eWorld } from '../support/e2e.js';
import { callbackUpdate, type TelegramCall } from '../support/fake-telegram.js';

const CHAT_ID = 737373;
/** A buyer cancelling in their own words: the global model reads it as something else. */
const FIRST = 'Hola, ya no necesito la lámpara, mi hermana me regaló una por mi cumpleaños';
/** The same request from another buyer of the same shop, reworded. */
const SIMILAR = 'Hola, ya no necesito la lámpara: mi hermana me regaló una para mi cumple.';

type Keyboard = { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> };

describe('learning from the seller: correct a category in Telegram, redraft, classify the next one right', () => {
  const world = useE2eWorld({ label: 'correction', telegram: true });
  let token: string;
  let otherToken: string;

  const webhook = (update: unknown) => sendTelegramUpdate(world.app, update);
  const cardsOf = (ticketId: string): TelegramCall[] =>
    world.telegram
      .callsOf('sendMessage')
      .filter((c) => JSON.stringify(c.params.reply_markup ?? {}).includes(`approve:${ticketId}`));
  const ticket = async (ticketId: string, shopToken = token) =>
    (await world.api.get(`/v1/tickets/${ticketId}`, shopToken)).json;
  const waitingTicket = (ticketId: string, revision: number, shopToken = token) =>
    eventually(
      async () => {
        const t = await ticket(ticketId, shopToken);
        return t.status === 'awaiting_approval' && t.draftDetails?.revision === revision ? t : undefined;
      },
      60_000,
      `ticket ${ticketId} revision ${revision} awaiting approval`,
    );
  const post = (messageId: string, orderId: string, buyer: string, text: string, shopToken = token) =>
    world.api.post(
      '/v1/messages',
      { messageId, orderId, buyer: { id: buyer, locale: 'es-ES' }, text, receivedAt: '2026-12-01T10:00:00Z' },
      shopToken,
    );

  beforeAll(async () => {
    const shop = await createTestShop(world.app, {
      name: 'Lámparas Sol',
      defaultLanguage: 'es',
      sellerLanguage: 'es',
    });
    token = shop.token;
    otherToken = (await createTestShop(world.app, { name: 'Otra tienda', defaultLanguage: 'es' })).token;
    await linkTelegramChat(world, shop.linkCode, CHAT_ID);
  }, 120_000);

  it('the seller picks the right category on the card; the shop classifies the next such message right', async () => {
    const posted = await post('lamp-1', 'ORD-LAMP-1', 'buyer-lamp-1', FIRST);
    expect(posted.status).toBe(202);
    const ticketId: string = posted.json.ticketId;
    const before = await waitingTicket(ticketId, 1);
    expect(before.category).not.toBe('cancel_order');
    await world.telegram.waitFor(() => cardsOf(ticketId).length === 1);

    // The card has a "Category" button, in the seller's language.
    const card = cardsOf(ticketId)[0]!;
    const buttons = (card.params.reply_markup as Keyboard).inline_keyboard.flat();
    expect(buttons.at(-1)).toEqual({ text: '🏷️ Categoría', callback_data: `category:${ticketId}` });

    // Pressing it swaps the buttons for the 13 categories (Spanish), each within Telegram's 64 bytes.
    expect(
      (await webhook(callbackUpdate(CHAT_ID, `category:${ticketId}`, Number(card.params.message_id ?? 100))))
        .status,
    ).toBe(200);
    await world.telegram.waitFor((calls) => calls.some((c) => c.method === 'editMessageReplyMarkup'));
    const list = (
      world.telegram.callsOf('editMessageReplyMarkup').at(-1)!.params.reply_markup as Keyboard
    ).inline_keyboard.flat();
    expect(list).toHaveLength(14);
    expect(list.map((b) => b.text)).toContain('Cancelar pedido');
    for (const b of list) expect(new TextEncoder().encode(b.callback_data).length).toBeLessThanOrEqual(64);
    const cancel = list.find((b) => b.text === 'Cancelar pedido')!;
    expect(cancel.callback_data).toBe(`setcat:co:${ticketId}`);
    // The current category is marked; choosing it changes nothing and brings the decisions back, as Back does.
    const current = list.find((b) => b.text.startsWith('• '))!;
    const edits = () => world.telegram.callsOf('editMessageReplyMarkup').length;
    const decisionsBack = (from: number) =>
      world.telegram.waitFor((calls) =>
        calls
          .filter((c) => c.method === 'editMessageReplyMarkup')
          .slice(from)
          .some((c) => JSON.stringify(c.params.reply_markup).includes(`approve:${ticketId}`)),
      );
    let seen = edits();
    await webhook(callbackUpdate(CHAT_ID, current.callback_data));
    await decisionsBack(seen);
    expect(
      world.telegram
        .callsOf('answerCallbackQuery')
        .some((c) => c.params.text === 'El borrador ya tiene esta categoría.'),
    ).toBe(true);
    seen = edits();
    await webhook(callbackUpdate(CHAT_ID, `catback:${ticketId}`));
    await decisionsBack(seen);
    expect((await ticket(ticketId)).draftDetails.revision).toBe(1);

    // Choosing "Cancel order" corrects the ticket: redrafted with that template, still waiting.
    await webhook(callbackUpdate(CHAT_ID, cancel.callback_data));
    await world.telegram.waitFor((calls) =>
      calls.some(
        (c) =>
          c.method === 'answerCallbackQuery' &&
          /Categoría cambiada a Cancelar pedido/.test(String(c.params.text)),
      ),
    );
    const corrected = await waitingTicket(ticketId, 2);
    expect(corrected).toMatchObject({ category: 'cancel_order', confidence: 1, abstained: false });
    expect(corrected.draftDetails.templateId).toBe('cancel_order.default');
    expect(corrected.draft).not.toBe(before.draft);
    expect(
      corrected.events.find((e: { kind: string }) => e.kind === 'category_corrected')?.details,
    ).toMatchObject({
      revision: 2,
      category: 'cancel_order',
      correctedFrom: before.category,
      actor: { channel: 'telegram', id: String(CHAT_ID) },
    });
    // A new card with the new draft; the old one says it was replaced by a correction.
    await world.telegram.waitFor(() => cardsOf(ticketId).length === 2);
    expect(String(cardsOf(ticketId)[1]!.params.text)).toContain('Cancelar pedido');
    expect(
      world.telegram
        .callsOf('editMessageText')
        .some(
          (c) =>
            /se corrigió la categoría/.test(String(c.params.text)) &&
            String(c.params.text).includes(ticketId),
        ),
    ).toBe(true);
    // Audited, and kept as the shop's labelled example (redacted text, language, both categories).
    const audit = await world.api.get(`/v1/audit?kind=category_corrected&ticketId=${ticketId}`, token);
    expect(audit.json.entries).toHaveLength(1);
    expect(audit.json.entries[0]).toMatchObject({
      actor: { channel: 'telegram', id: String(CHAT_ID) },
      details: { category: 'cancel_order', correctedFrom: before.category, language: 'es', revision: 2 },
    });
    const [example] = await world.app.database.db
      .select()
      .from(intentCorrections)
      .where(eq(intentCorrections.ticketId, ticketId));
    expect(example).toMatchObject({ text: FIRST, language: 'es', category: 'cancel_order' });

    // Nothing went out; the seller's approval sends the corrected draft.
    await webhook(callbackUpdate(CHAT_ID, `approve:${ticketId}`));
    const sent = await eventually(async () => {
      const t = await ticket(ticketId);
      return t.status === 'sent' ? t : undefined;
    });
    expect(sent.finalText).toBe(corrected.draft);

    // The shop's next similar message is classified as the seller taught it, and says why.
    const next = await post('lamp-2', 'ORD-LAMP-2', 'buyer-lamp-2', SIMILAR);
    const classified = await waitingTicket(next.json.ticketId, 1);
    expect(classified.category).toBe('cancel_order');
    expect(classified.draftDetails.templateId).toBe('cancel_order.default');
    const drafted = classified.events.find((e: { kind: string }) => e.kind === 'drafted');
    expect(drafted.details.evidence.some((e: string) => e.startsWith('shop-memory:cancel_order'))).toBe(true);

    // Another shop never benefits from (or sees) this shop's corrections.
    const elsewhere = await post('lamp-3', 'ORD-LAMP-3', 'buyer-lamp-3', SIMILAR, otherToken);
    const theirs = await waitingTicket(elsewhere.json.ticketId, 1, otherToken);
    // The global model's answer for this wording (both wordings abstain, and need not agree).
    expect(theirs.category).toBe(classifyIntent(redactPii(SIMILAR).text, 'es').category);
    expect(theirs.category).not.toBe('cancel_order');
    const theirDraft = theirs.events.find((e: { kind: string }) => e.kind === 'drafted');
    expect(theirDraft.details.evidence.some((e: string) => e.startsWith('shop-memory:'))).toBe(false);

    // /metrics shows the correction rate per category (as classified) and language: one correction
    // among the Spanish tickets first classified as the global model read the corrected one.
    const metrics = await world.api.get('/metrics');
    const rate = theirs.category === before.category ? 0.5 : 1;
    expect(metrics.text).toContain(
      `sellerdesk_category_correction_rate{category="${before.category}",language="es"} ${rate}`,
    );
    expect(metrics.text).toMatch(/sellerdesk_category_corrections_total\{[^}]*channel="telegram"[^}]*\} 1/);
  }, 180_000);

  it('the API corrects with {category}: 202, then 409s with codes for unchanged and decided tickets, 403 without the scope', async () => {
    const posted = await post(
      'api-1',
      'ORD-API-1',
      'buyer-api-1',
      'Hola, ¿hacen envíos a Canarias y cuánto tarda?',
    );
    const ticketId: string = posted.json.ticketId;
    const first = await waitingTicket(ticketId, 1);
    const target = first.category === 'customs_tax' ? 'shipping_inquiry' : 'customs_tax';

    const readOnly = await world.api.post('/v1/tokens', { scopes: ['tickets:read'] }, token);
    const forbidden = await world.api.post(
      `/v1/tickets/${ticketId}/category`,
      { category: target },
      readOnly.json.token,
    );
    expect(forbidden.status).toBe(403);

    const accepted = await world.api.post(`/v1/tickets/${ticketId}/category`, { category: target }, token);
    expect(accepted.status).toBe(202);
    expect(accepted.json).toMatchObject({
      ticketId,
      correction: {
        category: target,
        correctedFrom: first.category,
        revision: 2,
        correctedBy: { channel: 'api' },
      },
    });
    await waitingTicket(ticketId, 2);
    const again = await world.api.post(`/v1/tickets/${ticketId}/category`, { category: target }, token);
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('category_unchanged');

    await world.api.post(`/v1/tickets/${ticketId}/decision`, { action: 'reject' }, token);
    await eventually(async () => (await ticket(ticketId)).status === 'rejected');
    const late = await world.api.post(`/v1/tickets/${ticketId}/category`, { category: 'other' }, token);
    expect(late.status).toBe(409);
    expect(late.json.error.code).toBe('already_decided');
    expect(late.json.error.details.decided).toMatchObject({ action: 'reject' });
  }, 120_000);
});
