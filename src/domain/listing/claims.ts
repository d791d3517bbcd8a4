import type { Language } from '../types.js';
import { structuralClaims } from './claim-rules.js';
import { compilePattern } from './patterns.js';
import { overlaps, SpanIndex } from './text.js';
import type { Issue, ListingField } from './types.js';

/** Kinds of claims marketplaces refuse or penalize; each is a message code under `forbidden_claim.`. */
export type ClaimCode =
  | 'medical'
  | 'authenticity'
  | 'delivery_guarantee'
  | 'off_platform'
  | 'contact'
  | 'lifetime_warranty'
  | 'superlative'
  | 'guaranteed_result'
  | 'endorsement'
  | 'absolute_guarantee';

/**
 * Therapeutic claims as data: a verb that promises an effect on the body, then (within three words
 * of the same sentence) a condition. "Relieves back pain", "cura la migraña", "soulage les
 * douleurs articulaires", "избавляет от бессонницы", "trata a hérnia de disco".
 */
export const THERAPEUTIC: Readonly<Record<Language, { verbs: string; conditions: string }>> = {
  en: {
    verbs:
      'cur(?:es?|ed|ing)|heal(?:s|ed|ing)?|treat(?:s|ed|ing)?|reliev(?:es?|ed|ing)|eliminat(?:es?|ing)|prevent(?:s|ing)?|revers(?:es?|ing)|fight(?:s|ing)?|get(?:s|ting)? rid of|protects? (?:you )?(?:against|from)|lower(?:s|ing)?|reduc(?:es?|ing)|eas(?:es?|ing)|stops?|ends?|banish(?:es)?|soothes?',
    conditions:
      'arthritis|osteoarthritis|diabetes|cancers?|tumou?rs?|insomnia|anxiety|depression|(?:back |joint |muscle |chronic |neck |nerve )?pain|aches?|headaches?|migraines?|diseases?|illness(?:es)?|infections?|acne|eczema|psoriasis|covid(?:-19)?|coronavirus|viruses|flu|common colds?|sciatica|hernias?|hair loss|baldness|cellulite|obesity|high blood pressure|blood pressure|hypertension|cholesterol|asthma|allerg(?:y|ies)|inflammation|rheumatism|varicose veins|gout|fibromyalgia|neuropathy|dementia|alzheimer\\p{L}*',
  },
  es: {
    verbs:
      'cura(?:n|r|ndo)?|sana(?:n|r|ndo)?|trata(?:n|r|ndo)?|alivia(?:n|r|ndo)?|combatiendo|previniendo|reduciendo|elimina(?:n|r)?|previene(?:n)?|prevenir|combate(?:n)?|reduce(?:n)?|quita(?:n)?|acaba(?:n)? con|protege(?:n)? (?:contra|de)|baja(?:n)?|calma(?:n)?',
    conditions:
      'artritis|artrosis|diabetes|cáncer|tumor(?:es)?|insomnio|ansiedad|depresión|dolor(?:es)?|jaquecas?|migrañas?|enfermedad(?:es)?|infecci(?:ón|ones)|acné|eccema|psoriasis|covid(?:-19)?|coronavirus|virus|gripe|resfriados?|ciática|hernias?|caída del cabello|calvicie|celulitis|obesidad|hipertensión|presión arterial|tensión arterial|colesterol|asma|alergias?|inflamaci(?:ón|ones)|reumatismo|varices|fibromialgia',
  },
  fr: {
    verbs:
      "guéri(?:t|ssent|r|ssant)|soign(?:e|ent|er|ant)|trait(?:e|ent|er|ant)|soulag(?:e|ent|er|eant)|élimin(?:e|ent|er)|prévien(?:t|nent)|préven(?:ir)|combat(?:tent)?|rédui(?:t|sent|re)|fai(?:t|re) disparaître|vien(?:t|nent) à bout d(?:e|es|u|')|protège(?:nt)? (?:contre|de)|apais(?:e|ent|er)",
    conditions:
      'arthrite|arthrose|diabète|cancers?|tumeurs?|insomnies?|anxiété|dépression|douleurs?|maux de (?:tête|dos|ventre)|migraines?|maladies?|infections?|acné|eczéma|psoriasis|covid(?:-19)?|coronavirus|virus|grippe|rhumes?|sciatiques?|hernies?|chute des cheveux|calvitie|cellulite|obésité|hypertension|tension artérielle|cholestérol|asthme|allergies?|inflammations?|rhumatismes?|varices|fibromyalgie',
  },
  ru: {
    verbs:
      'лечит|лечат|вылечи\\p{L}*|излечива\\p{L}*|исцеля\\p{L}*|избавля\\p{L}*|избави\\p{L}*|устраня\\p{L}*|снима\\p{L}*|облегча\\p{L}*|предотвраща\\p{L}*|защища\\p{L}* от|сниж\\p{L}*|понижа\\p{L}*|нормализу\\p{L}*|успокаива\\p{L}*|побежда\\p{L}*',
    conditions:
      'артрит\\p{L}*|артроз\\p{L}*|диабет\\p{L}*|рак(?:а|у|ом|е)?|онколог\\p{L}*|опухол\\p{L}*|бессонниц\\p{L}*|тревожност\\p{L}*|тревог\\p{L}*|депресси\\p{L}*|бол(?:ь|и|ей|ям|ями|ях)|мигрен\\p{L}*|болезн\\p{L}*|заболевани\\p{L}*|инфекци\\p{L}*|акне|экзем\\p{L}*|псориаз\\p{L}*|ковид\\p{L}*|covid|коронавирус\\p{L}*|вирус\\p{L}*|грипп\\p{L}*|простуд\\p{L}*|радикулит\\p{L}*|ишиас\\p{L}*|грыж\\p{L}*|выпадени\\p{L}* волос|облысени\\p{L}*|целлюлит\\p{L}*|ожирени\\p{L}*|гипертони\\p{L}*|(?:артериальное |кровяное )?давлени\\p{L}*(?! на)|холестерин\\p{L}*|астм\\p{L}*|аллерги\\p{L}*|воспалени\\p{L}*|ревматизм\\p{L}*|варикоз\\p{L}*|подагр\\p{L}*',
  },
  pt: {
    verbs:
      'cura(?:m|r|ndo)?|trata(?:m|r|ndo)?|alivia(?:m|r|ndo)?|combatendo|prevenindo|reduzindo|elimina(?:m|r)?|previne(?:m)?|prevenir|combate(?:m|r)?|reduz(?:em|ir)?|acaba(?:m)? com|livra(?:m)? (?:você )?d[aeo]s?|protege(?:m)? (?:contra|de)|baixa(?:m)?|acalma(?:m)?',
    conditions:
      'artrite|artrose|diabetes|câncer|cancro|tumor(?:es)?|insônia|insónia|ansiedade|depressão|dor(?:es)?|enxaquecas?|doenças?|infec?ç(?:ão|ões)|acne|eczema|psoríase|covid(?:-19)?|coronavírus|vírus|gripe|resfriados?|ciática|hérnias?(?: de disco)?|queda de cabelo|calvície|celulite|obesidade|hipertensão|pressão (?:alta|arterial)|colesterol|asma|alergias?|inflamaç(?:ão|ões)|reumatismo|varizes|fibromialgia',
  },
};

/**
 * Words that make what follows a condition of use, not an effect: "stop if you feel pain", "arrêtez
 * si la douleur persiste". A therapeutic claim has none of them between its verb and its condition.
 */
const CONDITIONAL: Readonly<Record<Language, string>> = {
  en: 'if|when|whenever|unless|you',
  es: 'si|cuando|siente',
  fr: 'si|quand|lorsque|lorsqu|vous',
  pt: 'se|quando|sentir',
  ru: 'если|при|когда',
};

/** The therapeutic-claim pattern of one language: verb, at most three words (no condition), condition. */
function therapeuticPattern(lang: Language): string {
  const { verbs, conditions } = THERAPEUTIC[lang];
  return `\\b(?:${verbs})(?:\\s+(?!(?:${CONDITIONAL[lang]})(?![\\p{L}\\p{N}]))[^\\s.!?;:]+){0,3}?\\s+(?:${conditions})\\b`;
}

/** Claim patterns per language; English ones run on every version (copied English claims are common). */
export const CLAIM_PATTERNS: Readonly<Record<Language, ReadonlyArray<[ClaimCode, string]>>> = {
  en: [
    [
      'medical',
      '\\b(?:kills? (?:99(?:[.,]9+)?\\s?% (?:of )?)?(?:all )?(?:germs|bacteria|viruses)|(?:lose|losing) weight|burns? fat|fat[- ]burning|weight loss|(?:recommended|approved) by (?:doctors|dermatologists|dentists|physicians)|anti-?cancer|prevents? (?:cancer|covid|diabetes|disease|infections?)|relieves? all pain|eliminates? (?:all )?pain|clinically proven|fda approved|medical grade cure)\\b',
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
    [
      'superlative',
      '\\b(?:the best (?:\\p{L}+ )?in the world|world[\\u0027\\u2019]?s (?:best|no\\.? ?1|number one)|(?:#|no\\.? ?|number )1 (?:in|on) the (?:world|market)|best on the market|better than (?:any|all) others?)\\b',
    ],
    [
      'guaranteed_result',
      '\\b(?:100\\s?% (?:effective|results?|success)|guaranteed (?:results?|to work)|results? guaranteed|works for everyone|instant results?)\\b',
    ],
  ],
  es: [
    [
      'medical',
      '\\b(?:elimina (?:el )?99(?:[.,]9+)?\\s?% de (?:las bacterias|los gérmenes|los virus)|mata (?:el 99(?:[.,]9+)?\\s?% de )?(?:las bacterias|los gérmenes|los virus)|adelgaza\\p{L}*|quema grasa\\p{L}*|pérdida de peso|perder peso|recomendado por (?:médicos|dermatólogos|dentistas)|anticancer\\p{L}*|previene (?:el |la )?(?:cáncer|covid|diabetes|enfermedad\\p{L}*|infecci\\p{L}+)|elimina (?:todo )?el dolor|clínicamente probado|aprobado por la fda)\\b',
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
    [
      'superlative',
      '\\b(?:(?:el|la) mejor (?:\\p{L}+ )?del (?:mundo|mercado)|número 1 (?:en el|del) (?:mundo|mercado)|n\\.?º ?1 (?:en el|del) (?:mundo|mercado)|mejor que (?:cualquier otr[oa]|todos los demás))\\b',
    ],
    [
      'guaranteed_result',
      '\\b(?:100\\s?% eficaz|eficacia garantizada|resultados? garantizados?|funciona para todos|resultados inmediatos)\\b',
    ],
  ],
  fr: [
    [
      'medical',
      '\\b(?:élimine 99(?:[.,]9+)?\\s?% des (?:bactéries|germes|virus)|tue (?:99(?:[.,]9+)?\\s?% des )?(?:les )?(?:bactéries|germes|virus)|fait maigrir|perdre du poids|perte de poids|brûle[- ]graisses?|brûle les graisses|recommandé par les (?:médecins|dermatologues|dentistes)|anticancéreu\\p{L}*|anti-cancer|prévient (?:le |la |les )?(?:cancer|covid|diabète|maladies?|infections?)|élimine (?:toute )?la douleur|cliniquement prouvé\\p{L}*|approuvé par la fda)\\b',
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
    [
      'superlative',
      '\\b(?:(?:le|la) meilleur(?:e)? (?:\\p{L}+ )?(?:du|au) (?:monde|marché)|n°\\s?1 (?:du|des|en|mondial)|numéro 1 (?:du|des|en|mondial)|meilleur que tous les autres)\\b',
    ],
    [
      'guaranteed_result',
      '\\b(?:100\\s?% efficace|efficacité garantie|résultats? garantis?|fonctionne pour tous|résultats immédiats)\\b',
    ],
  ],
  ru: [
    [
      'medical',
      '\\b(?:(?:убива|уничтожа)\\p{L}* (?:99(?:[.,]9+)?\\s?% )?(?:бактери\\p{L}*|микроб\\p{L}*|вирус\\p{L}*)|похуде\\p{L}*|сжига\\p{L}* жир\\p{L}*|жиросжига\\p{L}*|рекомендован\\p{L}* (?:врач\\p{L}*|дерматолог\\p{L}*|стоматолог\\p{L}*)|противоопухолев\\p{L}*|защищает от (?:рака|ковида|covid|диабета|болезней|инфекций)|избавляет от (?:любой )?боли|клинически доказан\\p{L}*|одобрен\\p{L}* fda)',
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
    [
      'superlative',
      '\\b(?:лучш\\p{L}* (?:\\p{L}+ )?(?:в мире|на рынке)|№\\s?1 (?:в мире|на рынке)|номер один (?:в мире|на рынке)|не имеет аналогов)',
    ],
    [
      'guaranteed_result',
      '\\b(?:100\\s?% (?:эффективн\\p{L}*|результат\\p{L}*)|гарантированн\\p{L}* результат\\p{L}*|результат гарантирован\\p{L}*|эффект гарантирован|мгновенн\\p{L}* результат\\p{L}*)',
    ],
  ],
  pt: [
    [
      'medical',
      '\\b(?:elimina 99(?:[.,]9+)?\\s?% d(?:as bactérias|os germes|os vírus)|mata (?:99(?:[.,]9+)?\\s?% d(?:as|os) )?(?:bactérias|germes|vírus)|emagrec\\p{L}*|queima gordura|perda de peso|perder peso|recomendado por (?:médicos|dermatologistas|dentistas)|anticancer\\p{L}*|previne (?:o |a )?(?:câncer|covid|diabetes|doenças?|infecç\\p{L}+)|elimina (?:toda )?a dor|clinicamente comprovad[oa]|aprovado pela fda)\\b',
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
    [
      'superlative',
      '\\b(?:[oa] melhor (?:\\p{L}+ )?do (?:mundo|mercado)|número 1 (?:do|no) (?:mundo|mercado|brasil)|n\\.?º ?1 (?:do|no) (?:mundo|mercado|brasil)|melhor que (?:qualquer outr[oa]|todos os outros))\\b',
    ],
    [
      'guaranteed_result',
      '\\b(?:100\\s?% eficaz|eficácia garantida|resultados? garantidos?|funciona para todos|resultados imediatos)\\b',
    ],
  ],
};

/** Other marketplaces a listing must not send buyers to. */
const MARKETPLACES =
  '\\b(?:amazon(?! (?:alexa|echo|kindle|fire tv|prime video|music)\\b)|ebay|aliexpress|alibaba|wildberries|ozon|yandex market|avito|mercado ?libre|mercado ?livre|shopee|etsy|temu|shein|walmart|cdiscount|olx|magalu|americanas|kaspi|allegro|joom|wish\\.com)\\b';

/** Ways to reach the seller outside the marketplace: messengers, e-mail, phones, web addresses. */
const CONTACT =
  '(?<![\\w.+-])[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+|\\b(?:https?://|www\\.)\\S+|(?<![\\w-])[\\w-]+\\.(?:com|net|org|ru|com\\.br|es|fr|pt|shop|store)\\b|\\+\\d[\\d\\s().-]{7,}\\d|\\b8[\\s-]?\\(?9\\d{2}\\)?[\\s-]?\\d{3}[\\s-]?\\d{2}[\\s-]?\\d{2}\\b|\\(\\d{2}\\)\\s?9?\\d{4}-\\d{4}\\b|\\b(?:whats ?app|wasap|guasap|telegram|wechat|viber|вотсап|ватсап|вацап|телеграм\\p{L}*|телег[аеиу]|instagram|инстаграм\\p{L}*)\\b(?:[:\\s]{1,3}@\\w+)?|\\btg ?@\\w+|\\bt\\.me/\\w+|\\bwww[-_][\\w-]{1,60}|\\b[\\w-]{1,40} (?:(?:dot|ponto|точка) (?:com|net|org|ru|ру|fr|es|br|pt|shop|store)|punto (?:com|net|org|shop|store))\\b|\\b(?:facebook|fb|vk|вконтакте|tiktok|тикток) (?:page|páginas?|paginas?|pages?|groupe?s?|grupos?|groups?|страниц\\p{L}*|групп\\p{L}*)\\b';

const compiled = new Map<Language, Array<[ClaimCode, RegExp]>>();
function patternsFor(lang: Language): Array<[ClaimCode, RegExp]> {
  let list = compiled.get(lang);
  if (!list) {
    const own: Array<[ClaimCode, string]> = [['medical', therapeuticPattern(lang)], ...CLAIM_PATTERNS[lang]];
    const english: Array<[ClaimCode, string]> = [['medical', therapeuticPattern('en')], ...CLAIM_PATTERNS.en];
    const sources = lang === 'en' ? english : [...own, ...english];
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
  // The per-version checks and the cross-language check both ask for a field's claims.
  const key = `${lang}\u0000${field}\u0000${skip.map(([a, b]) => `${a}-${b}`).join(',')}\u0000${text}`;
  const cached = recentClaims.get(key);
  if (cached) return cached.map((issue) => ({ ...issue, params: { ...issue.params } }));
  const issues = findClaims(text, lang, field, skip);
  if (recentClaims.size >= RECENT_CLAIMS) recentClaims.delete(recentClaims.keys().next().value!);
  recentClaims.set(
    key,
    issues.map((issue) => ({ ...issue, params: { ...issue.params } })),
  );
  return issues;
}

/** Characters before a phrase claim searched for a negation (a few words). */
const NEGATION_WINDOW = 24;
/** A negation right before a claim, at most one word between ("does not kill", "ne tue pas"). */
const NEGATED_BEFORE =
  /(?:^|[\s(])(?:not|doesn['’]t|don['’]t|cannot|can['’]t|never|no|nunca|ni|ne|n['’]|jamais|não|nao|nem|не|ни)\s+(?:[\p{L}'’]+\s+)?$/iu;

/** Fields whose claims are remembered (a listing has ten: five languages, title and description). */
const RECENT_CLAIMS = 32;
const recentClaims = new Map<string, Issue[]>();

function findClaims(
  text: string,
  lang: Language,
  field: ListingField,
  skip: ReadonlyArray<readonly [number, number]>,
): Issue[] {
  const issues: Issue[] = [];
  // Spans of earlier codes win; the matches of one code never overlap each other, so each code's
  // spans join the index as one batch after it ran.
  const taken = new SpanIndex();
  for (const [code, re] of patternsFor(lang)) {
    re.lastIndex = 0;
    const mine: Array<[number, number]> = [];
    for (const match of text.matchAll(re)) {
      const start = match.index ?? 0;
      const end = start + match[0].replace(/(?<![\s.,;:)])[\s.,;:)]+$/u, '').length;
      if (taken.overlaps(start, end) || overlaps(start, end, skip)) continue;
      // "does not kill bacteria", "no cura", "не лечит": a negation just before takes it back.
      if (code === 'medical' && NEGATED_BEFORE.test(text.slice(Math.max(0, start - NEGATION_WINDOW), start)))
        continue;
      mine.push([start, end]);
      issues.push({
        lang,
        field,
        kind: 'forbidden_claim',
        code,
        params: { text: match[0].trim().slice(0, 60) },
        span: [start, end],
      });
    }
    taken.addAll(mine);
  }
  // Claims by structure (head and object in one sentence), in this language and in English.
  const structural = [
    ...structuralClaims(text, lang),
    ...(lang === 'en' ? [] : structuralClaims(text, 'en')),
  ].sort((a, b) => a.span[0] - b.span[0]);
  // Sorted by start: a claim overlaps a kept one exactly when it starts before the furthest kept end
  // (a growing list searched afresh for each claim was quadratic: 521 ms for 80,000 characters).
  let keptEnd = Number.NEGATIVE_INFINITY;
  for (const { code, span } of structural) {
    const [start, end] = span;
    if (start < keptEnd || taken.overlaps(start, end) || overlaps(start, end, skip)) continue;
    keptEnd = Math.max(keptEnd, end);
    issues.push({
      lang,
      field,
      kind: 'forbidden_claim',
      code,
      params: { text: text.slice(start, end).trim().slice(0, 60) },
      span: [start, end],
    });
  }
  issues.sort((a, b) => (a.span?.[0] ?? 0) - (b.span?.[0] ?? 0));
  return mergeSameSentence(text, issues);
}

/** Codes never merged into a claim of another code (a contact or another shop is its own finding). */
const SEPARATE_CODES: ReadonlySet<string> = new Set<ClaimCode>(['contact', 'off_platform']);

/** Most characters between two claims of one kind that still make them one claim. */
const MERGE_GAP = 40;

/**
 * Claims of the same code in one sentence, a few words apart, are one claim to the seller:
 * "alivia la ciática y cura el dolor lumbar", "WhatsApp +34 612 345 678".
 */
function mergeSameSentence(text: string, issues: Issue[]): Issue[] {
  const merged: Issue[] = [];
  for (const issue of issues) {
    const last = merged.at(-1);
    // One claim per sentence for the seller: "approved by the FDA and recommended by doctors".
    if (
      last?.span &&
      issue.span &&
      (last.code === issue.code || !(SEPARATE_CODES.has(issue.code) || SEPARATE_CODES.has(last.code)))
    ) {
      const gap = text.slice(last.span[1], issue.span[0]);
      if (gap.length <= MERGE_GAP && !/[.!?;\n]/.test(gap)) {
        const span: [number, number] = [last.span[0], Math.max(last.span[1], issue.span[1])];
        merged[merged.length - 1] = {
          ...last,
          span,
          params: { ...last.params, text: text.slice(span[0], span[1]).trim().slice(0, 60) },
        };
        continue;
      }
    }
    merged.push(issue);
  }
  return merged;
}
