import { Composer, type Context } from 'grammy';
import { DECISION_ERRORS } from '../../../workflows/contracts/ticket.js';
import { authorizeChatUser } from '../../app/access.js';
import { isWordedRefusal } from '../../app/decision-refusals.js';
import { getTicket } from '../../db/tickets-repo.js';
import { telegramActor } from './actor.js';
import { parseCategoryCallback } from './callback-data.js';
import { buildAlreadyDecidedText, buildCategoryKeyboard, buildDecisionKeyboard } from './cards.js';
import type { BotDeps } from './deps.js';
import { chatSellerLanguage } from './seller-language.js';

/** Ticket statuses whose category can still be corrected. */
const CORRECTABLE = new Set(['awaiting_approval', 'escalated']);

/**
 * The approval card's "Category" button (issue 17): `category:` swaps the card's buttons for the
 * 13 categories in the seller's language, `setcat:` corrects the ticket to the one pressed (the
 * workflow redrafts it and replaces the card; nothing is sent without a decision), `catback:`
 * puts the decision buttons back. Only members who may decide, only on their shop's tickets.
 */
export function categoryFeature(deps: BotDeps) {
  const feature = new Composer<Context>();
  feature.on('callback_query:data', async (ctx, next) => {
    const parsed = parseCategoryCallback(ctx.callbackQuery.data);
    if (!parsed) return next();
    const { shopId, language } = await chatSellerLanguage(deps.db, ctx);
    const t = (key: string, options?: Record<string, unknown>) => deps.renderer.t(language, key, options);
    const refuse = (text: string) => ctx.answerCallbackQuery({ text, show_alert: true });
    const ticket = shopId ? await getTicket(deps.db, parsed.ticketId, shopId) : null;
    if (!shopId || !ticket) return refuse(t('error.ticket_not_found'));
    const userId = ctx.from ? String(ctx.from.id) : undefined;
    if (!(await authorizeChatUser(deps.db, shopId, { channel: 'telegram', userId }, 'decide')).ok) {
      return refuse(t('team.denied_agent'));
    }
    const decisionButtons = () =>
      ctx.editMessageReplyMarkup({
        reply_markup: buildDecisionKeyboard(deps.renderer, language, ticket.id, { correctable: true }),
      });

    if (parsed.kind === 'back') {
      await ctx.answerCallbackQuery();
      if (CORRECTABLE.has(ticket.status)) await decisionButtons();
      return;
    }
    if (parsed.kind === 'open') {
      if (ticket.origin !== 'buyer') return refuse(t('error.not_a_buyer_ticket'));
      if (ticket.status === 'closed') return refuse(t('error.ticket_closed'));
      if (!CORRECTABLE.has(ticket.status)) {
        if (ticket.decidedBy && ticket.decidedAt) {
          return refuse(
            buildAlreadyDecidedText(deps.renderer, language, {
              decidedBy: ticket.decidedBy,
              decidedAt: ticket.decidedAt.toISOString(),
            }),
          );
        }
        return refuse(t('error.draft_not_ready'));
      }
      await ctx.answerCallbackQuery({ text: t('correction.pick') });
      await ctx.editMessageReplyMarkup({
        reply_markup: buildCategoryKeyboard(deps.renderer, language, ticket.id, ticket.category),
      });
      return;
    }

    const outcome = await deps.tickets.correctCategory(ticket.id, {
      category: parsed.category,
      actor: telegramActor(ctx),
    });
    if (outcome.ok) {
      deps.logger.info(
        { ticketId: ticket.id, category: parsed.category, from: outcome.result.correctedFrom },
        'category corrected from telegram',
      );
      // The workflow redrafts and replaces this card with the new draft's.
      return ctx.answerCallbackQuery({
        text: t('correction.done', { category: t(`category.${parsed.category}`) }),
      });
    }
    if (outcome.code === DECISION_ERRORS.alreadyDecided && outcome.decided) {
      return refuse(buildAlreadyDecidedText(deps.renderer, language, outcome.decided));
    }
    await refuse(isWordedRefusal(outcome.code) ? t(`error.${outcome.code}`) : outcome.message);
    if (outcome.code === 'category_unchanged') await decisionButtons();
  });
  return feature;
}
