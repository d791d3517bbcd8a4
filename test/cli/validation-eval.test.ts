import { describe, expect, it } from 'vitest';
import {
  evaluateValidationCorpus,
  loadValidationCorpus,
  runValidationEval,
  VALIDATION_EVAL_TARGETS,
} from '../../src/cli/validation-eval.js';
import { FINDING_KINDS } from '../../src/domain/listing/types.js';
import { LANGUAGES } from '../../src/domain/types.js';

// One scoring rule for every corpus (see src/cli/validation-eval.ts): overlap matching, one to
// one (an expected error matched at most once, each finding counted once). Floors are the figures
// measured under that rule when these checks were last changed (issue 18); raise them, never lower.
const clean = (report: { misses: Array<{ caseId: string }> }) =>
  report.misses.filter((m) => m.caseId.endsWith('(clean)'));

describe('listing validation eval on the seeded-error corpus (development data)', () => {
  it('keeps recall >= 97.9% and precision >= 95% with every kind and language seeded', async () => {
    const corpus = await loadValidationCorpus('test/fixtures/listings/seeded.json');
    const report = await evaluateValidationCorpus(corpus, 'seeded.json');
    expect(report.listings).toBeGreaterThanOrEqual(8);
    for (const kind of FINDING_KINDS) expect(report.byKind[kind]?.expected ?? 0, kind).toBeGreaterThan(0);
    for (const lang of LANGUAGES) expect(report.byLanguage[lang]?.expected ?? 0, lang).toBeGreaterThan(20);
    // Measured 98.0% / 100% (244 of 249 since labelled EU sizes in Portuguese are right: the same
    // five misses of two fewer expected): one-to-one scoring counts "WhatsApp +34 612..." (one
    // finding, two expected errors) once; "boisons" and "nivaux" are real French words.
    expect(report.overall.recall).toBeGreaterThanOrEqual(0.979);
    expect(report.overall.precision).toBeGreaterThanOrEqual(VALIDATION_EVAL_TARGETS.precision);
    expect(report.byKind.spelling!.precision).toBeGreaterThanOrEqual(0.95);
    // Clean listings, written as a good seller would, produce no finding at all.
    expect(clean(report)).toEqual([]);
  });

  it('meets the targets on holdout (development data)', async () => {
    const report = await evaluateValidationCorpus(
      await loadValidationCorpus('test/fixtures/listings/holdout.json'),
      'holdout.json',
    );
    expect(report.cases).toBeGreaterThanOrEqual(30);
    expect(report.overall.recall).toBeGreaterThanOrEqual(VALIDATION_EVAL_TARGETS.recall);
    expect(report.overall.precision).toBeGreaterThanOrEqual(VALIDATION_EVAL_TARGETS.precision);
  });

  it('holds on holdout 2 (development data: it was blind once, then tuned on)', async () => {
    // First run, before any change it informed: recall 89.1%, precision 85.1% (64 expected).
    // Measured now: recall 100%, precision 100% ("12 карт" against "8 cards" is compared as a count).
    const report = await evaluateValidationCorpus(
      await loadValidationCorpus('test/fixtures/listings/holdout-2.json'),
      'holdout-2.json',
    );
    expect(report.cases).toBeGreaterThanOrEqual(60);
    expect(report.overall.recall).toBe(1);
    expect(report.overall.precision).toBeGreaterThanOrEqual(VALIDATION_EVAL_TARGETS.precision);
    expect(report.byKind.spelling!.recall).toBeGreaterThanOrEqual(0.99);
    expect(clean(report)).toEqual([]);
  });

  it('blind set 3 (20 new product categories): floors at the figures measured after the class-level fixes', async () => {
    // First run (commit f9853e3, old scoring): recall 87.0%, precision 12.6%, spelling precision
    // 4.3%, 56 of 60 clean listings with findings. At the start of the word-list round (main
    // 82cd222, one-to-one scoring): recall 91.1%, precision 62.9%, spelling 93.9% / 34.1%, 18
    // clean listings with findings. Its false positives were then analysed by class (real words
    // missing from hunspell, inflected forms, compounds, loanwords, a Spanish title read as
    // Portuguese), so it is development data now; no word or phrase from its files went into a
    // list or rule (the word lists are wordfreq's, unedited). Measured after: recall 91.9%,
    // precision 86.3%, spelling 87.9% / 61.7%, 7 clean listings with findings. Spelling recall fell
    // (93.9% -> 87.9%: two four-letter words that the frequency list has) for precision; the
    // issue's targets are NOT met: these floors only stop a regression.
    const report = await evaluateValidationCorpus(
      await loadValidationCorpus('test/fixtures/listings/blind-3.json'),
      'blind-3.json',
    );
    expect(report.cases).toBe(120);
    expect(report.overall.expected).toBe(123);
    expect(report.overall.recall).toBeGreaterThanOrEqual(0.918);
    // Third round (rare trade words in other forms, loans with Russian endings): precision 87.1% ->
    // 91.3%, spelling precision 62.2% -> 71.8%, 6 -> 4 clean listings flagged, recall unchanged.
    expect(report.overall.precision).toBeGreaterThanOrEqual(0.912);
    expect(report.byKind.spelling!.precision).toBeGreaterThanOrEqual(0.717);
    // 84.8% since the second round's spelling evidence (word families): four slips of rare words
    // read as real words (87.9% before). Two slip-plausibility rules took it to 78.8% and were
    // reverted (they dropped 946 of 1,553 seeded substitution slips on the dev listings).
    expect(report.byKind.spelling!.recall).toBeGreaterThanOrEqual(0.84);
    expect(report.byKind.wrong_language!.precision).toBe(1);
    for (const kind of ['terminology', 'inconsistent_value', 'forbidden_claim'] as const) {
      expect(report.byKind[kind]!.recall, kind).toBeGreaterThanOrEqual(
        { terminology: 0.86, inconsistent_value: 1, forbidden_claim: 0.73 }[kind],
      );
    }
    expect(report.byKind.terminology!.precision).toBe(1);
    expect(report.cleanWithFindings).toBeLessThanOrEqual(4);
    expect(report.topFalsePositives.length).toBeLessThanOrEqual(10);
  });

  it('authored set (14 listings of categories no other corpus has, written for this round: development data)', async () => {
    // Written by the listing helper to measure false positives on new product vocabulary (INCI
    // lists, trade terms, model codes, size lists, counts) without tuning on a blind set.
    const report = await evaluateValidationCorpus(
      await loadValidationCorpus('test/fixtures/listings/authored.json'),
      'authored.json',
    );
    expect(report.listings).toBe(14);
    // 100% until round 12; since then an imperial symbol in the parentheses after its metric value
    // ("260 g (9.2 oz)", "136 kg (300 lbs)") is a conversion, not an error: strangers' clean listings
    // write them (blind-13) and no blind key seeds one. Those two seeded errors are no longer found.
    expect(report.overall.recall).toBeGreaterThanOrEqual(0.935);
    // "tasseur" (a coffee tamper) was its one false positive: an agent noun of "tasser" now.
    expect(report.overall.precision).toBe(1);
    expect(report.cleanWithFindings).toBe(0);
  });

  it('authored sets 2-4 (new categories written by the issue-18 second-round helper: development data)', async () => {
    // authored-2: 30 listings (22 with 112 seeded errors written before the structural claims, the
    // value and spelling rules they informed; 8 value-heavy listings added later). Main at 84231e8:
    // recall 58.9%, precision 45.8%, 10 of 30 clean listings flagged. Measured now: 99.1% / 89.5%:
    // three rare trade words (canotes, силанты, hardpack) stay flagged; the rules that hid them also
    // hid slips of rare trade words and arbitrary substitutions, so they were taken back.
    const two = await evaluateValidationCorpus(
      await loadValidationCorpus('test/fixtures/listings/authored-2.json'),
      'authored-2.json',
    );
    expect(two.listings).toBe(30);
    expect(two.overall.recall).toBeGreaterThanOrEqual(0.99);
    // Third round: 94.1% (силанты: its stem reads as the Portuguese "selantes", a loan with a Russian
    // ending), 2 clean listings flagged.
    expect(two.overall.precision).toBeGreaterThanOrEqual(0.94);
    expect(two.byKind.forbidden_claim!.recall).toBe(1);
    expect(two.cleanWithFindings).toBeLessThanOrEqual(2);
    // authored-3: written after those rules were frozen, measured once (84.1% / 46.4%, most false
    // positives from test-data errors: over-long titles, a size convention), then fixed by class.
    const three = await evaluateValidationCorpus(
      await loadValidationCorpus('test/fixtures/listings/authored-3.json'),
      'authored-3.json',
    );
    // 0.97 until round 12 (one more seeded conversion, "6 L (5.5 lb)", is no error since then).
    expect(three.overall.recall).toBeGreaterThanOrEqual(0.955);
    expect(three.overall.precision).toBe(1);
    expect(three.cleanWithFindings).toBe(0);
    // authored-4: clean listings only (trade vocabulary); two rare words at the 0.5 threshold
    // remained (griffoirs, наващена); since the third round "минноу" reads as the English "minnow" by its
    // stem (the Russian loan rule), so воблеры-минноу is no longer reported. Fourth round: griffoirs
    // reads as a form of the listed "griffoir" (its correction is listed nowhere); наващена is left.
    const four = await evaluateValidationCorpus(
      await loadValidationCorpus('test/fixtures/listings/authored-4.json'),
      'authored-4.json',
    );
    expect(four.listings).toBe(13);
    expect(four.cleanWithFindings).toBeLessThanOrEqual(1);
  });

  it('authored set 5 (issue-18 third round: claims in new wordings, inch and pound trade sizes, trade words)', async () => {
    // 30 clean listings (TVs, monitors, phones, car audio, bikes, tools, fishing, cosmetics, sewing...)
    // and 68 seeded errors (42 forbidden claims), written before the rules it informed. First run
    // (main 2583636): recall 57.4%, precision 18.8%, forbidden_claim recall 47.6%, terminology
    // precision 3.9% (inch, pound and ounce trade sizes), spelling 81.3% / 21.7%, 18 of 30 clean
    // listings flagged. Measured after the third round's rules: recall 95.6%, precision 76.5%.
    // Left: rare words with no list evidence (фейдов, пинами, проставок, lockring,
    // dessiccant...), a replaced count of teeth, two slips with no close correction.
    const five = await evaluateValidationCorpus(
      await loadValidationCorpus('test/fixtures/listings/authored-5.json'),
      'authored-5.json',
    );
    expect(five.listings).toBe(30);
    expect(five.overall.expected).toBe(68);
    expect(five.overall.recall).toBeGreaterThanOrEqual(0.955);
    // Fourth round (Russian word formation, listed paradigms): 80.2%, spelling 46.7%, 5 clean
    // listings flagged (пинами, проставок and a listed form no longer reported).
    expect(five.overall.precision).toBeGreaterThanOrEqual(0.801);
    expect(five.byKind.forbidden_claim!.recall).toBe(1);
    expect(five.byKind.forbidden_claim!.precision).toBe(1);
    expect(five.byKind.terminology!.recall).toBe(1);
    expect(five.byKind.terminology!.precision).toBe(1);
    expect(five.byKind.spelling!.recall).toBeGreaterThanOrEqual(0.875);
    expect(five.byKind.spelling!.precision).toBeGreaterThanOrEqual(0.466);
    expect(five.cleanWithFindings).toBeLessThanOrEqual(5);
  });

  it('authored set 6 (30 claims in fresh wordings, written after the first claim rules of the third round)', async () => {
    // Measured once before any change it informed: forbidden_claim recall 43.3% (13/30), the
    // lexicon's poor reach beyond its author's wordings. Then fixed by class (common complaints such
    // as snoring or stretch marks, "never again" heads, active approval verbs, health agencies,
    // "#1 choice"/"No. 1 among", "ever made", unlimited guarantees, clinical proof, quality words
    // of replicas): 90.0% (27/30). Left on purpose: "risk-free for every user", calories burned,
    // "prevents premature ageing" (each also reads as a fair product statement elsewhere).
    const six = await evaluateValidationCorpus(
      await loadValidationCorpus('test/fixtures/listings/authored-6.json'),
      'authored-6.json',
    );
    expect(six.overall.expected).toBe(30);
    expect(six.byKind.forbidden_claim!.recall).toBeGreaterThanOrEqual(0.9);
    expect(six.byKind.forbidden_claim!.precision).toBe(1);
  });

  it('clean authored set 7 (40 clean listings of rare trade vocabulary, issue-18 fourth round)', async () => {
    // Bike parts, car tuning, fishing, woodworking, INCI, sewing, aquaristics, beekeeping, ham radio,
    // espresso, climbing, riding, pottery, electronics; written before the rules it informed. First
    // run (main 19f833b): 15 of 40 clean listings flagged, 17 spelling false positives (one more,
    // "garatéias", was the author's pre-2009 Portuguese spelling, corrected). After the fourth
    // round's word-formation and paradigm evidence: 10 of 40, 10 spelling false positives (rare
    // words with no list, paradigm or cognate evidence: alvado, estecas, galoneira, tournassins,
    // потолочиной...), plus "3 oz" quiver tips (terminology) and one claim.
    const seven = await evaluateValidationCorpus(
      await loadValidationCorpus('test/fixtures/listings/authored-7.json'),
      'authored-7.json',
    );
    expect(seven.listings).toBe(40);
    // Fifth round: an imperial size every version states is the trade's name of it ("3 oz" quiver
    // tips in each language): 9 of 40, the four terminology false positives gone.
    expect(seven.cleanWithFindings).toBeLessThanOrEqual(9);
    expect(seven.byKind.terminology?.falsePositives ?? 0).toBe(0);
    expect(seven.byKind.spelling?.falsePositives ?? 0).toBeLessThanOrEqual(10);
  });

  it('prints per-kind and per-language lines and exits 2 on a missing corpus', async () => {
    const lines: string[] = [];
    const { exitCode } = await runValidationEval({
      file: 'test/fixtures/listings/nope.json',
      out: (l) => lines.push(l),
    });
    expect(exitCode).toBe(2);
    expect(lines[0]).toMatch(/^error: .*nope\.json/);
  });
});
