/**
 * Every function that reads buyer, seller, listing or carrier text, as one-argument callables, for
 * the ReDoS fuzz suite (test/redos) and `bench/text-cost.ts`. Each entry point is called the way
 * production calls it; errors a function throws on odd input (a template refusing a leak) are
 * part of its cost, not a failure.
 */
import { fileURLToPath } from 'node:url';
import { checkClaims } from '../../src/domain/listing/claims.js';
import {
  type ListingCheckDeps,
  listingContext,
  listingVersions,
  listingWordPredicate,
  validateAcrossLanguages,
  validateLanguageVersion,
} from '../../src/domain/listing/index.js';
import { CARRIER_PROFILES, GENERIC_CARRIER } from '../../src/domain/logistics/carrier-profiles.data.js';
import { readCheckpoint } from '../../src/domain/logistics/carriers.js';
import { normalizeTrackingEvent } from '../../src/domain/logistics/stall.js';
import { classifyIntent } from '../../src/domain/message/classify.js';
import { detectLanguage } from '../../src/domain/message/language.js';
import { redactPii } from '../../src/domain/message/redact.js';
import { recallCorrection } from '../../src/domain/message/shop-memory.js';
import { assessUrgency } from '../../src/domain/message/urgency.js';
import { findReplyLanguageMismatch } from '../../src/domain/reply/edit-language.js';
import { createReplyRenderer, type ReplyRenderer, sanitizeText } from '../../src/domain/reply/index.js';
import { sellerLanguageFromTag } from '../../src/domain/shop/seller-language.js';
import { LANGUAGES } from '../../src/domain/types.js';
import { loadReplyResources } from '../../src/i18n/load.js';

export interface TextEntryPoint {
  name: string;
  /** Runs the entry point over `text`; returns something so the work cannot be optimised away. */
  run: (text: string) => unknown;
  /** Largest input production lets through (API caps, template limits). */
  maxLength: number;
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A deterministic speller: every word of 2-12 letters is known, others are misspelt without suggestions. */
const speller = {
  correct: (word: string) => word.length >= 2 && word.length <= 12,
  suggest: () => [],
};

function listingDeps(): ListingCheckDeps {
  return {
    spellers: Object.fromEntries(LANGUAGES.map((l) => [l, speller])),
    isAllowed: listingWordPredicate(),
    maxSuggestions: 0,
  };
}

/** A listing whose `lang` version carries the text under test in `field` (the other fields fixed). */
function listingCheck(deps: ListingCheckDeps, field: 'title' | 'description', lang: 'en' | 'es' = 'en') {
  return (text: string) => {
    const at = (l: 'en' | 'es', f: 'title' | 'description', fixed: string) =>
      l === lang && f === field ? text : fixed;
    const listing = {
      title: {
        en: at('en', 'title', 'Wireless earbuds, 30 h battery'),
        es: at('es', 'title', 'Auriculares inalámbricos'),
      },
      description: {
        en: at('en', 'description', 'Earbuds with a 30 h battery and a charging case.'),
        es: at('es', 'description', 'Batería de 30 horas, estuche de carga.'),
      },
    };
    const versions = listingVersions(listing);
    const context = listingContext(versions, deps.spellers);
    return [
      ...versions.flatMap((v) => validateLanguageVersion(v, deps, context)),
      ...validateAcrossLanguages(versions),
    ];
  };
}

function renderWith(
  renderer: ReplyRenderer,
  vars: (text: string) => Record<string, unknown>,
  templateId?: string,
) {
  return (text: string) => {
    try {
      return renderer.render({
        category: 'not_received',
        language: 'fr',
        ...(templateId ? { templateId } : {}),
        vars: { orderId: '8142-77031', ...vars(text) } as never,
      }).text;
    } catch (error) {
      return error;
    }
  };
}

/** The entry points; the renderer needs the catalogue and locales from disk. */
export async function textEntryPoints(): Promise<TextEntryPoint[]> {
  const { catalogue, resources } = await loadReplyResources(ROOT);
  const renderer = createReplyRenderer(catalogue, resources);
  const deps = listingDeps();
  const profiles = [...CARRIER_PROFILES, GENERIC_CARRIER];
  const now = '2026-12-01T10:00:00Z';
  return [
    { name: 'redactPii (message text)', run: (t) => redactPii(t), maxLength: 20_000 },
    { name: 'redactPii (buyer.name)', run: (t) => redactPii(t), maxLength: 200 },
    {
      name: 'detectLanguage',
      run: (t) => detectLanguage(t, { locale: 'es-MX', country: 'MX' }),
      maxLength: 20_000,
    },
    ...(['en', 'es', 'fr', 'ru', 'pt'] as const).map((lang) => ({
      name: `classifyIntent (${lang})`,
      run: (t: string) => classifyIntent(t, lang),
      maxLength: 20_000,
    })),
    {
      // The shop's memory folds both the message and each remembered correction (seller-labelled buyer text).
      name: 'shop memory recall',
      run: (t: string) =>
        recallCorrection(t, [
          { id: 1, category: 'cancel_order', text: t },
          { id: 2, category: 'other', text: 'please stop the parcel, I found it cheaper' },
        ]),
      maxLength: 20_000,
    },
    {
      name: 'assessUrgency',
      run: (t) =>
        assessUrgency({ text: t, category: 'not_received', disputeDeadline: '2026-12-03T10:00:00Z', now }),
      maxLength: 20_000,
    },
    { name: 'listing title checks', run: listingCheck(deps, 'title'), maxLength: 20_000 },
    { name: 'listing description checks', run: listingCheck(deps, 'description'), maxLength: 20_000 },
    {
      // The checks an English version skips: Spanish terminology, claims and sentence languages.
      // (This speller knows every word in every language, so no untranslated run forms here: that
      // check has its own shape in test/redos/fuzz.test.ts.)
      name: 'listing description checks (es)',
      run: listingCheck(deps, 'description', 'es'),
      maxLength: 20_000,
    },
    {
      name: 'listing claims (ru)',
      run: (t) => checkClaims(t, 'ru', 'description'),
      maxLength: 20_000,
    },
    {
      name: 'carrier checkpoint text',
      run: (t) => profiles.map((p) => readCheckpoint(p, t)),
      maxLength: 20_000,
    },
    {
      name: 'tracking event normalisation',
      run: (t) =>
        normalizeTrackingEvent(
          { at: now, status: 'in_transit', description: t, location: t.slice(0, 200) },
          CARRIER_PROFILES[0]!,
        ),
      maxLength: 20_000,
    },
    {
      name: 'render reply (buyerName, carrier, items)',
      run: renderWith(renderer, (t) => ({
        buyerName: t,
        carrier: t,
        items: [t],
        trackingNumber: 'LP00412345678901',
      })),
      maxLength: 20_000,
    },
    {
      name: 'render reply (lastCheckpoint)',
      run: renderWith(
        renderer,
        (t) => ({
          trackingNumber: 'LP00412345678901',
          carrier: 'Cainiao',
          lastCheckpoint: t,
          daysSinceUpdate: 9,
        }),
        'logistics.stall_apology',
      ),
      maxLength: 20_000,
    },
    { name: 'sanitizeText', run: (t) => sanitizeText(t, 60), maxLength: 20_000 },
    {
      name: 'edited reply language check',
      run: (t) => [findReplyLanguageMismatch(t, 'es'), findReplyLanguageMismatch(t, 'ru')],
      maxLength: 20_000,
    },
    {
      name: 'seller language tag (/lang, language_code)',
      run: (t) => sellerLanguageFromTag(t),
      maxLength: 20_000,
    },
  ];
}
