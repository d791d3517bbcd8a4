import type { Language } from '../types.js';
import { SpanIndex } from './text.js';
import type { Issue, ListingField } from './types.js';

interface DebrisPattern {
  code: 'template' | 'bracket' | 'lorem' | 'mt_artifact' | 'markup' | 'encoding';
  re: RegExp;
  /** A cheap test the text must pass before `re` scans it (a word every match contains). */
  cue?: RegExp;
}

/** First words of a fill-in left for the writer, in the five languages. */
const FILL_IN_WORDS =
  'insert|add|your|enter|product|brand|model|size|color|colour|name|nombre|marca|modelo|talla|tamaño|taille|couleur|marque|nom|produit|produto|nome|cor|размер|цвет|название|бренд|товар|вставить|insertar|insérer|inserir';

/**
 * Template debris and machine-translation leftovers: unfilled variables, bracketed fill-ins,
 * dummy text, "translated by" notes, escaped markup and mojibake.
 */
const DEBRIS: readonly DebrisPattern[] = [
  {
    code: 'template',
    re: /\{\{[^{}\n]{0,40}\}\}|\$\{[^{}\n]{0,40}\}|(?<![\w{])\{[A-Za-z_][\w.]{0,30}\}(?!\})|%(?:\d\$)?[sd](?![\p{L}\d])|%[A-Za-z_][A-Za-z0-9_]{1,30}%|\$[A-Z][A-Z0-9_]{1,30}\$|<(?:[A-Z_]{3,}|[a-z_][a-z]*_[a-z_]+)>/gu,
  },
  // Capitals of every script and accent: "[PRODUCT NAME]", "[MATÉRIAU]", "[НАЗВАНИЕ]".
  { code: 'bracket', re: /\[\p{Lu}[\p{Lu}\d _\-/'’]{3,40}\]/gu },
  // A number left to fill in: "[X] pieces", "[#]", "[...]" ("[N]" may be newtons, but not before a
  // lower-case noun: "[N] piezas"); quantity abbreviations of the five languages ("[QTY]", "[CANT]").
  {
    code: 'bracket',
    re: /\[(?:[Xx#]{1,3}|\.{3}|…|_{2,})\]|(?<!\d[ \t]?)\[N\](?=[ \t]+(?!(?:and|or|at|of|in|per|y|o|en|et|ou|par|e|em|и|или|на)(?![\p{L}]))\p{Ll}{3,})/gu,
  },
  {
    code: 'bracket',
    // (And the catalogue fields a template fills in: "[SKU]", "[EAN]", "[ASIN]".)
    re: /\[(?:QTY|QTE|QTÉ|QT|CANT|NUM|NB|NBR|NR|NO|Nº|N°|КОЛ|КОЛ-ВО|ЧИСЛО|SKU|EAN|UPC|ASIN|MPN|GTIN|URL)\.?\]/gu,
  },
  // An instruction in capitals without brackets: "INSERT SIZE HERE", "AJOUTER LA COULEUR", "УКАЖИТЕ ЦВЕТ"
  // (only where the field has lower case too: an all-capitals title may say "INSERT TOOL SET").
  {
    code: 'bracket',
    re: /(?<![\p{L}\d])(?:INSERT|ADD|ENTER|FILL IN|INSERTAR|AÑADIR|AGREGAR|INDICAR|ESCRIBIR|INSÉRER|INSERER|AJOUTER|INDIQUER|SAISIR|COMPLÉTER|INSERIR|ADICIONAR|INFORMAR|PREENCHER|ВСТАВИТЬ|ВСТАВЬТЕ|УКАЗАТЬ|УКАЖИТЕ|ДОБАВИТЬ|ДОБАВЬТЕ|ВПИСАТЬ)(?:[ \t]+[\p{Lu}\d_]+){1,6}(?![\p{L}\d])/gu,
    cue: /\p{Ll}/u,
  },
  // Digits left as X before a unit, after a space: "XX mm", "X,X kg", "XX W" (not "XXL").
  {
    code: 'bracket',
    re: /(?<![\p{L}\d])(?:[Xx]{1,2}[.,][Xx]|XX|xx)(?=[ \t](?:mm|cm|m|km|kg|g|mg|W|kW|V|mAh|Ah|ml|L|l|%|°C|h|min|in|oz|lb|pcs|шт|мм|см|м|кг|г|мл|л|Вт|В|ч|мин)(?![\p{L}\d]))/gu,
  },
  // A count left as XX before a lower-case noun: "XX cycles", "XX piezas", "XX штук" (not a Roman
  // century, "XX siècle", "XX века", nor a size, "XX large").
  {
    code: 'bracket',
    re: /(?<![\p{L}\d\-–])(?:XX|xx)(?=[ \t]\p{Ll}{3,})(?![ \t](?:siècles?|siecles?|centur\p{L}*|siglos?|séculos?|seculos?|век\p{L}*|ст\.|large|small|big|grande?s?|grand|petite?|pequeñ\p{L}*))/gu,
  },
  // A fill-in in square or angle brackets: "[insert colour]", "<insert color>", "<nombre del producto>".
  {
    code: 'bracket',
    re: new RegExp(
      `\\[(?:${FILL_IN_WORDS})(?![\\p{L}])[^\\]\\n]{0,40}\\]|<(?:${FILL_IN_WORDS})(?![\\p{L}])[^<>\\n]{0,40}>`,
      'giu',
    ),
  },
  // A lower-case instruction to the writer: "insert size here", "escribir el color aquí", "indiquez la
  // taille ici", "inserir cor aqui", "вставьте размер сюда": one to three words, none of them an English
  // article ("insert the battery here" is a manual's step).
  {
    code: 'bracket',
    re: /(?<![\p{L}])(?:insert|enter|add|type|write|insertar|introducir|escribir|añadir|indicar|insérer|inserer|saisir|indiquez|ajoutez|inserir|digite|informe|adicione|вставьте|укажите|впишите|введите)(?:[ \t]+(?!(?:the|a|an)[ \t])[\p{L}]+){1,3}[ \t]+(?:here|aquí|aqui|ici|сюда|здесь)(?![\p{L}])/giu,
    cue: /here|aqu[ií]|ici|сюда|здесь/iu,
  },
  {
    code: 'lorem',
    re: /\blorem ipsum\b[^.\n]*|\bdolor sit amet\b|\bconsectetur adipiscing\b/giu,
    cue: /lorem|dolor|consectetur/i,
  },
  {
    code: 'mt_artifact',
    re: /\b(?:translated by|traducido (?:por|con)|traduit (?:par|avec)|traduzido (?:por|com)|machine translat\w*|google translate|deepl(?:\.com)?)\b|переведено (?:с помощью|через|в)?\s*\S*|\((?:translation|traducción|traduction|tradução|перевод)\)/giu,
  },
  { code: 'mt_artifact', re: /\b(?:TODO|TBD|FIXME)\b|\b[Xx]{3,}\b/gu },
  {
    code: 'markup',
    re: /&(?:nbsp|amp|quot|lt|gt|#\d{2,5});|<\/?(?:br|p|div|span|b|strong)\s*\/?>|\\[nt](?=\s|\p{L}|$)/gu,
  },
  {
    code: 'encoding',
    re: /(?:Ã[\u0080-\u00bf©¡¢£¤¥¦§¨ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿]|â€[™œ“”˜¦\u009d]|Ð[°±²³´µ¶·¸¹º»¼½¾¿]|Ñ[\u0080-\u008f]|\uFFFD)+/gu,
  },
];

/**
 * "TODO" is Spanish and Portuguese for "all": in a text written in capitals ("PARA ENTRENAR TODO EL
 * CUERPO") it is a word between words in capitals, not a note to the writer ("drones FPV TODO" is).
 */
function wordInCapitals(text: string, matched: string, start: number, end: number, lang: Language): boolean {
  if (matched !== 'TODO' || (lang !== 'es' && lang !== 'pt')) return false;
  // Capitals on both sides ("ENTRENAR TODO EL CUERPO"), or the sentence starts with it ("TODO EL KIT").
  if (!/^[ \t]+\p{Lu}+(?![\p{Ll}\p{N}])/u.test(text.slice(end, end + 24))) return false;
  // The few characters before it: a sentence start, or a word in capitals of two letters or more
  // (read backwards, no pattern searched).
  const before = text.slice(Math.max(0, start - 24), start).trimEnd();
  if (before === '' || '.!?:'.includes(before.at(-1)!)) return true;
  let i = before.length;
  while (i > 0 && /\p{Lu}/u.test(before[i - 1]!)) i--;
  return before.length - i >= 2 && (i === 0 || !/[\p{L}\p{N}]/u.test(before[i - 1]!));
}

/** Finds leftover placeholders, dummy text and MT debris in one field. */
export function checkPlaceholders(text: string, lang: Language, field: ListingField): Issue[] {
  const issues: Issue[] = [];
  // Earlier patterns win; one pattern's matches never overlap, so they join the index as a batch.
  const taken = new SpanIndex();
  for (const { code, re, cue } of DEBRIS) {
    if (cue && !cue.test(text)) continue;
    const mine: Array<[number, number]> = [];
    for (const match of text.matchAll(re)) {
      const start = match.index ?? 0;
      const end = start + match[0].trimEnd().length;
      if (taken.overlaps(start, end)) continue;
      if (code === 'mt_artifact' && wordInCapitals(text, match[0], start, end, lang)) continue;
      mine.push([start, end]);
      issues.push({
        lang,
        field,
        kind: 'placeholder',
        code,
        params: { text: match[0].trim().slice(0, 60) },
        span: [start, end],
      });
    }
    taken.addAll(mine);
  }
  return issues.sort((a, b) => (a.span?.[0] ?? 0) - (b.span?.[0] ?? 0));
}
