/**
 * Language detection for short, messy buyer messages in the five sellerdesk languages.
 *
 * franc's trigram scores are only one signal: on two-word texts it is close to random, so they
 * are combined with script, diacritics, per-language lexicons (function words, support vocabulary,
 * spelling without accents, Russian in Latin transliteration) and weak metadata priors.
 */
import { data as FRANC_DATA } from 'franc/data.js';
import { INTENT_MODEL_DATA } from '../intent-model.data.js';
import { sharedIntentModel, softmax } from '../intent-model.js';
import { fold, NON_ASCII_RE } from '../normalize.js';
import type { Language } from '../types.js';

/** Metadata that can tip a close call; it never outweighs clear text evidence. */
export interface LanguageHints {
  locale?: string;
  country?: string;
  previous?: Language;
  shopDefault?: Language;
}

/** Result of `detectLanguage`; `unknown` means the caller must fall back and route to a human. */
export interface LanguageDetection {
  language: Language | 'unknown';
  confidence: number;
  evidence: string[];
}

/** Only the start of very long messages is scored: the language is clear long before that. */
const MAX_TEXT_LENGTH = 4000;

/** Below this confidence the detector answers `unknown` instead of guessing. */
export const LANGUAGE_CONFIDENCE_FLOOR = 0.5;

const LANGS: readonly Language[] = ['en', 'es', 'fr', 'ru', 'pt'];
const FRANC_CODES: Readonly<Record<string, Language>> = {
  eng: 'en',
  spa: 'es',
  fra: 'fr',
  rus: 'ru',
  por: 'pt',
};

type Scores = Record<Language, number>;

function zeroScores(): Scores {
  return { en: 0, es: 0, fr: 0, ru: 0, pt: 0 };
}

// ---------------------------------------------------------------------------------------------
// Lexicons. Words are written naturally and folded at load time; `stem*` matches by prefix.
// A word listed for several languages is automatically down-weighted for all of them.

const TIER_WEIGHTS = { very: 3, strong: 2.2, medium: 1.4 } as const;
type Tier = keyof typeof TIER_WEIGHTS;

const LEXICON: Readonly<Record<Language, Partial<Record<Tier, string>>>> = {
  en: {
    very: `hello thanks thank please the where what didnt dont doesnt havent hasnt isnt wasnt arent cant wont
      couldnt shouldnt wouldnt im ive youre theyre ordered arrived received refund shipping package parcel
      seller item items yet would should could which thx thnx pls plz invoice receipt shipment
      assistance locate locating expect soon purchases earliest estimate`,
    strong: `i hi hey thx ty pls plz my is it this that with have has was were been got get not and of for from
      just about already ago long size fit does did want wanted broken wrong you your how when why will there
      they them their we our us an at by but or if so yes sorry money back order orders delivery delivered
      received receive still waiting wait weeks months days customs fee fees charged twice payment paid card
      return exchange replace replacement damaged cracked fake picture description described lost stuck
      any some can who bought buy purchase purchased arrive shipped ship sent send color colour store shop
      help asap answer reply work working works anything nothing something nobody dear friend sir madam
      week month day today yesterday tomorrow hours late missing box screen charger cable battery quality
      poor terrible bad good great nice gonna wanna kinda gotta
      recieved recived recieve pakage packege thnx wat wen u ur came come coming status update updated info
      contact respond response never dress shoes shirt pants jacket earrings necklace bag watch phone case
      headphones earbuds lamp toy doll smaller bigger than expected ripped torn scratched
      stopped instead sent
      keeps keep getting going being also really because since after before every again other another
      around maybe need make take know think see look looks like tell said says use used new old first last next
      right little big small much many well even over time way thing things people declined accept pieces
      defective faulty refund refunded tracking number customs tax duty duties vat cancel cancelled postage
      guys shows show which check checking address change changed modify update cancellation cancelling
      account password subscription unsubscribe newsletter login sign agent human someone
      wants charge charges royal pay paying missing pieces piece set kit parts part glasses lens
      strap battery life washable machine wash fake cheap quality photos pictures description exactly`,
    medium: `to in on a me do no be are am up out all one two three more than very too only`,
  },
  es: {
    very: `hola gracias buenas buenos todavia llegado llego llega llegan recibido recibi paquete quiero dinero
      usted ustedes donde pero muy tengo aun tambien hasta ningun ninguna quisiera necesito disculpe oiga
      senor senora talla tamano aduana impuestos tarjeta devolucion dinero estoy cuanto cuando llegar
      llegue compre envio nada porfa xfa arancel aranceles equivocado equivocada cancelen cancelenlo
      cancelalo anulen anulenlo`,
    strong: `el los las mi mis ha he han hace ya producto roto rota rotos puedo puede puedes tienen tiene
      hay fue fueron era sido yo lo del al una uno es son esta este esto eso ese esa estan ni mal bien bueno
      buena ahora hoy ayer manana sigue sigo siguen seguimiento vino vinieron mande mandaron enviaron
      demasiado tarda tardando caja pantalla sirve quisiera cambio cambiar cobro cobraron cobran pago pague
      pagar vale pues entonces saludos atentamente tienda compra dias semanas meses pedi queria llamar
      sus su nos les mio mia pedido vendedor reembolso nunca espero esperando amigo numero tampoco hizo
      hice hecho dijeron dijo estafa queja reclamo color colores marca funciona
      perdido perdida llegaron recibo danado danada defectuoso falso falsa chico chica mas pequena
      porfa xfa xq oye mire mira zapatos vestido camisa funda reloj audifonos cargador pantalon chaqueta
      bolso aretes lampara envian mandan tiempo costo cuesta precio pague doble veces igual imagen
      descripcion anuncio falsificado plata tenes queres podrian seria mucho mucha muchos muchas poco otro
      otra mismo cosa cosas solo nadie llevo aqui ahi quedo queda campera remera celular nuevo avisaron
      aviso paso pasa hacen envios hago tardan
      paqueteria usan usa tengo pasaron reembolsen devuelvan devuelvanme mandaron enviaron llegaron quiero
      pueden puedo puede hola buenas noches tardes sirve
      faltan falta faltaron pieza piezas juego lentes gafas lente patilla lavar lavadora tela bateria
      vidrio espejo roto rota caja version pais destino dias semana mes calidad foto fotos publicacion`,
    medium: `y no con que por para se como favor sin o de la en un me te`,
  },
  fr: {
    very: `bonjour merci je pas nai jai cest colis commande commandee commandes toujours rien vous votre
      svp madame monsieur avec pour recu recue recus reception livraison livre remboursement rembourser
      rembourse boutique vendeur veux voudrais pouvez jamais depuis semaines cordialement bonsoir salut
      aujourd hui taille couleur douane abime abimee casse cassee endommage svp stp slt bjr mrc quelle quel quels quelles
      dispo`,
    strong: `est sont suis ai avez avons mon ma une des les le du au aux il elle ils nous ce cette ces qui
      quoi quand comment pourquoi encore deja jours mois produit article retour retourner echange echanger
      frais taxe paiement paye payee carte aide besoin peux faire fait bien bon tres trop aussi peu
      beaucoup alors donc sur dans chez par non oui ne attends attendu attente arrivee suivi numero
      envoye expedie expedition recevoir rembourse probleme marche fonctionne ecran photo vos leur
      perdu perdue paquet arrive livre aucun aucune nouvelles nouvelle ca voila mrc stp slt bjr pk pcq tjrs
      tjs dsl desole mauvaise mauvais petit petite grand robe chaussures montre coque telephone chargeur
      ecouteurs sac collier boucles lampe jouet semaine jour veuillez pourriez aimerais souhaite
      souhaiterais demande remboursez renvoyer faux fausse contrefacon conforme annonce qualite
      fonctionne preleve debite fois tva expedie delai temps combien passee ressemble tout pourtant
      quelqu quelque vraiment reponse repondez
      pouvez voulez peux dois doit faut etait etais serait merci
      manque manquent piece pieces lunettes verre miroir laver machine tissu batterie version chinoise
      montre photo description mille morceaux fermeture eclair essai`,
    medium: `et la un en mais ou de que se me te`,
  },
  pt: {
    very: `obrigado obrigada ola voce voces vc vcs nao ainda recebi encomenda chegou chegar cade meu minha
      meus minhas produto dinheiro quero pq tb tbm blz td oq tambem muito comprei recebido entregue
      rastreio rastreamento alfandega correios tamanho errado errada quebrado quebrada defeito pacote obg vlw valeu oi`,
    strong: `eu um uma com do da dos das na nas ao aos os isso esse essa ele ela eles foi veio vieram ja ate
      mais mas quando onde quanto qual quais tem tenho pode posso fiz recebeu prazo taxa taxado taxada
      imposto impostos loja devolucao troca trocar cor caixa tela bom boa agora hoje ontem amanha
      aguardando aguardo pra sem nem entao aqui sim estou estao sou obg vendedor pedido reembolso
      nada nunca pedi entrega demora atrasado atrasada esta este dias semanas meses funciona queria
      devolver
      extraviado extraviou chegaram chega quebrou estragado danificado defeituoso pequeno menor maior
      diferente anuncio descricao qualidade estorno gostaria preciso ajuda ajudar pfv pfvr vlw valeu oi
      tudo mesmo coisa nenhum nenhuma ninguem seu sua pagamento paguei cobrado cobraram vezes boleto pix
      cartao taxacao tributado receita frete vestido sapato tenis relogio capinha fone carregador colar
      brinco luminaria certinho faz fui vai vao enviam enviaram mandaram aconteceu aguardando
      gente moco moca atualiza
      qual voltagem reembolsem devolvam chegou chegaram vieram pegar posso podem tava tinha
      serve servem cabe cabem capinha capa
      faltaram faltou faltando falta peca pecas duas dois kit valor pago prova agua oculos lente haste
      lavar maquina tecido bateria vidro espelho versao chinesa paises destino bolsa inferior anunciado`,
    medium: `e o no por para que como favor se de a em me te so ta ai`,
  },
  ru: {
    very: `zdravstvuyte zdravstvuite zdrastvuite privet spasibo pozhaluysta pozhaluista pojaluista gde moya
      moy posylka posylku posilka posilku zakaz zakaza prishel prishla prishlo poluchil poluchila eto
      pochemu kogda nichego uzhe uje eshche eshe esche tovar dengi vernite vozvrat sdelal khochu hochu
      skolko`,
    strong: `ne net kak chto mne menya nado davno mesyats mesyaca nedeli nedel dney dnei tak vse vsyo ochen
      plokho ploho khorosho horosho slomano slomana slomalsya razbit trek dostavka dostavki otkryt otkroyu
      spor zhdu jdu seychas sejchas mozhno mojno dolgo idet idyot prodavets prodavec magazin pomogite vy
      vam razmer podoidet podoydet kupil kupila zakazal zakazala oplata oplatil tamozhnya poshlina deneg
      zakazyval pochta pochtoy prishol posylki polucheno voobshe vapshe kuda chego pishu otvet otvette
      srochno kachestvo tsvet cvet tot drugoy drugoi prislali vernut obmen obmenyat prodavtsu
      nomer dni dnya mesyac mesyatsa nedelya bolshe bolshoy bolshoe malenkiy malenky tovara otpravite
      otpravili slomannyi slomannyy sdelayte pomogi
      brak spisali spisanie dvazhdy dva raza razmernaya setka slomalsya slomalas slomalos isporchen isporchena
      vernut obmenyat zamena zamenu otslezhivanie kartoi karta kartu kachestvennyi poddelka opisaniyu opisanie
      tamozhnya tamozhne nalog otmena otmenite otmenit adres pomenyat izmenit dobryi vecher utro pochemu zachem
      nuzhno nado mozhno khochu budet bylo byla byl chto kak tozhe tolko nichego nikto nikogda pozhe segodnya
      vchera zavtra nedelyu mesyac dengi rubley rublei shtuk sht nalichii nalichie cena tsena stoit prislat
      prishlite otvette otvetit zhdat zhdem dostavku dostavit dostavyat poluchit poluchu poluchila`,
    medium: `i`,
  },
};

const STEMS: Readonly<Record<Language, string>> = {
  en: 'receiv* deliver* shipp* refund* packag* damag* crack* exchang* replac* waiti* pleas* describ* pictur*',
  es: 'lleg* recib* devolu* reembols* aduan* impuest* tarjet* devolv* cambi* necesit* quier* pued* todavi*',
  fr: 'recev* livr* rembours* commande* endommag* douan* attend* command*',
  pt: 'reembols* receb* cheg* encomend* rastre* quebr* troc* impost* alfandeg* aguard* dinheir* obrigad* produt* devolv*',
  ru: 'posyl* posil* zakaz* prish* poluch* zdravst* pozhal* pojal* spasib* dostav* otsle* vozvrat* sloma* razbi* tovar* oplat* tamozh* poshlin* prodav* otprav*',
};

/** Cyrillic words that make the Russian evidence readable; every Cyrillic token already counts. */
const RU_CYRILLIC = new Set(
  `где моя мой мои мне меня не нет да заказ заказа посылка посылку пришел пришла пришло здравствуйте
  привет спасибо пожалуйста когда почему что это уже еще товар деньги верните возврат получил получила
  я вы вам вас как так все очень`
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .map(fold),
);

function buildLexicon(): { words: Map<string, Partial<Scores>>; stems: Array<[string, Language, number]> } {
  const raw = new Map<string, Array<[Language, number]>>();
  for (const lang of LANGS) {
    const tiers = LEXICON[lang];
    for (const tier of Object.keys(TIER_WEIGHTS) as Tier[]) {
      const list = tiers[tier];
      if (list === undefined) continue;
      for (const word of list.split(/\s+/)) {
        if (word.length === 0) continue;
        const key = fold(word);
        const existing = raw.get(key) ?? [];
        if (!existing.some(([l]) => l === lang)) existing.push([lang, TIER_WEIGHTS[tier]]);
        raw.set(key, existing);
      }
    }
  }
  const words = new Map<string, Partial<Scores>>();
  for (const [word, entries] of raw) {
    const shared = entries.length > 1 ? 0.4 : 1;
    const weights: Partial<Scores> = {};
    for (const [lang, weight] of entries) weights[lang] = weight * shared;
    words.set(word, weights);
  }
  const stems: Array<[string, Language, number]> = [];
  for (const lang of LANGS) {
    for (const stem of STEMS[lang].split(/\s+/)) {
      if (stem.length > 0) stems.push([fold(stem.replace(/\*$/, '')), lang, TIER_WEIGHTS.strong]);
    }
  }
  stems.sort((a, b) => b[0].length - a[0].length);
  return { words, stems };
}

const { words: WORDS, stems: STEM_LIST } = buildLexicon();

/** Stems are looked up by their first letters instead of scanning all of them for every word. */
const STEM_HEAD = 3;
const STEMS_BY_HEAD = (() => {
  const index = new Map<string, Array<[string, Language, number]>>();
  for (const entry of STEM_LIST) {
    if (entry[0].length < STEM_HEAD) throw new Error(`language stem too short: ${entry[0]}`);
    const head = entry[0].slice(0, STEM_HEAD);
    index.set(head, [...(index.get(head) ?? []), entry]);
  }
  return index;
})();

// ---------------------------------------------------------------------------------------------
// Characters and orthography

const CHAR_CUES: ReadonlyArray<[RegExp, Partial<Scores>]> = [
  [/ñ/g, { es: 2.5 }],
  [/[¿¡]/g, { es: 2.5 }],
  [/[ãõ]/g, { pt: 2.5 }],
  [/ç/g, { fr: 1, pt: 1 }],
  [/[èùœîïûëÿ]/g, { fr: 2 }],
  [/ê/g, { fr: 1, pt: 1 }],
  [/[âô]/g, { fr: 0.8, pt: 0.8 }],
  [/à/g, { fr: 1.2, pt: 0.6 }],
  [/[áíóú]/g, { es: 1, pt: 1 }],
  [/é/g, { es: 0.4, fr: 0.6, pt: 0.4 }],
];

/** One-letter words worth scoring: Spanish "y", Portuguese "e"/"o", English "i"/"u". */
const SINGLE_LETTER_WORDS = new Set(['y', 'e', 'o', 'i', 'u']);

const FRENCH_ELISION_RE = /(?<![\p{L}])(?:j|n|l|d|c|qu|s|m|t)['’](?=\p{L})/giu;
const ENGLISH_CONTRACTION_RE = /(\p{L})['’](t|m|s|re|ve|ll|d)(?!\p{L})/giu;

/** Removes what carries no language: URLs, emails, ids, digits, emoji, redaction tokens. */
function cleanText(text: string): string {
  let out = text;
  if (/[/@]/.test(out))
    out = out
      .replace(/\b(?:https?:\/\/|www\.)\S+/giu, ' ')
      .replace(/(?<![^\s@])[^\s@]+@[^\s@.]+\.\S+/gu, ' ');
  if (out.includes('[')) out = out.replace(/\[(?:email|phone|card|id_number|iban|address)\]/gu, ' ');
  const ascii = !NON_ASCII_RE.test(out);
  if (ascii ? /\d/.test(out) : /\p{N}/u.test(out)) {
    out = out.replace(/\S+/gu, (word) => (/\p{N}/u.test(word) ? ' ' : word));
  }
  if (!ascii) {
    out = out.replace(
      /\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator}|\u200d|\ufe0f/gu,
      ' ',
    );
  }
  return out.replace(/\s+/gu, ' ').trim();
}

/** Latin letters in lowercase text (a plain loop for ASCII text, the common case). */
function countLatinLetters(text: string, ascii: boolean): number {
  if (!ascii) return (text.match(/\p{Script=Latin}/gu) ?? []).length;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 97 && code <= 122) n++;
  }
  return n;
}

// ---------------------------------------------------------------------------------------------
// Priors

/** How sharply score differences turn into a probability for the winning language. */
const SOFTMAX_SHARPNESS = 1.5;

/** Share of the metadata prior that counts as evidence once the text itself says something. */
const PRIOR_MASS = 1.0;

const LOCALE_WEIGHT = 1.5;
const PREVIOUS_WEIGHT = 1.3;
const SHOP_WEIGHT = 0.5;

const COUNTRY_PRIORS: Readonly<Record<string, [Language, number]>> = {
  ES: ['es', 0.9],
  MX: ['es', 0.9],
  AR: ['es', 0.9],
  CO: ['es', 0.9],
  CL: ['es', 0.9],
  PE: ['es', 0.9],
  VE: ['es', 0.9],
  EC: ['es', 0.9],
  UY: ['es', 0.9],
  PY: ['es', 0.9],
  BO: ['es', 0.9],
  CR: ['es', 0.9],
  PA: ['es', 0.9],
  DO: ['es', 0.9],
  GT: ['es', 0.9],
  HN: ['es', 0.9],
  SV: ['es', 0.9],
  NI: ['es', 0.9],
  CU: ['es', 0.9],
  PR: ['es', 0.6],
  BR: ['pt', 0.9],
  PT: ['pt', 0.9],
  AO: ['pt', 0.6],
  MZ: ['pt', 0.6],
  FR: ['fr', 0.9],
  BE: ['fr', 0.45],
  CA: ['fr', 0.3],
  CH: ['fr', 0.3],
  LU: ['fr', 0.45],
  MC: ['fr', 0.6],
  SN: ['fr', 0.45],
  CI: ['fr', 0.45],
  MA: ['fr', 0.3],
  DZ: ['fr', 0.3],
  TN: ['fr', 0.3],
  RU: ['ru', 0.9],
  BY: ['ru', 0.6],
  KZ: ['ru', 0.45],
  UA: ['ru', 0.3],
  KG: ['ru', 0.45],
  US: ['en', 0.9],
  GB: ['en', 0.9],
  UK: ['en', 0.9],
  AU: ['en', 0.9],
  NZ: ['en', 0.9],
  IE: ['en', 0.9],
};

function languageOfLocale(locale: string): Language | undefined {
  const code = locale.trim().toLowerCase().split(/[-_]/)[0];
  return LANGS.find((l) => l === code);
}

function regionOfLocale(locale: string): string | undefined {
  const region = locale.trim().split(/[-_]/)[1];
  return region !== undefined && /^[a-z]{2}$/i.test(region) ? region.toUpperCase() : undefined;
}

function priorScores(hints: LanguageHints | undefined, evidence: string[]): Scores {
  const prior = zeroScores();
  if (hints === undefined) return prior;
  let region: string | undefined;
  if (hints.locale !== undefined) {
    const lang = languageOfLocale(hints.locale);
    if (lang !== undefined) {
      prior[lang] += LOCALE_WEIGHT;
      evidence.push(`prior:locale ${lang}`);
    }
    region = regionOfLocale(hints.locale);
  }
  const country = hints.country?.trim().toUpperCase() ?? region;
  if (country !== undefined) {
    const entry = COUNTRY_PRIORS[country];
    if (entry !== undefined) {
      const [lang, weight] = entry;
      prior[lang] += weight;
      evidence.push(`prior:country ${country}->${lang}`);
    }
  }
  if (hints.previous !== undefined && LANGS.includes(hints.previous)) {
    prior[hints.previous] += PREVIOUS_WEIGHT;
    evidence.push(`prior:previous ${hints.previous}`);
  }
  if (hints.shopDefault !== undefined && LANGS.includes(hints.shopDefault)) {
    prior[hints.shopDefault] += SHOP_WEIGHT;
    evidence.push(`prior:shop ${hints.shopDefault}`);
  }
  return prior;
}

// ---------------------------------------------------------------------------------------------
// Detection

/**
 * franc's trigram model restricted to the four Latin-script languages (franc has Russian under
 * Cyrillic only): the same data, distance and normalisation as `francAll(text, { only })`, without
 * scanning every script and filtering the other ~200 Latin languages on each call.
 */
/** Characters from U+01E0 up that franc's four Latin models use ("’"), renumbered into 480-511. */
const HIGH_CHARS = new Map<number, number>();

function charCode9(code: number): number {
  return code < 480 ? code : (HIGH_CHARS.get(code) ?? -1);
}

/**
 * Three characters as one small integer (9 bits each), a cheaper map key than a substring; -1 when a
 * character occurs in no trigram of the four Latin models (so the trigram cannot be in them either).
 */
function trigramKey(value: string, at: number): number {
  const a = charCode9(value.charCodeAt(at));
  const b = charCode9(value.charCodeAt(at + 1));
  const c = charCode9(value.charCodeAt(at + 2));
  return a < 0 || b < 0 || c < 0 ? -1 : (a << 18) | (b << 9) | c;
}

/** Open-addressing hash of trigram keys (2^16 slots for ~12k trigrams): faster than a `Map`. */
const FRANC_SLOTS = 1 << 16;

function francSlot(keys: Int32Array, key: number): number {
  let slot = Math.imul(key, 0x9e3779b1) >>> 16;
  while (keys[slot] !== -1 && keys[slot] !== key) slot = (slot + 1) & (FRANC_SLOTS - 1);
  return slot;
}

const FRANC_LATIN: { codes: string[]; keys: Int32Array; ranks: Int32Array } = (() => {
  const latin = FRANC_DATA.Latin ?? {};
  const codes = Object.keys(latin).filter((code) => FRANC_CODES[code] !== undefined);
  for (const code of codes) {
    for (const ch of latin[code] ?? '') {
      const point = ch.charCodeAt(0);
      if (point >= 480 && !HIGH_CHARS.has(point)) HIGH_CHARS.set(point, 480 + HIGH_CHARS.size);
    }
  }
  if (HIGH_CHARS.size > 32) throw new Error('franc Latin models use too many characters above U+01DF');
  // One lookup per trigram: its rank in each language (-1 when the language does not list it).
  const keys = new Int32Array(FRANC_SLOTS).fill(-1);
  const ranks = new Int32Array(FRANC_SLOTS * codes.length).fill(-1);
  let used = 0;
  codes.forEach((code, l) => {
    const trigrams = (latin[code] ?? '').split('|');
    for (let rank = trigrams.length - 1; rank >= 0; rank--) {
      const trigram = trigramKey(trigrams[rank] ?? '', 0);
      if (trigram < 0) throw new Error(`franc ${code}: cannot key trigram ${trigrams[rank]}`);
      const slot = francSlot(keys, trigram);
      if (keys[slot] === -1) {
        keys[slot] = trigram;
        if (++used > FRANC_SLOTS / 2) throw new Error('franc trigram table too full');
      }
      ranks[slot * codes.length + l] = rank;
    }
  });
  return { codes, keys, ranks };
})();

const FRANC_MAX_LENGTH = 2048;
const FRANC_MAX_DIFFERENCE = 300;

function francLatin(value: string): Array<[string, number]> {
  const text = value.slice(0, FRANC_MAX_LENGTH);
  const cleaned = ` ${text
    .replace(/[\u0021-\u0040]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()} `;
  // Trigram counts: sort the numeric keys and count runs (no map per call).
  const keys = new Int32Array(Math.max(0, cleaned.length - 2));
  // Trigrams with a character no model uses cannot match: each distinct one costs the maximum.
  let unknown: Set<string> | undefined;
  for (let i = 0; i < keys.length; i++) {
    const key = trigramKey(cleaned, i);
    keys[i] = key;
    if (key < 0) {
      unknown ??= new Set();
      unknown.add(cleaned.slice(i, i + 3));
    }
  }
  keys.sort();
  const { codes } = FRANC_LATIN;
  const sums = new Float64Array(codes.length).fill((unknown?.size ?? 0) * FRANC_MAX_DIFFERENCE);
  for (let i = 0; i < keys.length; ) {
    const trigram = keys[i] as number;
    if (trigram < 0) {
      i++;
      continue;
    }
    let count = 0;
    while (i < keys.length && keys[i] === trigram) {
      count++;
      i++;
    }
    const slot = francSlot(FRANC_LATIN.keys, trigram);
    const found = FRANC_LATIN.keys[slot] === trigram;
    for (let l = 0; l < codes.length; l++) {
      const rank = found ? (FRANC_LATIN.ranks[slot * codes.length + l] as number) : -1;
      sums[l] = (sums[l] as number) + (rank < 0 ? FRANC_MAX_DIFFERENCE : Math.abs(count - rank - 1));
    }
  }
  const distances: Array<[string, number]> = codes.map((code, l) => [code, sums[l] as number]);
  distances.sort((a, b) => a[1] - b[1]);
  const min = distances[0]?.[1] ?? 0;
  const max = text.length * FRANC_MAX_DIFFERENCE - min;
  return distances.map(([code, distance]) => [code, 1 - (distance - min) / max || 0]);
}

function francScores(latinText: string, letters: number, ascii: boolean, evidence: string[]): Scores {
  const scores = zeroScores();
  if (letters < 3) return scores;
  // Like franc, give up when another script (Greek, Arabic, CJK...) dominates the text.
  if (!ascii && (latinText.match(/\p{L}/gu) ?? []).length - letters > letters) return scores;
  const ranked = francLatin(latinText);
  const usable = ranked.filter(([code, score]) => FRANC_CODES[code] !== undefined && score > 0);
  if (usable.length === 0) return scores;
  // franc's scores are distances rescaled so the best is 1; sharpen them into a distribution.
  const sharpened = usable.map(([code, score]) => [code, score ** 8] as const);
  const total = sharpened.reduce((sum, [, s]) => sum + s, 0);
  // Trigrams say little about a few words and a lot about a paragraph.
  const weight = Math.min(2.5, Math.max(0.3, letters / 40));
  for (const [code, s] of sharpened) {
    const lang = FRANC_CODES[code];
    if (lang !== undefined) scores[lang] += (weight * s) / total;
  }
  const [first, second] = usable;
  if (first !== undefined) {
    const runnerUp = second === undefined ? '' : `/${second[0]} ${second[1].toFixed(2)}`;
    evidence.push(`franc:${first[0]} ${first[1].toFixed(2)}${runnerUp}`);
  }
  return scores;
}

/** Brand names, units and internet words that every buyer writes the same way. */
const NEUTRAL = new Set(
  `ok okay oki iphone samsung galaxy xiaomi redmi huawei apple android pro max mini plus ultra lite usb led
  aliexpress ali dhl ups fedex usps ems cainiao paypal visa mastercard pix app online wifi bluetooth cm mm kg
  xl xxl xs lol xd tracking track link email mail whatsapp`
    .split(/\s+/)
    .filter((w) => w.length > 0),
);

function lexiconScores(tokens: readonly string[], scores: Scores, hits: Record<Language, number>): void {
  for (const token of tokens) {
    if (NEUTRAL.has(token)) continue;
    const weights = WORDS.get(token);
    if (weights !== undefined) {
      for (const lang of LANGS) {
        const w = weights[lang];
        if (w !== undefined) {
          scores[lang] += w;
          hits[lang] += 1;
        }
      }
      continue;
    }
    if (token.length < 4) continue;
    const matched = new Map<Language, number>();
    for (const [stem, lang, weight] of STEMS_BY_HEAD.get(token.slice(0, STEM_HEAD)) ?? []) {
      if (token.startsWith(stem) && !matched.has(lang)) matched.set(lang, weight);
    }
    const shared = matched.size > 1 ? 0.4 : 1;
    for (const [lang, weight] of matched) {
      scores[lang] += weight * shared;
      hits[lang] += 1;
    }
  }
}

/** Weight of the trained character n-gram language model's vote (see `intent-model.ts`). */
const MODEL_WEIGHT = 4.5;
/** Weight of the model's vote in the confidence (lower: the ranking may trust it more than the score). */
const MODEL_MASS_WEIGHT = 3;
/** Number of words (plus one) from which the model's vote counts fully in the ranking. */
const MODEL_RANK_FULL_WORDS = 4;
/** Number of words from which the model's vote counts fully towards the confidence. */
const MODEL_FULL_WORDS = 5;
/** The model only votes with the probability it puts above this (a near-uniform guess adds nothing). */
const MODEL_FLOOR = 0.35;

/**
 * The language model's vote, only when the text has a word that is not a brand name, unit or
 * internet word (the model would otherwise guess a language from "iPhone 13 Pro Max").
 */
function modelScores(text: string, tokens: readonly string[], evidence: string[]): Scores {
  const scores = zeroScores();
  if (!tokens.some((t) => !NEUTRAL.has(t) && /\p{L}/u.test(t))) return scores;
  const model = sharedIntentModel(INTENT_MODEL_DATA);
  // The message as given (not a cleaned copy): the intent classifier then reuses its features.
  const p = softmax(model.languageLogits(text), INTENT_MODEL_DATA.calibration.languageTemperature);
  let best = 0;
  model.languageLabels.forEach((label, i) => {
    const lang = label as Language;
    // Squared: a sure model counts fully, a lukewarm one (es/pt share many words) barely.
    const share = Math.max(0, ((p[i] ?? 0) - MODEL_FLOOR) / (1 - MODEL_FLOOR)) ** 2;
    if (LANGS.includes(lang)) scores[lang] += MODEL_WEIGHT * share;
    if ((p[i] ?? 0) > (p[best] ?? 0)) best = i;
  });
  evidence.push(`model:${model.languageLabels[best]} ${(p[best] ?? 0).toFixed(2)}`);
  return scores;
}

/** Share of the model's full vote from which it counts as a source that names a language. */
const MODEL_LEAD_SHARE = 0.4;
/** Evidence added per text source beyond one that confirms the metadata's language (see `agreement`). */
const AGREEMENT_MASS = 1.2;

/** The language a source's scores put first, when they put one first at all (at least `min`). */
function leader(scores: Scores, min: number): Language | undefined {
  let best: Language | undefined;
  let tie = false;
  for (const lang of LANGS) {
    const s = scores[lang];
    if (s <= min || s <= 0) continue;
    if (best === undefined || s > scores[best]) {
      best = lang;
      tie = false;
    } else if (s === scores[best]) tie = true;
  }
  return tie ? undefined : best;
}

/**
 * When the metadata names `top`: how many text sources (lexicon and character cues, the trained
 * model, franc) beyond one name it too, or 0 when any names another language. On a one- or
 * two-word text each is weak alone, but metadata that two text sources confirm, with none against,
 * is strong together; without metadata a short text keeps its low confidence.
 */
function agreement(
  top: Language,
  fromMetadata: Language | undefined,
  fromText: ReadonlyArray<Language | undefined>,
): number {
  if (fromMetadata !== top) return 0;
  const named = fromText.filter((l): l is Language => l !== undefined);
  if (named.some((l) => l !== top)) return 0;
  return Math.max(0, named.length - 1);
}

/** Detects the buyer's language from text plus metadata so replies are drafted in the right one. */
export function detectLanguage(text: string, hints?: LanguageHints): LanguageDetection {
  const evidence: string[] = [];
  const cleaned = cleanText(text.slice(0, MAX_TEXT_LENGTH));
  const lower = cleaned.toLowerCase();

  const textScores = zeroScores();

  // Script: among the five languages only Russian is written in Cyrillic.
  const ascii = !NON_ASCII_RE.test(lower);
  const cyrillicTokens = ascii ? [] : (lower.match(/[\p{Script=Cyrillic}]+/gu) ?? []);
  if (cyrillicTokens.length > 0) {
    let known = 0;
    for (const token of cyrillicTokens) {
      textScores.ru += 2.7;
      if (RU_CYRILLIC.has(fold(token))) {
        textScores.ru += 0.6;
        known += 1;
      }
    }
    evidence.push(`script:cyrillic(${cyrillicTokens.length})`);
    if (known > 0) evidence.push(`lexicon:ru(${known})`);
  }

  const latin = cyrillicTokens.length > 0 ? lower.replace(/[\p{Script=Cyrillic}]+/gu, ' ') : lower;
  const latinLetters = countLatinLetters(latin, ascii);

  // Orthography: elided articles are French, n't-contractions English.
  const apostrophes = /['’]/.test(latin);
  const elisions = apostrophes ? Math.min(4, (latin.match(FRENCH_ELISION_RE) ?? []).length) : 0;
  if (elisions > 0) {
    textScores.fr += 1.2 * elisions;
    evidence.push(`elision:fr(${elisions})`);
  }
  const contractions = apostrophes ? Math.min(3, (latin.match(ENGLISH_CONTRACTION_RE) ?? []).length) : 0;
  if (contractions > 0) {
    textScores.en += 1.2 * contractions;
    evidence.push(`contraction:en(${contractions})`);
  }

  const accented = NON_ASCII_RE.test(latin);
  for (const [re, weights] of accented ? CHAR_CUES : []) {
    const count = Math.min(3, (latin.match(re) ?? []).length);
    if (count === 0) continue;
    for (const lang of LANGS) {
      const w = weights[lang];
      if (w !== undefined) textScores[lang] += w * count;
    }
    const strongest = LANGS.filter((l) => (weights[l] ?? 0) >= 1);
    const seen = [...new Set(latin.match(re) ?? [])].join('');
    if (strongest.length === 1) evidence.push(`chars:${strongest[0]}(${seen})`);
  }

  const tokens = fold(
    apostrophes
      ? latin.replace(ENGLISH_CONTRACTION_RE, '$1$2').replace(FRENCH_ELISION_RE, (m) => `${m.slice(0, -1)} `)
      : latin,
  )
    .split(/[^\p{L}]+/u)
    .filter((t) => t.length > 1 || SINGLE_LETTER_WORDS.has(t));
  const latinHits: Record<Language, number> = zeroScores();
  lexiconScores(tokens, textScores, latinHits);
  const lexiconEvidence = LANGS.filter((l) => latinHits[l] > 0)
    .sort((a, b) => latinHits[b] - latinHits[a])
    .slice(0, 3)
    .map((l) => `lexicon:${l}(${latinHits[l]})`);
  evidence.push(...lexiconEvidence);

  const franc = francScores(latin, latinLetters, ascii, evidence);
  // Cyrillic script already decides among the five languages: the model only helps Latin text.
  const model =
    latinLetters > 0 ? modelScores(text, latin.split(/[^\p{L}\p{N}'’]+/u), evidence) : zeroScores();
  const prior = priorScores(hints, evidence);

  const total = zeroScores();
  // On one or two words the model is overconfident (es/pt share most short words): damp its vote.
  const words = tokens.length + cyrillicTokens.length;
  const modelRank = Math.min(1, (words + 1) / MODEL_RANK_FULL_WORDS);
  for (const lang of LANGS)
    total[lang] = textScores[lang] + modelRank * model[lang] + franc[lang] + prior[lang];
  const top = LANGS.reduce((best, lang) => (total[lang] > total[best] ? lang : best));

  const maxTotal = total[top];
  let partition = 0;
  for (const lang of LANGS) partition += Math.exp(SOFTMAX_SHARPNESS * (total[lang] - maxTotal));
  const pTop = 1 / partition;

  // A one-word text is weak evidence however sure the model is: its vote counts fully in the ranking
  // but only grows into confidence with the number of words.
  const modelMass = model[top] * (MODEL_MASS_WEIGHT / MODEL_WEIGHT) * Math.min(1, words / MODEL_FULL_WORDS);
  const textMass = LANGS.reduce((sum, l) => sum + textScores[l] + model[l], 0);
  const agreeing = agreement(top, leader(prior, 0), [
    leader(textScores, 0),
    leader(model, MODEL_WEIGHT * MODEL_LEAD_SHARE),
    leader(franc, 0),
  ]);
  if (agreeing > 0) evidence.push(`agree:metadata+${agreeing + 1} text sources`);
  const mass =
    textScores[top] +
    modelMass +
    0.5 * franc[top] +
    (textMass > 0 ? PRIOR_MASS * prior[top] : 0) +
    AGREEMENT_MASS * agreeing;
  const strength = 1 - Math.exp(-mass / 3.2);
  const confidence = Math.round(Math.min(1, Math.max(0, pTop * strength)) * 1000) / 1000;

  if (textMass === 0 && latinLetters === 0 && cyrillicTokens.length === 0) evidence.push('text:no letters');
  return {
    language: confidence >= LANGUAGE_CONFIDENCE_FLOOR ? top : 'unknown',
    confidence,
    evidence,
  };
}
