import { ApplicationFailure } from '@temporalio/common';
import type { Logger } from 'pino';
import type { OpenSystemTicketInput } from '../../app/ticket-service.js';
import type { Db } from '../../db/client.js';
import { isErasedBuyerId } from '../../db/erasure-keys.js';
import { shipmentBuyerOf } from '../../db/shipments-repo.js';
import { getShop } from '../../db/shops-repo.js';
import type { EscalationReason } from '../../domain/logistics/escalation-notice.js';
import type { SellerLanguage } from '../../domain/shop/seller-language.js';
import type { ApprovalChannel } from '../ports.js';

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
  /** The shop's linked chats (Telegram) get escalations as plain messages when no support channel took them. */
  approvals?: ApprovalChannel | undefined;
  /** Opens the apology / pickup ticket (TicketService.openSystemTicket); absent: the action is recorded as pending. */
  openSystemTicket?:
    | ((input: OpenSystemTicketInput) => Promise<{ ticketId: string; created: boolean }>)
    | undefined;
  /** Sends an escalation to the support team (Slack); `true` when it was delivered there. */
  notifySupport?: ((notice: SupportNotice) => Promise<boolean>) | undefined;
  /** Clock for coupon grant times and monthly budgets (tests pin it); defaults to the system clock. */
  clock?: (() => Date) | undefined;
}

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

/** Reads of the shop and of the parcel's buyer that the shipment steps share. */
export function createShipmentLookups(db: Db) {
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
    const row = await shipmentBuyerOf(db, { shopId, trackingNumber });
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

  return { requireShop, shipmentBuyer, requireBuyer };
}

export type { EscalationReason };
