/**
 * Carrier profiles as data: aliases, checkpoint vocabularies (raw codes and texts in Chinese,
 * English, Spanish, Portuguese, French and Russian) mapped to the normalized statuses and legs, and
 * per-leg stall thresholds. Add a carrier by adding a profile; add a phrase by adding it to a rule.
 */
import { foldText } from '../normalize.js';
import type { Leg, LegHours, TrackingStatus } from './types.js';

/**
 * One mapping rule: any of `when` found in a checkpoint's text gives its status and/or leg.
 * Phrases are matched on folded text (lowercase, no accents) as whole words; a trailing `*` makes a
 * prefix; phrases with Chinese characters match anywhere. `label` is the English checkpoint a bare
 * code stands for, shown to buyers instead of the code.
 */
export interface CheckpointRule {
  when: readonly string[];
  status?: TrackingStatus;
  leg?: Leg;
  label?: string;
}

/** A carrier: how to recognise its name, read its checkpoints, and how long silence is normal. */
export interface CarrierProfile {
  id: string;
  name: string;
  /** Names sellers and marketplaces use for it; matched ignoring case, spaces and punctuation. */
  aliases: readonly string[];
  /** ISO country where its parcels usually start (`CN` marks the quiet China-origin routes). */
  origin: string;
  /** Hours without a progress event after which a parcel on each leg counts as stalled. */
  stallHours: LegHours;
  /** Hours without progress after which a stall goes to the support team. */
  escalateAfterHours: number;
  /** Carrier-specific vocabulary, tried before the shared rules. */
  rules: readonly CheckpointRule[];
  /** Where the vocabulary comes from (public status vocabularies). */
  sources: readonly string[];
}

/** Stall threshold when nothing more specific is known (CONTRACT: default 48 h). */
export const DEFAULT_STALL_HOURS = 48;
/** Escalation to the support team after a week without progress. */
export const DEFAULT_ESCALATE_AFTER_HOURS = 7 * 24;

const FLAT_48: LegHours = {
  first_mile: DEFAULT_STALL_HOURS,
  export_linehaul: DEFAULT_STALL_HOURS,
  import_customs: DEFAULT_STALL_HOURS,
  last_mile: DEFAULT_STALL_HOURS,
};

// China-origin routes go quiet for days after export (linehaul, consolidation) and while waiting for
// import clearance; a flat 48 h there apologises for normal silence.
const CHINA_ORIGIN: LegHours = {
  first_mile: 48,
  export_linehaul: 120,
  import_customs: 96,
  last_mile: 72,
};

// Destination postal operators: domestic legs are quick, import clearance takes a few days.
const POSTAL_DESTINATION: LegHours = {
  first_mile: 48,
  export_linehaul: 96,
  import_customs: 72,
  last_mile: 48,
};

const AGGREGATOR_SOURCES = [
  'AfterShip delivery statuses and sub-statuses (aftership.com/docs/tracking)',
  '17TRACK main and sub-statuses (help.17track.net, API v2.2)',
];

/** Cainiao checkpoint action codes (public API payload samples); they appear in AliExpress feeds. */
const CAINIAO_CODES: readonly CheckpointRule[] = [
  {
    when: ['GWMS_ACCEPT'],
    status: 'info_received',
    leg: 'first_mile',
    label: 'Order received by the warehouse',
  },
  { when: ['GWMS_PACKAGE'], leg: 'first_mile', label: 'Packed at the warehouse' },
  { when: ['GWMS_OUTBOUND'], leg: 'first_mile', label: 'Left the warehouse' },
  { when: ['PU_PICKUP_SUCCESS'], leg: 'first_mile', label: 'Picked up by the carrier' },
  { when: ['SC_INBOUND_SUCCESS'], leg: 'first_mile', label: 'Arrived at the sorting center' },
  { when: ['SC_OUTBOUND_SUCCESS'], leg: 'first_mile', label: 'Left the sorting center' },
  { when: ['CC_EX_START'], leg: 'export_linehaul', label: 'Export customs clearance started' },
  { when: ['CC_EX_SUCCESS'], leg: 'export_linehaul', label: 'Export customs clearance complete' },
  { when: ['LH_HO_IN_SUCCESS'], leg: 'export_linehaul', label: 'Handed over to the linehaul carrier' },
  { when: ['LH_HO_AIRLINE'], leg: 'export_linehaul', label: 'Handed over to the airline' },
  { when: ['LH_DEPART'], leg: 'export_linehaul', label: 'Departed from the departure country/region' },
  // Arrived in the destination country: the next wait is import clearance.
  { when: ['LH_ARRIVE'], leg: 'import_customs', label: 'Arrived in the destination country/region' },
  { when: ['CC_HO_IN_SUCCESS'], leg: 'import_customs', label: 'Handed over to customs' },
  { when: ['CC_HO_OUT_SUCCESS'], leg: 'import_customs', label: 'Released from the customs handover' },
  { when: ['CC_IM_START'], leg: 'import_customs', label: 'Import customs clearance started' },
  // Import clearance complete: waiting for the local carrier.
  { when: ['CC_IM_SUCCESS'], leg: 'last_mile', label: 'Import customs clearance complete' },
  { when: ['GTMS_ACCEPT'], leg: 'last_mile', label: 'Received by the local delivery carrier' },
  { when: ['GTMS_SC_ARRIVE'], leg: 'last_mile', label: 'Arrived at the local sorting center' },
  { when: ['GTMS_DO_DEPART'], leg: 'last_mile', label: 'Left the local delivery office' },
];

/**
 * Vocabulary shared by every carrier, most specific first: final and failure outcomes before the
 * words they contain ("not delivered" before "delivered"), completion of a leg before the leg.
 */
export const SHARED_RULES: readonly CheckpointRule[] = [
  ...CAINIAO_CODES,
  // returned (final)
  {
    when: [
      'returned to sender',
      'returned to shipper',
      'return to sender completed',
      'delivered to sender',
      'devuelto al remitente',
      'devuelto a origen',
      'devolvido ao remetente',
      'objeto devolvido',
      "retourne a l'expediteur",
      "renvoye a l'expediteur",
      'возвращено отправителю',
      'вручение отправителю',
      'вручено отправителю',
      '已退回',
      '退回发件人',
      '退件签收',
    ],
    status: 'returned',
  },
  // exceptions: returning, lost, damaged, refused, address problems, duties to pay
  {
    when: [
      'return to sender',
      'returning to sender',
      'being returned',
      'lost',
      'missing',
      'damaged',
      'refused',
      'rejected by',
      'incorrect address',
      'insufficient address',
      'wrong address',
      'address unknown',
      'undeliverable',
      'en devolucion',
      'devolucion al remitente',
      'extraviado',
      'danado',
      'rehusado',
      'direccion incorrecta',
      'em devolucao',
      'sera devolvido',
      'avariado',
      'recusado',
      'endereco incorreto',
      'endereco insuficiente',
      'roubado',
      "retour a l'expediteur",
      'en retour',
      'endommage',
      'refuse par le destinataire',
      'adresse incorrecte',
      'adresse incomplete',
      'возврат',
      'утерян*',
      'поврежд*',
      'отказ адресата',
      'отказ от получения',
      'неверный адрес',
      '退回中',
      '丢失',
      '破损',
      '拒收',
      '拒签',
      '地址错误',
      '异常',
    ],
    status: 'exception',
  },
  {
    when: [
      'fee to pay',
      'awaiting payment of',
      'duties to pay',
      'aguardando pagamento',
      'frais de douane a payer',
    ],
    status: 'exception',
    leg: 'import_customs',
  },
  // failed delivery attempts
  {
    when: [
      'attempted/unsuccessful delivery',
      'unsuccessful delivery',
      'delivery unsuccessful',
      'delivery attempt*',
      'attempted delivery',
      'we tried to deliver',
      'not delivered',
      'could not be delivered',
      'notice left',
      'no authorized recipient',
      'recipient not available',
      'addressee not available',
      'intento de entrega',
      'entrega fallida',
      'no entregado',
      'ausente',
      'nao entregue',
      'tentativa de entrega',
      'carteiro nao atendido',
      'destinatario ausente',
      'destinataire absent',
      'avis de passage',
      "n'a pas pu etre livre",
      'tentative de livraison',
      'неудачная попытка вручения',
      'временное отсутствие адресата',
      '投递失败',
      '派送失败',
      '未妥投',
      '派送不成功',
    ],
    status: 'attempt_fail',
    leg: 'last_mile',
  },
  // waiting for the buyer at a pickup point
  {
    when: [
      'available for pickup',
      'ready for pickup',
      'ready for collection',
      'ready to collect',
      'awaiting collection',
      'disponible para recoger',
      'disponible en oficina',
      'listo para recoger',
      'aguardando retirada',
      'disponivel para retirada',
      'disponible dans votre point de retrait',
      'disponible en point retrait',
      'disponible au bureau de poste',
      'прибыло в место вручения',
      'ожидает адресата в месте вручения',
      'ожидает вручения',
      '待取件',
      '到达自提点',
      '待自取',
    ],
    status: 'available_for_pickup',
    leg: 'last_mile',
  },
  // on the way, said in words that contain "delivered"
  {
    when: [
      'will be delivered',
      'to be delivered',
      'being delivered',
      'sera entregado',
      'entregado al transportista',
      'entregado al operador',
      'entregue a transportadora',
      'entregue ao operador',
    ],
    status: 'in_transit',
  },
  {
    when: [
      'out for delivery',
      'with delivery courier',
      'en reparto',
      'saiu para entrega',
      'en cours de livraison',
      'en cours de distribution',
      'передано почтальону',
      'передано курьеру',
      '派送中',
      '正在派送',
      '派件中',
    ],
    status: 'out_for_delivery',
    leg: 'last_mile',
  },
  {
    when: [
      'final delivery',
      'delivered',
      'delivery completed',
      'entregado',
      'entregue',
      'colis est livre',
      'a ete livre',
      'livre au destinataire',
      'livre dans votre boite',
      'distribue',
      'вручение адресату',
      'вручено',
      'вручено адресату',
      '已签收',
      '妥投',
      '签收',
    ],
    status: 'delivered',
    leg: 'last_mile',
  },
  {
    when: [
      'shipment information received',
      'electronic information received',
      'information received',
      'label created',
      'pre-advice',
      'awaiting item',
      'prerregistrado',
      'pre-registrado',
      'etiqueta emitida',
      'en attente de depot',
      'присвоен трек-номер',
      'присвоен идентификатор',
      '已下单',
      '电子信息已收到',
    ],
    status: 'info_received',
    leg: 'first_mile',
  },
  // import clearance complete, handed to the local carrier: last mile
  {
    when: [
      'customs clearance completed',
      'customs clearance complete',
      'clearance completed',
      'import clearance success',
      'released by customs',
      'cleared customs',
      'departure from inward office of exchange',
      'arrival at delivery office',
      'arrived at delivery office',
      'handed over to local carrier',
      'handed over to last mile',
      'tendered to last mile',
      'liberado por aduana',
      'fiscalizacao aduaneira finalizada',
      'dedouanement termine',
      'arrive sur son site de distribution',
      'выпущено таможней',
      'таможенное оформление завершено',
      '清关完成',
      '已清关',
      '交付当地',
      '到达派送站',
    ],
    leg: 'last_mile',
  },
  // export and linehaul
  {
    when: [
      'export customs',
      'export clearance',
      'arrival at outward office of exchange',
      'departure from outward office of exchange',
      'departed from departure country',
      'departed from origin country',
      'departed from airport of origin',
      'handed over to airline',
      'flight departed',
      "a quitte le pays d'expedition",
      'экспорт*',
      '出口报关',
      '出口清关',
      '已交航',
      '交航',
      '航班起飞',
      '离开始发国',
      '离开发货国',
    ],
    leg: 'export_linehaul',
  },
  // arrival in the destination country and import clearance
  {
    when: [
      'arrival at inward office of exchange',
      'arrived at destination country',
      'arrived in destination country',
      'arrived in the destination country',
      'import customs',
      'customs clearance',
      'customs inspection',
      'held by customs',
      'held at customs',
      'held in customs',
      'inbound into customs',
      'handed over to customs',
      'customs',
      'aduana',
      'llegada al pais de destino',
      'fiscalizacao aduaneira',
      'objeto recebido pelos correios do brasil',
      'dedouanement',
      'douane',
      'arrive dans le pays de destination',
      'таможенное оформление',
      'приём на таможню',
      'передано таможне',
      'прибыло на территорию',
      'импорт',
      '进口清关',
      '海关',
      '到达目的国',
      '到达目的地国家',
    ],
    leg: 'import_customs',
  },
  // accepted at origin: first mile
  {
    when: [
      'posting/collection',
      'accepted by carrier',
      'accepted at',
      'acceptance',
      'picked up',
      'pickup successful',
      'we have got it',
      "we've got it",
      'admitido',
      'admision',
      'objeto postado',
      'pris en charge',
      'prise en charge',
      'приём',
      'прием',
      'принято в отделении связи',
      '揽收',
      '收寄',
      '已收件',
      '仓库已收货',
    ],
    leg: 'first_mile',
  },
];

const CHINA_ORIGIN_SOURCES = [
  'Cainiao checkpoint action codes (public API payload samples)',
  ...AGGREGATOR_SOURCES,
];

/** The carrier profiles sellerdesk knows; unknown carriers get `GENERIC_CARRIER`. */
export const CARRIER_PROFILES: readonly CarrierProfile[] = [
  {
    id: 'cainiao',
    name: 'Cainiao (AliExpress Standard Shipping)',
    aliases: [
      'cainiao',
      'aliexpress standard shipping',
      'aliexpress standard',
      'aliexpress premium shipping',
      'aliexpress selection shipping',
      'aliexpress saver shipping',
      'cainiao super economy',
      'cainiao expedited',
      '菜鸟',
      '菜鸟国际',
    ],
    origin: 'CN',
    stallHours: CHINA_ORIGIN,
    escalateAfterHours: DEFAULT_ESCALATE_AFTER_HOURS,
    rules: [],
    sources: CHINA_ORIGIN_SOURCES,
  },
  {
    id: 'yunexpress',
    name: 'YunExpress',
    aliases: ['yunexpress', 'yun express', 'yuntu', '云途', '云途物流'],
    origin: 'CN',
    stallHours: CHINA_ORIGIN,
    escalateAfterHours: DEFAULT_ESCALATE_AFTER_HOURS,
    rules: [{ when: ['arrived at sort facility', 'departed facility'], leg: 'first_mile' }],
    sources: CHINA_ORIGIN_SOURCES,
  },
  {
    id: 'yanwen',
    name: 'Yanwen',
    aliases: ['yanwen', 'yanwen logistics', 'yw', '燕文', '燕文物流'],
    origin: 'CN',
    stallHours: CHINA_ORIGIN,
    escalateAfterHours: DEFAULT_ESCALATE_AFTER_HOURS,
    rules: [],
    sources: ['UPU EMSEVT event names as shown by postal partners', ...CHINA_ORIGIN_SOURCES],
  },
  {
    id: '4px',
    name: '4PX',
    aliases: ['4px', '4px express', '4px worldwide express', '递四方'],
    origin: 'CN',
    stallHours: CHINA_ORIGIN,
    escalateAfterHours: DEFAULT_ESCALATE_AFTER_HOURS,
    rules: [
      { when: ['parcel information received'], status: 'info_received', leg: 'first_mile' },
      { when: ['depart from facility to service provider'], leg: 'export_linehaul' },
    ],
    sources: CHINA_ORIGIN_SOURCES,
  },
  {
    id: 'china-post',
    name: 'China Post / ePacket',
    aliases: [
      'china post',
      'chinapost',
      'china post registered air mail',
      'china post ordinary small packet plus',
      'epacket',
      'e packet',
      'china ems',
      '中国邮政',
      'e邮宝',
    ],
    origin: 'CN',
    stallHours: CHINA_ORIGIN,
    escalateAfterHours: DEFAULT_ESCALATE_AFTER_HOURS,
    rules: [
      { when: ['离开处理中心', '到达处理中心'], leg: 'first_mile' },
      { when: ['总包', '出口互封'], leg: 'export_linehaul' },
      { when: ['到达寄达地'], leg: 'import_customs' },
    ],
    sources: ['UPU EMSEVT event names', ...CHINA_ORIGIN_SOURCES],
  },
  {
    id: 'sunyou',
    name: 'SunYou',
    aliases: ['sunyou', 'sun you', 'sunyou economic air mail', 'sypost', '顺友', '顺友物流'],
    origin: 'CN',
    stallHours: CHINA_ORIGIN,
    escalateAfterHours: DEFAULT_ESCALATE_AFTER_HOURS,
    rules: [{ when: ['shipment info received'], status: 'info_received', leg: 'first_mile' }],
    sources: CHINA_ORIGIN_SOURCES,
  },
  {
    id: 'correos',
    name: 'Correos',
    aliases: ['correos', 'correos espana', 'correos de espana', 'sociedad estatal correos'],
    origin: 'ES',
    stallHours: POSTAL_DESTINATION,
    escalateAfterHours: DEFAULT_ESCALATE_AFTER_HOURS,
    rules: [
      { when: ['en oficina'], status: 'available_for_pickup', leg: 'last_mile' },
      { when: ['llegada a oficina', 'en proceso de entrega'], leg: 'last_mile' },
    ],
    sources: ['Correos public tracking event names', 'UPU EMSEVT event names', ...AGGREGATOR_SOURCES],
  },
  {
    id: 'russian-post',
    name: 'Russian Post',
    aliases: ['russian post', 'pochta rossii', 'pochta', 'почта россии', 'почта'],
    origin: 'RU',
    stallHours: { ...POSTAL_DESTINATION, import_customs: 96 },
    escalateAfterHours: DEFAULT_ESCALATE_AFTER_HOURS,
    rules: [
      { when: ['сортировка', 'покинуло сортировочный центр'], status: 'in_transit' },
      { when: ['прибыло в сортировочный центр'], status: 'in_transit' },
    ],
    sources: [
      'Russian Post public tracking operation names',
      'UPU EMSEVT event names',
      ...AGGREGATOR_SOURCES,
    ],
  },
  {
    id: 'correios',
    name: 'Correios',
    aliases: ['correios', 'correios brasil', 'correios do brasil', 'sedex'],
    origin: 'BR',
    stallHours: { ...POSTAL_DESTINATION, import_customs: 120 },
    escalateAfterHours: DEFAULT_ESCALATE_AFTER_HOURS,
    rules: [
      { when: ['pagamento confirmado', 'informacoes enviadas para analise'], leg: 'import_customs' },
      { when: ['objeto em transito', 'objeto em transferencia'], status: 'in_transit' },
    ],
    sources: ['Correios (Brazil) public SRO event texts', ...AGGREGATOR_SOURCES],
  },
  {
    id: 'la-poste',
    name: 'La Poste / Colissimo',
    aliases: ['la poste', 'laposte', 'colissimo', 'lettre suivie', 'la poste colissimo'],
    origin: 'FR',
    stallHours: POSTAL_DESTINATION,
    escalateAfterHours: DEFAULT_ESCALATE_AFTER_HOURS,
    rules: [
      { when: ['est arrive en france'], leg: 'import_customs' },
      { when: ["en cours d'acheminement"], status: 'in_transit' },
    ],
    sources: ['La Poste / Colissimo public tracking texts', ...AGGREGATOR_SOURCES],
  },
  {
    id: 'usps',
    name: 'USPS',
    aliases: ['usps', 'united states postal service', 'us postal service', 'us post'],
    origin: 'US',
    stallHours: POSTAL_DESTINATION,
    escalateAfterHours: DEFAULT_ESCALATE_AFTER_HOURS,
    rules: [
      { when: ['shipping label created'], status: 'info_received', leg: 'first_mile' },
      { when: ['usps in possession of item', 'accepted at usps origin facility'], leg: 'first_mile' },
    ],
    sources: ['USPS public tracking status texts', ...AGGREGATOR_SOURCES],
  },
  {
    id: 'royal-mail',
    name: 'Royal Mail',
    aliases: ['royal mail', 'royalmail', 'parcelforce'],
    origin: 'GB',
    stallHours: POSTAL_DESTINATION,
    escalateAfterHours: DEFAULT_ESCALATE_AFTER_HOURS,
    rules: [
      { when: ["it's on its way", 'item is on its way'], status: 'in_transit' },
      { when: ['we tried to deliver'], status: 'attempt_fail', leg: 'last_mile' },
    ],
    sources: ['Royal Mail public tracking texts', ...AGGREGATOR_SOURCES],
  },
];

/** Profile for a carrier sellerdesk does not know: flat 48 h on every leg, shared vocabulary. */
export const GENERIC_CARRIER: CarrierProfile = {
  id: 'generic',
  name: 'Other carrier',
  aliases: [],
  origin: 'XX',
  stallHours: FLAT_48,
  escalateAfterHours: DEFAULT_ESCALATE_AFTER_HOURS,
  rules: [],
  sources: AGGREGATOR_SOURCES,
};

function aliasKey(value: string): string {
  return foldText(value).replace(/[^\p{L}\p{N}]+/gu, '');
}

// Built on first use, not at import: the workflow bundle imports this module, and every workflow
// (tickets included) would otherwise pay for folding a few hundred aliases when its sandbox loads.
let byAlias: Map<string, CarrierProfile> | undefined;

function aliasTable(): Map<string, CarrierProfile> {
  if (byAlias) return byAlias;
  const table = new Map<string, CarrierProfile>();
  for (const profile of CARRIER_PROFILES) {
    table.set(aliasKey(profile.id), profile);
    table.set(aliasKey(profile.name), profile);
    for (const alias of profile.aliases) table.set(aliasKey(alias), profile);
  }
  byAlias = table;
  return table;
}

/** The profile for a carrier name as a seller or marketplace writes it; `GENERIC_CARRIER` if unknown. */
export function resolveCarrier(name: string): CarrierProfile {
  return aliasTable().get(aliasKey(name)) ?? GENERIC_CARRIER;
}

/**
 * The carrier name a buyer should read: a machine code as integrations send it ("cainiao",
 * "yunexpress", "china-post") becomes the profile's name; a name a person wrote stays as written.
 */
export function carrierDisplayName(raw: string): string {
  const trimmed = raw.trim();
  if (!/^[a-z0-9_.-]+$/.test(trimmed)) return trimmed;
  const profile = resolveCarrier(trimmed);
  return profile === GENERIC_CARRIER ? trimmed : profile.name;
}

const HAN = /\p{Script=Han}/u;
const matchers = new Map<string, (folded: string) => boolean>();

function matcherFor(phrase: string): (folded: string) => boolean {
  const cached = matchers.get(phrase);
  if (cached) return cached;
  const folded = foldText(phrase);
  let matcher: (text: string) => boolean;
  if (HAN.test(folded)) {
    matcher = (text) => text.includes(folded);
  } else {
    const prefix = folded.endsWith('*');
    const body = (prefix ? folded.slice(0, -1) : folded)
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replace(/\s+/g, '\\s+');
    const re = new RegExp(`(?<![\\p{L}\\p{N}_])${body}${prefix ? '' : '(?![\\p{L}\\p{N}_])'}`, 'u');
    matcher = (text) => re.test(text);
  }
  matchers.set(phrase, matcher);
  return matcher;
}

/** What a checkpoint's text says: a status and a leg when its vocabulary tells, and a readable label. */
export interface CheckpointReading {
  status?: TrackingStatus;
  leg?: Leg;
  label?: string;
}

/**
 * Reads a raw status or checkpoint text with the carrier's vocabulary, then the shared one; the
 * first rule that gives a status wins the status, the first that gives a leg wins the leg.
 */
export function readCheckpoint(profile: CarrierProfile, text: string): CheckpointReading {
  const folded = foldText(text);
  const reading: CheckpointReading = {};
  if (folded.trim() === '') return reading;
  for (const rule of [...profile.rules, ...SHARED_RULES]) {
    if (reading.status !== undefined && reading.leg !== undefined) break;
    if (!rule.when.some((phrase) => matcherFor(phrase)(folded))) continue;
    if (reading.status === undefined && rule.status !== undefined) reading.status = rule.status;
    if (reading.leg === undefined && rule.leg !== undefined) reading.leg = rule.leg;
    if (reading.label === undefined && rule.label !== undefined) reading.label = rule.label;
  }
  return reading;
}
