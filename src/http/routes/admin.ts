import { z } from 'zod';
import { AppError } from '../../app/errors.js';
import { recordAudit } from '../../db/audit-repo.js';
import { createShop, getShop, setShopPlan } from '../../db/shops-repo.js';
import { setDailyApiLimit } from '../../db/usage-repo.js';
import { PLANS } from '../../domain/shop/plans.js';
import { SELLER_LANGUAGES } from '../../domain/shop/seller-language.js';
import { LANGUAGES } from '../../domain/types.js';
import { parse } from '../parse.js';
import { documented } from '../responses.js';
import { createShopBody } from '../schemas.js';
import type { RoutePlugin } from './context.js';

const adminShopParam = z.strictObject({ shopId: z.string().regex(/^shop_[A-Za-z0-9]{1,40}$/) });
const adminShopBody = z
  .strictObject({
    plan: z.enum(PLANS).optional(),
    dailyApiLimit: z.number().int().min(1).max(10_000_000).nullable().optional(),
  })
  .meta({ examples: [{ plan: 'auto' }, { dailyApiLimit: 50_000 }, { dailyApiLimit: null }] });

const createdShop = z
  .object({
    shop: z.object({
      id: z.string(),
      name: z.string(),
      defaultLanguage: z.enum(LANGUAGES),
      sellerLanguage: z.enum(SELLER_LANGUAGES),
      plan: z.enum(PLANS),
      createdAt: z.string(),
    }),
    apiToken: z.string().meta({ description: 'every shop scope; shown once, stored hashed' }),
    telegramLinkCode: z.string().meta({ description: 'single use: `/start <code>` to the bot' }),
    telegramLinkCodeExpiresAt: z.string(),
  })
  .meta({ description: 'the shop, its first token and its Telegram link code' });
const updatedShop = z
  .object({
    shop: z.object({ id: z.string(), plan: z.enum(PLANS), dailyApiLimit: z.number().int().nullable() }),
  })
  .meta({ description: 'the plan now, and the limit override this request set (null: none given)' });

/**
 * The operator's routes (ADMIN_TOKEN, or the local control token from this machine): create a
 * shop with its first token and link code, change its plan or daily API limit. The operator's
 * Slack binding of a shop is in `slack.ts`.
 */
export const adminRoutes: RoutePlugin = async (app, ctx) => {
  app.post(
    '/v1/admin/shops',
    {
      preHandler: app.requireAdmin,
      schema: {
        summary: 'Create a shop with its first token and Telegram link code',
        tags: ['admin'],
        body: createShopBody,
        response: { 201: createdShop },
      },
    },
    async (request, reply) => {
      const body = parse(createShopBody, request.body, 'shop');
      const created = await createShop(ctx.db, body, { linkCodeTtlHours: ctx.linkCodeTtlHours });
      request.log.info({ shopId: created.shop.id }, 'shop created');
      return reply.code(201).send(
        documented(createdShop, {
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
        }),
      );
    },
  );

  app.patch(
    '/v1/admin/shops/:shopId',
    {
      preHandler: app.requireAdmin,
      schema: {
        summary: 'Change a shop’s plan or daily API limit',
        description:
          'Effective for new tickets at once; a plan change is audited. `dailyApiLimit: null` removes the override.',
        tags: ['admin'],
        params: adminShopParam,
        body: adminShopBody,
        response: { 200: updatedShop },
        errors: { 404: ['shop_not_found'] },
      },
    },
    async (request) => {
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
      return documented(updatedShop, {
        shop: { id: shopId, plan: body.plan ?? shop.plan, dailyApiLimit: body.dailyApiLimit ?? null },
      });
    },
  );
};
