import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type SellerLanguage, sellerLanguageFromTag } from '../domain/shop/seller-language.js';
import { PROJECT_ROOT } from '../paths.js';

/** The words of `sellerdesk demo` and `doctor` in one seller language (`locales/<lng>/cli.json`). */
export interface CliTexts {
  language: SellerLanguage;
  /** The text at a dotted key (`doctor.off`) with `{{name}}` placeholders filled in. */
  t(key: string, vars?: Record<string, string | number>): string;
}

/**
 * The language the CLI speaks: `--lang`, else the locale of the terminal (`LC_ALL`, `LC_MESSAGES`,
 * `LANG`, in POSIX order) when sellerdesk speaks it (`zh_CN.UTF-8` -> zh-CN); English otherwise.
 */
export function cliLanguage(env: Record<string, string | undefined>, option?: string): SellerLanguage {
  if (option !== undefined) {
    const chosen = sellerLanguageFromTag(option);
    if (chosen) return chosen;
  }
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const) {
    const value = env[name];
    if (value) return sellerLanguageFromTag(value) ?? 'en';
  }
  return 'en';
}

const cache = new Map<SellerLanguage, Record<string, unknown>>();

function catalogue(language: SellerLanguage): Record<string, unknown> {
  let loaded = cache.get(language);
  if (!loaded) {
    loaded = JSON.parse(
      readFileSync(path.join(PROJECT_ROOT, 'locales', language, 'cli.json'), 'utf8'),
    ) as Record<string, unknown>;
    cache.set(language, loaded);
  }
  return loaded;
}

function lookup(tree: Record<string, unknown>, key: string): string | undefined {
  let node: unknown = tree;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** The CLI texts in `language`; a key the catalogue lacks (the lint test prevents it) throws. */
export function cliTexts(language: SellerLanguage): CliTexts {
  const tree = catalogue(language);
  return {
    language,
    t(key, vars = {}) {
      const text = lookup(tree, key);
      if (text === undefined) throw new Error(`locales/${language}/cli.json has no "${key}"`);
      return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
        vars[name] === undefined ? whole : String(vars[name]),
      );
    },
  };
}
