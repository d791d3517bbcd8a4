import { and, eq, gt, isNull, lt, or } from 'drizzle-orm';
import type { SellerLanguage } from '../domain/shop/seller-language.js';
import type { Db } from './client.js';
import { hashToken, newId, newSecretToken } from './ids.js';
import {
  type ConsoleSession,
  type ConsoleSubjectChannel,
  consoleLinks,
  consoleSessions,
} from './schema/index.js';

/** Who a console link or session stands for. */
export interface ConsoleSubject {
  channel: ConsoleSubjectChannel;
  id: string;
  name?: string | undefined;
}

/** Stores a one-time sign-in link (only its hash); returns the secret, shown once. */
export async function createConsoleLink(
  db: Db,
  input: { shopId: string; subject: ConsoleSubject; language?: SellerLanguage | undefined; expiresAt: Date },
): Promise<string> {
  const token = newSecretToken('sdl');
  await db.insert(consoleLinks).values({
    tokenHash: hashToken(token),
    shopId: input.shopId,
    subjectChannel: input.subject.channel,
    subjectId: input.subject.id,
    subjectName: input.subject.name ?? null,
    language: input.language ?? null,
    expiresAt: input.expiresAt,
  });
  return token;
}

/** A live link (unused, unexpired) without using it: the sign-in page names the shop first. */
export async function findLiveConsoleLink(db: Db, token: string, now: Date) {
  const [row] = await db
    .select()
    .from(consoleLinks)
    .where(
      and(
        eq(consoleLinks.tokenHash, hashToken(token)),
        isNull(consoleLinks.usedAt),
        gt(consoleLinks.expiresAt, now),
      ),
    )
    .limit(1);
  return row ?? null;
}

/**
 * Uses a link and opens its session in one transaction: the link's row is claimed by a
 * conditional update, so two clicks at once open one session. Returns the session's secret (for
 * the cookie; only its hash is stored), or null for an unknown, used or expired link.
 */
export async function redeemConsoleLink(
  db: Db,
  token: string,
  input: { now: Date; sessionExpiresAt: Date },
): Promise<{ sessionToken: string; session: ConsoleSession } | null> {
  return db.transaction(async (tx) => {
    const [link] = await tx
      .update(consoleLinks)
      .set({ usedAt: input.now })
      .where(
        and(
          eq(consoleLinks.tokenHash, hashToken(token)),
          isNull(consoleLinks.usedAt),
          gt(consoleLinks.expiresAt, input.now),
        ),
      )
      .returning();
    if (!link) return null;
    const sessionToken = newSecretToken('sds');
    const [session] = await tx
      .insert(consoleSessions)
      .values({
        id: newId('cs'),
        tokenHash: hashToken(sessionToken),
        shopId: link.shopId,
        subjectChannel: link.subjectChannel,
        subjectId: link.subjectId,
        subjectName: link.subjectName,
        language: link.language,
        createdAt: input.now,
        expiresAt: input.sessionExpiresAt,
      })
      .returning();
    return { sessionToken, session: session! };
  });
}

/** The live session a cookie's secret stands for (not revoked, not expired), or null. */
export async function findLiveConsoleSession(
  db: Db,
  sessionToken: string,
  now: Date,
): Promise<ConsoleSession | null> {
  const [row] = await db
    .select()
    .from(consoleSessions)
    .where(
      and(
        eq(consoleSessions.tokenHash, hashToken(sessionToken)),
        isNull(consoleSessions.revokedAt),
        gt(consoleSessions.expiresAt, now),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** Signs a session out: it is refused from now on. */
export async function revokeConsoleSession(db: Db, sessionId: string, now: Date): Promise<void> {
  await db.update(consoleSessions).set({ revokedAt: now }).where(eq(consoleSessions.id, sessionId));
}

/** The console language a seller picked for this session. */
export async function setConsoleSessionLanguage(
  db: Db,
  sessionId: string,
  language: SellerLanguage,
): Promise<void> {
  await db.update(consoleSessions).set({ language }).where(eq(consoleSessions.id, sessionId));
}

/** Deletes links and sessions that ended before `cutoff` (used, expired or revoked): the table stays small. */
export async function purgeEndedConsoleAccess(db: Db, cutoff: Date): Promise<void> {
  await db.delete(consoleLinks).where(lt(consoleLinks.expiresAt, cutoff));
  await db
    .delete(consoleSessions)
    .where(or(lt(consoleSessions.expiresAt, cutoff), lt(consoleSessions.revokedAt, cutoff)));
}
