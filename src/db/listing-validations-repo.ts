import { and, asc, desc, eq, gte, isNotNull, sql } from 'drizzle-orm';
import type { Db } from './client.js';
import { newId } from './ids.js';
import { type ListingValidation, listingDisputeLinks, listingValidations } from './schema/index.js';

/** Stores a listing validation request as `running` (`POST /v1/listings/validate`); returns its id. */
export async function createListingValidation(
  db: Db,
  input: { shopId: string; listingId: string; request: Record<string, unknown> },
): Promise<string> {
  const id = newId('val');
  await db.insert(listingValidations).values({
    id,
    shopId: input.shopId,
    listingId: input.listingId,
    status: 'running',
    request: input.request,
  });
  return id;
}

/** Marks a validation failed (its workflow could not start or gave up). */
export async function markListingValidationFailed(db: Db, validationId: string): Promise<void> {
  await db
    .update(listingValidations)
    .set({ status: 'failed', completedAt: new Date() })
    .where(eq(listingValidations.id, validationId));
}

/** A validation of this shop; another shop's id finds nothing. */
export async function findShopListingValidation(
  db: Db,
  shopId: string,
  validationId: string,
): Promise<ListingValidation | null> {
  const [row] = await db
    .select()
    .from(listingValidations)
    .where(and(eq(listingValidations.id, validationId), eq(listingValidations.shopId, shopId)))
    .limit(1);
  return row ?? null;
}

/** At most this many recent submissions are matched against order items. */
const KNOWN_LISTINGS_LIMIT = 500;

/** One validation row, or undefined. */
export async function getListingValidation(db: Db, id: string): Promise<ListingValidation | undefined> {
  const [row] = await db.select().from(listingValidations).where(eq(listingValidations.id, id)).limit(1);
  return row;
}

/** The shop's listings, newest submission first, each with its titles in every language. */
export async function knownListings(db: Db, shopId: string) {
  // Titles only: the descriptions (up to 20,000 characters per language) stay in the database.
  const rows = await db
    .select({
      id: listingValidations.id,
      listingId: listingValidations.listingId,
      title: sql<Record<string, unknown> | null>`${listingValidations.request}->'title'`,
    })
    .from(listingValidations)
    .where(eq(listingValidations.shopId, shopId))
    .orderBy(desc(listingValidations.createdAt))
    .limit(KNOWN_LISTINGS_LIMIT);
  const latest = new Map<string, (typeof rows)[number]>();
  for (const row of rows) if (!latest.has(row.listingId)) latest.set(row.listingId, row);
  return [...latest.values()].map((row) => ({
    listingId: row.listingId,
    /** The newest submission of the listing: its texts are what a triggered validation checks. */
    submissionId: row.id,
    titles: Object.values(row.title ?? {}).filter((t): t is string => typeof t === 'string'),
  }));
}

/** What `recordListingComplaint` decided: the complaints in the window and the validation (if any). */
export interface ComplaintDecision {
  complaints: number;
  validation: ListingValidation | undefined;
}

/**
 * Records a ticket's complaint against a listing and, under a per-listing advisory lock (two
 * complaints at once must not open two validations), asks `due` whether a validation opens now;
 * if so, stores one with the texts of `submissionId` and the dispute trigger.
 */
export async function recordListingComplaint(
  db: Db,
  input: {
    ticketId: string;
    shopId: string;
    listingId: string;
    score: number;
    windowStart: Date;
    windowDays: number;
    threshold: number;
    submissionId: string;
  },
  due: (complaints: number, validatedInWindow: boolean) => boolean,
): Promise<ComplaintDecision> {
  const { shopId, listingId, windowStart } = input;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`${shopId}:${listingId}`}))`);
    await tx
      .insert(listingDisputeLinks)
      .values({ ticketId: input.ticketId, shopId, listingId, score: input.score })
      .onConflictDoNothing();
    const links = await tx
      .select({ ticketId: listingDisputeLinks.ticketId })
      .from(listingDisputeLinks)
      .where(
        and(
          eq(listingDisputeLinks.shopId, shopId),
          eq(listingDisputeLinks.listingId, listingId),
          gte(listingDisputeLinks.createdAt, windowStart),
        ),
      )
      .orderBy(asc(listingDisputeLinks.createdAt))
      .limit(1000);
    const [recent] = await tx
      .select()
      .from(listingValidations)
      .where(
        and(
          eq(listingValidations.shopId, shopId),
          eq(listingValidations.listingId, listingId),
          isNotNull(listingValidations.trigger),
          gte(listingValidations.createdAt, windowStart),
        ),
      )
      .orderBy(desc(listingValidations.createdAt))
      .limit(1);
    if (!due(links.length, recent !== undefined)) return { complaints: links.length, validation: recent };
    const [latest] = await tx
      .select({ request: listingValidations.request })
      .from(listingValidations)
      .where(eq(listingValidations.id, input.submissionId))
      .limit(1);
    const [created] = await tx
      .insert(listingValidations)
      .values({
        id: newId('val'),
        shopId,
        listingId,
        status: 'running',
        request: latest!.request,
        trigger: {
          kind: 'disputes',
          count: links.length,
          windowDays: input.windowDays,
          threshold: input.threshold,
          ticketIds: links.map((l) => l.ticketId),
        },
      })
      .returning();
    return { complaints: links.length, validation: created };
  });
}

/** Stores the localized findings and marks the validation completed. */
export async function completeListingValidation(
  db: Db,
  id: string,
  findings: ReadonlyArray<Record<string, unknown>>,
): Promise<void> {
  await db
    .update(listingValidations)
    .set({ status: 'completed', findings: [...findings], completedAt: new Date() })
    .where(eq(listingValidations.id, id));
}

/** Marks a validation failed, so the API stops answering "running". */
export async function failListingValidation(db: Db, id: string): Promise<void> {
  await db
    .update(listingValidations)
    .set({ status: 'failed', completedAt: new Date() })
    .where(eq(listingValidations.id, id));
}

/** A shop's validations, newest first, with how many findings each has (the console's list). */
export async function listShopListingValidations(db: Db, shopId: string, limit: number) {
  return db
    .select({
      id: listingValidations.id,
      listingId: listingValidations.listingId,
      status: listingValidations.status,
      createdAt: listingValidations.createdAt,
      completedAt: listingValidations.completedAt,
      findings: sql<number>`jsonb_array_length(${listingValidations.findings})::int`,
      triggered: sql<boolean>`${listingValidations.trigger} is not null`,
    })
    .from(listingValidations)
    .where(eq(listingValidations.shopId, shopId))
    .orderBy(desc(listingValidations.createdAt))
    .limit(limit);
}
