import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CONSOLE_LINK_TTL_MINUTES,
  createConsoleLinks,
  csrfTokenFor,
  resolveConsoleSession,
} from '../../src/app/console-access.js';
import type { SlackListenerDeps } from '../../src/channels/slack/deps.js';
import { answerCommand } from '../../src/channels/slack/listeners/commands.js';
import type { SlackWorkspaces } from '../../src/channels/slack/workspaces.js';
import { redeemConsoleLink, revokeConsoleSession } from '../../src/db/console-sessions-repo.js';
import { createShop } from '../../src/db/shops-repo.js';
import { removeMember, setMemberRole } from '../../src/db/team-repo.js';
import { createReplyRenderer } from '../../src/domain/reply/index.js';
import { loadConsoleTexts } from '../../src/i18n/console.js';
import { loadReplyResources } from '../../src/i18n/load.js';
import { openTestPostgres } from '../support/db.js';

const MINUTE = 60_000;

describe('console links and sessions', () => {
  let database: Awaited<ReturnType<typeof openTestPostgres>>;
  let shopId: string;
  let now = new Date('2026-11-23T10:00:00Z');
  const links = () =>
    createConsoleLinks({ db: database.db, baseUrl: () => 'https://desk.example', now: () => now });
  const tokenOf = (url: string) => url.split('/console/signin/')[1]!;

  beforeAll(async () => {
    database = await openTestPostgres('consoleaccess');
    shopId = (await createShop(database.db, { name: 'Links', defaultLanguage: 'es', plan: 'free' })).shop.id;
    await setMemberRole(database.db, { shopId, channel: 'telegram', userId: '11', role: 'owner' });
    await setMemberRole(database.db, { shopId, channel: 'slack', userId: 'U1', role: 'agent', name: 'ana' });
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('issues links only to members, works once, and not after ten minutes', async () => {
    expect(await links().issue({ shopId, subject: { channel: 'telegram', id: '99' } })).toEqual({
      ok: false,
      code: 'not_a_member',
    });
    const issued = await links().issue({ shopId, subject: { channel: 'telegram', id: '11' } });
    if (!issued.ok) throw new Error('no link');
    expect(issued.url).toMatch(/^https:\/\/desk\.example\/console\/signin\/sdl_/);
    expect(issued.expiresAt.getTime() - now.getTime()).toBe(CONSOLE_LINK_TTL_MINUTES * MINUTE);
    const sessionExpiresAt = new Date(now.getTime() + 60 * MINUTE);
    // Two clicks at once open one session.
    const [a, b] = await Promise.all([
      redeemConsoleLink(database.db, tokenOf(issued.url), { now, sessionExpiresAt }),
      redeemConsoleLink(database.db, tokenOf(issued.url), { now, sessionExpiresAt }),
    ]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    const late = await links().issue({ shopId, subject: { channel: 'telegram', id: '11' } });
    if (!late.ok) throw new Error('no link');
    const eleven = new Date(now.getTime() + 11 * MINUTE);
    expect(
      await redeemConsoleLink(database.db, tokenOf(late.url), { now: eleven, sessionExpiresAt }),
    ).toBeNull();
  });

  it('a session holds the member’s current role until it expires, is revoked or the member leaves', async () => {
    const issued = await links().issue({ shopId, subject: { channel: 'slack', id: 'U1', name: 'ana' } });
    if (!issued.ok) throw new Error('no link');
    const opened = await redeemConsoleLink(database.db, tokenOf(issued.url), {
      now,
      sessionExpiresAt: new Date(now.getTime() + 60 * MINUTE),
    });
    const token = opened!.sessionToken;
    expect(opened!.session.tokenHash).not.toContain(token);
    expect((await resolveConsoleSession(database.db, token, now))?.role).toBe('agent');
    await setMemberRole(database.db, { shopId, channel: 'slack', userId: 'U1', role: 'viewer' });
    expect((await resolveConsoleSession(database.db, token, now))?.role).toBe('viewer');
    expect(await resolveConsoleSession(database.db, token, new Date(now.getTime() + 61 * MINUTE))).toBeNull();
    expect(csrfTokenFor(token)).not.toBe(csrfTokenFor(`${token}x`));
    await removeMember(database.db, {
      shopId,
      channel: 'slack',
      userId: 'U1',
      actor: { channel: 'api', id: 'test' },
    });
    expect(await resolveConsoleSession(database.db, token, now)).toBeNull();
    await setMemberRole(database.db, { shopId, channel: 'slack', userId: 'U1', role: 'agent', name: 'ana' });
    expect(await resolveConsoleSession(database.db, token, now)).not.toBeNull();
    await revokeConsoleSession(database.db, opened!.session.id, now);
    expect(await resolveConsoleSession(database.db, token, now)).toBeNull();
  });

  it('answers /sellerdesk console in Slack with a link for a member, and refuses a stranger', async () => {
    now = new Date();
    const { catalogue, resources } = await loadReplyResources(process.cwd());
    const texts = await loadConsoleTexts(process.cwd());
    const reached = [{ shopId, shopName: 'Links' }];
    const deps: SlackListenerDeps = {
      db: database.db,
      tickets: { decide: async () => ({ ok: false, code: 'unused', message: 'unused' }) } as never,
      workspaces: { shopsReachedFrom: async () => reached } as unknown as SlackWorkspaces,
      renderer: createReplyRenderer(catalogue, resources),
      logger: pino({ level: 'silent' }),
      console: { links: links(), t: texts.t },
    };
    const origin = { teamId: 'T1', channelId: 'C1' };
    const member = await answerCommand(deps, 'console', { ...origin, userId: 'U1' }, 'ana');
    expect(member.text).toMatch(/Links \(agente\)/);
    const url = /https:\/\/desk\.example\/console\/signin\/\S+/.exec(member.text)?.[0];
    expect(url).toBeDefined();
    const opened = await redeemConsoleLink(database.db, tokenOf(url!), {
      now,
      sessionExpiresAt: new Date(now.getTime() + MINUTE),
    });
    expect(opened?.session).toMatchObject({
      shopId,
      subjectChannel: 'slack',
      subjectId: 'U1',
      language: 'es',
    });
    const stranger = await answerCommand(deps, 'console', { ...origin, userId: 'U9' }, 'eve');
    expect(stranger.text).toMatch(/Solo los miembros de esta tienda/);
    expect(stranger.text).not.toMatch(/signin/);
  });
});
