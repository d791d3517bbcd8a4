import { z } from 'zod';
import { AppError } from '../../app/errors.js';
import { recordAudit } from '../../db/audit-repo.js';
import { listOverrides, saveOverride } from '../../db/templates-repo.js';
import { catalogueText, listTemplates } from '../../domain/reply/index.js';
import { LANGUAGES } from '../../domain/types.js';
import { apiActor } from '../auth.js';
import { parse } from '../parse.js';
import { documented } from '../responses.js';
import type { RoutePlugin } from './context.js';

const templateParams = z.strictObject({
  id: z.string().regex(/^[a-z_]+\.[a-z_]+$/, 'a template id such as damaged.default'),
  lang: z.enum(LANGUAGES),
});
const overrideBody = z.strictObject({ text: z.string().max(4000) }).meta({
  examples: [{ text: 'Sentimos muito pelo pedido {{orderId}}; vamos resolver hoje mesmo.' }],
});

const templateText = z.union([
  z.object({
    source: z.literal('override'),
    version: z.number().int(),
    versions: z.number().int().meta({ description: 'how many versions the override has had' }),
    text: z.string(),
  }),
  z.object({ source: z.literal('catalogue'), version: z.number().int(), text: z.string() }),
]);
const templatesJson = z
  .object({
    catalogueVersion: z.number().int(),
    templates: z.array(
      z.object({
        id: z.string(),
        category: z.string().nullable(),
        required: z.array(z.string()),
        optional: z.array(z.string()),
        autoSend: z.unknown(),
        coupon: z.unknown(),
        texts: z.record(z.string(), templateText).meta({ description: 'by language: en, es, fr, ru, pt' }),
      }),
    ),
  })
  .meta({ description: 'every reply scenario with its effective text per language' });
const overrideJson = z
  .object({ id: z.string(), lang: z.enum(LANGUAGES), version: z.number().int(), text: z.string() })
  .meta({ description: 'the stored override (earlier versions kept)' });

/** `GET /v1/templates` (effective texts) and `PUT /v1/templates/:id/:lang` (a shop's override). */
export const templateRoutes: RoutePlugin = async (app, ctx) => {
  const { catalogue, resources, renderer } = ctx.templates;

  app.get(
    '/v1/templates',
    {
      preHandler: app.requireScope('tickets:read'),
      schema: {
        summary: 'The reply templates and the shop’s effective texts',
        tags: ['settings'],
        response: { 200: templatesJson },
      },
    },
    async (request) => {
      const overrides = await listOverrides(ctx.db, request.principal!.shopId);
      const byKey = new Map(overrides.map((o) => [`${o.templateId}/${o.language}`, o]));
      return documented(templatesJson, {
        catalogueVersion: catalogue.version,
        templates: listTemplates(catalogue).map((entry) => ({
          id: entry.id,
          category: entry.category,
          required: entry.required,
          optional: entry.optional,
          autoSend: entry.autoSend,
          coupon: entry.coupon,
          texts: Object.fromEntries(
            LANGUAGES.map((lang) => {
              const override = byKey.get(`${entry.id}/${lang}`);
              return [
                lang,
                override
                  ? {
                      source: 'override' as const,
                      version: override.version,
                      versions: override.versions,
                      text: override.text,
                    }
                  : {
                      source: 'catalogue' as const,
                      version: catalogue.version,
                      text: catalogueText(resources, entry.id, lang),
                    },
              ];
            }),
          ),
        })),
      });
    },
  );

  app.put(
    '/v1/templates/:id/:lang',
    {
      preHandler: app.requireScope('templates:write'),
      schema: {
        summary: 'Override one reply text of the shop',
        description:
          'Validated by the catalogue’s lint (the template’s variables, nothing empty): 400 `template_invalid` with the problems in `details`.',
        tags: ['settings'],
        params: templateParams,
        body: overrideBody,
        response: { 200: overrideJson },
        errors: { 400: ['template_invalid'], 404: ['template_not_found'] },
      },
    },
    async (request) => {
      const params = parse(templateParams, request.params, 'path');
      const body = parse(overrideBody, request.body, 'template');
      if (!listTemplates(catalogue).some((t) => t.id === params.id)) {
        throw new AppError('template_not_found', `no template ${params.id} in the catalogue`, 404);
      }
      const verdict = renderer.validate(params.id, params.lang, body.text);
      if (!verdict.ok) {
        throw new AppError(
          'template_invalid',
          `the text cannot be used: ${verdict.errors.map((e) => e.message).join('; ')}`,
          400,
          verdict.errors,
        );
      }
      const shopId = request.principal!.shopId;
      const version = await saveOverride(ctx.db, shopId, params.id, params.lang, body.text);
      await recordAudit(ctx.db, {
        shopId,
        kind: 'template_override',
        actor: apiActor(request),
        details: { templateId: params.id, language: params.lang, version },
      });
      return documented(overrideJson, { id: params.id, lang: params.lang, version, text: body.text });
    },
  );
};
