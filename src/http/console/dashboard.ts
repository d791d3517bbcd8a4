import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { type ShopDashboard, shopDashboard } from '../../app/store-health.js';
import { numberFormat } from '../../domain/intl.js';
import { fromMinorUnits } from '../../domain/shop/coupon.js';
import { TRUST_DEFAULTS } from '../../domain/shop/plans.js';
import { SELLER_FORMAT_LOCALES } from '../../domain/shop/seller-language.js';
import { CATEGORIES, LANGUAGES } from '../../domain/types.js';
import type { ConsoleT } from '../../i18n/console.js';
import type { ConsoleContext } from './context.js';
import { heatMap, percent } from './present.js';
import { pageFrame, renderPage, requireSession } from './session.js';

/** The periods the picker offers (days); the first is the default. */
export const PERIODS = [7, 30, 90] as const;

function periodOf(request: FastifyRequest): number {
  const days = Number((request.query as { days?: unknown }).days);
  return (PERIODS as readonly number[]).includes(days) ? days : PERIODS[0];
}

/** The funnel's stages in order, with their figure. */
function funnelStages(d: ShopDashboard): Array<[string, number]> {
  const f = d.funnel;
  return [
    ['received', f.received],
    ['drafted', f.drafted],
    ['approved', f.approved],
    ['edited', f.edited],
    ['rejected', f.rejected],
    ['escalated', f.escalated],
    ['auto_sent', f.autoSent],
    ['delivered', f.delivered],
  ];
}

/** The words the dashboard's charts need, in the seller's language. */
function chartLabels(t: ConsoleT, d: ShopDashboard) {
  return {
    messages: t('chart.messages'),
    firstResponse: t('chart.first_response'),
    funnel: Object.fromEntries(funnelStages(d).map(([stage]) => [stage, t(`funnel.${stage}`)])),
    kinds: Object.fromEntries(d.listingFindings.byKind.map((k) => [k.kind, t(`validation:kind.${k.kind}`)])),
  };
}

/**
 * The store-health dashboard (`GET /console?days=7|30|90`) and the figures its charts draw
 * (`GET /console/api/dashboard`): `shopDashboard`, the same queries as the digest and /metrics.
 */
export const dashboardPages: FastifyPluginAsync<ConsoleContext> = async (app, ctx) => {
  app.get('/', async (request, reply) => {
    const principal = await requireSession(ctx, request);
    const days = periodOf(request);
    const d = await shopDashboard(ctx.db, principal.shop.id, days, new Date());
    const frame = pageFrame(ctx, request, {
      title: ctx.texts.t(principal.language, 'nav.dashboard'),
      nav: 'dashboard',
      scripts: ['/console/vendor/chart.umd.min.js', '/console/assets/dashboard.js'],
    });
    const t = frame.t;
    const money = (value: number, currency: string) =>
      numberFormat(SELLER_FORMAT_LOCALES[frame.lang], { style: 'currency', currency }).format(value);
    const categoryName = (c: string | null) => (c ? t(`category.${c}`) : t('heat.unclassified'));
    const tickets = heatMap(
      d.ticketsByCategoryLanguage.map((r) => ({
        row: categoryName(r.category),
        column: r.language ?? '?',
        n: r.tickets,
      })),
      LANGUAGES,
    );
    const disputes = heatMap(
      d.notAsDescribedByListing.map((r) => ({ row: r.listingId, column: r.language ?? '?', n: r.disputes })),
      LANGUAGES,
    );
    const granted = d.couponsGranted.map((c) => money(fromMinorUnits(c.valueMinor, c.currency), c.currency));
    return renderPage(ctx, reply, './dashboard', frame, {
      days,
      periods: PERIODS,
      d,
      kpi: {
        messages: d.messagesByDay.reduce((sum, m) => sum + m.messages, 0),
        firstResponse:
          d.firstResponse.median === null
            ? t('kpi.none')
            : t('kpi.minutes', { count: d.firstResponse.median }),
        autoSent: d.funnel.autoSent,
        sla: d.sla.reminders + d.sla.escalatedNoAnswer + d.sla.escalatedDisputeNear,
      },
      tickets,
      disputes,
      categoryOrder: CATEGORIES,
      trust: d.autoSend.cells.map((c) => ({
        category: t(`category.${c.category}`),
        language: c.language,
        unchanged: Math.min(c.unchanged, c.minUnchangedApprovals),
        needed: c.minUnchangedApprovals,
        approvals: t('trust.approvals', { unchanged: c.unchanged, needed: c.minUnchangedApprovals }),
        rate: t('trust.edit_rate', { rate: percent(c.editRate), maxRate: percent(c.maxEditRate) }),
        state: !c.enabled
          ? t('trust.not_enabled')
          : c.earned
            ? t('trust.earned')
            : c.unchanged < c.minUnchangedApprovals
              ? t('trust.missing', { missing: c.minUnchangedApprovals - c.unchanged })
              : t('trust.rate_too_high'),
        earned: c.earned && c.enabled,
      })),
      trustIntro: t('trust.intro', {
        needed: TRUST_DEFAULTS.minUnchangedApprovals,
        maxRate: percent(TRUST_DEFAULTS.maxEditRate),
        window: TRUST_DEFAULTS.window,
      }),
      stalled: d.stalledShipments.map((s) => ({
        carrier: s.carrier,
        leg: t(`leg.${s.leg ?? 'unknown'}`),
        shipments: s.shipments,
      })),
      coupons: t('shipments.coupons', {
        count: d.couponsGranted.reduce((sum, c) => sum + c.coupons, 0),
        value: granted.join(', ') || money(0, d.couponBudget.currency),
      }),
      budget: t('shipments.budget', {
        left: money(d.couponBudget.left, d.couponBudget.currency),
        monthly: money(d.couponBudget.monthly, d.couponBudget.currency),
      }),
      findings: d.listingFindings.byKind.map((k) => ({
        name: t(`validation:kind.${k.kind}`),
        n: k.findings,
      })),
    });
  });

  app.get('/api/dashboard', async (request) => {
    const principal = await requireSession(ctx, request);
    const d = await shopDashboard(ctx.db, principal.shop.id, periodOf(request), new Date());
    const t = ctx.texts.bind(principal.language);
    return { dashboard: d, labels: chartLabels(t, d) };
  });
};
