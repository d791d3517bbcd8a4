import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startTestApp, TEST_ADMIN_TOKEN } from '../support/app.js';
import { dropSchema } from '../support/db.js';

describe('an edit not in the buyer language, over the API (422 until confirmed)', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let token: string;
  let seq = 0;

  const ticket = async (ticketId: string) => (await app.api.get(`/v1/tickets/${ticketId}`, token)).json;
  async function spanishTicket(text: string): Promise<string> {
    seq++;
    const posted = await app.api.post(
      '/v1/messages',
      {
        messageId: `el-${seq}`,
        orderId: `EL-${seq}`,
        buyer: { id: `b-${seq}`, locale: 'es-MX' },
        text,
        receivedAt: '2026-11-23T10:00:00Z',
      },
      token,
    );
    const ticketId: string = posted.json.ticketId;
    await eventually(async () => (await ticket(ticketId)).status === 'awaiting_approval');
    return ticketId;
  }
  const decide = (ticketId: string, body: Record<string, unknown>) =>
    app.api.call('POST', `/v1/tickets/${ticketId}/decision`, { token, body });

  beforeAll(async () => {
    app = await startTestApp({ label: 'editlang' });
    const created = await app.api.post(
      '/v1/admin/shops',
      { name: '深圳小店', defaultLanguage: 'es', plan: 'free', sellerLanguage: 'zh-CN' },
      TEST_ADMIN_TOKEN,
    );
    expect(created.status).toBe(201);
    expect(created.json.shop.sellerLanguage).toBe('zh-CN');
    token = created.json.apiToken;
  });

  afterAll(async () => {
    await app?.stop();
    if (app) await dropSchema(app.schema);
  });

  it('holds a reply typed in Chinese for a Spanish buyer, warns in the seller language, sends it with confirm: true', async () => {
    const ticketId = await spanishTicket('Hola, todavía no me llega el paquete. ¿Dónde está mi pedido?');
    const chinese = '您好，您的包裹已经在路上了，预计下周到达。';
    const held = await decide(ticketId, { action: 'edit', text: chinese, by: '王经理' });
    expect(held.status).toBe(422);
    expect(held.json.error.code).toBe('edit_language_mismatch');
    expect(held.json.error.details).toEqual({
      buyerLanguage: 'es',
      detectedLanguage: 'zh',
      confidence: 1,
      warning: '尚未发送：这条回复看起来是中文，但买家使用的是西班牙语。仍要按原样发送吗？',
      confirmWith: { confirm: true },
    });
    expect((await ticket(ticketId)).status).toBe('awaiting_approval');

    const sent = await decide(ticketId, { action: 'edit', text: chinese, by: '王经理', confirm: true });
    expect(sent.status).toBe(200);
    expect(sent.json.decision).toMatchObject({ action: 'edit', revision: 2 });
    const done = await eventually(async () => {
      const t = await ticket(ticketId);
      return t.status === 'sent' ? t : undefined;
    });
    expect(done.finalText).toBe(chinese);
    // Decided: a later edit is refused as before, whatever its language.
    const late = await decide(ticketId, { action: 'edit', text: chinese });
    expect(late.status).toBe(409);
    expect(late.json.error.code).toBe('already_decided');
  });

  it('English for a Spanish buyer is held too; Spanish goes through; approve needs no confirm', async () => {
    const ticketId = await spanishTicket('¿Cuánto tarda el envío a México?');
    const english = await decide(ticketId, {
      action: 'edit',
      text: 'Hello! Shipping to Mexico takes about two weeks. Thank you for your patience.',
    });
    expect(english.status).toBe(422);
    expect(english.json.error.details.detectedLanguage).toBe('en');
    expect(english.json.error.details.warning).toContain('英语');

    const spanish = await decide(ticketId, {
      action: 'edit',
      text: '¡Hola! El envío a México tarda unas dos semanas. Gracias por su paciencia.',
    });
    expect(spanish.status).toBe(200);

    const other = await spanishTicket('El cargador no funciona, lo enchufo y nada.');
    expect((await decide(other, { action: 'approve', confirm: true })).status).toBe(200);
  });

  it('the shop default seller language is a setting; the warning follows it', async () => {
    expect((await app.api.get('/v1/settings', token)).json.settings.sellerLanguage).toBe('zh-CN');
    const put = await app.api.call('PUT', '/v1/settings', { token, body: { sellerLanguage: 'fr' } });
    expect(put.status).toBe(200);
    expect(put.json.settings.sellerLanguage).toBe('fr');
    const bad = await app.api.call('PUT', '/v1/settings', { token, body: { sellerLanguage: 'de' } });
    expect(bad.status).toBe(400);

    const ticketId = await spanishTicket('Quiero cambiar la talla M por una L, ¿se puede?');
    const held = await decide(ticketId, { action: 'edit', text: '可以，请把订单号发给我们。' });
    expect(held.status).toBe(422);
    expect(held.json.error.details.warning).toBe(
      "Pas encore envoyée\u00a0: l'acheteur écrit en espagnol, mais cette réponse semble rédigée dans une autre langue (chinois). L'envoyer quand même telle quelle\u00a0?",
    );
    await app.api.call('PUT', '/v1/settings', { token, body: { sellerLanguage: 'zh-CN' } });
  });
});
