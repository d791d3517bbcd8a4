import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../src/db/ids.js';
import {
  describeShopOutbound,
  getShopOutbound,
  SecretWriteError,
  setShopOutbound,
} from '../../src/db/outbound-repo.js';
import { auditLog, metering, teamMembers, telegramLinkCodes } from '../../src/db/schema/index.js';
import {
  createShop,
  issueLinkCode,
  linkChatToShop,
  listTelegramChats,
  redeemLinkCode,
  unlinkTelegramChat,
} from '../../src/db/shops-repo.js';
import { claimOwnershipIfFirst, findMember, removeMember } from '../../src/db/team-repo.js';
import { countApiCall, meter, uncountApiCall, unmeter, usageSummary } from '../../src/db/usage-repo.js';
import { openTestPostgres } from '../support/db.js';

const HOUR = 3_600_000;

describe('link codes, membership and meters on real PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof openTestPostgres>>;

  beforeAll(async () => {
    database = await openTestPostgres('links');
  });
  afterAll(async () => {
    await database?.drop();
  });

  const newShop = (name: string, ttlHours?: number) =>
    createShop(
      database.db,
      { name, defaultLanguage: 'en', plan: 'free' },
      ttlHours ? { linkCodeTtlHours: ttlHours } : {},
    );

  it('stores link codes hashed, with an expiry of the configured hours', async () => {
    const created = await newShop('Hashed', 2);
    const rows = await database.db
      .select()
      .from(telegramLinkCodes)
      .where(eq(telegramLinkCodes.shopId, created.shop.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.codeHash).toBe(hashToken(created.telegramLinkCode));
    expect(JSON.stringify(rows)).not.toContain(created.telegramLinkCode);
    const ttl = rows[0]!.expiresAt.getTime() - rows[0]!.createdAt.getTime();
    expect(Math.abs(ttl - 2 * HOUR)).toBeLessThan(5_000);
    expect(created.telegramLinkCodeExpiresAt.getTime()).toBe(rows[0]!.expiresAt.getTime());
  });

  it('a link code is single use and expires', async () => {
    const created = await newShop('Single');
    const code = created.telegramLinkCode;
    expect((await redeemLinkCode(database.db, code, '1001', '1001')).status).toBe('linked');
    // The same chat again: already linked, nothing consumed.
    expect((await redeemLinkCode(database.db, code, '1001', '1001')).status).toBe('already_linked');
    // Another chat: the code is used up.
    expect((await redeemLinkCode(database.db, code, '1002', '1002')).status).toBe('invalid');

    const fresh = await issueLinkCode(database.db, created.shop.id, 24);
    const tomorrow = new Date(Date.now() + 25 * HOUR);
    expect((await redeemLinkCode(database.db, fresh.code, '1003', '1003', tomorrow)).status).toBe('invalid');
    expect((await redeemLinkCode(database.db, fresh.code, '1003', '1003')).status).toBe('linked');
  });

  it('rotation revokes the live code; one live code per shop', async () => {
    const created = await newShop('Rotate');
    const rotated = await issueLinkCode(database.db, created.shop.id);
    expect((await redeemLinkCode(database.db, created.telegramLinkCode, '2001', '2001')).status).toBe(
      'invalid',
    );
    const again = await Promise.all([
      issueLinkCode(database.db, created.shop.id),
      issueLinkCode(database.db, created.shop.id),
      issueLinkCode(database.db, created.shop.id),
    ]);
    expect((await redeemLinkCode(database.db, rotated.code, '2001', '2001')).status).toBe('invalid');
    const live = (
      await Promise.all(again.map((c) => redeemLinkCode(database.db, c.code, '2002', '2002')))
    ).filter((o) => o.status !== 'invalid');
    expect(live).toHaveLength(1);
    // A second live row for the shop is refused by the partial unique index itself.
    const codes = await database.db
      .select()
      .from(telegramLinkCodes)
      .where(eq(telegramLinkCodes.shopId, created.shop.id));
    expect(codes.filter((c) => !c.usedAt && !c.revokedAt)).toHaveLength(0);
    await issueLinkCode(database.db, created.shop.id);
    await expect(
      database.db.insert(telegramLinkCodes).values({
        codeHash: hashToken('lnk_manual'),
        shopId: created.shop.id,
        expiresAt: new Date(Date.now() + HOUR),
      }),
    ).rejects.toThrow();
  });

  it('concurrent first links make exactly one owner (database constraint, not a read-then-write)', async () => {
    const created = await newShop('Race');
    const users = Array.from({ length: 12 }, (_, i) => String(3000 + i));
    const roles = await Promise.all(users.map((u) => claimOwnershipIfFirst(database.db, created.shop.id, u)));
    expect(roles.filter((r) => r === 'owner')).toHaveLength(1);
    const owners = await database.db
      .select()
      .from(teamMembers)
      .where(and(eq(teamMembers.shopId, created.shop.id), eq(teamMembers.role, 'owner')));
    expect(owners).toHaveLength(1);
    expect(owners[0]!.via).toBe('link_code');
    // The index alone refuses a second owner-by-link, even written directly.
    await expect(
      database.db.insert(teamMembers).values({
        shopId: created.shop.id,
        channel: 'telegram',
        userId: '3999',
        role: 'owner',
        via: 'link_code',
      }),
    ).rejects.toThrow();
  });

  it('concurrent chats redeeming one code: one links, the rest are refused', async () => {
    const created = await newShop('Redeem race');
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        redeemLinkCode(database.db, created.telegramLinkCode, `40${i}`, `40${i}`),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'linked')).toHaveLength(1);
    expect(await listTelegramChats(database.db, created.shop.id)).toHaveLength(1);
  });

  it('a chat of another shop moves only when its owner links it', async () => {
    const a = await newShop('Shop A');
    const b = await newShop('Shop B');
    expect((await redeemLinkCode(database.db, a.telegramLinkCode, '-500', '51')).status).toBe('linked');
    await claimOwnershipIfFirst(database.db, a.shop.id, '51');
    // A group member who is not A's owner tries B's code in the group.
    const refused = await redeemLinkCode(database.db, b.telegramLinkCode, '-500', '52');
    expect(refused).toEqual({ status: 'owner_confirmation_needed', currentShopId: a.shop.id });
    expect((await listTelegramChats(database.db, a.shop.id)).map((c) => c.chatId)).toEqual(['-500']);
    // The code was not used up by the refusal: A's owner moves the group with it.
    const moved = await redeemLinkCode(database.db, b.telegramLinkCode, '-500', '51');
    expect(moved).toMatchObject({ status: 'linked', movedFrom: a.shop.id });
    expect(await listTelegramChats(database.db, a.shop.id)).toHaveLength(0);
    expect(await unlinkTelegramChat(database.db, b.shop.id, '-500')).toBe(true);
    expect(await listTelegramChats(database.db, b.shop.id)).toHaveLength(0);
  });

  it('removing a member unlinks the chats they linked; the last owner stays', async () => {
    const created = await newShop('Remove');
    const shopId = created.shop.id;
    await redeemLinkCode(database.db, created.telegramLinkCode, '6001', '6001');
    await claimOwnershipIfFirst(database.db, shopId, '6001');
    const second = await issueLinkCode(database.db, shopId);
    await database.db
      .insert(teamMembers)
      .values({ shopId, channel: 'telegram', userId: '6002', role: 'agent' });
    // The agent's chat is linked with a rotated code; the owner's chat stays.
    expect((await redeemLinkCode(database.db, second.code, '6002', '6002')).status).toBe('linked');
    const actor = { channel: 'api', id: 'tok_test' };
    expect(await removeMember(database.db, { shopId, channel: 'telegram', userId: '6001', actor })).toEqual({
      status: 'last_owner',
    });
    const removed = await removeMember(database.db, { shopId, channel: 'telegram', userId: '6002', actor });
    expect(removed).toEqual({ status: 'removed', role: 'agent', unlinkedChats: ['6002'] });
    expect(await findMember(database.db, shopId, 'telegram', '6002')).toBeNull();
    expect((await listTelegramChats(database.db, shopId)).map((c) => c.chatId)).toEqual(['6001']);
    expect(await removeMember(database.db, { shopId, channel: 'slack', userId: 'U1', actor })).toEqual({
      status: 'not_found',
    });
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.shopId, shopId), eq(auditLog.kind, 'member_removed')));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({ userId: '6002', unlinkedChats: ['6002'] });
  });

  it('a refused API call is taken back from the daily count and the monthly meter alike', async () => {
    const created = await newShop('Meters');
    const shopId = created.shop.id;
    const now = new Date('2026-12-06T10:00:00Z');
    for (let i = 0; i < 3; i++) await countApiCall(database.db, shopId, now);
    await uncountApiCall(database.db, shopId, now);
    const usage = await usageSummary(database.db, shopId, now);
    expect(usage.today.calls).toBe(2);
    expect(usage.month.apiCalls).toBe(2);
    // Never below zero, on both counters.
    for (let i = 0; i < 5; i++) await uncountApiCall(database.db, shopId, now);
    const floor = await usageSummary(database.db, shopId, now);
    expect([floor.today.calls, floor.month.apiCalls]).toEqual([0, 0]);
    await meter(database.db, shopId, 'auto_sent', now);
    await unmeter(database.db, shopId, 'auto_sent', now, 2);
    const [autoSent] = await database.db
      .select()
      .from(metering)
      .where(and(eq(metering.shopId, shopId), eq(metering.kind, 'auto_sent')));
    expect(autoSent?.count).toBe(0);
  });

  it('a shop receiver keeps its secret out of what settings show', async () => {
    const created = await newShop('Receiver');
    const shopId = created.shop.id;
    expect(await describeShopOutbound(database.db, shopId)).toBeNull();
    await setShopOutbound(database.db, shopId, {
      url: 'https://market.example/a',
      secret: 'secret-one-0123456',
    });
    await setShopOutbound(database.db, shopId, {
      url: 'https://market.example/b',
      secret: 'secret-two-0123456',
    });
    expect(await getShopOutbound(database.db, shopId)).toEqual({
      url: 'https://market.example/b',
      secret: 'secret-two-0123456',
    });
    expect(await describeShopOutbound(database.db, shopId)).toEqual({
      url: 'https://market.example/b',
      hasSecret: true,
    });
    await setShopOutbound(database.db, shopId, null);
    expect(await getShopOutbound(database.db, shopId)).toBeNull();
    // A failed write names no parameter: the secret cannot reach a log through the error.
    const failed = await setShopOutbound(database.db, 'shop_missing', {
      url: 'https://market.example/c',
      secret: 'secret-three-0123456',
    }).catch((error: Error) => error);
    expect(failed).toBeInstanceOf(SecretWriteError);
    expect((failed as SecretWriteError).code).toBe('23503');
    expect(
      JSON.stringify({ message: (failed as Error).message, stack: (failed as Error).stack }),
    ).not.toContain('secret-three');
  });

  it("an invite moves a chat of another shop only for that shop's owner", async () => {
    const a = await newShop('Invite A');
    const b = await newShop('Invite B');
    await redeemLinkCode(database.db, a.telegramLinkCode, '-700', '71');
    await claimOwnershipIfFirst(database.db, a.shop.id, '71');
    expect(await linkChatToShop(database.db, b.shop.id, '-700', '72')).toBe(false);
    expect((await listTelegramChats(database.db, a.shop.id)).map((c) => c.chatId)).toEqual(['-700']);
    expect(await linkChatToShop(database.db, b.shop.id, '-700', '71')).toBe(true);
    expect((await listTelegramChats(database.db, b.shop.id)).map((c) => c.chatId)).toEqual(['-700']);
    expect(await linkChatToShop(database.db, b.shop.id, '-701', '72')).toBe(true);
  });
});
