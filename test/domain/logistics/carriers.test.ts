import { describe, expect, it } from 'vitest';
import { CARRIER_PROFILES, GENERIC_CARRIER } from '../../../src/domain/logistics/carrier-profiles.data.js';
import {
  carrierDisplayName,
  readCheckpoint,
  resolveCarrier,
} from '../../../src/domain/logistics/carriers.js';
import { SHARED_RULES } from '../../../src/domain/logistics/checkpoint-vocabulary.data.js';
import { LEGS, TRACKING_STATUSES } from '../../../src/domain/logistics/types.js';

describe('carrier profiles', () => {
  it('cover at least the twelve cross-border carriers of the issue', () => {
    const ids = CARRIER_PROFILES.map((p) => p.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'cainiao',
        'yunexpress',
        'yanwen',
        '4px',
        'china-post',
        'sunyou',
        'correos',
        'russian-post',
        'correios',
        'la-poste',
        'usps',
        'royal-mail',
      ]),
    );
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(CARRIER_PROFILES.map((p) => [p.id, p] as const))(
    '%s: thresholds and sources are sane',
    (_id, p) => {
      for (const leg of LEGS) expect(p.stallHours[leg]).toBeGreaterThanOrEqual(24);
      expect(p.escalateAfterHours).toBe(168);
      expect(p.sources.length).toBeGreaterThan(0);
      for (const rule of p.rules) {
        if (rule.status) expect(TRACKING_STATUSES).toContain(rule.status);
        if (rule.leg) expect(LEGS).toContain(rule.leg);
      }
    },
  );

  it('give China-origin routes longer linehaul and customs thresholds than the 48 h default', () => {
    const cn = CARRIER_PROFILES.filter((p) => p.origin === 'CN');
    expect(cn.length).toBeGreaterThanOrEqual(6);
    for (const p of cn) {
      expect(p.stallHours.first_mile).toBe(48);
      expect(p.stallHours.export_linehaul).toBeGreaterThan(48);
      expect(p.stallHours.import_customs).toBeGreaterThan(48);
    }
    expect(GENERIC_CARRIER.stallHours).toEqual({
      first_mile: 48,
      export_linehaul: 48,
      import_customs: 48,
      last_mile: 48,
    });
  });

  it('shared rules only use the normalized vocabulary', () => {
    for (const rule of SHARED_RULES) {
      expect(rule.when.length).toBeGreaterThan(0);
      if (rule.status) expect(TRACKING_STATUSES).toContain(rule.status);
      if (rule.leg) expect(LEGS).toContain(rule.leg);
    }
  });
});

describe('resolveCarrier', () => {
  it.each([
    ['AliExpress Standard Shipping', 'cainiao'],
    ['Cainiao Super Economy', 'cainiao'],
    ['菜鸟', 'cainiao'],
    ['Yun Express', 'yunexpress'],
    ['云途', 'yunexpress'],
    ['YANWEN', 'yanwen'],
    ['4PX', '4px'],
    ['ePacket', 'china-post'],
    ['China Post Registered Air Mail', 'china-post'],
    ['中国邮政', 'china-post'],
    ['SunYou', 'sunyou'],
    ['Correos España', 'correos'],
    ['Почта России', 'russian-post'],
    ['Russian Post', 'russian-post'],
    ['Correios', 'correios'],
    ['Colissimo', 'la-poste'],
    ['La Poste', 'la-poste'],
    ['USPS', 'usps'],
    ['Royal Mail', 'royal-mail'],
    ['royal-mail', 'royal-mail'],
    ['Some Local Courier', 'generic'],
  ])('%s -> %s', (name, id) => {
    expect(resolveCarrier(name).id).toBe(id);
  });
});

describe('carrierDisplayName', () => {
  it.each([
    ['cainiao', 'Cainiao (AliExpress Standard Shipping)'],
    ['china-post', 'China Post / ePacket'],
    ['yunexpress', 'YunExpress'],
    // Names a person wrote, and codes of carriers without a profile, stay as written.
    ['Correos España', 'Correos España'],
    ['USPS', 'USPS'],
    ['  ePacket ', 'ePacket'],
    ['localcourier', 'localcourier'],
  ])('%s -> %s', (raw, shown) => {
    expect(carrierDisplayName(raw)).toBe(shown);
  });
});

describe('readCheckpoint: raw codes and texts to statuses and legs', () => {
  const cainiao = resolveCarrier('cainiao');
  it.each([
    // Cainiao action codes
    ['GWMS_ACCEPT', 'info_received', 'first_mile'],
    ['PU_PICKUP_SUCCESS', undefined, 'first_mile'],
    ['SC_OUTBOUND_SUCCESS', undefined, 'first_mile'],
    ['CC_EX_START', undefined, 'export_linehaul'],
    ['LH_HO_AIRLINE', undefined, 'export_linehaul'],
    ['LH_DEPART Departed from departure country/region', undefined, 'export_linehaul'],
    ['LH_ARRIVE', undefined, 'import_customs'],
    ['CC_IM_START', undefined, 'import_customs'],
    ['CC_IM_SUCCESS Import customs clearance complete', undefined, 'last_mile'],
    ['GTMS_ACCEPT', undefined, 'last_mile'],
    ['GTMS_DO_DEPART', undefined, 'last_mile'],
    // English
    ['Shipment information received', 'info_received', 'first_mile'],
    ['Accepted by carrier', undefined, 'first_mile'],
    ['Arrived at destination country', undefined, 'import_customs'],
    ['Held by customs', undefined, 'import_customs'],
    ['Customs clearance completed', undefined, 'last_mile'],
    ['Departure from outward office of exchange', undefined, 'export_linehaul'],
    ['Arrival at inward office of exchange', undefined, 'import_customs'],
    ['Out for delivery', 'out_for_delivery', 'last_mile'],
    ['Delivery attempted - no one home', 'attempt_fail', 'last_mile'],
    ['Notice Left (No Authorized Recipient Available)', 'attempt_fail', 'last_mile'],
    ['Not delivered: recipient absent', 'attempt_fail', 'last_mile'],
    ['Available for Pickup', 'available_for_pickup', 'last_mile'],
    ['Delivered, In/At Mailbox', 'delivered', 'last_mile'],
    ['Your item will be delivered tomorrow', 'in_transit', 'last_mile'],
    ['Returned to sender', 'returned', undefined],
    ['Returning to sender: refused by recipient', 'exception', undefined],
    ['Parcel damaged in transit', 'exception', undefined],
    // Chinese
    ['已揽收', undefined, 'first_mile'],
    ['【深圳】已收寄', undefined, 'first_mile'],
    ['出口报关完成', undefined, 'export_linehaul'],
    ['航班起飞', undefined, 'export_linehaul'],
    ['到达目的国，进口清关中', undefined, 'import_customs'],
    ['清关完成，交付当地承运商', undefined, 'last_mile'],
    ['派送中', 'out_for_delivery', 'last_mile'],
    ['投递失败，收件人不在', 'attempt_fail', 'last_mile'],
    ['已签收', 'delivered', 'last_mile'],
    ['包裹已退回', 'returned', undefined],
    ['包裹丢失', 'exception', undefined],
    // Spanish
    ['Admitido', undefined, 'first_mile'],
    ['Pre-registrado', 'info_received', 'first_mile'],
    ['En aduana', undefined, 'import_customs'],
    ['En reparto', 'out_for_delivery', 'last_mile'],
    ['Entrega fallida - destinatario ausente', 'attempt_fail', 'last_mile'],
    ['Disponible para recoger en oficina', 'available_for_pickup', 'last_mile'],
    ['Entregado', 'delivered', 'last_mile'],
    ['No entregado', 'attempt_fail', 'last_mile'],
    ['Devuelto al remitente', 'returned', undefined],
    // Portuguese
    ['Objeto postado', undefined, 'first_mile'],
    ['Encaminhado para fiscalização aduaneira', undefined, 'import_customs'],
    ['Fiscalização aduaneira finalizada', undefined, 'last_mile'],
    ['Aguardando pagamento', 'exception', 'import_customs'],
    ['Objeto saiu para entrega ao destinatário', 'out_for_delivery', 'last_mile'],
    ['Carteiro não atendido', 'attempt_fail', 'last_mile'],
    ['Objeto aguardando retirada no endereço indicado', 'available_for_pickup', 'last_mile'],
    ['Objeto entregue ao destinatário', 'delivered', 'last_mile'],
    ['Objeto devolvido ao remetente', 'returned', undefined],
    // French
    ['Votre colis est pris en charge par La Poste', undefined, 'first_mile'],
    ['Votre colis est en cours de dédouanement', undefined, 'import_customs'],
    ['Votre colis est en cours de livraison', 'out_for_delivery', 'last_mile'],
    ["Votre colis n'a pas pu être livré, destinataire absent", 'attempt_fail', 'last_mile'],
    ['Votre colis est disponible dans votre point de retrait', 'available_for_pickup', 'last_mile'],
    ['Votre colis est livré', 'delivered', 'last_mile'],
    ['Votre colis est retourné à l’expéditeur', 'returned', undefined],
    // Russian
    ['Присвоен трек-номер', 'info_received', 'first_mile'],
    ['Приём', undefined, 'first_mile'],
    ['Экспорт международного отправления', undefined, 'export_linehaul'],
    ['Таможенное оформление', undefined, 'import_customs'],
    ['Выпущено таможней', undefined, 'last_mile'],
    ['Прибыло в место вручения', 'available_for_pickup', 'last_mile'],
    ['Неудачная попытка вручения', 'attempt_fail', 'last_mile'],
    ['Вручение адресату', 'delivered', 'last_mile'],
    ['Возвращено отправителю', 'returned', undefined],
    ['Возврат', 'exception', undefined],
  ] as const)('%s -> %s / %s', (text, status, leg) => {
    const reading = readCheckpoint(cainiao, text);
    expect(reading.status).toBe(status);
    expect(reading.leg).toBe(leg);
  });

  it('labels bare Cainiao codes for buyers', () => {
    expect(readCheckpoint(cainiao, 'LH_DEPART').label).toBe('Departed from the departure country/region');
  });

  it('reads nothing from an empty or unknown text', () => {
    expect(readCheckpoint(cainiao, '')).toEqual({});
    expect(readCheckpoint(cainiao, 'Processing')).toEqual({});
  });

  it('uses carrier vocabulary before the shared one', () => {
    expect(readCheckpoint(resolveCarrier('Correos'), 'En oficina').status).toBe('available_for_pickup');
    expect(readCheckpoint(GENERIC_CARRIER, 'En oficina').status).toBeUndefined();
    expect(readCheckpoint(resolveCarrier('4PX'), 'Depart from facility to service provider').leg).toBe(
      'export_linehaul',
    );
  });
});
