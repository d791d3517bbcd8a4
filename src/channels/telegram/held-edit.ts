import { Composer, type Context } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';
import { DECISION_ERRORS } from '../../../workflows/contracts/ticket.js';
import { authorizeChatUser } from '../../app/access.js';
import { EDIT_LANGUAGE_MISMATCH, HELD_EDIT_NOT_FOUND, isWordedRefusal } from '../../app/decision-refusals.js';
import type { DecideOutcome, EditLanguageHold } from '../../app/ticket-service-types.js';
import { getTicket } from '../../db/tickets-repo.js';
import type { ReplyRenderer } from '../../domain/reply/index.js';
import type { SellerLanguage } from '../../domain/shop/seller-language.js';
import type { Actor } from '../../domain/types.js';
import { buildAlreadyDecidedText } from './cards.js';
import type { BotDeps } from './deps.js';
import { chatSellerLanguage } from './seller-language.js';

/** Buttons under a held edit: `held:send:<ticketId>:<editId>` and `held:drop:...` (at most 64 bytes). */
const HELD_CALLBACK = /^held:(send|drop):(tkt_[A-Za-z0-9]{1,40}):(\d{1,15})$/;

/** What a held-edit button asks for. */
export interface HeldEditCallback {
  choice: 'send' | 'drop';
  ticketId: string;
  heldEditId: number;
}

/** Callback data of a held-edit button. */
export function encodeHeldEditCallback(
  choice: 'send' | 'drop',
  ticketId: string,
  heldEditId: number,
): string {
  return `held:${choice}:${ticketId}:${heldEditId}`;
}

/** Parses a held-edit button press; null for anything else. */
export function parseHeldEditCallback(data: string | undefined): HeldEditCallback | null {
  const match = data ? HELD_CALLBACK.exec(data) : null;
  if (!match) return null;
  return { choice: match[1] as 'send' | 'drop', ticketId: match[2]!, heldEditId: Number(match[3]) };
}

/** The name of what a held text reads as, in the seller's language ("Chinese", "西班牙语"). */
function writtenLanguageName(renderer: ReplyRenderer, language: SellerLanguage, detected: string): string {
  return ['zh', 'ja', 'ko', 'other'].includes(detected)
    ? renderer.t(language, `written_language.${detected}`)
    : renderer.t(language, `language.${detected}`);
}

/** The warning shown for an edit held for its language, in the seller's language. */
export function buildHeldEditWarning(
  renderer: ReplyRenderer,
  language: SellerLanguage,
  hold: EditLanguageHold,
): string {
  return renderer.t(language, 'edit_language.warning', {
    detected: writtenLanguageName(renderer, language, hold.detected),
    expected: renderer.t(language, `language.${hold.expected}`),
  });
}

/** "Send anyway" / "Don't send" under a held edit. */
export function buildHeldEditKeyboard(
  renderer: ReplyRenderer,
  language: SellerLanguage,
  ticketId: string,
  heldEditId: number,
): InlineKeyboardMarkup {
  return {
    inline_keyboard: [
      [
        {
          text: `✅ ${renderer.t(language, 'edit_language.send')}`,
          callback_data: encodeHeldEditCallback('send', ticketId, heldEditId),
        },
        {
          text: `✖️ ${renderer.t(language, 'edit_language.drop')}`,
          callback_data: encodeHeldEditCallback('drop', ticketId, heldEditId),
        },
      ],
    ],
  };
}

/** A refused decision as one sentence in the seller's language ("already decided by ... at ..."). */
export function describeRefusal(
  renderer: ReplyRenderer,
  language: SellerLanguage,
  outcome: Extract<DecideOutcome, { ok: false }>,
): string {
  if (outcome.code === DECISION_ERRORS.alreadyDecided && outcome.decided) {
    return buildAlreadyDecidedText(renderer, language, outcome.decided);
  }
  if (outcome.code === EDIT_LANGUAGE_MISMATCH && outcome.hold) {
    return buildHeldEditWarning(renderer, language, outcome.hold);
  }
  return isWordedRefusal(outcome.code) ? renderer.t(language, `error.${outcome.code}`) : outcome.message;
}

/**
 * Answers an edit held for its language: the warning in the seller's language, as a reply to the
 * seller's text, with "Send anyway" and "Don't send" buttons. Nothing was sent to the buyer.
 */
export function replyToHeldEdit(
  ctx: Context,
  renderer: ReplyRenderer,
  language: SellerLanguage,
  ticketId: string,
  hold: EditLanguageHold,
) {
  const keyboard =
    hold.heldEditId !== undefined
      ? { reply_markup: buildHeldEditKeyboard(renderer, language, ticketId, hold.heldEditId) }
      : {};
  return ctx.reply(buildHeldEditWarning(renderer, language, hold), {
    ...keyboard,
    ...(ctx.message ? { reply_parameters: { message_id: ctx.message.message_id } } : {}),
  });
}

/**
 * `held:` buttons: "Send anyway" sends the held text through the one decision path (same role
 * check as the card buttons; the first decision wins), "Don't send" leaves the ticket waiting.
 * Either way the warning loses its buttons.
 */
export function heldEditFeature(deps: BotDeps, actorOf: (ctx: Context) => Actor) {
  const feature = new Composer<Context>();
  feature.on('callback_query:data', async (ctx, next) => {
    const parsed = parseHeldEditCallback(ctx.callbackQuery.data);
    if (!parsed) {
      if (ctx.callbackQuery.data.startsWith('held:')) return ctx.answerCallbackQuery();
      return next();
    }
    const { language, shopId } = await chatSellerLanguage(deps.db, ctx);
    const t = (key: string) => deps.renderer.t(language, key);
    const ticket = await getTicket(deps.db, parsed.ticketId);
    if (!ticket || !shopId || ticket.shopId !== shopId) {
      return ctx.answerCallbackQuery({ text: t('error.ticket_not_found'), show_alert: true });
    }
    const userId = ctx.from ? String(ctx.from.id) : undefined;
    if (!(await authorizeChatUser(deps.db, shopId, { channel: 'telegram', userId }, 'decide')).ok) {
      return ctx.answerCallbackQuery({ text: t('team.denied_agent'), show_alert: true });
    }
    const warning = ctx.callbackQuery.message?.text ?? '';
    const close = (line: string) =>
      ctx
        .editMessageText(warning ? `${warning}\n\n${line}` : line, { reply_markup: { inline_keyboard: [] } })
        .catch((error: Error) =>
          deps.logger.warn({ err: { message: error.message } }, 'held edit warning not edited'),
        );
    if (parsed.choice === 'drop') {
      await close(`✖️ ${t('edit_language.dropped')}`);
      return ctx.answerCallbackQuery({ text: t('edit_language.dropped') });
    }
    const outcome = await deps.tickets.sendHeldEdit(parsed.ticketId, parsed.heldEditId, actorOf(ctx));
    if (outcome.ok) {
      deps.metrics?.decisions.inc({ action: 'edit', channel: 'telegram' });
      await close(`✅ ${t('decided.edit')}`);
      return ctx.answerCallbackQuery({ text: t('decided.edit') });
    }
    const text = describeRefusal(deps.renderer, language, outcome);
    if (outcome.code === DECISION_ERRORS.alreadyDecided || outcome.code === HELD_EDIT_NOT_FOUND) {
      await close(text);
    }
    return ctx.answerCallbackQuery({ text, show_alert: true });
  });
  return feature;
}
