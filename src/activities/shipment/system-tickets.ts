import type { CouponGrant, TicketPreset } from '../../../workflows/contracts/ticket.js';
import { resolveCarrier } from '../../domain/logistics/carriers.js';
import { LEG_NAMES } from '../../domain/logistics/escalation-notice.js';
import { stallApologyKey } from '../../domain/logistics/followup.js';
import { checkpointText } from '../../domain/logistics/stall.js';
import type { Leg } from '../../domain/logistics/types.js';
import { effectiveSettings } from '../../domain/shop/settings.js';
import { isLanguage, type Language } from '../../domain/types.js';
import { createShipmentLookups, type ShipmentActivityDeps, type ShipmentFacts } from './deps.js';

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

function buyerLanguage(locale: string | undefined, fallback: Language): Language {
  const code = locale?.trim().toLowerCase().split(/[-_]/)[0];
  return isLanguage(code) ? code : fallback;
}

/** The tickets a parcel opens by itself: the stall apology and the pickup reminder. */
export function createSystemTicketActivities(deps: ShipmentActivityDeps) {
  const { requireShop, requireBuyer } = createShipmentLookups(deps.db);

  /**
   * Opens a system ticket for the parcel's buyer, in the buyer's language, with the preset `build`
   * makes (the shop's auto-apology opt-in decides auto-send): pending when ticket support is not
   * wired, nothing for an erased buyer.
   */
  async function openForBuyer(
    input: ShipmentFacts,
    dedupeKey: string,
    build: (language: Language, autoSend: boolean) => TicketPreset,
  ): Promise<TicketOpening> {
    const openSystemTicket = deps.openSystemTicket;
    if (!openSystemTicket) return { status: 'pending_ticket_support' };
    const buyer = await requireBuyer(input.shopId, input.trackingNumber);
    if (buyer.erased) return { status: 'buyer_erased' };
    const shop = await requireShop(input.shopId);
    const settings = effectiveSettings(shop.settings);
    const language = buyerLanguage(buyer.buyerLocale, shop.defaultLanguage);
    const preset = build(language, settings.logistics.autoApology);
    const opened = await openSystemTicket({
      shopId: input.shopId,
      orderId: input.orderId,
      buyerId: buyer.buyerId,
      ...(buyer.buyerLocale ? { buyerLocale: buyer.buyerLocale } : {}),
      dedupeKey,
      preset,
    });
    return {
      status: 'opened',
      ...opened,
      autoSend: preset.autoSend,
      language,
      templateId: preset.templateId,
    };
  }

  return {
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
      return openForBuyer(
        input,
        stallApologyKey(input.trackingNumber, input.episode),
        (language, autoSend) => {
          const lastCheckpoint = checkpointText(resolveCarrier(input.carrier), {
            description: input.lastCheckpoint,
          });
          return {
            templateId: input.coupon ? STALL_APOLOGY_TEMPLATE : DELAY_UPDATE_TEMPLATE,
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
            autoSend,
            reason: `Tracking stalled: no update for ${input.daysSinceUpdate} day(s) on the ${LEG_NAMES.en[input.leg]} leg (${input.carrier} ${input.trackingNumber}).`,
          };
        },
      );
    },

    /** Opens the pickup reminder ticket (`logistics.ready_for_pickup`), once per parcel. */
    async openPickupReminder(
      input: ShipmentFacts & { at: string; lastCheckpoint: string; location?: string },
    ): Promise<TicketOpening> {
      return openForBuyer(input, `pickup:${input.trackingNumber}`, (language, autoSend) => ({
        templateId: PICKUP_TEMPLATE,
        category: 'shipping_inquiry',
        language,
        vars: {
          orderId: input.orderId,
          trackingNumber: input.trackingNumber,
          carrier: input.carrier,
          ...(input.location ? { pickupLocation: input.location } : {}),
        },
        autoSend,
        reason: `Parcel ready for pickup (${input.carrier} ${input.trackingNumber}).`,
      }));
    },
  };
}
