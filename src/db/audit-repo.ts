import { and, desc, eq, gte, lt } from 'drizzle-orm';
import type { Db } from './client.js';
import { auditLog } from './schema/index.js';

/** Kinds of audited events (append-only). */
export type AuditKind =
  | 'decision'
  | 'category_corrected'
  | 'reply_sent'
  | 'auto_send'
  | 'coupon_granted'
  | 'template_override'
  | 'token_created'
  | 'token_revoked'
  | 'plan_changed'
  | 'settings_changed'
  | 'auto_send_paused'
  | 'auto_send_resumed'
  | 'buyer_erased'
  | 'role_changed'
  | 'member_joined'
  | 'member_removed'
  | 'link_code_issued'
  | 'chat_linked'
  | 'chat_unlinked'
  | 'outbound_changed'
  | 'monthly_summary'
  | 'slack_installed'
  | 'slack_configured';

/** One audit entry to append; a dedupe key makes a retried activity append it once. */
export interface AuditInput {
  shopId: string;
  kind: AuditKind;
  actor: { channel: string; id: string; name?: string | undefined };
  ticketId?: string | undefined;
  details?: Record<string, unknown>;
  dedupeKey?: string;
}

/** Appends an audit entry (never updated or deleted, except with the shop). */
export async function recordAudit(db: Db, entry: AuditInput): Promise<void> {
  await db
    .insert(auditLog)
    .values({
      shopId: entry.shopId,
      kind: entry.kind,
      actor: {
        channel: entry.actor.channel,
        id: entry.actor.id,
        ...(entry.actor.name ? { name: entry.actor.name } : {}),
      },
      ticketId: entry.ticketId ?? null,
      details: entry.details ?? {},
      dedupeKey: entry.dedupeKey ?? null,
    })
    .onConflictDoNothing();
}

/** Audit entries of a shop, newest first; `cursor` is the last seen entry id. */
export async function listAudit(
  db: Db,
  shopId: string,
  filter: {
    since?: Date | undefined;
    kind?: string | undefined;
    ticketId?: string | undefined;
    cursor?: number | undefined;
    limit: number;
  },
) {
  const conditions = [eq(auditLog.shopId, shopId)];
  if (filter.since) conditions.push(gte(auditLog.at, filter.since));
  if (filter.kind) conditions.push(eq(auditLog.kind, filter.kind));
  if (filter.ticketId) conditions.push(eq(auditLog.ticketId, filter.ticketId));
  if (filter.cursor) conditions.push(lt(auditLog.id, filter.cursor));
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(filter.limit + 1);
  const page = rows.slice(0, filter.limit);
  return { entries: page, nextCursor: rows.length > filter.limit ? String(page.at(-1)?.id) : null };
}
