/** Numeric PII detectors: IBANs, national identity numbers, payment cards and phone numbers. */
import { CONTEXT_WINDOW, contextWindow, END, isOrderContext, START } from './redact-context.js';

const PHONE_LABEL_RE =
  /(?<![\p{L}])(?:(?:my|mi|mon|meu|мой)\s+(?:number|n[úu]mero|num[ée]ro|номер)|phone|tel|telephone|mobile|cell|cellphone|whats\s?app|wa|zap|call|text|contact|n[úu]mero|numero|tel[ée]fono|celular|m[óo]vil|t[ée]l[ée]phone|portable|t[ée]l|telefone|contato|ligar|llamar|appeler|телефон\p{L}{0,12}|тел|мобильн\p{L}{0,12}|сотов\p{L}{0,12}|ватсап|вотсап|звоните|позвоните)[\s:.#-]{0,8}(?:(?:is|es|est|é|é o|me|at|au|en|no|number|num[ée]ro)[\s:]{0,4}){0,4}$/iu;

// ---------------------------------------------------------------------------------------------
// IBAN

const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24,
  AE: 23,
  AL: 28,
  AT: 20,
  AZ: 28,
  BA: 20,
  BE: 16,
  BG: 22,
  BH: 22,
  BR: 29,
  BY: 28,
  CH: 21,
  CR: 22,
  CY: 28,
  CZ: 24,
  DE: 22,
  DK: 18,
  DO: 28,
  EE: 20,
  EG: 29,
  ES: 24,
  FI: 18,
  FO: 18,
  FR: 27,
  GB: 22,
  GE: 22,
  GI: 23,
  GL: 18,
  GR: 27,
  GT: 28,
  HR: 21,
  HU: 28,
  IE: 22,
  IL: 23,
  IQ: 23,
  IS: 26,
  IT: 27,
  JO: 30,
  KW: 30,
  KZ: 20,
  LB: 28,
  LC: 32,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  MC: 27,
  MD: 24,
  ME: 22,
  MK: 19,
  MR: 27,
  MT: 31,
  MU: 30,
  NL: 18,
  NO: 15,
  PK: 24,
  PL: 28,
  PS: 29,
  PT: 25,
  QA: 29,
  RO: 24,
  RS: 22,
  SA: 24,
  SC: 31,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  ST: 25,
  SV: 28,
  TL: 23,
  TN: 24,
  TR: 26,
  UA: 29,
  VA: 22,
  VG: 24,
  XK: 20,
};

function ibanChecksumOk(iban: string): boolean {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const chunk = code >= 65 ? String(code - 55) : ch;
    for (const digit of chunk) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

const IBAN_CANDIDATE_RE = new RegExp(`${START}[A-Z]{2}\\d{2}(?:[ -]?[A-Z0-9]){11,30}`, 'giu');

/** Replaces IBANs whose length and mod-97 checksum are valid. */
export function redactIbans(text: string, replacement: () => string): string {
  return text.replace(IBAN_CANDIDATE_RE, (candidate) => {
    const country = candidate.slice(0, 2).toUpperCase();
    const length = IBAN_LENGTHS[country];
    if (length === undefined) return candidate;
    let compact = '';
    let end = 0;
    for (let i = 0; i < candidate.length && compact.length < length; i++) {
      const ch = candidate[i] ?? '';
      if (ch !== ' ' && ch !== '-') compact += ch.toUpperCase();
      end = i + 1;
    }
    if (compact.length !== length) return candidate;
    const next = candidate[end];
    // The IBAN must end on a group boundary, not in the middle of a longer token.
    if (next !== undefined && next !== ' ' && next !== '-') return candidate;
    if (!ibanChecksumOk(compact)) return candidate;
    return replacement() + candidate.slice(end);
  });
}

// ---------------------------------------------------------------------------------------------
// National identity numbers

const ID_LABEL =
  '(?:passport|passeport|pasaporte|passaporte|паспорт\\p{L}*|national\\s+id|id\\s+card|id\\s+number|' +
  'id\\s+no|identity\\s+(?:card|number)|personal\\s+id|carte\\s+(?:nationale\\s+)?d.identit[ée]|cni|' +
  'num[ée]ro\\s+de\\s+s[ée]curit[ée]\\s+sociale|s[ée]curit[ée]\\s+sociale|nir|social\\s+security(?:\\s+number)?|' +
  'ssn|tax\\s+id|tin|dni|nie|nif|cif|cpf|cnpj|rg|curp|rfc|rut|cuit|cuil|c[ée]dula(?:\\s+de\\s+(?:identidad|ciudadan[ií]a))?|' +
  'c\\.c\\.|documento(?:\\s+(?:de\\s+identidad|nacional\\s+de\\s+identidad))?|ine|cart[ãa]o\\s+de\\s+cidad[ãa]o|' +
  'bilhete\\s+de\\s+identidade|carteira\\s+de\\s+identidade|nipc|снилс|snils|инн|inn|удостоверени\\p{L}*)';
/** Like ORDER_FILLER: disjoint alternatives, bounded run. */
const ID_FILLER =
  '(?:\\s*(?:number|num|no|nr|n[º°]|n(?:úmero|um[ée]ro)|номер|№|#|:|-|is|es|est|é|de|do|da|mi|my|мой|личности|\\.)){0,6}\\s*';
const ID_TOKEN = '[A-Za-z]{0,3}-?\\d+(?:[.\\-/ ]\\d+){0,7}(?:-?[A-Za-z])?';

const LABELLED_ID_RE = new RegExp(`(${START}${ID_LABEL}${ID_FILLER})(${ID_TOKEN})${END}`, 'giu');
const RU_PASSPORT_RE = new RegExp(
  `(${START}(?:паспорт\\p{L}*|серия)[^\\d\\n]{0,20}?)(\\d{2}\\s?\\d{2}\\s{0,4}(?:(?:,\\s{0,4})?(?:номер|№|n)\\s{0,4})?\\d{6})${END}`,
  'giu',
);

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

function dniLetterOk(digits: string, letter: string): boolean {
  return DNI_LETTERS[Number(digits) % 23] === letter.toUpperCase();
}

const UNLABELLED_ID_RES: readonly RegExp[] = [
  new RegExp(`${START}\\d{3}\\.\\d{3}\\.\\d{3}-\\d{2}${END}`, 'gu'), // CPF
  new RegExp(`${START}\\d{2}\\.\\d{3}\\.\\d{3}/\\d{4}-\\d{2}${END}`, 'gu'), // CNPJ
  new RegExp(`${START}\\d{3}-\\d{3}-\\d{3}[ -]\\d{2}${END}`, 'gu'), // SNILS
  new RegExp(`${START}\\d{1,2}\\.\\d{3}\\.\\d{3}-[\\dkK]${END}`, 'gu'), // Chilean RUT
  new RegExp(`${START}[A-Z]{4}\\d{6}[HM][A-Z]{5}[A-Z0-9]\\d${END}`, 'gu'), // Mexican CURP
];
const DNI_RE = new RegExp(`${START}(\\d{8})-?([A-Za-z])${END}`, 'gu');
const NIE_RE = new RegExp(`${START}([XYZxyz])-?(\\d{7})-?([A-Za-z])${END}`, 'gu');

/** Replaces labelled identity numbers and the unlabelled ones with a checkable shape (DNI, NIE, CPF, ...). */
export function redactIds(text: string, replacement: () => string): string {
  let out = text.replace(RU_PASSPORT_RE, (_m, label: string) => label + replacement());
  out = out.replace(LABELLED_ID_RE, (match, label: string, value: string) => {
    const digits = value.replace(/\D/g, '');
    return digits.length >= 5 ? label + replacement() : match;
  });
  for (const re of UNLABELLED_ID_RES) out = out.replace(re, () => replacement());
  out = out.replace(DNI_RE, (match, digits: string, letter: string) =>
    dniLetterOk(digits, letter) ? replacement() : match,
  );
  out = out.replace(NIE_RE, (match, prefix: string, digits: string, letter: string) => {
    const lead = 'XYZ'.indexOf(prefix.toUpperCase());
    return dniLetterOk(`${lead}${digits}`, letter) ? replacement() : match;
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Payment cards

function luhnOk(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let n = Number(digits[i]);
    if (double) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
    double = !double;
  }
  return sum % 10 === 0;
}

/** Issuer prefixes of the networks buyers pay with (Visa, Mastercard, Amex, Mir, UnionPay, ...). */
function plausibleIssuer(digits: string): boolean {
  const first = digits[0];
  if (first === '4' || first === '5' || first === '6') return true;
  if (first === '2') return /^2(?:2[0-9]|[3-6]|7[0-2])/.test(digits);
  if (first === '3') return /^3(?:[0478]|5|6|9)/.test(digits);
  return false;
}

const CARD_CANDIDATE_RE = new RegExp(`${START}(?<!\\+)\\d(?:[ -]?\\d){12,22}${END}`, 'gu');

/** Replaces card numbers that pass Luhn and look issued, unless named as an order. */
export function redactCards(text: string, replacement: () => string): string {
  return text.replace(CARD_CANDIDATE_RE, (candidate, offset: number, whole: string) => {
    if (isOrderContext(whole.slice(0, offset))) return candidate;
    // Try the longest prefix (ending on a digit) that is a valid card; the rest may be a CVV or date.
    for (let end = candidate.length; end > 0; end--) {
      const prefix = candidate.slice(0, end);
      if (!/\d$/.test(prefix)) continue;
      const next = candidate[end];
      if (next !== undefined && /\d/.test(next)) continue;
      const digits = prefix.replace(/\D/g, '');
      if (digits.length < 13) break;
      if (digits.length > 19) continue;
      if (luhnOk(digits) && plausibleIssuer(digits)) return replacement() + candidate.slice(end);
    }
    return candidate;
  });
}

// ---------------------------------------------------------------------------------------------
// Phone numbers

const PHONE_SPAN_RE = /(?<![\p{L}\p{N}_])\+?\(?\d(?:\d|[ .\-()\u00A0]{1,3}(?=\(?\d))*/gu;
const DATE_RE = /^(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2})$/;
const DATE_INSIDE_RE = /\d{1,2}[./-]\d{1,2}[./-](?:19|20)\d{2}|(?:19|20)\d{2}-\d{2}-\d{2}/;
const STRONG_MOBILE_RE =
  /^(?:[78]9\d{9}|[67]\d{8}|0[67]\d{8}|[1-9]{2}9\d{8}|55[1-9]{2}9\d{8}|3519\d{8}|9[1236]\d{7}|52\d{10}|1\d{10})$/;

function isPhone(span: string, before: string): boolean {
  const digits = span.replace(/\D/g, '');
  const hasPlus = span.startsWith('+');
  if (!hasPlus && isOrderContext(before)) return false;
  if (DATE_RE.test(span) || DATE_INSIDE_RE.test(span)) return false;
  const labelled = PHONE_LABEL_RE.test(contextWindow(before, 40));
  if (hasPlus) return digits.length >= 8 && digits.length <= 15;
  const hasSeparator = /[ .\-()\u00A0]/.test(span);
  if (labelled) return digits.length >= 7 && digits.length <= 15;
  if (hasSeparator) {
    if (digits.length < 9 || digits.length > 13) return false;
    const groups = span.split(/\D+/).filter((g) => g.length > 0);
    // "36 37 38 39 40" is a list of sizes, "06 12 34 56 78" a French number.
    if (groups.every((g) => g.length <= 2) && !digits.startsWith('0')) return false;
    return true;
  }
  return digits.length >= 9 && digits.length <= 13 && STRONG_MOBILE_RE.test(digits);
}

/** Replaces phone numbers: with a label or a plus, or shaped like a mobile, never a date or an order. */
export function redactPhones(text: string, replacement: () => string): string {
  return text.replace(PHONE_SPAN_RE, (span, offset: number, whole: string) => {
    const trimmed = span.replace(/(?<![ .\-()\u00A0])[ .\-()\u00A0]+$/, '');
    const tail = span.slice(trimmed.length);
    const before = whole.slice(0, offset);
    if (isPhone(trimmed, before)) return replacement() + tail;
    if (!/\s/.test(trimmed)) return span;
    // A span can join a phone with neighbouring numbers ("order 812... 612 345 678"): try the pieces.
    // Each piece sees the text before it through a bounded window (the context checks read at most
    // 48 characters), so a span of thousands of pieces stays linear.
    let result = '';
    let at = offset;
    for (const piece of trimmed.split(/(\s+)/)) {
      if (/^\s+$/.test(piece) || piece.length === 0) {
        result += piece;
      } else {
        const clean = piece.replace(/^[(.-]+|(?<![).-])[).-]+$/g, '');
        result +=
          clean.length > 0 && isPhone(clean, whole.slice(Math.max(0, at - CONTEXT_WINDOW), at))
            ? replacement()
            : piece;
      }
      at += piece.length;
    }
    return result + tail;
  });
}
