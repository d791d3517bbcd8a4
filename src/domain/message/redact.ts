/**
 * PII redaction for buyer messages before they are stored, shown to models or logged.
 *
 * Pure: regular expressions and checksums only. Order and tracking numbers are deliberately
 * kept (the bot and the seller need them), so every numeric detector checks its context first.
 */
import { redactAddresses } from './redact-address.js';
import { END, ORDER_FILLER, ORDER_LABEL, START } from './redact-context.js';
import { redactCards, redactIbans, redactIds, redactPhones } from './redact-numbers.js';

/** A kind of personal data `redactPii` can replace; the token written is `[kind]`. */
export type PiiKind = 'email' | 'phone' | 'card' | 'id_number' | 'iban' | 'address';

/** Canonical order of `kinds` in the result, so callers and tests get a stable list. */
const KIND_ORDER: readonly PiiKind[] = ['email', 'phone', 'card', 'id_number', 'iban', 'address'];

/** Redacts emails, phones, cards, labelled IDs, IBANs and addresses so tickets never carry raw PII. */
export function redactPii(text: string): { text: string; kinds: string[] } {
  const found = new Set<PiiKind>();
  const protectedSpans: string[] = [];
  const protect = (value: string): string => {
    protectedSpans.push(value);
    return `\uE000${String.fromCharCode(0xe100 + protectedSpans.length - 1)}\uE001`;
  };
  const token = (kind: PiiKind): string => {
    found.add(kind);
    return `[${kind}]`;
  };

  let out = text;
  // Every numeric detector (and every street pattern) needs a digit, e-mails an "@": most buyer
  // messages have neither and skip straight to the labelled-address check.
  const digits = /\d/.test(text);
  // URLs carry item ids that look like cards or phones: keep them verbatim.
  if (URL_HINT_RE.test(out)) out = out.replace(URL_RE, (url) => protect(url));
  if (out.includes('@')) out = out.replace(EMAIL_RE, () => token('email'));
  if (digits) {
    out = redactIbans(out, () => token('iban'));
    // Labelled ids first: a passport number can look like a carrier tracking id.
    out = redactIds(out, () => token('id_number'));
    // Tracking and order numbers are needed by the seller: shield them from the numeric detectors.
    out = out.replace(TRACKING_RE, (value) => protect(value));
    out = out.replace(ORDER_LABELLED_RE, (_m, label: string, number: string) => `${label}${protect(number)}`);
    out = redactCards(out, () => token('card'));
    out = redactPhones(out, () => token('phone'));
  }
  out = redactAddresses(out, () => token('address'), digits);
  if (protectedSpans.length > 0) {
    out = out.replace(/\uE000([\uE100-\uEFFF])\uE001/g, (_m, index: string) => {
      return protectedSpans[index.charCodeAt(0) - 0xe100] ?? '';
    });
  }

  return { text: out, kinds: KIND_ORDER.filter((kind) => found.has(kind)) };
}

// ---------------------------------------------------------------------------------------------
// Spans kept or replaced before the detectors run

const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>"']+/giu;
const URL_HINT_RE = /https?:\/\/|www\./i;
const EMAIL_RE = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

/** UPU S10 (RB123456789CN) and carrier ids such as LP00123456789012 or YT2312345678901234. */
const TRACKING_RE = new RegExp(
  `${START}(?:[A-Z]{2}\\d{9}[A-Z]{2}|[A-Z]{2,4}\\d{8,26}[A-Z]{0,3})${END}`,
  'giu',
);

const ORDER_LABELLED_RE = new RegExp(
  `(${START}${ORDER_LABEL}${ORDER_FILLER})(\\d{4}(?:[ -]\\d{4}){2,5}|\\d{6,25})${END}`,
  'giu',
);
