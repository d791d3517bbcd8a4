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
  ].join('\n');
}
