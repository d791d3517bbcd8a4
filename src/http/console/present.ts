/** View models of the console's pages: pure shaping of figures and texts, no I/O. */

/** One cell of a heat map: its count and a shade from 0 (none) to 5 (the table's highest). */
export interface HeatCell {
  n: number;
  level: number;
}

/** A heat map as a table: row labels, column labels, cells and row totals. */
export interface HeatMap {
  columns: string[];
  rows: Array<{ key: string; cells: HeatCell[]; total: number }>;
  max: number;
}

/** Shade of a count against the table's highest (0 only for none). */
export function heatLevel(n: number, max: number): number {
  if (n <= 0 || max <= 0) return 0;
  return Math.max(1, Math.ceil((n / max) * 5));
}

/**
 * Builds a heat map from (row, column, count) triples: columns in the given order (those with
 * data, then any others asked for), rows by total, highest first.
 */
export function heatMap(
  triples: ReadonlyArray<{ row: string; column: string; n: number }>,
  columnOrder: readonly string[],
): HeatMap {
  const columns = [
    ...columnOrder.filter((c) => triples.some((t) => t.column === c)),
    ...[...new Set(triples.map((t) => t.column))].filter((c) => !columnOrder.includes(c)).sort(),
  ];
  const counts = new Map<string, Map<string, number>>();
  for (const t of triples) {
    const row = counts.get(t.row) ?? new Map<string, number>();
    row.set(t.column, (row.get(t.column) ?? 0) + t.n);
    counts.set(t.row, row);
  }
  const max = Math.max(0, ...triples.map((t) => counts.get(t.row)?.get(t.column) ?? 0));
  const rows = [...counts.entries()].map(([key, row]) => {
    const cells = columns.map((c) => {
      const n = row.get(c) ?? 0;
      return { n, level: heatLevel(n, max) };
    });
    return { key, cells, total: cells.reduce((sum, c) => sum + c.n, 0) };
  });
  rows.sort((a, b) => b.total - a.total || a.key.localeCompare(b.key));
  return { columns, rows, max };
}

/** A finding placed in a field's text. */
export interface PlacedFinding {
  /** The finding's number on the page (1-based), shown beside its mark. */
  number: number;
  kind: string;
  message: string;
  span?: [number, number] | undefined;
}

/** A run of a field's text and the findings (numbers) covering it. */
export interface TextSegment {
  text: string;
  findings: number[];
  kinds: string[];
  messages: string[];
}

/**
 * Cuts a field's text at every finding's span boundary, so each run knows which findings cover it
 * (spans may overlap or nest). Spans are `[start, end)` in UTF-16 units, as the checks report
 * them; one outside the text or empty is left out. Costs the text once plus cuts x findings
 * (a report holds a few dozen findings).
 */
export function highlightSegments(text: string, findings: readonly PlacedFinding[]): TextSegment[] {
  const placed = findings.filter(
    (f): f is PlacedFinding & { span: [number, number] } =>
      Array.isArray(f.span) &&
      Number.isInteger(f.span[0]) &&
      Number.isInteger(f.span[1]) &&
      f.span[0] >= 0 &&
      f.span[0] < f.span[1] &&
      f.span[1] <= text.length,
  );
  const cuts = [...new Set([0, text.length, ...placed.flatMap((f) => f.span)])].sort((a, b) => a - b);
  const segments: TextSegment[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i]!;
    const end = cuts[i + 1]!;
    const covering = placed.filter((f) => f.span[0] <= start && f.span[1] >= end);
    const previous = segments.at(-1);
    const run = text.slice(start, end);
    if (previous && covering.length === 0 && previous.findings.length === 0) {
      previous.text += run;
      continue;
    }
    segments.push({
      text: run,
      findings: covering.map((f) => f.number),
      kinds: [...new Set(covering.map((f) => f.kind))],
      messages: covering.map((f) => `${f.number}. ${f.message}`),
    });
  }
  return segments;
}

/** Whole-number percentage of a share (0..1). */
export function percent(share: number): number {
  return Math.round(share * 100);
}
