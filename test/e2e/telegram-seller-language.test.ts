import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startTestApp, TEST_ADMIN_TOKEN, TEST_WEBHOOK_SECRET } from '../support/app.js';
import { dropSchema } from '../support/db.js';
import { callbackUpdate, FAKE_BOT, startFakeTelegram, textUpdate } from '../support/fake-telegram.js';

/** A Chinese seller (Telegram in Simplified Chinese) running a shop whose buyers write Portuguese. */
const CHINESE_SELLER = 6101;
/** A second seller of the same shop, Telegram in Brazilian Portuguese. */
const BRAZILIAN_SELLER = 6102;

describe('the seller language is the seller’s, not the buyers’ (Telegram)', () => {
  let telegram: Awaited<ReturnType<typeof startFakeTelegram>>;
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let token: string;

  const webhook = (update: unknown) =>
    app.api.call('POST', '/telegram/webhook', {
      body: update,
      headers: { 'x-telegram-bot-api-secret-token': TEST_WEBHOOK_SECRET },
    });
  const from = (id: number, languageCode: string) => ({
    from: { id, is_bot: false, first_name: `S${id}`, username: `s${id}`, language_code: languageCode },
  });
  const sentTo = (chatId: number) =>
    telegram.callsOf('sendMessage').filter((c) => String(c.params.chat_id) === String(chatId));
  const cardFor = (chatId: number, ticketId: string) =>
    sentTo(chatId).find((c) => JSON.stringify(c.params.reply_markup ?? '').includes(`approve:${ticketId}`));

  async function say(
    chatId: number,
    languageCode: string,
    text: string,
    extra: Record<string, unknown> = {},
  ) {
    const before = sentTo(chatId).length;
    await webhook(textUpdate(chatId, text, { ...from(chatId, languageCode), ...extra }));
    await telegram.waitFor(() => sentTo(chatId).length > before);
    return sentTo(chatId).at(-1)!;
  }

  async function press(chatId: number, data: string): Promise<string> {
    const before = telegram.callsOf('answerCallbackQuery').length;
    await webhook(callbackUpdate(chatId, data, 900, chatId));
    await telegram.waitFor(() => telegram.callsOf('answerCallbackQuery').length > before);
    return String(telegram.callsOf('answerCallbackQuery').at(-1)!.params.text ?? '');
  }

  async function buyerWrites(messageId: string, text: string): Promise<string> {
    const posted = await app.api.post(
      '/v1/messages',
      {
        messageId,
        orderId: `BR-${messageId}`,
        buyer: { id: `buyer-${messageId}`, locale: 'pt-BR' },
        text,
        receivedAt: '2026-11-23T10:00:00Z',
      },
      token,
    );
    const ticketId: string = posted.json.ticketId;
    await telegram.waitFor(() => cardFor(CHINESE_SELLER, ticketId) !== undefined);
    return ticketId;
  }

  /** Presses Edit on the card and answers the prompt with `text`; resolves with the bot's answer. */
  async function editWith(ticketId: string, text: string) {
    await press(CHINESE_SELLER, `edit:${ticketId}`);
    await telegram.waitFor(() =>
      sentTo(CHINESE_SELLER).some(
        (c) => JSON.stringify(c.params).includes('force_reply') && String(c.params.text).includes(ticketId),
      ),
    );
    const prompt = sentTo(CHINESE_SELLER)
      .filter((c) => JSON.stringify(c.params).includes('force_reply'))
      .at(-1)!;
    return say(CHINESE_SELLER, 'zh-hans', text, {
      reply_to_message: {
        message_id: 777,
        date: Math.floor(Date.now() / 1000),
        chat: { id: CHINESE_SELLER, type: 'private' },
        from: FAKE_BOT,
        text: prompt.params.text,
      },
    });
  }

  const ticket = async (ticketId: string) => (await app.api.get(`/v1/tickets/${ticketId}`, token)).json;

  beforeAll(async () => {
    telegram = await startFakeTelegram();
    app = await startTestApp({ label: 'sellerlang', telegramApiRoot: telegram.apiRoot });
    // No sellerLanguage: the shop default follows the buyers' language (Portuguese).
    const created = await app.api.post(
      '/v1/admin/shops',
      { name: 'Loja Dragão', defaultLanguage: 'pt', plan: 'free' },
      TEST_ADMIN_TOKEN,
    );
    token = created.json.apiToken;
    expect(created.json.shop.sellerLanguage).toBe('pt');
    const linked = await say(CHINESE_SELLER, 'zh-hans', `/start ${created.json.telegramLinkCode}`);
    expect(linked.params.text).toBe('此聊天已绑定店铺 Loja Dragão。');
  });

  afterAll(async () => {
    await app?.stop();
    if (app) await dropSchema(app.schema);
    await telegram?.close();
  });

  it('a seller whose Telegram is in Chinese gets Chinese cards for Portuguese buyers; the draft stays Portuguese', async () => {
    const ticketId = await buyerWrites('zh1', 'Olá, meu pedido ainda não chegou. Cadê o meu pacote?');
    const card = cardFor(CHINESE_SELLER, ticketId)!;
    const text = String(card.params.text);
    expect(text).toContain('🆕 新工单 · 订单 BR-zh1');
    expect(text).toContain('语言: 葡萄牙语');
    expect(text).toMatch(/类别: \p{Script=Han}+/u);
    expect(text).toContain('买家留言');
    expect(text).toContain('回复草稿');
    const draft = (await eventually(async () => {
      const t = await ticket(ticketId);
      return t.status === 'awaiting_approval' ? t : undefined;
    })) as { language: string; draft: string };
    expect(draft.language).toBe('pt');
    expect(text).toContain(draft.draft.split('\n')[0]);
    const buttons = JSON.stringify(card.params.reply_markup);
    for (const label of ['✅ 批准', '✏️ 编辑', '❌ 拒绝', '⬆️ 转交团队']) expect(buttons).toContain(label);

    const pending = await say(CHINESE_SELLER, 'zh-hans', '/pending');
    expect(String(pending.params.text)).toMatch(/^\d+ 个工单待审批：/);
    expect(String(pending.params.text)).toContain(`#${ticketId} · BR-zh1 · `);
    expect(String(pending.params.text)).not.toMatch(/Not received|Não recebido/);

    // Approving answers in Chinese; the card shows who decided and when, with a Chinese date.
    expect(await press(CHINESE_SELLER, `approve:${ticketId}`)).toBe('回复已批准。');
    await telegram.waitFor(() =>
      telegram
        .callsOf('editMessageText')
        .some(
          (c) =>
            String(c.params.chat_id) === String(CHINESE_SELLER) && /已于 .*批准/.test(String(c.params.text)),
        ),
    );
    const outcome = telegram
      .callsOf('editMessageText')
      .filter((c) => String(c.params.chat_id) === String(CHINESE_SELLER))
      .map((c) => String(c.params.text))
      .find((t) => t.includes('批准'))!;
    expect(outcome).toMatch(/^@user6101 已于 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2} UTC 批准/);
  });

  it('/lang zh switches a chat to Chinese; an unknown code lists zh among the codes', async () => {
    const rotated = await app.api.post('/v1/telegram/link-code', {}, token);
    const linked = await say(BRAZILIAN_SELLER, 'pt-br', `/start ${rotated.json.telegramLinkCode}`);
    expect(linked.params.text).toContain('Loja Dragão');
    expect(linked.params.text).not.toContain('绑定');
    const help = await say(BRAZILIAN_SELLER, 'pt-br', '/help');
    expect(help.params.text).toContain('Comandos disponíveis');

    const switched = await say(BRAZILIAN_SELLER, 'pt-br', '/lang zh');
    expect(switched.params.text).toBe('机器人语言已切换为简体中文。');
    expect((await say(BRAZILIAN_SELLER, 'pt-br', '/help')).params.text).toContain('可用命令');
    const unknown = await say(BRAZILIAN_SELLER, 'pt-br', '/lang de');
    expect(unknown.params.text).toBe('未知的语言代码“de”。可用代码：en, es, fr, ru, pt, zh。');
    expect((await say(BRAZILIAN_SELLER, 'pt-br', '/lang pt-BR')).params.text).toContain('português');
    expect((await say(BRAZILIAN_SELLER, 'pt-br', '/lang 中文')).params.text).toBe(
      '机器人语言已切换为简体中文。',
    );
    // The next card reaches this chat in Chinese too.
    const ticketId = await buyerWrites('zh2', 'Recebi o tênis errado, pedi o preto tamanho 42.');
    await telegram.waitFor(() => cardFor(BRAZILIAN_SELLER, ticketId) !== undefined);
    expect(String(cardFor(BRAZILIAN_SELLER, ticketId)!.params.text)).toContain('新工单');
  });

  it('an edit typed in Chinese for a Portuguese buyer is held with a Chinese warning until the seller confirms', async () => {
    const ticketId = await buyerWrites('zh3', 'O produto veio quebrado, a tela está rachada.');
    const chinese = '您好，非常抱歉商品损坏了，我们明天给您补发新的。';
    const warning = await editWith(ticketId, chinese);
    expect(warning.params.text).toBe(
      '尚未发送：这条回复看起来是中文，但买家使用的是葡萄牙语。仍要按原样发送吗？',
    );
    const keyboard = JSON.stringify(warning.params.reply_markup);
    expect(keyboard).toContain('✅ 仍然发送');
    expect(keyboard).toContain('✖️ 不发送');
    const send = /held:send:tkt_[A-Za-z0-9]+:\d+/.exec(keyboard)![0];
    // Nothing went out: the ticket still waits for a decision.
    expect((await ticket(ticketId)).status).toBe('awaiting_approval');

    expect(await press(CHINESE_SELLER, send)).toBe('已收到编辑后的回复。');
    const sent = await eventually(async () => {
      const t = await ticket(ticketId);
      return t.status === 'sent' ? t : undefined;
    });
    expect(sent.finalText).toBe(chinese);
    expect(sent.decidedByActor.id).toBe(String(CHINESE_SELLER));
    // The warning lost its buttons and says the reply went out; a second press changes nothing.
    const closed = telegram
      .callsOf('editMessageText')
      .filter((c) => String(c.params.chat_id) === String(CHINESE_SELLER))
      .at(-1)!;
    expect(JSON.stringify(closed.params.reply_markup)).toBe('{"inline_keyboard":[]}');
    expect(await press(CHINESE_SELLER, send)).toMatch(/该工单已由 @user6101 于 .* 处理。/);
  });

  it('"Don\'t send" leaves the ticket waiting; an edit in the buyer\'s language is sent at once', async () => {
    const ticketId = await buyerWrites('zh4', 'Quanto tempo demora o envio para o Brasil?');
    const warning = await editWith(ticketId, '大概需要十五天左右。');
    const drop = /held:drop:tkt_[A-Za-z0-9]+:\d+/.exec(JSON.stringify(warning.params.reply_markup))![0];
    expect(await press(CHINESE_SELLER, drop)).toBe('未发送。如需重新回复，请再次点击工单卡片上的“编辑”。');
    expect((await ticket(ticketId)).status).toBe('awaiting_approval');

    const portuguese = 'Olá! O envio para o Brasil leva cerca de 15 dias úteis. Obrigado pela paciência.';
    const accepted = await editWith(ticketId, portuguese);
    expect(accepted.params.text).toBe('已收到编辑后的回复。');
    const sent = await eventually(async () => {
      const t = await ticket(ticketId);
      return t.status === 'sent' ? t : undefined;
    });
    expect(sent.finalText).toBe(portuguese);
  });
});
