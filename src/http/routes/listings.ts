import { z } from 'zod';
import type { ListingValidationInput } from '../../../workflows/contracts/listing-validation.js';
import { AppError } from '../../app/errors.js';
import { listingValidationStarter } from '../../app/listing-service.js';
import {
  createListingValidation,
  findShopListingValidation,
  markListingValidationFailed,
} from '../../db/listing-validations-repo.js';
import type { Finding } from '../../domain/listing/types.js';
import { LANGUAGES, type Language } from '../../domain/types.js';
import { parse } from '../parse.js';
import { documented, validationJson } from '../responses.js';
import type { RoutePlugin } from './context.js';

/** Longest title accepted per language (the check itself reports titles over 128 characters). */
export const MAX_TITLE_CHARS = 1000;
/** Longest description accepted per language; five of them still fit the 256 KiB body limit. */
export const MAX_DESCRIPTION_CHARS = 20_000;

const perLanguage = (max: number) =>
  z.strictObject(
    Object.fromEntries(
      LANGUAGES.map((l) => [l, z.string().max(max, `at most ${max} characters`).optional()]),
    ) as Record<Language, z.ZodOptional<z.ZodString>>,
  );

/** `POST /v1/listings/validate` body (docs/API.md): language keys limited to en/es/fr/ru/pt. */
export const validateListingBody = z
  .strictObject({
    listingId: z.string().trim().min(1).max(200),
    title: perLanguage(MAX_TITLE_CHARS),
    description: perLanguage(MAX_DESCRIPTION_CHARS),
  })
  .refine((b) => LANGUAGES.some((l) => b.title[l] !== undefined || b.description[l] !== undefined), {
    message: 'give a title or a description in at least one language (en, es, fr, ru, pt)',
    path: ['title'],
  })
  .meta({
    examples: [
      {
        listingId: 'L-1042',
        title: { en: 'Ceramic mug 350 ml', es: 'Taza de cerámica 350 ml' },
        description: {
          en: 'A white ceramic mug, 350 ml, dishwasher safe.',
          es: 'Una taza blanca de cerámica, 350 ml, apta para lavavajillas.',
        },
      },
    ],
  });

const validationStarted = z
  .object({ validationId: z.string() })
  .meta({ description: 'started; poll `GET /v1/validations/:validationId`' });

const validationIdParam = z.strictObject({ validationId: z.string().regex(/^val_[A-Za-z0-9]{8,40}$/) });

/** `POST /v1/listings/validate` (scope `listings:write`) and `GET /v1/validations/:validationId`. */
export const listingRoutes: RoutePlugin = async (app, ctx) => {
  app.post(
    '/v1/listings/validate',
    {
      preHandler: app.requireScope('listings:write'),
      schema: {
        summary: 'Validate a listing in every language it is written in',
        description:
          'Language per paragraph, untranslated segments, spelling, localized terms, values across versions, forbidden claims, template debris, short fields, all-caps and over-long titles. Findings come in the seller’s language.',
        tags: ['listings'],
        body: validateListingBody,
        response: { 202: validationStarted },
      },
    },
    async (request, reply) => {
      const body = parse(validateListingBody, request.body, 'listing');
      const shopId = request.principal!.shopId;
      const languages = LANGUAGES.filter(
        (l) => body.title[l] !== undefined || body.description[l] !== undefined,
      );
      const validationId = await createListingValidation(ctx.db, {
        shopId,
        listingId: body.listingId,
        request: body,
      });
      const input: ListingValidationInput = { validationId, shopId, listingId: body.listingId, languages };
      try {
        await listingValidationStarter(ctx.temporal, ctx.taskQueue)(input);
      } catch (error) {
        await markListingValidationFailed(ctx.db, validationId);
        throw error;
      }
      ctx.logger.info({ shopId, validationId, languages }, 'listing validation started');
      return reply.code(202).send(documented(validationStarted, { validationId }));
    },
  );

  app.get(
    '/v1/validations/:validationId',
    {
      preHandler: app.requireScope('tickets:read'),
      schema: {
        summary: 'A listing validation and its findings',
        tags: ['listings'],
        params: validationIdParam,
        response: { 200: validationJson },
        errors: { 404: ['validation_not_found'] },
      },
    },
    async (request) => {
      const params = validationIdParam.safeParse(request.params);
      if (!params.success) throw new AppError('validation_not_found', 'no such validation', 404);
      const { validationId } = params.data;
      const row = await findShopListingValidation(ctx.db, request.principal!.shopId, validationId);
      if (!row) throw new AppError('validation_not_found', `no validation ${validationId} in this shop`, 404);
      return documented(validationJson, {
        validationId: row.id,
        listingId: row.listingId,
        status: row.status,
        // The validation activity stores `Finding`s (src/domain/listing/types.ts); the column is plain jsonb.
        findings: row.findings as unknown as Finding[],
        ...(row.trigger ? { trigger: row.trigger } : {}),
      });
    },
  );
};
