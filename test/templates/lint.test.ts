import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { WRITTEN_LANGUAGES } from '../../src/domain/reply/edit-language.js';
import {
  type Catalogue,
  COUPON_POLICIES,
  FORMAT_ONLY_VARS,
  LOGISTICS_GROUP,
  type LocaleResources,
  parseCatalogue,
  REPLY_FRAGMENTS,
  REPLY_PLURAL_FRAGMENTS,
  type ReplyVarName,
  templateVariables,
  validateTemplateText,
} from '../../src/domain/reply/index.js';
import { SELLER_LANGUAGES, type SellerLanguage } from '../../src/domain/shop/seller-language.js';
import {
  CATEGORIES,
  DECISION_ACTIONS,
  LANGUAGES,
  type Language,
  TICKET_STATUSES,
  URGENCIES,
} from '../../src/domain/types.js';
import { type CatalogueLock, snapshotCatalogue } from './catalogue-hash.js';

// Template lint: reads the JSON files directly, independent of the renderer.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const NAMESPACES = ['replies', 'bot', 'console'] as const;
type Namespace = (typeof NAMESPACES)[number];
/** Buyer replies exist in the buyer languages; seller-facing texts also in Simplified Chinese. */
const LANGUAGES_OF: Record<Namespace, readonly SellerLanguage[]> = {
  replies: LANGUAGES,
  bot: SELLER_LANGUAGES,
  console: SELLER_LANGUAGES,
};
const PLURAL_SUFFIXES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;

interface RawEntry {
  id: string;
  version: number;
  category: string;
  required: string[];
  optional: string[];
  autoSend: boolean;
  coupon: string;
}

/** The scenarios issue 5 asks for, beyond one `<category>.default` per category. */
const SCENARIOS = [
  'logistics.stall_apology',
  'logistics.delay_update',
  'logistics.customs_held',
  'logistics.delivered_not_received',
  'logistics.lost_parcel',
  'logistics.ready_for_pickup',
  'damaged.ask_photos',
  'not_as_described.ask_measurements',
  'return_exchange.return_steps',
];

/** Seller-facing texts system tickets need (logistics, coupons, auto-send). */
const SYSTEM_BOT_KEYS = [
  'card.system_reason',
  'card.coupon',
  'card.auto_sent',
  'outcome.auto_sent',
  'reason.customs_held',
  'reason.delivered_not_received',
  'reason.shipment_lost',
  'reason.shipment_exception',
  'reason.shipment_returned',
  'reason.ready_for_pickup',
  'coupon_skipped.budget_exhausted',
  'coupon_skipped.already_granted',
];

function readJson(...parts: string[]): unknown {
  return JSON.parse(readFileSync(join(ROOT, ...parts), 'utf8'));
}

/** Flattens nested JSON to dotted keys; non-string leaves are reported as problems. */
function flatten(
  value: unknown,
  prefix: string,
  out: Map<string, string>,
  problems: string[],
): Map<string, string> {
  if (typeof value === 'string') {
    out.set(prefix, value);
  } else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out, problems);
  } else {
    problems.push(`${prefix}: leaf is ${JSON.stringify(value)}, expected a string`);
  }
  return out;
}

/** Splits `key_few` into base `key` and form `few` when the key belongs to a plural group. */
function pluralParts(key: string, keys: Map<string, string>): { base: string; form: string | null } {
  for (const suffix of PLURAL_SUFFIXES) {
    if (key.endsWith(`_${suffix}`)) {
      const base = key.slice(0, -(suffix.length + 1));
      if (keys.has(`${base}_other`)) return { base, form: suffix };
    }
  }
  return { base: key, form: null };
}

/** base key -> plural forms (null for a plain key). */
function groups(keys: Map<string, string>): Map<string, Set<string> | null> {
  const out = new Map<string, Set<string> | null>();
  for (const key of keys.keys()) {
    const { base, form } = pluralParts(key, keys);
    if (form === null) {
      out.set(base, null);
    } else {
      const forms = out.get(base) ?? new Set<string>();
      forms.add(form);
      out.set(base, forms);
    }
  }
  return out;
}

function sorted(values: Iterable<string>): string[] {
  return [...values].sort();
}

const PLACEHOLDER = /\{\{\s*-?\s*[A-Za-z_][\w.]*\s*\}\}/g;

function isPurePlaceholder(text: string): boolean {
  return text.replace(PLACEHOLDER, '').replace(/[\s\p{P}\p{S}]/gu, '') === '';
}

const problemsOf: string[] = [];
const texts: Record<Namespace, Record<SellerLanguage, Map<string, string>>> = {
  replies: {} as Record<SellerLanguage, Map<string, string>>,
  bot: {} as Record<SellerLanguage, Map<string, string>>,
  console: {} as Record<SellerLanguage, Map<string, string>>,
};
for (const ns of NAMESPACES) {
  for (const lng of LANGUAGES_OF[ns]) {
    texts[ns][lng] = flatten(readJson('locales', lng, `${ns}.json`), '', new Map(), problemsOf);
  }
}
const catalogue = readJson('templates', 'catalogue.json') as { version: unknown; templates: RawEntry[] };
const rawReplies = Object.fromEntries(
  LANGUAGES.map((lng) => [lng, readJson('locales', lng, 'replies.json')]),
) as Record<Language, Record<string, unknown>>;
const lock = readJson('templates', 'catalogue.lock.json') as CatalogueLock;

/** Variables a template text must show: required ones, except those that only format another. */
function mustShow(t: RawEntry): string[] {
  return t.required.filter((v) => FORMAT_ONLY_VARS[v as ReplyVarName] === undefined);
}

describe('catalogue', () => {
  it('has an integer version >= 1 and unique ids', () => {
    expect(Number.isInteger(catalogue.version)).toBe(true);
    expect(catalogue.version as number).toBeGreaterThanOrEqual(1);
    const ids = catalogue.templates.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("passes the renderer's own catalogue rules", () => {
    expect(() => parseCatalogue(catalogue)).not.toThrow();
  });

  it('gives every entry a version between 1 and the catalogue version', () => {
    for (const t of catalogue.templates) {
      expect(Number.isInteger(t.version), t.id).toBe(true);
      expect(t.version, t.id).toBeGreaterThanOrEqual(1);
      expect(t.version, t.id).toBeLessThanOrEqual(catalogue.version as number);
    }
  });

  it('has every logistics and follow-up scenario', () => {
    const ids = new Set(catalogue.templates.map((t) => t.id));
    expect(SCENARIOS.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('offers coupons only through stall_compensation templates', () => {
    const coupons = catalogue.templates.filter((t) => t.coupon === 'stall_compensation').map((t) => t.id);
    expect(coupons).toEqual(['logistics.stall_apology']);
    const stall = catalogue.templates.find((t) => t.id === 'logistics.stall_apology');
    expect(stall?.required).toEqual(
      expect.arrayContaining(['daysSinceUpdate', 'couponCode', 'couponValue', 'couponCurrency']),
    );
  });

  it('has a <category>.default template for every category', () => {
    const ids = new Set(catalogue.templates.map((t) => t.id));
    const missing = CATEGORIES.filter((c) => !ids.has(`${c}.default`));
    expect(missing).toEqual([]);
    for (const t of catalogue.templates) {
      expect(CATEGORIES as readonly string[]).toContain(t.category);
      expect(t.id.startsWith(`${t.category}.`) || t.id.startsWith(`${LOGISTICS_GROUP}.`), t.id).toBe(true);
      expect(COUPON_POLICIES as readonly string[]).toContain(t.coupon);
      expect(typeof t.autoSend).toBe('boolean');
    }
  });

  it('has a text for every template in all five languages', () => {
    const missing: string[] = [];
    for (const t of catalogue.templates) {
      for (const lng of LANGUAGES) if (!texts.replies[lng].has(t.id)) missing.push(`${lng}: ${t.id}`);
    }
    expect(missing).toEqual([]);
  });

  it('template texts use exactly their required variables', () => {
    const problems: string[] = [];
    for (const t of catalogue.templates) {
      for (const lng of LANGUAGES) {
        const text = texts.replies[lng].get(t.id) ?? '';
        const used = templateVariables(text);
        const extra = used.filter((v) => !t.required.includes(v));
        const missing = mustShow(t).filter((v) => !used.includes(v));
        if (extra.length > 0 || missing.length > 0) {
          problems.push(`${lng} ${t.id}: uses [${used}] but requires [${t.required}]`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('every template text passes validateTemplateText in its own language', () => {
    const resources = Object.fromEntries(
      LANGUAGES.map((lng) => [lng, { replies: rawReplies[lng], bot: {} }]),
    ) as unknown as LocaleResources;
    const problems: string[] = [];
    for (const t of catalogue.templates) {
      for (const lng of LANGUAGES) {
        const result = validateTemplateText(
          catalogue as Catalogue,
          t.id,
          lng,
          texts.replies[lng].get(t.id) ?? '',
          resources,
        );
        if (!result.ok) problems.push(`${lng} ${t.id}: ${result.errors.map((e) => e.message).join(' ')}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('replies holds only template texts and known fragments', () => {
    const allowed = new Set([...catalogue.templates.map((t) => t.id), ...Object.keys(REPLY_FRAGMENTS)]);
    const plural = new Set(REPLY_PLURAL_FRAGMENTS);
    const unknown = [...texts.replies.en.keys()].filter(
      (k) => !allowed.has(k) && !plural.has(pluralParts(k, texts.replies.en).base),
    );
    expect(unknown).toEqual([]);
    for (const [key, vars] of Object.entries(REPLY_FRAGMENTS)) {
      expect(sorted(templateVariables(texts.replies.en.get(key) ?? '')), key).toEqual(sorted(vars));
    }
    for (const key of REPLY_PLURAL_FRAGMENTS) {
      expect(groups(texts.replies.en).get(key), `${key} is a plural group`).toBeInstanceOf(Set);
    }
  });
});

describe('catalogue versioning (templates/catalogue.lock.json)', () => {
  const version = catalogue.version as number;
  const current = snapshotCatalogue(catalogue.templates, rawReplies);
  const hint = (): string =>
    `Template texts or metadata changed. If version ${version} is released, bump templates/catalogue.json ` +
    `"version" to ${version + 1}, set "version": ${version + 1} on each changed entry, and add this ` +
    `snapshot as "${version + 1}" in templates/catalogue.lock.json (older snapshots stay as they are):\n` +
    JSON.stringify(current, null, 2);

  it('records a snapshot for the current version and none for later ones', () => {
    expect(lock[String(version)], hint()).toBeDefined();
    expect(
      Object.keys(lock)
        .map(Number)
        .filter((v) => v > version),
    ).toEqual([]);
  });

  it('matches the snapshot of the current version', () => {
    expect(lock[String(version)], hint()).toEqual(current);
  });

  it('each entry is unchanged since the version it declares', () => {
    const stale = catalogue.templates.filter(
      (t) => lock[String(t.version)]?.templates[t.id] !== current.templates[t.id],
    );
    expect(
      stale.map((t) => `${t.id} changed after version ${t.version}`),
      hint(),
    ).toEqual([]);
  });
});

describe.each(NAMESPACES)('locales: %s namespace', (ns) => {
  const en = texts[ns].en;
  const enGroups = groups(en);

  it('every leaf is a string', () => {
    expect(problemsOf).toEqual([]);
  });

  it.each(LANGUAGES_OF[ns])('%s has the same keys as English (plural forms per CLDR)', (lng) => {
    const mine = groups(texts[ns][lng]);
    expect(sorted(mine.keys())).toEqual(sorted(enGroups.keys()));
    const categories = sorted(new Intl.PluralRules(lng).resolvedOptions().pluralCategories);
    for (const [base, forms] of mine) {
      const enForms = enGroups.get(base);
      if (enForms === null) {
        expect(forms, `${lng} ${base} should not be plural`).toBeNull();
      } else {
        expect(forms === null ? null : sorted(forms), `${lng} ${base} plural forms`).toEqual(categories);
      }
    }
  });

  it.each(LANGUAGES_OF[ns])(
    '%s texts are non-empty, balanced and use the same variables as English',
    (lng) => {
      const problems: string[] = [];
      for (const [key, text] of texts[ns][lng]) {
        if (text.trim() === '') problems.push(`${key}: empty`);
        if (text !== text.trim()) problems.push(`${key}: leading/trailing whitespace`);
        if (/[{}]/.test(text.replace(PLACEHOLDER, '')))
          problems.push(`${key}: unbalanced or malformed braces`);
        if (text.includes('$t(')) problems.push(`${key}: nesting is not allowed`);
        const { base, form } = pluralParts(key, texts[ns][lng]);
        const enKey = form === null ? base : `${base}_other`;
        const reference = en.get(enKey);
        if (reference === undefined) continue;
        if (sorted(templateVariables(text)).join() !== sorted(templateVariables(reference)).join()) {
          problems.push(
            `${key}: variables [${templateVariables(text)}] differ from en [${templateVariables(reference)}]`,
          );
        }
        if (form !== null && !templateVariables(text).includes('count'))
          problems.push(`${key}: plural without {{count}}`);
      }
      expect(problems).toEqual([]);
    },
  );

  it.each(LANGUAGES_OF[ns].filter((l) => l !== 'en'))(
    '%s is translated (no text identical to English)',
    (lng) => {
      const same: string[] = [];
      for (const [key, text] of texts[ns][lng]) {
        const { base, form } = pluralParts(key, texts[ns][lng]);
        const reference = en.get(key) ?? (form === null ? undefined : en.get(`${base}_other`));
        if (reference !== undefined && text === reference && !isPurePlaceholder(text)) same.push(key);
      }
      expect(same).toEqual([]);
    },
  );
});

describe('bot namespace coverage', () => {
  it('the seller-only languages have seller texts and no buyer replies', () => {
    for (const lng of SELLER_LANGUAGES.filter((l) => !(LANGUAGES as readonly string[]).includes(l))) {
      expect(readdirSync(join(ROOT, 'locales', lng)).sort(), lng).toEqual([
        'bot.json',
        'cli.json',
        'console.json',
        'validation.json',
      ]);
    }
    expect(readdirSync(join(ROOT, 'locales')).sort()).toEqual([...SELLER_LANGUAGES].sort());
  });

  it.each(SELLER_LANGUAGES)(
    '%s names every category, urgency, language, status, button and decision',
    (lng) => {
      const bot = texts.bot[lng];
      const missing = [
        ...CATEGORIES.map((c) => `category.${c}`),
        ...URGENCIES.map((u) => `urgency.${u}`),
        ...SELLER_LANGUAGES.map((l) => `language.${l}`),
        ...WRITTEN_LANGUAGES.filter((l) => !(LANGUAGES as readonly string[]).includes(l)).map(
          (l) => `written_language.${l}`,
        ),
        ...TICKET_STATUSES.map((s) => `status.${s}`),
        'edit_language.warning',
        'edit_language.send',
        'edit_language.drop',
        ...DECISION_ACTIONS.map((a) => `button.${a}`),
        ...DECISION_ACTIONS.map((a) => `decided.${a}`),
        'outcome.approved',
        'outcome.edited',
        'outcome.rejected',
        'outcome.escalated',
        ...SYSTEM_BOT_KEYS,
      ].filter((k) => !bot.has(k));
      expect(missing).toEqual([]);
    },
  );

  it.each(SELLER_LANGUAGES)('%s has the plural stall reason and the system-ticket variables', (lng) => {
    const bot = texts.bot[lng];
    expect(groups(bot).get('reason.shipment_stalled')).toBeInstanceOf(Set);
    expect(sorted(templateVariables(bot.get('card.system_reason') ?? ''))).toEqual(['reason']);
    expect(sorted(templateVariables(bot.get('card.coupon') ?? ''))).toEqual(['code', 'value']);
    expect(sorted(templateVariables(bot.get('card.auto_sent') ?? ''))).toEqual(['when']);
    expect(sorted(templateVariables(bot.get('outcome.auto_sent') ?? ''))).toEqual(['when']);
  });
});
