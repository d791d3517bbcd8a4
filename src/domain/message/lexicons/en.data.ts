import type { Lexicon, LexiconWords } from './types.js';

/** English intent cues per category, in the pattern language of `../intent-patterns.ts`. */
export const EN: Lexicon = {
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

/** English words the patterns share: spelled-out counts, negations, colours and "I ordered" verbs. */
export const EN_WORDS: LexiconWords = {
  numbers: 'one two three four five six seven eight nine ten few several couple',
  negators:
    'not no never nothing nobody none nor neither without cannot didnt dont doesnt hasnt havent isnt wasnt wont cant',
  colours: 'red blue green black white yellow pink purple grey gray brown orange beige gold silver navy',
  orderedVerbs: 'ordered bought chose selected picked asked wanted paid purchased',
};
