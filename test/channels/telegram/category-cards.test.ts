import { beforeAll, describe, expect, it } from 'vitest';
import {
  CALLBACK_DATA_MAX_BYTES,
  CATEGORY_CODES,
  encodeCategoryCallback,
  parseCategoryCallback,
  parseDecisionCallback,
} from '../../../src/channels/telegram/callback-data.js';
import {
  buildCategoryKeyboard,
  buildDecisionKeyboard,
  buildSupersededText,
} from '../../../src/channels/telegram/cards.js';
import { buildDigestText } from '../../../src/channels/telegram/digest.js';
import { createReplyRenderer, type ReplyRenderer } from '../../../src/domain/reply/index.js';
import { SELLER_LANGUAGES } from '../../../src/domain/shop/seller-language.js';
import { CATEGORIES } from '../../../src/domain/types.js';
import { loadReplyResources } from '../../../src/i18n/load.js';

/** The longest ticket id the API accepts (`tkt_` and 40 characters). */
const LONGEST_TICKET_ID = `tkt_${'A'.repeat(40)}`;
const bytes = (value: string) => new TextEncoder().encode(value).length;

let renderer: ReplyRenderer;
beforeAll(async () => {
  const { catalogue, resources } = await loadReplyResources(process.cwd());
  renderer = createReplyRenderer(catalogue, resources);
});

describe('category callback data', () => {
  it('has one stable two-letter code per category', () => {
    expect(Object.keys(CATEGORY_CODES).sort()).toEqual([...CATEGORIES].sort());
    expect(new Set(Object.values(CATEGORY_CODES)).size).toBe(CATEGORIES.length);
  });

  it('round-trips every button and stays within 64 bytes for the longest ticket id', () => {
    const ticketId = LONGEST_TICKET_ID;
    const callbacks = [
      { kind: 'open' as const, ticketId },
      { kind: 'back' as const, ticketId },
      ...CATEGORIES.map((category) => ({ kind: 'set' as const, ticketId, category })),
    ];
    for (const callback of callbacks) {
      const data = encodeCategoryCallback(callback);
      expect(bytes(data)).toBeLessThanOrEqual(CALLBACK_DATA_MAX_BYTES);
      expect(parseCategoryCallback(data)).toEqual(callback);
      // A category button is never mistaken for a decision.
      expect(parseDecisionCallback(data)).toBeNull();
    }
    expect(encodeCategoryCallback({ kind: 'set', ticketId: 'tkt_1', category: 'cancel_order' })).toBe(
      'setcat:co:tkt_1',
    );
  });

  it('refuses anything else', () => {
    for (const data of [
      undefined,
      '',
      'category:',
      'category:tkt 1',
      'setcat:zz:tkt_1',
      'setcat:co',
      'setcat:co:tkt_1:extra',
      'catback:tkt_1:x',
      'approve:tkt_1',
      'dict:val_12345678:1',
    ]) {
      expect(parseCategoryCallback(data)).toBeNull();
    }
    expect(() => encodeCategoryCallback({ kind: 'open', ticketId: 'x'.repeat(60) })).toThrow(/64 bytes/);
  });
});

describe('category keyboards', () => {
  it('adds a Category button to buyer cards only, in the seller language', () => {
    const plain = buildDecisionKeyboard(renderer, 'es', 'tkt_1');
    expect(plain.inline_keyboard.flat().map((b) => b.callback_data)).toEqual([
      'approve:tkt_1',
      'edit:tkt_1',
      'reject:tkt_1',
      'escalate:tkt_1',
    ]);
    const correctable = buildDecisionKeyboard(renderer, 'es', 'tkt_1', { correctable: true });
    expect(correctable.inline_keyboard.at(-1)).toEqual([
      { text: '🏷️ Categoría', callback_data: 'category:tkt_1' },
    ]);
  });

  it('lists the 13 categories in every seller language, the current one marked, and a way back', () => {
    for (const language of SELLER_LANGUAGES) {
      const keyboard = buildCategoryKeyboard(renderer, language, 'tkt_1', 'other');
      const buttons = keyboard.inline_keyboard.flat();
      expect(buttons).toHaveLength(CATEGORIES.length + 1);
      expect(keyboard.inline_keyboard.every((row) => row.length <= 2)).toBe(true);
      for (const [i, category] of CATEGORIES.entries()) {
        const name = renderer.t(language, `category.${category}`);
        expect(name).not.toBe(`category.${category}`);
        expect(buttons[i]).toEqual({
          text: category === 'other' ? `• ${name}` : name,
          callback_data: `setcat:${CATEGORY_CODES[category]}:tkt_1`,
        });
      }
      expect(buttons.at(-1)?.callback_data).toBe('catback:tkt_1');
      expect(buttons.at(-1)?.text).not.toContain('button.back');
    }
  });

  it('says why a card was replaced', () => {
    expect(buildSupersededText(renderer, 'en', 'tkt_1')).toBe(
      'Replaced by a newer draft: the buyer wrote again. #tkt_1',
    );
    expect(buildSupersededText(renderer, 'en', 'tkt_1', 'category_corrected')).toBe(
      'Replaced by a newer draft: the category was corrected. #tkt_1',
    );
  });
});

describe('daily digest', () => {
  const figures = {
    tickets: 20,
    byCategory: { other: 8, not_received: 12 },
    byLanguage: { es: 20 },
    medianApprovalMinutes: 12,
    autoSentShare: 0,
    stalledShipments: 0,
    couponsGranted: 0,
  };

  it('shows the correction rate per category and language, most corrected first', () => {
    const text = buildDigestText(renderer, 'es', 'Tienda', {
      ...figures,
      corrections: [
        { category: 'not_received', language: 'es', tickets: 12, corrected: 1 },
        { category: 'other', language: 'es', tickets: 8, corrected: 2 },
        { category: 'payment', language: 'es', tickets: 3, corrected: 0 },
      ],
    });
    expect(text.split('\n').at(-1)).toBe(
      'Correcciones de categoría: Otro · es 2/8 (25%), No recibido · es 1/12 (8%)',
    );
  });

  it('shows a dash without corrections (and for figures recorded before they existed)', () => {
    expect(buildDigestText(renderer, 'en', 'Shop', figures).split('\n').at(-1)).toBe(
      'Category corrections: —',
    );
  });
});
