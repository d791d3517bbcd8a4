import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Role } from '../domain/shop/roles.js';
import { recordAudit } from './audit-repo.js';
import type { Db } from './client.js';
import { newId } from './ids.js';
import { type TeamMember, teamInvites, teamMembers } from './schema/index.js';
import { unlinkChatsLinkedBy } from './shops-repo.js';

/** Roles live in the domain (`can`, `authorize`); re-exported for the repositories' callers. */
export type { Role } from '../domain/shop/roles.js';

/** The member record of a chat user in a shop, if any. */
export async function findMember(
  db: Db,
  shopId: string,
  channel: 'telegram' | 'slack',
  userId: string,
): Promise<TeamMember | null> {
  const [row] = await db
    .select()
    .from(teamMembers)
    .where(
      and(eq(teamMembers.shopId, shopId), eq(teamMembers.channel, channel), eq(teamMembers.userId, userId)),
    )
    .limit(1);
  return row ?? null;
}

/**
 * Gives a chat user a role in a shop (`PUT /v1/team/:channel/:userId`): a new member joins, an
 * existing one changes role and keeps their name unless a new one is given.
 */
export async function setMemberRole(
  db: Db,
  input: {
    shopId: string;
    channel: 'telegram' | 'slack';
    userId: string;
    role: Role;
    name?: string | undefined;
  },
): Promise<void> {
  await db
    .insert(teamMembers)
    .values({
      shopId: input.shopId,
      channel: input.channel,
      userId: input.userId,
      role: input.role,
      name: input.name ?? null,
    })
    .onConflictDoUpdate({
      target: [teamMembers.shopId, teamMembers.channel, teamMembers.userId],
      set: { role: input.role, ...(input.name ? { name: input.name } : {}) },
    });
}

/** Members of a shop, oldest first. */
export async function listMembers(db: Db, shopId: string): Promise<TeamMember[]> {
  return db
    .select()
    .from(teamMembers)
    .where(eq(teamMembers.shopId, shopId))
    .orderBy(asc(teamMembers.createdAt));
}

/**
 * Called when a Telegram user links a chat with the shop's link code: the first such user becomes
 * the owner; later users keep their role or, without one, need an invite. One statement decides:
 * it inserts only while the shop has no owner, and the partial unique index
 * `team_members_one_link_owner_uq` refuses a second owner-by-link when two links race.
 */
export async function claimOwnershipIfFirst(
  db: Db,
  shopId: string,
  userId: string,
  name?: string,
): Promise<Role | null> {
  const existing = await findMember(db, shopId, 'telegram', userId);
  if (existing) return existing.role;
  const inserted = await db.execute(sql`
    insert into ${teamMembers} (shop_id, channel, user_id, role, name, via)
    select ${shopId}, 'telegram', ${userId}, 'owner', ${name ?? null}, 'link_code'
    where not exists (
      select 1 from ${teamMembers} where shop_id = ${shopId} and role = 'owner'
    )
    on conflict do nothing
    returning user_id`);
  const rows = (inserted as unknown as { rows?: unknown[] }).rows ?? (inserted as unknown as unknown[]);
  if (!Array.isArray(rows) || rows.length === 0) return null;
  await recordAudit(db, {
    shopId,
    kind: 'member_joined',
    actor: { channel: 'telegram', id: userId, name },
    details: { role: 'owner', via: 'link_code' },
  });
  return 'owner';
}

/** Outcome of removing a member (API `DELETE /v1/team/...`, Telegram `/remove`, `/unlink`). */
export type RemoveOutcome =
  | { status: 'removed'; role: Role; unlinkedChats: string[] }
  | { status: 'not_found' }
  | { status: 'last_owner' };

/**
 * Removes a member from a shop, and unlinks the Telegram chats they linked so those chats stop
 * receiving cards. The last owner cannot be removed (the shop would have nobody to manage it);
 * owners are locked first so two removals cannot each leave the other as "the remaining owner".
 */
export async function removeMember(
  db: Db,
  input: {
    shopId: string;
    channel: 'telegram' | 'slack';
    userId: string;
    actor: { channel: string; id: string; name?: string | undefined };
  },
): Promise<RemoveOutcome> {
  return db.transaction(async (tx) => {
    const owners = await tx
      .select({ channel: teamMembers.channel, userId: teamMembers.userId })
      .from(teamMembers)
      .where(and(eq(teamMembers.shopId, input.shopId), eq(teamMembers.role, 'owner')))
      .for('update');
    const [member] = await tx
      .select()
      .from(teamMembers)
      .where(
        and(
          eq(teamMembers.shopId, input.shopId),
          eq(teamMembers.channel, input.channel),
          eq(teamMembers.userId, input.userId),
        ),
      )
      .for('update')
      .limit(1);
    if (!member) return { status: 'not_found' };
    if (member.role === 'owner' && owners.length <= 1) return { status: 'last_owner' };
    await tx
      .delete(teamMembers)
      .where(
        and(
          eq(teamMembers.shopId, input.shopId),
          eq(teamMembers.channel, input.channel),
          eq(teamMembers.userId, input.userId),
        ),
      );
    const unlinkedChats =
      input.channel === 'telegram'
        ? await unlinkChatsLinkedBy(tx as unknown as Db, input.shopId, input.userId)
        : [];
    await recordAudit(tx as unknown as Db, {
      shopId: input.shopId,
      kind: 'member_removed',
      actor: input.actor,
      details: { channel: input.channel, userId: input.userId, role: member.role, unlinkedChats },
    });
    return { status: 'removed', role: member.role, unlinkedChats };
  });
}

/** Creates a one-time invite code for a role, valid for 7 days. */
export async function createInvite(db: Db, shopId: string, role: Role, createdBy: string): Promise<string> {
  const code = newId('inv', 9);
  await db
    .insert(teamInvites)
    .values({ code, shopId, role, createdBy, expiresAt: new Date(Date.now() + 7 * 86_400_000) });
  return code;
}

/** Redeems an invite: the user joins with its role; null when unknown, used or expired. */
export async function redeemInvite(
  db: Db,
  code: string,
  channel: 'telegram' | 'slack',
  userId: string,
  name?: string,
): Promise<{ shopId: string; role: Role } | null> {
  return db.transaction(async (tx) => {
    const [invite] = await tx
      .update(teamInvites)
      .set({ usedAt: new Date(), usedBy: `${channel}:${userId}` })
      .where(
        and(eq(teamInvites.code, code), isNull(teamInvites.usedAt), gt(teamInvites.expiresAt, new Date())),
      )
      .returning();
    if (!invite) return null;
    await tx
      .insert(teamMembers)
      .values({
        shopId: invite.shopId,
        channel,
        userId,
        role: invite.role,
        name: name ?? null,
        via: 'invite',
      })
      .onConflictDoUpdate({
        target: [teamMembers.shopId, teamMembers.channel, teamMembers.userId],
        set: { role: invite.role },
      });
    await recordAudit(tx as unknown as Db, {
      shopId: invite.shopId,
      kind: 'member_joined',
      actor: { channel, id: userId, ...(name ? { name } : {}) },
      details: { role: invite.role, via: 'invite', invitedBy: invite.createdBy },
    });
    return { shopId: invite.shopId, role: invite.role };
  });
}

/** The shop an unused, unexpired invite code is for (peeked before redeeming it from Slack). */
export async function findOpenInviteShop(db: Db, code: string): Promise<string | null> {
  const [row] = await db
    .select({ shopId: teamInvites.shopId, usedAt: teamInvites.usedAt, expiresAt: teamInvites.expiresAt })
    .from(teamInvites)
    .where(eq(teamInvites.code, code))
    .limit(1);
  if (!row || row.usedAt || row.expiresAt.getTime() <= Date.now()) return null;
  return row.shopId;
}
