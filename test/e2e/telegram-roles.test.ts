import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startTestApp, TEST_ADMIN_TOKEN, TEST_WEBHOOK_SECRET } from '../support/app.js';
import { dropSchema } from '../support/db.js';
import { callbackUpdate, startFakeTelegram, textUpdate } from '../support/fake-telegram.js';

const OWNER = 5001;
const STRANGER = 5002;
const AGENT = 5003;
const VIEWER = 5004;

describe('team roles in Telegram', () => {
  let telegram: Awaited<ReturnType<typeof startFakeTelegram>>;
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let token: string;

  const webhook = (update: unknown) =>
    app.api.call('POST', '/telegram/webhook', {
      body: update,
      headers: { 'x-telegram-bot-api-secret-token': TEST_WEBHOOK_SECRET },
    });
  // The last bot reply to a chat, not counting approval cards (they may arrive at any moment).
  const lastReplyTo = (chatId: number) =>
    String(
      telegram
        .callsOf('sendMessage')
        .filter((c) => String(c.params.chat_id) === String(chatId))
        .filter((c) => !JSON.stringify(c.params.reply_markup ?? '').includes('approve:'))
        .at(-1)?.params.text ?? '',
    );
  const fromUser = (chatId: number, text: string) =>
    textUpdate(chatId, text, {
      from: { id: chatId, is_bot: false, first_name: `U${chatId}`, username: `u${chatId}` },
    });

  const used = new Set<string>();
  async function inviteCode(role: string): Promise<string> {
    await webhook(fromUser(OWNER, `/invite ${role}`));
    let code = '';
    await telegram.waitFor(() => {
      const match = /inv_[A-Za-z0-9]+/.exec(lastReplyTo(OWNER));
      if (match && !used.has(match[0])) code = match[0];
      return code !== '';
    });
    used.add(code);
    return code;
  }

  async function press(userId: number, data: string): Promise<string> {
    const before = telegram.callsOf('answerCallbackQuery').length;
    await webhook(callbackUpdate(userId, data, 100, userId));
    await telegram.waitFor(() => telegram.callsOf('answerCallbackQuery').length > before);
    return String(telegram.callsOf('answerCallbackQuery').at(-1)!.params.text ?? '');
  }

  beforeAll(async () => {
    telegram = await startFakeTelegram();
    app = await startTestApp({ label: 'roles', telegramApiRoot: telegram.apiRoot });
    const created = await app.api.post(
      '/v1/admin/shops',
      { name: 'Roles', defaultLanguage: 'en', plan: 'free' },
      TEST_ADMIN_TOKEN,
    );
    token = created.json.apiToken;
    await webhook(fromUser(OWNER, `/start ${created.json.telegramLinkCode}`));
    // A second person links their chat with a fresh code (codes are single use) but gets no role.
    const rotated = await app.api.post('/v1/telegram/link-code', {}, token);
    await webhook(fromUser(STRANGER, `/start ${rotated.json.telegramLinkCode}`));
    await telegram.waitFor(() => lastReplyTo(STRANGER) !== '');
  });
  afterAll(async () => {
    await app?.stop();
    if (app) await dropSchema(app.schema);
    await telegram?.close();
  });

  it('the first linker is the owner; others need an invite; roles gate decisions', async () => {
    const posted = await app.api.post(
      '/v1/messages',
      {
        messageId: 'r1',
        orderId: 'R-1',
        buyer: { id: 'b1' },
        text: 'My parcel never arrived',
        receivedAt: '2026-11-23T10:00:00Z',
      },
      token,
    );
    const ticketId = posted.json.ticketId;
    await eventually(
      async () => (await app.api.get(`/v1/tickets/${ticketId}`, token)).json.status === 'awaiting_approval',
    );

    expect(await press(STRANGER, `approve:${ticketId}`)).toMatch(/role cannot decide/);
    expect(await press(STRANGER, `edit:${ticketId}`)).toMatch(/role cannot decide/);
    await webhook(fromUser(STRANGER, '/invite agent'));
    await telegram.waitFor(() => /Only the shop owner/.test(lastReplyTo(STRANGER)));

    const viewerCode = await inviteCode('viewer');
    await webhook(fromUser(VIEWER, `/start ${viewerCode}`));
    await telegram.waitFor(() => /joined Roles as viewer/.test(lastReplyTo(VIEWER)));
    expect(await press(VIEWER, `reject:${ticketId}`)).toMatch(/role cannot decide/);

    const agentCode = await inviteCode('agent');
    await webhook(fromUser(AGENT, `/start ${agentCode}`));
    await telegram.waitFor(() => /joined Roles as agent/.test(lastReplyTo(AGENT)));
    // The code is one-time.
    await webhook(fromUser(STRANGER, `/start ${agentCode}`));
    await telegram.waitFor(() => /already used or expired/.test(lastReplyTo(STRANGER)));

    await press(AGENT, `approve:${ticketId}`);
    const ticket = await eventually(async () => {
      const r = await app.api.get(`/v1/tickets/${ticketId}`, token);
      return r.json.status === 'sent' ? r.json : undefined;
    });
    expect(ticket.decidedByActor.id).toBe(String(AGENT));

    const team = await app.api.get('/v1/team', token);
    const roles = Object.fromEntries(
      team.json.members.map((m: { userId: string; role: string }) => [m.userId, m.role]),
    );
    expect(roles).toEqual({ [OWNER]: 'owner', [VIEWER]: 'viewer', [AGENT]: 'agent' });
  });

  it('/pause by the owner pauses auto-send; a viewer cannot', async () => {
    await webhook(fromUser(VIEWER, '/pause'));
    await telegram.waitFor(() => /Only the shop owner/.test(lastReplyTo(VIEWER)));
    await webhook(fromUser(OWNER, '/pause'));
    await telegram.waitFor(() => /paused/.test(lastReplyTo(OWNER)));
    const audit = await app.api.get('/v1/audit?kind=auto_send_paused', token);
    expect(audit.json.entries).toHaveLength(1);
    expect(audit.json.entries[0].actor).toMatchObject({ channel: 'telegram', id: String(OWNER) });
  });
});
