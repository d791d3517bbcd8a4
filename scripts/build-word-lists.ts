/**
 * Builds `data/words/<lang>.tsv.br` (the frequency word lists the listing spelling check reads) from
 * wordfreq's "large" lists (Robyn Speer, data CC-BY-SA-4.0; see data/words/LICENSE.md).
 *
 *   pip download --no-deps -d /tmp/wf wordfreq==3.1.1 && unzip -q /tmp/wf/*.whl -d /tmp/wf/x
 *   npx tsx scripts/build-word-lists.ts /tmp/wf/x/wordfreq/data
 *
 * Each output line is `word<TAB>cB` (cB = centibels below frequency 1: 300 is one word in a
 * thousand, 800 one in 10^8), sorted by the words' UTF-8 bytes so the adapter can binary-search the
 * decompressed buffer without building a Map. Only words written in the language's script, with
 * inner hyphens or apostrophes at most, are kept.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { compressWordList } from '../src/adapters/spelling/word-list.js';
import { LANGUAGES, type Language } from '../src/domain/types.js';

/** Decodes the subset of MessagePack wordfreq writes: arrays, maps, strings and small integers. */
function decodeMsgpack(buffer: Buffer): unknown {
  let at = 0;
  const read = (): unknown => {
    const byte = buffer[at++]!;
    if (byte <= 0x7f) return byte;
    if (byte >= 0x80 && byte <= 0x8f) return readMap(byte & 0x0f);
    if (byte >= 0x90 && byte <= 0x9f) return readArray(byte & 0x0f);
    if (byte >= 0xa0 && byte <= 0xbf) return readString(byte & 0x1f);
    switch (byte) {
      case 0xc0:
        return null;
      case 0xd9:
        return readString(buffer[at++]!);
      case 0xda: {
        const n = buffer.readUInt16BE(at);
        at += 2;
        return readString(n);
      }
      case 0xdc: {
        const n = buffer.readUInt16BE(at);
        at += 2;
        return readArray(n);
      }
      case 0xdd: {
        const n = buffer.readUInt32BE(at);
        at += 4;
        return readArray(n);
      }
      case 0xcc:
        return buffer[at++];
      case 0xcd: {
        const n = buffer.readUInt16BE(at);
        at += 2;
        return n;
      }
      default:
        throw new Error(`msgpack type 0x${byte.toString(16)} at ${at - 1} is not supported`);
    }
  };
  const readString = (n: number) => {
    const s = buffer.toString('utf8', at, at + n);
    at += n;
    return s;
  };
  const readArray = (n: number) => Array.from({ length: n }, read);
  const readMap = (n: number) => {
    const map: Record<string, unknown> = {};
    for (let i = 0; i < n; i++) map[String(read())] = read();
    return map;
  };
  return read();
}

/** Words of the language's script: letters, inner hyphens and apostrophes. */
const WORD_SHAPE: Readonly<Record<Language, RegExp>> = {
  en: /^[a-zà-öø-ÿœæ]+(?:['-][a-zà-öø-ÿœæ]+)*$/u,
  es: /^[a-záéíóúñüàèìòùç]+(?:-[a-záéíóúñüàèìòùç]+)*$/u,
  fr: /^[a-zàâäçéèêëîïôöûùüÿœæ]+(?:['-][a-zàâäçéèêëîïôöûùüÿœæ]+)*$/u,
  pt: /^[a-záâãàçéêíóôõúü]+(?:-[a-záâãàçéêíóôõúü]+)*$/u,
  ru: /^[а-яё]+(?:-[а-яё]+)*$/u,
};

const source = process.argv[2];
if (!source) {
  console.error('usage: npx tsx scripts/build-word-lists.ts <wordfreq data directory>');
  process.exit(2);
}
for (const lang of LANGUAGES) {
  const packed = decodeMsgpack(gunzipSync(readFileSync(resolve(source, `large_${lang}.msgpack.gz`))));
  if (!Array.isArray(packed)) throw new Error(`large_${lang}: not a cBpack list`);
  const [header, ...buckets] = packed as [unknown, ...string[][]];
  if ((header as { format?: string }).format !== 'cB') throw new Error(`large_${lang}: not a cBpack list`);
  const best = new Map<string, number>();
  buckets.forEach((words, cB) => {
    for (const raw of words) {
      const word = raw.normalize('NFC');
      if ([...word].length < 2 || !WORD_SHAPE[lang].test(word)) continue;
      if (!best.has(word)) best.set(word, cB);
    }
  });
  const out = resolve('data/words', `${lang}.tsv.br`);
  const bytes = compressWordList(best);
  writeFileSync(out, bytes);
  console.log(`${lang}: ${best.size} words, ${(bytes.length / 1e6).toFixed(2)} MB -> ${out}`);
}
