import { and, desc, eq, sql } from 'drizzle-orm';
import type { Language } from '../domain/types.js';
import type { Db } from './client.js';
import { templateOverrides } from './schema/index.js';

/** The effective override of one template in one language for a shop (its latest version). */
export async function findOverride(db: Db, shopId: string, templateId: string, language: Language) {
  const [row] = await db
    .select()
    .from(templateOverrides)
    .where(
      and(
        eq(templateOverrides.shopId, shopId),
        eq(templateOverrides.templateId, templateId),
        eq(templateOverrides.language, language),
      ),
    )
    .orderBy(desc(templateOverrides.version))
    .limit(1);
  return row ?? null;
}

/** Saves a new override version; earlier versions are kept. */
export async function saveOverride(
  db: Db,
  shopId: string,
  templateId: string,
  language: Language,
  text: string,
): Promise<number> {
  return db.transaction(async (tx) => {
    const [latest] = await tx
      .select({ version: sql<number>`coalesce(max(${templateOverrides.version}), 0)` })
      .from(templateOverrides)
      .where(
        and(
          eq(templateOverrides.shopId, shopId),
          eq(templateOverrides.templateId, templateId),
          eq(templateOverrides.language, language),
        ),
      );
    const version = Number(latest?.version ?? 0) + 1;
    await tx.insert(templateOverrides).values({ shopId, templateId, language, text, version });
    return version;
  });
}

/** Latest override per (template, language) of a shop, with how many versions exist. */
export async function listOverrides(db: Db, shopId: string) {
  const rows = await db
    .select()
    .from(templateOverrides)
    .where(eq(templateOverrides.shopId, shopId))
    .orderBy(templateOverrides.templateId, templateOverrides.language, desc(templateOverrides.version));
  const latest = new Map<string, (typeof rows)[number] & { versions: number }>();
  for (const row of rows) {
    const key = `${row.templateId}/${row.language}`;
    const seen = latest.get(key);
    if (seen) seen.versions++;
    else latest.set(key, { ...row, versions: 1 });
  }
  return [...latest.values()];
}
