/**
 * `benchTextCost()`: the worst cost per character of every function that reads outside text
 * (buyer messages and names, listing texts, carrier checkpoints, template variables), on inputs
 * built from sellerdesk's own patterns (test/support/adversarial.ts), at 1k, 5k and 20k characters;
 * then the four hostile messages of issue 14 through redactPii. Linear code shows a flat µs/char.
 *
 * Alone: `npx tsx bench/text-cost.ts` (BENCH_TEXT_SIZES="1000,5000,20000", BENCH_TEXT_TOP=4).
 */
import { pathToFileURL } from 'node:url';
import { literalInventory, recordBuilt } from '../test/redos/inventory.js';
import { hostile, hostileShapes, patternWords } from '../test/support/adversarial.js';
import type { TextEntryPoint } from '../test/support/text-entry-points.js';

interface EntryCost {
  name: string;
  /** Worst µs per character at each size. */
  usPerChar: Record<number, number>;
  /** The input shape that cost the most at the largest size. */
  worstShape: string;
}

/** CPU time (µs) of one call: other processes on the machine do not count. */
function timeOnce(fn: () => unknown): number {
  const started = process.cpuUsage();
  fn();
  const used = process.cpuUsage(started);
  return used.user + used.system;
}

/** Median of `runs` timings in µs, after one warm-up call. */
function medianUs(fn: () => unknown, runs = 3): number {
  fn();
  const times = Array.from({ length: runs }, () => timeOnce(fn)).sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const describe = (s: { label: string; unit: string; suffix: string }) =>
  JSON.stringify(`${s.label}${s.unit}×n${s.suffix}`);

/** Measures every entry point; prints a table; returns the figures. */
export async function benchTextCost(
  options: { sizes?: number[]; top?: number; out?: (line: string) => void } = {},
): Promise<{ entryPoints: EntryCost[]; hostile: Array<Record<string, number | string>> }> {
  const out = options.out ?? ((line: string) => console.log(line));
  const sizes = options.sizes ?? (process.env.BENCH_TEXT_SIZES ?? '1000,5000,20000').split(',').map(Number);
  const top = options.top ?? Number(process.env.BENCH_TEXT_TOP ?? 4);
  let entryPoints: TextEntryPoint[] = [];
  const built = await recordBuilt(async () => {
    const { textEntryPoints } = await import('../test/support/text-entry-points.js');
    entryPoints = await textEntryPoints();
    for (const ep of entryPoints)
      ep.run('Hola, mi pedido 12345678 no llega; rue de Rivoli 10, tel +33 6 12 34 56 78');
  });
  const words = patternWords([...literalInventory(), ...built]).filter((w) => w.length <= 16);
  const shapes = hostileShapes(words);
  out(
    `text cost: ${entryPoints.length} entry points, ${shapes.length} input shapes from ${words.length} pattern words`,
  );
  out(`${'entry point'.padEnd(42)}${sizes.map((n) => `${n} ch µs/ch`.padStart(16)).join('')}  worst input`);

  const results: EntryCost[] = [];
  for (const ep of entryPoints) {
    const screenSize = Math.min(400, ep.maxLength);
    // Screen every shape at the smallest size, then time the worst few at every size.
    const screened = shapes
      .map((shape) => ({
        shape,
        us: timeOnce(() => ep.run(hostile(shape.label, shape.unit, shape.suffix, screenSize))),
      }))
      .sort((a, b) => b.us - a.us)
      .slice(0, top);
    const usPerChar: Record<number, number> = {};
    let worstShape = '';
    for (const n of sizes) {
      const size = Math.min(n, ep.maxLength);
      let worst = 0;
      for (const { shape } of screened) {
        const text = hostile(shape.label, shape.unit, shape.suffix, size);
        const cost = medianUs(() => ep.run(text)) / text.length;
        if (cost > worst) {
          worst = cost;
          worstShape = describe(shape);
        }
      }
      usPerChar[n] = Math.round(worst * 1000) / 1000;
    }
    results.push({ name: ep.name, usPerChar, worstShape });
    const cells = sizes.map(
      (n) => (n > ep.maxLength ? `(cap ${ep.maxLength}) ` : '') + usPerChar[n]!.toFixed(3),
    );
    out(`${ep.name.padEnd(42)}${cells.map((c) => c.padStart(16)).join('')}  ${worstShape}`);
  }

  // The four hostile shapes of issue 14, through redactPii (ms per message).
  const { redactPii } = await import('../src/domain/message/redact.js');
  const hostileRows: Array<Record<string, number | string>> = [];
  const shapesOf: Array<[string, (n: number) => string]> = [
    ['"order " + "no "×n + "x1"', (n) => `order ${'no '.repeat(n)}x1`],
    ['"passport " + "no "×n + "!1"', (n) => `passport ${'no '.repeat(n)}!1`],
    ['"rue " + "De "×n + "x1"', (n) => `rue ${'De '.repeat(n)}x1`],
    ['buyer.name "Rue " + "De "×n + "x1"', (n) => `Rue ${'De '.repeat(n)}x1`],
  ];
  out('');
  out(
    `${'redactPii, hostile message'.padEnd(42)}${[10, 20, 22, 40, 1000, 6000].map((n) => `n=${n} ms`.padStart(12)).join('')}`,
  );
  for (const [name, make] of shapesOf) {
    const row: Record<string, number | string> = { shape: name };
    const cells: string[] = [];
    for (const n of [10, 20, 22, 40, 1000, 6000]) {
      const ms = medianUs(() => redactPii(make(n))) / 1000;
      row[`n${n}`] = Math.round(ms * 1000) / 1000;
      cells.push(ms.toFixed(3));
    }
    hostileRows.push(row);
    out(`${name.padEnd(42)}${cells.map((c) => c.padStart(12)).join('')}`);
  }
  return { entryPoints: results, hostile: hostileRows };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await benchTextCost();
}
