/**
 * PII redaction for buyer messages before they are stored, shown to models or logged.
 *
 * Pure: regular expressions and checksums only. Order and tracking numbers are deliberately
 * kept (the bot and the seller need them), so every numeric detector checks its context first.
 */

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
// Shared pieces

const START = '(?<![\\p{L}\\p{N}_])';
const END = '(?![\\p{L}\\p{N}_])';

const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>"']+/giu;
const URL_HINT_RE = /https?:\/\/|www\./i;
const EMAIL_RE = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

/** UPU S10 (RB123456789CN) and carrier ids such as LP00123456789012 or YT2312345678901234. */
const TRACKING_RE = new RegExp(
  `${START}(?:[A-Z]{2}\\d{9}[A-Z]{2}|[A-Z]{2,4}\\d{8,26}[A-Z]{0,3})${END}`,
  'giu',
);

const ORDER_LABEL =
  '(?:orders?|pedidos?|orden|compra|commande|cmd|заказ\\p{L}*|encomenda|transaction|transacci[oó]n|' +
  'transa[cç][aã]o|tracking|track|rastreio|rastreamento|seguimiento|suivi|трек\\p{L}*|' +
  'отслеживани\\p{L}*|gu[ií]a|parcel|package|paquete|colis|посылк\\p{L}*|#|№)';
/**
 * Words between a label and its number ("order no. 123", "pedido número de seguimiento 123").
 * Linear on any input: the alternatives are disjoint (no two read the same word: "no" once, not
 * also as `n[º°o]`) and the run is bounded, so "order no no no …" cannot fork 2^n ways.
 */
const ORDER_FILLER =
  '(?:\\s*(?:number|num|no|nr|n[º°]|n(?:úmero|um[ée]ro)|номер|id|code|c[oó]digo|de|del|du|do|da|of|' +
  'the|is|es|est|é|:|#|№|-|\\.)){0,6}\\s*';

const ORDER_LABELLED_RE = new RegExp(
  `(${START}${ORDER_LABEL}${ORDER_FILLER})(\\d{4}(?:[ -]\\d{4}){2,5}|\\d{6,25})${END}`,
  'giu',
);

/** True when the text just before a number names it as an order or tracking id. */
const ORDER_CONTEXT_RE = new RegExp(`${START}${ORDER_LABEL}${ORDER_FILLER}$`, 'iu');

/** How much text before a number the context checks read (ORDER_CONTEXT_RE 48, PHONE_LABEL_RE 40). */
const CONTEXT_WINDOW = 64;

/**
 * The last `size` characters of `before`, cut after its last digit: no label or filler word
 * contains a digit, so a context match lies wholly after it. Between the pieces of a long number
 * ("1 1 1 1 …") that leaves a few spaces, not 48 characters, for the anchored patterns to scan.
 */
function contextWindow(before: string, size: number): string {
  const window = before.slice(-size);
  for (let i = window.length - 1; i >= 0; i--) {
    const code = window.charCodeAt(i);
    if (code >= 0x30 && code <= 0x39) return window.slice(i + 1);
  }
  return window;
}

function isOrderContext(before: string): boolean {
  return ORDER_CONTEXT_RE.test(contextWindow(before, 48));
}

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

function redactIbans(text: string, replacement: () => string): string {
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

function redactIds(text: string, replacement: () => string): string {
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

function redactCards(text: string, replacement: () => string): string {
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

function redactPhones(text: string, replacement: () => string): string {
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

// ---------------------------------------------------------------------------------------------
// Addresses

const ADDRESS_LABEL =
  '(?:(?:my|mi|mon|ma|meu|minha|мой|new|nueva|nouvelle|nova|новый|shipping|delivery|home)\\s+)*' +
  '(?:address|addr|direcci[oó]n(?:\\s+de\\s+(?:env[ií]o|entrega|casa))?|domicilio|adresse(?:\\s+de\\s+livraison)?|' +
  'адрес(?:\\s+доставки)?|endere[cç]o(?:\\s+de\\s+entrega)?|morada)';
const LABELLED_ADDRESS_RE = new RegExp(
  `(?<!(?:e-?mail|correo|courriel|ip|web)\\s{0,3})(${START}${ADDRESS_LABEL}(?!\\s*(?:e-?mail|mail|[ée]lectronique|de\\s+correo|de\\s+e-?mail|do\\s+e-?mail|электронн|почт|ip|web))` +
    '\\s*(?:[:：]|-|—|is|es|est|é)\\s*)(\\S[^\\n]*)',
  'giu',
);

/** Makes the literal letters of a regex source case-insensitive without the `i` flag (which would
 * also make `\p{Lu}` match lowercase letters). */
function ci(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i] ?? '';
    if (ch === '\\') {
      out += ch + (source[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === '[') inClass = true;
    if (ch === ']') inClass = false;
    const lower = ch.toLowerCase();
    const upper = ch.toUpperCase();
    if (lower === upper) out += ch;
    else if (inClass) out += lower + upper;
    else out += `[${lower}${upper}]`;
  }
  return out;
}

const CONNECTORS = ci(
  "(?:(?:de\\s+la|del|de|du|des|da|do|dos|das|la|le|les|el|los|las)\\s+|(?:de\\s+)?[dl]'\\s?)",
);
/**
 * A street name: a first word, then only capitalised words (optionally after a connector), at most
 * eight. "De" can be a connector or a word, so "rue De De De …" has many readings: the bound keeps
 * the readings tried at one place constant, which keeps the whole scan linear.
 */
const STREET_NAME = `(?:${CONNECTORS})?(?:\\d{1,3}[A-Za-z]?(?=\\s)|\\p{L}[\\p{L}'.-]{0,40})(?:\\s+(?:${CONNECTORS})?(?:\\p{Lu}[\\p{L}'.-]{0,40}|\\d{1,3}(?=\\s+\\p{Lu}))){0,7}`;
const STREET_NAME_CAP = `(?:${CONNECTORS})?\\p{Lu}[\\p{L}'.-]{0,40}(?:\\s+(?:${CONNECTORS})?\\p{Lu}[\\p{L}'.-]{0,40}){0,7}`;
const HOUSE_NUMBER = `\\d{1,5}[A-Za-z]?(?:\\s*[-#/]\\s*\\d{1,4}){0,2}`;
const NUMBER_MARK = ci('(?:n[º°o]?\\.?|#|n[úu]mero|num\\.?)?');
const UNIT = `(?:\\s{0,4}(?:[,-]\\s{0,4})?${ci(
  '(?:apt|apartment|unit|suite|ste|piso|puerta|depto|dpto|departamento|apto|apartamento|ap|int|interior|' +
    'esc|bloco|bl|casa|sala|andar|lote|[ée]tage|appt|app|b[âa]t|bis|ter|кв|квартира|корп|корпус|стр|строение|оф|офис|#)',
)}(?:\\.|(?=[\\s\\d#°º-]))\\s{0,4}[\\p{L}\\d°º-]{1,6}){0,3}`;

const STREET_STOPWORDS = new Set([
  'of',
  'the',
  'an',
  'and',
  'or',
  'by',
  'for',
  'to',
  'in',
  'on',
  'at',
  'my',
  'your',
  'it',
  'them',
  'pcs',
  'pieces',
  'items',
  'days',
  'weeks',
  'months',
  'times',
  'more',
  'than',
  'hace',
  'desde',
  'por',
  'para',
  'que',
  'en',
  'con',
  'mas',
  'más',
  'dias',
  'días',
  'semanas',
  'meses',
  'ya',
  'no',
  'es',
  'está',
  'esta',
  'há',
  'ha',
  'faz',
  'depuis',
  'il',
  'jours',
  'semaines',
  'mois',
  'et',
  'est',
  'pas',
  'não',
  'nao',
  'já',
  'com',
  'sem',
  'mais',
  'semana',
  'mes',
  'mês',
  'dia',
  'day',
  'week',
  'month',
  'ago',
  'still',
  'yet',
]);

function nameIsPlausible(match: string): boolean {
  const words = match
    .toLowerCase()
    .replace(/[\d,#.\-/°º]+/g, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 1);
  return words.every((w) => !STREET_STOPWORDS.has(w));
}

const STREET_RES: readonly RegExp[] = [
  // 123 Main St / 45 W. Elm Avenue, Apt 4
  new RegExp(
    `${START}\\d{1,5}[A-Za-z]?\\s+(?:(?:N|S|E|W|North|South|East|West)\\.?\\s+)?(?:\\p{Lu}[\\p{L}'.-]{0,40}\\s+){1,3}` +
      `(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Highway|Hwy|Parkway|Pkwy|Circle|Cir|Square|Sq)\\.?${END}(?:\\s+(?:NW|NE|SW|SE|N|S|E|W)\\.?${END})?${UNIT}`,
    'gu',
  ),
  // 10 rue de Rivoli / 5 bis avenue Victor Hugo
  new RegExp(
    `${START}\\d{1,4}(?:\\s?(?:bis|ter))?,?\\s+${ci('(?:rue|avenue|av\\.|boulevard|bd|bvd|all[ée]e|impasse|chemin|place|quai|route|cours|square|passage|r[ée]sidence|voie)')}\\s+${STREET_NAME}${UNIT}`,
    'gu',
  ),
  // rue de Rivoli 10
  new RegExp(
    `${START}${ci('(?:rue|avenue|boulevard|all[ée]e|impasse|quai)')}\\s+${STREET_NAME},?\\s+\\d{1,4}(?:\\s?(?:bis|ter))?${END}${UNIT}`,
    'gu',
  ),
  // Calle Mayor 5 / Av. Corrientes 1234 / Calle 45 # 12-34 / Rua Augusta, 100 / Avenida Paulista, nº 1000
  new RegExp(
    `${START}${ci('(?:calle|c/|avenida|avda\\.?|av\\.|jir[oó]n|jr\\.|pasaje|psje\\.?|carrera|cra\\.?|diagonal|transversal|calzada|bulevar|ronda|traves[ií]a|rua|r\\.|travessa|tv\\.|alameda|rodovia)')}\\s{0,4}${STREET_NAME},?\\s{0,4}${NUMBER_MARK}\\s{0,4}${HOUSE_NUMBER}${END}${UNIT}`,
    'gu',
  ),
  // Plaza Mayor 3 / Praça da Sé 12: ambiguous words, so the name must be capitalised.
  new RegExp(
    `${START}${ci('(?:paseo|plaza|camino|carretera|callej[oó]n|privada|cerrada|pra[çc]a|estrada|largo|beco)')}\\s+${STREET_NAME_CAP},?\\s{0,4}${NUMBER_MARK}\\s{0,4}${HOUSE_NUMBER}${END}${UNIT}`,
    'gu',
  ),
  // ул. Ленина, д. 5, кв. 12 / проспект Мира 10
  new RegExp(
    `(?:${START}(?:г\\.|город)\\s{0,4}\\p{Lu}[\\p{L}-]{0,40},?\\s{0,4})?${START}${ci('(?:ул\\.?|улица|пр\\.|пр-т|просп\\.?|проспект|пер\\.|переулок|ш\\.|шоссе|б-р|бульвар|наб\\.?|набережная|пл\\.|площадь|мкр\\.?|микрорайон|проезд|тупик)')}\\s{0,4}` +
      `\\p{L}[\\p{L}.-]{0,40}(?:\\s+\\p{L}[\\p{L}.-]{0,40}){0,2},?\\s{0,4}(?:(?:д\\.|дом)\\s{0,4})?\\d{1,4}[а-яА-Я]?(?:\\s{0,4}[-/]\\s{0,4}\\d{1,4})?(?:\\s{0,4}[,/]?\\s{0,4}(?:к\\.|корп\\.?|корпус|стр\\.?|строение)\\s{0,4}\\d+)?` +
      '(?:\\s{0,4},?\\s{0,4}(?:кв\\.?|квартира|оф\\.?|офис)\\s{0,4}\\d+)?',
    'gu',
  ),
  // 123 main st (lowercase, only with unambiguous street words)
  new RegExp(
    `${START}\\d{1,5}[a-z]?\\s+(?:[a-z][a-z'.-]{0,40}\\s+){1,3}(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive)\\.?${END}${UNIT}`,
    'gu',
  ),
];

/** Where a labelled address stops: before an order/tracking label or a protected tracking number. */
const ADDRESS_STOP_RE = new RegExp(
  `(?:[.,;!?]|(?<![\\s.,;!?]))\\s+(?=\uE000|(?:orders?|pedidos?|orden|compra|commande|cmd|заказ\\p{L}*|encomenda|tracking|track|` +
    `rastreio|rastreamento|seguimiento|suivi|трек\\p{L}*|gu[ií]a|parcel|package|paquete|colis|посылк\\p{L}*)${END})`,
  'iu',
);

function redactAddresses(text: string, replacement: () => string, digits: boolean): string {
  let out = text.replace(LABELLED_ADDRESS_RE, (match, label: string, rest: string) => {
    // The address ends where the buyer moves on to an order or tracking number.
    const stop = rest.search(ADDRESS_STOP_RE);
    const value = stop < 0 ? rest : rest.slice(0, stop);
    const tail = stop < 0 ? '' : rest.slice(stop);
    const verbSeparator = /(?:is|es|est|é)\s*$/iu.test(label);
    const meaningful = value.replace(/\[[a-z_]+\]/g, '').replace(/[^\p{L}\p{N}]/gu, '');
    if (meaningful.length < 3) return match;
    if (verbSeparator && !/\d/.test(value)) return match;
    return label + replacement() + tail;
  });
  // Every street pattern ends in (or starts with) a house number.
  if (!digits) return out;
  for (const re of STREET_RES) {
    out = out.replace(re, (match) => (nameIsPlausible(match) ? replacement() : match));
  }
  return out;
}
