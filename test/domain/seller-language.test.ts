import { describe, expect, it } from 'vitest';
import { findReplyLanguageMismatch } from '../../src/domain/reply/edit-language.js';
import {
  isSellerLanguage,
  SELLER_LANGUAGES,
  sellerLanguageFromTag,
} from '../../src/domain/shop/seller-language.js';

describe('sellerLanguageFromTag (Telegram language_code, /lang, Slack locale, LANG)', () => {
  it.each([
    ['zh', 'zh-CN'],
    ['zh-hans', 'zh-CN'],
    ['zh-CN', 'zh-CN'],
    ['zh_CN.UTF-8', 'zh-CN'],
    ['zh-Hans-CN', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['ZH', 'zh-CN'],
    [' cn ', 'zh-CN'],
    ['中文', 'zh-CN'],
    ['en', 'en'],
    ['en-GB', 'en'],
    ['pt-br', 'pt'],
    ['pt_BR.UTF-8', 'pt'],
    ['es-419', 'es'],
    ['ru', 'ru'],
    ['fr-CA', 'fr'],
  ])('%s -> %s', (tag, language) => {
    expect(sellerLanguageFromTag(tag)).toBe(language);
  });

  it.each(['de', 'ja', 'uk', 'C', 'C.UTF-8', 'POSIX', 'english', '', '   ', 'x'.repeat(200)])(
    '%s is not a language sellerdesk speaks',
    (tag) => {
      expect(sellerLanguageFromTag(tag)).toBeUndefined();
    },
  );

  it('ignores missing values and knows the six seller languages', () => {
    expect(sellerLanguageFromTag(undefined)).toBeUndefined();
    expect(sellerLanguageFromTag(null)).toBeUndefined();
    expect(SELLER_LANGUAGES).toEqual(['en', 'es', 'fr', 'ru', 'pt', 'zh-CN']);
    expect(isSellerLanguage('zh-CN')).toBe(true);
    expect(isSellerLanguage('zh')).toBe(false);
  });
});

describe('findReplyLanguageMismatch (an edited reply vs the buyer language)', () => {
  it.each([
    ['您好，您的包裹明天发货，请耐心等待。', 'es', 'zh'],
    ['您好，您的 iPhone case 明天发货', 'pt', 'zh'],
    ['ご注文は明日発送いたします。', 'fr', 'ja'],
    ['주문하신 상품은 내일 발송됩니다.', 'en', 'ko'],
    ['Hello, your order will arrive tomorrow. Thank you for your patience.', 'es', 'en'],
    ['Olá, seu pedido chegará amanhã. Obrigado pela paciência.', 'es', 'pt'],
    ['Здравствуйте, ваш заказ придёт завтра.', 'fr', 'ru'],
    ['Hello, your order ships tomorrow, thank you for waiting.', 'ru', 'en'],
    ['مرحبا، سيصل طلبك غدا', 'en', 'other'],
  ] as const)('%s for a %s buyer reads as %s', (text, buyer, detected) => {
    const mismatch = findReplyLanguageMismatch(text, buyer);
    expect(mismatch?.expected).toBe(buyer);
    expect(mismatch?.detected).toBe(detected);
    expect(mismatch?.confidence).toBeGreaterThanOrEqual(0.5);
  });

  it.each([
    ['Hola, su pedido llegará mañana. Gracias por su paciencia.', 'es'],
    ['Hola, el 小米充电器 llegará mañana. Gracias por su paciencia.', 'es'],
    ['Bonjour, votre colis arrive demain.', 'fr'],
    ['Zdravstvuyte, vash zakaz pridet zavtra', 'ru'],
    ['Your replacement ships tomorrow.', 'en'],
    ['OK', 'es'],
    ['Gracias', 'es'],
    ['👍', 'pt'],
    ['Tracking: LP00312345678901', 'es'],
    ['', 'en'],
  ] as const)('%s passes for a %s buyer (clear cases only are held)', (text, buyer) => {
    expect(findReplyLanguageMismatch(text, buyer)).toBeUndefined();
  });
});
