import { createHash } from 'node:crypto';
import { LANGUAGES, type Language } from '../../src/domain/types.js';

/** Content hashes of one catalogue version, as recorded in `templates/catalogue.lock.json`. */
export interface CatalogueSnapshot {
  fragments: string;
  templates: Record<string, string>;
}

/** `templates/catalogue.lock.json`: catalogue version -> snapshot; earlier versions are never rewritten. */
export type CatalogueLock = Record<string, CatalogueSnapshot>;

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

function sha256(value: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(canonical(value)))
    .digest('hex');
}

function flatten(value: unknown, prefix: string, out: Record<string, unknown>): Record<string, unknown> {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out[prefix] = value;
  }
  return out;
}

/** Hashes every entry (metadata without its version, plus its five texts) and the shared fragments. */
export function snapshotCatalogue(
  templates: readonly { id: string }[],
  replies: Record<Language, unknown>,
): CatalogueSnapshot {
  const flat = Object.fromEntries(LANGUAGES.map((lng) => [lng, flatten(replies[lng], '', {})])) as Record<
    Language,
    Record<string, unknown>
  >;
  const ids = new Set(templates.map((t) => t.id));
  const fragments = Object.fromEntries(
    LANGUAGES.map((lng) => [
      lng,
      Object.fromEntries(Object.entries(flat[lng]).filter(([key]) => !ids.has(key))),
    ]),
  );
  const hashes: Record<string, string> = {};
  for (const entry of templates) {
    const meta = Object.fromEntries(Object.entries(entry).filter(([key]) => key !== 'version'));
    const texts = Object.fromEntries(LANGUAGES.map((lng) => [lng, flat[lng][entry.id] ?? null]));
    hashes[entry.id] = sha256({ meta, texts });
  }
  return { fragments: sha256(fragments), templates: hashes };
}
