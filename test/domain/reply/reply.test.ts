import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { detectLanguage } from '../../../src/domain/message/language.js';
import {
  type Catalogue,
  catalogueText,
  createReplyRenderer,
  FORMAT_LOCALES,
  formatMoney,
  type LocaleResources,
  listTemplates,
  MAX_TEMPLATE_TEXT_LENGTH,
  MissingTemplateVariableError,
  parseCatalogue,
  type ReplyRenderer,
  type ReplyVars,
  TemplateConfigError,
  type TemplateEntry,
  TemplateLanguageMismatchError,
  TemplateOverrideError,
  TemplateRenderLeakError,
  type TemplateTextErrorCode,
  validateTemplateText,
} from '../../../src/domain/reply/index.js';
import { couponAmountText } from '../../../src/domain/shop/coupon.js';
import { CATEGORIES, LANGUAGES, type Language } from '../../../src/domain/types.js';
import { loadReplyResources } from '../../../src/i18n/load.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

let catalogue: Catalogue;
let resources: LocaleResources;
let renderer: ReplyRenderer;

beforeAll(async () => {
  ({ catalogue, resources } = await loadReplyResources(ROOT));
  renderer = createReplyRenderer(catalogue, resources);
});

const FULL: ReplyVars = {
  orderId: '8142-77031',
  buyerName: 'Maria Oliveira',
  trackingNumber: 'LP00412345678901',
  carrier: 'Cainiao',
  items: ['Phone case', 'USB-C cable'],
  total: 1234.5,
  currency: 'EUR',
};

function entryFor(category: string) {
  const entry = catalogue.templates.find((t) => t.id === `${category}.default`);
  if (!entry) throw new Error(`no template for ${category}`);
  return entry;
}

function reply(language: Language, key: string): string {
  const text = (resources[language].replies as Record<string, unknown>)[key];
  if (typeof text !== 'string') throw new Error(`no ${language} replies.${key}`);
  return text;
}

function expectClean(text: string): void {
  expect(text).not.toMatch(/\{\{|\}\}|\bundefined\b|\bnull\b|\bNaN\b/);
  expect(text).not.toMatch(/(?!\n)\p{Cc}/u);
  expect(text.trim()).toBe(text);
}

describe('render: every category in every language', () => {
  for (const language of LANGUAGES) {
    for (const category of CATEGORIES) {
      it(`${category} / ${language} with all optional vars`, () => {
        const entry = entryFor(category);
        const out = renderer.render({ category, language, vars: FULL });
        expect(out.templateId).toBe(`${category}.default`);
        expect(out.templateVersion).toBe(catalogue.version);
        expectClean(out.text);
        expect(out.text).toContain(FULL.orderId);
        // Buyer-language text: starts with the language's own greeting, signs off in that language.
        expect(
          out.text.startsWith(reply(language, 'greeting_named').replace('{{buyerName}}', FULL.buyerName!)),
        ).toBe(true);
        expect(out.text.endsWith(reply(language, 'signoff'))).toBe(true);
        if (language !== 'en') {
          expect(out.text).not.toBe(renderer.render({ category, language: 'en', vars: FULL }).text);
        }
        const opt = new Set(entry.optional);
        if (opt.has('trackingNumber')) {
          expect(out.text).toContain(FULL.trackingNumber);
          if (opt.has('carrier')) expect(out.text).toContain(FULL.carrier);
        } else {
          expect(out.text).not.toContain(FULL.trackingNumber);
        }
        if (opt.has('items')) {
          const list = new Intl.ListFormat(FORMAT_LOCALES[language], { type: 'conjunction' }).format(
            FULL.items!,
          );
          expect(out.text).toContain(list);
        }
        if (opt.has('total')) {
          const money = new Intl.NumberFormat(FORMAT_LOCALES[language], {
            style: 'currency',
            currency: 'EUR',
          }).format(1234.5);
          expect(out.text).toContain(money);
        }
      });

      it(`${category} / ${language} with required vars only`, () => {
        const out = renderer.render({ category, language, vars: { orderId: '5521' } });
        expectClean(out.text);
        expect(out.text).toContain('5521');
        expect(out.text.startsWith(reply(language, 'greeting'))).toBe(true);
        expect(out.text).not.toContain(FULL.trackingNumber);
        expect(out.text).not.toContain(FULL.buyerName);
      });
    }
  }
});

describe('render: optional sentences', () => {
  it('cites tracking number and carrier for not_received', () => {
    const text = renderer.render({
      category: 'not_received',
      language: 'en',
      vars: { orderId: '1', trackingNumber: 'RB123456789CN', carrier: 'China Post' },
    }).text;
    expect(text).toContain('The tracking number of your parcel is RB123456789CN (carrier: China Post).');
  });

  it('uses the carrier-less tracking sentence when only the number is known', () => {
    const text = renderer.render({
      category: 'not_received',
      language: 'ru',
      vars: { orderId: '1', trackingNumber: 'RB123456789CN' },
    }).text;
    expect(text).toContain('Трек-номер Вашей посылки: RB123456789CN.');
  });

  it('ignores a carrier without a tracking number', () => {
    const text = renderer.render({
      category: 'not_received',
      language: 'en',
      vars: { orderId: '1', carrier: 'DHL' },
    }).text;
    expect(text).not.toContain('DHL');
  });

  it('formats lists and money in the buyer language', () => {
    const fr = renderer.render({
      category: 'refund_request',
      language: 'fr',
      vars: { orderId: '9', items: ['Coque', 'Câble', 'Chargeur'], total: 12.5, currency: 'usd' },
    }).text;
    expect(fr).toContain('Coque, Câble et Chargeur');
    expect(fr).toContain(new Intl.NumberFormat('fr', { style: 'currency', currency: 'USD' }).format(12.5));
    const ru = renderer.render({
      category: 'payment',
      language: 'ru',
      vars: { orderId: '9', total: 1500, currency: 'RUB' },
    }).text;
    expect(ru).toContain('Сумма заказа: 1\u00a0500,00\u00a0₽.');
  });

  it('omits the total when the currency is missing or the amount is not finite', () => {
    for (const vars of [
      { orderId: '9', total: 10 },
      { orderId: '9', total: Number.NaN, currency: 'EUR' },
      { orderId: '9', total: 10, currency: 'euro' },
    ]) {
      const text = renderer.render({ category: 'payment', language: 'en', vars }).text;
      expect(text).not.toContain('Order total');
      expectClean(text);
    }
  });

  it('references an optional order id only when given (pre-sale questions)', () => {
    const without = renderer.render({
      category: 'product_question',
      language: 'es',
      vars: { orderId: '' },
    }).text;
    expect(without).not.toContain('Número de pedido');
    const withId = renderer.render({
      category: 'product_question',
      language: 'es',
      vars: { orderId: 'A-77' },
    }).text;
    expect(withId).toContain('Número de pedido: A-77.');
  });
});

describe('render: values are plain, safe text', () => {
  it('strips control and bidi characters and collapses whitespace', () => {
    const text = renderer.render({
      category: 'other',
      language: 'en',
      vars: { orderId: '1', buyerName: 'Ann\u0000a\u202e\n  Lee\u0007' },
    }).text;
    expect(text.startsWith('Hello Anna Lee,\n\n')).toBe(true);
  });

  it('truncates buyer names longer than 60 characters', () => {
    const name = 'X'.repeat(80);
    const text = renderer.render({
      category: 'other',
      language: 'en',
      vars: { orderId: '1', buyerName: name },
    }).text;
    expect(text.startsWith(`Hello ${'X'.repeat(60)},`)).toBe(true);
  });

  it('does not let values inject placeholders', () => {
    const text = renderer.render({
      category: 'not_received',
      language: 'en',
      vars: { orderId: '{{buyerName}}', buyerName: '$t(bot:help) {{{orderId}}}' },
    }).text;
    expect(text).toContain('Hello $t(bot:help) {orderId},');
    expect(text).toContain('about order {buyerName}.');
    expectClean(text);
  });

  it('accepts names and items that merely contain the words null or NaN', () => {
    const text = renderer.render({
      category: 'damaged',
      language: 'en',
      vars: { orderId: '1', buyerName: 'Nan Null', items: ['null modem cable'] },
    }).text;
    expect(text).toContain('Hello Nan Null,');
    expect(text).toContain('null modem cable');
  });

  it('drops blank optional values', () => {
    const text = renderer.render({
      category: 'not_received',
      language: 'en',
      vars: { orderId: '1', buyerName: ' \u200b ', trackingNumber: '', items: ['', '  '] },
    }).text;
    expect(text.startsWith('Hello,\n\n')).toBe(true);
    expect(text).not.toContain('tracking number');
    expect(text).not.toContain('Items:');
  });
});

describe('render: failures', () => {
  it('throws MissingTemplateVariableError for a missing required variable', () => {
    for (const orderId of ['', '   ', '\u0000', 'undefined', 'null', 'NaN', undefined as unknown as string]) {
      let caught: unknown;
      try {
        renderer.render({ category: 'damaged', language: 'fr', vars: { orderId } });
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(MissingTemplateVariableError);
      const err = caught as MissingTemplateVariableError;
      expect(err.code).toBe('missing_template_variable');
      expect(err.templateId).toBe('damaged.default');
      expect(err.missing).toEqual(['orderId']);
    }
  });

  it('throws template_render_leak when a template itself produces a leak', () => {
    const broken = structuredClone(resources);
    broken.ru.replies.signoff = 'С уважением, null';
    const bad = createReplyRenderer(catalogue, broken);
    expect(() => bad.render({ category: 'other', language: 'ru', vars: { orderId: '1' } })).toThrow(
      TemplateRenderLeakError,
    );
    try {
      bad.render({ category: 'other', language: 'ru', vars: { orderId: '1' } });
    } catch (err) {
      expect((err as TemplateRenderLeakError).code).toBe('template_render_leak');
    }
    // Other languages are unaffected.
    expect(bad.render({ category: 'other', language: 'en', vars: { orderId: '1' } }).text).toContain(
      'Hello,',
    );
  });

  it('refuses at construction a template text that uses a non-required variable', () => {
    const broken = structuredClone(resources);
    (broken.es.replies.damaged as Record<string, string>).default = 'Pedido {{orderId}}, {{trackingNumber}}.';
    expect(() => createReplyRenderer(catalogue, broken)).toThrow(TemplateConfigError);
  });

  it('refuses at construction a catalogue without a template for some category', () => {
    const partial = { ...catalogue, templates: catalogue.templates.filter((t) => t.category !== 'payment') };
    expect(() => createReplyRenderer(partial, resources)).toThrow(/payment/);
  });

  it('refuses at construction a language missing a template text', () => {
    const broken = structuredClone(resources);
    delete (broken.pt.replies.customs_tax as Record<string, string>).default;
    expect(() => createReplyRenderer(catalogue, broken)).toThrow(/pt.*customs_tax/);
  });
});

describe('bot texts', () => {
  it('interpolates seller-facing texts', () => {
    expect(renderer.t('en', 'outcome.approved', { who: '@anna', when: '2025-11-23 18:40' })).toBe(
      'Approved by @anna at 2025-11-23 18:40',
    );
    expect(renderer.t('fr', 'link.success', { shop: 'Boutique\nTest' })).toBe(
      'Cette discussion est désormais associée à Boutique Test.',
    );
    expect(renderer.t('es', 'category.customs_tax')).toBe('Aduana e impuestos');
  });

  it('picks Russian plural forms for 1, 3, 5 and 21', () => {
    expect(renderer.t('ru', 'pending.header', { count: 1 })).toBe('1 обращение ожидает одобрения:');
    expect(renderer.t('ru', 'pending.header', { count: 3 })).toBe('3 обращения ожидают одобрения:');
    expect(renderer.t('ru', 'pending.header', { count: 5 })).toBe('5 обращений ожидают одобрения:');
    expect(renderer.t('ru', 'pending.header', { count: 21 })).toBe('21 обращение ожидает одобрения:');
    expect(renderer.t('ru', 'pending.header', { count: 11 })).toBe('11 обращений ожидают одобрения:');
    expect(renderer.t('ru', 'pending.header', { count: 24 })).toBe('24 обращения ожидают одобрения:');
  });

  it('picks English plural forms', () => {
    expect(renderer.t('en', 'pending.header', { count: 1 })).toBe('1 ticket awaiting approval:');
    expect(renderer.t('en', 'pending.header', { count: 2 })).toBe('2 tickets awaiting approval:');
  });

  it('throws on unknown keys, missing variables and undefined values', () => {
    expect(() => renderer.t('en', 'card.nope')).toThrow(TemplateConfigError);
    expect(() => renderer.t('en', 'outcome.approved', { who: 'x' })).toThrow(TemplateRenderLeakError);
    expect(() => renderer.t('en', 'outcome.approved', { who: 'x', when: undefined })).toThrow(
      TemplateRenderLeakError,
    );
    expect(() => renderer.t('en', 'pending.header', { count: Number.NaN })).toThrow(TemplateRenderLeakError);
  });

  it('keeps user input from forming placeholders', () => {
    expect(renderer.t('en', 'lang.invalid', { code: '{{codes}}', codes: 'en, es' })).toBe(
      'Unknown language code "{codes}". Available codes: en, es.',
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Scenarios (catalogue v2): logistics, follow-ups, overrides, language check.

const SCENARIO_VARS: ReplyVars = {
  ...FULL,
  daysSinceUpdate: 5,
  lastCheckpoint: 'Arrived at destination sorting center.',
  lastCheckpointAt: '2025-11-20T08:00:00Z',
  couponCode: 'SORRY-5X2K',
  couponValue: 4.5,
  couponCurrency: 'USD',
  pickupLocation: 'Pickup Hub 14, 100 Market Street',
  returnAddress: 'Returns Dept., 12 Harbour Road, Shenzhen 518000, China',
};

// Read synchronously so the scenario x language table exists when vitest collects the tests.
const SCENARIOS = parseCatalogue(
  JSON.parse(readFileSync(join(ROOT, 'templates', 'catalogue.json'), 'utf8')) as unknown,
).templates;

const DAYS_5: Record<Language, string> = {
  en: '5 days',
  es: '5 días',
  fr: '5 jours',
  ru: '5 дней',
  pt: '5 dias',
};
const DATE: Record<Language, string> = {
  en: 'November 20, 2025',
  es: '20 de noviembre de 2025',
  fr: '20 novembre 2025',
  ru: '20 ноября 2025 г.',
  pt: '20 de novembro de 2025',
};

function entryById(id: string): TemplateEntry {
  const entry = catalogue.templates.find((t) => t.id === id);
  if (!entry) throw new Error(`no template ${id}`);
  return entry;
}

function requiredOnly(entry: TemplateEntry): ReplyVars {
  const vars: Record<string, unknown> = { orderId: '' };
  for (const name of entry.required) vars[name] = SCENARIO_VARS[name];
  return vars as unknown as ReplyVars;
}

function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected an error');
}

function occurrences(text: string, part: string): number {
  return text.split(part).length - 1;
}

describe('render: every catalogue scenario in every language', () => {
  it('the catalogue is version 4 with 23 scenarios', () => {
    expect(catalogue.version).toBe(4);
    expect(catalogue.templates).toHaveLength(23);
  });

  for (const entry of SCENARIOS) {
    for (const language of LANGUAGES) {
      it(`${entry.id} / ${language} with its variables`, () => {
        const out = renderer.render({
          category: entry.category,
          templateId: entry.id,
          language,
          vars: SCENARIO_VARS,
        });
        expect(out).toMatchObject({ templateId: entry.id, templateVersion: 4, overridden: false });
        expectClean(out.text);
        expect(out.text).toContain(SCENARIO_VARS.orderId);
        expect(out.text.endsWith(reply(language, 'signoff'))).toBe(true);
        const vars = new Set([...entry.required, ...entry.optional]);
        if (vars.has('trackingNumber')) expect(out.text).toContain(SCENARIO_VARS.trackingNumber);
        if (entry.required.includes('trackingNumber')) {
          // A required tracking number is in the body; it is not repeated below it.
          expect(occurrences(out.text, SCENARIO_VARS.trackingNumber!)).toBe(1);
        }
        if (vars.has('carrier')) expect(out.text).toContain(SCENARIO_VARS.carrier);
        if (vars.has('daysSinceUpdate')) expect(out.text).toContain(DAYS_5[language]);
        if (vars.has('couponCode')) {
          expect(out.text).toContain('SORRY-5X2K');
          expect(out.text).toContain(formatMoney(4.5, 'USD', language));
        }
        if (vars.has('lastCheckpoint')) {
          expect(out.text).toContain('Arrived at destination sorting center');
          expect(out.text).not.toContain('center..');
          expect(out.text).toContain(DATE[language]);
        }
        if (vars.has('pickupLocation')) expect(out.text).toContain(SCENARIO_VARS.pickupLocation);
        if (vars.has('returnAddress')) expect(out.text).toContain(SCENARIO_VARS.returnAddress);
        // The project's detector reads the reply as the buyer's language, values and all.
        const detected = detectLanguage(out.text);
        expect(detected.language).toBe(language);
        expect(detected.confidence).toBeGreaterThanOrEqual(0.8);
        if (language !== 'en') {
          const en = renderer.render({
            category: entry.category,
            templateId: entry.id,
            language: 'en',
            vars: SCENARIO_VARS,
          });
          expect(out.text).not.toBe(en.text);
        }
      });

      it(`${entry.id} / ${language} with required variables only`, () => {
        const vars = requiredOnly(entry);
        const out = renderer.render({ category: entry.category, templateId: entry.id, language, vars });
        expectClean(out.text);
        expect(out.text.startsWith(reply(language, 'greeting'))).toBe(true);
        expect(out.text).not.toContain(FULL.buyerName);
        expect(out.text).not.toContain('Arrived at destination');
        expect(out.text).not.toContain(SCENARIO_VARS.pickupLocation);
        expect(out.text).not.toContain(SCENARIO_VARS.returnAddress);
        expect(detectLanguage(out.text).language).toBe(language);
        if (entry.optional.includes('returnAddress')) {
          expect(out.text).toContain(reply(language, 'return_address_pending'));
        }
      });
    }
  }
});

describe('render: plurals, money and dates per locale', () => {
  const stall = (language: Language, vars: Partial<ReplyVars>): string =>
    renderer.render({
      category: 'not_received',
      templateId: 'logistics.stall_apology',
      language,
      vars: { ...SCENARIO_VARS, ...vars },
    }).text;

  it.each([
    [1, 'уже 1 день'],
    [3, 'уже 3 дня'],
    [5, 'уже 5 дней'],
    [21, 'уже 21 день'],
    [11, 'уже 11 дней'],
    [22, 'уже 22 дня'],
    [0, 'уже 0 дней'],
    [2.7, 'уже 2 дня'],
  ])('Russian: daysSinceUpdate %d -> "%s"', (days, phrase) => {
    expect(stall('ru', { daysSinceUpdate: days })).toContain(`не обновлялась ${phrase}.`);
    const update = renderer.render({
      category: 'not_received',
      templateId: 'logistics.delay_update',
      language: 'ru',
      vars: { ...SCENARIO_VARS, daysSinceUpdate: days },
    }).text;
    expect(update).toContain(phrase);
  });

  it.each([
    ['en', 1, 'has not been updated for 1 day.'],
    ['en', 2, 'has not been updated for 2 days.'],
    ['es', 1, 'desde hace 1 día.'],
    ['es', 4, 'desde hace 4 días.'],
    ['fr', 1, 'depuis 1 jour.'],
    ['fr', 2, 'depuis 2 jours.'],
    ['pt', 1, 'há 1 dia.'],
    ['pt', 6, 'há 6 dias.'],
  ] as const)('%s: daysSinceUpdate %d', (language, days, phrase) => {
    expect(stall(language, { daysSinceUpdate: days })).toContain(phrase);
  });

  it.each([
    ['en', 'a discount code worth $4.50 that'],
    ['es', 'un código de descuento de 4,50\u00a0US$ que'],
    ['fr', "d'une valeur de 4,50\u00a0$US,"],
    ['ru', 'код скидки на 4,50\u00a0$,'],
    ['pt', 'no valor de US$\u00a04,50,'],
  ] as const)('%s: coupon value in the buyer locale', (language, phrase) => {
    expect(stall(language, {})).toContain(phrase);
  });

  it('formats other currencies per locale too', () => {
    expect(stall('fr', { couponValue: 1234.5, couponCurrency: 'eur' })).toContain('1\u202f234,50\u00a0€');
    expect(stall('pt', { couponValue: 10, couponCurrency: 'BRL' })).toContain('R$\u00a010,00');
    expect(stall('ru', { couponValue: 300, couponCurrency: 'RUB' })).toContain('300,00\u00a0₽');
    expect(stall('en', { couponValue: 500, couponCurrency: 'JPY' })).toContain('¥500');
  });

  it.each(LANGUAGES)(
    '%s: checkpoint date in the buyer locale, undated when the time is unreadable',
    (language) => {
      expect(stall(language, {})).toContain(DATE[language]);
      const undated = stall(language, { lastCheckpointAt: 'yesterday' });
      expect(undated).not.toContain('2025');
      expect(undated).toContain(
        reply(language, 'last_checkpoint').replace(
          '{{lastCheckpoint}}',
          'Arrived at destination sorting center',
        ),
      );
    },
  );

  it('shows the pickup point and return address only for templates that list them', () => {
    const pickup = renderer.render({
      category: 'shipping_inquiry',
      templateId: 'logistics.ready_for_pickup',
      language: 'es',
      vars: SCENARIO_VARS,
    }).text;
    expect(pickup).toContain('Punto de recogida: Pickup Hub 14, 100 Market Street.');
    const steps = renderer.render({
      category: 'return_exchange',
      templateId: 'return_exchange.return_steps',
      language: 'fr',
      vars: SCENARIO_VARS,
    }).text;
    expect(steps).toContain(`Notre adresse de retour : ${SCENARIO_VARS.returnAddress}`);
    expect(steps).not.toContain(reply('fr', 'return_address_pending'));
    const other = renderer.render({ category: 'other', language: 'fr', vars: SCENARIO_VARS }).text;
    expect(other).not.toContain(SCENARIO_VARS.returnAddress);
    expect(other).not.toContain('Pickup Hub');
  });

  it('keeps a template of the right language even when values are in another one', () => {
    const out = renderer.render({
      category: 'not_received',
      templateId: 'logistics.delay_update',
      language: 'pt',
      vars: {
        ...SCENARIO_VARS,
        buyerName: 'John Smith',
        lastCheckpoint:
          'The shipment has been received by the destination post office and is waiting for customs',
      },
    });
    expect(out.text).toContain('waiting for customs');
  });
});

describe('render: missing variables block the reply', () => {
  const cases: Array<[string, Partial<ReplyVars>, string[]]> = [
    ['no coupon code', { couponCode: '  ' }, ['couponCode']],
    ['a zero coupon', { couponValue: 0 }, ['couponValue']],
    ['a NaN coupon', { couponValue: Number.NaN }, ['couponValue']],
    ['no coupon currency', { couponCurrency: undefined }, ['couponValue', 'couponCurrency']],
    ['a malformed coupon currency', { couponCurrency: 'dollars' }, ['couponValue', 'couponCurrency']],
    ['no delay', { daysSinceUpdate: undefined }, ['daysSinceUpdate']],
    ['a negative delay', { daysSinceUpdate: -1 }, ['daysSinceUpdate']],
    ['no carrier', { carrier: 'undefined' }, ['carrier']],
    ['no tracking number', { trackingNumber: '' }, ['trackingNumber']],
  ];
  it.each(cases)('stall apology with %s', (_name, patch, missing) => {
    const err = caught(() =>
      renderer.render({
        category: 'not_received',
        templateId: 'logistics.stall_apology',
        language: 'es',
        vars: { ...SCENARIO_VARS, ...patch },
      }),
    );
    expect(err).toBeInstanceOf(MissingTemplateVariableError);
    expect((err as MissingTemplateVariableError).templateId).toBe('logistics.stall_apology');
    expect((err as MissingTemplateVariableError).missing).toEqual(missing);
  });

  it('reports a missing variable before looking at an override', () => {
    expect(() =>
      renderer.render({
        category: 'not_received',
        templateId: 'logistics.lost_parcel',
        language: 'en',
        vars: { orderId: '1' },
        overrideText: 'Order {{orderId}}, parcel {{trackingNumber}} ({{carrier}}) is lost.',
      }),
    ).toThrow(MissingTemplateVariableError);
  });

  it('refuses an unknown template id', () => {
    expect(() =>
      renderer.render({
        category: 'other',
        templateId: 'logistics.nope',
        language: 'en',
        vars: { orderId: '1' },
      }),
    ).toThrow(TemplateConfigError);
  });
});

describe('render: shop overrides', () => {
  const ES_OVERRIDE =
    'Gracias por su paciencia con el pedido {{orderId}}. Revisamos el envío {{trackingNumber}} de {{carrier}} ' +
    'todos los días y le escribiremos en cuanto haya novedades.';

  it('uses a valid override instead of the catalogue text, keeping greeting, references and signoff', () => {
    const out = renderer.render({
      category: 'not_received',
      templateId: 'logistics.delivered_not_received',
      language: 'es',
      vars: SCENARIO_VARS,
      overrideText: `  ${ES_OVERRIDE}\n`,
    });
    expect(out.overridden).toBe(true);
    expect(out.templateId).toBe('logistics.delivered_not_received');
    expect(out.templateVersion).toBe(4);
    expect(out.text).toContain(
      'Gracias por su paciencia con el pedido 8142-77031. Revisamos el envío LP00412345678901 de Cainiao',
    );
    expect(out.text).not.toContain(
      catalogueText(resources, 'logistics.delivered_not_received', 'es').slice(0, 40),
    );
    expect(out.text.startsWith('Hola, Maria Oliveira:\n\n')).toBe(true);
    expect(out.text).toContain('Última actualización del seguimiento (20 de noviembre de 2025)');
    expect(out.text.endsWith(reply('es', 'signoff'))).toBe(true);
    expectClean(out.text);
  });

  it('overrides the default template of a category when no id is given', () => {
    const out = renderer.render({
      category: 'other',
      language: 'fr',
      vars: { orderId: '1' },
      overrideText: 'Merci pour votre message : notre équipe vous répondra très bientôt.',
    });
    expect(out).toMatchObject({ templateId: 'other.default', overridden: true });
    expect(out.text).toContain('notre équipe vous répondra très bientôt.');
  });

  it('values cannot inject placeholders through an override', () => {
    const out = renderer.render({
      category: 'damaged',
      language: 'en',
      vars: { orderId: '{{buyerName}}', buyerName: 'Eve' },
      overrideText: 'We are sorry about order {{orderId}}. Please send us photos of the damage.',
    });
    expect(out.text).toContain('order {buyerName}.');
  });

  const bad: Array<[string, string, Language, string, TemplateTextErrorCode]> = [
    [
      'an unknown variable',
      'logistics.lost_parcel',
      'en',
      'Order {{orderId}} ({{trackingNumber}}, {{carrier}}) is lost, {{refundAmount}}.',
      'unknown_variable',
    ],
    [
      'an optional variable',
      'not_received.default',
      'en',
      'Hello {{buyerName}}, we are checking order {{orderId}}.',
      'optional_variable',
    ],
    [
      'a missing required variable',
      'logistics.stall_apology',
      'fr',
      'Votre colis {{trackingNumber}} ({{carrier}}) est en retard de {{daysSinceUpdate}} ; voici un code : {{couponCode}}.',
      'missing_variable',
    ],
    [
      'a malformed placeholder',
      'damaged.default',
      'ru',
      'Заказ {{orderId}: пришлите, пожалуйста, фотографии повреждений.',
      'malformed_placeholder',
    ],
    [
      'i18next nesting',
      'damaged.default',
      'en',
      'Order {{orderId}}: $t(damaged.default)',
      'nesting_not_allowed',
    ],
    ['an empty text', 'other.default', 'pt', '  \n ', 'empty'],
    ['an over-long text', 'other.default', 'en', `Thanks. ${'We will check. '.repeat(160)}`, 'too_long'],
    ['a leak word', 'damaged.default', 'en', 'Order {{orderId}}: refund amount is null.', 'leak_word'],
    [
      'placeholder debris',
      'damaged.default',
      'en',
      'Dear [CUSTOMER NAME], we are checking order {{orderId}}.',
      'placeholder_debris',
    ],
    [
      'invisible characters',
      'damaged.default',
      'en',
      'We are checking order {{orderId}}\u202e.',
      'invisible_characters',
    ],
  ];

  it.each(bad)('render refuses an override with %s', (_name, templateId, language, text, code) => {
    const entry = entryById(templateId);
    const err = caught(() =>
      renderer.render({
        category: entry.category,
        templateId,
        language,
        vars: SCENARIO_VARS,
        overrideText: text,
      }),
    );
    expect(err).toBeInstanceOf(TemplateOverrideError);
    const e = err as TemplateOverrideError;
    expect(e.code).toBe('template_override_invalid');
    expect(e.templateId).toBe(templateId);
    expect(e.errors.map((x) => x.code)).toContain(code);
    expect(e.message).toContain(templateId);
  });

  it.each(bad)(
    'validateTemplateText refuses %s with a clear error',
    (_name, templateId, language, text, code) => {
      const result = validateTemplateText(catalogue, templateId, language, text);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      const error = result.errors.find((e) => e.code === code);
      expect(error, JSON.stringify(result.errors)).toBeDefined();
      expect(error?.message).toMatch(/^[A-Z{"$].+\.$/s);
    },
  );

  it('names the offending variables in the messages', () => {
    const unknown = validateTemplateText(catalogue, 'logistics.lost_parcel', 'en', bad[0]![3]);
    expect(unknown.ok ? '' : unknown.errors[0]?.message).toContain('{{refundAmount}}');
    const missing = validateTemplateText(catalogue, 'logistics.stall_apology', 'fr', bad[2]![3]);
    expect(missing.ok ? [] : missing.errors.map((e) => e.message)).toContainEqual(
      'The text must include {{orderId}}, {{couponValue}}.',
    );
  });

  it('render refuses an override copied from English', () => {
    const english = catalogueText(resources, 'logistics.customs_held', 'en');
    const err = caught(() =>
      renderer.render({
        category: 'customs_tax',
        templateId: 'logistics.customs_held',
        language: 'pt',
        vars: SCENARIO_VARS,
        overrideText: english,
      }),
    );
    expect(err).toBeInstanceOf(TemplateOverrideError);
    expect((err as TemplateOverrideError).errors.map((e) => e.code)).toContain('copied_from_english');
    // The same text is fine for English itself.
    expect(
      renderer.render({
        category: 'customs_tax',
        templateId: 'logistics.customs_held',
        language: 'en',
        vars: SCENARIO_VARS,
        overrideText: english,
      }).overridden,
    ).toBe(true);
  });

  it('validation catches copies of English when given the resources (and through renderer.validate)', () => {
    const english = catalogueText(resources, 'damaged.ask_photos', 'en');
    for (const result of [
      validateTemplateText(catalogue, 'damaged.ask_photos', 'ru', english, resources),
      renderer.validate('damaged.ask_photos', 'ru', english),
    ]) {
      expect(result.ok ? [] : result.errors.map((e) => e.code)).toContain('copied_from_english');
    }
  });

  it('render withholds an override in the wrong language', () => {
    const err = caught(() =>
      renderer.render({
        category: 'not_received',
        templateId: 'logistics.delay_update',
        language: 'fr',
        vars: SCENARIO_VARS,
        overrideText:
          'Quick update on order {{orderId}}: parcel {{trackingNumber}} with {{carrier}} has had no ' +
          'tracking update for {{daysSinceUpdate}}. We are watching it and will write again soon.',
      }),
    );
    expect(err).toBeInstanceOf(TemplateLanguageMismatchError);
    const e = err as TemplateLanguageMismatchError;
    expect(e.code).toBe('template_language_mismatch');
    expect(e).toMatchObject({
      templateId: 'logistics.delay_update',
      language: 'fr',
      detected: 'en',
      overridden: true,
    });
    expect(e.confidence).toBeGreaterThanOrEqual(0.8);
  });

  it('validation refuses an override in the wrong language', () => {
    const result = validateTemplateText(
      catalogue,
      'other.default',
      'es',
      'Спасибо за сообщение! Мы скоро ответим Вам.',
    );
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors).toEqual([
      { code: 'wrong_language', message: expect.stringContaining('reads as ru') },
    ]);
  });

  it('accepts valid overrides in every language', () => {
    const good: Record<Language, string> = {
      en: 'Thanks for waiting on order {{orderId}}. We check it every day and will write when we know more.',
      es: ES_OVERRIDE.replace(' {{trackingNumber}} de {{carrier}}', ''),
      fr: 'Merci de votre patience pour la commande {{orderId}}. Nous la suivons chaque jour et vous écrirons dès que possible.',
      ru: 'Спасибо за терпение! Мы каждый день проверяем заказ {{orderId}} и напишем Вам, как только что-то узнаем.',
      pt: 'Agradecemos a sua paciência com o pedido {{orderId}}. Verificamos o envio todos os dias e daremos notícias em breve.',
    };
    for (const language of LANGUAGES) {
      expect(renderer.validate('not_received.default', language, good[language]), language).toEqual({
        ok: true,
      });
      expect(
        validateTemplateText(catalogue, 'not_received.default', language, good[language], resources),
      ).toEqual({
        ok: true,
      });
    }
  });

  it('allows a format-only variable but does not require it', () => {
    const text =
      'Pedido {{orderId}}: le ofrecemos el código {{couponCode}} por {{couponValue}} ({{couponCurrency}}), ' +
      'con disculpas por la demora de {{daysSinceUpdate}} del envío {{trackingNumber}} de {{carrier}}.';
    expect(validateTemplateText(catalogue, 'logistics.stall_apology', 'es', text)).toEqual({ ok: true });
    expect(
      validateTemplateText(
        catalogue,
        'logistics.stall_apology',
        'es',
        text.replace(' ({{couponCurrency}})', ''),
      ),
    ).toEqual({ ok: true });
  });

  it('refuses unknown templates and languages', () => {
    expect(validateTemplateText(catalogue, 'nope.default', 'en', 'Hello.')).toEqual({
      ok: false,
      errors: [{ code: 'unknown_template', message: 'There is no template nope.default.' }],
    });
    const lang = validateTemplateText(catalogue, 'other.default', 'de' as Language, 'Hallo.');
    expect(lang.ok ? '' : lang.errors[0]?.code).toBe('unsupported_language');
  });

  it('counts the length limit in characters, not UTF-16 units', () => {
    const emoji = '\u{1F4E6}'.repeat(MAX_TEMPLATE_TEXT_LENGTH - 40);
    const result = validateTemplateText(
      catalogue,
      'other.default',
      'en',
      `Thanks, we will reply soon. ${emoji}`,
    );
    expect(result.ok ? [] : result.errors.map((e) => e.code)).not.toContain('too_long');
  });
});

/** A renderer whose French lost-parcel text is English (a template bug the render check catches). */
function englishInFrench(): ReplyRenderer {
  const broken = structuredClone(resources);
  (broken.fr.replies.logistics as Record<string, string>).lost_parcel =
    'We are so sorry, the parcel of order {{orderId}} ({{trackingNumber}}, {{carrier}}) seems lost. ' +
    'Would you like a replacement or your money back?';
  return createReplyRenderer(catalogue, broken);
}

describe('render: language check on catalogue texts', () => {
  it('withholds a catalogue text that reads as another language', () => {
    const bad = englishInFrench();
    const err = caught(() =>
      bad.render({
        category: 'not_received',
        templateId: 'logistics.lost_parcel',
        language: 'fr',
        vars: SCENARIO_VARS,
      }),
    );
    expect(err).toBeInstanceOf(TemplateLanguageMismatchError);
    expect(err).toMatchObject({ detected: 'en', overridden: false });
    expect((err as Error).message).toContain('logistics.lost_parcel for fr reads as en');
  });

  it('checks each template shape once and still withholds a failing one every time', () => {
    const bad = englishInFrench();
    const lost = (language: 'fr' | 'es', orderId: string) =>
      bad.render({
        category: 'not_received',
        templateId: 'logistics.lost_parcel',
        language,
        vars: { ...SCENARIO_VARS, orderId },
      });
    // The Spanish shape passes once and is remembered; each reply still carries its own values.
    expect(lost('es', 'A-1').text).toContain('A-1');
    expect(lost('es', 'B-2').text).toContain('B-2');
    expect(lost('es', 'B-2').text).not.toContain('A-1');
    // A failing shape is never remembered as checked.
    for (const orderId of ['C-3', 'D-4']) {
      expect(caught(() => lost('fr', orderId))).toBeInstanceOf(TemplateLanguageMismatchError);
    }
  });

  it('refuses at construction a translation identical to English', () => {
    const broken = structuredClone(resources);
    (broken.es.replies.damaged as Record<string, string>).ask_photos = catalogueText(
      resources,
      'damaged.ask_photos',
      'en',
    );
    expect(() => createReplyRenderer(catalogue, broken)).toThrow(
      /es damaged\.ask_photos.*identical to the English/,
    );
  });

  it('refuses at construction a language missing a plural form', () => {
    const broken = structuredClone(resources);
    delete broken.ru.replies.days_few;
    expect(() => createReplyRenderer(catalogue, broken)).toThrow(/ru: replies\.days_few/);
  });
});

describe('catalogue metadata', () => {
  it('lists every template with its policy and versions', () => {
    const list = listTemplates(catalogue);
    expect(list.map((t) => t.id)).toEqual(catalogue.templates.map((t) => t.id));
    expect(list.find((t) => t.id === 'logistics.stall_apology')).toEqual({
      id: 'logistics.stall_apology',
      version: 2,
      category: 'not_received',
      required: [
        'orderId',
        'trackingNumber',
        'carrier',
        'daysSinceUpdate',
        'couponCode',
        'couponValue',
        'couponCurrency',
      ],
      optional: ['buyerName', 'lastCheckpoint', 'lastCheckpointAt'],
      autoSend: true,
      coupon: 'stall_compensation',
      catalogueVersion: 4,
      isDefault: false,
    });
    expect(list.filter((t) => t.isDefault).map((t) => t.category)).toEqual([...CATEGORIES]);
    expect(list.find((t) => t.id === 'damaged.default')?.version).toBe(1);
  });

  it('returns the catalogue text of a template in a language', () => {
    expect(catalogueText(resources, 'logistics.ready_for_pickup', 'ru')).toMatch(
      /^Хорошая новость по заказу \{\{orderId\}\}/,
    );
    expect(() => catalogueText(resources, 'logistics.nope', 'ru')).toThrow(TemplateConfigError);
  });

  const mutate = (patch: (templates: Array<Record<string, unknown>>) => void): unknown => {
    const copy = structuredClone(catalogue) as unknown as {
      version: number;
      templates: Array<Record<string, unknown>>;
    };
    patch(copy.templates);
    return copy;
  };
  const byId = (templates: Array<Record<string, unknown>>, id: string): Record<string, unknown> =>
    templates.find((t) => t.id === id)!;

  it.each([
    [
      'a coupon template without coupon variables',
      (ts: Array<Record<string, unknown>>) => {
        const t = byId(ts, 'logistics.stall_apology');
        t.required = (t.required as string[]).filter((v) => v !== 'couponCode');
      },
      /stall_compensation template requires/,
    ],
    [
      'coupon variables without the coupon policy',
      (ts: Array<Record<string, unknown>>) => {
        byId(ts, 'logistics.stall_apology').coupon = 'none';
      },
      /need coupon "stall_compensation"/,
    ],
    [
      'an unknown coupon policy',
      (ts: Array<Record<string, unknown>>) => {
        byId(ts, 'logistics.lost_parcel').coupon = 'free_money';
      },
      /coupon must be one of/,
    ],
    [
      'an entry version above the catalogue version',
      (ts: Array<Record<string, unknown>>) => {
        byId(ts, 'logistics.lost_parcel').version = 5;
      },
      /version must be an integer from 1 to/,
    ],
    [
      'an id outside its category',
      (ts: Array<Record<string, unknown>>) => {
        byId(ts, 'damaged.ask_photos').category = 'wrong_item';
      },
      /must start with its category/,
    ],
    [
      'an optional variable no sentence can show',
      (ts: Array<Record<string, unknown>>) => {
        const t = byId(ts, 'logistics.delay_update');
        t.required = (t.required as string[]).filter((v) => v !== 'daysSinceUpdate');
        t.optional = [...(t.optional as string[]), 'daysSinceUpdate'];
      },
      /daysSinceUpdate cannot be optional/,
    ],
    [
      'a currency without its amount',
      (ts: Array<Record<string, unknown>>) => {
        const t = byId(ts, 'payment.default');
        t.optional = (t.optional as string[]).filter((v) => v !== 'total');
      },
      /currency and total must be listed together/,
    ],
  ] as const)('parseCatalogue refuses %s', (_name, patch, message) => {
    expect(() => parseCatalogue(mutate(patch))).toThrow(message);
  });
});

describe('bot texts for system tickets', () => {
  it('shows why sellerdesk opened a ticket, with Russian plurals', () => {
    const reason = renderer.t('ru', 'reason.shipment_stalled', { count: 21 });
    expect(reason).toBe('отслеживание не обновлялось 21 день');
    expect(renderer.t('ru', 'card.system_reason', { reason })).toBe(
      'Открыто системой sellerdesk: отслеживание не обновлялось 21 день',
    );
    expect(renderer.t('ru', 'reason.shipment_stalled', { count: 3 })).toBe(
      'отслеживание не обновлялось 3 дня',
    );
    expect(renderer.t('ru', 'reason.shipment_stalled', { count: 5 })).toBe(
      'отслеживание не обновлялось 5 дней',
    );
    expect(renderer.t('en', 'reason.shipment_stalled', { count: 1 })).toBe('no tracking update for 1 day');
    expect(renderer.t('en', 'card.system_reason', { reason: renderer.t('en', 'reason.customs_held') })).toBe(
      'Opened by sellerdesk: the parcel is held at customs',
    );
  });

  it('shows the coupon in the seller language and the auto-send time', () => {
    // Cards write the amount with its ISO code: `$` alone would not say which dollar.
    expect(
      renderer.t('en', 'card.coupon', { code: 'SORRY-5X2K', value: couponAmountText(4.5, 'USD', 'en') }),
    ).toBe('Coupon for the buyer: SORRY-5X2K, worth USD\u00a04.50');
    expect(
      renderer.t('pt', 'card.coupon', { code: 'A1', value: couponAmountText(4.5, 'EUR', 'pt-BR') }),
    ).toBe('Cupom para o comprador: A1, no valor de EUR\u00a04,50');
    expect(renderer.t('en', 'card.auto_sent', { when: '2025-11-23 18:40' })).toBe(
      'Sent automatically at 2025-11-23 18:40',
    );
    expect(renderer.t('fr', 'outcome.auto_sent', { when: '2025-11-23 18:40' })).toBe(
      'Envoyé automatiquement par sellerdesk (2025-11-23 18:40)',
    );
    for (const language of LANGUAGES) {
      expect(renderer.t(language, 'coupon_skipped.budget_exhausted').length).toBeGreaterThan(10);
    }
  });
});
