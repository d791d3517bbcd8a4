import { loadValidationCorpus } from '../src/cli/validation-eval.js';
import { checkSpelling } from '../src/domain/listing/spelling.js';
import { listingContext, listingVersions } from '../src/domain/listing/index.js';
import { listingDictionaries } from '../src/listings/dictionaries.js';
const [file, id, lang, ...words] = process.argv.slice(2) as [string, string, 'en', ...string[]];
const d = await listingDictionaries();
const corpus = await loadValidationCorpus(file);
const c = corpus.cases.find((x) => x.id === id);
const base = corpus.listings.find((l) => l.id === (c?.base ?? id))!;
const listing = { title: { ...base.title }, description: { ...base.description } };
for (const e of c?.edits ?? []) if (e.find) listing[e.field][e.lang] = listing[e.field][e.lang]!.replace(e.find, e.replace ?? '');
const versions = listingVersions(listing);
const ctx = listingContext(versions, d.spellers);
const v = versions.find((x) => x.lang === lang)!;
for (const field of ['title', 'description'] as const) {
  const issues = checkSpelling(v[field], lang, field, {
    speller: d.spellers[lang], isAllowed: (w) => d.isAllowed(w, lang), sharedTerms: ctx.shared, minConfidence: 0,
    context: { otherWords: new Map([...ctx.words].filter(([l]) => l !== lang)), english: d.spellers.en, versionText: `${v.title}\n${v.description}` },
  });
  for (const i of issues) if (words.length === 0 || words.includes(String(i.params.word))) console.log(field, i.params.word, i.confidence, i.suggestion);
}
