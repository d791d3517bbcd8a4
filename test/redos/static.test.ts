/**
 * Static ReDoS analysis of every regex in src/ and workflows/: literals (parsed from the sources)
 * and patterns built with `new RegExp(...)` from strings and data (listing glossary and claims,
 * urgency lexicons, carrier vocabularies, redaction). A super-linear pattern fails the build.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { findSuperLinear } from './checker.js';
import { type InventoryEntry, literalInventory, literalRegexes, recordBuilt } from './inventory.js';

let literals: InventoryEntry[] = [];
let built: InventoryEntry[] = [];

beforeAll(async () => {
  literals = literalInventory();
  built = await recordBuilt(async () => {
    // Loading the text modules builds their module-level patterns; running every entry point over
    // texts that match nothing drives the lazy compilers over all of their data (glossary entries,
    // claims of every language, every carrier phrase).
    const { textEntryPoints } = await import('../support/text-entry-points.js');
    const { checkClaims, checkTerminology } = await import('../../src/domain/listing/index.js');
    const { GLOSSARY } = await import('../../src/domain/listing/glossary.js');
    const { LANGUAGES } = await import('../../src/domain/types.js');
    for (const ep of await textEntryPoints()) {
      ep.run('zzz qqq 12345678 rue de Rivoli 10, tel +33 6 12 34 56 78');
      ep.run('');
    }
    for (const lang of LANGUAGES) {
      checkClaims('zzz qqq', lang, 'description');
      checkTerminology('zzz qqq', lang, 'description');
      expect(GLOSSARY[lang].length).toBeGreaterThan(0);
    }
  });
}, 120_000);

function describeFindings(entries: InventoryEntry[]): string[] {
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const entry of entries) {
    const key = `/${entry.source}/${entry.flags}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const findings = findSuperLinear(entry.source, entry.flags, { move: true });
    for (const f of findings) {
      problems.push(
        `${entry.origin} (${entry.kind}): ${f.type}${f.exponential ? ' (exponential)' : ''} ${f.where} :: /${entry.source.slice(0, 160)}/${entry.flags}`,
      );
    }
  }
  return problems;
}

describe('regex inventory', () => {
  it('finds the literals of every source file and the patterns built from data', () => {
    expect(literals.length).toBeGreaterThan(200);
    const origins = new Set(built.map((e) => e.origin));
    for (const file of [
      'src/domain/message/redact.ts',
      'src/domain/message/redact-context.ts',
      'src/domain/message/redact-numbers.ts',
      'src/domain/message/redact-address.ts',
      'src/domain/message/urgency.ts',
      'src/domain/listing/patterns.ts',
      'src/domain/listing/consistency.ts',
      'src/domain/logistics/carriers.ts',
    ]) {
      expect([...origins], file).toContain(file);
    }
    // The glossary patterns are compiled from data (one per entry), the carrier matchers per phrase.
    expect(built.filter((e) => e.origin === 'src/domain/listing/patterns.ts').length).toBeGreaterThan(50);
    expect(built.filter((e) => e.origin === 'src/domain/logistics/carriers.ts').length).toBeGreaterThan(100);
  });
});

describe('static ReDoS analysis', () => {
  it('no literal regex in src/ or workflows/ can backtrack or move super-linearly', () => {
    const problems = describeFindings(literals);
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('no pattern built at run time (lexicons, glossary, claims, carriers, redaction) is super-linear', () => {
    const problems = describeFindings(built);
    expect(problems, problems.join('\n')).toEqual([]);
  });
});

describe('the checker itself', () => {
  it.each([
    ['(?:no|n[oº])*x', 'iu', 'Alternation'], // the original ORDER_FILLER shape
    ['(?:\\s*(?:number|no|n[º°o]|de))*\\s*\\d{6}', 'iu', 'Alternation'],
    ['(?:a|ab|b)*c', '', 'Alternation'],
    ['(?<!\\p{L})rue\\s+(?:\\p{L}+\\s*)*\\d', 'u', 'Self'],
    ['(a+)+b', '', 'Self'],
    ['\\S+@\\S+\\.\\S+', 'u', 'Trade'],
    ['\\s*-?\\s*x', '', 'Trade'],
    ['[\\s.,;:)]+$', 'u', 'Move'],
    ['[\\w.+-]+@[\\w-]+', 'u', 'Move'],
  ])('reports /%s/%s (%s)', (source, flags, type) => {
    const findings = findSuperLinear(source, flags, { move: true });
    expect(findings.map((f) => f.type)).toContain(type);
  });

  it.each([
    ['(?<!\\p{L})order(?:\\s*(?:number|no|n[º°]|de)){0,6}\\s*\\d{6}', 'iu'],
    ['(?<![^\\s@])[^\\s@]+@[^\\s@.]+\\.\\S+', 'u'],
    ['(?<![\\s.,;:)])[\\s.,;:)]+$', 'u'],
    ["[\\p{L}\\p{M}\\p{N}]+(?:['’-][\\p{L}\\p{M}\\p{N}]+)*", 'gu'],
  ])('accepts the linear /%s/%s', (source, flags) => {
    expect(findSuperLinear(source, flags, { move: true })).toEqual([]);
  });

  it('finds a bad literal in a source file, and a bad pattern built at run time', async () => {
    const fixture = [
      'export const GOOD = /^[a-z]+$/u;',
      'const FILLER = /(?<!\\p{L})order(?:\\s*(?:no|n[oº]))*\\s*(\\d+)/iu;',
      'export const USE = (s: string) => FILLER.exec(s);',
    ].join('\n');
    const found = literalRegexes(fixture, 'fixture.ts');
    expect(found.map((e) => e.origin)).toEqual(['fixture.ts:1', 'fixture.ts:2']);
    expect(describeFindings(found)).toEqual([
      expect.stringContaining('fixture.ts:2 (literal): Alternation (exponential)'),
    ]);

    const recorded = await recordBuilt(async () => {
      const { compilePattern } = await import('../../src/domain/listing/patterns.js');
      compilePattern('\\b(?:cure|cures|cur(?:e|es))+\\b');
    });
    expect(recorded).toHaveLength(1);
    expect(recorded[0]!.origin).toBe('src/domain/listing/patterns.ts');
    expect(describeFindings(recorded).join('\n')).toContain('Alternation (exponential)');
  });
});
