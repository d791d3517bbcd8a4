import { type ZodType, z } from 'zod';
import { FINDING_KINDS } from '../domain/listing/types.js';
import { SELLER_LANGUAGES } from '../domain/shop/seller-language.js';
import { CATEGORIES, LANGUAGES, TICKET_STATUSES, URGENCIES } from '../domain/types.js';

/**
 * Response bodies as the OpenAPI document describes them. They document; they do not serialize
 * (answers are `JSON.stringify`ed as they are). `documented(schema, value)` makes the compiler
 * check that what a handler returns has the documented shape.
 */
export function documented<S extends ZodType>(_schema: S, value: z.input<S>): z.input<S> {
  return value;
}

// Answers carry `Date#toISOString()` values: documented by format, not by zod's long pattern.
const when = z.string().meta({ format: 'date-time' });
const nullable = <T extends ZodType>(schema: T) => schema.nullable();

/** Who did something: a chat user, an API token, the CLI or sellerdesk itself. */
export const actorJson = z.object({
  channel: z.string().meta({ description: 'telegram, slack, api, cli, admin or system' }),
  id: z.string(),
  name: z.string().optional(),
});

/** `POST /v1/messages` 202. */
export const ingestAnswer = z
  .object({
    ticketId: z.string(),
    status: z
      .enum(TICKET_STATUSES)
      .meta({ description: '`queued` when new; an open ticket keeps its status' }),
  })
  .meta({ description: 'stored; the ticket (new, or the open one of the same order and buyer)' });

/** One line of `GET /v1/tickets`. */
export const ticketSummaryJson = z.object({
  ticketId: z.string(),
  orderId: z.string(),
  status: z.enum(TICKET_STATUSES),
  language: nullable(z.enum(LANGUAGES)),
  category: nullable(z.enum(CATEGORIES)),
  confidence: nullable(z.number()),
  urgency: nullable(z.enum(URGENCIES)),
  sentiment: nullable(z.enum(['angry', 'neutral', 'positive'])),
  createdAt: when,
});

/** A decision the ticket workflow accepted (or the earlier one a later decision lost to). */
export const decisionResultJson = z.object({
  ticketId: z.string(),
  action: z.enum(['approve', 'edit', 'reject', 'escalate']),
  revision: z.number().int(),
  decidedBy: actorJson,
  decidedAt: when,
});

/** `GET /v1/tickets/:ticketId`. */
export const ticketJson = ticketSummaryJson
  .extend({
    abstained: z.boolean().meta({ description: 'the classifier was not sure enough to name a category' }),
    origin: z.enum(['buyer', 'system']),
    autoSendRule: nullable(z.string()).meta({ description: 'the rule that allowed or blocked auto-send' }),
    coupon: z.object({ code: z.string(), value: z.number(), currency: z.string() }).optional(),
    draft: nullable(z.string()).meta({ description: 'the current draft text' }),
    draftDetails: nullable(
      z.object({
        revision: z.number().int(),
        source: z.enum(['template', 'edit', 'fallback']),
        templateId: nullable(z.string()),
        templateVersion: nullable(z.number().int()),
        note: nullable(z.string()),
      }),
    ),
    finalText: z.string().optional().meta({ description: 'the text that was sent' }),
    decidedBy: z.string().optional().meta({ description: 'the decider’s name, or id' }),
    decidedByActor: actorJson.optional(),
    decidedAt: when.optional(),
    delivery: nullable(
      z.object({
        state: z.enum(['pending', 'delivered', 'failed']),
        attempts: z.number().int(),
        target: z.enum(['log', 'http']),
        idempotencyKey: z.string(),
        deliveredAt: nullable(when),
      }),
    ),
    events: z.array(z.object({ at: when, kind: z.string(), details: z.unknown() })),
  })
  .meta({ description: 'the ticket, its current draft, decision and delivery, and its events' });

/** `POST /v1/tickets/:ticketId/category` 202: the correction the workflow accepted. */
export const correctionAnswer = z
  .object({
    ticketId: z.string(),
    correction: z.object({
      ticketId: z.string(),
      category: z.enum(CATEGORIES),
      correctedFrom: z.enum(CATEGORIES),
      revision: z.number().int().meta({ description: 'the revision that will carry the redraft' }),
      correctedBy: actorJson,
      correctedAt: when,
    }),
  })
  .meta({ description: 'accepted: the ticket is redrafted in that category (a new revision)' });

/** `GET /v1/shipments/:trackingNumber`. */
export const shipmentJson = z
  .object({
    trackingNumber: z.string(),
    orderId: z.string(),
    carrier: z.string(),
    state: z.string().meta({
      description:
        'in_transit, stalled, available_for_pickup, exception, delivered, returned or expired (docs/LOGISTICS.md)',
    }),
    leg: nullable(z.string()),
    lastEventAt: nullable(when),
    stalledSince: when.optional(),
    actions: z.array(
      z.object({ at: z.string(), kind: z.string(), details: z.record(z.string(), z.unknown()).optional() }),
    ),
    events: z.array(
      z.object({
        at: z.string(),
        status: z.string(),
        description: z.string(),
        location: z.string().optional(),
      }),
    ),
    updatedAt: when,
  })
  .meta({ description: 'the parcel as its shipment watch last mirrored it, with what the watch did' });

/** A listing finding in the seller's language. */
const findingJson = z.object({
  lang: z.enum(LANGUAGES),
  field: z.enum(['title', 'description']),
  kind: z.enum(FINDING_KINDS),
  message: z.string(),
  span: z.tuple([z.number().int(), z.number().int()]).optional(),
  suggestion: z.string().optional(),
  confidence: z.number().optional(),
});

/** `GET /v1/validations/:validationId`. */
export const validationJson = z
  .object({
    validationId: z.string(),
    listingId: z.string(),
    status: z.enum(['running', 'completed', 'failed']),
    findings: z.array(findingJson),
    trigger: z
      .object({
        kind: z.literal('disputes'),
        count: z.number().int(),
        windowDays: z.number().int(),
        threshold: z.number().int(),
        ticketIds: z.array(z.string()),
      })
      .optional()
      .meta({ description: 'present when buyers’ "not as described" tickets started it' }),
  })
  .meta({ description: 'the validation and its findings so far' });

/** `GET`/`PUT /v1/settings`: every setting with its default filled in. */
export const settingsJson = z
  .object({
    settings: z.object({
      sla: z.object({
        remindAfterMinutes: z.number(),
        escalateAfterMinutes: z.number(),
        disputeLeadHours: z.number(),
      }),
      logistics: z.object({
        autoApology: z.boolean(),
        stallHours: z.number().optional(),
        escalateAfterHours: z.number().optional(),
      }),
      coupon: z.object({
        currency: z.string(),
        baseValue: z.number(),
        perDayValue: z.number(),
        maxValue: z.number(),
        monthlyBudget: z.number(),
      }),
      autoSend: z.object({ categories: z.array(z.enum(CATEGORIES)), minConfidence: z.number() }),
      retention: z.object({ buyerTextDays: z.number().int() }),
      listings: z.object({ disputeThreshold: z.number().int(), disputeWindowDays: z.number().int() }),
      learning: z.object({ shareCorrections: z.boolean() }),
      sellerLanguage: z.enum(SELLER_LANGUAGES),
      outbound: nullable(z.object({ url: z.string(), hasSecret: z.literal(true) })).meta({
        description: 'the shop’s own receiver; the secret is write-only',
      }),
    }),
  })
  .meta({ description: 'the shop’s effective settings' });

/** `GET /v1/usage`. */
export const usageJson = z
  .object({
    today: z.object({
      day: z.string(),
      calls: z.number().int(),
      limit: z.number().int(),
      resetsInSeconds: z.number().int(),
    }),
    month: z.object({ month: z.string(), apiCalls: z.number().int(), autoSentReplies: z.number().int() }),
  })
  .meta({ description: 'API calls today against the daily limit; this month’s meters' });

/** `DELETE /v1/buyers/:buyerId`. */
export const erasureJson = z
  .object({
    erased: z.object({
      tickets: z.number().int(),
      messages: z.number().int(),
      drafts: z.number().int(),
      decisions: z.number().int(),
      deliveries: z.number().int(),
      events: z.number().int(),
      auditEntries: z.number().int(),
      corrections: z.number().int(),
      shipments: z.number().int(),
    }),
    closedTickets: z.number().int(),
    cards: z.enum(['scheduled', 'none', 'not_scheduled']),
    histories: z.number().int().meta({ description: 'ticket workflow histories deleted from Temporal' }),
  })
  .meta({ description: 'the rows erased per table (rows stay; their buyer data is gone)' });

/** An answer with no body (204). */
export const noContent = z.null().meta({ description: 'done; no body' });
