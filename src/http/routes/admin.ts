import { z } from 'zod';
import { AppError } from '../../app/errors.js';
import { recordAudit } from '../../db/audit-repo.js';
import { createShop, getShop, setShopPlan } from '../../db/shops-repo.js';
import { setDailyApiLimit } from '../../db/usage-repo.js';
import { PLANS } from '../../domain/shop/plans.js';
import { parse } from '../parse.js';
import { createShopBody } from '../schemas.js';
import type { RoutePlugin } from './context.js';

const adminShopParam = z.strictObject({ shopId: z.string().regex(/^shop_[A-Za-z0-9]{1,40}$/) });
const adminShopBody = z.strictObject({
  plan: z.enum(PLANS).optional(),
  dailyApiLimit: z.number().int().min(1).max(10_000_000).nullable().optional(),
});

/**
 * The operator's routes (ADMIN_TOKEN, or the local control token from this machine): create a
 * shop with its first token and link code, change its plan or daily API limit. The operator's
 * Slack binding of a shop is in `slack.ts`.
 */
export const adminRoutes: RoutePlugin = async (app, ctx) => {
  app.post('/v1/admin/shops', { preHandler: app.requireAdmin }, async (request, reply) => {
    const body = parse(createShopBody, request.body, 'shop');
    const created = await createShop(ctx.db, body, { linkCodeTtlHours: ctx.linkCodeTtlHours });
    request.log.info({ shopId: created.shop.id }, 'shop created');
    return reply.code(201).send({
      shop: {
        id: created.shop.id,
        name: created.shop.name,
        defaultLanguage: created.shop.defaultLanguage,
        sellerLanguage: created.shop.sellerLanguage,
        plan: created.shop.plan,
        createdAt: created.shop.createdAt.toISOString(),
      },
      apiToken: created.apiToken,
      telegramLinkCode: created.telegramLinkCode,
      telegramLinkCodeExpiresAt: created.telegramLinkCodeExpiresAt.toISOString(),
    });
  });

  app.patch('/v1/admin/shops/:shopId', { preHandler: app.requireAdmin }, async (request) => {
    const { shopId } = parse(adminShopParam, request.params, 'path');
    const body = parse(adminShopBody, request.body, 'shop update');
    const shop = await getShop(ctx.db, shopId);
    if (!shop) throw new AppError('shop_not_found', `no shop ${shopId}`, 404);
    if (body.plan && body.plan !== shop.plan) {
      await setShopPlan(ctx.db, shopId, body.plan);
      await recordAudit(ctx.db, {
        shopId,
        kind: 'plan_changed',
        actor: { channel: 'admin', id: 'admin' },
        details: { from: shop.plan, to: body.plan },
      });
    }
    if (body.dailyApiLimit !== undefined) {
      await setDailyApiLimit(ctx.db, shopId, body.dailyApiLimit);
    }
    return { shop: { id: shopId, plan: body.plan ?? shop.plan, dailyApiLimit: body.dailyApiLimit ?? null } };
  });
};
