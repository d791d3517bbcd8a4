import type { Language } from '../types.js';

/** One terminology rule: a pattern that is wrong in a language and what to write instead. */
export interface GlossaryEntry {
  /** Message code under `terminology.` in validation.json. */
  code: 'decimal_separator' | 'false_friend' | 'wording' | 'imperial_unit';
  /** Pattern source (`\b` is Unicode-aware); matched case-insensitively. */
  pattern: string;
  /** Replacement template (`$1`...) for the suggestion. */
  replace?: string;
  /** Why, in English, for maintainers; sellers see the localized message. */
  note: string;
  /** The rule applies only to a field that also matches this pattern (the product the wording is wrong for). */
  requires?: string;
}

/** Spanish garment words: "talla" is for clothes and shoes, a box or a pot has a "tamaño". */
const ES_GARMENTS =
  '\\b(?:camis\\p{L}*|pantal\\p{L}*|vestido\\p{L}*|falda\\p{L}*|sudadera\\p{L}*|chaqueta\\p{L}*|abrigo\\p{L}*|jersey\\p{L}*|ropa|prenda\\p{L}*|blusa\\p{L}*|sujetador\\p{L}*|bañador\\p{L}*|pijama\\p{L}*|calcet\\p{L}*|leggings|mallas|chándal\\p{L}*|zapat\\p{L}*|bota\\p{L}*|guante\\p{L}*|gorra\\p{L}*)';

/** Units after a decimal number (metric, electrical, inches as translated, and hours/minutes). */
const METRIC_UNITS =
  '(?=\\s?(?:mm|cm|km|kg|mg|ml|cl|m|g|l|W|kW|V|mA|mAh|Ah|Wh|GHz|Hz|°C|bar|pulgadas|pouces|polegadas|дюйм\\w*|мм|см|кг|мл|м|г|л|Вт|кВт|В|мА|мАч|бар|h|horas?|heures?|hours?|час\\p{L}*|ч|min|minutos?|minutes?|минут\\p{L}*)(?![\\p{L}]))';

const COMMA_DECIMAL: GlossaryEntry = {
  code: 'decimal_separator',
  pattern: `(?<![\\d.,])(\\d+)\\.(\\d{1,2})${METRIC_UNITS}`,
  replace: '$1,$2',
  note: 'ES/FR/RU/PT write decimals with a comma: 2,5 kg',
};

const IMPERIAL_IN_METRIC: GlossaryEntry = {
  code: 'imperial_unit',
  // Screens are sold by the inch everywhere ("pantalla de 6,5 pulgadas"): not an error there.
  // `(?=\\d)` first: the long look-behind is then tried only where a number starts.
  pattern:
    '(?=\\d)(?<!(?:screen|display|monitor|tv|pantalla|écran|tela|экран\\p{L}*|диагонал\\p{L}*|дисплей\\p{L}*|laptop|notebook|portátil|portable|ноутбук\\p{L}*|tablet|tableta|tablette|планшет\\p{L}*)\\b[^.\\n]{0,25})(?<![\\d.,])(?:(\\d+(?:[.,]\\d+)?)\\s?(?:inch(?:es)?|fl\\.?\\s?oz|in(?![.,]?\\s?\\d)|ft|feet|lbs?|pounds?|oz|ounces?|°F|pulgadas?|pouces?|polegadas?|дюйм\\p{L}*|libras?|onzas?|onces?|onças?|фунт\\p{L}*|унци\\p{L}*|фут(?:а|ов)?|mph|miles?|millas?|milles?|milhas?|мил[ьяи]\\p{L}*|yards?|yardas?|jardas?|ярд(?:а|ов)?|yd|psi|gallons?|galones?|galões|галлон\\p{L}*)|\\d+[.,]\\d+\\s?(?:livres?|pieds?|pés|pies))\\b',
  // "in" and "fl oz" are the English abbreviations of inches and fluid ounces ("8 in", "1 fl oz"); "2 in 1"
  // names a combination, not a size.
  // French pounds and feet, Spanish and Portuguese feet ("livres", "pieds", "pies", "pés") are also
  // counts of books and legs ("lot de 3 livres", "mesa de 4 pés"): only a decimal number is a size.
  note: 'buyers in metric countries expect cm, kg, g and °C, whether the imperial unit is written in English or translated',
};

/**
 * Per-language terminology kept as data: decimal separators, English units in metric markets,
 * false friends and machine-translation calques, and the wording marketplaces expect.
 */
export const GLOSSARY: Readonly<Record<Language, readonly GlossaryEntry[]>> = {
  en: [
    {
      code: 'decimal_separator',
      pattern: `(?<![\\d.,])(\\d+),(\\d{1,2})${METRIC_UNITS}`,
      replace: '$1.$2',
      note: 'English writes decimals with a point: 2.5 kg',
    },
  ],
  es: [
    COMMA_DECIMAL,
    IMPERIAL_IN_METRIC,
    {
      code: 'wording',
      pattern: '\\benvío libre\\b',
      replace: 'envío gratis',
      note: 'calque of "free shipping"',
    },
    {
      code: 'wording',
      pattern: '\\bpaquete incluido\\b',
      replace: 'contenido del paquete',
      note: 'MT calque of "package included"',
    },
    {
      code: 'wording',
      pattern: '\\btamaño:?\\s+(XXS|XS|S|M|L|XL|XXL|XXXL)\\b',
      replace: 'talla $1',
      note: 'clothing sizes are "talla", not "tamaño"',
      requires: ES_GARMENTS,
    },
    {
      code: 'false_friend',
      pattern: '\\bremover (la|el|los|las)\\b',
      replace: 'quitar $1',
      note: '"remover" means to stir',
    },
    {
      code: 'false_friend',
      pattern: '\\blibrería (de|para) (fotos|música|aplicaciones)\\b',
      replace: 'biblioteca $1 $2',
      note: 'library, not bookshop',
    },
  ],
  fr: [
    COMMA_DECIMAL,
    IMPERIAL_IN_METRIC,
    {
      code: 'wording',
      pattern: '(?<![\\p{L}\\d.,])(\\d+(?:[.,]\\d+)?)\\s?GB(?![\\p{L}\\d/])',
      replace: '$1 Go',
      note: 'French counts bytes in octets: 256 Go, not 256 GB',
    },
    {
      code: 'wording',
      pattern: '(?<![\\p{L}\\d.,])(\\d+(?:[.,]\\d+)?)\\s?TB(?![\\p{L}\\d/])',
      replace: '$1 To',
      note: 'French counts bytes in octets: 2 To, not 2 TB',
    },
    {
      code: 'wording',
      pattern: '\\blivraison libre\\b',
      replace: 'livraison gratuite',
      note: 'calque of "free shipping"',
    },
    {
      code: 'wording',
      pattern: '\\bpaquet inclus\\b',
      replace: 'contenu du colis',
      note: 'MT calque of "package included"',
    },
    {
      code: 'false_friend',
      pattern: '\\bmatériel(\\s?:)',
      replace: 'matière$1',
      note: 'a garment\'s "matériel" is equipment; the material is "matière"',
    },
    {
      code: 'false_friend',
      pattern: '\\bsupporte le chargement\\b',
      replace: 'prend en charge la recharge',
      note: 'calque of "supports charging"',
    },
  ],
  ru: [
    COMMA_DECIMAL,
    IMPERIAL_IN_METRIC,
    {
      code: 'wording',
      pattern: '\\bсвободная доставка\\b',
      replace: 'бесплатная доставка',
      note: 'calque of "free shipping"',
    },
    {
      code: 'wording',
      pattern: '\\bпакет включ[её]н\\b',
      replace: 'комплектация',
      note: 'MT calque of "package included"',
    },
    {
      code: 'false_friend',
      // "Кейс для наушников" (a charging case) is how the trade says it; a phone case is a "чехол".
      pattern: '\\bкейс для (телефона|смартфона)\\b',
      replace: 'чехол для $1',
      note: 'a phone case is "чехол"',
    },
    {
      code: 'false_friend',
      pattern: '\\bаккуратн(ые|ое|ый|ая|ых) (измерени\\p{L}*|показани\\p{L}*)',
      replace: 'точн$1 $2',
      note: '"аккуратный" means neat, not accurate',
    },
  ],
  pt: [
    COMMA_DECIMAL,
    IMPERIAL_IN_METRIC,
    {
      code: 'wording',
      pattern: '\\benvio livre\\b',
      replace: 'frete grátis',
      note: 'calque of "free shipping"',
    },
    {
      code: 'wording',
      pattern: '\\bpacote incluído\\b',
      replace: 'conteúdo da embalagem',
      note: 'MT calque of "package included"',
    },
    {
      code: 'false_friend',
      pattern: '\\bcostumes? de (halloween|carnaval|festa)\\b',
      replace: 'fantasia de $1',
      note: '"costume" means habit',
    },
    {
      code: 'false_friend',
      // Only where "exquisite" was meant: a product praised for its design, finish or taste.
      pattern:
        '\\besquisit(o|a|os|as)(?= (?:design|acabamento|sabor|estilo|presente|aroma|detalhe|bordado)s?(?![\\p{L}\\p{N}]))|(?<=(?<![\\p{L}\\p{N}])(?:design|acabamento|sabor|estilo|presente|aroma|detalhe|bordado)s? )esquisit(o|a|os|as)\\b',
      replace: 'requintad$1$2',
      note: '"esquisito" means weird, not exquisite',
    },
  ],
};

/**
 * Shoe size systems: the one each market converts to (`local`, with its offset from EU sizes,
 * approximate, men's) and the ones its buyers read (`reads`). English listings are read in the
 * US, the UK, Australia and India alike, and marketplace size charts quote EU sizes: an English
 * version in EU, UK or US sizes is not wrong (four writers outside the team wrote EU-only sizes
 * into clean English listings). Brazil numbers its own (BR = EU - 2), the other markets read EU.
 */
export const SIZE_SYSTEMS: Readonly<
  Record<
    Language,
    { local: 'US' | 'EU' | 'BR'; fromEu: number; reads: readonly ('US' | 'EU' | 'BR' | 'UK')[] }
  >
> = {
  en: { local: 'US', fromEu: -33, reads: ['US', 'UK', 'EU'] },
  es: { local: 'EU', fromEu: 0, reads: ['EU'] },
  fr: { local: 'EU', fromEu: 0, reads: ['EU'] },
  ru: { local: 'EU', fromEu: 0, reads: ['EU'] },
  pt: { local: 'BR', fromEu: -2, reads: ['BR'] },
};

/** Offsets from EU of the systems sellers quote (US men's, UK, BR). */
export const SIZE_OFFSETS_FROM_EU: Readonly<Record<'US' | 'EU' | 'BR' | 'UK', number>> = {
  US: -33,
  UK: -34,
  EU: 0,
  BR: -2,
};
