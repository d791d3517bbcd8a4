import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type Catalogue,
  type LocaleBundle,
  type LocaleResources,
  parseCatalogue,
} from '../domain/reply/index.js';
import { SELLER_ONLY_LANGUAGES } from '../domain/shop/seller-language.js';
import { LANGUAGES } from '../domain/types.js';

/** What {@link loadReplyResources} returns: the two arguments of `createReplyRenderer`. */
export interface ReplyResources {
  catalogue: Catalogue;
  resources: LocaleResources;
}

async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new Error(`cannot read ${path}: ${(err as Error).message}`, { cause: err });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new Error(`invalid JSON in ${path}: ${(err as Error).message}`, { cause: err });
  }
}

async function readNamespace(path: string): Promise<Record<string, unknown>> {
  const value = await readJson(path);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`${path} must contain a JSON object`);
  }
  return value as Record<string, unknown>;
}

/**
 * Reads `templates/catalogue.json`, `locales/<lng>/{replies,bot}.json` of the buyer languages and
 * `locales/<lng>/bot.json` of the seller-only ones (`zh-CN`) under rootDir (the repo root).
 */
export async function loadReplyResources(rootDir: string): Promise<ReplyResources> {
  const catalogue = parseCatalogue(await readJson(join(rootDir, 'templates', 'catalogue.json')));
  const bundles = await Promise.all(
    LANGUAGES.map(async (lng): Promise<[typeof lng, LocaleBundle]> => {
      const [replies, bot] = await Promise.all([
        readNamespace(join(rootDir, 'locales', lng, 'replies.json')),
        readNamespace(join(rootDir, 'locales', lng, 'bot.json')),
      ]);
      return [lng, { replies, bot }];
    }),
  );
  const resources = Object.fromEntries(bundles) as unknown as LocaleResources;
  for (const lng of SELLER_ONLY_LANGUAGES) {
    resources[lng] = { bot: await readNamespace(join(rootDir, 'locales', lng, 'bot.json')) };
  }
  return { catalogue, resources };
}
