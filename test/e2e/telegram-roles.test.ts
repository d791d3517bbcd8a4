import { beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/app.js';
import { createTestShop, sendTelegramUpdate, useE2eWorld } from '../support/e2e.js';
import { callbackUpdate, textUpdate } from '../support/fake-telegram.js';

const OWNER = 5001;
const STRANGER = 5002;
const AGENT = 5003;
const VIEWER = 5004;

describe('team roles in Telegram', () => {
  const world = useE2eWorld({ label: 'roles', telegram: true });
  let token: string;

  const webhook = (update: unknown) => sendTelegramUpdate(world.app, update);
  // The last bot reply to a chat, not counting approval cards (they may arrive at any moment).
  const lastReplyTo = (chatId: number) =>
    String(
      world.telegram
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
    await world.telegram.waitFor(() => {
      const match = /inv_[A-Za-z0-9]+/.exec(lastReplyTo(OWNER));
      if (match && !used.has(match[0])) code = match[0];
      return code !== '';
    });
    used.add(code);
    return code;
  }

  async function press(userId: number, data: string): Promise<string> {
    const before = world.telegram.callsOf('answerCallbackQuery').length;
    await webhook(callbackUpdate(userId, data, 100, userId));
    await world.telegram.waitFor(() => world.telegram.callsOf('answerCallbackQuery').length > before);
    return String(world.telegram.callsOf('answerCallbackQuery').at(-1)!.params.text ?? '');
  }

  beforeAll(async () => {
    const shop = await createTestShop(world.app, { name: 'Roles' });
    token = shop.token;
    await webhook(fromUser(OWNER, `/start ${shop.linkCode}`));
    // A second person links their chat with a fresh code (codes are single use) but gets no role.
    const rotated = await world.api.post('/v1/telegram/link-code', {}, token);
    await webhook(fromUser(STRANGER, `/start ${rotated.json.telegramLinkCode}`));
    await world.telegram.waitFor(() => lastReplyTo(STRANGER) !== '');
  });

  it('the first linker is the owner; others need an invite; roles gate decisions', async () => {
    const posted = await world.api.post(
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
      async () => (await world.api.get(`/v1/tickets/${ticketId}`, token)).json.status === 'awaiting_approval',
    );

    expect(await press(STRANGER, `approve:${ticketId}`)).toMatch(/role cannot decide/);
    expect(await press(STRANGER, `edit:${ticketId}`)).toMatch(/role cannot decide/);
    await webhook(fromUser(STRANGER, '/invite agent'));
    await world.telegram.waitFor(() => /Only the shop owner/.test(lastReplyTo(STRANGER)));

    const viewerCode = await inviteCode('viewer');
    await webhook(fromUser(VIEWER, `/start ${viewerCode}`));
    await world.telegram.waitFor(() => /joined Roles as viewer/.test(lastReplyTo(VIEWER)));
    expect(await press(VIEWER, `reject:${ticketId}`)).toMatch(/role cannot decide/);

    const agentCode = await inviteCode('agent');
    await webhook(fromUser(AGENT, `/start ${agentCode}`));
    await world.telegram.waitFor(() => /joined Roles as agent/.test(lastReplyTo(AGENT)));
    // The code is one-time.
    await webhook(fromUser(STRANGER, `/start ${agentCode}`));
    await world.telegram.waitFor(() => /already used or expired/.test(lastReplyTo(STRANGER)));

    await press(AGENT, `approve:${ticketId}`);
    const ticket = await eventually(async () => {
      const r = await world.api.get(`/v1/tickets/${ticketId}`, token);
      return r.json.status === 'sent' ? r.json : undefined;
    });
    expect(ticket.decidedByActor.id).toBe(String(AGENT));

    const team = await world.api.get('/v1/team', token);
    const roles = Object.fromEntries(
      team.json.members.map((m: { userId: string; role: string }) => [m.userId, m.role]),
    );
    expect(roles).toEqual({ [OWNER]: 'owner', [VIEWER]: 'viewer', [AGENT]: 'agent' });
  });

  it('/pause by the owner pauses auto-send; a viewer cannot', async () => {
    await webhook(fromUser(VIEWER, '/pause'));
    await world.telegram.waitFor(() => /Only the shop owner/.test(lastReplyTo(VIEWER)));
    await webhook(fromUser(OWNER, '/pause'));
    await world.telegram.waitFor(() => /paused/.test(lastReplyTo(OWNER)));
    const audit = await world.api.get('/v1/audit?kind=auto_send_paused', token);
    expect(audit.json.entries).toHaveLength(1);
    expect(audit.json.entries[0].actor).toMatchObject({ channel: 'telegram', id: String(OWNER) });
  });
});
