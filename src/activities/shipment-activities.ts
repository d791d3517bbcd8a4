import { randomInt } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import { and, desc, eq, gte, isNotNull, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { CouponGrant, TicketPreset } from '../../workflows/definitions.js';
import type { OpenSystemTicketInput } from '../app/ticket-service.js';
import type { TelegramCards } from '../channels/telegram/notifier.js';
import type { Db } from '../db/client.js';
import { isErasedBuyerId } from '../db/erasure-repo.js';
import { coupons, shipments, shops, tickets } from '../db/schema/index.js';
import { getShop, listTelegramChats } from '../db/shops-repo.js';
import { resolveCarrier } from '../domain/logistics/carriers.js';
import { decideCoupon, fromMinorUnits } from '../domain/logistics/coupon.js';
import { checkpointText, type WatchAction } from '../domain/logistics/stall.js';
import type { Leg, TrackingEvent } from '../domain/logistics/types.js';
import type { SellerLanguage } from '../domain/seller-language.js';
import { effectiveSettings } from '../domain/settings.js';
import { isLanguage, type Language } from '../domain/types.js';

/** A message for the support team about a parcel (Slack when configured). */
export interface SupportNotice {
  shopId: string;
  kind: 'shipment_escalation';
  trackingNumber: string;
  orderId: string;
  reason: EscalationReason;
  text: string;
  /** The shop's seller language, which `text` is written in. */
  language: SellerLanguage;
}

/** Everything the shipment activities need; every integration optional. */
export interface ShipmentActivityDeps {
  db: Db;
  logger: Logger;
  /** Telegram chats of the shop get escalations as plain messages when no support channel took them. */
  telegram?: TelegramCards | undefined;
  /** Opens the apology / pickup ticket (TicketService.openSystemTicket); absent: the action is recorded as pending. */
  openSystemTicket?:
    | ((input: OpenSystemTicketInput) => Promise<{ ticketId: string; created: boolean }>)
    | undefined;
  /** Sends an escalation to the support team (Slack); `true` when it was delivered there. */
  notifySupport?: ((notice: SupportNotice) => Promise<boolean>) | undefined;
  /** Clock for coupon grant times and monthly budgets (tests pin it); defaults to the system clock. */
  clock?: (() => Date) | undefined;
}

/** Why a parcel goes to the support team. */
export type EscalationReason = 'stall' | 'exception' | 'returned';

/**
 * Facts every shipment activity gets from the watch: ids and carrier facts, never the buyer (kept
 * out of Temporal histories; activities read the buyer from the `shipments` row).
 */
export interface ShipmentFacts {
  shopId: string;
  trackingNumber: string;
  orderId: string;
  carrier: string;
}

/** The watch's state mirrored into `shipments` (what `GET /v1/shipments/:trackingNumber` reads). */
export interface ShipmentSnapshot extends ShipmentFacts {
  state: string;
  leg: Leg;
  lastEventAt: string | null;
  stalledSince: string | null;
  events: TrackingEvent[];
  actions: WatchAction[];
}

/** Outcome of `grantCoupon`; only `granted` carries a coupon. */
export type CouponOutcome =
  | { status: 'granted'; coupon: CouponGrant }
  | { status: 'already_granted' | 'budget_exhausted' | 'no_value' | 'buyer_erased' };

/** Outcome of opening an apology or pickup ticket. */
export type TicketOpening =
  | {
      status: 'opened';
      ticketId: string;
      created: boolean;
      autoSend: boolean;
      language: Language;
      templateId: string;
    }
  | { status: 'pending_ticket_support' }
  /** The parcel's buyer was erased: sellerdesk no longer writes to them. */
  | { status: 'buyer_erased' };

/** Template of the stall apology that offers a coupon (catalogue `stall_compensation`). */
export const STALL_APOLOGY_TEMPLATE = 'logistics.stall_apology';
/** Template of the stall apology without a coupon (budget exhausted, coupon already given). */
export const DELAY_UPDATE_TEMPLATE = 'logistics.delay_update';
/** Template of the pickup reminder. */
export const PICKUP_TEMPLATE = 'logistics.ready_for_pickup';

// Unambiguous characters for codes a buyer types (no 0/O, 1/I/L).
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

function newCouponCode(): string {
  let code = 'SD-';
  for (let i = 0; i < 10; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

function buyerLanguage(locale: string | undefined, fallback: Language): Language {
  const code = locale?.trim().toLowerCase().split(/[-_]/)[0];
  return isLanguage(code) ? code : fallback;
}

const LEG_NAMES: Record<SellerLanguage, Record<Leg, string>> = {
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

type EscalationFacts = {
  reason: EscalationReason;
  trackingNumber: string;
  orderId: string;
  carrier: string;
  leg: Leg;
  days: number;
  lastCheckpoint: string;
};

const ESCALATION_TEXT: Record<SellerLanguage, (f: EscalationFacts) => string> = {
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

/** Activities of the shipment watch: thin load -> domain -> persist -> notify steps. */
export function createShipmentActivities(deps: ShipmentActivityDeps) {
  const { db, logger } = deps;
  const clock = deps.clock ?? (() => new Date());

  async function requireShop(shopId: string) {
    const shop = await getShop(db, shopId);
    if (!shop) throw ApplicationFailure.nonRetryable('the shop no longer exists', 'shop_not_found');
    return shop;
  }

  /** The parcel's buyer as `POST /v1/tracking` stored it; `erased` once that buyer was erased. */
  async function shipmentBuyer(
    shopId: string,
    trackingNumber: string,
  ): Promise<{ erased: true } | { erased: false; buyerId: string; buyerLocale?: string } | null> {
    const [row] = await db
      .select({ buyerId: shipments.buyerId, buyerLocale: shipments.buyerLocale })
      .from(shipments)
      .where(and(eq(shipments.shopId, shopId), eq(shipments.trackingNumber, trackingNumber)))
      .limit(1);
    if (!row) return null;
    if (isErasedBuyerId(row.buyerId)) return { erased: true };
    return {
      erased: false,
      buyerId: row.buyerId,
      ...(row.buyerLocale ? { buyerLocale: row.buyerLocale } : {}),
    };
  }

  async function requireBuyer(shopId: string, trackingNumber: string) {
    const buyer = await shipmentBuyer(shopId, trackingNumber);
    if (!buyer)
      throw ApplicationFailure.nonRetryable('no shipments row for this parcel', 'shipment_not_found');
    return buyer;
  }

  return {
    /**
     * Mirrors a watch's state into its `shipments` row (the whole snapshot: idempotent). The row,
     * with its buyer, is created by `POST /v1/tracking` before the watch starts.
     */
    async saveShipmentState(snapshot: ShipmentSnapshot): Promise<void> {
      const values = {
        orderId: snapshot.orderId,
        carrier: snapshot.carrier,
        state: snapshot.state,
        leg: snapshot.leg,
        lastEventAt: snapshot.lastEventAt ? new Date(snapshot.lastEventAt) : null,
        stalledSince: snapshot.stalledSince ? new Date(snapshot.stalledSince) : null,
        events: snapshot.events,
        actions: snapshot.actions,
        updatedAt: new Date(),
      };
      const updated = await db
        .update(shipments)
        .set(values)
        .where(
          and(eq(shipments.shopId, snapshot.shopId), eq(shipments.trackingNumber, snapshot.trackingNumber)),
        )
        .returning({ trackingNumber: shipments.trackingNumber });
      if (updated.length === 0) {
        logger.warn(
          { shopId: snapshot.shopId, trackingNumber: snapshot.trackingNumber },
          'no shipments row for this watch: its state is not mirrored',
        );
      }
    },

    /**
     * Grants the stall coupon of an order: one per (shop, order), valued by the shop's policy and
     * refused when it would overdraw the month's budget. A retry of the same grant returns it again.
     */
    async grantCoupon(input: ShipmentFacts & { episode: string; daysLate: number }): Promise<CouponOutcome> {
      const reason = `stall:${input.trackingNumber}:${input.episode}`;
      if ((await shipmentBuyer(input.shopId, input.trackingNumber))?.erased)
        return { status: 'buyer_erased' };
      return db.transaction(async (tx) => {
        // The shop row lock serialises grants of one shop, so the monthly budget holds.
        const [shop] = await tx.select().from(shops).where(eq(shops.id, input.shopId)).for('update').limit(1);
        if (!shop) throw ApplicationFailure.nonRetryable('the shop no longer exists', 'shop_not_found');
        const [existing] = await tx
          .select()
          .from(coupons)
          .where(and(eq(coupons.shopId, input.shopId), eq(coupons.orderId, input.orderId)))
          .limit(1);
        if (existing) {
          if (existing.reason !== reason) return { status: 'already_granted' as const };
          return {
            status: 'granted' as const,
            coupon: {
              code: existing.code,
              value: fromMinorUnits(existing.value, existing.currency),
              currency: existing.currency,
            },
          };
        }
        const policy = effectiveSettings(shop.settings).coupon;
        const now = clock();
        const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
        const [spent] = await tx
          .select({ minor: sql<number>`coalesce(sum(${coupons.value}), 0)::int` })
          .from(coupons)
          .where(
            and(
              eq(coupons.shopId, input.shopId),
              eq(coupons.currency, policy.currency),
              gte(coupons.grantedAt, monthStart),
            ),
          );
        const [order] = await tx
          .select({ order: tickets.order })
          .from(tickets)
          .where(
            and(
              eq(tickets.shopId, input.shopId),
              eq(tickets.orderId, input.orderId),
              isNotNull(sql`${tickets.order}->>'total'`),
            ),
          )
          .orderBy(desc(tickets.createdAt))
          .limit(1);
        const orderTotal =
          order?.order.currency === policy.currency && typeof order.order.total === 'number'
            ? order.order.total
            : undefined;
        const decision = decideCoupon(policy, input.daysLate, Number(spent?.minor ?? 0), orderTotal);
        if (!decision.grant) {
          logger.info(
            { shopId: input.shopId, orderId: input.orderId, reason: decision.reason },
            'stall coupon not granted',
          );
          return { status: decision.reason };
        }
        const code = newCouponCode();
        await tx.insert(coupons).values({
          code,
          shopId: input.shopId,
          orderId: input.orderId,
          trackingNumber: input.trackingNumber,
          value: decision.valueMinor,
          currency: decision.currency,
          reason,
          grantedAt: now,
        });
        return {
          status: 'granted' as const,
          coupon: { code, value: decision.value, currency: decision.currency },
        };
      });
    },

    /**
     * Opens the stall apology ticket (once per stall episode): `logistics.stall_apology` with the
     * coupon, `logistics.delay_update` without one; auto-sent when the shop opted in.
     */
    async openStallTicket(
      input: ShipmentFacts & {
        episode: string;
        leg: Leg;
        daysSinceUpdate: number;
        lastCheckpoint: string;
        lastEventAt?: string | null;
        coupon?: CouponGrant;
      },
    ): Promise<TicketOpening> {
      if (!deps.openSystemTicket) return { status: 'pending_ticket_support' };
      const buyer = await requireBuyer(input.shopId, input.trackingNumber);
      if (buyer.erased) return { status: 'buyer_erased' };
      const shop = await requireShop(input.shopId);
      const settings = effectiveSettings(shop.settings);
      const language = buyerLanguage(buyer.buyerLocale, shop.defaultLanguage);
      const lastCheckpoint = checkpointText(resolveCarrier(input.carrier), {
        description: input.lastCheckpoint,
      });
      const templateId = input.coupon ? STALL_APOLOGY_TEMPLATE : DELAY_UPDATE_TEMPLATE;
      const preset: TicketPreset = {
        templateId,
        category: 'not_received',
        language,
        vars: {
          orderId: input.orderId,
          trackingNumber: input.trackingNumber,
          carrier: input.carrier,
          daysSinceUpdate: input.daysSinceUpdate,
          ...(lastCheckpoint ? { lastCheckpoint } : {}),
          ...(lastCheckpoint && input.lastEventAt ? { lastCheckpointAt: input.lastEventAt } : {}),
          ...(input.coupon
            ? {
                couponCode: input.coupon.code,
                couponValue: input.coupon.value,
                couponCurrency: input.coupon.currency,
              }
            : {}),
        },
        ...(input.coupon ? { coupon: input.coupon } : {}),
        autoSend: settings.logistics.autoApology,
        reason: `Tracking stalled: no update for ${input.daysSinceUpdate} day(s) on the ${LEG_NAMES.en[input.leg]} leg (${input.carrier} ${input.trackingNumber}).`,
      };
      const opened = await deps.openSystemTicket({
        shopId: input.shopId,
        orderId: input.orderId,
        buyerId: buyer.buyerId,
        ...(buyer.buyerLocale ? { buyerLocale: buyer.buyerLocale } : {}),
        dedupeKey: `stall:${input.trackingNumber}:${input.episode}`,
        preset,
      });
      return { status: 'opened', ...opened, autoSend: preset.autoSend, language, templateId };
    },

    /** Opens the pickup reminder ticket (`logistics.ready_for_pickup`), once per parcel. */
    async openPickupReminder(
      input: ShipmentFacts & { at: string; lastCheckpoint: string; location?: string },
    ): Promise<TicketOpening> {
      if (!deps.openSystemTicket) return { status: 'pending_ticket_support' };
      const buyer = await requireBuyer(input.shopId, input.trackingNumber);
      if (buyer.erased) return { status: 'buyer_erased' };
      const shop = await requireShop(input.shopId);
      const settings = effectiveSettings(shop.settings);
      const language = buyerLanguage(buyer.buyerLocale, shop.defaultLanguage);
      const preset: TicketPreset = {
        templateId: PICKUP_TEMPLATE,
        category: 'shipping_inquiry',
        language,
        vars: {
          orderId: input.orderId,
          trackingNumber: input.trackingNumber,
          carrier: input.carrier,
          ...(input.location ? { pickupLocation: input.location } : {}),
        },
        autoSend: settings.logistics.autoApology,
        reason: `Parcel ready for pickup (${input.carrier} ${input.trackingNumber}).`,
      };
      const opened = await deps.openSystemTicket({
        shopId: input.shopId,
        orderId: input.orderId,
        buyerId: buyer.buyerId,
        ...(buyer.buyerLocale ? { buyerLocale: buyer.buyerLocale } : {}),
        dedupeKey: `pickup:${input.trackingNumber}`,
        preset,
      });
      return {
        status: 'opened',
        ...opened,
        autoSend: preset.autoSend,
        language,
        templateId: PICKUP_TEMPLATE,
      };
    },

    /**
     * Tells the support team about a parcel in trouble: the support channel (Slack) when it takes
     * the notice, else every linked Telegram chat of the shop as a plain message in its language.
     */
    async escalateShipment(
      input: ShipmentFacts & {
        reason: EscalationReason;
        silentHours: number;
        lastCheckpoint: string;
        lastEventAt: string | null;
        leg: Leg;
      },
    ): Promise<{ notified: number; channels: string[] }> {
      const shop = await requireShop(input.shopId);
      const facts: EscalationFacts = {
        reason: input.reason,
        trackingNumber: input.trackingNumber,
        orderId: input.orderId,
        carrier: input.carrier,
        leg: input.leg,
        days: Math.floor(input.silentHours / 24),
        lastCheckpoint: checkpointText(resolveCarrier(input.carrier), { description: input.lastCheckpoint }),
      };
      if (deps.notifySupport) {
        const taken = await deps.notifySupport({
          shopId: input.shopId,
          kind: 'shipment_escalation',
          trackingNumber: input.trackingNumber,
          orderId: input.orderId,
          reason: input.reason,
          text: ESCALATION_TEXT[shop.sellerLanguage](facts),
          language: shop.sellerLanguage,
        });
        if (taken) return { notified: 1, channels: ['support'] };
      }
      const telegram = deps.telegram;
      if (!telegram) return { notified: 0, channels: [] };
      const chats = await listTelegramChats(db, input.shopId);
      for (const chat of chats) {
        const language = chat.language ?? shop.sellerLanguage;
        await telegram.sendCard(chat.chatId, ESCALATION_TEXT[language](facts), null);
      }
      logger.info(
        {
          shopId: input.shopId,
          trackingNumber: input.trackingNumber,
          reason: input.reason,
          chats: chats.length,
        },
        'shipment escalated',
      );
      return { notified: chats.length, channels: chats.length > 0 ? ['telegram'] : [] };
    },
  };
}

/** The activity functions as the shipment watch sees them (type-only import there). */
export type ShipmentActivities = ReturnType<typeof createShipmentActivities>;
