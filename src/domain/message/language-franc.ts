/**
 * franc's trigram model restricted to the four Latin-script languages (franc has Russian under
 * Cyrillic only): the same data, distance and normalisation as `francAll(text, { only })`, without
 * scanning every script and filtering the other ~200 Latin languages on each call.
 */
import { data as FRANC_DATA } from 'franc/data.js';
import type { Language } from '../types.js';
import { type Scores, zeroScores } from './language-scores.js';

const FRANC_CODES: Readonly<Record<string, Language>> = {
  eng: 'en',
  spa: 'es',
  fra: 'fr',
  rus: 'ru',
  por: 'pt',
};

/** Characters from U+01E0 up that franc's four Latin models use ("’"), renumbered into 480-511. */
const HIGH_CHARS = new Map<number, number>();

function charCode9(code: number): number {
  return code < 480 ? code : (HIGH_CHARS.get(code) ?? -1);
}

/**
 * Three characters as one small integer (9 bits each), a cheaper map key than a substring; -1 when a
 * character occurs in no trigram of the four Latin models (so the trigram cannot be in them either).
 */
function trigramKey(value: string, at: number): number {
  const a = charCode9(value.charCodeAt(at));
  const b = charCode9(value.charCodeAt(at + 1));
  const c = charCode9(value.charCodeAt(at + 2));
  return a < 0 || b < 0 || c < 0 ? -1 : (a << 18) | (b << 9) | c;
}

/** Open-addressing hash of trigram keys (2^16 slots for ~12k trigrams): faster than a `Map`. */
const FRANC_SLOTS = 1 << 16;

function francSlot(keys: Int32Array, key: number): number {
  let slot = Math.imul(key, 0x9e3779b1) >>> 16;
  while (keys[slot] !== -1 && keys[slot] !== key) slot = (slot + 1) & (FRANC_SLOTS - 1);
  return slot;
}

const FRANC_LATIN: { codes: string[]; keys: Int32Array; ranks: Int32Array } = (() => {
  const latin = FRANC_DATA.Latin ?? {};
  const codes = Object.keys(latin).filter((code) => FRANC_CODES[code] !== undefined);
  for (const code of codes) {
    for (const ch of latin[code] ?? '') {
      const point = ch.charCodeAt(0);
      if (point >= 480 && !HIGH_CHARS.has(point)) HIGH_CHARS.set(point, 480 + HIGH_CHARS.size);
    }
  }
  if (HIGH_CHARS.size > 32) throw new Error('franc Latin models use too many characters above U+01DF');
  // One lookup per trigram: its rank in each language (-1 when the language does not list it).
  const keys = new Int32Array(FRANC_SLOTS).fill(-1);
  const ranks = new Int32Array(FRANC_SLOTS * codes.length).fill(-1);
  let used = 0;
  codes.forEach((code, l) => {
    const trigrams = (latin[code] ?? '').split('|');
    for (let rank = trigrams.length - 1; rank >= 0; rank--) {
      const trigram = trigramKey(trigrams[rank] ?? '', 0);
      if (trigram < 0) throw new Error(`franc ${code}: cannot key trigram ${trigrams[rank]}`);
      const slot = francSlot(keys, trigram);
      if (keys[slot] === -1) {
        keys[slot] = trigram;
        if (++used > FRANC_SLOTS / 2) throw new Error('franc trigram table too full');
      }
      ranks[slot * codes.length + l] = rank;
    }
  });
  return { codes, keys, ranks };
})();

const FRANC_MAX_LENGTH = 2048;
const FRANC_MAX_DIFFERENCE = 300;

function francLatin(value: string): Array<[string, number]> {
  const text = value.slice(0, FRANC_MAX_LENGTH);
  const cleaned = ` ${text
    .replace(/[\u0021-\u0040]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()} `;
  // Trigram counts: sort the numeric keys and count runs (no map per call).
  const keys = new Int32Array(Math.max(0, cleaned.length - 2));
  // Trigrams with a character no model uses cannot match: each distinct one costs the maximum.
  let unknown: Set<string> | undefined;
  for (let i = 0; i < keys.length; i++) {
    const key = trigramKey(cleaned, i);
    keys[i] = key;
    if (key < 0) {
      unknown ??= new Set();
      unknown.add(cleaned.slice(i, i + 3));
    }
  }
  keys.sort();
  const { codes } = FRANC_LATIN;
  const sums = new Float64Array(codes.length).fill((unknown?.size ?? 0) * FRANC_MAX_DIFFERENCE);
  for (let i = 0; i < keys.length; ) {
    const trigram = keys[i] as number;
    if (trigram < 0) {
      i++;
      continue;
    }
    let count = 0;
    while (i < keys.length && keys[i] === trigram) {
      count++;
      i++;
    }
    const slot = francSlot(FRANC_LATIN.keys, trigram);
    const found = FRANC_LATIN.keys[slot] === trigram;
    for (let l = 0; l < codes.length; l++) {
      const rank = found ? (FRANC_LATIN.ranks[slot * codes.length + l] as number) : -1;
      sums[l] = (sums[l] as number) + (rank < 0 ? FRANC_MAX_DIFFERENCE : Math.abs(count - rank - 1));
    }
  }
  const distances: Array<[string, number]> = codes.map((code, l) => [code, sums[l] as number]);
  distances.sort((a, b) => a[1] - b[1]);
  const min = distances[0]?.[1] ?? 0;
  const max = text.length * FRANC_MAX_DIFFERENCE - min;
  return distances.map(([code, distance]) => [code, 1 - (distance - min) / max || 0]);
}

/** franc's trigram vote per language, weighted by how many letters the text has. */
export function francScores(latinText: string, letters: number, ascii: boolean, evidence: string[]): Scores {
  const scores = zeroScores();
  if (letters < 3) return scores;
  // Like franc, give up when another script (Greek, Arabic, CJK...) dominates the text.
  if (!ascii && (latinText.match(/\p{L}/gu) ?? []).length - letters > letters) return scores;
  const ranked = francLatin(latinText);
  const usable = ranked.filter(([code, score]) => FRANC_CODES[code] !== undefined && score > 0);
  if (usable.length === 0) return scores;
  // franc's scores are distances rescaled so the best is 1; sharpen them into a distribution.
  const sharpened = usable.map(([code, score]) => [code, score ** 8] as const);
  const total = sharpened.reduce((sum, [, s]) => sum + s, 0);
  // Trigrams say little about a few words and a lot about a paragraph.
  const weight = Math.min(2.5, Math.max(0.3, letters / 40));
  for (const [code, s] of sharpened) {
    const lang = FRANC_CODES[code];
    if (lang !== undefined) scores[lang] += (weight * s) / total;
  }
  const [first, second] = usable;
  if (first !== undefined) {
    const runnerUp = second === undefined ? '' : `/${second[0]} ${second[1].toFixed(2)}`;
    evidence.push(`franc:${first[0]} ${first[1].toFixed(2)}${runnerUp}`);
  }
  return scores;
}
