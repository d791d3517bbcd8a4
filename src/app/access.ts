import type { Db } from '../db/client.js';
import { findMember } from '../db/team-repo.js';
import { type AccessRefusal, authorize, type Role, type TeamAction } from '../domain/shop/roles.js';

/** A person in a chat: who asks, from where. */
export interface ChatUser {
  channel: 'telegram' | 'slack';
  /** The chat's own user id; undefined when the update has no sender. */
  userId: string | undefined;
}

/**
 * Whether a chat user may do `action` in a shop: their membership, judged by `authorize` (the
 * one rule table, `src/domain/roles.ts`). Telegram and Slack ask here; the API asks the same
 * table through the token scope of each action (`SCOPE_FOR_ACTION`), and the CLI goes through
 * the API.
 */
export async function authorizeChatUser(
  db: Db,
  shopId: string,
  user: ChatUser,
  action: TeamAction,
): Promise<{ ok: true; role: Role } | AccessRefusal> {
  const member = user.userId ? await findMember(db, shopId, user.channel, user.userId) : null;
  return authorize(member, action);
}
