import { describe, expect, it } from 'vitest';
import {
  checkSpelling,
  MIN_SPELLING_CONFIDENCE,
  type SpellingContext,
} from '../../../src/domain/listing/spelling.js';
import type { SpellChecker } from '../../../src/domain/listing/types.js';
import type { Language } from '../../../src/domain/types.js';
import { wordListSpeller } from './fake-speller.js';

const speller = wordListSpeller(
  `the bottle keeps drinks cold for hours and is made of steel water
   la botella mantiene las bebidas frías limpia adherentes de agua
   бутылка сохраняет напитки скользящий коврик`,
  { drinsk: 'drinks', bebidass: 'bebidas' },
);
const none = () => false;

describe('checkSpelling', () => {
  it.each([
    ['en', 'The bottle keeps drinsk cold.', ['drinsk'], 'drinks'],
    ['es', 'La botella mantiene las bebidass frías.', ['bebidass'], 'bebidas'],
    ['ru', 'Бутылка сохраняет напиткы.', ['напиткы'], 'напитки'],
  ] as const)('%s: %s', (lang, text, words, suggestion) => {
    const issues = checkSpelling(text, lang as Language, 'description', { speller, isAllowed: none });
    expect(issues.map((i) => text.slice(i.span![0], i.span![1]))).toEqual(words);
    expect(issues[0]?.suggestion).toBe(suggestion);
  });

  it.each([
    ['en', 'The Hydroflask bottle keeps drinks cold.', 'a capitalized name inside a sentence'],
    ['en', 'The bottle keeps drinks cold for 24 hours, USB and iPhone.', 'numbers, acronyms, camel case'],
    ['en', 'The bottle is made of Tritan steel.', 'a name'],
    ['es', 'Límpiala con agua.', 'a Spanish enclitic with its written accent'],
    ['es', 'La botella antiadherentes.', 'a productive prefix'],
    ['ru', 'Нескользящий коврик.', 'a Russian prefix'],
    ['en', 'Write to shop@example.com or www.example.com', 'addresses are not words'],
  ] as const)('%s: accepts %s (%s)', (lang, text, _why) => {
    const issues = checkSpelling(text, lang as Language, 'description', {
      speller,
      isAllowed: (w) => w.toLowerCase() === 'tritan',
      skip: [[text.indexOf('shop@'), text.length]],
    });
    expect(issues.filter((i) => !['Write', 'to', 'or'].includes(String(i.params.word)))).toEqual([]);
  });

  it('checks every word of a Title Case title, and skips shared brand terms', () => {
    const title = 'Steel Watter Bottle Xiaomi';
    const issues = checkSpelling(title, 'en', 'title', {
      speller,
      isAllowed: none,
      sharedTerms: new Set(['xiaomi']),
    });
    expect(issues.map((i) => i.params.word)).toEqual(['Watter']);
  });

  it('checks the word a French elision leans on, not the article with it', () => {
    const fr = wordListSpeller('la bouteille garde eau fraîche', { botueille: 'bouteille' });
    const text = "La botueille garde l'eau fraîche, d'eau et d'botueille.";
    const issues = checkSpelling(text, 'fr', 'description', { speller: fr, isAllowed: none });
    expect(issues.map((i) => i.params.word)).toEqual(['botueille', 'botueille']);
  });

  it('suggests the close correction, or hunspell only up to maxSuggestions', () => {
    const issues = checkSpelling('drinsk cold, bottle bottle', 'en', 'description', {
      speller,
      isAllowed: none,
      maxSuggestions: 0,
    });
    expect(issues.map((i) => i.suggestion)).toEqual(['drinks']);
    expect(issues[0]!.confidence).toBeGreaterThanOrEqual(MIN_SPELLING_CONFIDENCE);
  });
});

describe('spelling confidence: a word is reported only on strong evidence', () => {
  const es = wordListSpeller(
    `la el de las los con y para es una un lámpara luz brillo bolsa cómodo ajuste riego sistema
     apilar cubo enhebrar aguja dañar sin caja tapa desembalar limpiar espera máxima potencia`,
  );
  const en = wordListSpeller('the lamp light bypass shears timer flame candle lumens dimmer glue');
  const ru = wordListSpeller('лампа свет для и с набор ручка лампочка');
  const check = (text: string, lang: Language, s = es, context?: SpellingContext) =>
    checkSpelling(text, lang, 'description', { speller: s, isAllowed: none, context }).map(
      (i) => `${i.params.word}@${i.confidence}`,
    );

  it('reports a slip one edit from a dictionary word, with a confidence that grows with length', () => {
    const found = check('La lámpara da un ajuste comodo y mucho brilo.', 'es');
    expect(found.map((f) => f.split('@')[0])).toEqual(['comodo', 'brilo']);
    const [accent, slip] = found.map((f) => Number(f.split('@')[1]));
    expect(accent).toBeGreaterThan(slip!); // a missing accent is the surest slip
  });

  it('does not report a word with no dictionary word one slip away (rare product terms)', () => {
    expect(check('Sistema de autoirrigación xilófono.', 'es')).toEqual([]);
  });

  it('knows regular formations: -able from a verb, -dor agents, infinitive + pronoun, doubled r, diminutives', () => {
    expect(check('Cubo apilable con enhebrador; sin dañarla ni desembalarla.', 'es')).toEqual([]);
    expect(check('Sistema de autorriego y bolsita.', 'es')).toEqual([]);
    expect(check('Flameless candle.', 'en', en)).toEqual([]);
    // Eighth round: Russian verbs in -ировать from a known noun, their verbal nouns and participles.
    // ("автоклавирование" had read as a slip of "авто" + "лавирование", one letter away.)
    const lab = wordListSpeller('пробирки выдерживают и автоклав лавирование');
    expect(check('Пробирки выдерживают автоклавирование и автоклавируются.', 'ru', lab)).toEqual([]);
    const noNoun = wordListSpeller('пробирки выдерживают и лавирование');
    expect(check('Пробирки выдерживают автоклавирование.', 'ru', noNoun).map((w) => w.split('@')[0])).toEqual(
      ['автоклавирование'],
    );
  });

  it('treats English words in a es/fr/pt/ru text as loanwords unless only an accent is missing', () => {
    const context: SpellingContext = {
      otherWords: new Map([['en', new Set(['timer', 'bypass'])]]),
      english: en,
    };
    expect(check('La lámpara con timer y bypass.', 'es', es, context)).toEqual([]);
    expect(
      check('La lámpara da la maxima luz.', 'es', es, { ...context, english: wordListSpeller('maxima') }),
    ).toHaveLength(1);
  });

  it('treats cognates and transliterations of words of the other versions as product terms', () => {
    const context: SpellingContext = {
      otherWords: new Map([
        ['en', new Set(['lumens', 'dimmer', 'camping'])],
        ['pt', new Set(['lúmens'])],
      ]),
      english: en,
    };
    expect(check('La lámpara da 800 lúmenes luz, lumenes.', 'es', es, context)).toEqual([]);
    expect(check('Лампа с диммером, кемпинговый свет.', 'ru', ru, context)).toEqual([]);
  });

  it('does not report a term the seller writes twice in the version (title and description)', () => {
    const versionText = 'Lámpara brilo\nLa lámpara da brilo y más brilos.';
    expect(check('La lámpara da brilo.', 'es', es, { otherWords: new Map(), versionText })).toEqual([]);
    expect(check('La lámpara da brilo.', 'es', es, { otherWords: new Map() })).toHaveLength(1);
  });

  it('checks hyphenated compounds by their parts', () => {
    expect(check('Набор ручка-лампа.', 'ru', ru)).toEqual([]);
    expect(check('Набор ручка-лампочкка.', 'ru', ru).map((f) => f.split('@')[0])).toEqual([
      'ручка-лампочкка',
    ]);
  });

  it('honours a minimum confidence', () => {
    expect(
      checkSpelling('La lámpara da mucho brilo.', 'es', 'description', {
        speller: es,
        isAllowed: none,
        minConfidence: 0.99,
      }),
    ).toEqual([]);
  });
});

describe('spelling with a frequency word list (the noisy channel)', () => {
  const es = wordListSpeller(
    'la el de con y para es una un crema cómodo ajuste chalota botella vaso porta vasos',
    {},
    {
      la: 150,
      el: 160,
      de: 140,
      crema: 420,
      cómodo: 478,
      comodo: 580,
      hialurónico: 692,
      chalota: 650,
      porta: 600,
      vasos: 560,
      ácido: 450,
    },
  );
  const ru = wordListSpeller(
    'набор для и с напитки напиток ламель',
    {},
    { напитки: 500, напитков: 520, напитка: 540, ламель: 690, ламели: 701, ламелей: 720, ламелями: 750 },
  );
  const words = (text: string, lang: 'es' | 'ru', speller = lang === 'es' ? es : ru) =>
    checkSpelling(text, lang, 'description', { speller, isAllowed: none }).map((i) => i.params.word);

  it('knows a word hunspell lacks when the list has it (INCI, trade terms)', () => {
    expect(words('La crema con ácido hialurónico.', 'es')).toEqual([]);
  });

  it('still reports a listed word that is a slip of a far more frequent one', () => {
    expect(words('Un ajuste comodo.', 'es')).toEqual(['comodo']);
  });

  it('reads a listed word one distant consonant from a frequent one as a word (eighth round)', () => {
    // My own words: "chamfer" beside "chamber" in English. f and b are far apart and sound nothing
    // alike, so no likely slip turns one into the other; a neighbouring key still does.
    const en = wordListSpeller(
      'a the with edge and chamber bit router',
      {},
      {
        a: 120,
        the: 110,
        with: 200,
        edge: 450,
        and: 130,
        chamber: 453,
        bit: 420,
        router: 520,
        chamfer: 719,
        chanber: 780,
      },
    );
    const english = (text: string) =>
      checkSpelling(text, 'en', 'description', { speller: en, isAllowed: none }).map((i) => i.params.word);
    expect(english('A router bit with a chamfer edge.')).toEqual([]);
    expect(english('A router bit with a chanber edge.')).toEqual(['chanber']);
  });

  it('knows inflected forms of listed words, and a Russian form needs two attested siblings', () => {
    expect(words('La crema de chalotas.', 'es')).toEqual([]);
    expect(words('Набор с ламелями.', 'ru')).toEqual([]);
    // к + ы breaks Russian spelling: a slip, not a form of "напитки".
    expect(words('Набор для напиткы.', 'ru')).toEqual(['напиткы']);
  });

  it('knows a Russian relational adjective of a known noun (noun + -ов-/-ев- + ending)', () => {
    const ruNouns = wordListSpeller('набор для и с гель бамбук школьный', {}, { гель: 600, бамбук: 620 });
    expect(words('Набор с гелевыми и бамбуковых.', 'ru', ruNouns)).toEqual([]);
  });

  it('reads two frequent words run together as a coined term, not a slip', () => {
    expect(words('Un portavasos de botella.', 'es')).toEqual([]);
  });
});

/** A frequency-list speller with the list's prefix search (`family`), as the adapter gives it. */
function listSpeller(words: string, frequencies: Record<string, number>) {
  const base = wordListSpeller(words, {}, frequencies);
  const sorted = Object.keys(frequencies).sort();
  return {
    ...base,
    family: (prefix: string, limit: number) =>
      sorted
        .filter((w) => w.startsWith(prefix))
        .slice(0, limit)
        .map((w) => [w, frequencies[w]!] as const),
  };
}

/** Each reported word with its suggestion. */
function slips(speller: SpellChecker, text: string, lang: Language, context?: SpellingContext) {
  return checkSpelling(text, lang, 'description', { speller, isAllowed: none, context }).map((i) => [
    i.params.word,
    i.suggestion,
  ]);
}

describe('spelling evidence from the word family and paradigm', () => {
  const ru = listSpeller('смола и за часа утверждается записывайте ведро температуру', {
    утверждается: 515,
    записывайте: 618,
    отверждение: 744,
    отверждения: 700,
    запитать: 717,
    запитан: 746,
    температуру: 515,
    температура: 480,
  });
  const words = (text: string, lang: Language, speller: SpellChecker, context?: SpellingContext) =>
    checkSpelling(text, lang, 'description', { speller, isAllowed: none, context }).map((i) => i.params.word);

  it('reads a Russian form as a word when the list has other forms of its stem (technical verbs)', () => {
    expect(words('Смола отверждается за 24 часа и запитывайте ведро.', 'ru', ru)).toEqual([]);
  });

  it('still reports a slip whose stem has no listed family, or whose family is its correction', () => {
    expect(words('Смола утвержадется.', 'ru', ru)).toEqual(['утвержадется']);
    expect(words('Смола и темпиратуру.', 'ru', ru)).toEqual(['темпиратуру']);
  });

  it('does not excuse a Russian slip as a cognate when its correction reads as that word better', () => {
    const context: SpellingContext = { otherWords: new Map([['es', new Set(['temperatura'])]]) };
    expect(words('Смола и темпиратуру.', 'ru', ru, context)).toEqual(['темпиратуру']);
  });

  it('prefers a likely slip (a vowel, a neighbouring key) to a more frequent unlikely one', () => {
    const ru = wordListSpeller(
      'и зарядка порядка',
      { зорядка: 'зарядка' },
      { и: 100, зарядка: 584, порядка: 412 },
    );
    const found = checkSpelling('И зорядка.', 'ru', 'description', {
      speller: ru,
      isAllowed: none,
      maxSuggestions: 0,
    });
    expect(found.map((i) => [i.params.word, i.suggestion])).toEqual([['зорядка', 'зарядка']]);
  });

  it('reads a listed compound rivalling its correction as a word, a doubled letter as a slip', () => {
    const en = wordListSpeller(
      'the kit hard wire ware hardware spattering paint spat ring',
      {},
      {
        the: 100,
        kit: 560,
        hard: 450,
        wire: 520,
        ware: 600,
        hardware: 470,
        hardwire: 730,
        spattering: 710,
        spat: 600,
        ring: 500,
        paint: 500,
      },
    );
    expect(words('The hardwire kit.', 'en', en)).toEqual([]);
    expect(words('The paint spatering.', 'en', en)).toEqual(['spatering']);
  });

  it('does not excuse a word of another language when its correction here is far more frequent', () => {
    const es = wordListSpeller('un aspecto nuevo da', {}, { un: 100, da: 300, aspecto: 429, nuevo: 350 });
    const pt = wordListSpeller('aspeto', {}, { aspeto: 574 });
    expect(words('Da un aspeto nuevo.', 'es', es, { otherWords: new Map(), others: { es, pt } })).toEqual([
      'aspeto',
    ]);
  });

  it('reports a listed misspelling when another version of the listing writes its correction', () => {
    const en = wordListSpeller(
      'led bike light rechargeable massage',
      {},
      {
        led: 300,
        bike: 500,
        light: 400,
        rechargeable: 608,
        rechargable: 746,
        massage: 450,
        massager: 580,
      },
    );
    const context: SpellingContext = { otherWords: new Map([['fr', new Set(['rechargeable', 'massage'])]]) };
    expect(words('Rechargable LED bike light.', 'en', en, context)).toEqual(['Rechargable']);
    expect(words('Rechargable LED bike light.', 'en', en, { otherWords: new Map() })).toEqual([]);
    // A derivation of the other version's word is no slip of it.
    expect(words('LED massager.', 'en', en, context)).toEqual([]);
  });

  it('knows French agent nouns of -er verbs and Russian -ьн- adjectives of known nouns, prefixed or not', () => {
    const fr = wordListSpeller('le tasser et passeur', {}, { le: 100, tasser: 622, passeur: 557 });
    expect(words('Le tasseur et le passeur.', 'fr', fr)).toEqual([]);
    const ru = wordListSpeller('с слоем прокол', {}, { прокол: 595 });
    expect(words('С антипрокольным слоем.', 'ru', ru)).toEqual([]);
  });

  it('reads another form of its correction as an inflection, and no "-ss" as a plural', () => {
    const en = wordListSpeller(
      'the tames flyaway brightness',
      {},
      { the: 100, flyaway: 701, flyaways: 771, brightness: 543 },
    );
    expect(words('The oil tames flyaways.', 'en', en)).toEqual([]);
    expect(words('The brightnes.', 'en', en)).toEqual(['brightnes']);
  });
});

describe('spelling evidence from Russian word formation and English agent nouns (issue 18, round 4)', () => {
  const words = (text: string, lang: Language, speller: SpellChecker) =>
    checkSpelling(text, lang, 'description', { speller, isAllowed: none }).map((i) => i.params.word);
  const ru = listSpeller(
    'и на подмотать проставить шлифуйте гофра поставки работы двухэтапная двухэтапный двухэтапной',
    {
      и: 100,
      на: 150,
      поставки: 468,
      проставки: 753,
      проставить: 678,
      гофры: 754,
      работы: 400,
      двухэтапная: 750,
      двухэтапной: 717,
      двухэтапный: 732,
      двухэтажное: 605,
      двухэтапное: 786,
    },
  );

  it('reads a noun in -ка of a known verb as a word, even beside a frequent neighbour', () => {
    expect(words('И подмотки и проставки на проставок.', 'ru', ru)).toEqual([]);
  });

  it('reads a verbal prefix on a known word, and a form whose lemma the dictionary has, as words', () => {
    expect(words('Прошлифуйте и гофрой.', 'ru', ru)).toEqual([]);
  });

  it('reads a listed form of a listed compound paradigm as a word (х before э is a join, not an ending)', () => {
    expect(words('И двухэтапное.', 'ru', ru)).toEqual([]);
  });

  it('still reports slips of the stem and of a common word', () => {
    expect(words('И поствки и рабоыт.', 'ru', ru)).toEqual(['поствки', 'рабоыт']);
  });

  it('reads an agent noun in -er of an English verb in -e as a word, not a doubled consonant', () => {
    const en = wordListSpeller(
      'the queen exclude wrap wrapper',
      {},
      { the: 100, queen: 500, exclude: 522, wrap: 560, wrapper: 600 },
    );
    expect(words('The queen excluder.', 'en', en)).toEqual([]);
    expect(words('The queen wraper.', 'en', en)).toEqual(['wraper']);
  });

  it('reads a form of a short Russian stem with three listed forms as a word, not one with fewer', () => {
    const short = listSpeller('и спинами', {
      и: 100,
      пин: 566,
      пины: 688,
      пина: 628,
      спинами: 584,
    });
    expect(words('И пинами.', 'ru', short)).toEqual([]);
    const fewer = listSpeller('и спинами', { и: 100, пины: 688, пина: 628, спинами: 584 });
    expect(words('И пинами.', 'ru', fewer)).toEqual(['пинами']);
  });

  it('reads a form whose sibling the list has more often than an unlisted correction as a word', () => {
    const fr = wordListSpeller('le et greffoirs chats', {}, { le: 100, et: 100, griffoir: 772, chats: 500 });
    expect(words('Le griffoirs et chats.', 'fr', fr)).toEqual([]);
    const listed = wordListSpeller(
      'le et greffoirs',
      {},
      { le: 100, et: 100, griffoir: 772, greffoirs: 700 },
    );
    expect(words('Le griffoirs et.', 'fr', listed)).toEqual(['griffoirs']);
  });
});

describe('spelling evidence from word formation (issue 18, round 5)', () => {
  const words = (text: string, lang: Language, speller: SpellChecker) =>
    checkSpelling(text, lang, 'description', { speller, isAllowed: none }).map((i) => i.params.word);

  it('knows a prefix on a regular derivation and the pre- participles of known verbs', () => {
    const es = wordListSpeller('la bomba es y limpiar cebar montado formada pieza');
    expect(words('La bomba autocebante es autolimpiable y premontado.', 'es', es)).toEqual([]);
    expect(words('Pieza preformada.', 'es', es)).toEqual([]);
    const fr = wordListSpeller('le kit est monté et affûter');
    expect(words('Le kit est prémonté et affûtant.', 'fr', fr)).toEqual([]);
  });

  it('knows English agent nouns and -ing forms of verbs that double no consonant, not of those that do', () => {
    const en = wordListSpeller('the focus clarify wick run wrap and running wrapper');
    expect(words('The focusers and clarifier and wicking.', 'en', en)).toEqual([]);
    expect(words('The runing and wraper.', 'en', en)).toEqual(['runing', 'wraper']);
  });

  it('knows Spanish nouns of action of -ar and -ear verbs, with their accent, and -iaco without it', () => {
    const es = wordListSpeller('la de y instalar instalación reclinar trastear cardíaca frecuencia');
    expect(words('La reclinación y trasteos de frecuencia cardiaca.', 'es', es)).toEqual([]);
    expect(words('La instalacion.', 'es', es)).toEqual(['instalacion']);
  });

  it('reads a listed Russian case form of a noun the dictionary has bare, not a cut word', () => {
    const ru = wordListSpeller(
      'и новые дизайн',
      {},
      { и: 100, новые: 400, дизайн: 466, дизайна: 502, дизайны: 665 },
    );
    expect(words('И новые дизайны.', 'ru', ru)).toEqual([]);
  });

  it('leaves Ukrainian words in a Russian text to the language check', () => {
    const ru = wordListSpeller('в комплекте задний');
    expect(words('В комплекті задній.', 'ru', ru)).toEqual([]);
  });
});

describe('spelling evidence from Russian loan nouns and verb forms (issue 18, round 6)', () => {
  const words = (text: string, speller: SpellChecker) =>
    checkSpelling(text, 'ru', 'description', { speller, isAllowed: none }).map((i) => i.params.word);

  it('reads a case form of a loan noun the list has bare as a word', () => {
    const listed = listSpeller('и для лидеров', { и: 100, для: 120, лидеров: 520, фидер: 780 });
    expect(words('И для фидеров.', listed)).toEqual([]);
    const unlisted = listSpeller('и для лидеров', { и: 100, для: 120, лидеров: 520 });
    expect(words('И для фидеров.', unlisted)).toEqual(['фидеров']);
  });

  it('reads a form of a verb whose infinitive the dictionary has as a word', () => {
    const known = listSpeller('и прошивать пришивайте', { и: 100, пришивайте: 690 });
    expect(words('И прошивайте.', known)).toEqual([]);
    const unknown = listSpeller('и пришивайте', { и: 100, пришивайте: 690 });
    expect(words('И прошивайте.', unknown)).toEqual(['прошивайте']);
  });
});

describe('spelling evidence: denominal verbs, English loan pairs and accents (issue 18, round 6)', () => {
  const words = (text: string, lang: Language, speller: SpellChecker, context?: SpellingContext) =>
    checkSpelling(text, lang, 'description', {
      speller,
      isAllowed: none,
      ...(context ? { context } : {}),
    }).map((i) => i.params.word);

  it('reads a Spanish or Portuguese -ar verb made from a known noun as a word', () => {
    const es = wordListSpeller('y para cortar pedal pedalear', {}, { y: 100, para: 120, pedalear: 600 });
    // "pedalar" = "pedal" + "ar", one letter from "pedalear".
    expect(words('Y para pedalar.', 'es', es)).toEqual([]);
    const noNoun = wordListSpeller('y para cortar pedalear', {}, { y: 100, para: 120, pedalear: 600 });
    expect(words('Y para pedalar.', 'es', noNoun)).toEqual(['pedalar']);
  });

  it('reads an English word whose correction is another English word as a loan of the seller', () => {
    const pt = wordListSpeller('e com modo', {}, { e: 100, com: 110, modo: 500, offset: 720, onset: 560 });
    const english = wordListSpeller('offset onset');
    const context: SpellingContext = { otherWords: new Map(), english };
    expect(words('E com offset.', 'pt', pt, context)).toEqual([]);
  });

  it('reads an accent in an English word as a deliberate loan spelling', () => {
    const en = wordListSpeller(
      'the soft fabric frappe',
      {},
      { the: 100, soft: 400, fabric: 450, frappe: 560 },
    );
    expect(words('The soft frappé fabric.', 'en', en)).toEqual([]);
  });
});

describe('spelling evidence: endings whose accent the language requires (issue 18, round 7)', () => {
  const words = (text: string, lang: Language, speller: SpellChecker) =>
    checkSpelling(text, lang, 'description', { speller, isAllowed: none }).map((i) => [
      i.params.word,
      i.suggestion,
    ]);

  it('reports a Spanish -cion written bare even when only the list has the accented word, and twice', () => {
    // "fermentación" only in the list (hunspell lacks it); the bare form is listed nowhere.
    const es = wordListSpeller(
      'la y el de mosto',
      {},
      { la: 100, y: 100, el: 100, de: 100, mosto: 600, fermentación: 650 },
    );
    expect(words('La fermentacion del mosto y la fermentacion.', 'es', es)).toEqual([
      ['fermentacion', 'fermentación'],
      ['fermentacion', 'fermentación'],
    ]);
  });

  it('reports a Portuguese -cao and -coes for -ção and -ções, two diacritics away', () => {
    const pt = wordListSpeller(
      'a da e rápida ligação ligações',
      {},
      { a: 100, da: 100, e: 100, rápida: 450, ligação: 420, ligações: 480, ligacao: 690 },
    );
    expect(words('A ligacao e rápida.', 'pt', pt)).toEqual([['ligacao', 'ligação']]);
    expect(words('A ligacoes e rápida.', 'pt', pt)).toEqual([['ligacoes', 'ligações']]);
  });

  it('leaves an unaccented ending alone when the accented word is unknown', () => {
    const es = wordListSpeller('la y el de', {}, { la: 100, y: 100, el: 100, de: 100 });
    expect(words('La sublimacion.', 'es', es)).toEqual([]);
  });
});

describe('spelling evidence from Russian paradigms and compounds (issue 18, round 7)', () => {
  const words = (text: string, speller: SpellChecker) =>
    checkSpelling(text, 'ru', 'description', { speller, isAllowed: none }).map((i) => i.params.word);

  it('reads a case form of an -ие noun whose dictionary entry has two other forms as a word', () => {
    const known = listSpeller('и для вязание вязания вязаний', {
      и: 100,
      для: 120,
      вязания: 600,
      вязаний: 640,
    });
    // The dictionary lacks the genitive plural and the instrumental plural.
    const dictionary = listSpeller('и для вязание вязания', { и: 100, для: 120, вязания: 600, вязаний: 640 });
    expect(words('И для вязаниями.', known)).toEqual([]);
    expect(words('И для вязаний.', dictionary)).toEqual([]);
  });

  it('reads a numeral compound adjective of a known noun as a word, not as a slip of a neighbour', () => {
    const speller = listSpeller('и ремень ремня шов трехстрочный', {
      и: 100,
      ремень: 600,
      шов: 620,
      трехстрочный: 700,
    });
    expect(words('И ремень трехшовный.', speller)).toEqual([]);
  });

  it('reports a doubled or dropped letter of a common word even when the list has the slip in every form', () => {
    const speller = listSpeller('и сосуд стеклянный стеклянными стеклянная', {
      и: 100,
      стеклянными: 560,
      стеклянный: 540,
      стекляными: 780,
      стекляный: 760,
      стекляная: 765,
    });
    expect(words('И сосуд стекляными.', speller)).toEqual(['стекляными']);
  });

  it('reads "-ов-" on a noun in -ь as a slip of "-ев-", not as a relational adjective', () => {
    const speller = listSpeller('и из стол стали сталь стальной тополь тополевый', {
      и: 100,
      из: 110,
      тополевый: 740,
    });
    expect(words('И из тополевый.', speller)).toEqual([]);
    expect(words('И из тополовый.', speller)).toEqual(['тополовый']);
  });

  it('reads no -ей form from an -ие noun: "-ий" and "-ие" are no adjective siblings', () => {
    const speller = listSpeller('и для покрытие покрытия покрытий', {
      и: 100,
      для: 120,
      покрытий: 520,
      покрытия: 500,
    });
    expect(words('И для покрытей.', speller)).toEqual(['покрытей']);
  });
});

describe('a regular derivation that the list reads as a slip of a common word (issue 18, round 7)', () => {
  const words = (text: string, lang: Language, speller: SpellChecker) =>
    checkSpelling(text, lang, 'description', { speller, isAllowed: none }).map((i) => i.params.word);

  it('reports "-eur" of an -er verb when the list has it a hundred times rarer than a common word', () => {
    // "monter" + "-eur" is an agent noun; "border" + "-eur" read as "bordeur" stays one too when the
    // list has no frequent neighbour, but "hauter" + "-eur" beside a frequent "hauteur" is a slip.
    const fr = listSpeller('la de pinceaux monter border hauter hauteur', {
      la: 100,
      de: 100,
      hauteur: 430,
      hauteru: 690,
    });
    expect(words('La monteur de pinceaux.', 'fr', fr)).toEqual([]);
    expect(words('La bordeur de pinceaux.', 'fr', fr)).toEqual([]);
    // A made-up verb "fonger" and a frequent noun "fongueur": "fongeur" is shaped like an agent noun
    // but the list has it a hundred times rarer than the noun one letter away.
    const listed = listSpeller('la de pinceaux fonger fongueur', {
      la: 100,
      de: 100,
      fongueur: 430,
      fongeur: 690,
    });
    expect(words('La fongeur de pinceaux.', 'fr', listed)).toEqual(['fongeur']);
    const rare = listSpeller('la de pinceaux fonger fongueur', { la: 100, de: 100, fongueur: 430 });
    expect(words('La fongeur de pinceaux.', 'fr', rare)).toEqual([]);
  });
});

describe('slips the web repeats, soft g and c in French derivations (issue 18, round 9)', () => {
  const words = (text: string, lang: Language, speller: SpellChecker) =>
    checkSpelling(text, lang, 'description', { speller, isAllowed: none }).map((i) => i.params.word);

  it('reports a letter dropped from a common word even when the list has the slip in other forms', () => {
    // Made-up words: "mindutos" a common word, "midutos" and "miduto" its slip as web text repeats it.
    const withSlips = { la: 100, de: 100, mindutos: 430, midutos: 790, miduto: 760 };
    const es = listSpeller('la de pantalla muestra mindutos', withSlips);
    expect(words('La pantalla muestra midutos.', 'es', es)).toEqual(['midutos']);
    // A rare trade word one letter shorter than a word only ten times as frequent stays a word.
    const near = listSpeller('la de pantalla muestra mindutos', { ...withSlips, mindutos: 700 });
    expect(words('La pantalla muestra midutos.', 'es', near)).toEqual([]);
  });

  it('reads "-gable" and "-cable" of a French -ger or -cer verb as a slip, not a derivation', () => {
    const fr = listSpeller('la de batterie est recharger rechargeable remplacer remplaçable', {
      la: 100,
      de: 100,
      rechargeable: 612,
      remplaçable: 636,
    });
    expect(words('La batterie est rechargable.', 'fr', fr)).toEqual(['rechargable']);
    expect(words('La batterie est rechargeable.', 'fr', fr)).toEqual([]);
  });
});

describe('French "é" before a consonant the word doubles (issue 18, round 9)', () => {
  it('suggests "nettoyage" for "nétoyage" and "efficace" for "éfficace"', () => {
    const fr = listSpeller('la brosse de nettoyage est efficace', {
      la: 100,
      de: 100,
      est: 100,
      nettoyage: 520,
      efficace: 480,
    });
    const issues = checkSpelling('La brosse de nétoyage est éfficace.', 'fr', 'description', {
      speller: fr,
      isAllowed: none,
    });
    expect(issues.map((i) => [i.params.word, i.suggestion])).toEqual([
      ['nétoyage', 'nettoyage'],
      ['éfficace', 'efficace'],
    ]);
  });
});

describe('Russian verbal nouns of -ывать and -ивать verbs (issue 18, round 9)', () => {
  it('reads "перекусыванию" as the verbal noun of a known "перекусывать", not a slip of its neighbour', () => {
    // "перекутыванию" is one letter away: without the derivation the word reads as its slip.
    const ru = listSpeller('дужка устойчива к перекусывать перекутыванию закручивать', {
      к: 100,
      перекутыванию: 700,
    });
    const words = (text: string) =>
      checkSpelling(text, 'ru', 'description', { speller: ru, isAllowed: none }).map((i) => i.params.word);
    expect(words('Дужка устойчива к перекусыванию.')).toEqual([]);
    // Without a known verb it stays a slip of its neighbour.
    expect(words('Дужка устойчива к перекуфыванию.')).toEqual(['перекуфыванию']);
  });
});

describe('regular forms the lists lack: Russian plural imperatives, English -able (issue 18, round 10)', () => {
  it('reads the plural imperative of a known -ывать verb as a word, though another form is one letter away', () => {
    const ru = listSpeller('и колесо прокатывать прокатываете', { и: 100, прокатываете: 650 });
    const words = (text: string) =>
      checkSpelling(text, 'ru', 'description', { speller: ru, isAllowed: none }).map((i) => i.params.word);
    expect(words('И прокатывайте колесо.')).toEqual([]);
    // Without the infinitive in the dictionary it reads as a slip of the form one letter away.
    const unknown = listSpeller('и колесо прокатываете', { и: 100, прокатываете: 650 });
    expect(
      checkSpelling('И прокатывайте колесо.', 'ru', 'description', { speller: unknown, isAllowed: none }).map(
        (i) => i.params.word,
      ),
    ).toEqual(['прокатывайте']);
  });

  it('reads an -able adjective of a known verb as a word unless the dictionary spells it the other way', () => {
    const en = listSpeller('the white is tune rotate recharge rechargeable battery unable', {
      the: 100,
      unable: 440,
    });
    const words = (text: string) =>
      checkSpelling(text, 'en', 'description', { speller: en, isAllowed: none }).map((i) => i.params.word);
    expect(words('The white is tunable.')).toEqual([]);
    expect(words('The rechargable battery.')).toEqual(['rechargable']);
  });
});

describe('accents of the plural, imperatives of -ить verbs, Portuguese subjunctives (issue 18, round 11)', () => {
  const words = (speller: SpellChecker, text: string, lang: Language) =>
    checkSpelling(text, lang, 'description', { speller, isAllowed: none }).map((i) => i.params.word);

  it('reports a plural that keeps the accent of a last syllable in -n or -s', () => {
    const es = listSpeller('los de tela jardín jardines', { los: 100, jardín: 450, jardines: 520 });
    expect(words(es, 'Los jardínes de tela.', 'es')).toEqual(['jardínes']);
    expect(words(es, 'Los jardines de tela.', 'es')).toEqual([]);
  });

  it('reads the imperative of a known -ить verb and the subjunctive of a known -ar verb as words', () => {
    const ru = listSpeller('и дом обставить оставьте', { и: 100, оставьте: 514 });
    expect(words(ru, 'И обставьте дом.', 'ru')).toEqual([]);
    const pt = listSpeller('uma casa mobiliar mobile', { uma: 100, mobile: 506 });
    expect(words(pt, 'Mobilie uma casa.', 'pt')).toEqual([]);
    // Without the verbs in the dictionary they stay slips of the words one letter away.
    expect(words(listSpeller('и дом оставьте', { и: 100, оставьте: 514 }), 'И обставьте дом.', 'ru')).toEqual(
      ['обставьте'],
    );
    expect(
      words(listSpeller('uma casa mobile', { uma: 100, mobile: 506 }), 'Mobilie uma casa.', 'pt'),
    ).toEqual(['Mobilie']);
  });
});

describe('bullets start a sentence; an accent the ending requires (issue 18, round 12)', () => {
  const es = wordListSpeller('la corriente hasta resistencia capacidad protección contra corrosión de acero');
  const words = (text: string, context?: SpellingContext) =>
    checkSpelling(text, 'es', 'description', { speller: es, isAllowed: none, context }).map(
      (i) => i.params.word,
    );

  it('checks the capitalised first word of a bullet, not a name inside a sentence', () => {
    expect(words('Corriente hasta 10 A\n• Resistensia hasta 60 MΩ')).toEqual(['Resistensia']);
    expect(words('Capacidad de Resistensia hasta 60 MΩ')).toEqual([]);
  });

  it('reports a missing -sión accent though the English version writes the word bare', () => {
    const context: SpellingContext = {
      otherWords: new Map([['en', new Set(['corrosion'])]]),
      english: wordListSpeller('corrosion protection steel'),
    };
    expect(words('Protección contra la corrosion de acero.', context)).toEqual(['corrosion']);
  });
});

describe('moved accents, dropped letters, abbreviations and agent nouns (issue 18, round 13)', () => {
  it('corrects an accent written on the wrong vowel', () => {
    const es = listSpeller('la es rápida conexión', { la: 100, es: 110, rápida: 480, conexión: 450 });
    expect(slips(es, 'La conexíon es rápida.', 'es')).toEqual([['conexíon', 'conexión']]);
    // The tilde of ñ is no accent to move.
    const tilde = listSpeller('la es una señal clara', { la: 100, señal: 460 });
    expect(slips(tilde, 'Es una señal clara.', 'es')).toEqual([]);
  });

  it('reads an unlisted word one letter short of a common word as its slip, not a form of a verb', () => {
    // "divisons" (we divide) is listed; "divison" is "division" less an i, not its singular.
    const fr = listSpeller('une du bac division divisons', { une: 100, division: 450, divisons: 690 });
    expect(slips(fr, 'Une divison du bac.', 'fr')).toEqual([['divison', 'division']]);
    // A first letter less is another word as often as a slip.
    const ru = listSpeller('с и пин пина пину пинам спинами', {
      и: 100,
      пина: 680,
      пину: 690,
      пинам: 695,
      спинами: 584,
    });
    expect(slips(ru, 'И с пинами.', 'ru')).toEqual([]);
  });

  it('does not take two spellings of one part for two compounds', () => {
    // "esta" + "tica" and "está" + "tica" are one word with and without its accent.
    const pt = listSpeller('carga alta esta está tica estática', {
      carga: 450,
      alta: 430,
      esta: 400,
      está: 380,
      estatica: 650,
      estática: 420,
    });
    expect(slips(pt, 'Carga estatica alta.', 'pt')).toEqual([['estatica', 'estática']]);
  });

  it('gives a -нн- adjective stem no noun ending', () => {
    const ru = listSpeller('повесьте на стену картину', {
      картину: 660,
      картинный: 690,
      картинная: 700,
      картинной: 710,
    });
    expect(slips(ru, 'Повесьте картинну на стену.', 'ru')).toEqual([['картинну', 'картину']]);
  });

  it('reads an abbreviation inside a sentence, not a cut word at its end', () => {
    const ru = listSpeller('кольцо мм и с', { кольцо: 500, диаметр: 520, диаметра: 540 });
    expect(slips(ru, 'Кольцо, диам. 4 мм.', 'ru')).toEqual([]);
    const judged = (text: string) =>
      checkSpelling(text, 'ru', 'description', { speller: ru, isAllowed: none, minConfidence: 0.1 }).map(
        (i) => i.params.word,
      );
    expect(judged('Кольцо и диам.')).toEqual(['диам']);
    expect(judged('Кольцо, диам. 4 мм.')).toEqual([]);
  });

  it('knows agent nouns of doubled stems, French -ateur of -ation, English plurals in -ies', () => {
    // Each beside a frequent word one slip away ("splitter", "puppies", a made-up "incubatour").
    const en = listSpeller('a quick slit for the box guppy tank splitter puppies', {
      a: 100,
      for: 100,
      the: 90,
      box: 450,
      tank: 500,
      splitter: 560,
      puppies: 540,
    });
    expect(slips(en, 'A quick slitter.', 'en')).toEqual([]);
    expect(slips(en, 'For the guppies tank.', 'en')).toEqual([]);
    // "-es" after a hissing sound: "boxs" stays a slip.
    expect(slips(en, 'For the boxs.', 'en').map(([w]) => w)).toEqual(['boxs']);
    const fr = listSpeller('un incubation incubatour', { un: 100, incubatour: 520 });
    expect(slips(fr, 'Un incubateur.', 'fr')).toEqual([]);
  });
});

describe('swapped consonants, soft adjectives, doubled letters of loans, diminutives (issue 18, round 14)', () => {
  it('corrects two consonants swapped across a vowel', () => {
    const es = listSpeller('el de la tienda catálogo', {
      el: 100,
      de: 90,
      la: 95,
      tienda: 480,
      catálogo: 520,
    });
    expect(slips(es, 'El catágolo de la tienda.', 'es')).toEqual([['catágolo', 'catálogo']]);
  });

  it('reads a hard ending on a soft adjective stem as a slip, not a form', () => {
    const ru = listSpeller('пальто зимний зимние зимнее зимняя зимним зимних мягкий мягкое', {
      пальто: 500,
      зимний: 560,
      зимние: 580,
      зимнее: 600,
      зимняя: 590,
      зимним: 610,
      зимних: 600,
      мягкий: 520,
      мягкая: 540,
    });
    expect(slips(ru, 'Зимное пальто.', 'ru').map(([w]) => w)).toEqual(['Зимное']);
    // After к the mixed endings are right: "мягкое".
    expect(slips(ru, 'Мягкое пальто.', 'ru')).toEqual([]);
  });

  it('reports a Russian word that lacks a doubled letter of a common word, whatever the loan says', () => {
    const ru = listSpeller('индикатор прогресса', { индикатор: 560, прогресса: 520 });
    const context: SpellingContext = { otherWords: new Map([['en', new Set(['progress', 'indicator'])]]) };
    expect(slips(ru, 'Индикатор прогреса.', 'ru', context)).toEqual([['прогреса', 'прогресса']]);
  });

  it('knows Spanish diminutives in -ecilla of a known noun', () => {
    // Beside a made-up frequent neighbour one slip away.
    const es = listSpeller('con una piedra piedrecalla', {
      con: 100,
      una: 110,
      piedra: 500,
      piedrecalla: 520,
    });
    expect(slips(es, 'Con una piedrecilla.', 'es')).toEqual([]);
  });
});

describe('accents the list knows, diphthongs of a doubled letter, adverbs, -age nouns (issue 18, round 15)', () => {
  it('corrects a missing accent from the list when hunspell lacks the accented word', () => {
    const es = listSpeller('suelo de gres', { suelo: 480, de: 90, gres: 700, cerámico: 760 });
    expect(slips(es, 'Suelo de gres ceramico.', 'es')).toEqual([['ceramico', 'cerámico']]);
    // Not the other way: an accented word is not "corrected" to a bare form only the list has.
    const bare = listSpeller('suelo de', { suelo: 480, de: 90, argan: 717 });
    expect(slips(bare, 'Suelo de argán.', 'es')).toEqual([]);
  });

  it('reads a word one diacritic from a common word as its slip, whatever a listed slip-form says', () => {
    const es = listSpeller('en varios tamaños', { en: 90, varios: 500, tamaños: 537, tamano: 690 });
    expect(slips(es, 'En varios tamanos.', 'es')).toEqual([['tamanos', 'tamaños']]);
  });

  it('reports an agent noun that forgot the doubled letter of a common word', () => {
    const en = listSpeller('the radio transmit transmitter', { the: 90, radio: 500, transmitter: 541 });
    expect(slips(en, 'The radio transmiter.', 'en')).toEqual([['transmiter', 'transmitter']]);
  });

  it('knows Russian adverbs of known adjectives and French -age nouns of -er verbs', () => {
    const ru = listSpeller('датчик находит бесшумный бесшумной', { датчик: 500, бесшумной: 650 });
    expect(slips(ru, 'Датчик бесшумно находит.', 'ru')).toEqual([]);
    const fr = listSpeller('plage de dénuder dénuage', { plage: 480, de: 90, dénuage: 499 });
    expect(slips(fr, 'Plage de dénudage.', 'fr')).toEqual([]);
  });
});

describe('listed slips far rarer than a common word, "anti" on short nouns (issue 18, round 17)', () => {
  it('reports a listed word a thousand times rarer than the common word it slips from', () => {
    const es = listSpeller('el agua es dulce', { el: 90, agua: 400, es: 90, dulce: 429, dulse: 785 });
    expect(slips(es, 'El agua es dulse.', 'es')).toEqual([['dulse', 'dulce']]);
  });

  it('leaves four-letter listed words and parts of hyphenated compounds alone', () => {
    const en = listSpeller('coffee pads rubber tired wheels', {
      coffee: 450,
      pads: 480,
      pods: 790,
      rubber: 500,
      tired: 429,
      tyred: 738,
      wheels: 520,
    });
    expect(slips(en, 'Coffee pods.', 'en')).toEqual([]);
    expect(slips(en, 'Rubber-tyred wheels.', 'en')).toEqual([]);
  });

  it('knows "anti" on a noun of four letters', () => {
    const es = listSpeller('bote para osos ansiosos', { bote: 600, para: 90, osos: 533, ansiosos: 561 });
    expect(slips(es, 'Bote antiosos.', 'es')).toEqual([]);
  });
});

describe('a list of common misspellings (issue 18, round 21)', () => {
  // The frequency list has the slip (web text is full of it), hunspell does not.
  const en = {
    ...listSpeller('the bag has a seam and zip', { seamles: 770, seamless: 569, the: 200 }),
    misspelling: (word: string) => ({ seamles: 'seamless', tehm: 'them' })[word],
  };

  it('reports a listed slip the frequency list vouches for, with its correction in the word case', () => {
    expect(slips(en, 'The bag has a seamles zip.', 'en')).toEqual([['seamles', 'seamless']]);
    expect(slips(en, 'Seamles bag, zip.', 'en')).toEqual([['Seamles', 'Seamless']]);
  });

  it('leaves words hunspell knows, shop words and names inside a sentence alone', () => {
    const known = { ...en, correct: (word: string) => word === 'seamles' || en.correct(word) };
    expect(slips(known, 'The bag has a seamles zip.', 'en')).toEqual([]);
    const allowed = checkSpelling('The bag has a seamles zip.', 'en', 'description', {
      speller: en,
      isAllowed: (word) => word === 'seamles',
    });
    expect(allowed).toEqual([]);
    expect(slips(en, 'The bag has a Seamles zip.', 'en')).toEqual([]);
  });
});
