import type { Language } from '../../types.js';

/** Productive prefixes: "antiadherente" is fine when "adherente" is a word. */
export const PREFIXES: Readonly<Record<Language, readonly string[]>> = {
  en: ['anti', 'non', 're', 'pre', 'de', 'multi', 'mini', 'micro', 'ultra', 'super', 'over', 'under', 'eco'],
  es: 'anti re pre des multi mini micro ultra super auto semi termo bio eco contra sobre porta cubre guarda'.split(
    ' ',
  ),
  fr: 'anti re ré pré dé multi mini micro ultra super auto semi thermo bio éco sur porte garde'.split(' '),
  ru: 'не анти авто мини микро супер ультра термо полу само водо влаго свето электро вело фото аудио видео эко'.split(
    ' ',
  ),
  pt: 'anti re pré pre des multi mini micro ultra super auto semi termo bio eco porta guarda'.split(' '),
};

/** Diminutive endings (Spanish -ito/-illo, Portuguese -inho): "bolsita" is a small "bolsa". */
export const DIMINUTIVES: Readonly<Partial<Record<Language, readonly string[]>>> = {
  // -ecito and -ecilla after a diphthong or a short stem: rueda -> ruedecilla.
  es: [
    'ito',
    'ita',
    'itos',
    'itas',
    'ecito',
    'ecita',
    'ecitos',
    'ecitas',
    'ecillo',
    'ecilla',
    'ecillos',
    'ecillas',
  ],
  pt: ['inho', 'inha', 'inhos', 'inhas', 'zinho', 'zinha'],
};
export const DIMINUTIVE_BASE_ENDINGS = ['o', 'a', 'e', ''];

/**
 * Regular derivations from a known word: adjectives in -able/-ible from verbs (apilar ->
 * apilable), agent nouns in -dor and -eur (enhebrar -> enhebrador, tasser -> tasseur), English
 * -less/-ness.
 */
export const DERIVATIONS: Readonly<Record<Language, ReadonlyArray<readonly [string, readonly string[]]>>> = {
  en: [
    ['less', ['']],
    ['ness', ['', 'e']],
    // Agent nouns of verbs in -e: exclude -> excluder (a queen excluder), not wrap -> "wraper".
    ['er', ['e']],
    ['ers', ['e']],
    // Agent nouns of verbs in -y: clarify -> clarifier, humidify -> humidifier.
    ['ier', ['y']],
    ['iers', ['y']],
  ],
  es: [
    ['able', ['ar']],
    ['ables', ['ar']],
    ['ible', ['ir', 'er']],
    ['ibles', ['ir', 'er']],
    ['ador', ['ar']],
    ['adora', ['ar']],
    ['adores', ['ar']],
    ['edor', ['er']],
    ['idor', ['ir']],
    // Adjectives of -ar verbs in -ante: cebar -> cebante, limpiar -> limpiante.
    ['ante', ['ar']],
    ['antes', ['ar']],
    // Nouns of action: reclinar -> reclinación (with its accent: "instalacion" stays a slip),
    // trastear -> trasteo.
    ['ación', ['ar']],
    ['aciones', ['ar']],
    ['eo', ['ear']],
    ['eos', ['ear']],
  ],
  fr: [
    ['able', ['er']],
    ['ables', ['er']],
    ['ible', ['ir', 're']],
    ['ibles', ['ir', 're']],
    // Agent nouns of -er verbs: tasser -> tasseur (a coffee tamper), doser -> doseur; of nouns of
    // action in -ation: maturation -> maturateur (a settling tank), aération -> aérateur.
    ['eur', ['er']],
    ['eurs', ['er']],
    // Nouns of action of -er verbs: dénuder -> dénudage, sertir is no -er verb.
    ['age', ['er']],
    ['ages', ['er']],
    ['ateur', ['ation']],
    ['ateurs', ['ation']],
    ['atrice', ['ation']],
    ['atrices', ['ation']],
    // Present participles used as adjectives: affûter -> affûtant(e)(s).
    ['ant', ['er']],
    ['ante', ['er']],
    ['ants', ['er']],
    ['antes', ['er']],
    ['euse', ['er']],
    ['euses', ['er']],
  ],
  pt: [
    ['ável', ['ar']],
    ['áveis', ['ar']],
    ['ível', ['ir', 'er']],
    ['íveis', ['ir', 'er']],
    ['ador', ['ar']],
    ['adora', ['ar']],
    ['edor', ['er']],
    ['ante', ['ar']],
    ['antes', ['ar']],
    ['ação', ['ar']],
    ['ações', ['ar']],
  ],
  // Verbs in -ировать made from a noun, and their verbal nouns and participles: автоклав ->
  // автоклавирование, автоклавируется (the dictionary has the noun, rarely the derivation).
  ru: [
    'ирование',
    'ирования',
    'ированию',
    'ированием',
    'ировании',
    'ировать',
    'ирует',
    'ируется',
    'ируют',
    'ируются',
    'ированный',
    'ированная',
    'ированное',
    'ированные',
    'ированного',
    'ированной',
    'ированным',
    'ированными',
    // Verbal nouns of imperfective verbs in -ывать, -ивать: перекусывать -> перекусыванию.
    ...['ание', 'ания', 'анию', 'анием', 'ании'].flatMap((ending) => [`ыв${ending}`, `ив${ending}`]),
  ].map(
    (suffix) =>
      [suffix, [suffix.startsWith('ыв') ? 'ывать' : suffix.startsWith('ив') ? 'ивать' : '']] as const,
  ),
};

/**
 * Inflection: endings that alternate on one stem. A word is an inflected form of a known word when
 * swapping its ending for another of the same group gives a well-attested word. Romance groups are
 * pairs (singular and plural, masculine and feminine in es/pt), so a dropped letter before the
 * plural ("bactéris") does not pass for a form; Russian groups are whole declensions and
 * conjugations, and a Russian form needs two attested siblings.
 */
export const PARADIGMS: Readonly<Record<Language, ReadonlyArray<readonly string[]>>> = {
  en: [
    ['', 's'],
    ['', 'es'],
    ['y', 'ies'],
  ],
  es: [
    ['o', 'os'],
    ['a', 'as'],
    ['o', 'a'],
    ['os', 'as'],
    ['e', 'es'],
    ['', 'es'],
    ['ón', 'ones'],
    ['z', 'ces'],
  ],
  pt: [
    ['o', 'os'],
    ['a', 'as'],
    ['o', 'a'],
    ['os', 'as'],
    ['e', 'es'],
    ['', 'es'],
    ['ão', 'ões'],
    ['ão', 'ães'],
    ['al', 'ais'],
    ['el', 'éis'],
    ['ol', 'óis'],
    ['il', 'is'],
    ['m', 'ns'],
  ],
  fr: [
    ['', 's'],
    ['', 'x'],
    ['e', 'es'],
    ['al', 'aux'],
    ['eau', 'eaux'],
  ],
  ru: [
    ['', 'а', 'у', 'ом', 'е', 'ы', 'и', 'ов', 'ам', 'ами', 'ах'],
    ['ь', 'я', 'ю', 'ем', 'е', 'и', 'ей', 'ям', 'ями', 'ях'],
    ['а', 'ы', 'и', 'е', 'у', 'ой', 'ою', '', 'ам', 'ами', 'ах'],
    ['я', 'и', 'е', 'ю', 'ей', 'ею', 'ь', 'ям', 'ями', 'ях'],
    ['ь', 'и', 'ью', 'ей', 'ям', 'ями', 'ях'],
    ['о', 'а', 'у', 'ом', 'е', '', 'ам', 'ами', 'ах'],
    ['ие', 'ия', 'ию', 'ием', 'ии', 'ий', 'иям', 'иями', 'иях'],
    ['ый', 'ой', 'ая', 'ое', 'ые', 'ого', 'ому', 'ым', 'ом', 'ую', 'ых', 'ыми'],
    ['ий', 'яя', 'ее', 'ие', 'его', 'ему', 'им', 'ем', 'ей', 'юю', 'их', 'ими'],
    ['ий', 'ая', 'ое', 'ие', 'ого', 'ому', 'им', 'ом', 'ой', 'ую', 'их', 'ими'],
    ['ть', 'ю', 'ешь', 'ет', 'ем', 'ете', 'ют', 'л', 'ла', 'ло', 'ли'],
    ['ить', 'ю', 'у', 'ишь', 'ит', 'им', 'ите', 'ят', 'ат', 'ил', 'ила', 'ило', 'или'],
    ['ться', 'ется', 'ются', 'лся', 'лась', 'лось', 'лись', 'тся'],
  ],
};

/**
 * Russian spelling rules an ending cannot break: no ы, я, ю after г к х ж ш ч щ ("напиткы"). Not э:
 * no ending starts with it, and a compound's join has it ("двухэтапный", "трёхэлементный").
 */
export const RUSSIAN_IMPOSSIBLE_JOINS = /[гкхжшчщ][ыяю]/u;

/** Letters a typo may add or swap in, per language (lower case). */
export const ALPHABETS: Readonly<Record<Language, string>> = {
  en: 'abcdefghijklmnopqrstuvwxyz',
  es: 'abcdefghijklmnopqrstuvwxyzáéíóúñü',
  fr: 'abcdefghijklmnopqrstuvwxyzàâçéèêëîïôûùüœ',
  pt: 'abcdefghijklmnopqrstuvwxyzáâãàçéêíóôõú',
  ru: 'абвгдеёжзийклмнопрстуфхцчшщъыьэюя',
};

/** Spellings that sound alike and are one slip apart for a writer (two letters for one). */
export const SOUND_ALIKE: Readonly<Record<Language, ReadonlyArray<readonly [string, string]>>> = {
  en: [
    ['f', 'ph'],
    ['ph', 'f'],
  ],
  es: [
    ['y', 'll'],
    ['ll', 'y'],
    ['x', 'cc'],
    ['cc', 'x'],
  ],
  fr: [
    ['au', 'o'],
    ['o', 'au'],
    ['eau', 'o'],
    ['o', 'eau'],
    ['f', 'ph'],
    ['ph', 'f'],
    ['c', 'qu'],
    ['qu', 'c'],
  ],
  pt: [
    ['x', 'ch'],
    ['ch', 'x'],
    ['li', 'lh'],
    ['lh', 'li'],
    ['ni', 'nh'],
    ['nh', 'ni'],
    ['ç', 'ss'],
    ['ss', 'ç'],
  ],
  ru: [
    ['тся', 'ться'],
    ['ться', 'тся'],
  ],
};

/** Russian endings of adjectives and nouns built on a loan stem (longest first), for cognates. */
export const RUSSIAN_ENDINGS =
  'ового овому овыми евыми овый овая овое овые овых овой евый евая евые евых ами ями ого ему ому ой ый ий ая ое ые ом ем ам ах ях ов ей ы и а я у ю е о ь'.split(
    ' ',
  );

/**
 * Russian endings a word may carry on a stem its list family shares ("отверждается" = отвержд +
 * ается, "запитывайте" = запит + ывайте), and what the family's other members may add to that stem:
 * inflections, participles and the commonest verbal and noun suffixes.
 */
export const RUSSIAN_FAMILY_ENDINGS: readonly string[] = `ывайте ивайте ываются иваются ывается ивается ывать
  ивать ается яется ются ется ится ятся айте яйте ите йте ает яет ают яют ет ит ут ют ат ят ать ять ить еть
  ого его ому ему ыми ими ами ями ая яя ое ее ые ие ый ий ой ую юю ых их ым им ом ем ах ях ам ям ов ев ей а я
  у ю е и ы о ь`
  .split(/\s+/)
  .filter((e) => e.length > 0);

/** Suffixes of a stem's other family members beside the endings: verbal nouns, participles, past tenses. */
export const RUSSIAN_FAMILY_SUFFIXES: ReadonlySet<string> = new Set([
  ...RUSSIAN_FAMILY_ENDINGS,
  ...`ение ения ению ением ении ание ания анию анием ании ал ала ало али ил ила ило или ан ана ано аны ен
    ена ено ены ённый енный анный ость ости`
    .split(/\s+/)
    .filter((e) => e.length > 0),
]);

/** Russian verbal prefixes: "прошлифуйте" is про + шлифуйте, a verb of its own. */
export const RUSSIAN_VERB_PREFIXES: readonly string[] =
  'пере под про при раз рас без бес воз вос над обо от до за на вы из ис об вз вс'.split(' ');

/** Infinitive endings a Russian noun in -ка is made from (подмотать -> подмотка, проставить -> проставка). */
export const RUSSIAN_DEVERBAL_VERB_ENDINGS: readonly string[] = [
  'ать',
  'ить',
  'ять',
  'еть',
  'ывать',
  'ивать',
];

/** Endings of a feminine noun in -ка (after the к). */
export const RUSSIAN_KA_ENDINGS: readonly string[] = ['ами', 'ах', 'ам', 'ой', 'ою', 'а', 'и', 'у', 'е'];

/** Keyboard rows the sellers type on (QWERTY and AZERTY for Latin script, ЙЦУКЕН for Russian). */
export const KEYBOARD_ROWS: Readonly<Record<'latin' | 'cyrillic', readonly (readonly string[])[]>> = {
  latin: [
    ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'],
    ['azertyuiop', 'qsdfghjklm', 'wxcvbn'],
  ],
  cyrillic: [['йцукенгшщзхъ', 'фывапролджэ', 'ячсмитьбю']],
};

/** Vowels: one written for another is a common slip of spelling by ear ("темпиратуру", "acabamanto"). */
export const VOWELS = 'aeiouyáéíóúàâêîôûãõäëïöüœаеёиоуыэюя';

/**
 * Consonants that sound alike and stand for each other in spelling by ear: b/v and s/z/c in Spanish
 * and Portuguese, voiced and voiceless pairs in Russian.
 */
export const CONSONANT_PAIRS: readonly string[] =
  'bv vb sz zs sc cs zc cz ck kc gj jg mn nm qc cq дт тд бп пб зс сз гк кг вф фв жш шж цс сц'.split(' ');
