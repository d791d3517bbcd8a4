import type { Issue } from './types.js';

/**
 * Kinds whose finding names one value or term: written the same in the title and the description of
 * one version, it is one error for the seller to correct in both places, not two.
 */
const VALUE_KINDS: ReadonlySet<string> = new Set(['inconsistent_value', 'terminology']);

function repeatKey(issue: Issue): string | undefined {
  if (!VALUE_KINDS.has(issue.kind)) return undefined;
  const quoted = issue.params.value ?? issue.params.text;
  if (quoted === undefined) return undefined;
  const text = String(quoted).toLowerCase().replace(/\s+/gu, ' ').trim();
  return `${issue.lang}|${issue.kind}|${issue.code}|${text}`;
}

/**
 * One finding per (version, value): a value or term of a value kind that the description repeats
 * from the title is reported once, at the title, and the finding says the description states it too
 * (`alsoIn`, phrased by `localizeIssues`). Other findings pass unchanged, in their order.
 */
export function mergeTitleRepeats(issues: readonly Issue[]): Issue[] {
  const titleKeys = new Set<string>();
  for (const issue of issues) {
    const key = issue.field === 'title' ? repeatKey(issue) : undefined;
    if (key !== undefined) titleKeys.add(key);
  }
  if (titleKeys.size === 0) return [...issues];
  const repeats = new Map<string, Issue>();
  for (const issue of issues) {
    const key = issue.field === 'description' ? repeatKey(issue) : undefined;
    if (key !== undefined && titleKeys.has(key) && !repeats.has(key)) repeats.set(key, issue);
  }
  if (repeats.size === 0) return [...issues];
  const merged = new Set<string>();
  const out: Issue[] = [];
  for (const issue of issues) {
    const key = repeatKey(issue);
    if (key === undefined || !repeats.has(key)) {
      out.push(issue);
    } else if (issue.field === 'title' && !merged.has(key)) {
      merged.add(key);
      const span = repeats.get(key)!.span;
      out.push({ ...issue, alsoIn: { field: 'description', ...(span ? { span } : {}) } });
    } else if (issue.field === 'title') {
      out.push(issue);
    }
    // A description repeat of a title finding is folded into it.
  }
  return out;
}
