import { CATEGORIES, type Category } from '../types.js';

/** Per-shop settings (docs/API.md `PUT /v1/settings`); every key optional, defaults below. */
export interface ShopSettings {
  sla?: { remindAfterMinutes?: number; escalateAfterMinutes?: number; disputeLeadHours?: number };
  logistics?: { autoApology?: boolean; stallHours?: number; escalateAfterHours?: number };
  coupon?: {
    currency?: string;
    baseValue?: number;
    perDayValue?: number;
    maxValue?: number;
    monthlyBudget?: number;
  };
  autoSend?: { categories?: Category[]; minConfidence?: number };
  /** Days after which buyer texts of closed tickets are erased (default 180). */
  retention?: { buyerTextDays?: number };
  /** A listing named by this many `not_as_described` tickets within the window gets validated. */
  listings?: { disputeThreshold?: number; disputeWindowDays?: number };
  /** The shop lets its category corrections (redacted) join the global training data. */
  learning?: { shareCorrections?: boolean };
}

/** Settings with every default filled in, as workflows and activities use them. */
export interface EffectiveSettings {
  sla: { remindAfterMinutes: number; escalateAfterMinutes: number; disputeLeadHours: number };
  logistics: { autoApology: boolean; stallHours?: number; escalateAfterHours?: number };
  coupon: {
    currency: string;
    baseValue: number;
    perDayValue: number;
    maxValue: number;
    monthlyBudget: number;
  };
  autoSend: { categories: Category[]; minConfidence: number };
  retention: { buyerTextDays: number };
  listings: { disputeThreshold: number; disputeWindowDays: number };
  learning: { shareCorrections: boolean };
}

/** Defaults: remind after 2 h, escalate after 12 h more, 24 h before a dispute deadline. */
export const DEFAULT_SETTINGS: EffectiveSettings = {
  sla: { remindAfterMinutes: 120, escalateAfterMinutes: 720, disputeLeadHours: 24 },
  logistics: { autoApology: false },
  coupon: { currency: 'USD', baseValue: 2, perDayValue: 0.5, maxValue: 10, monthlyBudget: 200 },
  autoSend: { categories: [], minConfidence: 0.9 },
  retention: { buyerTextDays: 180 },
  listings: { disputeThreshold: 3, disputeWindowDays: 30 },
  learning: { shareCorrections: false },
};

/** Fills defaults into a shop's stored settings. */
export function effectiveSettings(stored: ShopSettings | null | undefined): EffectiveSettings {
  const s = stored ?? {};
  return {
    sla: { ...DEFAULT_SETTINGS.sla, ...s.sla },
    logistics: { ...DEFAULT_SETTINGS.logistics, ...s.logistics },
    retention: { ...DEFAULT_SETTINGS.retention, ...s.retention },
    listings: { ...DEFAULT_SETTINGS.listings, ...s.listings },
    learning: { ...DEFAULT_SETTINGS.learning, ...s.learning },
    coupon: { ...DEFAULT_SETTINGS.coupon, ...s.coupon },
    autoSend: {
      ...DEFAULT_SETTINGS.autoSend,
      ...s.autoSend,
      categories: (s.autoSend?.categories ?? DEFAULT_SETTINGS.autoSend.categories).filter((c) =>
        (CATEGORIES as readonly string[]).includes(c),
      ),
    },
  };
}

/** Deep-merges a partial update into stored settings (one level: each section merges its keys). */
export function mergeSettings(stored: ShopSettings, update: ShopSettings): ShopSettings {
  return {
    ...stored,
    ...(update.sla ? { sla: { ...stored.sla, ...update.sla } } : {}),
    ...(update.logistics ? { logistics: { ...stored.logistics, ...update.logistics } } : {}),
    ...(update.coupon ? { coupon: { ...stored.coupon, ...update.coupon } } : {}),
    ...(update.autoSend ? { autoSend: { ...stored.autoSend, ...update.autoSend } } : {}),
    ...(update.retention ? { retention: { ...stored.retention, ...update.retention } } : {}),
    ...(update.listings ? { listings: { ...stored.listings, ...update.listings } } : {}),
    ...(update.learning ? { learning: { ...stored.learning, ...update.learning } } : {}),
  };
}
