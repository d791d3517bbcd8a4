/**
 * Who may use the seller console: one-time sign-in links (asked for with `/console` in Telegram,
 * `/sellerdesk console` in Slack, or `POST /v1/console/links` with a shop token) open a session
 * whose cookie carries a secret stored only as a hash. The role is read again on every request:
 * a member's from `team_members`, a token's from its live scopes, so a removed member or a revoked
 * token loses the console at once.
 */
import { createHmac } from 'node:crypto';
import type { Db } from '../db/client.js';
import {
  type ConsoleSubject,
  createConsoleLink,
  findLiveConsoleSession,
  purgeEndedConsoleAccess,
} from '../db/console-sessions-repo.js';
import type { ConsoleSession, Shop } from '../db/schema/index.js';
import { getShop } from '../db/shops-repo.js';
import { findMember } from '../db/team-repo.js';
import { findActiveTokenScopes } from '../db/tokens-repo.js';
import { type Role, roleOfScopes } from '../domain/shop/roles.js';
import type { SellerLanguage } from '../domain/shop/seller-language.js';
import type { Actor } from '../domain/types.js';

export type { ConsoleSubject } from '../db/console-sessions-repo.js';

/** A sign-in link is valid this long, once. */
export const CONSOLE_LINK_TTL_MINUTES = 10;
/** A console session ends this long after sign-in (or at sign-out). */
export const CONSOLE_SESSION_HOURS = 12;
/** The path a link opens, followed by its secret. */
export const CONSOLE_SIGNIN_PATH = '/console/signin/';

/** Issues console links; the chats and the API ask it. */
export interface ConsoleLinks {
  /**
   * A link for a member (or token) of the shop, or why not: `not_a_member` (no role in the shop)
   * or `no_url` (the server does not know its own address yet).
   */
  issue(input: {
    shopId: string;
    subject: ConsoleSubject;
    language?: SellerLanguage | undefined;
  }): Promise<{ ok: true; url: string; expiresAt: Date } | { ok: false; code: 'not_a_member' | 'no_url' }>;
}

/** What a chat needs to hand out console links: the issuer and the console's words (`chat.*`). */
export interface ConsoleChatPort {
  links: ConsoleLinks;
  t(language: SellerLanguage, key: string, options?: Record<string, unknown>): string;
}

/** The role a subject holds in a shop right now: a member's, or a live token's; null: none. */
export async function subjectRole(db: Db, shopId: string, subject: ConsoleSubject): Promise<Role | null> {
  if (subject.channel === 'api') {
    const scopes = await findActiveTokenScopes(db, shopId, subject.id);
    return scopes ? roleOfScopes(scopes) : null;
  }
  return (await findMember(db, shopId, subject.channel, subject.id))?.role ?? null;
}

/** Builds the link issuer; `baseUrl` is PUBLIC_URL or the address the API listens on. */
export function createConsoleLinks(deps: {
  db: Db;
  baseUrl: () => string | undefined;
  now?: () => Date;
}): ConsoleLinks {
  const now = deps.now ?? (() => new Date());
  return {
    async issue(input) {
      const base = deps.baseUrl();
      if (!base) return { ok: false, code: 'no_url' };
      if (!(await subjectRole(deps.db, input.shopId, input.subject)))
        return { ok: false, code: 'not_a_member' };
      const at = now();
      // Links and sessions that ended a day ago are of no use to anyone: the tables stay small.
      await purgeEndedConsoleAccess(deps.db, new Date(at.getTime() - 86_400_000));
      const expiresAt = new Date(at.getTime() + CONSOLE_LINK_TTL_MINUTES * 60_000);
      const token = await createConsoleLink(deps.db, { ...input, expiresAt });
      return { ok: true, url: `${base.replace(/\/$/, '')}${CONSOLE_SIGNIN_PATH}${token}`, expiresAt };
    },
  };
}

/** A signed-in seller: the session, the shop, their current role and the console's language. */
export interface ConsolePrincipal {
  session: ConsoleSession;
  shop: Shop;
  role: Role;
  subject: ConsoleSubject;
  language: SellerLanguage;
}

/** The principal behind a session cookie, or null (unknown, expired, signed out, no role any more). */
export async function resolveConsoleSession(
  db: Db,
  sessionToken: string,
  now: Date,
): Promise<ConsolePrincipal | null> {
  const session = await findLiveConsoleSession(db, sessionToken, now);
  if (!session) return null;
  const subject: ConsoleSubject = {
    channel: session.subjectChannel,
    id: session.subjectId,
    ...(session.subjectName ? { name: session.subjectName } : {}),
  };
  const [shop, role] = [await getShop(db, session.shopId), await subjectRole(db, session.shopId, subject)];
  if (!shop || !role) return null;
  return { session, shop, role, subject, language: session.language ?? shop.sellerLanguage };
}

/** The actor a console decision is recorded with: the console, and who signed in through what. */
export function consoleActor(principal: ConsolePrincipal): Actor {
  const { subject } = principal;
  return {
    channel: 'console',
    id: `${subject.channel}:${subject.id}`,
    ...(subject.name ? { name: subject.name } : {}),
  };
}

/**
 * The session's CSRF token: an HMAC of the session secret, so it needs no storage, differs per
 * session and cannot be derived from anything a page shows.
 */
export function csrfTokenFor(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update('sellerdesk console csrf').digest('base64url');
}
