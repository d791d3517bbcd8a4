import type { Language } from '../types.js';
import { compilePattern } from './patterns.js';
import { overlaps } from './text.js';
import type { Issue, ListingField } from './types.js';

/** Kinds of claims marketplaces refuse or penalize; each is a message code under `forbidden_claim.`. */
export type ClaimCode =
  | 'medical'
  | 'authenticity'
  | 'delivery_guarantee'
  | 'off_platform'
  | 'contact'
  | 'lifetime_warranty';

/** Claim patterns per language; English ones run on every version (copied English claims are common). */
export const CLAIM_PATTERNS: Readonly<Record<Language, ReadonlyArray<[ClaimCode, string]>>> = {
  en: [
    [
      'medical',
      '\\b(?:cures?|cured|curing|heals?|healing|treats?) (?:\\w+ )?(?:arthritis|diabetes|cancer|insomnia|anxiety|depression|pain|disease|infections?|acne|migraines?|covid|back pain|hair loss)\\b',
    ],
    [
      'medical',
      '\\b(?:anti-?cancer|prevents? (?:cancer|covid|diabetes|disease|infections?)|relieves? all pain|eliminates? (?:all )?pain|clinically proven|fda approved|medical grade cure)\\b',
    ],
    [
      'authenticity',
      '\\b100\\s?%\\s*(?:original|authentic|genuine)\\b|\\b(?:guaranteed|certified) (?:authentic|original|genuine)\\b|\\bnot a (?:fake|replica|copy)\\b',
    ],
    [
      'delivery_guarantee',
      '\\b(?:guaranteed (?:delivery|to arrive|arrival)|delivery (?:is )?guaranteed|arrives? (?:in|within) \\d+\\s?(?:days?|hours?) guaranteed|guaranteed (?:in|within) \\d+\\s?(?:days?|hours?))\\b',
    ],
    ['lifetime_warranty', '\\blifetime (?:warranty|guarantee)\\b|\\bwarranty for life\\b'],
  ],
  es: [
    [
      'medical',
      '\\b(?:cura|curan|curar|sana|trata) (?:la |el |los |las )?(?:artritis|diabetes|cáncer|insomnio|ansiedad|depresión|dolor|enfermedad\\p{L}*|infecci\\p{L}+|acné|migrañas?|covid|caída del cabello)\\b',
    ],
    [
      'medical',
      '\\b(?:anticancer\\p{L}*|previene (?:el |la )?(?:cáncer|covid|diabetes|enfermedad\\p{L}*|infecci\\p{L}+)|elimina (?:todo )?el dolor|clínicamente probado|aprobado por la fda)\\b',
    ],
    [
      'authenticity',
      '\\b100\\s?%\\s*(?:original|auténtic[oa]s?|genuin[oa]s?)\\b|\\b(?:garantizado|certificado) (?:auténtico|original)\\b|\\bno es (?:una )?(?:falsificación|réplica|copia)\\b',
    ],
    [
      'delivery_guarantee',
      '\\b(?:entrega garantizada|llegada garantizada|garantizamos la entrega|llega en \\d+\\s?(?:días|horas) garantizad[oa]s?|envío garantizado en \\d+\\s?(?:días|horas))\\b',
    ],
    ['lifetime_warranty', '\\bgarantía (?:de por vida|vitalicia|para toda la vida)\\b'],
  ],
  fr: [
    [
      'medical',
      "\\b(?:guérit|guérissent|guérir|soigne|soignent|traite) (?:l[ae] |les |l')?(?:arthrite|diabète|cancer|insomnie|anxiété|dépression|douleurs?|maladies?|infections?|acné|migraines?|covid|chute des cheveux)\\b",
    ],
    [
      'medical',
      '\\b(?:anticancéreu\\p{L}*|anti-cancer|prévient (?:le |la |les )?(?:cancer|covid|diabète|maladies?|infections?)|élimine (?:toute )?la douleur|cliniquement prouvé\\p{L}*|approuvé par la fda)\\b',
    ],
    [
      'authenticity',
      '\\b100\\s?%\\s*(?:original\\p{L}*|authentique\\p{L}*)\\b|\\b(?:garanti|certifié) (?:authentique|original)\\b|\\bpas une (?:contrefaçon|réplique|copie)\\b',
    ],
    [
      'delivery_guarantee',
      '\\b(?:livraison garantie|arrivée garantie|nous garantissons la livraison|livré en \\d+\\s?(?:jours|heures|h) garanti\\p{L}*)\\b',
    ],
    ['lifetime_warranty', '\\bgarantie (?:à vie|à la vie|illimitée à vie)\\b'],
  ],
  ru: [
    [
      'medical',
      '\\b(?:лечит|излечивает|вылечит|исцеляет|лечат) (?:от )?(?:артрит\\p{L}*|диабет\\p{L}*|рак\\p{L}*|бессонниц\\p{L}*|тревог\\p{L}*|депресси\\p{L}*|бол\\p{L}*|болезн\\p{L}*|инфекци\\p{L}*|акне|мигрен\\p{L}*|covid|ковид\\p{L}*|выпадени\\p{L}* волос)',
    ],
    [
      'medical',
      '\\b(?:противоопухолев\\p{L}*|защищает от (?:рака|ковида|covid|диабета|болезней|инфекций)|избавляет от (?:любой )?боли|клинически доказан\\p{L}*|одобрен\\p{L}* fda)',
    ],
    [
      'authenticity',
      '\\b100\\s?%\\s*(?:оригинал\\p{L}*|подлинн\\p{L}*)|\\b(?:гарантированно|сертифицированный) (?:оригинал\\p{L}*|подлинн\\p{L}*)|\\bне (?:подделка|реплика|копия)\\b',
    ],
    [
      'delivery_guarantee',
      '\\b(?:гарантированн\\p{L}* доставк\\p{L}*|доставка гарантирован\\p{L}*|гарантируем доставку|доставим за \\d+\\s?(?:дн\\p{L}*|час\\p{L}*|день) гарантированно)',
    ],
    ['lifetime_warranty', '\\b(?:пожизненн\\p{L}* гаранти\\p{L}*|гарантия на всю жизнь)'],
  ],
  pt: [
    [
      'medical',
      '\\b(?:cura|curam|curar|trata) (?:a |o |as |os )?(?:artrite|diabetes|câncer|cancro|insônia|ansiedade|depressão|dor|doenças?|infecç\\p{L}+|acne|enxaquecas?|covid|queda de cabelo)\\b',
    ],
    [
      'medical',
      '\\b(?:anticancer\\p{L}*|previne (?:o |a )?(?:câncer|covid|diabetes|doenças?|infecç\\p{L}+)|elimina (?:toda )?a dor|clinicamente comprovad[oa]|aprovado pela fda)\\b',
    ],
    [
      'authenticity',
      '\\b100\\s?%\\s*(?:original|originais|autêntic[oa]s?|genuín[oa]s?)\\b|\\b(?:garantido|certificado) (?:autêntico|original)\\b|\\bnão é (?:falsificação|réplica|cópia)\\b',
    ],
    [
      'delivery_guarantee',
      '\\b(?:entrega garantida|chegada garantida|garantimos a entrega|chega em \\d+\\s?(?:dias|horas) garantid[oa]s?)\\b',
    ],
    ['lifetime_warranty', '\\bgarantia (?:vitalícia|para (?:toda a|a) vida|eterna)\\b'],
  ],
};

/** Other marketplaces a listing must not send buyers to. */
const MARKETPLACES =
  '\\b(?:amazon|ebay|aliexpress|alibaba|wildberries|ozon|yandex market|avito|mercado ?libre|mercado ?livre|shopee|etsy|temu|shein|walmart|cdiscount|olx|magalu|americanas|kaspi|allegro|joom|wish\\.com)\\b';

/** Ways to reach the seller outside the marketplace: messengers, e-mail, phones, web addresses. */
const CONTACT =
  '[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+|\\b(?:https?://|www\\.)\\S+|\\b[\\w-]+\\.(?:com|net|org|ru|com\\.br|es|fr|pt|shop|store)\\b|\\+\\d[\\d\\s().-]{7,}\\d|\\b8\\s?\\(?9\\d{2}\\)?[\\s-]?\\d{3}[\\s-]?\\d{2}[\\s-]?\\d{2}\\b|\\(\\d{2}\\)\\s?9?\\d{4}-\\d{4}\\b|\\b(?:whats ?app|telegram|wechat|viber|вотсап|ватсап|телеграм\\p{L}*|instagram|инстаграм\\p{L}*)\\b';

const compiled = new Map<Language, Array<[ClaimCode, RegExp]>>();
function patternsFor(lang: Language): Array<[ClaimCode, RegExp]> {
  let list = compiled.get(lang);
  if (!list) {
    const sources = lang === 'en' ? CLAIM_PATTERNS.en : [...CLAIM_PATTERNS[lang], ...CLAIM_PATTERNS.en];
    list = [
      ...sources.map(([code, src]) => [code, compilePattern(src)] as [ClaimCode, RegExp]),
      ['off_platform', compilePattern(MARKETPLACES)],
      ['contact', compilePattern(CONTACT)],
    ];
    compiled.set(lang, list);
  }
  return list;
}

/** Forbidden or risky claims: medical cures, "100% original", delivery guarantees, other shops, contacts, lifetime warranties. */
export function checkClaims(
  text: string,
  lang: Language,
  field: ListingField,
  skip: ReadonlyArray<readonly [number, number]> = [],
): Issue[] {
  const issues: Issue[] = [];
  const taken: Array<[number, number]> = [];
  for (const [code, re] of patternsFor(lang)) {
    re.lastIndex = 0;
    for (const match of text.matchAll(re)) {
      const start = match.index ?? 0;
      const end = start + match[0].replace(/[\s.,;:)]+$/u, '').length;
      if (overlaps(start, end, taken) || overlaps(start, end, skip)) continue;
      taken.push([start, end]);
      issues.push({
        lang,
        field,
        kind: 'forbidden_claim',
        code,
        params: { text: match[0].trim().slice(0, 60) },
        span: [start, end],
      });
    }
  }
  return issues.sort((a, b) => (a.span?.[0] ?? 0) - (b.span?.[0] ?? 0));
}
