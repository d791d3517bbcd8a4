/**
 * Classification throughput: redactPii -> detectLanguage -> classifyIntent -> assessUrgency per
 * message, on one core, over the dev corpus repeated (after a warm-up).
 *
 * Run directly with `npx tsx bench/classification.ts [file]`. Throughput is computed from the
 * process's CPU time, so a busy machine (other processes competing for the core) does not distort
 * it; wall-clock throughput and per-message latencies are printed next to it.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classifyIntent } from '../src/domain/message/classify.js';
import { detectLanguage, type LanguageHints } from '../src/domain/message/language.js';
import { redactPii } from '../src/domain/message/redact.js';
import { assessUrgency } from '../src/domain/message/urgency.js';
import { isLanguage } from '../src/domain/types.js';

/** Options of `benchClassification`; defaults: dev corpus, 3 warm-up and 60 measured rounds. */
export interface BenchOptions {
  file?: string;
  warmupRounds?: number;
  rounds?: number;
  out?: (line: string) => void;
}

/** Result of `benchClassification`; the lead's `npm run bench` prints it. */
export interface BenchResult {
  /** Messages per second of CPU time of this (single-threaded) process. */
  messagesPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Messages per second of wall-clock time (lower when other processes compete for the core). */
  wallMessagesPerSecond: number;
  messages: number;
}

interface BenchMessage {
  text: string;
  hints?: LanguageHints;
}

const NOW = '2024-05-10T12:00:00Z';

function loadCorpus(file: string): BenchMessage[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => {
      const { text, meta } = JSON.parse(line) as {
        text: string;
        meta?: { locale?: string; country?: string };
      };
      const hints: LanguageHints = {};
      if (meta?.locale !== undefined) hints.locale = meta.locale;
      if (meta?.country !== undefined) hints.country = meta.country;
      return meta === undefined ? { text } : { text, hints };
    });
}

function classifyOne(message: BenchMessage): string {
  const redacted = redactPii(message.text).text;
  const detected = detectLanguage(redacted, message.hints);
  const language = isLanguage(detected.language) ? detected.language : 'en';
  const intent = classifyIntent(redacted, language);
  const urgency = assessUrgency({ text: redacted, category: intent.category, now: NOW });
  return urgency.urgency;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

/** Measures messages/s (CPU time) and per-message p50/p99 latency of the classification pipeline. */
export async function benchClassification(options: BenchOptions = {}): Promise<BenchResult> {
  const file = options.file ?? 'test/fixtures/intent-dev.jsonl';
  const out = options.out ?? ((line: string) => console.log(line));
  const corpus = loadCorpus(file);
  const warmup = options.warmupRounds ?? 3;
  const rounds = options.rounds ?? 60;
  let sink = 0;
  for (let r = 0; r < warmup; r++) for (const message of corpus) sink += classifyOne(message).length;

  const latencies = new Float64Array(corpus.length * rounds);
  let n = 0;
  const cpuStart = process.cpuUsage();
  const wallStart = performance.now();
  for (let r = 0; r < rounds; r++) {
    for (const message of corpus) {
      const started = performance.now();
      sink += classifyOne(message).length;
      latencies[n++] = performance.now() - started;
    }
  }
  const wallSeconds = (performance.now() - wallStart) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  latencies.sort();
  const result: BenchResult = {
    messagesPerSecond: Math.round(n / Math.max(cpuSeconds, 1e-9)),
    p50Ms: Number(percentile(latencies, 0.5).toFixed(4)),
    p99Ms: Number(percentile(latencies, 0.99).toFixed(4)),
    wallMessagesPerSecond: Math.round(n / Math.max(wallSeconds, 1e-9)),
    messages: n,
  };
  if (sink < 0) out('unreachable');
  out(`classification bench: ${corpus.length} messages x ${rounds} rounds (${file})`);
  out('  redact + language + intent + urgency, one core');
  out(`  messages/s (CPU time)   ${String(result.messagesPerSecond).padStart(8)}   target >= 5000`);
  out(`  messages/s (wall clock) ${String(result.wallMessagesPerSecond).padStart(8)}`);
  out(`  p50 latency             ${result.p50Ms.toFixed(3).padStart(8)} ms`);
  out(`  p99 latency             ${result.p99Ms.toFixed(3).padStart(8)} ms`);
  return result;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const file = process.argv[2];
  await benchClassification(file === undefined ? {} : { file });
}
