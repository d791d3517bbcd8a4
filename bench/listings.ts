/**
 * `benchListings()`: listings validated per second (a listing = a title and a 300-word description
 * in each of the five languages) and the worker's memory with the five dictionaries loaded.
 */
import { readFileSync } from 'node:fs';
import { listingDictionaries } from '../src/adapters/spelling/dictionaries.js';
import type { ListingTexts } from '../src/domain/listing/index.js';
import { validateListing } from '../src/domain/listing/index.js';
import { LANGUAGES } from '../src/domain/types.js';

interface CleanListing extends ListingTexts {
  id: string;
}

const mb = (bytes: number) => Math.round(bytes / 1e6);

/** Grows each description of a clean listing to about `words` words by repeating its paragraphs. */
function toWords(listing: CleanListing, words: number): ListingTexts {
  const description: ListingTexts['description'] = {};
  for (const lang of LANGUAGES) {
    const base = listing.description[lang] ?? '';
    const parts: string[] = [];
    let count = 0;
    while (count < words) {
      parts.push(base);
      count += base.split(/\s+/).length;
    }
    description[lang] = parts.join('\n\n');
  }
  return { title: listing.title, description };
}

/** Prints load time, memory and listings/s; never fails on a number. */
export async function benchListings(options: { seconds?: number; out?: (line: string) => void } = {}) {
  const out = options.out ?? ((line: string) => console.log(line));
  const seconds = options.seconds ?? 5;
  const listings = (
    JSON.parse(readFileSync('test/fixtures/listings/clean.json', 'utf8')) as CleanListing[]
  ).map((l) => toWords(l, 300));
  global.gc?.();
  const before = process.memoryUsage();
  const started = performance.now();
  const dictionaries = await listingDictionaries();
  const loadMs = Math.round(performance.now() - started);
  global.gc?.();
  const after = process.memoryUsage();
  out(
    `dictionaries: loaded in ${loadMs} ms (${LANGUAGES.map((l) => `${l} ${dictionaries.loadMs[l]} ms`).join(', ')})`,
  );
  out(
    `memory with five dictionaries: rss ${mb(after.rss)} MB (+${mb(after.rss - before.rss)} MB), heap ${mb(after.heapUsed)} MB`,
  );

  // Cold pass: first sight of every word (hunspell lookups and suggestions, nothing memoized).
  let t = performance.now();
  let findings = 0;
  for (const listing of listings) findings += validateListing(listing, dictionaries).length;
  const coldMs = performance.now() - t;
  out(
    `cold: ${listings.length} listings in ${Math.round(coldMs)} ms (${(listings.length / (coldMs / 1000)).toFixed(1)} listings/s, ${findings} findings)`,
  );

  t = performance.now();
  let done = 0;
  while (performance.now() - t < seconds * 1000) {
    validateListing(listings[done % listings.length]!, dictionaries);
    done++;
  }
  const elapsed = (performance.now() - t) / 1000;
  out(
    `warm: ${done} listings in ${elapsed.toFixed(1)} s = ${(done / elapsed).toFixed(1)} listings/s (5 languages x title + ~300 words)`,
  );
  out(`rss after the run: ${mb(process.memoryUsage().rss)} MB`);
  return { loadMs, listingsPerSecond: done / elapsed, rssMb: mb(after.rss) };
}

if (import.meta.url === `file://${process.argv[1]}`) await benchListings();
