/** Serialisation of the models' int8 weights: base64 without Buffer (pure), and sparse packing. */

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Encodes bytes as base64 (no Node `Buffer`: this module stays pure). */
export function encodeBase64(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const v = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64.charAt(v >> 18) + B64.charAt((v >> 12) & 63) + B64.charAt((v >> 6) & 63) + B64.charAt(v & 63);
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const v = (bytes[i] ?? 0) << 16;
    out += `${B64[v >> 18]}${B64[(v >> 12) & 63]}==`;
  } else if (rest === 2) {
    const v = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8);
    out += `${B64[v >> 18]}${B64[(v >> 12) & 63]}${B64[(v >> 6) & 63]}=`;
  }
  return out;
}

/** Decodes base64 into bytes. */
export function decodeBase64(text: string): Uint8Array {
  const lookup = new Int16Array(128).fill(-1);
  for (let i = 0; i < B64.length; i++) lookup[B64.charCodeAt(i)] = i;
  const clean = text.replace(/[^A-Za-z0-9+/]/g, '');
  const bytes = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let n = 0;
  for (let i = 0; i < clean.length; i += 4) {
    const a = lookup[clean.charCodeAt(i)] ?? 0;
    const b = lookup[clean.charCodeAt(i + 1)] ?? 0;
    const c = i + 2 < clean.length ? (lookup[clean.charCodeAt(i + 2)] ?? 0) : -1;
    const d = i + 3 < clean.length ? (lookup[clean.charCodeAt(i + 3)] ?? 0) : -1;
    bytes[n++] = (a << 2) | (b >> 4);
    if (c >= 0) bytes[n++] = ((b & 15) << 4) | (c >> 2);
    if (d >= 0) bytes[n++] = ((c & 3) << 6) | d;
  }
  return bytes.subarray(0, n);
}

/** Packs bucket-major int8 weights as a bitmap of non-zero buckets plus their weights. */
export function packWeights(weights: Int8Array, labels: number): Uint8Array {
  const buckets = weights.length / labels;
  const bitmap = new Uint8Array(Math.ceil(buckets / 8));
  const kept: number[] = [];
  for (let b = 0; b < buckets; b++) {
    let nonZero = false;
    for (let c = 0; c < labels; c++) if (weights[b * labels + c] !== 0) nonZero = true;
    if (!nonZero) continue;
    bitmap[b >> 3] = (bitmap[b >> 3] as number) | (1 << (b & 7));
    for (let c = 0; c < labels; c++) kept.push((weights[b * labels + c] as number) & 255);
  }
  const out = new Uint8Array(bitmap.length + kept.length);
  out.set(bitmap);
  out.set(kept, bitmap.length);
  return out;
}

/** Inverse of `packWeights`. */
export function unpackWeights(packed: Uint8Array, buckets: number, labels: number): Int8Array {
  const weights = new Int8Array(buckets * labels);
  const bitmapLength = Math.ceil(buckets / 8);
  let at = bitmapLength;
  for (let b = 0; b < buckets; b++) {
    if ((((packed[b >> 3] as number) >> (b & 7)) & 1) === 0) continue;
    for (let c = 0; c < labels; c++) weights[b * labels + c] = ((packed[at++] as number) << 24) >> 24;
  }
  if (at !== packed.length) throw new Error(`packed weights: ${packed.length - at} bytes left over`);
  return weights;
}
