import type { Language } from '../types.js';

/**
 * Counts spelt out in words at the start of a sentence or field ("Twenty-five slides.", "Veinte
 * preparaciones", "Vinte e cinco lâminas", "Двадцать пять стёкол"): style guides have sellers spell
 * out a count that opens a sentence, so a changed count there is as often a word as a number. Inside
 * a sentence a number word is as often a way of speaking ("with two hands") as a count: it is read
 * as evidence of what the versions count, and reported only where it opens the sentence. From two to ninety-nine and the hundred; "one" and
 * its forms are articles as often as numbers, and French "neuf" is also "new".
 */
const UNITS: Readonly<Record<Language, readonly string[]>> = {
  // index = value (0 and 1 unused)
  en: ',,two,three,four,five,six,seven,eight,nine,ten,eleven,twelve,thirteen,fourteen,fifteen,sixteen,seventeen,eighteen,nineteen'.split(
    ',',
  ),
  es: ',,dos,tres,cuatro,cinco,seis,siete,ocho,nueve,diez,once,doce,trece,catorce,quince,dieciséis,diecisiete,dieciocho,diecinueve'.split(
    ',',
  ),
  fr: ',,deux,trois,quatre,cinq,six,sept,huit,,dix,onze,douze,treize,quatorze,quinze,seize,dix-sept,dix-huit,dix-neuf'.split(
    ',',
  ),
  pt: ',,dois,três,quatro,cinco,seis,sete,oito,nove,dez,onze,doze,treze,catorze,quinze,dezesseis,dezessete,dezoito,dezenove'.split(
    ',',
  ),
  ru: ',,два,три,четыре,пять,шесть,семь,восемь,девять,десять,одиннадцать,двенадцать,тринадцать,четырнадцать,пятнадцать,шестнадцать,семнадцать,восемнадцать,девятнадцать'.split(
    ',',
  ),
};

const TENS: Readonly<Record<Language, readonly string[]>> = {
  // index = tens digit (0 and 1 unused)
  en: ',,twenty,thirty,forty,fifty,sixty,seventy,eighty,ninety'.split(','),
  es: ',,veinte,treinta,cuarenta,cincuenta,sesenta,setenta,ochenta,noventa'.split(','),
  fr: ',,vingt,trente,quarante,cinquante,soixante,soixante-dix,quatre-vingt,quatre-vingt-dix'.split(','),
  pt: ',,vinte,trinta,quarenta,cinquenta,sessenta,setenta,oitenta,noventa'.split(','),
  ru: ',,двадцать,тридцать,сорок,пятьдесят,шестьдесят,семьдесят,восемьдесят,девяносто'.split(','),
};

const HUNDRED: Readonly<Record<Language, string>> = {
  en: 'hundred',
  es: 'cien',
  fr: 'cent',
  pt: 'cem',
  ru: 'сто',
};

/** Joins between tens and units: "twenty-five", "treinta y dos", "vingt et un", "vinte e cinco". */
const JOINS: Readonly<Record<Language, string>> = {
  en: '[- ]',
  es: ' y ',
  fr: '-| et |-et-',
  pt: ' e ',
  ru: ' ',
};

function build(lang: Language): Table {
  const values = new Map<string, number>();
  UNITS[lang].forEach((w, v) => {
    if (w) values.set(w, v);
  });
  TENS[lang].forEach((tens, t) => {
    if (!tens) return;
    values.set(tens, t * 10);
    // French 70 and 90 are 60 and 80 + 10..19: "soixante-douze", "quatre-vingt-quinze".
    const base = lang === 'fr' && (t === 7 || t === 9) ? TENS.fr[t - 1]! : tens;
    const from = lang === 'fr' && (t === 7 || t === 9) ? 11 : 1;
    const to = lang === 'fr' && (t === 7 || t === 9) ? 19 : 9;
    for (let u = from; u <= to; u++) {
      const unit = UNITS[lang][u];
      if (!unit) continue;
      const value = lang === 'fr' && (t === 7 || t === 9) ? (t - 1) * 10 + u : t * 10 + u;
      for (const join of JOINS[lang].split('|'))
        values.set(`${base}${join.replace('[- ]', '-')}${unit}`, value);
      if (lang === 'en') values.set(`${base} ${unit}`, value);
    }
  });
  // Spanish writes 21-29 as one word: "veinticinco", "veintidós".
  if (lang === 'es') {
    const stems = ['', '', 'dós', 'trés', 'cuatro', 'cinco', 'séis', 'siete', 'ocho', 'nueve'];
    stems.forEach((stem, u) => {
      if (stem) values.set(`veinti${stem}`, 20 + u);
    });
  }
  values.set(HUNDRED[lang], 100);
  const firsts = new Set([...values.keys()].map((k) => k.split(/[- ]/)[0]!));
  return { values, firsts };
}

interface Table {
  values: Map<string, number>;
  /** The first word of every number ("twenty" of "twenty-five"): where a number can start. */
  firsts: Set<string>;
}

const tables = new Map<Language, Table>();
const WORD_RE = /\p{L}+/gu;
/** Most words of a spelt-out number: "quatre-vingt-dix-sept". */
const LONGEST = 4;

/** A number spelt out; `opening` when it starts its sentence or field. */
export interface SpeltNumber {
  value: number;
  start: number;
  end: number;
  opening: boolean;
}

/** Only quotes, brackets and spaces between `at` and a sentence end or the start of the text. */
function opensSentence(text: string, at: number): boolean {
  let k = at - 1;
  while (k >= 0 && /[\s"'«»“”„([\-–—•*]/u.test(text[k]!)) k--;
  return k < 0 || /[.!?…:;\n]/u.test(text[k]!);
}

/**
 * Counts spelt out before a noun, with their spans: one pass over the words, each word that can
 * start a number extended to the longest number it starts (no hyphenated compound such as
 * "two-way"; the next word, the thing counted, has three letters or more).
 */
export function numberWords(text: string, lang: Language): SpeltNumber[] {
  let table = tables.get(lang);
  if (!table) {
    table = build(lang);
    tables.set(lang, table);
  }
  const words = [...text.matchAll(WORD_RE)].map((m) => ({
    key: m[0].toLowerCase(),
    start: m.index ?? 0,
    end: (m.index ?? 0) + m[0].length,
  }));
  const found: SpeltNumber[] = [];
  for (let i = 0; i < words.length; i++) {
    const first = words[i]!;
    if (!table.firsts.has(first.key) || /[\p{L}\d-]/u.test(text[first.start - 1] ?? '')) continue;
    let best: { value: number; last: number } | undefined;
    for (let j = i; j < Math.min(words.length, i + LONGEST); j++) {
      const key = text
        .slice(first.start, words[j]!.end)
        .toLowerCase()
        .replace(/‐/g, '-')
        .replace(/\s+/g, ' ');
      const value = table.values.get(key);
      if (value !== undefined) best = { value, last: j };
    }
    if (!best) continue;
    const end = words[best.last]!.end;
    if (!/^\s\p{L}{3,}/u.test(text.slice(end, end + 4))) continue;
    found.push({ value: best.value, start: first.start, end, opening: opensSentence(text, first.start) });
    i = best.last;
  }
  return found;
}
