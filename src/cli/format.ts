/** Truncates to `max` visible characters on one line. */
export function oneLine(text: string | null | undefined, max: number): string {
  const flat = (text ?? '').replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

// East Asian wide and fullwidth characters (CJK, Hangul, fullwidth punctuation) take two columns.
const WIDE =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u;

/** Columns a text takes in a terminal: two for each wide character (Chinese), one for the others. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += WIDE.test(char) ? 2 : 1;
  return width;
}

/** A plain-text table with a header row, columns padded to their widest cell (Chinese counts double). */
export function table(headers: string[], rows: Array<Array<string | number | null | undefined>>): string {
  const cells = rows.map((r) => r.map((c) => (c === null || c === undefined ? '' : String(c))));
  const widths = headers.map((h, i) =>
    Math.max(displayWidth(h), ...cells.map((r) => displayWidth(r[i] ?? ''))),
  );
  const line = (r: string[]) =>
    r
      .map((c, i) => c + ' '.repeat(Math.max(0, (widths[i] ?? 0) - displayWidth(c))))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '─'.repeat(w))), ...cells.map(line)].join('\n');
}

/** A progress line on a TTY (rewritten in place), or a plain line per change elsewhere. */
export function createProgress(stream: NodeJS.WriteStream = process.stderr) {
  const frames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
  let frame = 0;
  let last = '';
  return {
    update(done: number, total: number, label: string) {
      const width = 20;
      const filled = total === 0 ? width : Math.round((done / total) * width);
      const text = `${frames[frame++ % frames.length]} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${total} ${label}`;
      if (stream.isTTY) stream.write(`\r${text}`);
      else if (`${done}/${total}` !== last) stream.write(`${text}\n`);
      last = `${done}/${total}`;
    },
    finish() {
      if (stream.isTTY) stream.write('\n');
    },
  };
}
