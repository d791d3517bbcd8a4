/**
 * Hunspell dictionaries and frequency word lists for the five listing languages, loaded once per
 * worker process (lazily, on the first validation). Hunspell runs as hunspell-asm (WebAssembly,
 * embedded binary: no network, no install script); the word lists are `data/words/<lang>.tsv.br`
 * (wordfreq's large lists, see data/words/LICENSE.md), searched in place. Measured on the 2-core dev
 * machine: all five load in about 2.5 s and add about 150 MB RSS.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { SpellChecker } from '../../domain/listing/types.js';
import { listingWordPredicate } from '../../domain/listing/words/allowlist.js';
import type { Language } from '../../domain/types.js';
import { LANGUAGES } from '../../domain/types.js';
import { FrequencyList } from './word-list.js';

/** Where the frequency word lists live (`<lang>.tsv.br`). */
export const WORD_LIST_DIR = fileURLToPath(new URL('../../../data/words/', import.meta.url));

interface Hunspell {
  spell(word: string): boolean;
  suggest(word: string): string[];
}

/** Spell checkers for the five languages and the allowlist predicate, as the checks take them. */
export interface ListingDictionaries {
  spellers: Record<Language, SpellChecker>;
  isAllowed: (word: string, lang: Language) => boolean;
  /** Milliseconds each dictionary took to load (for the bench and start-up logs). */
  loadMs: Record<Language, number>;
}

const SUGGESTION_CACHE_SIZE = 2000;

/**
 * English common misspellings with their corrections: cspell's list (`@cspell/dict-en-common-misspellings`,
 * CC BY-SA 4.0), built from Wikipedia's "Lists of common misspellings" and crate-ci/typos. Only
 * the general list (not its US- or British-only one: sellers write both spellings), misspellings of
 * four letters or more in plain letters ("ot", "ist" are abbreviations too), first correction only.
 */
async function loadEnglishMisspellings(): Promise<ReadonlyMap<string, string>> {
  // The package exports only its cspell manifest; the word list sits beside it.
  const manifest = createRequire(import.meta.url).resolve(
    '@cspell/dict-en-common-misspellings/cspell-ext.json',
  );
  const file = new URL('./dict/dict-en.json', pathToFileURL(manifest));
  const parsed = JSON.parse(await readFile(file, 'utf8')) as {
    dictionaryDefinitions: Array<{ suggestWords?: string[]; flagWords?: string[] }>;
  };
  const slips = new Map<string, string>();
  for (const definition of parsed.dictionaryDefinitions) {
    for (const entry of [...(definition.flagWords ?? []), ...(definition.suggestWords ?? [])]) {
      const [slip, corrections] = entry.split('->');
      const correction = corrections?.split(',')[0]?.trim();
      if (!slip || !correction || !/^[a-z]{4,}$/u.test(slip) || !/^[a-z' -]+$/u.test(correction)) continue;
      if (!slips.has(slip)) slips.set(slip, correction);
    }
  }
  return slips;
}

/** A hunspell instance and a word list behind the domain's `SpellChecker` port, with memoized lookups. */
function spellerOf(
  hunspell: Hunspell,
  list: FrequencyList,
  misspellings?: ReadonlyMap<string, string>,
): SpellChecker {
  const known = new Map<string, boolean>();
  const suggestions = new Map<string, string[]>();
  const frequencies = new Map<string, number | null>();
  return {
    correct(word) {
      let ok = known.get(word);
      if (ok === undefined) {
        ok = hunspell.spell(word);
        if (known.size > 50_000) known.clear();
        known.set(word, ok);
      }
      return ok;
    },
    suggest(word) {
      let found = suggestions.get(word);
      if (found === undefined) {
        found = hunspell.suggest(word).slice(0, 5);
        if (suggestions.size >= SUGGESTION_CACHE_SIZE) suggestions.clear();
        suggestions.set(word, found);
      }
      return found;
    },
    family(prefix, limit) {
      return list.withPrefix(prefix, limit);
    },
    centibels(word) {
      let cB = frequencies.get(word);
      if (cB === undefined) {
        cB = list.centibels(word) ?? null;
        if (frequencies.size > 100_000) frequencies.clear();
        frequencies.set(word, cB);
      }
      return cB ?? undefined;
    },
    ...(misspellings ? { misspelling: (word: string) => misspellings.get(word) } : {}),
  };
}

async function loadDictionary(lang: Language): Promise<{ aff: Uint8Array; dic: Uint8Array }> {
  switch (lang) {
    case 'en':
      return (await import('dictionary-en')).default;
    case 'es':
      return (await import('dictionary-es')).default;
    case 'fr':
      return (await import('dictionary-fr')).default;
    case 'ru':
      return (await import('dictionary-ru')).default;
    case 'pt':
      return (await import('dictionary-pt')).default;
  }
}

/** English accepts US and British spelling (colour, grey, fibreglass): sellers write both. */
function eitherOf(first: Hunspell, second: Hunspell): Hunspell {
  return {
    spell: (word) => first.spell(word) || second.spell(word),
    suggest: (word) => first.suggest(word),
  };
}

/**
 * Emscripten's Node glue adds an `uncaughtException` listener that rethrows (printing the whole
 * minified module); the process's own handling stays in charge, so it is removed after loading.
 */
async function importHunspell(): Promise<typeof import('hunspell-asm')> {
  const before = new Set(process.listeners('uncaughtException'));
  const module = await import('hunspell-asm');
  const factory = module.loadModule;
  return {
    ...module,
    loadModule: async (options) => {
      const result = await factory(options);
      for (const listener of process.listeners('uncaughtException')) {
        if (!before.has(listener)) process.removeListener('uncaughtException', listener);
      }
      return result;
    },
  };
}

async function load(): Promise<ListingDictionaries> {
  const { loadModule } = await importHunspell();
  const factory = await loadModule();
  const create = (name: string, d: { aff: Uint8Array; dic: Uint8Array }): Hunspell =>
    factory.create(factory.mountBuffer(d.aff, `${name}.aff`), factory.mountBuffer(d.dic, `${name}.dic`));
  const spellers = {} as Record<Language, SpellChecker>;
  const loadMs = {} as Record<Language, number>;
  for (const lang of LANGUAGES) {
    const started = performance.now();
    let hunspell = create(lang, await loadDictionary(lang));
    if (lang === 'en')
      hunspell = eitherOf(hunspell, create('en-gb', (await import('dictionary-en-gb')).default));
    const list = FrequencyList.fromCompressed(await readFile(`${WORD_LIST_DIR}${lang}.tsv.br`));
    spellers[lang] = spellerOf(hunspell, list, lang === 'en' ? await loadEnglishMisspellings() : undefined);
    loadMs[lang] = Math.round(performance.now() - started);
  }
  return { spellers, isAllowed: listingWordPredicate(), loadMs };
}

let shared: Promise<ListingDictionaries> | undefined;

/** The worker's dictionaries: loaded on first use, then shared by every validation in the process. */
export function listingDictionaries(): Promise<ListingDictionaries> {
  shared ??= load().catch((error: unknown) => {
    shared = undefined;
    throw error;
  });
  return shared;
}
