import { AppError } from '../../app/errors.js';
import { getTicket } from '../../db/tickets-repo.js';
import { SCOPE_FOR_ACTION } from '../../domain/shop/roles.js';
import { parse } from '../parse.js';
import { categoryCorrectionBody, ticketIdParam } from '../schemas.js';
import type { RouteModule } from './context.js';

/** HTTP status of each refusal of a correction; anything else a workflow refuses with is a 400. */
const REFUSAL_STATUS: Record<string, number> = {
  ticket_not_found: 404,
  ticket_closed: 409,
  already_decided: 409,
  draft_not_ready: 409,
  category_unchanged: 409,
  not_a_buyer_ticket: 409,
};

/**
 * `POST /v1/tickets/:ticketId/category {category}` (scope `tickets:write`): the seller corrects
 * the category. The ticket is redrafted in it (a new revision, still waiting for a decision: 202)
 * and the correction becomes the shop's labelled example. Refusals carry a code: 404
 * `ticket_not_found`, 409 `already_decided` (with `details.decided`), `ticket_closed`,
 * `draft_not_ready`, `category_unchanged`, `not_a_buyer_ticket`; a bad body is a 400.
 */
export const correctionRoutes: RouteModule = (app, ctx) => {
  app.post(
    '/v1/tickets/:ticketId/category',
    { preHandler: ctx.requireScope(SCOPE_FOR_ACTION.decide) },
    async (request, reply) => {
      const params = ticketIdParam.safeParse(request.params);
      if (!params.success) throw new AppError('ticket_not_found', 'no such ticket', 404);
      const { ticketId } = params.data;
      const body = parse(categoryCorrectionBody, request.body, 'correction');
      const ticket = await getTicket(ctx.db, ticketId, request.principal!.shopId);
      if (!ticket) throw new AppError('ticket_not_found', `no ticket ${ticketId} in this shop`, 404);
      const outcome = await ctx.tickets.correctCategory(ticketId, {
        category: body.category,
        actor: { channel: 'api', id: request.principal!.tokenId },
      });
      if (!outcome.ok) {
        throw new AppError(
          outcome.code,
          outcome.message,
          REFUSAL_STATUS[outcome.code] ?? 400,
          outcome.decided ? { decided: outcome.decided } : undefined,
        );
      }
      return reply.code(202).send({ ticketId, correction: outcome.result });
    },
  );
};
