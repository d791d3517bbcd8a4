import { describe, expect, it } from 'vitest';
import { listingDictionaries } from '../../src/adapters/spelling/dictionaries.js';
import { validateListing } from '../../src/domain/listing/validate.js';

describe('English common misspellings (cspell list, CC BY-SA 4.0)', () => {
  it('are loaded for English only, four letters or more, first correction', async () => {
    const { spellers } = await listingDictionaries();
    expect(spellers.en.misspelling?.('seperate')).toBe('separate');
    expect(spellers.en.misspelling?.('seamless')).toBeUndefined();
    // Two- and three-letter entries ("ot", "ist") are abbreviations as often as slips.
    expect(spellers.en.misspelling?.('ist')).toBeUndefined();
    expect(spellers.es.misspelling).toBeUndefined();
  });

  it('make a listing report a slip the frequency list has', async () => {
    const dictionaries = await listingDictionaries();
    const description =
      'Soft knitted beanie with a seperate fleece lining that keeps your ears warm in winter.';
    const issues = validateListing(
      { title: { en: 'Knitted winter beanie with fleece lining' }, description: { en: description } },
      { ...dictionaries, maxSuggestions: 0 },
    );
    expect(issues.filter((i) => i.kind === 'spelling').map((i) => [i.params.word, i.suggestion])).toEqual([
      ['seperate', 'separate'],
    ]);
  });
});
