import { LANGUAGES, type Language } from '../types.js';
import type { Finding, FindingKind, Issue } from './types.js';

/** The `validation` namespace of one locale (locales/<lng>/validation.json). */
export interface ValidationMessages {
  language: Record<Language, string>;
  field: Record<'title' | 'description', string>;
  kind: Record<FindingKind, string>;
  messages: Record<FindingKind, Record<string, string>>;
  summary: Record<string, string>;
}

/** Thrown when a locale lacks a message a check can produce; the locale test catches it first. */
export class MissingValidationMessageError extends Error {
  readonly code = 'missing_validation_message';
  constructor(
    readonly locale: string,
    readonly key: string,
  ) {
    super(`locales/${locale}/validation.json has no "${key}"`);
  }
}

const LANGUAGE_PARAMS = new Set(['declared', 'detected', 'lang']);

/** Replaces `{{name}}` placeholders; language-code params become language names. */
export function interpolate(
  template: string,
  params: Record<string, string | number>,
  messages: ValidationMessages,
): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    if (LANGUAGE_PARAMS.has(name) && (LANGUAGES as readonly string[]).includes(String(value))) {
      return messages.language[value as Language];
    }
    return String(value);
  });
}

/** Puts issues into the seller's language; an unknown code falls back to the kind's `default` text. */
export function localizeIssues(
  issues: readonly Issue[],
  messages: ValidationMessages,
  locale: string,
): Finding[] {
  return issues.map((issue) => {
    const texts = messages.messages[issue.kind];
    const template = texts?.[issue.code] ?? texts?.default;
    if (template === undefined)
      throw new MissingValidationMessageError(locale, `messages.${issue.kind}.${issue.code}`);
    const also = issue.alsoIn ? messages.summary.also_in : undefined;
    const message = interpolate(template, issue.params, messages);
    return {
      lang: issue.lang,
      field: issue.field,
      kind: issue.kind,
      message:
        also && issue.alsoIn
          ? `${message} ${interpolate(also, { field: messages.field[issue.alsoIn.field] }, messages)}`
          : message,
      ...(issue.span ? { span: issue.span } : {}),
      ...(issue.suggestion !== undefined ? { suggestion: issue.suggestion } : {}),
      ...(issue.confidence !== undefined ? { confidence: issue.confidence } : {}),
    };
  });
}

/** How serious each kind is for a marketplace reviewer; the summary lists the worst first. */
export const KIND_SEVERITY: Readonly<Record<FindingKind, number>> = {
  forbidden_claim: 0,
  wrong_language: 1,
  placeholder: 2,
  inconsistent_value: 3,
  untranslated_segment: 4,
  too_short: 5,
  title_too_long: 6,
  terminology: 7,
  spelling: 8,
  all_caps: 9,
};

/** Telegram refuses messages over 4096 characters; lines are cut, then the body if needed. */
const MAX_MESSAGE = 4000;
const MAX_LINE = 240;

/**
 * The seller's chat summary: per language, the count and the top findings, then the validation id
 * for the full list. Plain text (no markup), so any message is safe to send.
 */
export function summarizeFindings(input: {
  validationId: string;
  listingId: string;
  languages: readonly Language[];
  findings: readonly Finding[];
  messages: ValidationMessages;
  topPerLanguage?: number;
  /** Set when sellerdesk started the validation because of "not as described" complaints. */
  disputes?: { count: number; windowDays: number } | undefined;
}): string {
  const { messages } = input;
  const top = input.topPerLanguage ?? 3;
  const lines = [interpolate(messages.summary.header!, { listingId: input.listingId }, messages)];
  if (input.disputes && messages.summary.disputes) {
    lines.push(
      interpolate(
        messages.summary.disputes,
        { count: input.disputes.count, days: input.disputes.windowDays },
        messages,
      ),
    );
  }
  if (input.findings.length === 0) {
    lines.push(messages.summary.clean!);
  } else {
    for (const lang of input.languages) {
      const mine = input.findings
        .filter((f) => f.lang === lang)
        .sort((a, b) => KIND_SEVERITY[a.kind] - KIND_SEVERITY[b.kind]);
      const name = messages.language[lang];
      if (mine.length === 0) {
        lines.push('', interpolate(messages.summary.language_clean!, { name }, messages));
        continue;
      }
      lines.push('', interpolate(messages.summary.language!, { name, count: mine.length }, messages));
      for (const f of mine.slice(0, top)) {
        const suggestion = f.suggestion ? ` → ${f.suggestion}` : '';
        const line = `• ${messages.kind[f.kind]} (${messages.field[f.field]}): ${f.message}${suggestion}`;
        lines.push(line.length > MAX_LINE ? `${line.slice(0, MAX_LINE - 1)}…` : line);
      }
      if (mine.length > top)
        lines.push(interpolate(messages.summary.more!, { count: mine.length - top }, messages));
    }
  }
  const footer = interpolate(messages.summary.footer!, { validationId: input.validationId }, messages);
  const body = lines.join('\n');
  const room = MAX_MESSAGE - footer.length - 3;
  return `${body.length > room ? `${body.slice(0, room - 1)}…` : body}\n\n${footer}`;
}
