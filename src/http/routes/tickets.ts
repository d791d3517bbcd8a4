import { decisionRefusalStatus } from '../../app/decision-refusals.js';
import { AppError } from '../../app/errors.js';
import { presentTicket, presentTicketSummary } from '../../app/ticket-presenter.js';
import { getTicketView, listTickets } from '../../db/ticket-views-repo.js';
import { SCOPE_FOR_ACTION } from '../../domain/shop/roles.js';
import { apiActor } from '../auth.js';
import { editLanguageMismatchDetails } from '../edit-language.js';
import { sendError } from '../errors.js';
import { parse } from '../parse.js';
import {
  categoryCorrectionBody,
  decisionBody,
  listTicketsQuery,
  postMessageBody,
  ticketIdParam,
} from '../schemas.js';
import type { RoutePlugin } from './context.js';

function parseTicketId(params: unknown): { ticketId: string } {
  const result = ticketIdParam.safeParse(params);
  if (!result.success) throw new AppError('ticket_not_found', 'no such ticket', 404);
  return result.data;
}

/**
 * Buyer messages in (`POST /v1/messages`), the shop's tickets out (`GET /v1/tickets`, `GET
 * /v1/tickets/:ticketId`), the seller's decision (`POST /v1/tickets/:ticketId/decision`), the
 * same one a chat button makes, and the seller's category correction (`POST
 * /v1/tickets/:ticketId/category`); a refusal answers with the status of `DECISION_REFUSALS`.
 */
export const ticketRoutes: RoutePlugin = async (app, ctx) => {
  /** The shop's ticket, or 404 (another shop's id finds nothing). */
  const shopTicket = async (shopId: string, ticketId: string) => {
    const view = await getTicketView(ctx.db, shopId, ticketId);
    if (!view) throw new AppError('ticket_not_found', `no ticket ${ticketId} in this shop`, 404);
    return view;
  };

  app.post('/v1/messages', { preHandler: app.requireScope('messages:write') }, async (request, reply) => {
    const body = parse(postMessageBody, request.body, 'message');
    const result = await ctx.tickets.ingest(request.principal!.shopId, body);
    return reply.code(202).send(result);
  });

  app.get('/v1/tickets', { preHandler: app.requireScope(SCOPE_FOR_ACTION.view) }, async (request) => {
    const query = parse(listTicketsQuery, request.query, 'query');
    const page = await listTickets(ctx.db, request.principal!.shopId, {
      status: query.status,
      cursor: query.cursor,
      limit: query.limit ?? 50,
    });
    return {
      tickets: page.tickets.map(presentTicketSummary),
      nextCursor: page.nextCursor,
    };
  });

  app.get(
    '/v1/tickets/:ticketId',
    { preHandler: app.requireScope(SCOPE_FOR_ACTION.view) },
    async (request) => {
      const { ticketId } = parseTicketId(request.params);
      return presentTicket(await shopTicket(request.principal!.shopId, ticketId));
    },
  );

  app.post(
    '/v1/tickets/:ticketId/decision',
    { preHandler: app.requireScope(SCOPE_FOR_ACTION.decide) },
    async (request, reply) => {
      const { ticketId } = parseTicketId(request.params);
      const body = parse(decisionBody, request.body, 'decision');
      await shopTicket(request.principal!.shopId, ticketId);
      const outcome = await ctx.tickets.decide(
        ticketId,
        {
          action: body.action,
          ...(body.text !== undefined ? { text: body.text } : {}),
          // The actor is the token; `by` is only a display name (the audit log records it as a note).
          actor: { ...apiActor(request), ...(body.by ? { name: body.by } : {}) },
        },
        // An edit not in the buyer's language answers 422 until it is sent again with `confirm: true`.
        { confirmLanguage: body.confirm === true },
      );
      if (outcome.ok) {
        ctx.metrics.decisions.inc({ action: body.action, channel: 'api' });
        return reply.code(200).send({ ticketId, decision: outcome.result });
      }
      if (outcome.hold) {
        const shopId = request.principal!.shopId;
        const details = await editLanguageMismatchDetails(
          ctx.db,
          ctx.templates.renderer,
          shopId,
          outcome.hold,
        );
        return sendError(reply, decisionRefusalStatus(outcome.code), outcome.code, outcome.message, details);
      }
      return sendError(
        reply,
        decisionRefusalStatus(outcome.code),
        outcome.code,
        outcome.message,
        outcome.decided ? { decided: outcome.decided } : undefined,
      );
    },
  );

  // The seller corrects the category: the ticket is redrafted in it (a new revision, still waiting
  // for a decision: 202) and the correction becomes the shop's labelled example. Refused like a
  // decision: 404 `ticket_not_found`, 409 `already_decided` (with `details.decided`),
  // `ticket_closed`, `draft_not_ready`, `category_unchanged`, `not_a_buyer_ticket`.
  app.post(
    '/v1/tickets/:ticketId/category',
    { preHandler: app.requireScope(SCOPE_FOR_ACTION.decide) },
    async (request, reply) => {
      const { ticketId } = parseTicketId(request.params);
      const body = parse(categoryCorrectionBody, request.body, 'correction');
      await shopTicket(request.principal!.shopId, ticketId);
      const outcome = await ctx.tickets.correctCategory(ticketId, {
        category: body.category,
        actor: apiActor(request),
      });
      if (outcome.ok) return reply.code(202).send({ ticketId, correction: outcome.result });
      return sendError(
        reply,
        decisionRefusalStatus(outcome.code),
        outcome.code,
        outcome.message,
        outcome.decided ? { decided: outcome.decided } : undefined,
      );
    },
  );
};
