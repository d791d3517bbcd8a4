import type { FastifyPluginAsync } from 'fastify';
import { findShopListingValidation, listShopListingValidations } from '../../db/listing-validations-repo.js';
import { LANGUAGES, type Language } from '../../domain/types.js';
import type { ConsoleContext } from './context.js';
import { highlightSegments, type PlacedFinding } from './present.js';
import { ConsoleRefusal, pageFrame, renderPage, requireSession } from './session.js';

const VALIDATION_ID = /^val_[A-Za-z0-9]{8,40}$/;
const FIELDS = ['title', 'description'] as const;

/** A stored finding, read defensively (findings are JSON written by the validation workflow). */
interface StoredFinding {
  lang?: unknown;
  field?: unknown;
  kind?: unknown;
  message?: unknown;
  span?: unknown;
  suggestion?: unknown;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * Listing validations: the shop's reports (`GET /console/listings`) and one report
 * (`GET /console/listings/:validationId`) with each language's title and description and every
 * finding marked in place from its `span`, numbered beside the list of findings.
 */
export const listingPages: FastifyPluginAsync<ConsoleContext> = async (app, ctx) => {
  app.get('/listings', async (request, reply) => {
    const principal = await requireSession(ctx, request);
    const rows = await listShopListingValidations(ctx.db, principal.shop.id, 100);
    const frame = pageFrame(ctx, request, {
      title: ctx.texts.t(principal.language, 'listings.title'),
      nav: 'listings',
    });
    return renderPage(ctx, reply, './listings', frame, {
      rows: rows.map((r) => ({
        id: r.id,
        listingId: r.listingId,
        status: r.status,
        findings: r.findings,
        triggered: r.triggered,
        checked: ctx.texts.formatDate(frame.lang, r.completedAt ?? r.createdAt),
      })),
    });
  });

  app.get('/listings/:validationId', async (request, reply) => {
    const principal = await requireSession(ctx, request);
    const { validationId } = request.params as { validationId: string };
    const row = VALIDATION_ID.test(validationId)
      ? await findShopListingValidation(ctx.db, principal.shop.id, validationId)
      : null;
    if (!row) throw new ConsoleRefusal(404, 'error.not_found', 'validation_not_found');
    const frame = pageFrame(ctx, request, {
      title: ctx.texts.t(principal.language, 'listing.title', { listingId: row.listingId }),
      nav: 'listings',
    });
    const findings = (row.findings as StoredFinding[]).map((f, i) => ({
      number: i + 1,
      lang: text(f.lang),
      field: text(f.field),
      kind: text(f.kind),
      kindName: frame.t(`validation:kind.${text(f.kind)}`),
      message: text(f.message),
      suggestion: text(f.suggestion) || null,
      span:
        Array.isArray(f.span) && f.span.length === 2 && f.span.every((n) => Number.isInteger(n))
          ? (f.span as [number, number])
          : undefined,
    }));
    const request_ = row.request as {
      title?: Record<string, unknown>;
      description?: Record<string, unknown>;
    };
    const languages = LANGUAGES.filter(
      (l) => request_.title?.[l] !== undefined || request_.description?.[l] !== undefined,
    );
    const versions = languages.map((lang: Language) => ({
      lang,
      name: frame.t(`language.${lang}`),
      fields: FIELDS.map((field) => {
        const value = text(request_[field]?.[lang]);
        const own: PlacedFinding[] = findings.filter((f) => f.lang === lang && f.field === field);
        return {
          field,
          name: frame.t(`validation:field.${field}`),
          segments: highlightSegments(value, own),
          empty: value === '',
        };
      }),
      findings: findings.filter((f) => f.lang === lang),
    }));
    return renderPage(ctx, reply, './listing', frame, {
      validation: {
        id: row.id,
        listingId: row.listingId,
        status: row.status,
        trigger: row.trigger
          ? frame.t('listing.trigger', { count: row.trigger.count, days: row.trigger.windowDays })
          : null,
      },
      versions,
      total: findings.length,
    });
  });
};
