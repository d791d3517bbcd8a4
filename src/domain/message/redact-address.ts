/** Address detection: labelled addresses and street patterns of the five languages. */
import { END, START } from './redact-context.js';

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

/** Replaces labelled addresses and street addresses (those need a digit, unless labelled). */
export function redactAddresses(text: string, replacement: () => string, digits: boolean): string {
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
