import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorizeChatUser } from '../../src/app/access.js';
import { createShop } from '../../src/db/shops-repo.js';
import { setMemberRole } from '../../src/db/team-repo.js';
import { openTestPglite } from '../support/db.js';

describe('authorizeChatUser: a chat user, their membership, the one rule table', () => {
  let database: Awaited<ReturnType<typeof openTestPglite>>;
  let shopId: string;
  let otherShopId: string;

  beforeAll(async () => {
    database = await openTestPglite();
    shopId = (await createShop(database.db, { name: 'Lamps', defaultLanguage: 'en', plan: 'free' })).shop.id;
    otherShopId = (await createShop(database.db, { name: 'Fans', defaultLanguage: 'en', plan: 'free' })).shop
      .id;
    await setMemberRole(database.db, { shopId, channel: 'telegram', userId: '100', role: 'owner' });
    await setMemberRole(database.db, { shopId, channel: 'slack', userId: 'U1', role: 'agent' });
    await setMemberRole(database.db, { shopId, channel: 'slack', userId: 'U2', role: 'viewer' });
  });
  afterAll(async () => database.drop());

  it('lets each role do what the table allows, in Telegram and in Slack alike', async () => {
    const verdict = (
      channel: 'telegram' | 'slack',
      userId: string | undefined,
      action: 'view' | 'decide' | 'manage',
    ) => authorizeChatUser(database.db, shopId, { channel, userId }, action);
    expect(await verdict('telegram', '100', 'manage')).toEqual({ ok: true, role: 'owner' });
    expect(await verdict('slack', 'U1', 'decide')).toEqual({ ok: true, role: 'agent' });
    expect(await verdict('slack', 'U1', 'manage')).toEqual({
      ok: false,
      code: 'role_cannot_manage',
      role: 'agent',
    });
    expect(await verdict('slack', 'U2', 'view')).toEqual({ ok: true, role: 'viewer' });
    expect(await verdict('slack', 'U2', 'decide')).toEqual({
      ok: false,
      code: 'role_cannot_decide',
      role: 'viewer',
    });
  });

  it('refuses strangers: another channel, another shop, an update without a sender', async () => {
    // The Telegram owner's id means nothing in Slack, and nothing in another shop.
    expect(await authorizeChatUser(database.db, shopId, { channel: 'slack', userId: '100' }, 'view')).toEqual(
      {
        ok: false,
        code: 'not_a_member',
      },
    );
    expect(
      await authorizeChatUser(database.db, otherShopId, { channel: 'telegram', userId: '100' }, 'view'),
    ).toEqual({ ok: false, code: 'not_a_member' });
    expect(
      await authorizeChatUser(database.db, shopId, { channel: 'telegram', userId: undefined }, 'view'),
    ).toEqual({ ok: false, code: 'not_a_member' });
  });
});
