import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { localizeIssues, type ValidationMessages } from '../../../src/domain/listing/messages.js';
import { mergeTitleRepeats } from '../../../src/domain/listing/repeats.js';
import type { Issue } from '../../../src/domain/listing/types.js';
import { validateAcrossLanguages } from '../../../src/domain/listing/validate.js';

const value = (
  field: Issue['field'],
  text: string,
  span: [number, number],
  lang: Issue['lang'] = 'es',
): Issue => ({
  lang,
  field,
  kind: 'inconsistent_value',
  code: 'value',
  params: { value: text, others: '2 kg' },
  span,
});

describe('mergeTitleRepeats', () => {
  it('reports a wrong value the title and the description of one version share once, at the title', () => {
    const merged = mergeTitleRepeats([
      value('description', '3 kg', [40, 44]),
      value('title', '3 kg', [10, 14]),
    ]);
    expect(merged).toEqual([
      { ...value('title', '3 kg', [10, 14]), alsoIn: { field: 'description', span: [40, 44] } },
    ]);
  });

  it('keeps different values, other versions, other kinds and lone description findings apart', () => {
    const issues: Issue[] = [
      value('title', '3 kg', [10, 14]),
      value('description', '4 kg', [40, 44]),
      value('description', '3 kg', [40, 44], 'fr'),
      { ...value('description', '3 kg', [50, 54]), kind: 'spelling', code: 'word', params: { word: 'kg' } },
    ];
    expect(mergeTitleRepeats(issues)).toEqual(issues);
  });

  it('merges a repeated term of the terminology check the same way', () => {
    const term = (field: Issue['field'], span: [number, number]): Issue => ({
      lang: 'fr',
      field,
      kind: 'terminology',
      code: 'imperial_unit',
      params: { text: '7  pieds', suggestion: '2,1 m' },
      span,
    });
    const merged = mergeTitleRepeats([
      term('title', [0, 7]),
      { ...term('description', [20, 27]), params: { text: '7 pieds' } },
    ]);
    expect(merged).toHaveLength(1);
    expect(merged[0]?.alsoIn).toEqual({ field: 'description', span: [20, 27] });
  });

  it('is what the cross-language check returns', () => {
    const issues = validateAcrossLanguages([
      { lang: 'en', title: 'Kettle 1.7 L', description: 'Boils 1.7 L in four minutes.' },
      { lang: 'es', title: 'Hervidor 1,7 L', description: 'Hierve 1,7 L en cuatro minutos.' },
      { lang: 'pt', title: 'Chaleira 1,5 L', description: 'Ferve 1,5 L em quatro minutos.' },
    ]);
    expect(issues.map((i) => [i.lang, i.field, i.alsoIn?.field])).toEqual([['pt', 'title', 'description']]);
  });

  it('says in the message that the description states it too', () => {
    const messages = JSON.parse(readFileSync('locales/en/validation.json', 'utf8')) as ValidationMessages;
    const [finding] = localizeIssues(
      [{ ...value('title', '3 kg', [10, 14]), alsoIn: { field: 'description', span: [40, 44] } }],
      messages,
      'en',
    );
    expect(finding?.message).toBe(
      '3 kg differs from the other language versions (2 kg). It also appears in the description.',
    );
    expect(finding).not.toHaveProperty('alsoIn');
  });
});
