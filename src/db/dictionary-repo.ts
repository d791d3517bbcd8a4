import { and, asc, count, desc, eq, gte, sql } from 'drizzle-orm';
import type { ShopWords } from '../domain/listing/validate.js';
import { LANGUAGES, type Language } from '../domain/types.js';
import type { Db } from './client.js';
import { shopDictionaryWords } from './schema/index.js';

/** Longest word a seller may add (a hyphenated product term still fits). */
export const MAX_DICTIONARY_WORD_CHARS = 64;
/** Most words one shop may keep. */
export const MAX_DICTIONARY_WORDS_PER_SHOP = 5000;

/** The stored form of a dictionary word: trimmed, NFC, lower case. */
export function normalizeDictionaryWord(word: string): string {
  return word.trim().normalize('NFC').toLowerCase();
}

/** A word a dictionary accepts: letters (any script), inner hyphens and apostrophes. */
export function isDictionaryWord(word: string): boolean {
  if (word.length === 0 || word.length > MAX_DICTIONARY_WORD_CHARS) return false;
  return /^[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*$/u.test(word) && /\p{L}/u.test(word);
}

/** Adds a word to a shop's dictionary; `false` when it was already there. */
export async function addDictionaryWord(
  db: Db,
  entry: { shopId: string; language: Language; word: string; addedBy: string },
): Promise<boolean> {
  const word = normalizeDictionaryWord(entry.word);
  const rows = await db
    .insert(shopDictionaryWords)
    .values({ ...entry, word })
    .onConflictDoNothing()
    .returning({ word: shopDictionaryWords.word });
  return rows.length > 0;
}

/** Removes a word; `false` when the shop did not have it. */
export async function removeDictionaryWord(
  db: Db,
  shopId: string,
  language: Language,
  word: string,
): Promise<boolean> {
  const rows = await db
    .delete(shopDictionaryWords)
    .where(
      and(
        eq(shopDictionaryWords.shopId, shopId),
        eq(shopDictionaryWords.language, language),
        eq(shopDictionaryWords.word, normalizeDictionaryWord(word)),
      ),
    )
    .returning({ word: shopDictionaryWords.word });
  return rows.length > 0;
}

/** How many words a shop keeps. */
export async function countDictionaryWords(db: Db, shopId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(shopDictionaryWords)
    .where(eq(shopDictionaryWords.shopId, shopId));
  return row?.n ?? 0;
}

/** A shop's words, by language then word. */
export async function listDictionaryWords(db: Db, shopId: string) {
  return db
    .select({
      lang: shopDictionaryWords.language,
      word: shopDictionaryWords.word,
      addedBy: shopDictionaryWords.addedBy,
      createdAt: shopDictionaryWords.createdAt,
    })
    .from(shopDictionaryWords)
    .where(eq(shopDictionaryWords.shopId, shopId))
    .orderBy(asc(shopDictionaryWords.language), asc(shopDictionaryWords.word))
    .limit(MAX_DICTIONARY_WORDS_PER_SHOP);
}

/** A shop's words as the listing checks take them. */
export async function shopWords(db: Db, shopId: string): Promise<ShopWords> {
  const result: Partial<Record<Language, Set<string>>> = {};
  for (const row of await listDictionaryWords(db, shopId)) {
    if (!(LANGUAGES as readonly string[]).includes(row.lang)) continue;
    const words = result[row.lang] ?? new Set<string>();
    words.add(row.word);
    result[row.lang] = words;
  }
  return result;
}

/**
 * Words that at least `minShops` shops added: candidates for the global allowlist. Only the word,
 * its language and how many shops: never which shops.
 */
export async function globalDictionaryCandidates(db: Db, minShops: number, limit = 200) {
  const shopsCount = sql<number>`count(distinct ${shopDictionaryWords.shopId})::int`;
  return db
    .select({ lang: shopDictionaryWords.language, word: shopDictionaryWords.word, shops: shopsCount })
    .from(shopDictionaryWords)
    .groupBy(shopDictionaryWords.language, shopDictionaryWords.word)
    .having(gte(shopsCount, minShops))
    .orderBy(desc(shopsCount), asc(shopDictionaryWords.language), asc(shopDictionaryWords.word))
    .limit(limit);
}
