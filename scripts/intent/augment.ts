/**
 * Augmentation of training lines: the noise real buyers add (typos, greetings, sign-offs, emoji,
 * wrappers of politeness, stripped accents, transliterated Russian, other product names).
 * Deterministic given the PRNG.
 */
import { LANGUAGES, type Language } from '../../src/domain/types.js';
import type { TrainLine } from './types.js';

/** Small fast seeded PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)] as T;
}
// ---------------------------------------------------------------------------------------------
// Augmentation: the noise real buyers add (typos, greetings, sign-offs, emoji, transliteration).

const GREETINGS: Readonly<Record<Language, readonly string[]>> = {
  en: ['hi', 'hello', 'hey', 'hi seller', 'good morning', 'hello friend'],
  es: ['hola', 'buenas', 'hola amigo', 'buenos dias', 'buenas tardes', 'que tal'],
  fr: ['bonjour', 'bonsoir', 'slt', 'bjr', 'bonjour madame', 'coucou'],
  ru: ['здравствуйте', 'привет', 'добрый день', 'zdravstvuite', 'privet', 'здрасте'],
  pt: ['oi', 'ola', 'bom dia', 'boa tarde', 'oi tudo bem', 'boa noite'],
};

const SIGN_OFFS: Readonly<Record<Language, readonly string[]>> = {
  en: ['pls', 'please', 'thanks', 'asap', 'thx', 'help'],
  es: ['porfa', 'por favor', 'gracias', 'saludos', 'xfa', 'urgente'],
  fr: ['svp', 'merci', 'stp', 'cordialement', 'merci d avance', 'vite'],
  ru: ['пожалуйста', 'спасибо', 'срочно', 'pozhaluista', 'spasibo', 'помогите'],
  pt: ['pfv', 'por favor', 'obrigado', 'obg', 'urgente', 'vlw'],
};

/**
 * Wrappers buyers put around a request ("can you help me", "hola buenas", "здравствуйте подскажите"):
 * augmentation adds them so that no politeness word becomes a category cue.
 */
const WRAP_BEFORE: Readonly<Record<Language, readonly string[]>> = {
  en: [
    'can you help me',
    'i want to',
    'i would like to',
    'please check',
    'could you please',
    'i need help,',
    'hello, i have a question:',
    'hi team, can you tell me',
    'i want assistance:',
    'help me please,',
    'can u pls',
    'I need you to',
    "I'm trying to",
    'I am looking for information on how to',
    'what are the steps to',
    "I don't know how to",
    'is there a way to',
    'could you show me how to',
    'I have a question, I would like to',
    'help me to',
  ],
  es: [
    'hola buenas',
    'me pueden ayudar',
    'quisiera saber',
    'por favor revisen',
    'necesito ayuda,',
    'buenas tardes, una consulta:',
    'disculpe,',
    'quiero',
    'me podrian decir',
    'hola amigo, porfa',
    'estoy intentando',
    'no sé cómo',
    'cuáles son los pasos para',
    'hay alguna forma de',
  ],
  fr: [
    'bonjour, pouvez-vous m aider',
    'je voudrais',
    'merci de vérifier',
    'j ai besoin d aide,',
    'bonjour madame, une question :',
    'est-ce que vous pouvez',
    'je souhaite',
    'svp aidez moi,',
    "j'essaie de",
    'je ne sais pas comment',
    'quelles sont les étapes pour',
    'est-ce possible de',
  ],
  ru: [
    'здравствуйте подскажите',
    'помогите пожалуйста',
    'хочу',
    'можно',
    'добрый день, вопрос:',
    'проверьте пожалуйста',
    'скажите пожалуйста',
    'zdravstvuite podskazhite',
    'пытаюсь',
    'не знаю как',
    'что нужно сделать чтобы',
    'есть ли возможность',
  ],
  pt: [
    'oi, podem me ajudar',
    'gostaria de',
    'quero',
    'por favor verifiquem',
    'preciso de ajuda,',
    'boa tarde, uma duvida:',
    'vc pode',
    'ola, queria saber',
    'estou tentando',
    'não sei como',
    'qual o passo a passo pra',
    'tem como',
  ],
};

/**
 * Openers that announce a problem without saying which ("I'd like to report a problem:", "j'ai un
 * souci,"): intent augmentation only, around every category, so that "report", "issue" or
 * "problème" never becomes a cue of the few categories whose lines happened to use them.
 */
const PROBLEM_WRAPPERS: Readonly<Record<Language, readonly string[]>> = {
  en: [
    "I'd like to report a problem:",
    'reporting an issue:',
    'I have an issue,',
    'there is a problem,',
    'quick issue:',
  ],
  es: ['quiero reportar un problema:', 'tengo un inconveniente,', 'hay un problema,'],
  fr: ['je voudrais signaler un problème :', "j'ai un souci,", 'il y a un problème,'],
  ru: ['хочу сообщить о проблеме:', 'у меня проблема,', 'возникла проблема,'],
  pt: ['quero relatar um problema:', 'tenho um problema,', 'deu um problema,'],
};

const WRAP_BEFORE_INTENT: Readonly<Record<Language, readonly string[]>> = Object.fromEntries(
  LANGUAGES.map((lang) => [lang, [...WRAP_BEFORE[lang], ...PROBLEM_WRAPPERS[lang]]]),
) as unknown as Record<Language, readonly string[]>;

const WRAP_AFTER: Readonly<Record<Language, readonly string[]>> = {
  en: [
    'thank you so much',
    'can you help?',
    'please let me know',
    'i need help with this',
    'thanks in advance',
  ],
  es: ['me ayudan?', 'quedo atento', 'muchas gracias de antemano', 'espero su respuesta'],
  fr: ['merci de votre aide', 'dans l attente de votre réponse', 'vous pouvez m aider ?'],
  ru: ['заранее спасибо', 'жду ответа', 'помогите'],
  pt: ['aguardo retorno', 'obrigado desde ja', 'me ajudem por favor'],
};

/** Strips diacritics, as buyers on phones often do. */
function stripAccents(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC');
}

const NOISE = [
  '!!',
  '??',
  '???',
  '!!!',
  ' 😡',
  ' 🙏',
  ' 😢',
  ' 😊',
  '...',
  ' order 8123456789',
  ' #8123456789012',
];

/** Buyers' own Latin spellings of Russian letters (the model itself folds to one scheme). */
const TRANSLIT_VARIANTS: Readonly<Record<string, readonly string[]>> = {
  а: ['a'],
  б: ['b'],
  в: ['v'],
  г: ['g'],
  д: ['d'],
  е: ['e', 'e', 'ye'],
  ё: ['e', 'yo'],
  ж: ['zh', 'j', 'z'],
  з: ['z'],
  и: ['i'],
  й: ['y', 'i', 'j'],
  к: ['k'],
  л: ['l'],
  м: ['m'],
  н: ['n'],
  о: ['o'],
  п: ['p'],
  р: ['r'],
  с: ['s'],
  т: ['t'],
  у: ['u'],
  ф: ['f'],
  х: ['h', 'kh', 'x'],
  ц: ['c', 'ts'],
  ч: ['ch'],
  ш: ['sh'],
  щ: ['sh', 'sch', 'shch'],
  ъ: [''],
  ы: ['y', 'i'],
  ь: ['', '', "'"],
  э: ['e'],
  ю: ['yu', 'iu', 'u'],
  я: ['ya', 'ia', 'a'],
};

/** Products buyers name; augmentation swaps them so a product word never becomes a category cue. */
const PRODUCTS: Readonly<Record<Language, readonly string[]>> = {
  en: words(`case charger dress shoes sneakers jacket watch lamp earbuds headphones bag backpack ring necklace
    earrings toy drone keyboard mouse cable mug vase mirror wig blender kettle speaker tablet hoodie shirt socks
    sunglasses bracelet curtains bottle umbrella phone glasses`),
  es: words(`funda cargador vestido zapatos tenis chaqueta reloj lampara audifonos bolso mochila anillo collar
    aretes juguete dron teclado mouse cable taza florero espejo peluca licuadora tetera bocina parlante tablet
    sudadera camisa calcetines lentes pulsera cortinas botella paraguas celular gafas`),
  fr: words(`coque chargeur robe chaussures baskets veste montre lampe écouteurs sac bague collier jouet drone
    clavier souris câble tasse mug vase miroir perruque mixeur bouilloire enceinte tablette sweat chemise
    chaussettes lunettes bracelet rideaux bouteille parapluie téléphone`),
  ru: words(`чехол зарядка платье кроссовки куртка часы лампа наушники сумка рюкзак кольцо цепочка серьги игрушка
    дрон клавиатура мышка кабель кружка ваза зеркало парик блендер чайник колонка планшет толстовка рубашка
    носки очки браслет шторы бутылка зонт телефон`),
  pt: words(`capinha carregador vestido tenis jaqueta relogio luminaria fone bolsa mochila anel colar brincos
    brinquedo drone teclado mouse cabo caneca vaso espelho peruca liquidificador chaleira caixinha tablet
    moletom camisa meias oculos pulseira cortina garrafa celular`),
};

function words(list: string): string[] {
  return list.split(/\s+/u).filter((w) => w.length > 0);
}

function swapProducts(text: string, lang: Language, rand: () => number): string {
  const products = PRODUCTS[lang];
  return text
    .split(' ')
    .map((word) => (products.includes(word.toLowerCase()) ? pick(rand, products) : word))
    .join(' ');
}

function transliterate(text: string, rand: () => number): string {
  const scheme = new Map<string, string>();
  return text.replace(/[\u0400-\u04ff]/gu, (ch) => {
    const lower = ch.toLowerCase();
    let latin = scheme.get(lower);
    if (latin === undefined) {
      latin = pick(rand, TRANSLIT_VARIANTS[lower] ?? [lower]);
      scheme.set(lower, latin);
    }
    return ch === lower ? latin : latin.toUpperCase();
  });
}

function typo(text: string, rand: () => number): string {
  const words = text.split(' ');
  const candidates = words.map((w, i) => [w, i] as const).filter(([w]) => /^\p{L}{4,}$/u.test(w));
  if (candidates.length === 0) return text;
  const [word, index] = pick(rand, candidates);
  const at = 1 + Math.floor(rand() * (word.length - 2));
  const op = Math.floor(rand() * 3);
  let changed: string;
  if (op === 0) changed = word.slice(0, at) + word.slice(at + 1);
  else if (op === 1) changed = word.slice(0, at) + word[at] + word.slice(at);
  else changed = word.slice(0, at - 1) + word[at] + word[at - 1] + word.slice(at + 1);
  words[index] = changed;
  return words.join(' ');
}

/**
 * One augmented copy of `line`. `intent`: also the problem openers (the language model's copies
 * keep the original wrappers, so its weights do not move with them).
 */
export function augmentLine(line: TrainLine, rand: () => number, intent = false): TrainLine {
  let text = line.text;
  if (rand() < 0.7) text = swapProducts(text, line.lang, rand);
  if (line.lang === 'ru' && /[\u0400-\u04ff]/u.test(text) && rand() < 0.5) text = transliterate(text, rand);
  if (rand() < 0.5) text = typo(text, rand);
  if (rand() < 0.25 && text.split(' ').length >= 4) {
    const words = text.split(' ');
    words.splice(1 + Math.floor(rand() * (words.length - 1)), 1);
    text = words.join(' ');
  }
  if (rand() < 0.2) text = stripAccents(text);
  const w = rand();
  if (w < 0.35)
    text = `${pick(rand, (intent ? WRAP_BEFORE_INTENT : WRAP_BEFORE)[line.lang])} ${text.charAt(0).toLowerCase()}${text.slice(1)}`;
  else if (w < 0.45) text = `${text} ${pick(rand, WRAP_AFTER[line.lang])}`;
  const r = rand();
  if (r < 0.3) text = `${pick(rand, GREETINGS[line.lang])}, ${text}`;
  else if (r < 0.38) text = `${pick(rand, GREETINGS[pick(rand, LANGUAGES)])} ${text}`;
  const s = rand();
  if (s < 0.25) text = `${text} ${pick(rand, SIGN_OFFS[line.lang])}`;
  else if (s < 0.5) text = `${text}${pick(rand, NOISE)}`;
  if (rand() < 0.15) text = text.toUpperCase();
  return { ...line, text };
}
