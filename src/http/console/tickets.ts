import { createHash } from 'node:crypto';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type ConsolePrincipal, consoleActor } from '../../app/console-access.js';
import { decisionRefusalStatus, isWordedRefusal } from '../../app/decision-refusals.js';
import type { DecideOutcome } from '../../app/ticket-service-types.js';
import { getTicketView, listTickets } from '../../db/ticket-views-repo.js';
import { listTicketMessages } from '../../db/tickets-repo.js';
import { can } from '../../domain/shop/roles.js';
import {
  CATEGORIES,
  type Category,
  DECISION_ACTIONS,
  LANGUAGES,
  type Language,
  TICKET_STATUSES,
  type TicketStatus,
} from '../../domain/types.js';
import type { ConsoleContext, PageFrame } from './context.js';
import { percent } from './present.js';
import {
  ConsoleRefusal,
  pageFrame,
  renderPage,
  requireCsrf,
  requireRole,
  requireSession,
} from './session.js';

const TICKET_ID = /^tkt_[A-Za-z0-9]{8,40}$/;
/** Event kinds the console names; others show as "other event". */
const NAMED_EVENTS = new Set([
  'buyer_message',
  'drafted',
  'approval_requested',
  'auto_send_checked',
  'decision',
  'delivered',
  'escalated',
  'escalated_to_team',
  'escalation_notice',
  'sla_reminder',
  'team_thread_message',
  'category_corrected',
  'system_opened',
  'spun_off',
  'listing_linked',
  'listing_not_linked',
]);
/** A decision can still be taken in these statuses (the workflow refuses the others). */
const DECIDABLE: ReadonlySet<TicketStatus> = new Set(['awaiting_approval', 'escalated']);

const decisionBody = z.object({
  action: z.enum(DECISION_ACTIONS),
  text: z.string().max(10_000).optional(),
  confirm: z.literal('on').optional(),
});

const pick = <T extends string>(values: readonly T[], value: unknown): T | undefined =>
  typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : undefined;

function filtersOf(request: FastifyRequest) {
  const query = request.query as Record<string, unknown>;
  return {
    status: pick<TicketStatus>(TICKET_STATUSES, query.status),
    category: pick<Category>(CATEGORIES, query.category),
    language: pick<Language>(LANGUAGES, query.language),
    cursor: typeof query.cursor === 'string' && TICKET_ID.test(query.cursor) ? query.cursor : undefined,
  };
}

/** A short fingerprint of what a page shows: the live script reloads the page when it changes. */
function fingerprint(parts: ReadonlyArray<string | number | null | undefined>): string {
  return createHash('sha256').update(parts.join('|')).digest('base64url').slice(0, 16);
}

/**
 * The shop's tickets (`GET /console/tickets`, filtered by status, category, language), a ticket
 * (`GET /console/tickets/:ticketId`: the redacted buyer messages, draft, history and delivery)
 * and its decision (`POST .../decision`): `ticketService.decide`, the one path the Telegram and
 * Slack buttons and the API take. `GET /console/api/...` answer the fingerprints the pages poll.
 */
export const ticketPages: FastifyPluginAsync<ConsoleContext> = async (app, ctx) => {
  /** The shop's ticket with its messages, or 404 (another shop's id finds nothing). */
  async function shopTicket(principal: ConsolePrincipal, ticketId: string) {
    const view = TICKET_ID.test(ticketId) ? await getTicketView(ctx.db, principal.shop.id, ticketId) : null;
    if (!view) throw new ConsoleRefusal(404, 'error.not_found', 'ticket_not_found');
    return { ...view, messages: await listTicketMessages(ctx.db, ticketId) };
  }

  async function listPage(principal: ConsolePrincipal, request: FastifyRequest) {
    const filters = filtersOf(request);
    const page = await listTickets(ctx.db, principal.shop.id, { ...filters, limit: 50 });
    return {
      filters,
      page,
      version: fingerprint(page.tickets.map((t) => `${t.id}:${t.status}:${t.currentRevision}`)),
    };
  }

  function ticketVersion(view: Awaited<ReturnType<typeof shopTicket>>): string {
    const { ticket } = view;
    return fingerprint([ticket.status, ticket.currentRevision, ticket.deliveryState, view.events.length]);
  }

  app.get('/tickets', async (request, reply) => {
    const principal = await requireSession(ctx, request);
    const { filters, page, version } = await listPage(principal, request);
    const frame = pageFrame(ctx, request, {
      title: ctx.texts.t(principal.language, 'tickets.title'),
      nav: 'tickets',
    });
    const when = (d: Date) => ctx.texts.formatDate(frame.lang, d);
    const query = new URLSearchParams();
    for (const key of ['status', 'category', 'language'] as const) {
      const value = filters[key];
      if (value) query.set(key, value);
    }
    return renderPage(ctx, reply, './tickets', frame, {
      filters,
      statuses: TICKET_STATUSES,
      categories: CATEGORIES,
      languages: LANGUAGES,
      rows: page.tickets.map((t) => ({
        id: t.id,
        orderId: t.orderId,
        created: when(t.createdAt),
        status: t.status,
        category: t.category,
        language: t.language,
        urgency: t.urgency,
      })),
      older: page.nextCursor
        ? `/console/tickets?${new URLSearchParams({ ...Object.fromEntries(query), cursor: page.nextCursor })}`
        : null,
      live: `/console/api/tickets?${query}`,
      version,
    });
  });

  app.get('/api/tickets', async (request) => {
    const principal = await requireSession(ctx, request);
    return { version: (await listPage(principal, request)).version };
  });

  async function ticketPage(
    request: FastifyRequest,
    reply: FastifyReply,
    principal: ConsolePrincipal,
    ticketId: string,
    outcome?: { refused: Extract<DecideOutcome, { ok: false }>; text?: string | undefined },
  ) {
    const view = await shopTicket(principal, ticketId);
    const frame = pageFrame(ctx, request, {
      title: ctx.texts.t(principal.language, 'ticket.title', { ticketId }),
      nav: 'tickets',
    });
    const { ticket, draft } = view;
    const when = (d: Date) => ctx.texts.formatDate(frame.lang, d);
    const done = (request.query as { done?: unknown }).done;
    const flash = outcome
      ? { kind: 'error', text: refusalText(frame, outcome.refused, when) }
      : typeof done === 'string' && (DECISION_ACTIONS as readonly string[]).includes(done)
        ? { kind: 'ok', text: frame.t(`decided.${done}`) }
        : null;
    const delivery = view.deliveries[0];
    const decided =
      ticket.decidedBy && ticket.decidedAt
        ? { who: ticket.decidedBy.name ?? ticket.decidedBy.id, at: when(ticket.decidedAt) }
        : null;
    return renderPage(
      ctx,
      reply,
      './ticket',
      frame,
      {
        ticket: {
          id: ticket.id,
          orderId: ticket.orderId,
          status: ticket.status,
          created: when(ticket.createdAt),
          labels: frame.t('ticket.labels', {
            language: ticket.language ? frame.t(`language.${ticket.language}`) : '?',
            category: ticket.category ? frame.t(`category.${ticket.category}`) : '?',
            confidence: ticket.confidence === null ? '?' : percent(ticket.confidence),
            urgency: ticket.urgency ? frame.t(`urgency.${ticket.urgency}`) : '?',
          }),
          finalText: ticket.finalText,
          system: ticket.origin === 'system',
        },
        messages: view.messages.map((m) => ({ at: when(m.receivedAt), text: m.text })),
        draft: draft ? { revision: draft.revision, text: draft.text } : null,
        decided,
        delivery: delivery
          ? frame.t('ticket.delivery_state', {
              state: frame.t(`delivery.${delivery.state}`),
              target: delivery.target,
              attempts: delivery.attempts,
            })
          : null,
        events: view.events.map((e) => {
          const actor = e.details.actor as { name?: unknown; id?: unknown } | undefined;
          const who =
            typeof actor?.name === 'string' ? actor.name : typeof actor?.id === 'string' ? actor.id : null;
          return {
            at: when(e.at),
            label: frame.t(`event.${NAMED_EVENTS.has(e.kind) ? e.kind : 'other'}`),
            by: who ? frame.t('ticket.by', { who }) : null,
          };
        }),
        canDecide: can(principal.role, 'decide') && DECIDABLE.has(ticket.status),
        viewer: can(principal.role, 'decide')
          ? null
          : frame.t('ticket.viewer', { role: frame.t(`team.role_${principal.role}`) }),
        editText: outcome?.text ?? draft?.text ?? '',
        held: outcome?.refused.code === 'edit_language_mismatch',
        flash,
        live: `/console/api/tickets/${ticket.id}`,
        version: ticketVersion(view),
      },
      outcome ? decisionRefusalStatus(outcome.refused.code) : 200,
    );
  }

  app.get('/tickets/:ticketId', async (request, reply) => {
    const principal = await requireSession(ctx, request);
    return ticketPage(request, reply, principal, (request.params as { ticketId: string }).ticketId);
  });

  app.get('/api/tickets/:ticketId', async (request) => {
    const principal = await requireSession(ctx, request);
    const view = await shopTicket(principal, (request.params as { ticketId: string }).ticketId);
    return { status: view.ticket.status, version: ticketVersion(view) };
  });

  app.post('/tickets/:ticketId/decision', async (request, reply) => {
    const principal = await requireSession(ctx, request);
    requireCsrf(request);
    requireRole(principal, 'decide');
    const { ticketId } = request.params as { ticketId: string };
    const parsed = decisionBody.safeParse(request.body);
    if (!parsed.success) throw new ConsoleRefusal(400, 'error.generic', 'validation_failed');
    const body = parsed.data;
    await shopTicket(principal, ticketId);
    const outcome = await ctx.tickets.decide(
      ticketId,
      {
        action: body.action,
        actor: consoleActor(principal),
        ...(body.action === 'edit' ? { text: body.text ?? '' } : {}),
      },
      { confirmLanguage: body.confirm === 'on' },
    );
    if (outcome.ok) {
      ctx.metrics.decisions.inc({ action: body.action, channel: 'console' });
      return reply.redirect(`/console/tickets/${ticketId}?done=${body.action}`, 303);
    }
    return ticketPage(request, reply, principal, ticketId, { refused: outcome, text: body.text });
  });
};

/** A refused decision in the seller's words: the chats' texts where they have them. */
function refusalText(
  frame: PageFrame,
  refused: Extract<DecideOutcome, { ok: false }>,
  when: (date: Date) => string,
): string {
  const { t } = frame;
  if (refused.decided) {
    return t('already_decided', {
      who: refused.decided.decidedBy.name ?? refused.decided.decidedBy.id,
      when: when(new Date(refused.decided.decidedAt)),
    });
  }
  if (refused.hold) {
    return t('edit_language.warning', {
      detected: t(`written_language.${refused.hold.detected}`, {
        defaultValue: t(`language.${refused.hold.detected}`),
      }),
      expected: t(`language.${refused.hold.expected}`),
    });
  }
  return isWordedRefusal(refused.code)
    ? t(`error.${refused.code}`)
    : t('refused.generic', { message: refused.message });
}
