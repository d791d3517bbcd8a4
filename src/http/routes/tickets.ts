import { z } from 'zod';
import {
  DECISION_REFUSALS,
  type DecisionRefusalCode,
  decisionRefusalStatus,
} from '../../app/decision-refusals.js';
import { AppError } from '../../app/errors.js';
import { presentTicket, presentTicketSummary } from '../../app/ticket-presenter.js';
import { getTicketView, listTickets } from '../../db/ticket-views-repo.js';
import { getTicket } from '../../db/tickets-repo.js';
import { SCOPE_FOR_ACTION } from '../../domain/shop/roles.js';
import { apiActor } from '../auth.js';
import { editLanguageMismatchDetails } from '../edit-language.js';
import { sendError } from '../errors.js';
import type { RouteErrors } from '../openapi.js';
import { parse } from '../parse.js';
import {
  correctionAnswer,
  decisionResultJson,
  documented,
  ingestAnswer,
  ticketJson,
  ticketSummaryJson,
} from '../responses.js';
import {
  categoryCorrectionBody,
  decisionBody,
  listTicketsQuery,
  postMessageBody,
  ticketIdParam,
} from '../schemas.js';
import type { RoutePlugin } from './context.js';

/** The refusals of `DECISION_REFUSALS` a route answers, by their status. */
function refusals(...codes: DecisionRefusalCode[]): RouteErrors {
  const byStatus: Record<number, string[]> = {};
  for (const code of codes) {
    const status = DECISION_REFUSALS[code].status;
    byStatus[status] = [...(byStatus[status] ?? []), code];
  }
  return byStatus;
}

const decisionAnswer = z
  .object({ ticketId: z.string(), decision: decisionResultJson })
  .meta({ description: 'the decision the ticket workflow accepted' });

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
  /**
   * The shop's ticket row alone, or 404: what a decision or a correction needs to check before it
   * goes to the workflow (one statement; the full view is five more, and they answered nothing).
   */
  const shopTicketRow = async (shopId: string, ticketId: string) => {
    const ticket = await getTicket(ctx.db, ticketId, shopId);
    if (!ticket) throw new AppError('ticket_not_found', `no ticket ${ticketId} in this shop`, 404);
    return ticket;
  };

  app.post(
    '/v1/messages',
    {
      preHandler: app.requireScope('messages:write'),
      schema: {
        summary: 'Send a buyer message',
        description:
          'Idempotent on (shop, `messageId`): a repeat answers the same ticket. A new message on an open ticket of the same (shop, `orderId`, `buyer.id`) joins it. The text is redacted before it is stored; the answer comes before any classification. Past `INTAKE_BACKLOG_LIMIT` stored messages waiting for Temporal: 503 `intake_backlog_full` with `Retry-After`, nothing stored.',
        tags: ['tickets'],
        body: postMessageBody,
        response: { 202: ingestAnswer },
        errors: { 503: ['intake_backlog_full'] },
      },
    },
    async (request, reply) => {
      const body = parse(postMessageBody, request.body, 'message');
      const result = await ctx.tickets.ingest(request.principal!.shopId, body);
      return reply.code(202).send(documented(ingestAnswer, result));
    },
  );

  app.get(
    '/v1/tickets',
    {
      preHandler: app.requireScope(SCOPE_FOR_ACTION.view),
      schema: {
        summary: 'List the shop’s tickets, newest first',
        tags: ['tickets'],
        querystring: listTicketsQuery,
        response: {
          200: z
            .object({ tickets: z.array(ticketSummaryJson), nextCursor: z.string().nullable() })
            .meta({ description: 'one page; pass `nextCursor` as `cursor` for the next' }),
        },
      },
    },
    async (request) => {
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
    },
  );

  app.get(
    '/v1/tickets/:ticketId',
    {
      preHandler: app.requireScope(SCOPE_FOR_ACTION.view),
      schema: {
        summary: 'One ticket',
        tags: ['tickets'],
        params: ticketIdParam,
        response: { 200: ticketJson },
        errors: { 404: ['ticket_not_found'] },
      },
    },
    async (request) => {
      const { ticketId } = parseTicketId(request.params);
      return documented(ticketJson, presentTicket(await shopTicket(request.principal!.shopId, ticketId)));
    },
  );

  app.post(
    '/v1/tickets/:ticketId/decision',
    {
      preHandler: app.requireScope(SCOPE_FOR_ACTION.decide),
      schema: {
        summary: 'Decide on the current draft: approve, edit, reject or escalate',
        description:
          'The same decision a chat button makes; the first decision wins and a later one gets 409 `already_decided` with `details.decided` (who, when). The actor is the token; `by` is a display name. An edit that does not read as the buyer’s language answers 422 `edit_language_mismatch` (nothing sent) until it is sent again with `confirm: true`.',
        tags: ['tickets'],
        params: ticketIdParam,
        body: decisionBody,
        response: { 200: decisionAnswer },
        errors: refusals(
          'ticket_not_found',
          'ticket_closed',
          'already_decided',
          'already_escalated',
          'draft_not_ready',
          'edit_text_required',
          'edit_text_too_long',
          'edit_language_mismatch',
        ),
      },
    },
    async (request, reply) => {
      const { ticketId } = parseTicketId(request.params);
      const body = parse(decisionBody, request.body, 'decision');
      const ticket = await shopTicketRow(request.principal!.shopId, ticketId);
      const outcome = await ctx.tickets.decide(
        ticketId,
        {
          action: body.action,
          ...(body.text !== undefined ? { text: body.text } : {}),
          // The actor is the token; `by` is only a display name (the audit log records it as a note).
          actor: { ...apiActor(request), ...(body.by ? { name: body.by } : {}) },
        },
        // An edit not in the buyer's language answers 422 until it is sent again with `confirm: true`.
        { confirmLanguage: body.confirm === true, ticket },
      );
      if (outcome.ok) {
        ctx.metrics.decisions.inc({ action: body.action, channel: 'api' });
        return reply.code(200).send(documented(decisionAnswer, { ticketId, decision: outcome.result }));
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
    {
      preHandler: app.requireScope(SCOPE_FOR_ACTION.decide),
      schema: {
        summary: 'Correct the category: the ticket is redrafted in it',
        description:
          'A new revision, still waiting for a decision (never auto-sent); the correction becomes the shop’s labelled example. Refused like a decision.',
        tags: ['tickets'],
        params: ticketIdParam,
        body: categoryCorrectionBody,
        response: { 202: correctionAnswer },
        errors: refusals(
          'ticket_not_found',
          'ticket_closed',
          'already_decided',
          'draft_not_ready',
          'category_unchanged',
          'not_a_buyer_ticket',
        ),
      },
    },
    async (request, reply) => {
      const { ticketId } = parseTicketId(request.params);
      const body = parse(categoryCorrectionBody, request.body, 'correction');
      const ticket = await shopTicketRow(request.principal!.shopId, ticketId);
      const outcome = await ctx.tickets.correctCategory(
        ticketId,
        { category: body.category, actor: apiActor(request) },
        ticket,
      );
      if (outcome.ok) {
        return reply.code(202).send(documented(correctionAnswer, { ticketId, correction: outcome.result }));
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
};
