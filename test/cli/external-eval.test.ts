import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { externalLeaks, parseTrainLines } from '../../scripts/train-intent.js';
import { buildOverview, formatOverview, mergeBins } from '../../src/cli/eval-overview.js';
import {
  corporaDir,
  EXTERNAL_MAPPING_FILE,
  evaluateExternal,
  loadExternalCorpora,
} from '../../src/cli/external-eval.js';
import {
  ExternalMappingError,
  type ExternalSource,
  mapRows,
  parseClinc,
  parseCsv,
  parseMapping,
  parseRasaMarkdown,
  parseSource,
  stripEntityMarkup,
} from '../../src/cli/external-parse.js';
import { CATEGORIES } from '../../src/domain/types.js';

const created: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sellerdesk-external-'));
  created.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

describe('the mapping table (data/external-corpora.json)', () => {
  const sources = parseMapping(readFileSync(EXTERNAL_MAPPING_FILE, 'utf8'));

  it('records origin and licence of every source and maps only onto known categories', () => {
    expect(sources.length).toBeGreaterThanOrEqual(3);
    for (const s of sources) {
      expect(s.licence.length, s.name).toBeGreaterThan(10);
      expect(s.origin.length, s.name).toBeGreaterThan(10);
      for (const categories of Object.values(s.mapped)) {
        for (const c of categories) expect(CATEGORIES).toContain(c);
      }
    }
    expect(new Set(sources.map((s) => s.lang))).toContain('fr');
  });

  it('names the source and field of a malformed entry', () => {
    const bad =
      (source: object): (() => ExternalSource[]) =>
      () =>
        parseMapping(JSON.stringify({ sources: [source] }));
    const base = {
      name: 'x',
      dir: 'x',
      file: 'x.csv',
      format: 'bitext-csv',
      lang: 'en',
      origin: 'somewhere',
      licence: 'CC BY 4.0',
      mapped: {},
      oos: [],
    };
    expect(bad({ ...base, lang: 'de' })).toThrow(/source 1 \(x\): unknown lang "de"/);
    expect(bad({ ...base, mapped: { a: ['complaint'] } })).toThrow(/a -> unknown category "complaint"/);
    expect(bad({ ...base, mapped: { a: ['other'] }, oos: ['a'] })).toThrow(/both mapped and out of scope/);
    expect(bad({ ...base, licence: '' })).toThrow(ExternalMappingError);
  });
});

describe('source formats', () => {
  it('reads CSV with a BOM, quoted fields, doubled quotes and CRLF', () => {
    expect(parseCsv('\ufeffa,b\r\n"x, ""y""",2\r\n\r\nz,3')).toEqual([
      ['a', 'b'],
      ['x, "y"', '2'],
      ['z', '3'],
    ]);
  });

  it('reads Rasa Markdown intents and reduces entity markup to its text', () => {
    const texts = parseRasaMarkdown(
      '## intent:Track\n- où est ma commande [1234](order) ?\n- [colis]{"entity":"item"} perdu\n## synonym:foo\n- bar\n## intent:Bye\n- merci\n',
      'demo',
    );
    expect(texts).toEqual([
      { source: 'demo', intent: 'Track', text: 'où est ma commande 1234 ?' },
      { source: 'demo', intent: 'Track', text: 'colis perdu' },
      { source: 'demo', intent: 'Bye', text: 'merci' },
    ]);
  });

  it('strips entity markup in one linear pass, leaving unmatched brackets alone', () => {
    expect(stripEntityMarkup('a [b](c) [d]{"e":1} [f] g](h) [i](j')).toBe('a b d [f] g](h) [i](j');
    const hostile = `${'[a]('.repeat(20000)}${'[['.repeat(20000)}`;
    const started = performance.now();
    expect(stripEntityMarkup(hostile)).toBe(hostile);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('reads the chosen CLINC150 splits', () => {
    const content = JSON.stringify({
      test: [['where is my package', 'order_status']],
      oos_test: [['how tall is a giraffe', 'oos']],
      train: [['ignored', 'order_status']],
    });
    expect(parseClinc(content, 'c', ['test', 'oos_test']).map((t) => t.intent)).toEqual([
      'order_status',
      'oos',
    ]);
    expect(() => parseClinc(content, 'c', ['val'])).toThrow(/no split val/);
  });

  it('keeps mapped and out-of-scope intents and skips the rest', () => {
    const source: ExternalSource = {
      name: 's',
      dir: 's',
      file: 'f.csv',
      format: 'text-category-csv',
      lang: 'en',
      origin: 'o',
      licence: 'l',
      mapped: { refund: ['refund_request'] },
      oos: ['password'],
    };
    const texts = parseSource(
      source,
      'text,category\nmy money back please,refund\nforgot my password,password\nhi,other\n',
    );
    expect(texts).toHaveLength(3);
    expect(mapRows(source, texts).map((r) => r.accept)).toEqual([['refund_request'], 'oos']);
  });
});

describe('locating and scoring the corpora', () => {
  it('reads SELLERDESK_CORPORA_DIR, else ../corpora next to the checkout', () => {
    expect(corporaDir({ SELLERDESK_CORPORA_DIR: '/data/c' }, '/work/app')).toBe('/data/c');
    expect(corporaDir({}, '/work/app')).toBe(resolve('/work/corpora'));
  });

  it('skips a missing source with a message naming where it looked', () => {
    const dir = tempDir();
    const loaded = loadExternalCorpora(dir);
    expect(loaded.every((l) => l.skipped !== undefined)).toBe(true);
    expect(loaded[0]?.skipped).toContain(dir);
    expect(loaded[0]?.skipped).toContain('SELLERDESK_CORPORA_DIR');
  });

  it('scores mapped lines by their acceptable categories and out-of-scope lines by other-or-abstain', () => {
    // Lines written for this test, in the format of a source.
    const dir = tempDir();
    const source: ExternalSource = {
      name: 'demo',
      dir: 'demo',
      file: 'nlu.md',
      format: 'rasa-md',
      lang: 'fr',
      origin: 'this test',
      licence: 'written for this test',
      mapped: { Suivi: ['not_received', 'shipping_inquiry'] },
      oos: ['Compte'],
    };
    mkdirSync(join(dir, 'demo'));
    writeFileSync(
      join(dir, 'demo', 'nlu.md'),
      '## intent:Suivi\n- mon colis [7781](order) n est toujours pas arrivé, où est il ?\n## intent:Compte\n- merci beaucoup, bonne journée\n',
    );
    const [report] = evaluateExternal(loadExternalCorpora(dir, [source]));
    expect(report?.skipped).toBeUndefined();
    expect(report?.mapped?.total).toBe(1);
    expect(report?.mapped?.acceptable).toBe(1);
    expect(report?.oos?.total).toBe(1);
    expect(report?.oos?.oosHandled).toBe(1);
    expect(report?.oos?.oosConfidentDispute).toBe(0);
    expect(report?.mapped?.languageAccuracy).toBe(1);
  });

  it('prints in-house and external figures side by side, with a reliability table', () => {
    const dir = tempDir();
    const overview = buildOverview({
      inHouse: ['test/fixtures/intent-holdout-2.jsonl'],
      blind: [],
      corporaDir: dir,
    });
    expect(overview.rows.map((r) => r.corpus)).toEqual(['holdout-2']);
    expect(overview.notes.some((n) => n.includes('not found'))).toBe(true);
    const text = formatOverview(overview).join('\n');
    for (const needle of [
      'answered',
      'abstain',
      'oos ok',
      'ECE',
      'acc at >= 0.9',
      'reliability',
      'in-house',
    ]) {
      expect(text).toContain(needle);
    }
  });

  it('pools reliability tables by adding counts and sums', () => {
    const bin = (count: number, meanConfidence: number, accuracy: number) => ({
      from: 0.9,
      to: 1,
      count,
      meanConfidence,
      accuracy,
    });
    const { table, ece } = mergeBins([[bin(10, 0.95, 0.9)], [bin(30, 0.91, 1)]]);
    expect(table[0]?.count).toBe(40);
    expect(table[0]?.meanConfidence).toBeCloseTo(0.92, 10);
    expect(table[0]?.accuracy).toBeCloseTo(0.975, 10);
    expect(ece).toBeCloseTo(0.055, 10);
  });
});

describe('external text stays out of training', () => {
  const loaded = loadExternalCorpora(corporaDir()).filter((l) => l.skipped === undefined);

  // Only where the corpora are on disk (SELLERDESK_CORPORA_DIR); training refuses to run otherwise too.
  it.skipIf(loaded.length === 0)('no training line nearly duplicates an external text', () => {
    const leaks = externalLeaks(
      parseTrainLines(readFileSync('data/intent-train.jsonl', 'utf8')),
      loaded.flatMap((l) => l.texts),
    );
    expect(leaks.map((l) => `${l.text} ~ ${l.near.source}: ${l.near.text}`)).toEqual([]);
  });

  it('finds a near-duplicate of an external text', () => {
    const external = [
      { source: 'demo', intent: 'x', text: 'I would like to cancel the order I placed yesterday evening' },
    ];
    const lines = parseTrainLines(
      [
        {
          text: 'i would like to cancel the order i placed yesterday evening!',
          lang: 'en',
          category: 'cancel_order',
        },
        { text: 'the parcel never arrived', lang: 'en', category: 'not_received' },
      ]
        .map((l) => JSON.stringify(l))
        .join('\n'),
    );
    expect(externalLeaks(lines, external).map((l) => l.text)).toEqual([
      'i would like to cancel the order i placed yesterday evening!',
    ]);
  });
});
