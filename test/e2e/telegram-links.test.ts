import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { teamMembers, telegramChats } from '../../src/db/schema/index.js';
import { eventually, TEST_ADMIN_TOKEN } from '../support/app.js';
import { sendTelegramUpdate, useE2eWorld } from '../support/e2e.js';
import { textUpdate } from '../support/fake-telegram.js';

const OWNER = 7001;
const STRANGER = 7002;
const AGENT = 7003;
const VIEWER = 7004;
const GROUP = -9001;
const GROUP2 = -9002;

describe('Telegram link codes and membership have a lifecycle', () => {
  const world = useE2eWorld({ label: 'tglinks', telegram: true, env: { TELEGRAM_LINK_CODE_TTL_HOURS: '2' } });
  let shop: { id: string; token: string; code: string };

  const webhook = (update: unknown) => sendTelegramUpdate(world.app, update);
  const repliesTo = (chatId: number) =>
    world.telegram
      .callsOf('sendMessage')
      .filter((c) => String(c.params.chat_id) === String(chatId))
      .filter((c) => !JSON.stringify(c.params.reply_markup ?? '').includes('approve:'))
      .map((c) => String(c.params.text ?? ''));
  const cardsTo = (chatId: number, ticketId: string) =>
    world.telegram
      .callsOf('sendMessage')
      .filter((c) => String(c.params.chat_id) === String(chatId))
      .filter((c) => JSON.stringify(c.params.reply_markup ?? '').includes(`approve:${ticketId}`));
  const user = (id: number) => ({ id, is_bot: false, first_name: `U${id}`, username: `u${id}` });
  /** Sends `text` as `userId` (in their private chat, or in `chatId`) and returns the bot's answer. */
  async function say(userId: number, text: string, chatId = userId): Promise<string> {
    const before = repliesTo(chatId).length;
    const chat =
      chatId === userId
        ? { id: chatId, type: 'private', first_name: `U${userId}` }
        : { id: chatId, type: 'group', title: 'Team' };
    const answer = await webhook(textUpdate(chatId, text, { from: user(userId), chat }));
    expect(answer.status).toBe(200);
    await world.telegram.waitFor(() => repliesTo(chatId).length > before);
    return repliesTo(chatId).at(-1)!;
  }
  async function createShop(name: string) {
    const created = await world.api.post(
      '/v1/admin/shops',
      { name, defaultLanguage: 'en', plan: 'free' },
      TEST_ADMIN_TOKEN,
    );
    expect(created.status).toBe(201);
    return {
      id: created.json.shop.id as string,
      token: created.json.apiToken as string,
      code: created.json.telegramLinkCode as string,
      expiresAt: created.json.telegramLinkCodeExpiresAt as string,
    };
  }
  async function rotate(token: string): Promise<string> {
    const rotated = await world.api.post('/v1/telegram/link-code', {}, token);
    expect(rotated.status).toBe(201);
    return rotated.json.telegramLinkCode;
  }
  const chatsOf = async (shopId: string) =>
    (await world.app.database.db.select().from(telegramChats).where(eq(telegramChats.shopId, shopId))).map(
      (c) => Number(c.chatId),
    );
  const roles = async (token: string) =>
    Object.fromEntries(
      (await world.api.get('/v1/team', token)).json.members.map((m: { userId: string; role: string }) => [
        m.userId,
        m.role,
      ]),
    );

  beforeAll(async () => {
    const created = await createShop('Links');
    const hours = (Date.parse(created.expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(1.9);
    expect(hours).toBeLessThanOrEqual(2);
    shop = created;
  });

  it('a link code links one chat once; a leaked used code links nothing', async () => {
    expect(await say(OWNER, `/start ${shop.code}`)).toMatch(/now linked to Links/);
    expect(await say(STRANGER, `/start ${shop.code}`)).toMatch(/invalid or has expired/);
    expect(await chatsOf(shop.id)).toEqual([OWNER]);
    expect(await roles(shop.token)).toEqual({ [OWNER]: 'owner' });
    // Tapping the deep link again in the linked chat is harmless.
    expect(await say(OWNER, `/start ${shop.code}`)).toMatch(/now linked to Links/);
  });

  it('rotation through the API invalidates the unused code and issues a working one', async () => {
    const other = await createShop('Rotated');
    const fresh = await rotate(other.token);
    expect(fresh).not.toBe(other.code);
    expect(await say(STRANGER, `/start ${other.code}`)).toMatch(/invalid or has expired/);
    expect(await say(STRANGER, `/start ${fresh}`)).toMatch(/now linked to Rotated/);
    const audit = await world.api.get('/v1/audit?kind=link_code_issued', other.token);
    expect(audit.json.entries).toHaveLength(1);
    expect(JSON.stringify(audit.json)).not.toContain(fresh);
    // Rotating needs settings:write.
    const reader = await world.api.post('/v1/tokens', { scopes: ['tickets:read'] }, other.token);
    const refused = await world.api.post('/v1/telegram/link-code', {}, reader.json.token);
    expect(refused.status).toBe(403);
  });

  it('chats racing with one code: exactly one links and exactly one owner', async () => {
    const raced = await createShop('Race');
    const chats = [8101, 8102, 8103, 8104, 8105, 8106];
    const answers = await Promise.all(
      chats.map((id) =>
        webhook(
          textUpdate(id, `/start ${raced.code}`, {
            from: user(id),
            chat: { id, type: 'private', first_name: `U${id}` },
          }),
        ),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(chats.map(() => 200));
    expect(await chatsOf(raced.id)).toHaveLength(1);
    const owners = await world.app.database.db
      .select()
      .from(teamMembers)
      .where(and(eq(teamMembers.shopId, raced.id), eq(teamMembers.role, 'owner')));
    expect(owners).toHaveLength(1);
    expect(await chatsOf(raced.id)).toEqual([Number(owners[0]!.userId)]);
  });

  it('/team and /pending need membership; a group moves to another shop only with its owner', async () => {
    // The owner links the team group with a rotated code.
    expect(await say(OWNER, `/start ${await rotate(shop.token)}`, GROUP)).toMatch(/now linked to Links/);
    expect(await say(STRANGER, '/team', GROUP)).toMatch(/Only members of this shop/);
    expect(await say(STRANGER, '/pending', GROUP)).toMatch(/Only members of this shop/);
    expect(await say(OWNER, '/team', GROUP)).toMatch(/Team \(1\)/);
    expect(await say(OWNER, '/pending', GROUP)).toMatch(/No tickets/);

    // A stranger in the group with another shop's code cannot pull the group (and its cards) away.
    const rival = await createShop('Rival');
    expect(await say(STRANGER, `/start ${rival.code}`, GROUP)).toMatch(/linked to another shop/);
    expect(await chatsOf(shop.id)).toContain(GROUP);
    // The refusal did not use the code up: the owner of Links moves the group with it.
    expect(await say(OWNER, `/start ${rival.code}`, GROUP)).toMatch(/now linked to Rival/);
    expect(await chatsOf(shop.id)).not.toContain(GROUP);
    expect(await chatsOf(rival.id)).toEqual([GROUP]);
    const moved = await world.api.get('/v1/audit?kind=chat_unlinked', shop.token);
    expect(moved.json.entries[0].details).toMatchObject({ chatId: String(GROUP), movedTo: rival.id });
  });

  it('/remove and DELETE /v1/team remove members and stop their chats getting cards', async () => {
    const invite = async (role: string) => {
      const text = await say(OWNER, `/invite ${role}`);
      return /inv_[A-Za-z0-9]+/.exec(text)![0];
    };
    expect(await say(AGENT, `/start ${await invite('agent')}`)).toMatch(/joined Links as agent/);
    expect(await say(VIEWER, `/start ${await invite('viewer')}`)).toMatch(/joined Links as viewer/);
    expect(await chatsOf(shop.id)).toEqual(expect.arrayContaining([OWNER, AGENT, VIEWER]));

    expect(await say(AGENT, `/remove @u${VIEWER}`)).toMatch(/Only the shop owner/);
    expect(await say(OWNER, '/remove')).toMatch(/Usage: \/remove/);
    expect(await say(OWNER, '/remove @nobody')).toMatch(/No Telegram member @nobody/);
    expect(await say(OWNER, `/remove @u${AGENT}`)).toMatch(new RegExp(`@u${AGENT} was removed`));
    expect(await say(OWNER, `/remove ${OWNER}`)).toMatch(/last owner/);
    expect(await chatsOf(shop.id)).not.toContain(AGENT);
    expect(await say(AGENT, '/pending')).toMatch(/not linked/);

    // A new ticket's card reaches the owner, not the removed agent.
    const posted = await world.api.post(
      '/v1/messages',
      {
        messageId: 'l1',
        orderId: 'L-1',
        buyer: { id: 'b1' },
        text: 'My parcel never arrived',
        receivedAt: '2026-12-01T10:00:00Z',
      },
      shop.token,
    );
    const ticketId = posted.json.ticketId as string;
    await world.telegram.waitFor(() => cardsTo(OWNER, ticketId).length === 1);
    expect(cardsTo(AGENT, ticketId)).toHaveLength(0);

    const missing = await world.api.call('DELETE', '/v1/team/telegram/424242', { token: shop.token });
    expect(missing.status).toBe(404);
    expect(missing.json.error.code).toBe('member_not_found');
    const lastOwner = await world.api.call('DELETE', `/v1/team/telegram/${OWNER}`, { token: shop.token });
    expect(lastOwner.status).toBe(409);
    expect(lastOwner.json.error.code).toBe('last_owner');
    const removed = await world.api.call('DELETE', `/v1/team/telegram/${VIEWER}`, { token: shop.token });
    expect(removed.status).toBe(204);
    expect(await roles(shop.token)).toEqual({ [OWNER]: 'owner' });
    expect(await chatsOf(shop.id)).not.toContain(VIEWER);
    const slackRole = await world.api.call('PUT', '/v1/team/slack/U0AGENT', {
      token: shop.token,
      body: { role: 'agent' },
    });
    expect(slackRole.status).toBe(200);
    expect((await world.api.call('DELETE', '/v1/team/slack/U0AGENT', { token: shop.token })).status).toBe(
      204,
    );
    const audit = await world.api.get('/v1/audit?kind=member_removed', shop.token);
    expect(audit.json.entries.map((e: { details: { userId: string } }) => e.details.userId)).toEqual([
      'U0AGENT',
      String(VIEWER),
      String(AGENT),
    ]);
    await eventually(
      async () =>
        (await world.api.get(`/v1/tickets/${ticketId}`, shop.token)).json.status === 'awaiting_approval',
    );
  });

  it('/unlink stops a chat getting cards; /leave takes a member out', async () => {
    const invited = /inv_[A-Za-z0-9]+/.exec(await say(OWNER, '/invite agent'))![0];
    expect(await say(AGENT, `/start ${invited}`)).toMatch(/joined Links as agent/);
    expect(await say(OWNER, `/start ${await rotate(shop.token)}`, GROUP2)).toMatch(/now linked to Links/);
    expect(await say(STRANGER, '/unlink', GROUP2)).toMatch(/Only members/);
    expect(await say(AGENT, '/unlink', GROUP2)).toMatch(/unlinked/);
    expect(await chatsOf(shop.id)).not.toContain(GROUP2);
    expect(await say(AGENT, '/unlink')).toMatch(/unlinked/);
    expect(await chatsOf(shop.id)).not.toContain(AGENT);
    expect(await roles(shop.token)).toMatchObject({ [AGENT]: 'agent' });
    expect(await say(AGENT, `/start ${await rotate(shop.token)}`)).toMatch(/now linked to Links/);
    expect(await say(AGENT, '/leave')).toMatch(/You left the shop/);
    expect(await roles(shop.token)).toEqual({ [OWNER]: 'owner' });
    expect(await chatsOf(shop.id)).not.toContain(AGENT);
    expect(await say(OWNER, '/leave')).toMatch(/last owner/);
  });
});
