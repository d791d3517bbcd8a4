import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../src/domain/types.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DIR = path.join(ROOT, 'data/adjudication');

describe('adjudication records of the blind intent sets', () => {
  for (const file of readdirSync(DIR).filter((f) => f.startsWith('intent-'))) {
    it(`${file} names lines of its corpus with their key and valid verdicts`, () => {
      const record = JSON.parse(readFileSync(path.join(DIR, file), 'utf8')) as {
        corpus: string;
        rows: Array<{ line: number; key: string; model: string; verdict: string; right?: string }>;
      };
      const lines = readFileSync(path.join(ROOT, record.corpus), 'utf8')
        .split('\n')
        .filter((l) => l.trim().length > 0)
        .map((l) => JSON.parse(l) as { category: string });
      expect(record.rows.length).toBeGreaterThan(0);
      for (const row of record.rows) {
        expect(lines[row.line - 1]?.category).toBe(row.key);
        expect(row.model).not.toBe(row.key);
        expect(CATEGORIES).toContain(row.model);
        expect(['key', 'model', 'both', 'neither']).toContain(row.verdict);
        if (row.verdict === 'neither') expect(CATEGORIES).toContain(row.right);
      }
    });
  }
});
