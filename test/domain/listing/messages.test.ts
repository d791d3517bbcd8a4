import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GLOSSARY } from '../../../src/domain/listing/glossary.js';
import {
  localizeIssues,
  summarizeFindings,
  type ValidationMessages,
} from '../../../src/domain/listing/messages.js';
import { FINDING_KINDS, type Issue } from '../../../src/domain/listing/types.js';
import { SELLER_LANGUAGES } from '../../../src/domain/shop/seller-language.js';
import { LANGUAGES } from '../../../src/domain/types.js';

const load = (lng: string) =>
  JSON.parse(readFileSync(`locales/${lng}/validation.json`, 'utf8')) as ValidationMessages;

/** Every message code a check can produce, per kind. */
const CODES: Record<string, string[]> = {
  wrong_language: ['paragraph'],
  untranslated_segment: ['chinese', 'english'],
  spelling: ['word'],
  terminology: [
    ...new Set(Object.values(GLOSSARY).flatMap((g) => g.map((e) => e.code))),
    'size_system',
    'size_letters',
  ],
  inconsistent_value: ['value'],
  forbidden_claim: [
    'medical',
    'authenticity',
    'delivery_guarantee',
    'off_platform',
    'contact',
    'lifetime_warranty',
    'superlative',
    'guaranteed_result',
  ],
  placeholder: ['template', 'bracket', 'lorem', 'mt_artifact', 'markup', 'encoding'],
  too_short: ['empty', 'title', 'description'],
  title_too_long: ['title'],
  all_caps: ['title', 'sentence'],
};

describe('locales/<lng>/validation.json', () => {
  it.each(SELLER_LANGUAGES)('%s has every kind, code, language and summary text', (lng) => {
    const messages = load(lng);
    for (const kind of FINDING_KINDS) {
      expect(messages.kind[kind], `kind.${kind}`).toBeTruthy();
      for (const code of [...CODES[kind]!, 'default'])
        expect(messages.messages[kind][code], `${kind}.${code}`).toBeTruthy();
    }
    for (const l of LANGUAGES) expect(messages.language[l]).toBeTruthy();
    for (const key of ['header', 'clean', 'language', 'language_clean', 'more', 'footer', 'also_in'])
      expect(messages.summary[key]).toBeTruthy();
  });
});

describe('localizeIssues and summarizeFindings', () => {
  const issues: Issue[] = [
    {
      lang: 'es',
      field: 'description',
      kind: 'spelling',
      code: 'word',
      params: { word: 'bebidass' },
      span: [4, 12],
      suggestion: 'bebidas',
    },
    {
      lang: 'es',
      field: 'description',
      kind: 'wrong_language',
      code: 'paragraph',
      params: { declared: 'es', detected: 'en' },
      span: [0, 40],
    },
    {
      lang: 'en',
      field: 'title',
      kind: 'forbidden_claim',
      code: 'authenticity',
      params: { text: '100% original' },
      span: [0, 13],
    },
  ];

  it('writes messages in the seller language with language names', () => {
    const [spelling, wrong] = localizeIssues(issues, load('es'), 'es');
    expect(spelling).toEqual({
      lang: 'es',
      field: 'description',
      kind: 'spelling',
      message: '«bebidass» no está en el diccionario.',
      span: [4, 12],
      suggestion: 'bebidas',
    });
    expect(wrong!.message).toBe('Este texto está en inglés, pero esta versión está declarada en español.');
    expect(localizeIssues(issues, load('ru'), 'ru')[1]!.message).toContain('английский');
  });

  it('summarizes per language, worst first, with the validation id', () => {
    const messages = load('en');
    const text = summarizeFindings({
      validationId: 'val_abc123',
      listingId: 'SKU-1',
      languages: ['en', 'es', 'fr'],
      findings: localizeIssues(issues, messages, 'en'),
      messages,
    });
    const lines = text.split('\n');
    expect(lines[0]).toBe('Listing check for SKU-1');
    expect(text).toContain('English: 1 finding(s)');
    expect(text).toContain('French: no problems');
    expect(text.indexOf('Wrong language')).toBeLessThan(text.indexOf('Spelling'));
    expect(lines.at(-1)).toBe('Full report: GET /v1/validations/val_abc123');
  });

  it.each(SELLER_LANGUAGES)('says why sellerdesk opened a complaint-triggered validation (%s)', (lng) => {
    const messages = load(lng);
    const text = summarizeFindings({
      validationId: 'val_d1',
      listingId: 'SKU-9',
      languages: ['en'],
      findings: [],
      messages,
      disputes: { count: 4, windowDays: 30 },
    });
    const second = text.split('\n')[1]!;
    expect(second).toContain('sellerdesk');
    expect(second).toContain('4');
    expect(second).toContain('30');
    expect(second).not.toMatch(/\{\{|\}\}/);
  });

  it('reports to a Chinese seller in Simplified Chinese, with the buyer languages named in Chinese', () => {
    const messages = load('zh-CN');
    const [spelling, wrong, claim] = localizeIssues(issues, messages, 'zh-CN');
    expect(spelling!.message).toBe('“bebidass”不在词典中。');
    expect(wrong!.message).toBe('这段文字是英语，但此版本标注为西班牙语。');
    expect(claim!.message).toContain('正品宣传');
    const text = summarizeFindings({
      validationId: 'val_zh1',
      listingId: 'SKU-7',
      languages: ['en', 'es', 'fr'],
      findings: [spelling!, wrong!, claim!],
      messages,
    });
    expect(text.split('\n')[0]).toBe('商品详情检查：SKU-7');
    expect(text).toContain('西班牙语：2 个问题');
    expect(text).toContain('法语：没有问题');
    expect(text).toContain('• 拼写 (描述): “bebidass”不在词典中。 → bebidas');
    expect(text.endsWith('完整报告：GET /v1/validations/val_zh1')).toBe(true);
  });

  it("keeps the summary under Telegram's limit", () => {
    const messages = load('en');
    const many = Array.from({ length: 200 }, (_, i) => ({
      ...issues[0]!,
      params: { word: `w${'x'.repeat(300)}${i}` },
    }));
    const text = summarizeFindings({
      validationId: 'val_x',
      listingId: 'L',
      languages: ['es'],
      findings: localizeIssues(many, messages, 'en'),
      messages,
      topPerLanguage: 50,
    });
    expect(text.length).toBeLessThanOrEqual(4000);
    expect(text.endsWith('val_x')).toBe(true);
  });
});
