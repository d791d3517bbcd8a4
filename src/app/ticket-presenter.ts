import type { Ticket } from '../db/schema/index.js';
import type { getTicketView } from '../db/ticket-views-repo.js';

type TicketView = NonNullable<Awaited<ReturnType<typeof getTicketView>>>;

/** One line of `GET /v1/tickets` (and `sellerdesk tickets list`). */
export function presentTicketSummary(t: Ticket) {
  return {
    ticketId: t.id,
    orderId: t.orderId,
    status: t.status,
    language: t.language,
    category: t.category,
    confidence: t.confidence,
    urgency: t.urgency,
    sentiment: t.sentiment,
    createdAt: t.createdAt.toISOString(),
  };
}

/** The body of `GET /v1/tickets/:id` (docs/API.md, "Tickets"), shared by the API and the CLI. */
export function presentTicket(view: TicketView) {
  const { ticket, draft } = view;
  const delivery = view.deliveries[0];
  return {
    ticketId: ticket.id,
    orderId: ticket.orderId,
    status: ticket.status,
    language: ticket.language,
    category: ticket.category,
    confidence: ticket.confidence,
    urgency: ticket.urgency,
    sentiment: ticket.sentiment,
    abstained: ticket.abstained === 1,
    origin: ticket.origin,
    autoSendRule: ticket.autoSendRule,
    ...(ticket.coupon ? { coupon: ticket.coupon } : {}),
    // `draft` and `decidedBy` are plain strings, like `finalText` (docs/API.md lists them side by
    // side); the structured details sit next to them.
    draft: draft ? draft.text : null,
    draftDetails: draft
      ? {
          revision: draft.revision,
          source: draft.source,
          templateId: draft.templateId,
          templateVersion: draft.templateVersion,
          note: draft.note,
        }
      : null,
    ...(ticket.finalText !== null ? { finalText: ticket.finalText } : {}),
    ...(ticket.decidedBy
      ? {
          decidedBy: ticket.decidedBy.name ?? ticket.decidedBy.id,
          decidedByActor: ticket.decidedBy,
          decidedAt: ticket.decidedAt?.toISOString(),
        }
      : {}),
    delivery: delivery
      ? {
          state: delivery.state,
          attempts: delivery.attempts,
          target: delivery.target,
          idempotencyKey: delivery.idempotencyKey,
          deliveredAt: delivery.deliveredAt?.toISOString() ?? null,
        }
      : null,
    createdAt: ticket.createdAt.toISOString(),
    events: view.events.map((e) => ({ at: e.at.toISOString(), kind: e.kind, details: e.details })),
  };
}

/** A ticket as the API presents it. */
export type TicketJson = ReturnType<typeof presentTicket>;
