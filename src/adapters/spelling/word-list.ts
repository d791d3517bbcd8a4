/**
 * A frequency word list kept as one sorted UTF-8 buffer (`word<TAB>cB` lines) searched in place:
 * 700,000 Russian words cost their bytes plus 10 bytes each, where a Map would cost ten times that.
 */
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';

const TAB = 0x09;
const NEWLINE = 0x0a;

/** Sorted, brotli-compressed `word<TAB>cB` lines (what `data/words/<lang>.tsv.br` holds). */
export function compressWordList(words: ReadonlyMap<string, number>): Buffer {
  const lines = [...words].map(([word, cB]) => [Buffer.from(word, 'utf8'), cB] as const);
  lines.sort((a, b) => Buffer.compare(a[0], b[0]));
  const text = Buffer.concat(lines.flatMap(([w, cB]) => [w, Buffer.from(`\t${cB}\n`)]));
  return brotliCompressSync(text, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_LGWIN]: 24,
      [constants.BROTLI_PARAM_SIZE_HINT]: text.length,
    },
  });
}

/** Lookups in one language's frequency list. */
export class FrequencyList {
  private readonly starts: Uint32Array;
  private readonly tabs: Uint32Array;
  private readonly cBs: Uint16Array;

  private constructor(private readonly bytes: Buffer) {
    let count = 0;
    for (let at = bytes.indexOf(NEWLINE); at >= 0; at = bytes.indexOf(NEWLINE, at + 1)) count++;
    this.starts = new Uint32Array(count);
    this.tabs = new Uint32Array(count);
    this.cBs = new Uint16Array(count);
    let start = 0;
    for (let i = 0; i < count; i++) {
      const tab = bytes.indexOf(TAB, start);
      const end = bytes.indexOf(NEWLINE, tab);
      this.starts[i] = start;
      this.tabs[i] = tab;
      let cB = 0;
      for (let j = tab + 1; j < end; j++) cB = cB * 10 + (bytes[j]! - 48);
      this.cBs[i] = cB;
      start = end + 1;
    }
  }

  /** Reads a list written by `compressWordList`. */
  static fromCompressed(compressed: Uint8Array): FrequencyList {
    return new FrequencyList(brotliDecompressSync(compressed));
  }

  /** Number of words in the list. */
  get size(): number {
    return this.starts.length;
  }

  /**
   * The word's frequency in centibels below 1 (lower is more frequent: 300 = one word in a
   * thousand, 800 = one in 10^8), or undefined when the list does not have it. Lower-case lookup.
   */
  /**
   * Up to `limit` listed words that start with `prefix` (in byte order), with their frequencies: the
   * family of a stem ("отвержд" -> отверждение, отверждения, ...). Binary search, then a scan.
   */
  withPrefix(prefix: string, limit: number): Array<[string, number]> {
    const query = Buffer.from(prefix, 'utf8');
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.bytes.compare(query, 0, query.length, this.starts[mid]!, this.tabs[mid]!) < 0) lo = mid + 1;
      else hi = mid;
    }
    const found: Array<[string, number]> = [];
    for (let i = lo; i < this.starts.length && found.length < limit; i++) {
      const start = this.starts[i]!;
      const tab = this.tabs[i]!;
      if (
        tab - start < query.length ||
        this.bytes.compare(query, 0, query.length, start, start + query.length) !== 0
      )
        break;
      found.push([this.bytes.toString('utf8', start, tab), this.cBs[i]!]);
    }
    return found;
  }

  centibels(word: string): number | undefined {
    const query = Buffer.from(word, 'utf8');
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const order = this.bytes.compare(query, 0, query.length, this.starts[mid]!, this.tabs[mid]!);
      if (order === 0) return this.cBs[mid];
      if (order < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }
}
