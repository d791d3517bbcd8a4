import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../../app/errors.js';
import { recordAudit } from '../../db/audit-repo.js';
import { describeShopOutbound, setShopOutbound } from '../../db/outbound-repo.js';
import { shops } from '../../db/schema/index.js';
import { outboundUrlProblem } from '../../delivery/outbound-url.js';
import { SELLER_LANGUAGES } from '../../domain/shop/seller-language.js';
import { effectiveSettings, mergeSettings, type ShopSettings } from '../../domain/shop/settings.js';
import { CATEGORIES } from '../../domain/types.js';
import { parse } from '../parse.js';
import type { RouteModule } from './context.js';

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
export const settingsUpdateBody = z.strictObject({
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
});

/** `GET /v1/settings` and `PUT /v1/settings` (scope `settings:write`). */
export const settingsRoutes: RouteModule = (app, ctx) => {
  app.get('/v1/settings', { preHandler: ctx.requireScope('tickets:read') }, async (request) => {
    const [shop] = await ctx.db.select().from(shops).where(eq(shops.id, request.principal!.shopId)).limit(1);
    if (!shop) throw new AppError('shop_not_found', 'the shop no longer exists', 404);
    return {
      settings: {
        ...effectiveSettings(shop.settings),
        sellerLanguage: shop.sellerLanguage,
        outbound: await describeShopOutbound(ctx.db, shop.id),
      },
    };
  });

  app.put('/v1/settings', { preHandler: ctx.requireScope('settings:write') }, async (request) => {
    const { outbound, sellerLanguage, ...rest } = parse(settingsUpdateBody, request.body, 'settings');
    const update = rest as ShopSettings;
    const shopId = request.principal!.shopId;
    if (outbound) {
      const problem = outboundUrlProblem(outbound.url);
      if (problem) throw new AppError('insecure_outbound_url', `outbound.url ${problem}`, 400);
    }
    const merged = await ctx.db.transaction(async (tx) => {
      const [shop] = await tx.select().from(shops).where(eq(shops.id, shopId)).for('update').limit(1);
      if (!shop) throw new AppError('shop_not_found', 'the shop no longer exists', 404);
      const next = mergeSettings(shop.settings, update);
      const effective = effectiveSettings(next);
      if (effective.coupon.maxValue < effective.coupon.baseValue) {
        throw new AppError('validation_failed', 'coupon.maxValue must be at least coupon.baseValue', 400);
      }
      await tx
        .update(shops)
        .set({ settings: next, ...(sellerLanguage ? { sellerLanguage } : {}) })
        .where(eq(shops.id, shopId));
      if (outbound !== undefined) await setShopOutbound(tx as unknown as typeof ctx.db, shopId, outbound);
      return { ...effective, sellerLanguage: sellerLanguage ?? shop.sellerLanguage };
    });
    if (outbound !== undefined) {
      // The URL is audited; the secret never is.
      await recordAudit(ctx.db, {
        shopId,
        kind: 'outbound_changed',
        actor: { channel: 'api', id: request.principal!.tokenId },
        details: { url: outbound?.url ?? null },
      });
    }
    return { settings: { ...merged, outbound: await describeShopOutbound(ctx.db, shopId) } };
  });
};
