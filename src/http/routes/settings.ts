import { z } from 'zod';
import { AppError } from '../../app/errors.js';
import { recordAudit } from '../../db/audit-repo.js';
import { describeShopOutbound } from '../../db/outbound-repo.js';
import { getShop, shopSellerLanguage, updateShopSettings } from '../../db/shops-repo.js';
import { outboundUrlProblem } from '../../delivery/outbound-url.js';
import { SELLER_LANGUAGES } from '../../domain/shop/seller-language.js';
import { effectiveSettings, mergeSettings, type ShopSettings } from '../../domain/shop/settings.js';
import { CATEGORIES } from '../../domain/types.js';
import { apiActor } from '../auth.js';
import { parse } from '../parse.js';
import { documented, settingsJson } from '../responses.js';
import type { RoutePlugin } from './context.js';

const ONE_MINUTE_IN_HOURS = 1 / 60;
const minutes = z
  .number()
  .finite()
  .min(1, 'at least 1 minute')
  .max(60 * 24 * 90);
const hours = z
  .number()
  .finite()
  .min(ONE_MINUTE_IN_HOURS, 'at least one minute (1/60 hour)')
  .max(24 * 365);
const money = z.number().finite().nonnegative().max(1_000_000);

/** `PUT /v1/settings` body: partial updates, unknown keys refused. */
export const settingsUpdateBody = z
  .strictObject({
    sla: z
      .strictObject({ remindAfterMinutes: minutes, escalateAfterMinutes: minutes, disputeLeadHours: hours })
      .partial()
      .optional(),
    logistics: z
      .strictObject({ autoApology: z.boolean(), stallHours: hours, escalateAfterHours: hours })
      .partial()
      .optional(),
    coupon: z
      .strictObject({
        currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD'),
        baseValue: money,
        perDayValue: money,
        maxValue: money,
        monthlyBudget: money,
      })
      .partial()
      .optional(),
    retention: z
      .strictObject({ buyerTextDays: z.number().int().min(1).max(3650) })
      .partial()
      .optional(),
    listings: z
      .strictObject({
        disputeThreshold: z.number().int().min(1).max(1000),
        disputeWindowDays: z.number().int().min(1).max(365),
      })
      .partial()
      .optional(),
    /** `shareCorrections`: the shop consents to its corrections joining the global training data. */
    learning: z.strictObject({ shareCorrections: z.boolean() }).partial().optional(),
    autoSend: z
      .strictObject({
        categories: z.array(z.enum(CATEGORIES)).max(CATEGORIES.length),
        minConfidence: z.number().min(0).max(1),
      })
      .partial()
      .optional(),
    /** The shop's default seller language (cards, commands, digest, reports) where a chat chose none. */
    sellerLanguage: z.enum(SELLER_LANGUAGES).optional(),
    /** The shop's own reply receiver; null goes back to the environment's. The secret is write-only. */
    outbound: z
      .strictObject({
        url: z.string().trim().min(1).max(2000),
        secret: z.string().min(16, 'at least 16 characters').max(256),
      })
      .nullable()
      .optional(),
  })
  .meta({
    examples: [
      { sla: { remindAfterMinutes: 30, escalateAfterMinutes: 240 } },
      {
        logistics: { autoApology: true, stallHours: 72 },
        coupon: { currency: 'EUR', baseValue: 2, perDayValue: 0.5, maxValue: 10, monthlyBudget: 100 },
        autoSend: { categories: ['shipping_inquiry', 'not_received'], minConfidence: 0.92 },
        sellerLanguage: 'zh-CN',
      },
      { outbound: { url: 'https://crm.example.com/sellerdesk/replies', secret: 'whsec_0123456789abcdef' } },
      { outbound: null, learning: { shareCorrections: true } },
    ],
  });

/** `GET /v1/settings` and `PUT /v1/settings` (scope `settings:write`). */
export const settingsRoutes: RoutePlugin = async (app, ctx) => {
  app.get(
    '/v1/settings',
    {
      preHandler: app.requireScope('tickets:read'),
      schema: {
        summary: 'The shop’s settings, defaults filled in',
        tags: ['settings'],
        response: { 200: settingsJson },
        errors: { 404: ['shop_not_found'] },
      },
    },
    async (request) => {
      const shop = await getShop(ctx.db, request.principal!.shopId);
      if (!shop) throw new AppError('shop_not_found', 'the shop no longer exists', 404);
      return documented(settingsJson, {
        settings: {
          ...effectiveSettings(shop.settings),
          sellerLanguage: shop.sellerLanguage,
          outbound: await describeShopOutbound(ctx.db, shop.id),
        },
      });
    },
  );

  app.put(
    '/v1/settings',
    {
      preHandler: app.requireScope('settings:write'),
      schema: {
        summary: 'Change some settings (partial: each section merges its keys)',
        description:
          'Defaults and meanings: docs/API.md, "Settings". `outbound.secret` is write-only and never logged or audited; `outbound.url` must be https (http only to loopback).',
        tags: ['settings'],
        body: settingsUpdateBody,
        response: { 200: settingsJson },
        errors: { 400: ['insecure_outbound_url'], 404: ['shop_not_found'] },
      },
    },
    async (request) => {
      const { outbound, sellerLanguage, ...rest } = parse(settingsUpdateBody, request.body, 'settings');
      const update = rest as ShopSettings;
      const shopId = request.principal!.shopId;
      if (outbound) {
        const problem = outboundUrlProblem(outbound.url);
        if (problem) throw new AppError('insecure_outbound_url', `outbound.url ${problem}`, 400);
      }
      const stored = await updateShopSettings(
        ctx.db,
        shopId,
        (current) => {
          const next = mergeSettings(current, update);
          const effective = effectiveSettings(next);
          if (effective.coupon.maxValue < effective.coupon.baseValue) {
            throw new AppError('validation_failed', 'coupon.maxValue must be at least coupon.baseValue', 400);
          }
          return next;
        },
        outbound,
        sellerLanguage,
      );
      if (!stored) throw new AppError('shop_not_found', 'the shop no longer exists', 404);
      const merged = {
        ...effectiveSettings(stored),
        sellerLanguage: await shopSellerLanguage(ctx.db, shopId),
      };
      if (outbound !== undefined) {
        // The URL is audited; the secret never is.
        await recordAudit(ctx.db, {
          shopId,
          kind: 'outbound_changed',
          actor: apiActor(request),
          details: { url: outbound?.url ?? null },
        });
      }
      if (update.learning !== undefined) {
        // Consent to share corrections with the global training data: who gave or withdrew it, when.
        await recordAudit(ctx.db, {
          shopId,
          kind: 'settings_changed',
          actor: { channel: 'api', id: request.principal!.tokenId },
          details: { learning: merged.learning },
        });
      }
      return documented(settingsJson, {
        settings: { ...merged, outbound: await describeShopOutbound(ctx.db, shopId) },
      });
    },
  );
};
