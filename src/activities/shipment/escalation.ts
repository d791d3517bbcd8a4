import { listTelegramChats } from '../../db/shops-repo.js';
import { resolveCarrier } from '../../domain/logistics/carriers.js';
import { ESCALATION_TEXT, type EscalationFacts } from '../../domain/logistics/escalation-notice.js';
import { checkpointText } from '../../domain/logistics/stall.js';
import type { Leg } from '../../domain/logistics/types.js';
import {
  createShipmentLookups,
  type EscalationReason,
  type ShipmentActivityDeps,
  type ShipmentFacts,
} from './deps.js';

/** A parcel in trouble told to the support team (Slack) or the shop's Telegram chats. */
export function createEscalationActivities(deps: ShipmentActivityDeps) {
  const { db, logger } = deps;
  const { requireShop } = createShipmentLookups(db);

  return {
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
      const approvals = deps.approvals;
      if (!approvals) return { notified: 0, channels: [] };
      const chats = await listTelegramChats(db, input.shopId);
      for (const chat of chats) {
        const language = chat.language ?? shop.sellerLanguage;
        await approvals.notify(chat.chatId, ESCALATION_TEXT[language](facts));
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
      return { notified: chats.length, channels: chats.length > 0 ? [approvals.cardChannel] : [] };
    },
  };
}
