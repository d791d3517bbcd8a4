import { and, desc, eq, gte, isNull, lt, sql } from 'drizzle-orm';
import type { MemoryExample } from '../domain/message/shop-memory.js';
import type { Actor, Category, Language } from '../domain/types.js';
import type { Db } from './client.js';
import { preparedOn } from './prepared.js';
import { auditLog, intentCorrections, shops, ticketEvents, tickets } from './schema/index.js';

/** A category correction to keep (the classifier's input text, already PII-redacted). */
export interface CorrectionRecord {
  shopId: string;
  ticketId: string;
  /** The revision redrafted in the corrected category. */
  revision: number;
  text: string;
  language: Language;
  category: Category;
  correctedFrom: Category;
  actor: Actor;
  at: string;
}

/**
 * Keeps a correction as the shop's labelled example, with its ticket event and audit entry, in one
 * transaction; idempotent per (ticket, revision). Nothing is kept for an erased ticket. Resolves
 * true when this call stored it.
 */
export async function recordCorrection(db: Db, record: CorrectionRecord): Promise<boolean> {
  return db.transaction(async (tx) => {
    // A share lock orders this write against an erasure of the ticket: before it (and erased by it) or after.
    const [ticket] = await tx
      .select({ erasedAt: tickets.erasedAt })
      .from(tickets)
      .where(eq(tickets.id, record.ticketId))
      .for('share')
      .limit(1);
    if (!ticket || ticket.erasedAt) return false;
    const inserted = await tx
      .insert(intentCorrections)
      .values({
        shopId: record.shopId,
        ticketId: record.ticketId,
        revision: record.revision,
        text: record.text,
        language: record.language,
        category: record.category,
        correctedFrom: record.correctedFrom,
        at: new Date(record.at),
      })
      .onConflictDoNothing()
      .returning({ id: intentCorrections.id });
    if (inserted.length === 0) return false;
    const details = {
      revision: record.revision,
      category: record.category,
      correctedFrom: record.correctedFrom,
      language: record.language,
    };
    await tx
      .insert(ticketEvents)
      .values({
        ticketId: record.ticketId,
        kind: 'category_corrected',
        details: { ...details, actor: record.actor },
        dedupeKey: `correction:${record.revision}`,
      })
      .onConflictDoNothing();
    await tx
      .insert(auditLog)
      .values({
        shopId: record.shopId,
        kind: 'category_corrected',
        // An API caller is its token; chat users keep their display name.
        actor:
          record.actor.channel === 'api'
            ? { channel: 'api', id: record.actor.id }
            : {
                channel: record.actor.channel,
                id: record.actor.id,
                ...(record.actor.name ? { name: record.actor.name } : {}),
              },
        ticketId: record.ticketId,
        details,
        dedupeKey: `correction:${record.ticketId}:${record.revision}`,
      })
      .onConflictDoNothing();
    return true;
  });
}

/**
 * The shop's memory in one language: its newest corrections that were not erased, newest first
 * (at most `limit`). Other shops' corrections are never read.
 */
export async function shopMemory(
  db: Db,
  shopId: string,
  language: Language,
  limit: number,
): Promise<MemoryExample[]> {
  return preparedOn(db, 'shop_memory', (d) =>
    d
      .select({
        id: intentCorrections.id,
        category: intentCorrections.category,
        text: intentCorrections.text,
      })
      .from(intentCorrections)
      .where(
        and(
          eq(intentCorrections.shopId, sql.placeholder('shopId')),
          eq(intentCorrections.language, sql.placeholder('language')),
          isNull(intentCorrections.erasedAt),
        ),
      )
      .orderBy(desc(intentCorrections.id))
      .limit(sql.placeholder('limit'))
      .prepare('shop_memory'),
  ).execute({ shopId, language, limit });
}

/** When the seller last moved tickets out of a category (newest first): verdicts against it. */
export async function correctionsAway(
  db: Db,
  scope: { shopId: string; category: Category; language: Language },
  limit: number,
): Promise<Date[]> {
  const rows = await db
    .select({ at: intentCorrections.at })
    .from(intentCorrections)
    .where(
      and(
        eq(intentCorrections.shopId, scope.shopId),
        eq(intentCorrections.correctedFrom, scope.category),
        eq(intentCorrections.language, scope.language),
      ),
    )
    .orderBy(desc(intentCorrections.at))
    .limit(limit);
  return rows.map((r) => r.at);
}

/** Tickets and corrected tickets of one category (as classified, before any correction) and language. */
export interface CorrectionRate {
  category: Category;
  language: Language;
  tickets: number;
  corrected: number;
}

/**
 * Per category (the classifier's, before any correction) and language: buyer tickets created in
 * the period and how many of them the seller corrected. One shop, or every shop when `shopId` is
 * absent (the `/metrics` gauges). Counts only: no text is read.
 */
export async function correctionRates(
  db: Db,
  period: { from: Date; to: Date; shopId?: string | undefined },
): Promise<CorrectionRate[]> {
  // The first correction of a ticket names the category the classifier gave it.
  const first = db
    .selectDistinctOn([intentCorrections.ticketId], {
      ticketId: intentCorrections.ticketId,
      correctedFrom: intentCorrections.correctedFrom,
    })
    .from(intentCorrections)
    .orderBy(intentCorrections.ticketId, intentCorrections.id)
    .as('first_correction');
  const category = sql<Category>`coalesce(${first.correctedFrom}, ${tickets.category})`;
  const rows = await db
    .select({
      category,
      language: tickets.language,
      tickets: sql<number>`count(*)::int`,
      corrected: sql<number>`count(${first.ticketId})::int`,
    })
    .from(tickets)
    .leftJoin(first, eq(first.ticketId, tickets.id))
    .where(
      and(
        period.shopId ? eq(tickets.shopId, period.shopId) : undefined,
        eq(tickets.origin, 'buyer'),
        gte(tickets.createdAt, period.from),
        lt(tickets.createdAt, period.to),
        sql`${tickets.category} is not null and ${tickets.language} is not null`,
      ),
    )
    .groupBy(category, tickets.language);
  return rows
    .filter((r): r is typeof r & { language: Language } => r.language !== null)
    .map((r) => ({
      category: r.category,
      language: r.language,
      tickets: Number(r.tickets),
      corrected: Number(r.corrected),
    }));
}

/** A correction a shop agreed to share, as a training line (`scripts/fold-corrections.ts`). */
export interface SharedCorrection {
  id: number;
  text: string;
  language: Language;
  category: Category;
}

/**
 * Corrections of shops whose settings say `learning.shareCorrections: true`, not erased, oldest
 * first: what may be folded into the global training data.
 */
export async function sharedCorrections(db: Db): Promise<SharedCorrection[]> {
  return db
    .select({
      id: intentCorrections.id,
      text: intentCorrections.text,
      language: intentCorrections.language,
      category: intentCorrections.category,
    })
    .from(intentCorrections)
    .innerJoin(shops, eq(shops.id, intentCorrections.shopId))
    .where(
      and(
        isNull(intentCorrections.erasedAt),
        sql`coalesce((${shops.settings} -> 'learning' ->> 'shareCorrections')::boolean, false)`,
      ),
    )
    .orderBy(intentCorrections.id);
}
