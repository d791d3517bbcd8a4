import { ApplicationFailure } from '@temporalio/common';
import { ensureDelivery, markDelivered, recordDeliveryAttempt } from '../../db/deliveries-repo.js';
import { getTicketWithDraft } from '../../db/drafts-repo.js';
import { meter } from '../../db/usage-repo.js';
import { closedTicketFailure, type TicketActivityDeps } from './deps.js';

/** Delivery of a decided reply to the marketplace, exactly once per revision. */
export function createDeliveryActivities(deps: TicketActivityDeps) {
  const { db, outbound, logger } = deps;

  return {
    /**
     * Delivers the decided reply exactly once per (ticketId, revision): the ledger row is created
     * first, a delivered row is never sent again, and the receiver dedupes on the idempotency key.
     */
    async deliverReply(input: { ticketId: string; revision: number }): Promise<{ state: 'delivered' }> {
      const found = await getTicketWithDraft(db, input.ticketId, input.revision);
      if (!found) throw ApplicationFailure.nonRetryable('ticket vanished', 'ticket_not_found');
      const { ticket, draft: sent } = found;
      // Defense in depth: a closed or erased ticket never sends, whatever its workflow believes.
      if (ticket.status === 'closed' || ticket.erasedAt) throw closedTicketFailure();
      // The decided revision's draft is what the seller saw on the card: its text (the approved draft
      // or the seller's edit) and the coupon stored with it go out together, from that one row.
      const text = sent?.text || ticket.finalText;
      if (!text) throw ApplicationFailure.nonRetryable('no reply text to deliver', 'empty_reply');
      const coupon = sent ? sent.coupon : ticket.coupon;
      const idempotencyKey = `${ticket.id}:${input.revision}`;
      const destination = await outbound.destinationFor(ticket.shopId);
      const row = await ensureDelivery(db, {
        ticketId: ticket.id,
        revision: input.revision,
        target: destination.target,
        payload: {
          shopId: ticket.shopId,
          ticketId: ticket.id,
          orderId: ticket.orderId,
          buyerId: ticket.buyerId,
          language: ticket.language ?? 'en',
          text,
          ...(coupon ? { coupon } : {}),
          idempotencyKey,
        },
      });
      if (row.state === 'delivered') return { state: 'delivered' };
      // Read again with the ledger row, right before the POST: an erasure may have closed the
      // ticket meanwhile.
      if (!row.maySend) throw closedTicketFailure();
      const result = await outbound.send({ ...row.payload, shopId: ticket.shopId }, destination);
      if (!result.ok) {
        await recordDeliveryAttempt(db, idempotencyKey, result.error);
        deps.metrics?.deliveries.inc({ target: destination.target, result: 'retry' });
        logger.warn(
          { ticketId: ticket.id, idempotencyKey, status: result.status, error: result.error },
          'delivery failed, will retry',
        );
        throw ApplicationFailure.retryable(`delivery failed: ${result.error}`, 'delivery_failed');
      }
      await markDelivered(db, idempotencyKey, ticket.id, {
        event: {
          details: { revision: input.revision, target: destination.target },
          dedupeKey: `delivered:${input.revision}`,
        },
        audit: {
          shopId: ticket.shopId,
          details: { idempotencyKey, target: destination.target, coupon: coupon ?? null },
          dedupeKey: `sent:${idempotencyKey}`,
        },
      });
      if (ticket.status === 'auto_sent') await meter(db, ticket.shopId, 'auto_sent');
      deps.metrics?.deliveries.inc({ target: destination.target, result: 'delivered' });
      logger.info({ ticketId: ticket.id, idempotencyKey, target: destination.target }, 'reply delivered');
      return { state: 'delivered' };
    },
  };
}
