/**
 * Urgency of a buyer message: how fast a human must look at the ticket.
 *
 * Pure: the clock comes in as `now` and dates are read with `Date.parse` only.
 */
import { fold } from '../normalize.js';
import type { Category, Urgency } from '../types.js';

/** What `assessUrgency` needs: the message, its category and the marketplace's dispute clock. */
export interface UrgencyInput {
  text: string;
  category: Category;
  /** ISO timestamp after which the marketplace escalates or auto-closes the dispute. */
  disputeDeadline?: string;
  /** ISO timestamp of "now", injected so the function stays pure. */
  now: string;
}

/** The buyer's tone: angry (threats, insults, shouting, repeated complaints), positive, or neutral. */
export type Sentiment = 'angry' | 'neutral' | 'positive';

/** Result of `assessUrgency`; `reasons` explains every urgency cue that was found. */
export interface UrgencyAssessment {
  urgency: Urgency;
  reasons: string[];
  sentiment: Sentiment;
  /** Tone cues behind `sentiment` ("insult", "repeat", "praise", ...). */
  sentimentReasons: string[];
}

/** A dispute deadline closer than this makes the ticket urgent. */
const DEADLINE_WINDOW_HOURS = 48;

/** Categories that are pre-sale or informational: they can wait unless the buyer is upset. */
const LOW_CATEGORIES: ReadonlySet<Category> = new Set<Category>(['product_question', 'shipping_inquiry']);

/** Requests that only help before the parcel leaves: a human must act before it ships. */
const BEFORE_SHIPPING_CATEGORIES: ReadonlySet<Category> = new Set<Category>(['cancel_order', 'order_change']);

const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';

/**
 * Builds a word-bounded, accent-folded regex from `a|b c|d*` alternatives (`*` = any word ending).
 * Alternatives may use `(?:x|y)` groups and a trailing `?` on a letter; other regex characters are literal.
 */
function cue(alternatives: string): RegExp {
  const body = splitTop(alternatives)
    .map((alt) =>
      fold(alt.trim())
        .replace(/[.+^${}[\]\\]/g, '\\$&')
        .replace(/\((?!\?:)/g, '\\(')
        .replace(/(?<!\(\?:[^)]{0,200})\)/g, '\\)')
        .replace(/\s+/g, '\\s+')
        .replace(/\*/g, '\\p{L}*'),
    )
    .join('|');
  return new RegExp(`${B}(?:${body})${E}`, 'u');
}

/** Splits `a|b (?:c|d)` on the `|` that are not inside a group. */
function splitTop(alternatives: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of alternatives) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === '|' && depth === 0) {
      out.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  out.push(current);
  return out;
}

/** Threats to escalate outside the conversation: disputes, chargebacks, reviews, police, lawyers. */
const THREATS: ReadonlyArray<[string, RegExp]> = [
  [
    'dispute',
    cue(
      'dispute*|open a case|open case|paypal claim|paypal case|claim with paypal|file a claim|open a claim|' +
        'disputa*|abrir disputa|abro disputa|abrire disputa|reclamo|reclamacion|reclamaciones|' +
        'litige*|ouvrir un litige|reclamation|' +
        'reclamacao|reclame aqui|reclameaqui|abrir reclamacao|' +
        'спор|спора|открою спор|открываю спор|открыть спор|откроем спор|диспут*|жалоб*|пожалуюсь|' +
        'otkroyu spor|otkryt spor|spor',
    ),
  ],
  [
    'chargeback',
    cue(
      'chargeback*|charge back|contracargo*|retrofacturation|opposition bancaire|faire opposition|' +
        'contestar no cartao|contestacao|estorno no cartao|чарджбэк|чарджбек|через банк|опротестую',
    ),
  ],
  [
    'review',
    cue(
      '1 star|one star|1-star|bad review|negative review|negative feedback|bad feedback|leave a review|' +
        'mala resena|pesima resena|resena negativa|calificacion negativa|mala calificacion|opinion negativa|' +
        'una estrella|1 estrella|valoracion negativa|' +
        'avis negatif|mauvais avis|mauvaise note|mauvaise evaluation|une etoile|1 etoile|' +
        'avaliacao negativa|ma avaliacao|pessima avaliacao|uma estrela|1 estrela|' +
        'плохой отзыв|негативный отзыв|отрицательный отзыв|плохую оценку|1 звезд*|одну звезд*|одна звезд*',
    ),
  ],
  [
    'authorities',
    cue(
      'police|lawyer*|attorney|sue|suing|to court|legal action|consumer protection|bbb|' +
        'policia|abogado*|denuncia*|denunciar*|demandare|demandarlos|demandar|profeco|sernac|indecopi|' +
        'gendarmerie|avocat*|plainte|porter plainte|tribunal|dgccrf|' +
        'advogado*|processar|abrir processo|procon|justica|' +
        'полици*|юрист*|адвокат*|суд|в суд|роспотребнадзор*|прокуратур*',
    ),
  ],
  [
    'fraud',
    cue(
      'scam*|fraud*|thief|thieves|' +
        'estafa*|estafador*|fraude*|ladron*|ladrones|' +
        'arnaque*|escroc*|escroquerie*|voleur*|' +
        'golpe|golpista*|fraude|ladrao|ladroes|' +
        'мошенник*|мошенничеств*|обман*|развод*|кидал*|воры|ворье',
    ),
  ],
];

/** Strong anger and profanity in the five languages. */
const ANGER = cue(
  'angry|furious|ridiculous|unacceptable|disgusting|worst|wtf|fuck*|shit*|damn|pissed|terrible service|' +
    'harto|harta|inaceptable|verguenza|mierda|pesimo servicio|una burla|furioso|furiosa|indignado|indignada|carajo|' +
    'inadmissible|inacceptable|honteux|honte|scandaleux|marre|ras le bol|merde|putain|' +
    'absurdo|ridiculo|vergonha|palhacada|porcaria|merda|revoltado|revoltada|inaceitavel|pessimo atendimento|' +
    'безобразие|ужас|кошмар|возмутительно|хамство|достали|бесит|бля*|позор|издевательство',
);

/** Insults aimed at the seller, in the five languages. */
const INSULTS = cue(
  'idiot*|morons?|liars?|incompetent|useless people|pathetic|clowns|scammers?|jerks?|' +
    'idiotas?|estupidos?|mentirosos?|inutiles|incompetentes|payasos|sinverguenzas|rateros|' +
    'idiots?|cretins?|menteurs?|incompetents?|bande de nuls|guignols|escrocs|' +
    'mentirosos?|palhacos|otarios|safados|picaretas|vagabundos|' +
    'идиот*|дебил*|урод*|лжец*|врете|вруны|козлы|бездар*|сволоч*|тупые',
);

/** Phrases of a buyer who has complained before and got nowhere. */
const REPEAT_STRONG = cue(
  'how many times|for the third time|third time|i already (?:wrote|asked|told)|i have written|' +
    'nobody (?:answers|replies|responds)|no one (?:answers|replies|responds)|still no (?:answer|reply|response)|' +
    'cuantas veces|por tercera vez|ya les (?:escribi|dije|pregunte)|nadie (?:responde|contesta)|sigo sin respuesta|' +
    'combien de fois|pour la troisieme fois|je vous ai deja (?:ecrit|demande)|personne ne (?:repond|me repond)|' +
    'quantas vezes|pela terceira vez|ja (?:mandei|escrevi|perguntei)|ninguem (?:responde|me responde)|' +
    'сколько можно|сколько раз|в третий раз|уже (?:писал|писала|писали|спрашивал|спрашивала)|никто не отвечает',
);

/** Weaker signs of a repeated complaint: they count only together with another cue. */
const REPEAT_WEAK = cue(
  'again|still waiting|yet again|otra vez|de nuevo|todavia nada|encore une fois|toujours rien|' +
    'de novo|outra vez|ate agora nada|опять|снова|до сих пор',
);

/** Praise: a happy buyer whatever the message asks. */
const PRAISE = cue(
  'great|love it|loved it|perfect|excellent|amazing|awesome|5 stars|five stars|very happy|so happy|satisfied|' +
    'recommend|best seller|good seller|well done|' +
    'excelente|perfecto|perfecta|me encanta|me encanto|genial|5 estrellas|muy contento|muy contenta|recomiendo|' +
    'parfait|parfaite|genial|excellent|super vendeur|au top|5 etoiles|ravi|ravie|je recommande|nickel|' +
    'otimo|otima|perfeito|perfeita|amei|adorei|maravilhoso|5 estrelas|recomendo|satisfeito|satisfeita|' +
    'отлично|отличный|супер|класс|5 звезд|рекомендую|доволен|довольна|прекрасн*|замечательн*',
);

/** Thanks: positive only when the message is not a complaint. */
const THANKS = cue(
  'thanks|thank you|thx|ty|gracias|merci|obrigado|obrigada|obg|valeu|vlw|спасибо|благодарю|spasibo',
);

const POSITIVE_EMOJI = /[\u{1F60A}\u{1F60D}\u{1F970}\u{1F64F}\u{2764}\u{1F44D}\u{1F917}\u{263A}]/u;

/** Union of every cue above: when it does not match, none of them can. */
const ANY_CUE = new RegExp(
  [...THREATS.map(([, re]) => re), ANGER, INSULTS, REPEAT_STRONG, REPEAT_WEAK, PRAISE, THANKS]
    .map((re) => re.source)
    .join('|'),
  'u',
);

/** Categories that are complaints: a "thanks" in them is politeness, not a happy buyer. */
const COMPLAINTS: ReadonlySet<Category> = new Set<Category>([
  'not_received',
  'damaged',
  'not_as_described',
  'wrong_item',
  'refund_request',
  'return_exchange',
  'customs_tax',
  'payment',
]);

/** Acronyms that are written in capitals without shouting. */
const ACRONYMS = new Set(
  [
    'DHL UPS USPS EMS FEDEX VAT IVA TVA IOF ICMS CPF DNI NIE RUT CURP SNILS INN NDS CDEK PIX SMS USB LED GPS OK',
    'AE AS IPHONE SSD HDMI LCD RGB XXL XL EUR USD BRL RUB MXN COP CLP PEN ARS ID PDF TV СДЭК НДС ИНН СНИЛС',
  ]
    .join(' ')
    .split(' '),
);

function shouting(text: string): boolean {
  const words = text.match(/\p{L}{3,}/gu) ?? [];
  const loud = words.filter((w) => w === w.toUpperCase() && w !== w.toLowerCase() && !ACRONYMS.has(w));
  return loud.length >= 2 && (loud.length >= 3 || loud.length * 2 >= words.length);
}

/** Decides how fast a ticket needs a human from deadlines, threats and tone. */
export function assessUrgency(input: UrgencyInput): UrgencyAssessment {
  const reasons: string[] = [];
  let high = false;

  if (input.disputeDeadline !== undefined) {
    const deadline = Date.parse(input.disputeDeadline);
    const now = Date.parse(input.now);
    if (Number.isFinite(deadline) && Number.isFinite(now)) {
      const hours = (deadline - now) / 3_600_000;
      if (hours <= DEADLINE_WINDOW_HOURS) {
        high = true;
        reasons.push(
          hours < 0
            ? `deadline:passed ${Math.round(-hours)}h ago`
            : `deadline:${Math.round(hours)}h left (< ${DEADLINE_WINDOW_HOURS}h)`,
        );
      }
    } else {
      reasons.push('deadline:unparseable');
    }
  }

  const folded = fold(input.text);
  // One scan decides whether any cue can match at all; most messages have none.
  const cued = ANY_CUE.test(folded);
  for (const [kind, re] of cued ? THREATS : []) {
    const match = folded.match(re);
    if (match !== null) {
      high = true;
      reasons.push(`threat:${kind} "${match[0]}"`);
    }
  }

  const anger = cued ? folded.match(ANGER) : null;
  if (anger !== null) {
    high = true;
    reasons.push(`anger:words "${anger[0]}"`);
  }
  const insult = cued ? folded.match(INSULTS) : null;
  if (insult !== null) {
    high = true;
    reasons.push(`anger:insult "${insult[0]}"`);
  }
  if (shouting(input.text)) {
    high = true;
    reasons.push('anger:caps');
  }
  const punctuationRuns = input.text.match(/[!?¡]{2,}/gu) ?? [];
  const exclamations = Math.max(0, ...punctuationRuns.map((run) => (run.match(/!/g) ?? []).length));
  if (exclamations >= 3) {
    high = true;
    reasons.push('anger:exclamations');
  }

  if (BEFORE_SHIPPING_CATEGORIES.has(input.category)) {
    high = true;
    reasons.push(`category:${input.category} must be handled before the parcel ships`);
  }

  const tone = sentimentOf(input, cued ? folded : '', reasons, exclamations);
  if (high) return { urgency: 'high', reasons, ...tone };
  if (LOW_CATEGORIES.has(input.category)) {
    reasons.push(`category:${input.category} without escalation cues`);
    return { urgency: 'low', reasons, ...tone };
  }
  reasons.push(`category:${input.category}`);
  return { urgency: 'normal', reasons, ...tone };
}

/** Angry when a threat, anger word, insult, shouting, "!!!" or a strong repeat cue is present (or two weak cues). */
function sentimentOf(
  input: UrgencyInput,
  folded: string,
  urgencyReasons: readonly string[],
  exclamations: number,
): { sentiment: Sentiment; sentimentReasons: string[] } {
  const found: string[] = [];
  let angry = 0;
  for (const reason of urgencyReasons) {
    const kind = /^(threat|anger):([a-z]+)/.exec(reason);
    if (kind !== null) {
      found.push(kind[1] === 'threat' ? `threat:${kind[2]}` : (kind[2] ?? 'anger'));
      angry += 2;
    }
  }
  const strong = folded.match(REPEAT_STRONG);
  if (strong !== null) {
    found.push(`repeat "${strong[0]}"`);
    angry += 2;
  }
  const weak = folded.match(REPEAT_WEAK);
  if (weak !== null) {
    found.push(`repeat:weak "${weak[0]}"`);
    angry += 1;
  }
  if (exclamations === 2) {
    found.push('exclamations:2');
    angry += 1;
  }
  if (angry >= 2) return { sentiment: 'angry', sentimentReasons: found };

  const praise = folded.match(PRAISE);
  const thanks = folded.match(THANKS);
  const emoji = POSITIVE_EMOJI.test(input.text);
  const complaint = COMPLAINTS.has(input.category);
  if (praise !== null && !complaint)
    return { sentiment: 'positive', sentimentReasons: [`praise "${praise[0]}"`] };
  if ((thanks !== null || emoji) && !complaint && angry === 0) {
    return { sentiment: 'positive', sentimentReasons: [thanks === null ? 'emoji' : `thanks "${thanks[0]}"`] };
  }
  return { sentiment: 'neutral', sentimentReasons: found };
}
