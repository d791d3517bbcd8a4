import type { HealthFigures } from '../../db/health-repo.js';
import type { ReplyRenderer } from '../../domain/reply/index.js';
import type { SellerLanguage } from '../../domain/shop/seller-language.js';

/** The daily store-health digest in the chat's language: tickets by category and language, and more. */
export function buildDigestText(
  renderer: ReplyRenderer,
  language: SellerLanguage,
  shopName: string,
  figures: HealthFigures,
): string {
  const t = (key: string, options?: Record<string, unknown>) => renderer.t(language, key, options);
  const list = (counts: Record<string, number>, prefix?: string) =>
    Object.entries(counts)
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => `${prefix ? t(`${prefix}.${k}`) : k} ${n}`)
      .join(', ') || '—';
  return [
    t('digest.title', { shop: shopName }),
    `${t('digest.tickets')}: ${figures.tickets}`,
    `${t('digest.by_category')}: ${list(figures.byCategory)}`,
    `${t('digest.by_language')}: ${list(figures.byLanguage)}`,
    `${t('digest.median_approval')}: ${figures.medianApprovalMinutes === null ? '—' : t('digest.minutes', { minutes: figures.medianApprovalMinutes })}`,
    `${t('digest.auto_share')}: ${Math.round(figures.autoSentShare * 100)}%`,
    `${t('digest.stalled')}: ${figures.stalledShipments}`,
    `${t('digest.coupons')}: ${figures.couponsGranted}`,
    `${t('digest.corrections')}: ${correctionList(figures, (key) => t(key))}`,
  ].join('\n');
}

/**
 * The correction rate per category (as classified) and language, where the seller corrected any:
 * "Cancel order · en 2/14 (14%)", most corrected first; a dash when there were none.
 */
function correctionList(figures: HealthFigures, t: (key: string) => string): string {
  const corrected = (figures.corrections ?? []).filter((r) => r.corrected > 0);
  corrected.sort((a, b) => b.corrected - a.corrected || b.tickets - a.tickets);
  return (
    corrected
      .map(
        (r) =>
          `${t(`category.${r.category}`)} · ${r.language} ${r.corrected}/${r.tickets} (${Math.round((r.corrected / r.tickets) * 100)}%)`,
      )
      .join(', ') || '—'
  );
}
