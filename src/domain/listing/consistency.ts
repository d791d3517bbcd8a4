import type { Language } from '../types.js';
import { numberWords } from './number-words.js';
import { firstAtLeast, overlaps } from './text.js';
import type { Issue, ListingField, ListingVersion } from './types.js';

/** A measured value found in one language version: a number with a unit, a size or a pack count. */
export interface Quantity {
  lang: Language;
  field: ListingField;
  /** What is measured: `length`, `mass`, `inch`, `count`, `size:EU`... */
  dimension: string;
  /** The value in the dimension's base unit (mm, g, ml, W, minutes...), rounded. */
  value: number;
  /** The unit as written, to phrase a suggestion in the same form. */
  unit: string;
  /** Factor from `unit` to the base unit. */
  factor: number;
  span: [number, number];
  /** Converted from another unit system (inches): compared with a tolerance. */
  approx?: boolean;
  /**
   * A number before a noun ("36 LEDs", "1500 листов"): a count of things, compared with the pack
   * counts ("1000 pcs") of the other versions, but only reported when it replaces one of theirs.
   */
  loose?: boolean;
  /** A count spelt out inside a sentence ("with two hands"): evidence of the others' counts, never reported. */
  inside?: boolean;
  /** A factor of two counts multiplied ("10 sheets x 100 rings", "10 конвертов по 10 шт"): their product. */
  product?: number;
}

interface UnitDef {
  re: RegExp;
  dimension: string;
  factor: number;
}

/** Cubic metres per hour in one cubic foot per minute. */
const CFM_IN_M3H = 1.699;

/** Inches and cubic feet per minute: converted values, compared with a tolerance. */
const IMPERIAL_FACTORS: ReadonlySet<number> = new Set([25.4, CFM_IN_M3H]);

/**
 * Imperial units other than inches are no things counted ("13,6 kg (30 lbs)" counts nothing), and
 * are not compared either: pounds and ounces are masses, fluid volumes, line strengths or glove
 * sizes, converted by each version its own way (reading pounds as masses cost blind-5 one false
 * positive, figures only).
 */
const IMPERIAL_UNIT_WORDS =
  /^(?:lbs?|pounds?|libras?|livres?|фунт\p{L}*|oz|ounces?|onzas?|onces?|onças?|унци\p{L}*|ft|feet|foot|pies|pés|pieds|фут\p{L}*|yds?|yards?|mph|psi|gal|gallons?)$/iu;

/** Unit words after a number; case-sensitive where a letter means two things (5G network vs 5 g). */
const UNITS: readonly UnitDef[] = [
  { re: /^(?:mm|мм)$/u, dimension: 'length', factor: 1 },
  { re: /^(?:cm|см)$/u, dimension: 'length', factor: 10 },
  { re: /^(?:m|м|metros?|mètres?|meters?|metres?|метр(?:а|ов)?)$/u, dimension: 'length', factor: 1000 },
  { re: /^(?:km|км)$/u, dimension: 'length', factor: 1_000_000 },
  { re: /^(?:mg|мг)$/u, dimension: 'mass', factor: 0.001 },
  { re: /^(?:g|г|gr|gramos?|grammes?|grams?|gramas?|грамм(?:а|ов)?)$/u, dimension: 'mass', factor: 1 },
  { re: /^(?:kg|кг|kilos?|quilos?)$/u, dimension: 'mass', factor: 1000 },
  { re: /^(?:ml|мл|mL)$/u, dimension: 'volume', factor: 1 },
  { re: /^(?:cl)$/u, dimension: 'volume', factor: 10 },
  { re: /^(?:l|L|л|litros?|litres?|liters?|литр(?:а|ов)?)$/u, dimension: 'volume', factor: 1000 },
  { re: /^(?:W|Вт)$/u, dimension: 'power', factor: 1 },
  // Force: breaking strength of carabiners, slings and straps ("22 kN", "22 кН").
  { re: /^(?:kN|кН)$/u, dimension: 'force', factor: 1000 },
  { re: /^(?:daN|даН)$/u, dimension: 'force', factor: 10 },
  { re: /^(?:kW|кВт)$/u, dimension: 'power', factor: 1000 },
  { re: /^(?:V|В)$/u, dimension: 'voltage', factor: 1 },
  // Current: breakers, chargers, jump starters ("16 A", "6 kA", "2000 А"); upper case only (the
  // range word "a" is Spanish and Portuguese), and never a range in capitals ("DE 5 A 10 KG").
  { re: /^(?:A|А)$/u, dimension: 'current', factor: 1 },
  { re: /^(?:mA|мА)$/u, dimension: 'current', factor: 0.001 },
  { re: /^(?:kA|кА)$/u, dimension: 'current', factor: 1000 },
  // Force in newtons: fencing masks, load cells, clamps ("1600 N", "350 Н").
  { re: /^(?:N|Н)$/u, dimension: 'force', factor: 1 },
  // Optical power of reading glasses and lenses ("+3.5 dioptres", "+4,0 dioptrias").
  {
    re: /^(?:dioptres?|diopters?|dioptries?|dioptrías?|dioptrias?|диоптри\p{L}*|dpt)$/iu,
    dimension: 'optical power',
    factor: 1,
  },
  { re: /^(?:mAh|мАч|mah|MAH)$/u, dimension: 'charge', factor: 1 },
  { re: /^(?:Wh|Втч)$/u, dimension: 'energy', factor: 1 },
  { re: /^(?:Hz|Гц)$/u, dimension: 'frequency', factor: 1 },
  { re: /^(?:GHz|ГГц)$/u, dimension: 'frequency', factor: 1e9 },
  // French writes octets: Mo, Go, To ("8 Go de RAM"); megabytes also measure transfer rates (MB/s).
  { re: /^(?:MB|Мб|МБ|Mo)$/u, dimension: 'storage', factor: 0.001 },
  { re: /^(?:GB|Гб|ГБ|Go)$/u, dimension: 'storage', factor: 1 },
  { re: /^(?:TB|Тб|ТБ|To)$/u, dimension: 'storage', factor: 1000 },
  { re: /^(?:°C|ºC|°С)$/u, dimension: 'temperature', factor: 1 },
  // Pressure in kPa: tyre inflators, pumps, pressure washers ("10,3 bar", "250 кПа").
  { re: /^(?:bar|бар)$/u, dimension: 'pressure', factor: 100 },
  { re: /^(?:kPa|кПа)$/u, dimension: 'pressure', factor: 1 },
  { re: /^(?:MPa|МПа)$/u, dimension: 'pressure', factor: 1000 },
  { re: /^%$/u, dimension: 'percent', factor: 1 },
  // Tempo of metronomes and drum machines ("40–208 BPM").
  { re: /^(?:BPM|bpm)$/u, dimension: 'tempo', factor: 1 },
  // Air flow of fans, fog machines and extractors, in m³/h; cubic feet per minute are converted.
  { re: /^(?:m³\/h|м³\/ч)$/u, dimension: 'flow', factor: 1 },
  { re: /^(?:m³\/min|м³\/мин)$/u, dimension: 'flow', factor: 60 },
  { re: /^(?:CFM|cfm)$/u, dimension: 'flow', factor: CFM_IN_M3H },
  // Rotation speed of motors, turntables, drills ("7000 rpm", "7000 tr/min", "33 об/мин").
  { re: /^(?:rpm|RPM|r\/min|tr\/min|U\/min|об\/мин)$/u, dimension: 'rotation', factor: 1 },
  // Acidity of testers, soils and aquariums ("±0.05 pH").
  { re: /^pH$/u, dimension: 'pH', factor: 1 },
  // Inches are lengths: "17,3 дюйма" and "44 cm" state the same size (compared with a tolerance).
  {
    re: /^(?:"|″|inch(?:es)?|pulgadas?|pouces?|polegadas?|дюйм(?:а|ов)?)$/iu,
    dimension: 'length',
    factor: 25.4,
  },
  // Seconds on their own: "90 s" beside "1,5 min" is left alone rather than compared in minutes.
  { re: /^(?:s|secs?|seconds?|segundos?|secondes?|сек|секунд[аы]?)$/u, dimension: 'seconds', factor: 1 },
  { re: /^(?:min|mins|minutes?|minutos?|минут[аы]?|мин)$/iu, dimension: 'duration', factor: 1 },
  { re: /^(?:h|hrs?|hours?|horas?|heures?|час(?:а|ов)?|ч)$/iu, dimension: 'duration', factor: 60 },
  { re: /^(?:days?|días?|dias?|jours?|дн(?:ей|я)|день)$/iu, dimension: 'duration', factor: 1440 },
  { re: /^(?:months?|meses|mes|mois|месяц(?:а|ев)?)$/iu, dimension: 'months', factor: 1 },
  { re: /^(?:years?|años?|anos?|ans?|год(?:а)?|лет)$/iu, dimension: 'years', factor: 1 },
  {
    re: /^(?:pcs|pc|pieces?|pzas?|piezas?|uds?|unidades?|pièces?|pcs\.|шт|штук[аи]?|peças?|pares|pairs?|paires?|пар[ы]?)$/iu,
    dimension: 'count',
    factor: 1,
  },
];

/**
 * A number, with thousands grouped by spaces ("10 000") unless another number stands just before
 * it: "10 25 50 100 250 ml" lists five sizes, it is no 50,100,250 ml.
 */
const NUMBER = String.raw`(?<!\d[\u00a0\u202f ])\d{1,3}(?:[\u00a0\u202f ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?`;
const UNIT_WORD = String.raw`°C|ºC|°С|%|"|″|r/min|tr/min|U/min|об/мин|m³/min|m³/h|м³/мин|м³/ч|[\p{L}]+`;
/** Every number of a dimension chain; starts at a digit run's start only. */
const NUMBER_RE = new RegExp(`(?<!\\d)(?:${NUMBER})`, 'g');
/** number (x number){0,2} [unit]: dimension chains share the unit that ends them. */
const MEASURE_RE = new RegExp(
  String.raw`(?<![\p{L}\d.,])(${NUMBER})((?:\s?(?:x|×|х|\*|-|–|a|à|до|to)\s?(?:${NUMBER})){0,2})\s?(${UNIT_WORD})(?![\p{L}\d])`,
  'gu',
);
/** The minutes after an hour value: " 30", " 30 min", " 30 мин" (not " 30 cm", not a decimal). */
const HOURS_MINUTES_RE = /^[^\S\n]?([0-5]\d)(?:[^\S\n]?(?:min|мин)(?!\p{L})|(?![^\S\n]?[\d\p{L}%°"]))/u;

/** "pack of 3", "set de 2", "lot de 4", "набор из 3", "kit com 2". */
const PACK_RE =
  /(?<![\p{L}])(?:pack|set|lot|kit|paquete|juego|conjunto|набор|комплект|упаковка|pacote|conjunto)\s(?:of|de|com|из|c|с)\s(\d{1,3})(?![\d\p{L}])/giu;
const SIZE_RE = /(?<![\p{L}])(EU|EUR|US|UK|BR)\s?(\d{1,2}(?:[.,]5)?)(?![\d\p{L}])/gu;
/** Gear ratios of reels and gearboxes: "5.2:1", "5,2:1" (not "16:9", not a time "10:15"). */
const RATIO_RE = /(?<![\d.,:])(\d{1,2}(?:[.,]\d{1,2})?)\s?:\s?1(?![\d:]|[.,]\d)/gu;
/**
 * Scales of models and maps: "1:12", "escala 1:24", "1:50 000" (never "1:1", a replica's claim),
 * with a word for scale or model close by: "1:30" alone is a time.
 */
const SCALE_RE = /(?<![\d.,:])1\s?:\s?(\d{2,3}(?:[\u00a0\u202f ]?\d{3})?)(?![\d:]|[.,]\d)/gu;
/** A fraction of a second: switching times and shutter speeds ("1/25,000 s", "1/2.500 s"). */
const SECOND_FRACTION_RE =
  /(?<![\d.,/])1\/(\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+|\d{1,6})\s?(?:s|sec|seg|сек)(?![\p{L}\d])/gu;
const SCALE_WORD_RE = /scale|escala|[ée]chelle|масштаб|maquette|modelo?|модел|miniatur|миниатюр/iu;
/** Characters before and after a scale searched for its word. */
const SCALE_WORD_WINDOW = 30;
/** Angles in degrees: "170°", "0-90 °" (not a temperature, "40 °C"). */
const ANGLE_RE = /(?<![\d.,])(\d{1,3}(?:[.,]\d)?)\s?°(?![CFСcf\d])/gu;
/**
 * Inches written as a fraction, the trade's way for tools, fittings and strings: 5/8", 11/16 inch,
 * 5/16-inch, 1-1/2", 1 1/2 pouce. One value (5/8" is 15.9 mm), never "8 inches".
 */
const FRACTION_INCH_RE =
  /(?<![\p{L}\d.,/])(?:(\d{1,2})[ -])?(\d{1,2})\/(\d{1,2})\s?-?("|″|inch(?:es)?|pulgadas?|pouces?|polegadas?|дюйм(?:а|ов)?)(?![\p{L}\d])/giu;

function parseNumber(raw: string, lang: Language): number {
  const compact = raw.replace(/[\u00a0\u202f ]/g, '');
  // "1.500" (ES/PT) and "1,500" (EN) are thousands; "2,5" and "2.5" decimals.
  const thousands = lang === 'en' ? /^\d{1,3}(?:,\d{3})+$/ : /^\d{1,3}(?:\.\d{3})+$/;
  if (thousands.test(compact)) return Number(compact.replace(/[.,]/g, ''));
  return Number(compact.replace(',', '.'));
}

function unitOf(word: string): UnitDef | undefined {
  const bare = word.replace(/\.$/, '');
  return UNITS.find((u) => u.re.test(bare) || u.re.test(word));
}

/**
 * A count of things: a number before a noun that is not a unit ("36 LEDs", "1500 деталей"). Only
 * plain numbers (no dimension chain) before a word of three letters or more that is not a
 * connective ("2 in 1", "3 en 1").
 */
const CONNECTIVES = new Set(
  'in en em и в x to a à de da do of con com со с por par per para pour for на по из и или or ou o y e et and the la le el los las les with avec without sans sin sem без'.split(
    ' ',
  ),
);
/** Hallmarks of gold and silver fineness ("585 пробы" = 14K): a purity, not a count. */
const HALLMARKS = new Set([
  '375',
  '417',
  '500',
  '585',
  '750',
  '800',
  '830',
  '875',
  '900',
  '916',
  '925',
  '958',
  '999',
]);

/** Words that make a hallmark number a purity: a precious metal or its fineness ("585 пробы", "plata 925"). */
const PRECIOUS_RE =
  /(?<![\p{L}])(?:gold|golden|silver|sterling|plata|oro|argent|plaqué or|or (?:jaune|blanc|rose)|prata|ouro|золот\p{L}*|серебр\p{L}*|проб[аыу]|quilates|carats?|karat|kt)(?![\p{L}])/iu;

/** "per", "por", "par", "pro", "на" before a unit or noun: what precedes is a rate. */
const PER_RE = /^\s(?:per|por|par|pro|на)\s\p{L}/iu;

function itemsOf(
  word: string,
  chain: string,
  number: string,
  precious: () => boolean,
  after: string,
): UnitDef | undefined {
  if (HALLMARKS.has(number) && precious()) return undefined;
  // A count of things is a whole number: "Bluetooth 5.3 earbuds" counts no earbuds.
  if (!/^\d+$/.test(number)) return undefined;
  if (chain.length > 0 || [...word].length < 3 || CONNECTIVES.has(word.toLowerCase())) return undefined;
  if (!/^\p{L}+$/u.test(word) || IMPERIAL_UNIT_WORDS.test(word)) return undefined;
  // A rate ("40 вёрст/ч", "40 gotas/min", "61 links per foot", "200 maillons par mètre") counts nothing.
  if (/^\/\p{L}/u.test(after) || PER_RE.test(after)) return undefined;
  return { re: /$^/, dimension: 'count', factor: 1 };
}

/**
 * A number that ends a name ("Wi-Fi 6 Router", "iPhone 15 Case", "PS5 2 controllers" is not): the
 * word just before it has a hyphen, a digit, inner capitals or is an acronym.
 */
function partOfName(text: string, start: number): boolean {
  // A model code: letters, a hyphen, the number ("W-25 Bike Computer" counts no bikes).
  // (Or a thread after its size: '1/4"-20' is a quarter-inch screw with 20 threads per inch.)
  if (text[start - 1] === '-' && /[\p{L}"″]/u.test(text[start - 2] ?? '')) return true;
  if (text[start - 1] !== ' ') return false;
  const head = text.slice(Math.max(0, start - 25), start - 1);
  const before = head.slice(Math.max(head.lastIndexOf(' '), head.lastIndexOf('\n')) + 1);
  // A comma ends the name: "VeloMeter W-25, 21 функция" counts functions.
  if (/[,;:]$/u.test(before)) return false;
  return before.length > 0 && /^\p{L}/u.test(before) && /[-\d]|\p{Ll}\p{Lu}|^\p{Lu}{2,}$/u.test(before);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** Numbers with units, dimension chains, shoe sizes and pack counts in one field. */
export function extractQuantities(text: string, lang: Language, field: ListingField): Quantity[] {
  const found: Quantity[] = [];
  let preciousText: boolean | undefined;
  const precious = () => {
    preciousText ??= PRECIOUS_RE.test(text);
    return preciousText;
  };
  const fractions: Array<[number, number]> = [];
  for (const match of text.matchAll(FRACTION_INCH_RE)) {
    const start = match.index ?? 0;
    const denominator = Number(match[3]);
    if (denominator === 0) continue;
    const inches = Number(match[1] ?? 0) + Number(match[2]) / denominator;
    const span: [number, number] = [start, start + match[0].length];
    fractions.push(span);
    found.push({
      lang,
      field,
      dimension: 'length',
      value: round(inches * 25.4),
      unit: match[4]!,
      factor: 25.4,
      span,
      approx: true,
    });
  }
  // The end of an "hours and minutes" value read whole ("1 h 30", "1 ч 30 мин").
  let consumed = 0;
  for (const match of text.matchAll(MEASURE_RE)) {
    const unitWord = match[3]!;
    const known = unitOf(unitWord);
    const start = match.index ?? 0;
    if (start < consumed) continue;
    const after = text.slice(start + match[0].length, start + match[0].length + 6);
    // The denominator of a fraction of an inch ("5/8\"") is no value of its own.
    if (overlaps(start, start + match[0].length, fractions)) continue;
    // Hours and minutes: "1 h 30" (French), "1 h 30 min", "1 ч 30 мин" are 90 minutes.
    const end = start + match[0].length;
    const minutes =
      known?.factor === 60 && !match[2] ? HOURS_MINUTES_RE.exec(text.slice(end, end + 10)) : null;
    if (minutes) {
      consumed = end + minutes[0].length;
      found.push({
        lang,
        field,
        dimension: 'duration',
        value: round(parseNumber(match[1]!, lang) * 60 + Number(minutes[1])),
        unit: 'min',
        factor: 1,
        span: [start, consumed],
      });
      continue;
    }
    // "5 A 10" in capitals is a range, not five amperes.
    if (known?.dimension === 'current' && /^\s?\d/.test(after)) continue;
    // "1/2.500 s" is a fraction of a second, read on its own below.
    if (known?.dimension === 'seconds' && text.slice(Math.max(0, start - 2), start) === '1/') continue;
    const unit =
      known ??
      (partOfName(text, start) ? undefined : itemsOf(unitWord, match[2] ?? '', match[1]!, precious, after));
    if (!unit) continue;
    const numbers = [match[1]!, ...(match[2]?.match(NUMBER_RE) ?? [])];
    let offset = start;
    for (const raw of numbers) {
      const at = text.indexOf(raw, offset);
      offset = at + raw.length;
      found.push({
        lang,
        field,
        dimension: unit.dimension,
        value: round(parseNumber(raw, lang) * unit.factor),
        unit: unitWord,
        factor: unit.factor,
        span: [at, start + match[0].length],
        ...(IMPERIAL_FACTORS.has(unit.factor) ? { approx: true } : {}),
        ...(known ? {} : { loose: true }),
      });
    }
  }
  multipliedCounts(text, found);
  const measured = found.map((q) => q.span);
  // Counts spelt out ("Twenty-five slides", "veinte preparaciones"), compared as loose counts.
  for (const n of numberWords(text, lang)) {
    if (overlaps(n.start, n.end, measured)) continue;
    const noun = /^\s(\p{L}+)/u.exec(text.slice(n.end, n.end + 40))?.[1] ?? '';
    if (CONNECTIVES.has(noun.toLowerCase())) continue;
    found.push({
      lang,
      field,
      dimension: 'count',
      value: n.value,
      unit: '',
      factor: 1,
      span: [n.start, n.end + 1 + noun.length],
      loose: true,
      ...(n.opening ? {} : { inside: true }),
    });
  }
  for (const match of text.matchAll(PACK_RE)) {
    const start = match.index ?? 0;
    // "набор из 4 штук": the count is already measured ("4 штук").
    if (overlaps(start, start + match[0].length, measured)) continue;
    found.push({
      lang,
      field,
      dimension: 'count',
      value: Number(match[1]),
      unit: '',
      factor: 1,
      span: [start, start + match[0].length],
    });
  }
  // Gear ratios and angles are compared like measures: one reel's 5.2:1 is another version's 4.7:1.
  for (const [re, dimension] of [
    [RATIO_RE, 'ratio'],
    [ANGLE_RE, 'angle'],
    [SCALE_RE, 'scale'],
    [SECOND_FRACTION_RE, 'fraction of a second'],
  ] as const) {
    for (const match of text.matchAll(re)) {
      const start = match.index ?? 0;
      if (dimension === 'scale') {
        const end = start + match[0].length;
        const near = text.slice(Math.max(0, start - SCALE_WORD_WINDOW), end + SCALE_WORD_WINDOW);
        if (!SCALE_WORD_RE.test(near)) continue;
      }
      found.push({
        lang,
        field,
        dimension,
        value: round(parseNumber(match[1]!, lang)),
        unit: dimension === 'angle' ? '°' : dimension === 'scale' ? '1:' : dimension === 'ratio' ? ':1' : 's',
        factor: 1,
        span: [start, start + match[0].length],
      });
    }
  }
  for (const match of text.matchAll(SIZE_RE)) {
    const start = match.index ?? 0;
    const system = match[1] === 'EUR' ? 'EU' : match[1]!;
    found.push({
      lang,
      field,
      dimension: `size:${system}`,
      value: Number(match[2]!.replace(',', '.')),
      unit: system,
      factor: 1,
      span: [start, start + match[0].length],
    });
  }
  return found;
}

/**
 * What joins the two counts of a product: "10 sheets x 100 rings", "4 bolsas × 50 uds", "10
 * конвертов по 10 шт", "10 sobres de 10 tiras", "10 cards of 10 strips", "10 envelopes com 10 tiras".
 */
const TIMES_RE = /^(?:[^\S\n]?[x×*][^\S\n]?|[^\S\n](?:по|de|of|com|con|à)[^\S\n])$/u;

/**
 * Two counts multiplied ("10 sheets x 100 rings") may state their product (the others' "1000
 * œillets"): each factor keeps the product, and is not reported where the others count it. (A
 * gauge, "22 stitches × 28 rows", multiplies nothing: its counts are compared as they are.)
 */
function multipliedCounts(text: string, found: readonly Quantity[]): void {
  const counts = found.filter((q) => q.dimension === 'count').sort((a, b) => a.span[0] - b.span[0]);
  for (let i = 0; i + 1 < counts.length; i++) {
    const a = counts[i]!;
    const b = counts[i + 1]!;
    if (
      b.span[0] < a.span[1] ||
      b.span[0] - a.span[1] > 5 ||
      !TIMES_RE.test(text.slice(a.span[1], b.span[0]))
    )
      continue;
    a.product = a.value * b.value;
    b.product = a.product;
  }
}

/** Share by which a value converted from inches may differ from the metric one it states. */
const SAME_TOLERANCE = 0.02;

/**
 * A value converted from inches matches within 2% ("17,3 дюйма" = "44 cm"), or when it rounds to a
 * whole metric value the other side states (3/8" = 9.5 mm is sold as "10 mm", 1/8" as "3 mm");
 * others exactly.
 */
function sameValue(a: number, b: number, approx: ReadonlySet<number>): boolean {
  if (a === b) return true;
  if (!approx.has(a) && !approx.has(b)) return false;
  if (Math.abs(a - b) <= SAME_TOLERANCE * Math.max(Math.abs(a), Math.abs(b))) return true;
  if (approx.has(a) && approx.has(b)) return false;
  const [converted, metric] = approx.has(a) ? [a, b] : [b, a];
  return Number.isInteger(metric) && Math.round(converted) === metric;
}

/**
 * The distinct values, in the order first written: values that are `same` (equal, or an inch
 * value and its metric equivalent) are one. Sorted once and swept, so thousands of distinct values
 * cost n log n, not n² (each value against every kept one).
 */
function unique(values: readonly number[], same: (a: number, b: number) => boolean): number[] {
  const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]! || a - b);
  const kept: number[] = [];
  let group: { value: number; first: number } | undefined;
  for (const i of order) {
    const v = values[i]!;
    if (group && same(group.value, v)) {
      group.first = Math.min(group.first, i);
      continue;
    }
    if (group) kept.push(group.first);
    group = { value: v, first: i };
  }
  if (group) kept.push(group.first);
  return kept.sort((a, b) => a - b).map((i) => values[i]!);
}

/**
 * Values looked up by `sameValue`: sorted once, each lookup a binary search and a scan of the few
 * values close enough to be the same (within 2%, or rounding to it), so a field of thousands of
 * distinct values costs n log n, not n².
 */
class ValueSet {
  private readonly sorted: number[];
  constructor(
    values: readonly number[],
    private readonly same: (a: number, b: number) => boolean,
  ) {
    this.sorted = [...values].sort((a, b) => a - b);
  }

  /** How many of the values are the same as `v`. */
  count(v: number): number {
    // Every value `sameValue` can match: within the tolerance, or rounding to the same whole number.
    const near = [
      v * (1 - SAME_TOLERANCE),
      v * (1 + SAME_TOLERANCE),
      Math.round(v) - 0.5,
      Math.round(v) + 0.5,
    ];
    const high = Math.max(...near);
    let n = 0;
    for (
      let i = firstAtLeast(this.sorted, Math.min(...near));
      i < this.sorted.length && this.sorted[i]! <= high;
      i++
    )
      if (this.same(this.sorted[i]!, v)) n++;
    return n;
  }

  has(v: number): boolean {
    return this.count(v) > 0;
  }
}

const ANY_NUMBER_RE = /\d+(?:[.,]\d+)*/g;

/** Every number written in a text (parsed as the language writes them). */
function allNumbers(text: string, lang: Language): number[] {
  return [
    ...[...text.matchAll(ANY_NUMBER_RE)].map((m) => parseNumber(m[0], lang)),
    ...numberWords(text, lang).map((n) => n.value),
  ];
}

function formatValue(q: Quantity, base: number): string {
  const value = round(base / q.factor);
  const text = q.lang === 'en' ? String(value) : String(value).replace('.', ',');
  if (q.dimension.startsWith('size:')) return `${q.unit} ${text}`;
  if (q.unit === '') return text;
  if (q.dimension === 'scale') return `1:${text}`;
  if (q.dimension === 'fraction of a second') return `1/${text} s`;
  return /^[%"″°:]/.test(q.unit) ? `${text}${q.unit}` : `${text} ${q.unit}`;
}

/**
 * Counts of things written as a number before a noun ("12 карт" where the others say 8 cards): a
 * version is reported only when it replaces a count the other versions state in the same field
 * (most of them agree on it, this one lacks it), and no other version counts that many of anything
 * or writes that number in the same field as often (counts are often left out, spelt out, or about
 * another thing).
 */
function looseCounts(
  byLang: ReadonlyMap<Language, Quantity[]>,
  numbersOf: ReadonlyMap<Language, Record<ListingField, number[]>>,
): Issue[] {
  const issues: Issue[] = [];
  // Everything but the value itself depends on the version and field only: read once each, so a
  // field of thousands of counts costs linear time.
  const countsIn = new Map<string, number[]>();
  const counts = (l: Language, field: ListingField) => {
    const key = `${l}\u0000${field}`;
    let values = countsIn.get(key);
    if (!values) {
      values = (byLang.get(l) ?? [])
        .filter((x) => x.field === field && x.dimension === 'count')
        .map((x) => x.value);
      countsIn.set(key, values);
    }
    return values;
  };
  const countedBy = new Map(
    [...byLang].map(([l, qs]) => [l, new Set(qs.filter((x) => x.dimension === 'count').map((x) => x.value))]),
  );
  const tally = (values: readonly number[]) => {
    const times = new Map<number, number>();
    for (const v of values) times.set(v, (times.get(v) ?? 0) + 1);
    return times;
  };
  const writtenIn = new Map<string, Map<number, number>>();
  const writtenTimes = (l: Language, field: ListingField, v: number) => {
    const key = `${l}\u0000${field}`;
    let times = writtenIn.get(key);
    if (!times) {
      times = tally(numbersOf.get(l)?.[field] ?? []);
      writtenIn.set(key, times);
    }
    return times.get(v) ?? 0;
  };
  const statedIn = new Map<string, { others: Language[]; stated: number[]; missing: number[] }>();
  const statedOf = (lang: Language, field: ListingField) => {
    const key = `${lang}\u0000${field}`;
    let found = statedIn.get(key);
    if (!found) {
      const others = [...byLang.keys()].filter((l) => l !== lang && counts(l, field).length > 0);
      const mine = tally(counts(lang, field));
      const theirs = new Map(others.map((l) => [l, tally(counts(l, field))]));
      const stated = [...new Set(others.flatMap((l) => counts(l, field)))].filter(
        (v) => others.filter((l) => theirs.get(l)!.has(v)).length * 2 > others.length,
      );
      // Counted with repeats: "10 bisagras, 10 bases" against "8 bisagras, 10 bases" lost a 10.
      const missing = stated.filter(
        (v) =>
          others.filter((l) => (theirs.get(l)!.get(v) ?? 0) > (mine.get(v) ?? 0)).length * 2 > others.length,
      );
      found = { others, stated, missing };
      statedIn.set(key, found);
    }
    return found;
  };
  for (const [lang, qs] of byLang) {
    for (const q of qs) {
      if (!q.loose || q.inside) continue;
      const { others, stated, missing } = statedOf(lang, q.field);
      if (others.length === 0) continue;
      if (missing.length === 0 || stated.includes(q.value)) continue;
      const counted = others.some((l) => countedBy.get(l)?.has(q.value));
      const product = q.product;
      if (
        product !== undefined &&
        (stated.includes(product) || others.some((l) => countedBy.get(l)?.has(product)))
      )
        continue;
      // Written in another version's field at least as often as here ("36 LEDs" / "LED x 36"); a
      // number every version writes for another reason ("Wi-Fi 6") does not excuse a changed count.
      const here = writtenTimes(lang, q.field, q.value);
      const written = [...numbersOf.keys()].some(
        (l) => l !== lang && writtenTimes(l, q.field, q.value) >= here,
      );
      if (counted || written) continue;
      issues.push({
        lang,
        field: q.field,
        kind: 'inconsistent_value',
        code: 'value',
        params: { value: formatValue(q, q.value), others: stated.map((v) => formatValue(q, v)).join(', ') },
        span: q.span,
        ...(missing.length === 1 ? { suggestion: formatValue(q, missing[0]!) } : {}),
      });
    }
  }
  return issues;
}

/** Counts of pieces by field and by the word that counts them ("piezas"), one version's. */
type CountIndex = Record<ListingField, Map<string, Set<number>>>;

function countIndex(own: readonly Quantity[]): CountIndex {
  const index: CountIndex = { title: new Map(), description: new Map() };
  for (const x of own) {
    if (x.dimension !== 'count' || x.loose) continue;
    const word = x.unit.toLowerCase();
    const values = index[x.field].get(word) ?? new Set<number>();
    values.add(x.value);
    index[x.field].set(word, values);
  }
  return index;
}

/**
 * A count of pieces that contradicts the version's own count in its other field, with the same
 * word ("Juego de 3 piezas" in the title, "El juego de 4 piezas incluye" in the description), where
 * the other versions agree with that other field and none writes this number in this field: the
 * title's count was changed in the description, not a part of the set counted. Returns the count
 * the other field states. Indexed: a field of thousands of counts is read once.
 */
function contradictedCount(
  q: Quantity,
  own: CountIndex,
  reference: readonly number[],
  otherNumbers: Record<ListingField, ReadonlySet<number>>,
): number | undefined {
  if (q.dimension !== 'count' || q.loose) return undefined;
  const word = q.unit.toLowerCase();
  const elsewhere = own[q.field === 'title' ? 'description' : 'title'].get(word);
  if (!elsewhere || elsewhere.has(q.value)) return undefined;
  if (![...elsewhere].every((v) => reference.includes(v))) return undefined;
  // The field itself states the agreed count with that word too: this one counts something else.
  const here = own[q.field].get(word);
  if (here && reference.some((v) => here.has(v))) return undefined;
  if (otherNumbers[q.field].has(q.value)) return undefined;
  return elsewhere.values().next().value;
}

/** The values of `dimension` one version states in one field (measured, not loose counts). */
function fieldValues(
  qs: readonly Quantity[] | undefined,
  dimension: string,
  field: ListingField,
  withLoose = false,
): number[] {
  return (qs ?? [])
    .filter((x) => x.dimension === dimension && x.field === field && (withLoose || !x.loose))
    .map((x) => x.value);
}

/**
 * Whether `q` stands where another value belongs: most of the other versions that state its
 * dimension in its field state a reference value there more often than this version's field does.
 * (It depends on the version, dimension and field only, not on the value.)
 */
function replacesValue(
  q: Quantity,
  byLang: ReadonlyMap<Language, Quantity[]>,
  reference: readonly number[],
  same: (a: number, b: number) => boolean,
  missingAnywhere: readonly number[],
): boolean {
  // This version's own counts before a noun count too: "Pack de 200 bridas (4 bolsas)" states the
  // others' 200 pieces, and its "bolsas de 50 unidades" is a count per bag, added information.
  const mine = new ValueSet(fieldValues(byLang.get(q.lang), q.dimension, q.field, true), same);
  const others = [...byLang.keys()]
    .filter((l) => l !== q.lang)
    .map((l) => fieldValues(byLang.get(l), q.dimension, q.field))
    .filter((values) => values.length > 0)
    .map((values) => new ValueSet(values, same));
  if (others.length === 0) return missingAnywhere.length > 0;
  // Counted with repeats: "65 W" written twice by the others and once here lost one of them.
  return reference.some((v) => {
    const here = mine.count(v);
    const more = others.filter((values) => values.count(v) > here);
    return more.length * 2 > others.length;
  });
}

/**
 * A dimension chain with one member changed to another member's value ("180 x 180 cm" where the
 * others write "180 x 200 cm"): each value is one the others state, but the field repeats one and
 * lacks another that most other versions state there. The repeated member is reported, the lacking
 * value suggested: the later member of a chain that repeats its own first value ("x 180 cm").
 */
function repeatedChainMembers(
  byLang: ReadonlyMap<Language, Quantity[]>,
  dimension: string,
  same: (a: number, b: number) => boolean,
): Issue[] {
  const issues: Issue[] = [];
  for (const field of ['title', 'description'] as const) {
    const inField = [...byLang].map(
      ([lang, qs]) =>
        [lang, qs.filter((q) => q.dimension === dimension && q.field === field && !q.loose)] as const,
    );
    for (const [lang, mine] of inField) {
      if (mine.length < 2) continue;
      const theirs = inField
        .filter(([l, qs]) => l !== lang && qs.length > 0)
        .map(([, qs]) => qs.map((q) => q.value));
      if (theirs.length === 0) continue;
      const others = theirs.map((values) => new ValueSet(values, same));
      const own = new ValueSet(
        mine.map((q) => q.value),
        same,
      );
      const lacking = unique(theirs.flat(), same).filter(
        (v) => others.filter((vs) => vs.count(v) > own.count(v)).length * 2 > others.length,
      );
      const repeated = unique(
        mine.map((q) => q.value),
        same,
      ).filter((u) => others.every((vs) => vs.count(u) > 0 && vs.count(u) < own.count(u)));
      if (lacking.length !== 1 || repeated.length !== 1) continue;
      // The members of one chain end where it ends: indexed by that end, each looked up once.
      const chains = new Map<number, Quantity[]>();
      for (const q of mine) chains.set(q.span[1], [...(chains.get(q.span[1]) ?? []), q]);
      const member = mine.findLast(
        (q) =>
          same(q.value, repeated[0]!) &&
          (chains.get(q.span[1]) ?? []).some((p) => p.span[0] < q.span[0] && same(p.value, q.value)),
      );
      if (!member) continue;
      issues.push({
        lang,
        field,
        kind: 'inconsistent_value',
        code: 'value',
        params: {
          value: formatValue(member, member.value),
          others: unique(theirs.flat(), same)
            .map((v) => formatValue(member, v))
            .join(', '),
        },
        span: member.span,
        suggestion: formatValue(member, lacking[0]!),
      });
    }
  }
  return issues;
}

/** A code a version names: a battery size, garment letters. */
interface CodeMention {
  code: string;
  /** As written: "AAA", "S/M". */
  text: string;
  field: ListingField;
  span: [number, number];
}

/** Garment sizes in letters after a size word ("Size L/XL", "taille S/M", "tamanho G/GG", "размер M"). */
const LETTER_SIZE = '(?:XXXL|XXL|XL|XXS|XS|S|M|L|PPP|PP|P|GG|G|XGG|XG)';
const LETTER_SIZES_RE = new RegExp(
  String.raw`(?<![\p{L}])(?:sizes?|tallas?|tailles?|tamanhos?|размер\p{L}*)\s?:?\s?(${LETTER_SIZE}(?:\s?[/,-]\s?${LETTER_SIZE}){0,4})(?![\p{L}\d])`,
  'giu',
);
/** Letter sizes from small to large. */
const SIZE_ORDER = ['XXS', 'XS', 'S', 'M', 'L', 'XL', 'XXL', 'XXXL'];
/** Brazilian letters as the others write them (P/M/G/GG is S/M/L/XL). */
const FROM_BRAZILIAN: Readonly<Record<string, string>> = {
  PPP: 'XXS',
  PP: 'XS',
  P: 'S',
  G: 'L',
  GG: 'XL',
  XG: 'XXL',
  XGG: 'XXXL',
};

const TO_BRAZILIAN: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(FROM_BRAZILIAN).map(([br, other]) => [other, br]),
);

function letterSizeMentions(v: ListingVersion, field: ListingField): CodeMention[] {
  const found: CodeMention[] = [];
  for (const m of v[field].matchAll(LETTER_SIZES_RE)) {
    const list = m[1]!;
    // Sizes are written in capitals: "taille s'adapte" names no size S.
    if (list !== list.toUpperCase()) continue;
    const at = (m.index ?? 0) + m[0].lastIndexOf(list);
    for (const letters of list.toUpperCase().split(/\s?[/,-]\s?/u)) {
      found.push({
        code: (v.lang === 'pt' && FROM_BRAZILIAN[letters]) || letters,
        text: list,
        field,
        span: [at, at + list.length],
      });
    }
  }
  return found;
}

/** Battery sizes after or before a battery word ("2 AA batteries", "батарейки AAA", "pilas CR2032"). */
const BATTERY_CODE = String.raw`(?:AAAA|AAA|AA|CR\d{4}|LR\d{2}|1[48]650|21700)`;
const BATTERY_WORD = String.raw`(?:batter(?:y|ies)|pilas?|piles?|pilhas?|baterias?|batería|batterie|батаре\p{L}*|элемент\p{L}*)`;
const BATTERY_RE = new RegExp(
  String.raw`(?<![\p{L}\d])(?:(${BATTERY_CODE})(?:\s?(?:x\s?)?\d?\s?)${BATTERY_WORD}|${BATTERY_WORD}\s(?:\d\s?x?\s?)?(?:de\s|du\s|type\s|tipo\s)?(${BATTERY_CODE}))(?![\p{L}\d])`,
  'giu',
);

function batteryMentions(v: ListingVersion): CodeMention[] {
  const found: CodeMention[] = [];
  for (const field of ['title', 'description'] as const) {
    for (const m of v[field].matchAll(BATTERY_RE)) {
      const code = (m[1] ?? m[2])!;
      const at = (m.index ?? 0) + m[0].indexOf(code);
      found.push({ code: code.toUpperCase(), text: code, field, span: [at, at + code.length] });
    }
  }
  return found;
}

/**
 * Codes one version changes (a battery size, garment letters): the codes most versions name are
 * the reference (the first version's, English when it names one, when none has a majority); a
 * version naming none of them is reported at each of its mentions.
 */
function mismatchedCodes(
  groups: ReadonlyArray<{ lang: Language; found: CodeMention[] }>,
  /** The reference as one suggestion in a version's language ("L/XL", "G/GG"), if it can be one. */
  suggest: (reference: readonly string[], lang: Language) => string | undefined,
): Issue[] {
  const mentions = groups
    .filter((m) => m.found.length > 0)
    .map((m) => ({ ...m, codes: new Set(m.found.map((f) => f.code)) }));
  if (mentions.length < 2) return [];
  const support = new Map<string, number>();
  for (const m of mentions) for (const code of m.codes) support.set(code, (support.get(code) ?? 0) + 1);
  let reference = [...support].filter(([, n]) => n * 2 > mentions.length).map(([code]) => code);
  if (reference.length === 0) reference = [...mentions[0]!.codes];
  const issues: Issue[] = [];
  for (const m of mentions) {
    if (reference.some((code) => m.codes.has(code))) continue;
    const suggestion = suggest(reference, m.lang);
    const spans = new Set<string>();
    for (const f of m.found) {
      // A list of letters ("S/M") is one mention.
      if (spans.has(`${f.field}:${f.span[0]}`)) continue;
      spans.add(`${f.field}:${f.span[0]}`);
      issues.push({
        lang: m.lang,
        field: f.field,
        kind: 'inconsistent_value',
        code: 'value',
        params: { value: f.text, others: reference.join(', ') },
        span: f.span,
        ...(suggestion !== undefined ? { suggestion } : {}),
      });
    }
  }
  return issues;
}

/** Battery sizes compared between versions, garment letters field by field. */
function codeMismatches(order: readonly ListingVersion[]): Issue[] {
  const oneBattery = (reference: readonly string[]) => (reference.length === 1 ? reference[0] : undefined);
  const letters = (reference: readonly string[], lang: Language) =>
    SIZE_ORDER.filter((size) => reference.includes(size))
      .map((size) => (lang === 'pt' ? (TO_BRAZILIAN[size] ?? size) : size))
      .join('/');
  return [
    ...mismatchedCodes(
      order.map((v) => ({ lang: v.lang, found: batteryMentions(v) })),
      oneBattery,
    ),
    ...(['title', 'description'] as const).flatMap((field) =>
      mismatchedCodes(
        order.map((v) => ({ lang: v.lang, found: letterSizeMentions(v, field) })),
        letters,
      ),
    ),
  ];
}

/**
 * Numbers, units, sizes and quantities that differ between language versions. Per dimension, the
 * values most versions agree on are the reference (with two versions, English or the first one);
 * a version stating a value outside it gets `inconsistent_value` on that value.
 */
export function checkConsistency(versions: readonly ListingVersion[]): Issue[] {
  if (versions.length < 2) return [];
  const order = [...versions].sort((a, b) => (a.lang === 'en' ? -1 : b.lang === 'en' ? 1 : 0));
  const byLang = new Map<Language, Quantity[]>();
  for (const v of order) {
    byLang.set(v.lang, [
      ...extractQuantities(v.title, v.lang, 'title'),
      ...extractQuantities(v.description, v.lang, 'description'),
    ]);
  }
  const dimensions = new Set([...byLang.values()].flat().map((q) => q.dimension));
  const numbersOf = new Map<Language, Record<ListingField, number[]>>(
    order.map((v) => [
      v.lang,
      { title: allNumbers(v.title, v.lang), description: allNumbers(v.description, v.lang) },
    ]),
  );
  const countsOf = new Map([...byLang].map(([lang, qs]) => [lang, countIndex(qs)]));
  // The numbers the other versions write in each field, for `contradictedCount`, built on first use.
  const otherNumbers = new Map<Language, Record<ListingField, ReadonlySet<number>>>();
  const otherNumbersOf = (lang: Language) => {
    let sets = otherNumbers.get(lang);
    if (!sets) {
      const others = [...numbersOf].filter(([l]) => l !== lang).map(([, fields]) => fields);
      sets = {
        title: new Set(others.flatMap((f) => f.title)),
        description: new Set(others.flatMap((f) => f.description)),
      };
      otherNumbers.set(lang, sets);
    }
    return sets;
  };
  const issues: Issue[] = [];
  const approx = new Set(
    [...byLang.values()]
      .flat()
      .filter((q) => q.approx)
      .map((q) => q.value),
  );
  const same = (a: number, b: number) => sameValue(a, b, approx);
  for (const dimension of dimensions) {
    const replacing = new Map<string, boolean>();
    const sets = new Map<Language, number[]>();
    for (const [lang, qs] of byLang) {
      const values = unique(
        qs.filter((q) => q.dimension === dimension && !q.loose).map((q) => q.value),
        same,
      );
      if (values.length > 0) sets.set(lang, values);
    }
    if (sets.size < 2) continue;
    const all = unique([...sets.values()].flat(), same);
    const indexed = new Map([...sets].map(([lang, values]) => [lang, new ValueSet(values, same)]));
    const support = (v: number) => [...indexed.values()].filter((vs) => vs.has(v)).length;
    let reference = all.filter((v) => support(v) > sets.size / 2);
    if (reference.length === 0 || sets.size === 2) reference = sets.values().next().value ?? [];
    const inReference = new ValueSet(reference, same);
    for (const [lang] of sets) {
      const own = indexed.get(lang)!;
      const missing = reference.filter((v) => !own.has(v));
      for (const q of byLang.get(lang)!.filter((x) => x.dimension === dimension)) {
        if (inReference.has(q.value)) continue;
        if (q.loose) continue;
        // A factor of the count the others state: "10 конвертов по 10 шт" is their 100 pieces.
        if (q.product !== undefined && inReference.has(q.product)) continue;
        // A value only this version states is added information, not a changed one: it is reported
        // when the version lacks a value the others state in that field (or, if no other version
        // states the dimension there, anywhere).
        const ownCount = contradictedCount(q, countsOf.get(lang)!, reference, otherNumbersOf(lang));
        // The same for every value of one version's field: computed once per field (linear).
        const key = `${lang}\u0000${q.field}`;
        let replaces = replacing.get(key);
        if (replaces === undefined) {
          replaces = replacesValue(q, byLang, reference, same, missing);
          replacing.set(key, replaces);
        }
        if (!replaces && ownCount === undefined) continue;
        const expected =
          missing.length === 1
            ? formatValue(q, missing[0]!)
            : ownCount !== undefined
              ? formatValue(q, ownCount)
              : undefined;
        const others = reference.map((v) => formatValue(q, v)).join(', ');
        issues.push({
          lang,
          field: q.field,
          kind: 'inconsistent_value',
          code: 'value',
          params: { value: formatValue(q, q.value), others },
          span: q.span,
          ...(expected ? { suggestion: expected } : {}),
        });
      }
    }
  }
  for (const dimension of dimensions) {
    if (dimension === 'count') continue;
    issues.push(...repeatedChainMembers(byLang, dimension, same));
  }
  issues.push(...looseCounts(byLang, numbersOf));
  issues.push(...codeMismatches(order));
  // One finding per stated measurement: the values of one chain ("70 x 50 cm") are one finding.
  // Sorted by start, a finding can only overlap the last merged one of its version's field.
  const merged: Issue[] = [];
  const lastOf = new Map<string, Issue>();
  for (const issue of issues.sort((a, b) => (a.span?.[0] ?? 0) - (b.span?.[0] ?? 0))) {
    const key = `${issue.lang}\u0000${issue.field}`;
    const last = lastOf.get(key);
    if (last?.span && issue.span && issue.span[0] < last.span[1] && last.span[0] < issue.span[1]) {
      last.span = [Math.min(last.span[0], issue.span[0]), Math.max(last.span[1], issue.span[1])];
      continue;
    }
    merged.push(issue);
    if (issue.span) lastOf.set(key, issue);
  }
  return merged;
}
