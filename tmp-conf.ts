import { listingDictionaries } from './src/adapters/spelling/dictionaries.js';
import { validateListing } from './src/domain/listing/index.js';
import { loadValidationCorpus, pairFindings } from './src/cli/validation-eval.js';
const dicts = await listingDictionaries();
const groups: Record<string, string[]> = JSON.parse(process.argv[2]!);
for (const [g, files] of Object.entries(groups)) {
  const hist: Record<string, [number, number]> = {};
  const kinds: Record<string, [number, number]> = {};
  for (const f of files) {
    const corpus = await loadValidationCorpus(`test/fixtures/listings/${f}.json`);
    const byId = new Map(corpus.listings.map((l) => [l.id, l]));
    const runs = [
      ...corpus.listings.map((l) => ({ listing: l, expected: [] as any[] })),
      ...corpus.cases.map((c: any) => ({ listing: c.listing ?? byId.get(c.base), expected: c.expected, edits: c.edits })),
    ].filter((r: any) => !r.edits || r.edits.length === 0);
    for (const r of runs) {
      const issues = validateListing(r.listing as any, { ...dicts, maxSuggestions: 0 });
      const pairs = pairFindings(issues, r.expected, r.listing as any);
      const paired = new Set(pairs.values());
      issues.forEach((is: any, i) => {
        const tp = paired.has(i) ? 0 : 1;
        kinds[is.kind] ??= [0, 0]; kinds[is.kind]![tp]++;
        if (is.kind !== 'spelling') return;
        const b = (Math.floor((is.confidence ?? 1) * 10) / 10).toFixed(1);
        hist[b] ??= [0, 0]; hist[b]![tp]++;
      });
    }
  }
  console.log(g, 'spelling conf bins [tp, fp]:', JSON.stringify(Object.fromEntries(Object.entries(hist).sort())), 'kinds [tp,fp]', JSON.stringify(kinds));
}
