/**
 * Carrier profiles as data: aliases, carrier-specific checkpoint phrases and per-leg stall
 * thresholds. Add a carrier by adding a profile. The vocabularies they map from: docs/LOGISTICS.md.
 */
import type { CarrierProfile, LegHours } from './types.js';

/** Stall threshold when nothing more specific is known (docs/LOGISTICS.md: 48 h on every leg). */
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

/** Public vocabularies every profile draws on. */
const AGGREGATOR_SOURCES = [
  'AfterShip delivery statuses and sub-statuses (aftership.com/docs/tracking)',
  '17TRACK main and sub-statuses (help.17track.net, API v2.2)',
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
