/**
 * Intent classification of buyer messages: a character n-gram model trained in-repo
 * (`intent-model.ts`, weights in `intent-model.data.ts`) combined with native per-language lexicons.
 *
 * Each language has weighted patterns per category, written in a tiny pattern language:
 *
 *   - tokens are matched on lowercased, accent-folded words (`todavia` matches `todavía`);
 *   - `stem*` matches by prefix, `a|b|c` are alternatives, `#` is any number;
 *   - `..` allows up to 3 words in between, `...` up to 8 (never across a sentence end);
 *   - a leading `!` requires a negation in the 3 words before ("hasn't arrived", "no ha llegado",
 *     "n'est toujours pas arrivé", "не пришёл"); `^` before a word ignores it when it is negated
 *     ("not broken", "ordered ... but ^got" skips "but never got");
 *   - a negative weight pulls a category down ("I don't want a refund").
 *
 * The lexicon scores are added to the model logits with a weight fitted on held-out training
 * data, and a temperature-scaled softmax gives a calibrated confidence. The label is what the
 * buyer asks the seller to do (or the problem, when they only describe one); a low confidence or a
 * near tie abstains so a human picks the category.
 */

import { INTENT_MODEL_DATA } from '../intent-model.data.js';
import {
  applyIsotonic,
  fnvHex,
  type IntentModel,
  sharedIntentModel,
  softmax,
  transliterateCyrillic,
} from '../intent-model.js';
import { fold } from '../normalize.js';
import { CATEGORIES, type Category, type Language } from '../types.js';

/** Below this calibrated confidence the classification abstains and a human picks the category. */
export const INTENT_ABSTAIN_BELOW = INTENT_MODEL_DATA.calibration.abstainBelow;

/** The runner-up counts as a tie (and the classification abstains) at this share of the winner. */
const TIE_RATIO = 0.85;
/** A lexicon score this high is an explicit cue ("refund", "exchange"). */
const STRONG_CUE = 2;
/** Below this lexicon score a short message's category is only the model's guess. */
const WEAK_CUE = 1.5;
/** A lexicon tie only counts when the model also gives the runner-up this much probability. */
const LEXICON_TIE_MIN_P = 0.2;

/** Whitespace-separated chunks holding a letter or digit, counted without splitting the text. */
function countWords(text: string): number {
  let words = 0;
  for (const match of text.matchAll(/\S+/gu)) if (WORD_CHAR_RE.test(match[0])) words++;
  return words;
}

const WORD_CHAR_RE = /[\p{L}\p{N}]/u;

/** Result of `classifyIntent`; `evidence` lists the matched phrases and the model's strongest words. */
export interface IntentClassification {
  category: Category;
  confidence: number;
  abstained: boolean;
  evidence: string[];
  /** Second most likely category and its probability, when there is one. */
  runnerUp?: { category: Category; confidence: number };
}

type Lexicon = Partial<Record<Category, string>>;

// ---------------------------------------------------------------------------------------------
// Lexicons

const EN: Lexicon = {
  not_received: `
    3 !arriv*; 3 !receiv*|reciev*|recived|recieved; 3 !come|came|coming|shown|showed
    2.5 !get|got|gotten .. order|package|parcel|item|items|anything|it|stuff|purchase|product
    2 !deliver*; 3 where .. order|orders|package|parcel|shipment|delivery|item|items|stuff|purchase|stuff|product
    1.2 wheres|where; 2.5 still waiting; 2 still no|not|nothing; 2 waiting for .. order|package|parcel|item|delivery|it
    2.5 lost; 2.5 missing package|parcel|shipment; 2.5 package|parcel|shipment .. missing
    2.5 marked|shows|showing|says|status|tracking .. delivered; 2.5 still nothing; 2 nothing yet; 2 not yet
    2 stuck; 1.5 !updat*|moving|moved|changed; 1.5 # days|weeks|months|month|week; 1.5 over|almost|nearly|than .. month|months|week|weeks; 1.5 weeks|months|days ago
    1 long time; 1.5 late; 1.5 delay*; 1 already; 1 yet; 1 still; 1.5 when .. arrive|come|receive|get
    2 !heard; 2 held|detained|stuck .. customs; 1.5 too long; 1.5 taking .. long; 1 resend|reship; 1 send .. again
    2 no sign of; 2 no package|parcel|order|delivery; 2 overdue; 2.5 delivery|expected date .. passed|past; 3 returned to sender; 2.5 lost in transit; 1.5 !track|tracked|trace; 1.5 invalid|wrong tracking; 2 not here yet; 3 tracking|link|number|code .. not|doesnt|isnt .. work|working|valid; 1 what .. happened; 1 what .. going on
    2 so long; 1.5 taking|takes .. forever|ages|long
    2 undelivered; 1.5 any .. update|news .. order|package|parcel|delivery; 1.5 status .. order|package|parcel; 1 in transit
    2.5 should|supposed .. arrived|arrive|been|be|come .. here|by|already; 1.5 checking on .. order|package|parcel; 2 nothing for me; 2 post office|postman|mailman|courier .. nothing|dont|not
    2.5 never got|received|came|arrived; 2 locate|locating|find|finding|trace|tracing .. order|package|parcel|purchase|item|shipment`,
  damaged: `
    3 ^broken|broke|breaks; 3 ^damag*; 3 ^crack*; 2.5 ^shatter*|smashed|crushed|ruined
    2 ^dent|dents|dented; 2 ^scratch*; 2.5 ^defect*|faulty|malfunction*; 3 !work|works|working|worked
    2.5 stopped|stops|quit working|charging|turning; 2 after .. day|days|week|use|uses .. stopped|broke|died; 2.5 ^dead; 2 ^torn|ripped|tear|hole|holes; 2 ^leak*; 2 ^bent; 1.5 ^burn*|burnt
    1.5 ^stain*|stained; 2.5 !turn|turns .. on; 2 !charge|charges|charging; 2 !power|powers
    2.5 in pieces; 2 fell|falling|fall apart; 2 no sound|picture|signal; 2 !function*; 1.5 ^peel*|peeling
    1 ^wet; 1.5 ^loose|unstitched|unglued
    2.5 only .. work|works|working; 1.5 one side; 2.5 doa; 2 flicker*|glitch*|freez*|overheat*; 2 black screen; 2 !switch|switches .. on; 2.5 chipped; -3 tracking|link|number|code .. not|doesnt|isnt .. work|working
    2.5 ^snapped|snap|snaps; 2.5 broke|came|fell|come|falls|fell .. off|apart
    2 ^rust|rusty|rusted|mold|moldy|mouldy; 1.5 smells|stinks; 1.5 !close|closes|zip|zips|lock|locks; 1.5 ^loose|wobbly; 2 water damage
    2 do|does|did nothing; 1.5 button|buttons|keys|key .. not|dont|nothing|stuck
    2.5 in .. pieces
    2.5 light|lights|lit|work|works .. half|halfway|partially`,
  not_as_described: `
    3 !as .. describ*|pictured|advertised|shown|expected; 3 !like .. picture|pictures|photo|photos|image|images|description|listing|ad|advert
    3 !match* .. picture|pictures|photo|photos|image|images|description|listing|ad|title
    3 looks|look nothing like; 3 !look|looks like; 2.5 nothing like; 3 ^fake; 2.5 ^counterfeit|replica|knockoff|knock; 2.5 !original|genuine|authentic|real
    2.5 smaller|bigger|larger|shorter|longer|thinner|thicker|cheaper|lighter|darker|tinier|smaller than
    1.5 than .. described|expected|pictured|advertised|shown|picture|photo|photos|listing|description|ad
    2.5 poor|bad|low|cheap|terrible|awful|horrible|crappy|crap quality; 2.5 quality .. bad|poor|terrible|awful|horrible|low|cheap|crap|garbage
    2 misleading|misleads; 2 false advertising; 1.5 advertised|described|description|listing; 1 picture|pictures|photo|photos|image
    2 different .. picture|photo|description|listing|ad|advertised|shown; 1 different; 1.5 tiny
    1.5 cheap .. material|plastic; 1 scam; 2 !same .. picture|photo|description|listing|ad; 1.2 too small|big|large|tight|short
    2 looks different; 2.5 not what .. show|shows|showed|shown|advertised|described|pictured|promised; 2 material .. cheap|bad|poor|different|flimsy; 1.5 cheap|cheaply|thin|flimsy|cheapest
    2.5 better .. in .. picture|pictures|photo|photos|ad
    2 ^used|worn|secondhand; 2 second hand; 1.5 runs|run small|big|large
    2.5 previous owner|fingerprints; 1 quality
    2.5 !leather|cotton|gold|silver|metal|wood|glass|steel|wool|silk; 1.5 feels|feel like
    2 description|listing|ad|title|photo|picture|pictures says|said|shows|showed .. but; 2.5 says|said .. leather|cotton|metal|silver|gold|wood|steel|waterproof|original|silk|glass|gb|mah .. but
    2.5 smaller|bigger|shorter|longer .. than .. chart|guide|table|size
    2.5 supposed|meant .. to .. be; 2 should .. be .. but`,
  wrong_item: `
    3 wrong item|items|product|color|colour|size|model|one|thing|order|article|version|package|parcel|stuff|part|parts|type|style
    2 wrong; 2.5 instead of; 2.5 sent|send|received|got ... instead; 3 not|isnt|wasnt|arent|not .. what .. ordered|bought|purchased|paid|asked
    3 not the one|item|product|color|colour|size|model|thing|ones|same .. ordered|bought|chose|picked
    2.5 not order|ordered; 2 missing; 2 only got|received|came|arrived|sent; 2 empty; 2.5 mixed up|mix up|mixup; 2.5 different from|than .. what .. ordered|bought; 1.5 different color|colour|model|item|product
    2.5 another .. color|colour|model|item|product|size; 1.5 mistake; 2.5 ordered|bought|chose .. but .. ^got|received|sent|came|arrived
    2.5 not my order|item|package|parcel|stuff; 2 someone else|elses; 2.5 something else
    2.5 only .. # of .. #; 2 # out of #; 2 items|pieces|parts .. missing|short
    2.5 sent|send|shipped|gave .. size|color|colour|model|version ... not|instead|but; 2 ^got|received|sent|came ... ordered|bought|chose|picked|selected
    2 not my; 1.5 random
    3 not|isnt|wasnt .. my .. order|package|parcel|item|items; 2.5 someone|somebody .. else|elses
    2.5 came|arrived|shipped|delivered|comes .. without; 2.5 not|wasnt|isnt .. included|in the box`,
  refund_request: `
    3 refund*; 3.5 money back; 1.5 want|need|demand|request|give|get|like|send|issue .. refund*|money
    2.5 reimburs*; 3 return|give|send .. money|payment; 2.5 compensat*; 0.5 cancel .. refund*|money
    -3 not|dont|no .. want|need .. refund*|money; 2 my money; 1.5 partial
    2 credit .. back; 2 repay
    3 money|payment .. returned|return|refunded
    2.5 request*|requesting|asking|demand* .. refund*; 2 refund*|reimburs* .. shipping|postage|difference|fee|fees`,
  return_exchange: `
    3 return|returning|returned; 3 exchang*; 3 swap; 2.5 replac*; 1 want|need .. new one; 2.5 send .. back; 2 change .. size|color|colour|it|them|model
    2 different|another|bigger|smaller size; 2 size up|down; 2 return label|address|policy; 1.2 too small|big|large|tight|short
    1.5 !fit|fits; 1 resend|reship; -2.5 return|returned .. money|payment|refund*; 2 for size .. s|m|l|xl|xxl|xs|#
    2 rma; 1.5 return|exchange .. process|instructions
    -2.5 money|payment .. returned|return
    -2.5 returned to sender
    3 returns|return; 2.5 send|ship|give .. another|replacement; 2.5 send|ship|give .. new .. one|ones`,
  customs_tax: `
    2.5 customs; 3 duty|duties; 3 vat; 2.5 tax|taxes|taxed; 3 import .. fee|fees|tax|taxes|duty|charge|charges
    2 tariff*; 2 brokerage; 1 fee|fees; 2 pay .. customs|duty|duties|tax|taxes|vat|fee|fees; 2 extra .. charge|charges|fee|fees
    -2 stuck|held|detained .. customs
    2.5 clearance; 2 hmrc|cbsa|cbp|usps .. fee|fees|charge|charges
    2.5 duty|duties|vat|tax|taxes|customs .. shipping|ship|delivery|deliver|importing|when`,
  payment: `
    3 payment|card|transaction|checkout .. fail*|declin*|reject*|error|issue|problem|refused|denied|pending|stuck
    3 charged .. twice|double|two|again|more; 3 double charg*|charge; 3 overcharg*; 2.5 !pay; 2 checkout; 2 billing
    2 payment; 1.5 charged; 1 card; 1 paypal; 1.5 transaction; 2.5 money .. taken|deducted|debited|withdrawn
    1.5 coupon|voucher|promo; 1.5 installment*; 1.5 paid .. but
    3 billed .. twice|double; 2.5 !go|going|went .. through
    3 two|2|double|multiple|duplicate .. charges|payments|transactions|debits
    2 pay with|by|via|using; 1.5 klarna|afterpay|applepay|gpay; 1.5 apple|google pay; 1.5 payment method|methods|options
    3 pending .. charge|payment|transaction; 2.5 charge .. but .. no order
    2.5 !process|processed|processing
    3 pending|hold|holds|authorization .. charge|charges|payment|debit|amount; 2.5 charged|charge|debited .. cancel|cancelled|canceled
    2.5 billing .. address|info|details; 2.5 verification|otp|sms|security .. code; 2 when|while|at .. paying|checkout|pay`,
  shipping_inquiry: `
    3 how long .. ship*|deliver*|take|takes|arrive|shipping|delivery; 3 do|does|will|can you .. ship|deliver .. to; 2 do|does you ship|deliver|send
    1.5 ship|deliver .. to; 2.5 shipping|delivery .. cost|costs|price|fee|time|times|method|methods|option|options|company|carrier
    2 which|what .. shipping|carrier|courier|delivery|method; 2.5 when .. you .. ship|send|dispatch|post
    2 when .. ship*|dispatch*; 2 have|has .. you|it .. shipped|sent|dispatched; 2 express|expedited|fast|faster|fastest .. shipping|delivery; 2.5 how much .. shipping|delivery|postage
    2.5 free shipping; 1 dhl|fedex|ups|usps|ems|cainiao; 2.5 send|give|provide|share .. tracking; 1.5 tracking number
    2 estimated delivery; 1 shipping; 1.5 when .. arrive|come|receive|get|expect
    2.5 how many days|weeks|business; 2 eta; 2.5 did|have you .. send|sent|ship|shipped|dispatch*; 2 already .. send|sent|ship|shipped; 1.5 need .. it|them|this .. before|by; 1 carrier|courier
    2.5 processing|handling time; 2 ship|send .. together; 2 combine shipping; 2 ship out; 1 update .. order|package|parcel
    2.5 been .. dispatched|shipped|sent|posted; 2 dispatched
    2.5 combine|group|bundle .. shipping|orders|items|package|parcel; 2 ship|send .. together
    2.5 delivery|shipping .. options|option|methods; 2.5 postage|shipping|delivery .. price|cost|fee|rate
    2.5 how soon; 2 expect .. item|order|package|parcel|delivery|it|purchase`,
  product_question: `
    3 does|do|will|would|can|is|are .. it|this|they|these|that .. fit|work|compatible|suitable; 2.5 compatible|compatibility; 1 ^fit|fits
    2.5 what|which .. size|sizes|material|color|colour|colors|dimension*|measurement*|length|weight|capacity|voltage|battery|model|fabric
    2.5 size chart|guide|table; 2.5 waterproof|rechargeable|wireless|adjustable; 2 is|are .. it|this|they|these .. original|real|genuine|leather|gold|silver|cotton|new
    2.5 in stock; 2 available|availability; 2.5 do you have; 2.5 does|do .. it|they .. come with; 2.5 does|do .. it|they .. include|includes; 2 how much .. weigh|weighs
    2.5 how .. use|install|setup|connect|assemble; 1.5 warranty|guarantee; 2 recommend; 2 my size; 2 usually wear; 2 wear size|a
    2 am|im .. cm|kg|tall|lbs; 0.7 which|what; 0.7 compatible with
    2 how big|large|long|wide|tall|heavy .. is|are; 2.5 available in; 2.5 can|could it|this|they .. be used; 2 used with|for|on; 2 included|include|includes; 1 battery|charger|cable|plug|adapter|voltage|volt|220v|110v; 2 ^work|works .. with
    2.5 how many .. pieces|pcs|items|included|per|in; 1 ^plated|solid|stainless|steel|fabric|cotton|leather|silicone|metal|wood|glass|plastic
    1.5 manual|instructions; 1.5 model number; 2.5 difference between; 2 dimensions|measurements|specs|specifications
    1.5 newest|latest|version|generation|model; 1.5 mah|gb|watts|watt|inch|inches; 2.5 noise cancel*|cancelling|canceling
    2.5 how .. pair|charge|clean|wash|adjust|turn
    2.5 what|which|how much .. wattage|watts|power|voltage|resolution|brightness|frequency|speed
    2 does|do|will|can .. it|this|they .. show|support|display|connect|play|record|have|open`,
  cancel_order: `
    3.5 ^cancel|cancelling|canceling|cancellation|cancell; 1 cancelled|canceled; -3 noise cancel*|cancelling|canceling
    2.5 ordered|bought|purchased|placed .. by mistake|accident|accidentally; 2 changed my mind; 2.5 stop|halt .. order|shipment|shipping
    2.5 !want|need .. it|order|item|anymore; 1.5 no longer .. want|need; 2 void .. order; 2 withdraw .. order
    -2.5 cancel* .. subscription|newsletter|account|membership|emails`,
  order_change: `
    3 change|update|modify|correct|edit|fix|amend .. address|addres|adress|zip|postcode; 3 wrong|incorrect|old|outdated .. address|adress|zip|postcode
    2.5 new address; 2.5 moved|moving|relocated; 2 ship|send|deliver .. to .. instead|different|another|new
    2.5 change|switch|modify|update|amend .. size|color|colour|variant|quantity|qty|model|version|order; 2 instead .. before .. ship*|send|dispatch*
    2.5 add|remove .. to|from|in .. order; 2 one more|less; 1.5 before .. ship*|dispatch*|send|sent|post
    2 typo .. address|zip|postcode|street; 2 apartment|apt|flat|unit .. number|missing`,
  other: `
    2.5 invoice|receipt; 2 wholesale|bulk|dropship*|partnership|collaborat*
    1 thank|thanks|thx|ty; 1 great|awesome|love|perfect|excellent|happy|satisfied; 1 ^received; 1 ^arrived; 1 answer|reply|respond; 1 discount
    1.5 are you there; 1.5 anyone there
    2.5 anyone|anybody|someone|somebody .. there|here|home|around; 2 you .. there|here|around|alive
    3 change|update|modify|correct|edit|fix .. phone|telephone|mobile|name|email|contact|details; 1 hello|hi|hey|hola|bonjour`,
};

const ES: Lexicon = {
  not_received: `
    3 !lleg*; 3 !recib*; 2 !vino|vinieron|viene|venido; 2.5 !entreg*
    2.5 donde .. pedido|paquete|compra|orden|envio|producto|encargo|paquetes|pedidos|cosa; 1.5 donde
    2.5 perdid*|perdio|perdieron|extravi*; 2.5 sigo|seguimos|sigue|estoy|llevo .. esperando; 2 espero|esperando .. paquete|pedido|compra|envio; 1.5 y nada; 2.5 sigue|siguen sin; 1.5 esperando
    1.5 # dias|semanas|meses|mes|semana; 1.5 hace .. dias|semanas|meses|mes|tiempo; 1 todavia|aun|ya; 1.5 retras*|atrasad*
    2.5 dice|aparece|figura|sale|marca .. entregado; 1.5 !actualiz*|mueve|avanza|cambia; 1.5 atascad*|detenid*|parad*|estancad*
    2 retenid*; 1.5 cuando .. llega*; 2 nada todavia|aun; 1 reenvi*
    1.5 noticias; 3 devuelto|devuelta|regresado .. remitente; 2.5 fecha .. entrega .. paso|vencio|pasada|pasado; 2 !aparece|aparecio; 3 seguimiento|rastreo|tracking|guia|codigo .. no funciona|sirve|aparece|existe; 1 que paso|pasa
    2.5 tarda|tardando|demora|demorando .. tanto|mucho; 2 tanto tiempo
    1.5 demorad*; 1 en camino; 1 transito`,
  damaged: `
    3 ^roto|rota|rotos|rotas; 2.5 ^rompi*|rompe|romp*; 3 ^danad*|dano|danos; 3 !funciona*|sirve|prende|enciende|anda
    2 !carga; 2.5 ^defectuos*|defecto|defectos|falla|fallas|fallo; 2.5 ^quebrad*|estrellad*|rajad*|agrietad*|trizad*
    2 ^golpead*|abollad*|aplastad*|rayad*|manchad*|descosid*|rasgad*; 3 mal estado; 3 dejo|dejaron|deja de funcionar|servir|prender|cargar|andar|encender; 2 se rompio|despego|descosio|cayo|salio
    1.5 ^mojad*
    2 pantalla negra; 2 se calienta|sobrecalienta; 2.5 ^fallando; 2.5 hecho pedazos|trizas; 2.5 destrozad*|astillad*|despedazad*; -3 seguimiento|rastreo|tracking|guia|codigo .. no funciona|sirve
    2.5 ^partid*|partio; 1 en dos
    2 ^oxidad*; 2.5 descompuest*|descompuso; 2 ^despegad*|descosid*; 2 ^mohos*
    2.5 pedazos|pedacitos|anicos
    2.5 prende|prenden|enciende|encienden|funciona|anda .. mitad`,
  not_as_described: `
    3 !igual .. foto|fotos|imagen|imagenes|descripcion|anuncio|publicacion; 3 !como .. foto|fotos|imagen|descripcion|anuncio|publicacion|describ*|muestra*
    3 !coincid*|corresponde; 3 !parec*; 3 ^falso|falsa|falsos|falsificad*|imitacion|copia|replica|trucho|chafa|pirata
    2.5 !original; 2.5 mas|muy|mucho .. pequen*|chic*|chiquit*|diminut*|delgad*|fin*|cort*|grande
    2.5 mala|pesima|baja|horrible .. calidad; 2.5 calidad .. mala|pesima|horrible|baja|malisima; 2.5 engan*
    1.5 descripcion|anuncio|publicacion|describe|descrito; 1 foto|fotos|imagen|imagenes; 1 diferente|distinto
    2.5 no es lo que .. anuncia*|muestra*|describ*|dice; 1 estafa; 1.2 muy|demasiado .. chico|pequeno|grande|apretado
    3 nada que ver; 2 lo que .. muestran|muestra|anuncian|anuncia|dicen|describe|ofrecen; 2 material .. malo|barato|pesimo|feo|plastico; 3 diferente|distinto .. foto*|imagen*|anunci*|descrip*|publicaci*
    2 se ve .. mejor|diferente|distinto|distinta|grande; 2 de juguete; 2 foto|fotos|imagen .. mejor; 1.5 barato|barata|baratos|baratas
    2 ^usado|usada|usados|usadas; 2 no corresponde; 2.5 incomplet*
    1 calidad
    2.5 !cuero|piel|algodon|oro|plata|metal|madera|vidrio|acero|lana|seda
    2.5 dice|decia|dicen|decian|anuncia*|publica*|descripcion .. cuero|algodon|metal|plata|oro|madera|acero|inox*|impermeable|original|originales|seda|vidrio|piel|gb|mah; 2.5 pero|y es|son .. plastico|sintetic*|falso|falsa|falsos|poliester|copia|imitacion|carton
    2.5 mas pequen*|mas chic*|mas grande*|menor|menores|mayor|mayores .. que .. tabla|guia|foto|fotos|descripcion|publicacion
    2.5 se supone|suponia; 2.5 deberia|tenia .. ser .. pero|y`,
  wrong_item: `
    2.5 equivocad*|incorrect*|errone*|erron*; 2.5 otro|otra .. modelo|color|talla|producto|articulo|cosa|tamano|numero
    2 pedi|ordene|compre|encargue|solicite|elegi|queria ... ^mandaron|enviaron|llego|vino|recibi|llegaron|mandan|envian|llega|mando|envio
    3 no es|era lo que .. pedi|compre|ordene|encargue|elegi; 2 falta|faltan|faltaba|faltaban|falto|faltante*
    2 vacio|vacia; 2 solo .. llego|vino|llegaron|recibi|mandaron; 2.5 en lugar|vez de; 1 diferente|distinto; 2 confundi*|confusion
    1 error; 2.5 no pedi|ordene|compre|encargue|solicite; 2.5 diferente|distinto|distinta|diferentes|distintos .. que .. pedi|compre|ordene|elegi|encargue
    2.5 no es el|la|los|las que .. pedi|compre|ordene|elegi
    2 ^mandaron|enviaron|llego|recibi|vino ... pedi|compre|ordene|elegi|encargue
    3 no es|era .. mi|mio|mia .. pedido|paquete|orden|compra; 2.5 otra persona; 2.5 otro cliente
    2.5 vino|vinieron|llego|llegaron|viene|mandaron|enviaron .. sin; 2.5 no .. venia|venian|incluia|traia`,
  refund_request: `
    3 reembols*; 3.5 devol*|devuelv*|regres*|reintegr* .. dinero|plata|pago|importe|lana; 2.5 mi dinero|plata
    1.5 quiero|necesito|exijo|solicito|den|deme .. dinero|reembols*|plata; 2.5 reintegr*; 2 compensaci*|indemniz*
    -3 no quiero .. reembols*|dinero|plata
    3 devolver|devuelvan|devuelva|devuelvanme|regresen|regresar|reintegr* ... envio|costo|importe|valor|diferencia|pago|cobro`,
  return_exchange: `
    2.5 devolver|devolucion|devuelvo|devolverlo|devolverla|devolverlos|devoluciones|devuelva|devuelvan|regresar|regresarlo
    2 cambi*; 1.5 cambiarlo|cambiarla|cambiarlos|cambiarlas|cambiármelo|cambiarmelo; 1.5 cambio|cambiar .. por|talla|color|modelo; 2 reemplaz*|sustitu*|repon*; 1 reenvi*; 1.5 otra|otro .. talla|tamano|numero; 1.5 talla mas .. grande|chica|pequena
    1.5 me queda|quedo|quedan .. chico|chica|grande|pequeno|pequena|apretado|justo|corto|largo; 1.5 !queda|quedo
    2.5 mandar|enviar|mando|envio|regresar .. de vuelta; 2.5 mandar|enviar|mando|envio .. devuelta; -2.5 devol*|devuelv*|regres* .. dinero|plata|pago|importe|lana
    -2 cambi* .. direccion|domicilio
    -2.5 devuelto|devuelta|regresado .. remitente
    2.5 mandenme|envienme|manden|envien|mandame|enviame|mandar|enviar|reenvien|reenviar|reponer .. otro|otra|nuevo|nueva|reemplazo|repuesto`,
  customs_tax: `
    3 aduana|aduanas|aduanal|aduanero; 3 impuest*; 3 arancel*; 2.5 iva; 2.5 tasa|tasas; 2 tributo*
    2 cargo|cargos .. importacion|extra|extras|adicional|adicionales; 2 pagar .. aduana|impuest*|iva|tasa|tasas
    2 dian|sunat|afip|senae|sii; 2 importacion|importaciones; 1.5 franquicia; 1.5 correo|correos .. cobr*
    2.5 desaduan*; 2 nacionalizacion`,
  payment: `
    3 pago|tarjeta|transaccion|compra .. rechaz*|fall*|error|declin*|problema|pendiente; 3 cobr* .. veces|doble|demas|duplicad*
    3 cobro|cargo .. doble|duplicado; 2.5 !pagar|pago|pague|pagarlo; 2.5 descontaron|debitaron|cargaron; 1.5 tarjeta
    1.5 mercadopago|paypal|oxxo|pse; 1.5 mercado pago; 1.5 transferencia; 2 cuotas; 2 meses sin intereses; 1.5 cupon|descuento; 1.5 pago
    2 pague .. pero; 1 cobr*
    2.5 pagar|pague|pago|pagando .. error|falla|fallo|problema|rechaz*
    2 pagar|pago .. con .. paypal|tarjeta|oxxo|transferencia|efectivo|mercado|debito|credito
    2.5 !proceso|procesado|procesada|procesaron|procesar
    3 cargo|cargos|cobro|cobros|pago|debito|retencion .. pendiente|pendientes|retenido|retenida; 2.5 cobr*|cargo|descont* .. cancele|cancelado|cancelada
    2.5 facturacion; 2.5 codigo .. verificacion|seguridad|sms; 2.5 al pagar|pagarlo`,
  shipping_inquiry: `
    3 cuanto .. tarda*|demora*|tiempo|tardan|demoran; 3 hacen|haceis|realizan .. envio|envios
    2.5 envian|envias|mandan|envia|manda|llegan|llega .. a; 2.5 costo|precio|valor|cuesta .. envio
    2.5 envio gratis; 2.5 tiempo|plazo|fecha|dias .. entrega|envio|llegada; 2.5 metodo|forma|tipo|empresa|opciones .. envio; 2.5 cuando .. envi*|mand*|despach*
    2 ya .. enviaron|despacharon|mandaron|enviado|despachado; 1.5 numero de seguimiento|guia|rastreo
    2.5 pasa|pasan|envia|envian|da|dan|manda|mandan|dar|pasar .. seguimiento|guia|rastreo|tracking
    1 dhl|fedex|estafeta|correo|correos|cainiao; 1.5 envio|envios; 1.5 cuando .. llega*
    2.5 cuantos dias|semanas; 2 paqueteria|transportadora|courier
    2 cuando .. sale|salen; 2 despach*
    2.5 junt*|combin*|agrup* .. envio|envios|pedidos|paquete|paquetes|compras; 2 envi*|mand* .. junto|juntos
    2.5 opciones|formas|metodos .. entrega|envio`,
  product_question: `
    2.5 ^sirve|sirven .. para|con|en; 2.5 compatible|compatibles; 2.5 que|cual|cuales .. talla|tallas|tamano|medida|medidas|material|color|colores|modelo
    2.5 tabla|guia .. tallas|medidas; 2 ^es|son .. original|impermeable|resistente|sumergible|cuero|oro|plata|algodon|ajustable|recargable|inalambric*
    1.5 tienen|tiene|hay; 2.5 stock|disponible|disponibles|disponibilidad|existencia; 2.5 trae|incluye|incluyen; 2.5 viene|vienen con
    2.5 cuanto .. mide|pesa|miden; 2.5 como .. usa|instala|conecta|carga|uso|funciona; 1.5 garantia
    2.5 mido|calzo; 2 peso # kg|kilos; 2.5 uso|usa talla; 2.5 ^funciona|funcionan .. con|en|para; 0.5 cual|cuales
    2 de que .. material|tela|hecho|hecha; 1.5 material|tela; 2 bateria|pila .. dura|duracion; 2.5 viene|vienen .. con|en
    1.5 ^acero|inoxidable|metal|plata|oro|cuero|algodon|silicona|plastico|madera|vidrio
    2 recomiendan|recomienda|recomiendas; 2 medidas
    1.5 mah|gb|watts|pulgadas|bluetooth|wifi; 2.5 cancelacion de ruido
    2.5 como .. conect*|instal*|configur*|emparej*|vincul*|arm*|enciend*|prend*|carg*|ajust*|lav*
    2.5 que|cual|cuanta|cuantos .. potencia|watts|voltaje|resolucion|brillo|velocidad|capacidad
    2.5 muestra|soporta|reproduce|graba|admite|trae`,
  cancel_order: `
    3.5 ^cancelar|cancelen|cancela|cancele|cancelarlo|cancelarla|cancelacion|cancelenlo|cancelalo|cancelelo; 1 cancelad*
    3.5 ^anular|anulen|anula|anule|anularlo|anulacion|anulenlo; 1 anulad*; -3 cancelacion de ruido
    2.5 compre|pedi|ordene .. por error|equivocacion; 2 me arrepenti|arrepentido|arrepentida; 2.5 !quiero|necesito .. pedido|compra|producto
    2 ya no .. quiero|necesito; 2.5 no .. envien|manden|despachen; 2.5 detener|parar .. envio|pedido
    -2.5 cancel*|anul* .. suscripcion|boletin|cuenta|correos`,
  order_change: `
    3 cambi*|corregir|modificar|actualizar .. direccion|domicilio|codigo postal; 3 direccion .. equivocad*|incorrect*|mal|erronea|vieja|nueva|antigua
    2.5 me mude|mudo|mudamos|mudanza; 2.5 nueva direccion; 2 enviar|mandar .. a .. otra|nueva|otro
    2.5 cambi*|modificar .. talla|color|modelo|variante|cantidad|pedido; 1.5 antes .. envi*|mand*|despach*|salga
    2.5 agregar|anadir|quitar|sumar .. pedido; 2 uno mas|menos`,
  other: `
    2.5 factura|boleta; 2 mayoreo|mayorista; 2 por mayor; 1 gracias; 1 excelente|perfecto|perfecta|genial|bien|contento|contenta; 1 ^llego|llegaron
    1 ^recibi|recibido; 1 descuento|cupon; 1 respond*|contest*
    3 hay alguien; 2.5 alguien .. ahi|alli|aqui; 2.5 estan|siguen ahi
    3 cambiar|actualizar|modificar|corregir .. telefono|celular|nombre|correo|email|datos|contacto; 1 hola|buenas|buenos`,
};

const FR: Lexicon = {
  not_received: `
    3 !recu|recue|recus|recues; 2.5 !recev*|recoi*; 3 !arriv*; 3 !livr*; 2.5 ou .. est|en .. colis|commande|paquet|article|achat
    2 ou .. colis|commande|paquet|article|achat; 2.5 perdu|perdue|perdus|egare|egaree; 2.5 toujours .. attente|rien
    2.5 attends|attend|attendu .. depuis|toujours|encore; 1.5 attente; 3 toujours rien; 2 toujours pas; 2.5 pas de colis|commande|paquet|livraison; 2.5 aucune nouvelle|nouvelles|news; 2.5 pas de nouvelle|nouvelles
    1.5 depuis .. jours|semaines|mois; 1.5 plus d .. mois|semaine|semaines; 1.5 fait .. jours|semaines|mois; 1 il y a .. semaines|mois; 2 retard; 2 bloque|bloquee|coince|coincee
    2.5 marque|indique|affiche|dit .. livre|livree|distribue; 1.5 !bouge|change|actualise|avance; 1.5 quand .. arriv*|recevoir|recevrai
    1 toujours|encore; 2 !venu; 1 renvoyer|reexpedier
    2 aucune trace; 1.5 depasse|depassee; 1 retourne a l expediteur; 1.5 pas encore; 3 suivi|numero|lien .. ne fonctionne|marche
    2 si|trop|tellement long|longtemps
    1 transit; 2 jamais recu|arrive
    2.5 sans nouvelle|nouvelles|news; -3 recu|recus|recue|eu que
    3 renvoye|retourne|renvoyee|retournee .. expediteur`,
  damaged: `
    3 ^casse|cassee|casses|cassees|brise|brisee|fele|felee|fissure*; 3 ^endommag*; 3 ^abim*; 3 !fonctionne|fonctionnent|marche|marchent
    2.5 ^defectueu*; 2 ^defaut; 2.5 !allume; 2 !charge; 2 ^raye|rayee|rayure*; 2.5 ^dechir*; 2 ^ecrase*|cabosse*|tordu*
    1.5 ^tache|tachee; 2.5 en morceaux; 3 arrete|cesse .. fonctionner|marcher|charger; 2 hs; 2.5 en panne|panne; 2 mauvais etat
    2 ecran noir; 2 chauffe|surchauffe; 2 bug|bugue; 2.5 en miettes; 2.5 ^ebrech*; -3 suivi|numero|lien .. ne fonctionne|marche
    2 rouill*|moisi*; 2 ^troue|trouee|trou|trous; 2 fuit|fuite; 1.5 !ferme|fermer; 2.5 dysfonctionn*; 2.5 hors service
    3 ^fendu|fendue|fele|felee
    2.5 morceaux|miettes|eclats
    2.5 allume|allument|marche|fonctionne .. moitie`,
  not_as_described: `
    3 !conforme; 3 !ressembl*; 3 !comme .. photo|photos|image|images|description|annonce; 3 !correspond*
    2.5 ^faux|fausse|contrefa*|copie|imitation; 2.5 !original|authentique; 2.5 plus petit|petite|petits|petites|grand|court|courte|fin|fine|mince
    3 rien a voir; 2.5 qualite .. mauvaise|mediocre|nulle|horrible|pourrie|bas|basse; 2.5 mauvaise|mediocre|piètre|sale .. qualite
    1 photo|photos|image|images; 1.5 description|annonce|decrit; 2.5 trompeu*|mensong*; 1 arnaque; 1 decu|decue; 1 different|differente
    2 !identique .. photo|image|description|annonce; 1.2 trop petit|petite|grand|grande|serre|court
    2.5 !vrai|veritable; 1.5 comme indique|annonce|decrit|prevu; 3 different|differente .. photo*|image*|annonce|description
    3 !celle|celui|pareil|pareille|meme .. photo|photos|image|annonce
    2 ^usage|usagee|occasion; 1.5 decevant|decevante; 1.5 taille .. petit|grand
    3 different|differente .. celle|celui .. site|photo|annonce|fiche; 1 site|fiche; 2 pas terrible; 1.5 on dirait; 1 qualite
    2.5 !cuir|coton|or|argent|metal|bois|verre|acier|laine|soie
    2.5 marque|ecrit|indique|annonce|affiche|description .. cuir|coton|metal|argent|or|bois|acier|inox|etanche|original|originale|soie|verre|go|gb|mah; 2.5 mais|en fait .. plastique|synthetique|faux|fausse|polyester|copie|simili|carton
    2.5 plus petit*|plus grand*|plus court*|plus long* .. que .. guide|tableau|photo|photos|annonce|description
    2.5 cense|censee|normalement .. etre|c est; 2 devrait .. etre .. mais`,
  wrong_item: `
    3 mauvais|mauvaise article|produit|couleur|taille|modele|colis|objet|pointure|reference|commande
    2.5 !bon|bonne|bons|bonnes; 2.5 au lieu de|du|des; 2.5 a la place; 2 erreur; 3 pas ce que .. commande|achete|choisi
    2 manque|manquant|manquante|manquants|manquantes|manquait; 2 vide; 2.5 autre .. couleur|modele|article|taille|produit
    2 ai commande|commandee|choisi|achete|pris ... ^recu|envoye|eu|arrive|livre|recois; 1 different|differente; 2 trompe|trompes|inverse|inverses; 2.5 pas commande|commandee|commandes|commandé; 2.5 different|differente|differents .. celui|celle|ce .. commande|commandee|choisi
    3 trompe|trompes|trompee|trompez|trompees de
    2.5 incomplet|incomplete
    3 recu|recus|recue|eu que; 2 # sur #; 2.5 pas le|la|les .. que .. choisi|commande|commandee|achete; 2 ^recu|envoye ... ai commande|choisi|achete
    3 pas .. ma|mon .. commande|colis|article|paquet; 2.5 pas a moi; 2.5 quelqu un d autre; 2.5 quelqu un dautre
    2.5 arrive|arrivee|livre|livree|venu|venue|recu|recue .. sans; 2.5 pas .. fourni|fournie|inclus|incluse|dans la boite`,
  refund_request: `
    3 rembours*; 3.5 rendre|rendez|recuperer|retourner|renvoyer|rend .. argent; 1.5 argent; 1 veux|voudrais|exige|souhaite .. rembours*
    2 dedommag*|compens*; -3 veux|voudrais .. pas .. rembours*|argent`,
  return_exchange: `
    2.5 retour|retourner|retourne|renvoyer|renvoi|renvoie; 3 echang*; 3 changer .. taille|couleur|article|produit|modele|pointure
    2.5 remplac*; 1.2 trop petit|petite|grand|grande|serre|serree|court; 2 taille .. dessus|dessous|superieure|inferieure
    -2.5 retour* .. argent; 2 !va .. pas; 1 renvoyer
    -2.5 renvoye|retourne|renvoyee|retournee .. expediteur
    2.5 envoyez|renvoyez|envoyer|renvoyer|expediez|remplacez .. autre|nouveau|nouvelle|neuf|remplacement`,
  customs_tax: `
    3 douane|douanes|douanier*; 3 tva; 2.5 taxe|taxes|taxer; 2.5 droits|droit .. douane; 2 frais .. douane|importation|supplementaire|supplementaires|dedouanement
    3 dedouan*; 2 payer .. frais|taxe|taxes|douane|tva; 1 octroi`,
  payment: `
    3 paiement|carte|transaction .. refus*|echou*|echec|bloqu*|rejet*|erreur|probleme; 2 paiement .. passe|passer
    3 debit*|prelev*|factur*|paye|payee .. fois|double; 3 double .. prelevement|debit|paiement; 2.5 !payer
    1 carte; 1 paypal; 1.5 paiement; 1.5 paye|payee .. mais; 1.5 code promo; 1.5 coupon|reduction
    2.5 impossible de payer|regler
    2 payer avec|par|en
    3 debit|prelevement|paiement|transaction|montant .. attente; 2.5 debit*|preleve*|facture* .. annule|annulee
    2.5 facturation; 2.5 code .. verification|securite|sms; 2.5 au paiement|en payant`,
  shipping_inquiry: `
    2.5 combien .. temps|jours|delai|semaines; 1 livraison|expedition|envoi; 3 delai|delais .. livraison|envoi|expedition
    2.5 livrez|expediez|envoyez .. en|au|aux|vers; 2.5 frais .. port|livraison|envoi; 2.5 livraison gratuite|offerte
    2.5 quand .. expedi*|envoy*|partir|part; 2.5 mode|methode|transporteur|type .. livraison|envoi; 1.5 numero de suivi
    1 colissimo|chronopost|dhl|relay|cainiao; 2 deja .. expedie|envoye|parti; 2.5 envoyer|donner|communiquer .. suivi|numero
    1.5 quand .. arriv*|recevoir|recevrai
    2.5 expediez|envoyez|livrez .. quand; 2 expediez|livrez; 2 transporteur; 2.5 combien de jours
    2 delai|delais
    2.5 grouper|regrouper|combiner|rassembler .. envoi*|colis|commande*|livraison|frais; 2 envoy*|expedi* .. ensemble
    2.5 options|modes|moyens .. livraison|envoi`,
  product_question: `
    2.5 compatible|compatibles; 2.5 quelle|quel|quelles|quels .. taille|pointure|matiere|couleur|dimension|dimensions|longueur|modele|capacite
    2.5 guide|tableau .. tailles|taille; 1 est ce que; 2.5 convient|convenir; 2.5 ^fonctionne|marche .. avec|sur
    2.5 en stock; 2.5 disponible|disponibles|dispo; 2 ^etanche|impermeable|cuir|coton|reglable|rechargeable; 1.5 ^original|authentique
    2 fourni|fournie|inclus|incluse; 2 livre avec; 2.5 combien .. mesure|pese|mah|cm; 2.5 comment .. utiliser|installer|brancher|connecter|regler|marche
    1.5 garantie; 2.5 je mesure|chausse; 2 je fais .. cm|kg|taille; 0.5 quelle|quel
    2 conseillez|recommandez|conseiller
    1.5 existe .. en; 1.5 bluetooth|wifi|mah
    2.5 comment .. connect*|install*|utilis*|branch*|regl*|configur*|appair*|monter|charger|allumer|laver; 2 fourni|fournie|fournis|fournies|inclus|incluse|incluses; 2 a part|separement
    2.5 quelle|quel|combien .. puissance|watts|tension|voltage|resolution|luminosite|vitesse|capacite
    2.5 affiche|supporte|lit|enregistre|filme`,
  cancel_order: `
    3.5 ^annuler|annulez|annulation|annule|annulee|annulez-la; 1 annulees
    2.5 commande|achete|commandee .. par erreur; 2 change d avis; 2.5 !veux|besoin .. commande|article|plus
    2.5 ne .. pas .. envoyer|expedier; 2.5 arreter|stopper|bloquer .. commande|envoi|expedition
    -2.5 annul* .. abonnement|newsletter|compte|mails`,
  order_change: `
    3 changer|modifier|corriger|mettre a jour .. adresse|code postal; 3 adresse .. erron*|mauvaise|fausse|incorrect*|ancienne|nouvelle|plus la meme
    2.5 demenage|demenagement|demenager|habite plus; 2.5 nouvelle adresse; 2 envoyer|livrer .. a .. autre|nouvelle
    2.5 changer|modifier .. taille|couleur|modele|variante|quantite|commande; 1.5 avant .. envoi|expedition|expedier|envoyer|partir
    2.5 ajouter|retirer|enlever .. commande; 2 un de plus|moins`,
  other: `
    2.5 facture
    1 merci; 1 parfait|super|genial|top|content|contente|ravi|ravie; 1.2 bien recu|arrive; 2 grossiste; 2 en gros; 1 repond*|reponse
    3 il|y .. a quelqu; 3 ya quelqu; 2.5 vous etes la|ici
    3 changer|modifier|corriger|mettre .. telephone|portable|nom|mail|email|coordonnees|contact; 1 bonjour|bonsoir|salut|coucou`,
};

const PT: Lexicon = {
  not_received: `
    3 !cheg*; 3 !receb*; 2.5 !entreg*; 2.5 !veio|vieram; 2.5 cade; 2.5 onde .. pedido|encomenda|pacote|produto|compra|encomendas|pedidos
    2.5 extravi*|perdid*|sumiu; 2.5 ainda .. esperando|aguardando; 1.5 esperando|aguardando; 1.5 # dias|semanas|meses|mes|semana
    1.5 faz|ha .. dias|semanas|meses|tempo|mes; 1.5 mais de .. dias|semanas|meses|mes|semana; 1.5 atras*|demor*; 2.5 consta|diz|aparece|mostra|esta .. entregue
    1.5 parad*|travad*; 1.5 !atualiz*|mexe|muda; 2 retid*|fiscaliza*; 2.5 ainda nada; 2.5 nada ainda; 1.5 quando .. cheg*; 1 ainda
    2.5 nada do|da .. pedido|encomenda|pacote|produto|compra; 2 ate agora|hoje nada; 1 o que houve|aconteceu; 2.5 prazo .. passou|venceu|expirou|estourou|acabou; 3 devolvido|devolvida ao remetente; 2 nao localizado; 2 !aparece; 3 rastreio|codigo|rastreamento .. nao funciona|aparece|existe
    2.5 demor* .. demais|muito|tanto
    1 transito
    2.5 rastreio|rastreamento .. parou|sumiu
    2 e o|meu|a|minha pedido|encomenda|pacote|produto|compra`,
  damaged: `
    3 ^quebr*; 3 ^danific*; 3 ^estrag*; 3 !funciona|funcionam|funcionou; 2.5 ^defeit*; 2.5 ^trinc*|rachad*
    2 ^amassad*; 2 ^riscad*; 2 ^rasgad*|furad*|descosturad*; 2.5 !liga|ligou|acende; 2 !carrega; 1.5 ^manchad*
    3 com defeito; 3 parou|pararam de funcionar|ligar|carregar|pegar; 2 vazand*|vazou; 1.5 molhad*
    2 tela preta; 2 esquent*|superaquec*; 2 travand*|trava; 2.5 estilhac*|despedac*|lascad*; -3 rastreio|codigo|rastreamento .. nao funciona
    2 ^enferruj*|mofad*; 1.5 !fecha|fechar; 2 ^descol*|solt*
    2 ^parou; 1 depois de
    2.5 pedacos|cacos
    2.5 acende|acendem|liga|funciona .. metade`,
  not_as_described: `
    3 !igual .. foto|fotos|anuncio|descricao|imagem|imagens; 3 !parec*; 3 !condiz*|corresponde*|confere; 3 !conforme
    3 diferente .. foto|fotos|anuncio|descricao|imagem; 2.5 ^falsificad*|falso|falsa|replica|pirata|fake
    2.5 !original; 2.5 menor|maior|fino|fina|curto|curta .. que; 2.5 bem|muito menor|maior
    2.5 qualidade .. pessima|ruim|horrivel|baixa|porcaria; 2.5 pessima|baixa|ma .. qualidade; 1 foto|fotos|imagem
    1.5 anuncio|descricao|descrito; 2.5 engan*; 1 diferente; 1.2 muito|bem .. pequeno|grande|apertado
    2 material .. fraco|ruim|barato|horrivel|vagabundo; 1.5 vagabund*; 3 diferente .. anunci*|descri*|foto*|imag*; 3 nada a ver
    2.5 !verdadeiro|verdadeira|legitimo|legitima; 2.5 !de verdade; 1.5 como .. dizia|diz|mostra|mostrava .. anuncio|foto|descricao; 2 parece de brinquedo; 2 foto|fotos .. melhor|parece
    2 ^usado|usada; 1.5 veio|chegou .. menor|maior|pequeno|pequena
    2 tecido|material .. horrivel|ruim|fino|fraco|vagabundo; 1.5 horrivel|horroroso|pessimo|pessima; 1 qualidade; 1 parece; 2.5 inferior
    2.5 !couro|algodao|ouro|prata|metal|madeira|vidro|aco|la|seda
    2.5 diz|dizia|fala|falava|anuncia*|descri* .. couro|algodao|metal|prata|ouro|madeira|aco|inox|prova|original|originais|seda|vidro|gb|mah; 2.5 mas|e e .. plastico|sintetico|falso|falsa|falsos|poliester|copia|imitacao|papelao
    2.5 menor|menores|maior|maiores .. que .. tabela|guia|foto|fotos|anuncio|descricao
    2.5 era pra|para .. ser; 2.5 deveria .. ser .. mas|e`,
  wrong_item: `
    2.5 errad*; 2.5 outro|outra .. cor|modelo|tamanho|produto|numero|item; 2 pedi|comprei|escolhi|encomendei|queria ... ^veio|mandaram|enviaram|recebi|chegou|vieram|mandou
    3 nao e|era .. o que|oque .. pedi|comprei|escolhi; 2.5 em vez|lugar de; 2.5 ao inves; 2 falt*; 2 vazi*
    2 so .. veio|chegou|vieram|mandaram|recebi; 2 trocad*; 1 diferente; 1.5 engano; 2.5 nao pedi|comprei|encomendei|escolhi; 2.5 diferente .. que .. pedi|comprei|escolhi
    2.5 incomplet*
    2 ^mandaram|enviaram|veio|chegou|recebi ... pedi|comprei|escolhi|encomendei
    3 nao e|era .. meu|minha|meus|minhas; 2.5 outra pessoa; 2.5 outro cliente
    2.5 veio|vieram|chegou|chegaram|mandaram|enviaram .. sem; 2.5 nao .. veio|vinha|incluia|acompanha`,
  refund_request: `
    3 reembols*; 3 estorn*; 3.5 devol*|devolv* .. dinheiro|grana|valor; 3.5 dinheiro de volta; 2.5 meu dinheiro; 2.5 ressarc*
    1.5 quero|preciso|exijo .. dinheiro|reembols*|estorno; -3 nao quero .. reembols*|dinheiro|estorno`,
  return_exchange: `
    2.5 devolv*|devoluc*; 3 troca|trocar|troco|trocam|trocaria|trocala|trocalo; 2 substitu*; 1.5 outro|outra .. tamanho|cor|numero; 2 tamanho|numero maior|menor
    2 !serviu|serve; 1.5 ficou .. pequeno|pequena|grande|apertado|apertada|curto; 2.5 mandar|enviar|mando .. de volta
    1 reenvi*; -2.5 devol*|devolv* .. dinheiro|grana|valor; -2 troc*|mudar .. endereco
    -2.5 devolvido|devolvida ao remetente
    2.5 mandem|manda|mande|enviem|envie|envia|mandar|enviar|reenviem|reenviar .. outro|outra|novo|nova|substitut*`,
  customs_tax: `
    3 alfandeg*; 3 impost*; 3 taxa|taxas|taxado|taxada|taxaram|taxacao|taxou; 2.5 tribut*; 3 iof; 3 icms
    2.5 remessa conforme; 2.5 receita federal; 1.5 despacho; 2 correios .. cobr*; 2 darf; 2 pagar .. taxa|imposto|alfandega`,
  payment: `
    3 pagamento|cartao|transacao|pix|boleto .. recus*|negad*|falh*|erro|problema|pendente; 2.5 !aprovad*|aprovou|aprova
    3 cobr* .. vezes|duplic*|dobro; 2.5 !pagar|pago|paguei|pagamento; 2 boleto; 2 pix; 1.5 cartao; 2.5 debitad*|descontad*|cobraram
    2 parcel*; 1.5 fatura; 1.5 pagamento; 1.5 paguei .. mas; 1.5 cupom|desconto
    2 !compens*|compensou
    2 pagar com|no|via|pelo|pela
    2.5 !processado|processou|processar
    3 dinheiro|valor .. saiu|debitado|descontado|cobrado .. conta|cartao; 2 pedido .. nao aparece
    3 cobranca|cobrancas|pagamento|debito|compra .. pendente|pendentes; 2.5 cobr*|debit*|descont* .. cancelei|cancelado|cancelada
    2.5 cobranca .. endereco|dados; 2.5 endereco .. cobranca; 2.5 codigo .. verificacao|seguranca|sms; 2.5 hora .. de .. pagar`,
  shipping_inquiry: `
    2.5 quanto .. tempo|dias|demor*|leva; 2.5 prazo .. entrega|chegar|envio; 1.5 prazo; 2.5 enviam|entregam|mandam|entrega|envia .. para|pro|pra|em|todo
    2.5 frete; 3 frete gratis; 2.5 quando .. envi*|mand*|despach*|postar|posta|postam; 2 ja .. enviad*|postad*|despachad*|enviou|postou|postaram|enviaram|despacharam|mandaram
    2.5 manda|envia|passa|mandar|enviar|passar .. rastreio|codigo; 1.5 codigo de rastreio|rastreamento; 2.5 forma|metodo|tipo|transportadora .. envio|entrega
    1 correios|sedex|jadlog|cainiao; 1.5 envio; 1.5 quando .. cheg*
    2.5 quantos dias|semanas; 2.5 transportadora
    2 postagem|postar
    2.5 mand*|envi* .. junto|juntos; 2.5 junt*|combin* .. frete|envio|pedidos
    2.5 opcoes|formas|metodos .. entrega|envio|frete`,
  product_question: `
    2.5 ^serve|servem .. no|na|em|para|pra|pro; 2.5 compativel|compativeis; 2.5 qual|quais .. tamanho|material|cor|cores|medida|medidas|numero|modelo|voltagem
    2.5 tabela .. medidas|tamanhos; 1.5 tem|temos|teria; 2.5 estoque|disponivel|disponiveis; 2.5 vem com; 2.5 acompanha|inclui
    2 prova d agua; 1.5 ^impermeavel|couro|ouro|prata|algodao|ajustavel|recarregavel|aco|inox|metal|silicone|plastico|madeira|vidro; 1.5 bluetooth|wifi|mah; 2 sem fio; 1.5 ^original; 2.5 quanto .. mede|pesa
    2.5 como .. usar|uso|instalar|instalo|conectar|ligar|carregar; 1.5 garantia; 2.5 uso|calco|visto .. tamanho|numero; 2 meco|peso
    2.5 ^funciona .. com|no|na|em; 0.5 qual|quais
    2.5 tem .. tamanho|cor|numero|estoque; 1 ^material|tecido
    2.5 ^cabe|cabem|caber
    2 recomenda|indica|recomendam|indicam
    2.5 cancelamento de ruido
    2.5 como .. conect*|instal*|configur*|liga|ligar|carreg*|emparelh*|parear|monta*|lava*
    2.5 qual|quantos|quanto .. potencia|watts|voltagem|resolucao|brilho|velocidade|capacidade
    2.5 mostra|suporta|reproduz|grava|aceita|toca`,
  cancel_order: `
    3.5 ^cancelar|cancelem|cancela|cancele|cancelamento|cancelo|cancelar; 1 cancelad*
    3.5 ^anular|anulem|anula|anule; 1 anulad*; -3 cancelamento de ruido
    2.5 comprei|pedi .. errado|engano|sem querer; 2 desisti|desistir|arrependi; 2.5 !quero|preciso .. mais|pedido|produto
    2.5 nao .. enviem|mandem|despachem; 2.5 parar|segurar .. envio|pedido
    -2.5 cancel*|anul* .. assinatura|newsletter|conta|emails`,
  order_change: `
    3 mudar|alterar|trocar|corrigir|atualizar .. endereco|cep; 3 endereco .. errado|incorreto|errada|antigo|novo|velho
    2.5 me mudei|mudanca|mudei; 2.5 novo endereco; 2 enviar|mandar|entregar .. em|para .. outro|novo
    2.5 trocar|mudar|alterar .. tamanho|cor|modelo|variacao|quantidade|pedido .. antes; 2 alterar|mudar .. tamanho|cor|modelo|variacao|quantidade|pedido; 1.5 antes .. envi*|mand*|despach*|postar|sair
    2.5 adicionar|incluir|tirar|remover .. pedido; 2 mais um|uma`,
  other: `
    2.5 nota fiscal
    1 obrigad*|obg|vlw|valeu; 1 otimo|perfeito|excelente|amei|adorei|top|certinho|satisfeito|satisfeita; 1 ^chegou; 1 ^recebi; 2 atacado|revend*; 1 respond*|resposta
    3 tem alguem; 2.5 alguem .. ai|aqui|on; 2.5 estao|tao ai
    3 mudar|alterar|atualizar|corrigir .. telefone|celular|nome|email|dados|contato|whatsapp; 1 oi|ola|bom|boa`,
};

const RU: Lexicon = {
  not_received: `
    3 !приш*|prish*; 3 !получ*|poluch*; 3 !доставл*|доставил*|доставят; 2.5 !дош*|приход*|приехал*|пришол
    2.5 где .. заказ*|посылк*|товар*|покупк*|посылочк*; 2.5 gde .. zakaz*|posyl*|posil*|tovar*; 1.5 где|gde
    2.5 потерял*|потеря*|потерян*; 2 жду|ждем|ожида*|zhdu|jdu; 1.5 до сих пор; 1.5 # дней|дня|день|недел*|месяц*; 1.5 больше|более|почти .. месяц*|недел*
    1.5 уже .. месяц*|недел*|дней|дня|давно; 2 задерж*; 2 застрял*|завис*; 1.5 !обновл*|движ*|меня*
    2 вручен*|доставлен* .. но; 1.5 когда .. придет|приедет|доставят|получу|prid*; 1 уже|еще|uzhe
    3 срок* .. истек*|прошел|прошли|вышел|закончил*; 3 вернул* .. отправител*; 3 трек* .. не работает|отслеживается; 2 !отслежива*
    1.5 долго; 2.5 так долго; 2.5 пропал*|исчез*
    2 до сих пор нет|не; 1 в пути
    2.5 стоит на месте; 1 неделю|недели|недель`,
  damaged: `
    3 ^слома*|sloma*; 3 ^разбит*|razbit*; 3 ^поврежд*; 3 !работа*|rabota*; 3 ^трещин*|треснут*|треснул*; 2.5 ^брак*
    2.5 ^дефект*; 2.5 ^помят*|мят*; 2 ^царапин*|поцарапан*; 2.5 !включа*; 2 !заряжа*; 2 ^порван*|разорван*|дырк*
    2 ^раздавлен*|бит|битый|битая|битое; 2 протек*; 3 перестал* .. работать|включаться|заряжаться
    2 черный экран; 2 греется|перегрева*; 2 глюч*|зависает; 2.5 вдребезги|осколк*|скол|сколы; 2 дырк*|пятн*; -3 трек* .. не работает
    2 ржав*|плесен*; 2 течет|протекает; 2.5 отвалил*|оторвал*|отклеил*; 1.5 !закрыва*
    2.5 сгор*|перегор*
    2.5 горит|светит|работает .. наполовину|половин*`,
  not_as_described: `
    3 !соответств*; 3 !похож*; 3 !как .. фото|картинк*|описани*|фотографи*; 2.5 ^подделк*|фейк|паль|копия|реплик*
    2.5 !оригинал*; 2.5 меньше|больше|тоньше|короче|хуже|уже .. чем; 1.5 чем .. фото|описан*|заявлен*|картинк*
    2.5 качество .. ужасн*|плох*|отвратит*|низк*|никак*; 2.5 ужасн*|плох*|низк*|отвратит* .. качеств*
    1 фото|картинк*|фотографи*; 1.5 описани*|заявлен*; 2 обман*; 1.2 маленьк*|мелк*|мал|мала
    2.5 !такой|такая|такое|такие .. как; 1.5 дешевк*|дешев*
    2.5 на фото .. лучше|иначе|по|другое|другой; 3 !совпада*
    2 б у|бу|ношен*|использован*|поношен*
    1 качеств*
    2.5 !кожа|хлопок|золото|серебро|металл|дерево|стекло|сталь|шерсть|шелк
    2.5 написано|пишут|заявлен*|обещали|указано .. а|но; 2.5 не то|такое|такой|такая .. обещали|заявляли|писали; 1.5 позеленел*|почернел*|облез*
    2.5 меньше|больше|короче|длиннее .. чем .. таблиц*|сетк*|фото|описани*
    2.5 должен|должна|должно|должны .. быть; 2.5 заявлен*|рекламировал* .. а`,
  wrong_item: `
    2.5 !тот|та|те|того|ту|ту; 2 другой|другую|другого|другие|другая .. цвет*|размер*|модел*|товар*|вещ*; 2.5 пришел|пришла|пришли|прислали|отправили .. другой|другую|другое|другие
    2.5 вместо; 3 перепута*; 1.5 ошиб*; 2.5 заказывал*|заказал*|выбрал*|хотел* ... ^прислали|пришел|пришла|пришли|получил*|отправили|прислал
    2.5 прислали|отправили|прислал .. другой|другую|другое|не; 2 !хватает|доложили; 2.5 недоложили|недовложение|недовложили|некомплект
    2 пуст*; 2 неправильн*; 2.5 не заказывал*|заказал*|заказывала; 2 ne tot|ta
    2.5 !то .. заказыва*|заказал*|выбирал*; 2 вместо
    2.5 чуж*
    2 неполн*; 2 не полный|полная|полностью
    2 ^пришел|пришла|пришли|прислали|получил* ... заказывал*|заказал*|выбрал*|заказывала
    3 не мой|моя|мое|мои .. заказ|посылка|товар|посылку; 2.5 чьи|чей|чья|чье|чужой|чужая|чужие|чужую
    2.5 пришел|пришла|пришло|пришли|прислали|отправили .. без; 2.5 не было .. в коробке|в комплекте`,
  refund_request: `
    3.5 верн*|возврат*|vern*|vozvrat* .. деньг*|денег|средств*|оплат*|dengi|deneg; 1.5 деньг*|денег|dengi|deneg; 2.5 компенсац*|возмест*
    1 вернуть|верните; -3 не нужн*|хочу .. деньг*|денег|возврат*
    3.5 деньг*|денег .. обратно|назад`,
  return_exchange: `
    3 обмен*|обменя*|obmen*; 1.5 поменя*|обменя*|замен* .. на; 2.5 поменя*|замен*; 2 возврат*|верн*|vozvrat*|vernut*; 2.5 отправить|отправлю|вернуть .. обратно
    2 другой размер; 2 размер .. побольше|поменьше|больше|меньше; 2 !подош*|подходит|подход*
    1.5 маловат*|великоват*|мал|мала|велик|велика; -2 верн*|возврат*|vern*|vozvrat* .. деньг*|денег|средств*|оплат*|dengi|deneg
    -2 поменя*|измени* .. адрес*; -1 до .. отправк*|отправлени*
    -2 вернул* .. отправител*
    2.5 пришлите|вышлите|отправьте|замените|вышли|дошлите .. замену|новый|новую|новое|другой|другую`,
  customs_tax: `
    3 пошлин*|poshlin*; 3 тамож*|tamozh*; 2.5 налог*; 2.5 ндс; 2 растамож*; 2 сбор|сбора|сборы; 1.5 лимит
    1 заплатить|оплатить|платить .. пошлин*|налог*|таможн*; -2 застрял*|завис*|задерж* .. тамож*`,
  payment: `
    3 оплат*|платеж*|карт*|транзакц* .. отклон*|ошибк*|проблем*|завис*; 2 !проход*|прошл*|прошел; 2.5 !оплатит*|оплатить|оплачива*
    2.5 списа*|снял*|сняли; 2 !оформил*|оформ*; 2 дважды|двойн*; 2 два|2 раза; 1 карт*; 1 оплат*|oplat*; 1.5 платеж*; 1.5 промокод|купон
    2 оплатить|оплата|платить .. картой|через
    2.5 !оплачен*; 1.5 статус .. оплат*
    3 висит|завис*|ожидани* .. списани*|оплат*|платеж*|сумм*; 3 списани* .. висит; 2.5 списал*|снял* .. отменил*|отмен*
    2.5 при оплате; 2.5 код .. подтверждения|смс; 2.5 данные|адрес .. плательщик*|карты`,
  shipping_inquiry: `
    2.5 сколько .. ид*|дней|времени|доставк*|ехать|едет|ждать; 2.5 skolko .. idet|dney|dostav*; 2.5 срок* .. доставк*|отправк*; 2.5 доставляет*|отправляет*|доставите|отправите|otpravite
    2.5 когда .. отправ*|вышл*|otprav*; 2.5 стоимость|цена .. доставк*; 2.5 сколько стоит .. доставк*; 2.5 бесплатн* доставк*
    2.5 способ*|служб*|перевозчик*|каким .. доставк*|отправк*|отправ*; 1.5 уже отправили|отправлен*; 1 трек*; 1 номер отслеживания
    2.5 дайте|пришлите|скиньте|отправьте|сообщите .. трек*|номер; 1 сдэк|почта|boxberry|cainiao; 1.5 когда .. придет|приедет|доставят|получу
    2.5 доставк* .. бесплатн*
    1.5 отправк*; 2 в какие сроки
    2.5 одной посылкой; 2 отправ* .. вместе; 2.5 объедин* .. заказ*|посылк*|доставк*
    2.5 вариант*|способ* .. доставк*|отправк*`,
  product_question: `
    2.5 ^подойд*|подходит; 2.5 совместим*; 2.5 какой|какая|какое|какие|каков|какого|какую|каком .. размер*|материал*|цвет*|длин*|вес|емкост*|модел*; 2 из чего; 1.5 материал*
    2.5 размерн* сетк*; 2.5 таблиц* размер*; 2.5 есть ли; 2.5 наличи*; 2 комплект*; 1.5 водонепроница*; 1.5 ^оригинал
    2 сколько .. весит|мм|см; 2.5 как .. пользоваться|подключить|настроить|установить|зарядить|включить; 1.5 гаранти*
    2 рост #; 2 ношу .. размер; 2 ^работает .. с|на; 1 какой|какая|какие|какого|какую
    2.5 подскаж* .. размер*|материал*|цвет*
    2 посоветуйте|подскажите
    1.5 натуральн*|кожа|кожан*|хлопок|металл*|bluetooth|блютуз
    2.5 какая|какой|какое|сколько .. мощност*|напряжени*|вольт*|яркост*|разрешени*|скорост*|емкост*|ватт*
    2.5 показывает|поддерживает|воспроизводит|записывает|снимает`,
  cancel_order: `
    3.5 ^отмените|отменить|отмена|отмену|отменю|отменим|отменяю|отмени|otmen*; 1 отменен*|отменил*
    2.5 заказал*|купил* .. по ошибке|случайно; 2 передумал*; 2.5 !нужен|нужна|нужно|хочу .. заказ|товар|больше
    2.5 не .. отправляйте|высылайте; 2.5 останов* .. отправк*|заказ*
    -2.5 отмен* .. подписк*|рассылк*|аккаунт*`,
  order_change: `
    3 измен*|помен*|исправ*|смени*|обнов* .. адрес*|индекс*; 3 неправильн*|неверн*|старый|новый .. адрес*|индекс*
    2.5 переехал*|переезд*; 2 отправ*|достав* .. на .. другой|новый
    2.5 измен*|помен*|смени* .. размер*|цвет*|модел*|вариант*|количеств*|заказ* .. до|пока; 2 измен*|смени* .. размер*|цвет*|модел*|вариант*|количеств*|заказ*; 1.5 до .. отправк*|отправлени*
    2.5 добав*|убра*|удали* .. заказ*; 2 еще один|одну`,
  other: `
    1.5 чек|счет
    1 спасибо|spasibo; 1 отлично|супер|хорошо|класс|доволен|довольна; 1 ^получил*; 1 ^пришл*; 2 опт|оптом
    1 ^пришел|пришол
    3 есть .. кто; 3 кто нибудь; 2.5 вы тут|здесь; 2 ау|алло
    3 изменить|поменять|исправить|обновить|сменить .. телефон*|имя|фамили*|почт*|данные|контакт*; 1 привет|здравствуйте|добрый`,
};

/** Cues shared by every language (tax acronyms, carriers, payment brands). */
const COMMON: Lexicon = {
  customs_tax: '3 iof; 2 gst; 3 icms; 1.5 iva',
  payment: '1 paypal|visa|mastercard; 1 chargeback',
  shipping_inquiry: '0.5 dhl|fedex|ups|usps|ems|cainiao',
};

const LEXICONS: Readonly<Record<Language, Lexicon>> = { en: EN, es: ES, fr: FR, pt: PT, ru: RU };

/** Fingerprint of the lexicons: training calibrates against them, so it is part of the model's inputs. */
export const LEXICON_FINGERPRINT = fnvHex(JSON.stringify([LEXICONS, COMMON]));

/** Spelled-out counts so "hace dos meses" and "two weeks" match `#` like digits do. */
const NUMBER_WORDS = new Set(
  `one two three four five six seven eight nine ten few several couple
  un una uno dos tres cuatro cinco seis siete ocho nueve diez varias varios
  une deux trois quatre cinq six sept huit neuf dix plusieurs quelques
  um uma dois duas tres quatro cinco seis sete oito nove dez varias varios alguns algumas
  один одна одну два две три четыре пять шесть семь восемь девять десять несколько пару пара`
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .map((w) => latin(w)),
);

const NEGATORS = new Set(
  `not no never nothing nobody none nor neither without cannot didnt dont doesnt hasnt havent isnt wasnt wont cant
  nunca nada ni sin tampoco jamas ningun ninguna nadie
  pas ne n jamais rien aucun aucune sans personne nai nest
  nao nem sem nenhum nenhuma ninguem
  не ни нет никогда ничего без ne net nichego`
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .map((w) => latin(w)),
);

/** Colour words: two different colours next to "I ordered" is the classic wrong-item report. */
const COLOUR_STEMS: Readonly<Record<Language, string>> = {
  en: 'red blue green black white yellow pink purple grey gray brown orange beige gold silver navy',
  es: 'roj* azul* verde* negr* blanc* amarill* rosa* morad* gris* cafe marron naranja dorad* platead* beige celeste',
  fr: 'rouge* bleu* vert* noir* blanc* jaune* rose* violet* gris* marron orange* dore* argent* beige',
  pt: 'vermelh* azul* verde* pret* branc* amarel* rosa* rox* cinza marrom laranja dourad* prata bege',
  ru: 'красн* син* голуб* зелен* черн* бел* желт* розов* фиолет* сер* коричнев* оранжев* золот* серебр*',
};

const ORDERED_VERBS: Readonly<Record<Language, string>> = {
  en: 'ordered bought chose selected picked asked wanted paid purchased',
  es: 'pedi compre ordene elegi encargue queria seleccione escogi',
  fr: 'commande commandee commandes choisi achete voulais',
  pt: 'pedi comprei escolhi encomendei queria selecionei',
  ru: 'заказ* выбрал* хотел* купил*',
};

// ---------------------------------------------------------------------------------------------
// Pattern compilation and matching

/**
 * Matching key of a word: folded, Cyrillic transliterated, so the Russian rules also match Russian
 * typed in Latin letters ("не пришел" and "ne prishel" are the same tokens).
 */
function latin(value: string): string {
  return transliterateCyrillic(fold(value));
}

/** Buyers' own transliteration variants, brought to the scheme `latin` uses. */
function russianLatin(token: string): string {
  return token.replace(/shch|sch/g, 'sh').replace(/kh/g, 'h');
}

interface Alternative {
  text: string;
  prefix: boolean;
  number: boolean;
}

interface Step {
  alternatives: Alternative[];
  maxGapBefore: number;
  /** `^` on a step: the word must not be negated ("ordered ... but ^got" skips "but never got"). */
  notNegated: boolean;
}

interface Rule {
  category: Category;
  weight: number;
  steps: Step[];
  requireNegation: boolean;
}

function compileAlternatives(token: string): Alternative[] {
  return token.split('|').map((alt) => ({
    text: latin(alt.replace(/\*$/, '')),
    prefix: alt.endsWith('*'),
    number: alt === '#',
  }));
}

function compileLexicon(lexicon: Lexicon, factor: number): Rule[] {
  const rules: Rule[] = [];
  for (const [category, block] of Object.entries(lexicon) as Array<[Category, string]>) {
    for (const raw of block.split(/[;\n]/)) {
      const entry = raw.trim();
      if (entry.length === 0) continue;
      const [weightText, ...rest] = entry.split(/\s+/);
      const weight = Number(weightText);
      if (!Number.isFinite(weight) || rest.length === 0) throw new Error(`bad intent rule: ${entry}`);
      const requireNegation = (rest[0] ?? '').startsWith('!');
      const steps: Step[] = [];
      let gap = 0;
      for (const part of rest) {
        if (part === '..') gap = 3;
        else if (part === '...') gap = 8;
        else {
          const notNegated = part.startsWith('^');
          const body = part.replace(/^[!^]/, '');
          steps.push({ alternatives: compileAlternatives(body), maxGapBefore: gap, notNegated });
          gap = 0;
        }
      }
      rules.push({ category, weight: weight * factor, steps, requireNegation });
    }
  }
  return rules;
}

function tokenMatches(token: string, alternatives: readonly Alternative[]): boolean {
  for (const alt of alternatives) {
    if (alt.number) {
      if (/^\d+$/.test(token) || NUMBER_WORDS.has(token)) return true;
    } else if (alt.prefix ? token.startsWith(alt.text) : token === alt.text) {
      return true;
    }
  }
  return false;
}

/** Returns the end index (exclusive) of a match of `steps` starting at `start`, or -1. */
function matchFrom(
  tokens: readonly string[],
  steps: readonly Step[],
  stepIndex: number,
  position: number,
): number {
  const step = steps[stepIndex];
  if (step === undefined) return position;
  const maxGap = stepIndex === 0 ? 0 : step.maxGapBefore;
  for (let gap = 0; gap <= maxGap; gap++) {
    const index = position + gap;
    const token = tokens[index];
    if (token === undefined || token === SENTENCE_BREAK) return -1;
    if (tokenMatches(token, step.alternatives) && !(step.notNegated && negatedAt(tokens, index))) {
      const end = matchFrom(tokens, steps, stepIndex + 1, index + 1);
      if (end >= 0) return end;
    }
  }
  return -1;
}

function negatedAt(tokens: readonly string[], start: number): boolean {
  for (let i = start - 1; i >= Math.max(0, start - 3); i--) {
    const token = tokens[i];
    if (token === undefined || token === SENTENCE_BREAK) return false;
    if (NEGATORS.has(token)) return true;
  }
  return false;
}

interface RuleMatch {
  start: number;
  end: number;
}

function findRule(tokens: readonly string[], rule: Rule, starts: readonly number[]): RuleMatch | undefined {
  for (const start of starts) {
    const end = matchFrom(tokens, rule.steps, 0, start);
    if (end < 0) continue;
    if (rule.requireNegation && !negatedAt(tokens, start)) continue;
    return { start, end };
  }
  return undefined;
}

/** Buyers state their request early; scoring only the start bounds the work on pasted walls of text. */
const MAX_TEXT_LENGTH = 3000;

/** Token placed between sentences: gaps and negation scopes never cross it. */
const SENTENCE_BREAK = '§';

/** Splits a message into folded word tokens; "n't" becomes "not", apostrophes split French elisions. */
function tokenize(text: string, language: Language): { tokens: string[]; display: string[] } {
  let cleaned = text.slice(0, MAX_TEXT_LENGTH);
  if (/[/@]/.test(cleaned)) {
    cleaned = cleaned
      .replace(/\b(?:https?:\/\/|www\.)\S+/giu, ' ')
      .replace(/(?<![^\s@])[^\s@]+@[^\s@.]+\.\S+/gu, ' ');
  }
  if (/['’`]/.test(cleaned)) cleaned = cleaned.replace(/n['’]t\b/giu, ' not').replace(/['’`]/gu, ' ');
  const tokens: string[] = [];
  const display: string[] = [];
  const folded = fold(cleaned);
  const cyrillic = /[\u0400-\u04ff]/u.test(folded);
  for (const sentence of folded.split(/(?<![.!?;])[.!?;]+(?=\s|$)|\n+/u)) {
    const words = sentence.split(/[^\p{L}\p{N}]+/u).filter((t) => t.length > 0);
    if (words.length === 0) continue;
    if (tokens.length > 0) {
      tokens.push(SENTENCE_BREAK);
      display.push(SENTENCE_BREAK);
    }
    for (const word of words) {
      const key = cyrillic ? transliterateCyrillic(word) : word;
      // Russian "но" / "no" is "but", not a negation.
      tokens.push(language === 'ru' ? (key === 'no' ? 'no_ru' : russianLatin(key)) : key);
      display.push(word);
    }
  }
  return { tokens, display };
}

/** Rules indexed by what their first word can be, so a message only tries rules that can start. */
interface RuleIndex {
  rules: Rule[];
  exact: Map<string, number[]>;
  /** Prefix alternatives as a character trie: walking a word collects every rule a prefix starts. */
  prefix: TrieNode;
  numeric: number[];
  any: number[];
}

interface TrieNode {
  next: Map<number, TrieNode>;
  ids: number[];
}

function buildIndex(rules: Rule[]): RuleIndex {
  const index: RuleIndex = {
    rules,
    exact: new Map(),
    prefix: { next: new Map(), ids: [] },
    numeric: [],
    any: [],
  };
  const addPrefix = (text: string, id: number): void => {
    let node = index.prefix;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      let child = node.next.get(code);
      if (child === undefined) {
        child = { next: new Map(), ids: [] };
        node.next.set(code, child);
      }
      node = child;
    }
    if (node.ids[node.ids.length - 1] !== id) node.ids.push(id);
  };
  const add = (map: Map<string, number[]>, key: string, id: number): void => {
    const list = map.get(key) ?? [];
    if (list[list.length - 1] !== id) list.push(id);
    map.set(key, list);
  };
  rules.forEach((rule, id) => {
    for (const alt of rule.steps[0]?.alternatives ?? []) {
      if (alt.number) index.numeric.push(id);
      else if (alt.prefix && alt.text.length === 0) index.any.push(id);
      else if (alt.prefix) addPrefix(alt.text, id);
      else add(index.exact, alt.text, id);
    }
  });
  return index;
}

/** Scratch space of `candidateRules`, reused across calls (the pipeline is single-threaded). */
interface Scratch {
  stamp: Int32Array;
  starts: number[][];
  generation: number;
}

const SCRATCH = new WeakMap<RuleIndex, Scratch>();

/** Rules whose first word occurs in the message, each with the positions where it occurs (ascending). */
function candidateRules(index: RuleIndex, tokens: readonly string[]): Array<[number, number[]]> {
  let scratch = SCRATCH.get(index);
  if (scratch === undefined) {
    scratch = { stamp: new Int32Array(index.rules.length), starts: [], generation: 0 };
    SCRATCH.set(index, scratch);
  }
  const generation = ++scratch.generation;
  const { stamp, starts } = scratch;
  const ids: number[] = [];
  const add = (list: readonly number[], position: number): void => {
    for (const id of list) {
      if (stamp[id] !== generation) {
        stamp[id] = generation;
        starts[id] = [position];
        ids.push(id);
      } else {
        const at = starts[id] as number[];
        if (at[at.length - 1] !== position) at.push(position);
      }
    }
  };
  for (let position = 0; position < tokens.length; position++) {
    const token = tokens[position] as string;
    if (token === SENTENCE_BREAK) continue;
    if (index.any.length > 0) add(index.any, position);
    const exact = index.exact.get(token);
    if (exact !== undefined) add(exact, position);
    let node: TrieNode | undefined = index.prefix;
    for (let i = 0; i < token.length && node !== undefined; i++) {
      node = node.next.get(token.charCodeAt(i));
      if (node !== undefined && node.ids.length > 0) add(node.ids, position);
    }
    const first = token.charCodeAt(0);
    if ((first >= 48 && first <= 57 && /^\d+$/.test(token)) || NUMBER_WORDS.has(token))
      add(index.numeric, position);
  }
  ids.sort((a, b) => a - b);
  return ids.map((id) => [id, starts[id] as number[]]);
}

const RULES: Readonly<Record<Language, { own: RuleIndex; foreign: RuleIndex }>> = (() => {
  const compiled = {} as Record<Language, { own: RuleIndex; foreign: RuleIndex }>;
  const all = Object.keys(LEXICONS) as Language[];
  for (const lang of all) {
    const own = [...compileLexicon(LEXICONS[lang], 1), ...compileLexicon(COMMON, 1)];
    // Other languages' lexicons count a little, for mixed texts and misdetected languages.
    const foreign = all.filter((l) => l !== lang).flatMap((l) => compileLexicon(LEXICONS[l], 0.3));
    compiled[lang] = { own: buildIndex(own), foreign: buildIndex(foreign) };
  }
  return compiled;
})();

function stemAlternatives(stems: Readonly<Record<Language, string>>): Record<Language, Alternative[]> {
  const out = {} as Record<Language, Alternative[]>;
  for (const lang of Object.keys(stems) as Language[]) {
    out[lang] = compileAlternatives(stems[lang].trim().split(/\s+/).join('|'));
  }
  return out;
}

const COLOURS = stemAlternatives(COLOUR_STEMS);
const ORDERED = stemAlternatives(ORDERED_VERBS);

function stemSetMatches(tokens: readonly string[], alternatives: readonly Alternative[]): Set<string> {
  const found = new Set<string>();
  for (const token of tokens) {
    for (const alt of alternatives) {
      if (alt.prefix ? token.startsWith(alt.text) : token === alt.text) found.add(alt.text);
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Lexicon scoring

/** Per-category lexicon scores of a message, with the phrases that produced them. */
export interface LexiconScores {
  scores: Record<Category, number>;
  evidence: string[];
  /** Number of rules that matched. */
  matched: number;
}

/** Scores a message against the hand-written lexicons of `language` (plus foreign cues at 0.3). */
export function scoreLexicon(text: string, language: Language): LexiconScores {
  const { tokens, display } = tokenize(text, language);
  const scores: Record<Category, number> = {
    not_received: 0,
    damaged: 0,
    not_as_described: 0,
    wrong_item: 0,
    refund_request: 0,
    cancel_order: 0,
    order_change: 0,
    return_exchange: 0,
    customs_tax: 0,
    payment: 0,
    shipping_inquiry: 0,
    product_question: 0,
    other: 0,
  };
  const evidence: string[] = [];
  let matched = 0;
  const add = (category: Category, weight: number, label: string): void => {
    scores[category] += weight;
    matched++;
    evidence.push(`${category}:"${label}"${weight >= 0 ? '+' : ''}${Math.round(weight * 100) / 100}`);
  };

  const rules = RULES[language];
  const claimed = new Set<number>();
  for (const [id, starts] of candidateRules(rules.own, tokens)) {
    const rule = rules.own.rules[id];
    if (rule === undefined) continue;
    const match = findRule(tokens, rule, starts);
    if (match === undefined) continue;
    add(rule.category, rule.weight, display.slice(match.start, match.end).join(' '));
    for (let i = match.start; i < match.end; i++) claimed.add(i);
  }
  // Foreign-language cues only count on words the message's own language did not explain.
  for (const [id, starts] of candidateRules(rules.foreign, tokens)) {
    const rule = rules.foreign.rules[id];
    if (rule === undefined) continue;
    const match = findRule(tokens, rule, starts);
    if (match === undefined) continue;
    let fresh = false;
    for (let i = match.start; i < match.end; i++) if (!claimed.has(i)) fresh = true;
    if (fresh) add(rule.category, rule.weight, display.slice(match.start, match.end).join(' '));
  }

  const colours = stemSetMatches(tokens, COLOURS[language]);
  if (colours.size >= 2 && stemSetMatches(tokens, ORDERED[language]).size > 0) {
    add('wrong_item', 2.5, `colours ${[...colours].join('/')}`);
  }

  if (/[?¿]/.test(text)) {
    for (const category of ['product_question', 'shipping_inquiry'] as const) {
      if (scores[category] > 0) add(category, 0.5, '?');
    }
    // A question with no other cue is most often a pre-sale question about the product.
    let strongest = 0;
    for (const category of CATEGORIES) strongest = Math.max(strongest, scores[category]);
    if (strongest < 1.5) add('product_question', 1.2, 'question without other cue');
  }
  return { scores, evidence, matched };
}

// ---------------------------------------------------------------------------------------------
// Classification

/** Words that acknowledge without asking anything: alone they carry no intent. */
const ACKNOWLEDGEMENTS = new Set(
  'ok okay oki okey k kk ack yes yep no nope si sí oui non sim nao não da net ок да нет ладно хорошо'.split(
    ' ',
  ),
);

function contentFree(text: string): boolean {
  for (const match of fold(text).matchAll(/\p{L}+/gu)) if (!ACKNOWLEDGEMENTS.has(match[0])) return false;
  return true;
}

let cachedModel: IntentModel | undefined;
let cachedLabels: Category[] = [];

function intentModel(): IntentModel {
  if (cachedModel === undefined) {
    cachedModel = sharedIntentModel(INTENT_MODEL_DATA);
    cachedLabels = cachedModel.labels.map((label) => {
      if (!(CATEGORIES as readonly string[]).includes(label)) throw new Error(`unknown model label ${label}`);
      return label as Category;
    });
  }
  return cachedModel;
}

const round3 = (value: number): number => Math.round(value * 1000) / 1000;

/** Labels a buyer message with the action the buyer wants, or abstains so a human decides. */
export function classifyIntent(text: string, language: Language): IntentClassification {
  if (contentFree(text)) {
    return { category: 'other', confidence: 0.2, abstained: true, evidence: ['no intent cue matched'] };
  }
  const lexicon = scoreLexicon(text, language);
  const model = intentModel();
  const { logits, features } = model.intent(text, language);
  const { temperature, lexiconWeight, abstainBelow, isotonic } = INTENT_MODEL_DATA.calibration;
  const combined = new Float64Array(logits.length);
  for (let i = 0; i < logits.length; i++) {
    const label = cachedLabels[i];
    combined[i] = (logits[i] ?? 0) + (label === undefined ? 0 : lexiconWeight * lexicon.scores[label]);
  }
  const probabilities = softmax(combined, temperature);
  let best = 0;
  let second = -1;
  for (let i = 1; i < probabilities.length; i++) {
    if ((probabilities[i] ?? 0) > (probabilities[best] ?? 0)) {
      second = best;
      best = i;
    } else if (second < 0 || (probabilities[i] ?? 0) > (probabilities[second] ?? 0)) {
      second = i;
    }
  }
  const category = cachedLabels[best] ?? 'other';
  // The calibrated confidence: the accuracy observed out-of-fold at this probability.
  const confidence = round3(applyIsotonic(probabilities[best] ?? 0, isotonic));
  const runnerUpCategory = cachedLabels[second];
  // The runner-up keeps its share of the winner's probability, on the calibrated scale.
  const runnerUpConfidence = round3(
    (probabilities[best] ?? 0) > 0
      ? (confidence * (probabilities[second] ?? 0)) / (probabilities[best] ?? 1)
      : 0,
  );

  const evidence = [...lexicon.evidence];
  const words = model
    .topWords(features, best, 3)
    .map(([word, weight]) => `${word} +${weight.toFixed(2)}`)
    .join(', ');
  evidence.push(`model:${category} ${confidence}${words.length > 0 ? ` (${words})` : ''}`);
  // A near tie of the probabilities, or of the lexicon between the model's two favourites
  // ("refund or exchange?"): the buyer has not decided, a human should read it.
  const lexTop = lexicon.scores[category];
  const lexSecond = runnerUpCategory === undefined ? 0 : lexicon.scores[runnerUpCategory];
  const lexiconTie =
    runnerUpConfidence >= LEXICON_TIE_MIN_P && lexSecond >= STRONG_CUE && lexSecond >= TIE_RATIO * lexTop;
  const tied = runnerUpCategory !== undefined && (runnerUpConfidence >= TIE_RATIO * confidence || lexiconTie);
  if (tied) evidence.push(`tie:${category}~${runnerUpCategory}`);
  // One or two words with no real lexicon cue for the winner are a guess, however sure the model is.
  const guess = countWords(text) <= 2 && lexTop < WEAK_CUE;
  if (guess) evidence.push('short:no lexicon cue');
  const abstained = confidence < abstainBelow || tied || guess;
  return {
    category,
    confidence,
    abstained,
    evidence,
    ...(runnerUpCategory === undefined
      ? {}
      : { runnerUp: { category: runnerUpCategory, confidence: runnerUpConfidence } }),
  };
}
