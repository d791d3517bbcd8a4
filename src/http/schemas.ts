import { z } from 'zod';
import { SELLER_LANGUAGES } from '../domain/shop/seller-language.js';
import { CATEGORIES, LANGUAGES, TICKET_STATUSES } from '../domain/types.js';

function hasControlCharacters(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

const id = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `${what} is required`)
    .max(200, `${what} is at most 200 characters`)
    .refine((v) => !hasControlCharacters(v), `${what} must not contain control characters`);

const isoDate = z.iso.datetime({
  offset: true,
  message: 'must be an ISO 8601 date-time, e.g. 2026-11-23T10:00:00Z',
});

/**
 * One order line: a title string, or an object as marketplaces export it (`title` or `name`, with
 * whatever else they carry: sku, quantity, price). Normalized to the title the drafts and the
 * listing link use.
 */
const orderItem = z.union([
  z.string().max(500),
  z
    .looseObject({
      title: z.string().max(500).optional(),
      name: z.string().max(500).optional(),
      sku: z.string().max(200).optional(),
    })
    .refine(
      (item) => [item.title, item.name, item.sku].some((v) => typeof v === 'string' && v.trim() !== ''),
      'an item object needs a title, name or sku',
    )
    .transform((item) => (item.title ?? item.name ?? item.sku ?? '').trim()),
]);

/** `POST /v1/admin/shops` body. */
export const createShopBody = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    defaultLanguage: z.enum(LANGUAGES),
    plan: z.enum(['free', 'auto']),
    /** The language the bots speak to the shop's sellers; Simplified Chinese (`zh-CN`) too. */
    sellerLanguage: z.enum(SELLER_LANGUAGES).optional(),
  })
  .meta({
    examples: [
      { name: 'Tienda Sol', defaultLanguage: 'es', plan: 'free' },
      { name: '深圳小店', defaultLanguage: 'en', plan: 'auto', sellerLanguage: 'zh-CN' },
    ],
  });

/** `POST /v1/messages` body (docs/API.md). */
export const postMessageBody = z
  .strictObject({
    messageId: id('messageId'),
    orderId: id('orderId'),
    buyer: z.strictObject({
      id: id('buyer.id'),
      name: z.string().trim().max(200, 'buyer.name is at most 200 characters').optional(),
      locale: z
        .string()
        .regex(/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/, 'must be a locale such as es-MX')
        .optional(),
      country: z
        .string()
        .regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166 two-letter country code')
        .optional(),
    }),
    text: z
      .string()
      .max(20_000, 'text is at most 20000 characters')
      .refine((v) => v.trim().length > 0, 'text must not be empty'),
    receivedAt: isoDate,
    order: z
      .strictObject({
        items: z.array(orderItem).max(100).optional(),
        total: z.number().finite().nonnegative().optional(),
        currency: z
          .string()
          .trim()
          .toUpperCase()
          .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD')
          .optional(),
        trackingNumber: z
          .string()
          .regex(/^[A-Za-z0-9-]{4,40}$/, 'must be 4-40 letters, digits or dashes')
          .optional(),
        carrier: z.string().trim().min(1).max(100).optional(),
      })
      .optional(),
    dispute: z
      .strictObject({
        id: id('dispute.id'),
        reason: z.string().max(500).optional(),
        deadline: isoDate.optional(),
      })
      .optional(),
  })
  .meta({
    examples: [
      {
        messageId: 'm1',
        orderId: '8123',
        buyer: { id: 'b1', locale: 'es-MX' },
        text: '¿Dónde está mi paquete? No ha llegado.',
        receivedAt: '2026-11-23T10:00:00Z',
      },
      {
        messageId: 'msg-20261123-0042',
        orderId: 'AE-3051998172',
        buyer: { id: 'buyer-77', name: 'Ana', locale: 'pt-BR', country: 'BR' },
        text: 'Olá, meu pedido chegou quebrado. Quero reembolso.',
        receivedAt: '2026-11-23T10:00:00-03:00',
        order: {
          items: ['Caneca', { title: 'Blue lamp', quantity: 2, sku: 'BL-1' }],
          total: 12.5,
          currency: 'BRL',
          trackingNumber: 'LP00123456789CN',
          carrier: 'Cainiao',
        },
        dispute: { id: 'D-1', reason: 'damaged', deadline: '2026-12-01T00:00:00Z' },
      },
    ],
  });

/** `POST /v1/tickets/:ticketId/decision` body. */
export const decisionBody = z
  .strictObject({
    action: z.enum(['approve', 'edit', 'reject', 'escalate']),
    text: z.string().max(4000).optional(),
    by: z.string().trim().min(1).max(200).optional(),
    /** Send an edit as it is even though it does not read as the buyer's language (else 422). */
    confirm: z.boolean().optional(),
  })
  .meta({
    examples: [
      { action: 'approve', by: 'Ana' },
      { action: 'edit', text: 'Su reemplazo sale mañana.', by: 'Ana' },
      { action: 'edit', text: 'Your replacement ships tomorrow.', confirm: true },
      { action: 'reject' },
    ],
  });

/** `POST /v1/tickets/:ticketId/category` body (docs/API.md): the category the seller chose. */
export const categoryCorrectionBody = z
  .strictObject({
    category: z.enum(CATEGORIES, { message: `must be one of ${CATEGORIES.join(', ')}` }),
  })
  .meta({ examples: [{ category: 'cancel_order' }] });

/** `GET /v1/tickets` query string. */
export const listTicketsQuery = z
  .strictObject({
    status: z.enum(TICKET_STATUSES).optional(),
    cursor: z
      .string()
      .regex(/^tkt_[A-Za-z0-9]{1,40}$/)
      .optional(),
    limit: z.coerce.number().int().min(1).max(100).optional(),
  })
  .meta({ examples: [{ status: 'awaiting_approval', limit: 20 }] });

/** Path parameter of ticket routes. */
export const ticketIdParam = z.strictObject({ ticketId: z.string().regex(/^tkt_[A-Za-z0-9]{1,40}$/) });
