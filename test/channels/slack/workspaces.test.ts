import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenCipher } from '../../../src/channels/slack/token-cipher.js';
import { createSlackWorkspaces } from '../../../src/channels/slack/workspaces.js';
import { createShop } from '../../../src/db/shops-repo.js';
import {
  bindShop,
  createInstallLink,
  findBinding,
  saveInstallation,
  setBindingChannel,
  unbindShop,
  useInstallLink,
} from '../../../src/db/slack-repo.js';
import { openTestPostgres } from '../../support/db.js';
import { startFakeSlack } from '../../support/fake-slack.js';

describe('Slack workspaces: which shop is reached from where, and with which token', () => {
  let database: Awaited<ReturnType<typeof openTestPostgres>>;
  let fake: Awaited<ReturnType<typeof startFakeSlack>>;
  const cipher = createTokenCipher('workspaces-test-state-secret-0123456789');

  beforeAll(async () => {
    database = await openTestPostgres('slack-workspaces');
    fake = await startFakeSlack();
  });
  afterAll(async () => {
    await fake?.close();
    await database?.drop();
  });

  it('binds the only shop to the environment workspace, keeps it, and leaves later shops unbound', async () => {
    const workspaces = createSlackWorkspaces({
      db: database.db,
      apiUrl: fake.apiUrl,
      environment: { botToken: 'xoxb-env', channel: 'C0ENV' },
      cipher,
    });
    const first = (await createShop(database.db, { name: 'First', defaultLanguage: 'en', plan: 'free' }))
      .shop;
    expect(await workspaces.bindingOf(first.id)).toMatchObject({ via: 'environment', channelId: null });
    const second = (await createShop(database.db, { name: 'Second', defaultLanguage: 'en', plan: 'free' }))
      .shop;
    expect(await workspaces.bindingOf(second.id)).toBeNull();
    expect(await workspaces.forShop(second.id)).toBeUndefined();
    expect(await workspaces.bindingOf(first.id)).toMatchObject({ via: 'environment' });
    expect((await workspaces.forShop(first.id))?.channel).toBe('C0ENV');

    // The environment workspace's team comes from auth.test (the fake answers T0FAKE).
    expect(await workspaces.reaches(first.id, { teamId: 'T0FAKE', channelId: 'C0ENV' })).toBe(true);
    expect(await workspaces.reaches(first.id, { teamId: 'T0FAKE', channelId: 'D0DM' })).toBe(true);
    expect(await workspaces.reaches(first.id, { teamId: 'T0FAKE', channelId: 'C0OTHER' })).toBe(false);
    expect(await workspaces.reaches(first.id, { teamId: 'T0ELSE', channelId: 'C0ENV' })).toBe(false);
    expect(await workspaces.reaches(second.id, { teamId: 'T0FAKE', channelId: 'C0ENV' })).toBe(false);
    expect(fake.callsOf('auth.test')).toHaveLength(1);

    // An OAuth shop: its own token (decrypted) and channel; reached only from its team.
    await saveInstallation(database.db, {
      teamId: 'T0SECOND',
      botTokenEncrypted: cipher.seal('xoxb-second'),
      scopes: 'chat:write,commands',
    });
    await bindShop(database.db, second.id, { via: 'oauth', teamId: 'T0SECOND' });
    expect((await workspaces.forShop(second.id))?.channel).toBeUndefined();
    await setBindingChannel(database.db, second.id, 'C0SECOND');
    const shopSlack = await workspaces.forShop(second.id);
    expect(shopSlack?.channel).toBe('C0SECOND');
    await shopSlack!.cards.postMessage('C0SECOND', { text: 'hello', blocks: [] });
    expect(fake.callsOf('chat.postMessage').at(-1)?.token).toBe('xoxb-second');
    expect(await workspaces.botTokenFor('T0SECOND')).toBe('xoxb-second');
    expect(await workspaces.botTokenFor('T0UNKNOWN')).toBe('xoxb-env');
    expect(await workspaces.shopsReachedFrom({ teamId: 'T0SECOND', channelId: 'C0SECOND' })).toEqual([
      { shopId: second.id, shopName: 'Second' },
    ]);
    expect(await workspaces.shopsReachedFrom({ teamId: 'T0FAKE', channelId: 'C0SECOND' })).toEqual([]);

    // Moving to another workspace forgets the channel; turning Slack off is not undone by the default.
    await bindShop(database.db, second.id, { via: 'environment' });
    expect((await findBinding(database.db, second.id))?.channelId).toBeNull();
    expect(await unbindShop(database.db, first.id)).toBe(true);
    expect(await workspaces.bindingOf(first.id)).toBeNull();
    expect(await unbindShop(database.db, first.id)).toBe(false);
  });

  it('spends an install link once and never after it expires', async () => {
    const shop = (await createShop(database.db, { name: 'Linked', defaultLanguage: 'en', plan: 'free' }))
      .shop;
    const now = new Date();
    const fresh = await createInstallLink(database.db, shop.id, true, new Date(now.getTime() + 600_000));
    const stale = await createInstallLink(database.db, shop.id, false, new Date(now.getTime() - 1000));
    expect(await useInstallLink(database.db, stale, now)).toBeNull();
    expect(await useInstallLink(database.db, fresh, now)).toEqual({ shopId: shop.id, publicChannels: true });
    expect(await useInstallLink(database.db, fresh, now)).toBeNull();
    expect(await useInstallLink(database.db, 'sil_unknown', now)).toBeNull();
  });
});
