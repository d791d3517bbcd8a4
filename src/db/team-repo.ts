import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import type { Role } from '../domain/roles.js';
import { recordAudit } from './audit-repo.js';
import type { Db } from './client.js';
import { newId } from './ids.js';
import { type TeamMember, teamInvites, teamMembers } from './schema/index.js';

/** Roles live in the domain (`can`, `authorize`); re-exported for the repositories' callers. */
export type { Role } from '../domain/roles.js';

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
 * the owner; later users keep their role or, without one, need an invite.
 */
export async function claimOwnershipIfFirst(
  db: Db,
  shopId: string,
  userId: string,
  name?: string,
): Promise<Role | null> {
  const existing = await findMember(db, shopId, 'telegram', userId);
  if (existing) return existing.role;
  const owners = (await listMembers(db, shopId)).filter(
    (m) => m.channel === 'telegram' && m.role === 'owner',
  );
  if (owners.length > 0) return null;
  await db
    .insert(teamMembers)
    .values({ shopId, channel: 'telegram', userId, role: 'owner', name: name ?? null })
    .onConflictDoNothing();
  await recordAudit(db, {
    shopId,
    kind: 'member_joined',
    actor: { channel: 'telegram', id: userId, name },
    details: { role: 'owner', via: 'link_code' },
  });
  return 'owner';
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
      .values({ shopId: invite.shopId, channel, userId, role: invite.role, name: name ?? null })
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
