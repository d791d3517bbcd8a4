import { z } from 'zod';
import { AppError } from '../../app/errors.js';
import { recordAudit } from '../../db/audit-repo.js';
import { listOverrides, saveOverride } from '../../db/templates-repo.js';
import { catalogueText, listTemplates } from '../../domain/reply/index.js';
import { LANGUAGES } from '../../domain/types.js';
import { apiActor } from '../auth.js';
import { parse } from '../parse.js';
import type { RoutePlugin } from './context.js';

const templateParams = z.strictObject({
  id: z.string().regex(/^[a-z_]+\.[a-z_]+$/, 'a template id such as damaged.default'),
  lang: z.enum(LANGUAGES),
});
const overrideBody = z.strictObject({ text: z.string().max(4000) });

/** `GET /v1/templates` (effective texts) and `PUT /v1/templates/:id/:lang` (a shop's override). */
export const templateRoutes: RoutePlugin = async (app, ctx) => {
  const { catalogue, resources, renderer } = ctx.templates;

  app.get('/v1/templates', { preHandler: app.requireScope('tickets:read') }, async (request) => {
    const overrides = await listOverrides(ctx.db, request.principal!.shopId);
    const byKey = new Map(overrides.map((o) => [`${o.templateId}/${o.language}`, o]));
    return {
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
                    source: 'override',
                    version: override.version,
                    versions: override.versions,
                    text: override.text,
                  }
                : {
                    source: 'catalogue',
                    version: catalogue.version,
                    text: catalogueText(resources, entry.id, lang),
                  },
            ];
          }),
        ),
      })),
    };
  });

  app.put('/v1/templates/:id/:lang', { preHandler: app.requireScope('templates:write') }, async (request) => {
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
    return { id: params.id, lang: params.lang, version, text: body.text };
  });
};
