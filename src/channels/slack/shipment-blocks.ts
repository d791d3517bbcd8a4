import { escapeMrkdwn, quote, SECTION_LIMIT, type SlackMessage, type SlackTexts, section } from './blocks.js';

/** A shipment the watch hands to the team (stall, exception, return), as a plain channel message. */
export function buildShipmentNotice(
  tx: SlackTexts,
  notice: { orderId: string; trackingNumber: string; reason: string; text: string },
): SlackMessage {
  const { t } = tx;
  const head = [
    `🚚 *${t('slack.shipment')}*`,
    t('slack.order', { order: `*${escapeMrkdwn(notice.orderId)}*` }),
    t('slack.tracking', { tracking: `\`${escapeMrkdwn(notice.trackingNumber)}\`` }),
    escapeMrkdwn(notice.reason),
  ].join(' · ');
  return {
    text: t('slack.fallback_shipment', {
      orderId: escapeMrkdwn(notice.orderId),
      reason: escapeMrkdwn(notice.reason),
    }),
    blocks: [section(head), section(quote(notice.text, SECTION_LIMIT))],
  };
}
