/**
 * The seller-facing notice about a parcel that needs the support team, in the seller's language;
 * posted as is to Slack or to the shop's Telegram chats.
 */
import type { SellerLanguage } from '../shop/seller-language.js';
import type { Leg } from './types.js';

/** Why a parcel goes to the support team. */
export type EscalationReason = 'stall' | 'exception' | 'returned';

/** Names of the legs of a parcel's journey in each seller language. */
export const LEG_NAMES: Record<SellerLanguage, Record<Leg, string>> = {
  en: {
    first_mile: 'first mile',
    export_linehaul: 'export / linehaul',
    import_customs: 'import customs',
    last_mile: 'last mile',
  },
  es: {
    first_mile: 'primera milla',
    export_linehaul: 'exportación / transporte',
    import_customs: 'aduana de importación',
    last_mile: 'última milla',
  },
  fr: {
    first_mile: 'premier kilomètre',
    export_linehaul: 'export / acheminement',
    import_customs: "douane d'import",
    last_mile: 'dernier kilomètre',
  },
  ru: {
    first_mile: 'первая миля',
    export_linehaul: 'экспорт / магистраль',
    import_customs: 'импортная таможня',
    last_mile: 'последняя миля',
  },
  pt: {
    first_mile: 'primeira milha',
    export_linehaul: 'exportação / transporte',
    import_customs: 'alfândega de importação',
    last_mile: 'última milha',
  },
  'zh-CN': {
    first_mile: '头程',
    export_linehaul: '出口 / 干线运输',
    import_customs: '进口清关',
    last_mile: '尾程派送',
  },
};

/** What the notice says about the parcel. */
export type EscalationFacts = {
  reason: EscalationReason;
  trackingNumber: string;
  orderId: string;
  carrier: string;
  leg: Leg;
  days: number;
  lastCheckpoint: string;
};

/** The notice text per seller language. */
export const ESCALATION_TEXT: Record<SellerLanguage, (f: EscalationFacts) => string> = {
  en: (f) =>
    `Parcel needs attention: ${f.carrier} ${f.trackingNumber} (order ${f.orderId}). ` +
    (f.reason === 'stall'
      ? `No tracking update for ${f.days} day(s) (${LEG_NAMES.en[f.leg]}).`
      : f.reason === 'returned'
        ? 'It is being returned to the sender.'
        : 'The carrier reports a problem.') +
    (f.lastCheckpoint ? ` Last checkpoint: ${f.lastCheckpoint}` : ''),
  es: (f) =>
    `Envío que requiere atención: ${f.carrier} ${f.trackingNumber} (pedido ${f.orderId}). ` +
    (f.reason === 'stall'
      ? `Sin actualización de seguimiento desde hace ${f.days} día(s) (${LEG_NAMES.es[f.leg]}).`
      : f.reason === 'returned'
        ? 'Se está devolviendo al remitente.'
        : 'El transportista informa de un problema.') +
    (f.lastCheckpoint ? ` Último evento: ${f.lastCheckpoint}` : ''),
  fr: (f) =>
    `Colis à surveiller : ${f.carrier} ${f.trackingNumber} (commande ${f.orderId}). ` +
    (f.reason === 'stall'
      ? `Aucune mise à jour du suivi depuis ${f.days} jour(s) (${LEG_NAMES.fr[f.leg]}).`
      : f.reason === 'returned'
        ? "Il est renvoyé à l'expéditeur."
        : 'Le transporteur signale un problème.') +
    (f.lastCheckpoint ? ` Dernier événement : ${f.lastCheckpoint}` : ''),
  ru: (f) =>
    `Посылка требует внимания: ${f.carrier} ${f.trackingNumber} (заказ ${f.orderId}). ` +
    (f.reason === 'stall'
      ? `Нет обновлений отслеживания уже ${f.days} дн. (${LEG_NAMES.ru[f.leg]}).`
      : f.reason === 'returned'
        ? 'Посылка возвращается отправителю.'
        : 'Перевозчик сообщает о проблеме.') +
    (f.lastCheckpoint ? ` Последний статус: ${f.lastCheckpoint}` : ''),
  pt: (f) =>
    `Encomenda que precisa de atenção: ${f.carrier} ${f.trackingNumber} (pedido ${f.orderId}). ` +
    (f.reason === 'stall'
      ? `Sem atualização de rastreamento há ${f.days} dia(s) (${LEG_NAMES.pt[f.leg]}).`
      : f.reason === 'returned'
        ? 'Está sendo devolvida ao remetente.'
        : 'A transportadora informa um problema.') +
    (f.lastCheckpoint ? ` Último evento: ${f.lastCheckpoint}` : ''),
  'zh-CN': (f) =>
    `包裹需要处理：${f.carrier} ${f.trackingNumber}（订单 ${f.orderId}）。` +
    (f.reason === 'stall'
      ? `物流已停滞，${f.days} 天没有轨迹更新（${LEG_NAMES['zh-CN'][f.leg]}）。`
      : f.reason === 'returned'
        ? '包裹正在退回发件人。'
        : '承运商报告包裹异常。') +
    (f.lastCheckpoint ? `最新轨迹：${f.lastCheckpoint}` : ''),
};
