import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { countWords, type EvalReport, evaluateCorpus, parseCorpus, runEval } from '../../src/cli/eval.js';
import { redactPii } from '../../src/domain/redact.js';
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

  it('has at least 60 messages per language covering all 11 categories, short texts with metadata', () => {
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

describe('held-out batches 1 and 2 (each measured once untuned, then used for tuning)', () => {
  it.each([HOLDOUT_FILE, HOLDOUT_2_FILE])('%s stays within the targets', (file) => {
    const report = evaluate(file);
    expect(report.language.long.accuracy, describeMisses(report, 'language')).toBeGreaterThanOrEqual(0.99);
    expect(report.language.short.accuracy, describeMisses(report, 'language')).toBeGreaterThanOrEqual(0.95);
    expect(report.intent.macroF1, describeMisses(report, 'intent')).toBeGreaterThanOrEqual(0.93);
    expect(report.intent.abstainRate).toBeLessThanOrEqual(0.1);
  });
});

describe('held-out batch 3 (test/fixtures/intent-holdout-3.jsonl, never used for tuning)', () => {
  // The honest figure for unseen scenarios, measured once before any change informed by it:
  // language 70/70 (3+ words) and 18/19 (1-2 words), intent macro-F1 0.857, 10.1% abstained.
  // It is below the intent target; these floors only guard against regressions.
  const holdout = evaluate(HOLDOUT_3_FILE);

  it('does not regress below its untuned measurement', () => {
    expect(holdout.language.long.accuracy, describeMisses(holdout, 'language')).toBeGreaterThanOrEqual(0.99);
    expect(holdout.language.short.accuracy, describeMisses(holdout, 'language')).toBeGreaterThanOrEqual(0.9);
    expect(holdout.intent.macroF1, describeMisses(holdout, 'intent')).toBeGreaterThanOrEqual(0.82);
    expect(holdout.intent.abstainRate).toBeLessThanOrEqual(0.15);
  });
});

describe('held-out batch 4 (test/fixtures/intent-holdout-4.jsonl, written blind, never used for tuning)', () => {
  // Written without sight of the training data, the lexicons or the other corpora. Measured first
  // on the model trained before the 2,600 added training lines: language 289/290 (3+ words) and
  // 51/60 (1-2 words, a third with metadata), intent macro-F1 0.948, 4.6% abstained. Its training
  // lines were written the same way, so read its figures as an upper bound for unseen buyers.
  const holdout = evaluate(HOLDOUT_4_FILE);

  it('stays within the intent targets and does not regress on language', () => {
    expect(holdout.language.long.accuracy, describeMisses(holdout, 'language')).toBeGreaterThanOrEqual(0.99);
    expect(holdout.language.short.accuracy, describeMisses(holdout, 'language')).toBeGreaterThanOrEqual(0.83);
    expect(holdout.intent.macroF1, describeMisses(holdout, 'intent')).toBeGreaterThanOrEqual(0.93);
    expect(holdout.intent.abstainRate).toBeLessThanOrEqual(0.1);
  });
});

describe('training data stays separate from the evaluation corpora', () => {
  it('contains no dev or held-out text (compared accent- and punctuation-insensitively)', () => {
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
    const leaked = readFileSync(TRAIN_FILE, 'utf8')
      .split('\n')
      .filter((line) => line.trim().length > 0)
      .map((line) => (JSON.parse(line) as { text: string }).text)
      .filter((text) => evaluation.has(key(text)));
    expect(leaked).toEqual([]);
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
    const { exitCode, report } = await runEval({ out: (line) => lines.push(line) });
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
