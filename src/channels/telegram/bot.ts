import { autoRetry } from '@grammyjs/auto-retry';
import { Bot, Composer, type Context } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { authorizeChatUser } from '../../app/access.js';
import { recordAudit } from '../../db/audit-repo.js';
import { listPendingTickets } from '../../db/pending-repo.js';
import {
  getShop,
  linkChatToShop,
  redeemLinkCode,
  setAutoSendPaused,
  setTelegramChatLanguage,
  unlinkTelegramChat,
} from '../../db/shops-repo.js';
import {
  claimOwnershipIfFirst,
  createInvite,
  listMembers,
  redeemInvite,
  removeMember,
} from '../../db/team-repo.js';
import { getTicket } from '../../db/tickets-repo.js';
import { isRole, type TeamAction } from '../../domain/shop/roles.js';
import {
  SELLER_LANGUAGE_CODES,
  SELLER_LANGUAGES,
  sellerLanguageFromTag,
} from '../../domain/shop/seller-language.js';
import { telegramActor } from './actor.js';
import { parseDecisionCallback } from './callback-data.js';
import { buildAlreadyDecidedText } from './cards.js';
import { categoryFeature } from './category.js';
import { consoleFeature } from './console-link.js';
import type { BotDeps } from './deps.js';
import { dictionaryFeature } from './dictionary.js';
import { describeRefusal, heldEditFeature, replyToHeldEdit } from './held-edit.js';
import { adoptSellerTelegramLanguage, type ChatLanguage, chatSellerLanguage } from './seller-language.js';

/** Options for the grammY client: the Bot API base and, in tests, a known bot identity. */
export interface BotOptions {
  apiRoot: string;
  botInfo?: UserFromGetMe;
}

const EDIT_MARKER = /#(tkt_[A-Za-z0-9_-]{1,56})/;

const actorOf = telegramActor;

function chatLanguage(deps: BotDeps, ctx: Context): Promise<ChatLanguage> {
  return chatSellerLanguage(deps.db, ctx);
}

/** Whether the Telegram user behind `ctx` may do `action` in the shop (`authorize`, one rule table). */
async function hasRole(deps: BotDeps, shopId: string, ctx: Context, action: TeamAction): Promise<boolean> {
  const userId = ctx.from ? String(ctx.from.id) : undefined;
  return (await authorizeChatUser(deps.db, shopId, { channel: 'telegram', userId }, action)).ok;
}

/** Whether the Telegram user behind `ctx` is a member of the shop, whatever the role. */
async function isMember(deps: BotDeps, shopId: string, ctx: Context): Promise<boolean> {
  return hasRole(deps, shopId, ctx, 'view');
}

/** `/start <code>`, `/help`, `/lang`, `/pending`: linking a chat and everyday commands. */
function commandsFeature(deps: BotDeps) {
  const feature = new Composer<Context>();
  feature.command('start', async (ctx) => {
    const code = ctx.match.trim();
    const { language } = await chatLanguage(deps, ctx);
    const t = (key: string, options?: Record<string, unknown>) => deps.renderer.t(language, key, options);
    if (!code) return ctx.reply(t('link.missing_code'));
    const userId = ctx.from ? String(ctx.from.id) : undefined;
    const name = actorOf(ctx).name;
    if (code.startsWith('inv_')) {
      if (!userId) return ctx.reply(t('link.invalid_code'));
      const joined = await redeemInvite(deps.db, code, 'telegram', userId, name);
      if (!joined) return ctx.reply(t('team.invite_invalid'));
      const shop = await getShop(deps.db, joined.shopId);
      if (!shop) return ctx.reply(t('link.invalid_code'));
      const moved = await linkChatToShop(deps.db, shop.id, String(ctx.chat.id), userId);
      if (moved) await adoptSellerTelegramLanguage(deps.db, ctx);
      // Linked: the chat's language; not moved: this seller's own, never the other shop's buyers'.
      const spoken = moved ? (await chatLanguage(deps, ctx)).language : language;
      const joinedText = deps.renderer.t(spoken, 'team.joined', {
        shop: shop.name,
        role: deps.renderer.t(spoken, `team.role_${joined.role}`),
      });
      return ctx.reply(
        moved ? joinedText : `${joinedText}\n${deps.renderer.t(spoken, 'link.linked_elsewhere')}`,
      );
    }
    const chatId = String(ctx.chat.id);
    const outcome = await redeemLinkCode(deps.db, code, chatId, userId);
    if (outcome.status === 'invalid') return ctx.reply(t('link.invalid_code'));
    if (outcome.status === 'owner_confirmation_needed') return ctx.reply(t('link.linked_elsewhere'));
    const shop = outcome.shop;
    if (outcome.status === 'linked') {
      await recordAudit(deps.db, {
        shopId: shop.id,
        kind: 'chat_linked',
        actor: actorOf(ctx),
        details: { chatId, chatType: ctx.chat.type, via: 'link_code' },
      });
      if (outcome.movedFrom) {
        await recordAudit(deps.db, {
          shopId: outcome.movedFrom,
          kind: 'chat_unlinked',
          actor: actorOf(ctx),
          details: { chatId, movedTo: shop.id },
        });
      }
    }
    if (userId) await claimOwnershipIfFirst(deps.db, shop.id, userId, name);
    await adoptSellerTelegramLanguage(deps.db, ctx);
    deps.logger.info({ shopId: shop.id, chatType: ctx.chat.type }, 'telegram chat linked');
    const linked = await chatLanguage(deps, ctx);
    return ctx.reply(deps.renderer.t(linked.language, 'link.success', { shop: shop.name }));
  });
  feature.command('unlink', async (ctx) => {
    const { language, shopId } = await chatLanguage(deps, ctx);
    const t = (key: string, options?: Record<string, unknown>) => deps.renderer.t(language, key, options);
    if (!shopId) return ctx.reply(t('link.not_linked'));
    if (!(await isMember(deps, shopId, ctx))) return ctx.reply(t('team.denied_member'));
    const chatId = String(ctx.chat.id);
    if (await unlinkTelegramChat(deps.db, shopId, chatId)) {
      await recordAudit(deps.db, {
        shopId,
        kind: 'chat_unlinked',
        actor: actorOf(ctx),
        details: { chatId, via: 'unlink' },
      });
    }
    return ctx.reply(t('link.unlinked'));
  });
  feature.command('leave', async (ctx) => {
    const { language, shopId } = await chatLanguage(deps, ctx);
    const t = (key: string, options?: Record<string, unknown>) => deps.renderer.t(language, key, options);
    if (!shopId) return ctx.reply(t('link.not_linked'));
    if (!ctx.from) return ctx.reply(t('team.denied_member'));
    const outcome = await removeMember(deps.db, {
      shopId,
      channel: 'telegram',
      userId: String(ctx.from.id),
      actor: actorOf(ctx),
    });
    if (outcome.status === 'not_found') return ctx.reply(t('team.denied_member'));
    if (outcome.status === 'last_owner') return ctx.reply(t('team.last_owner'));
    return ctx.reply(t('team.left'));
  });
  feature.command('remove', async (ctx) => {
    const { language, shopId } = await chatLanguage(deps, ctx);
    const t = (key: string, options?: Record<string, unknown>) => deps.renderer.t(language, key, options);
    if (!shopId) return ctx.reply(t('link.not_linked'));
    if (!(await hasRole(deps, shopId, ctx, 'manage'))) return ctx.reply(t('team.denied_owner'));
    const wanted = ctx.match.trim();
    if (!wanted) return ctx.reply(t('team.remove_usage'));
    const handle = wanted.startsWith('@') ? wanted.toLowerCase() : `@${wanted.toLowerCase()}`;
    const members = (await listMembers(deps.db, shopId)).filter((m) => m.channel === 'telegram');
    // A display name is not unique (anyone may call themselves "@owner"): the id wins, and an
    // ambiguous name asks for the id instead of guessing.
    const byName = members.filter((m) => m.name?.toLowerCase() === handle);
    const member = members.find((m) => m.userId === wanted) ?? (byName.length === 1 ? byName[0] : undefined);
    if (byName.length > 1 && !member) return ctx.reply(t('team.remove_usage'));
    if (!member) return ctx.reply(t('team.remove_not_found', { member: wanted }));
    const outcome = await removeMember(deps.db, {
      shopId,
      channel: 'telegram',
      userId: member.userId,
      actor: actorOf(ctx),
    });
    if (outcome.status === 'last_owner') return ctx.reply(t('team.last_owner'));
    if (outcome.status === 'not_found') return ctx.reply(t('team.remove_not_found', { member: wanted }));
    return ctx.reply(t('team.removed', { member: member.name ?? member.userId }));
  });
  feature.command('invite', async (ctx) => {
    const { language, shopId } = await chatLanguage(deps, ctx);
    const t = (key: string, options?: Record<string, unknown>) => deps.renderer.t(language, key, options);
    if (!shopId) return ctx.reply(t('link.not_linked'));
    if (!(await hasRole(deps, shopId, ctx, 'manage'))) return ctx.reply(t('team.denied_owner'));
    const role = ctx.match.trim().toLowerCase() || 'agent';
    if (!isRole(role)) return ctx.reply(t('team.invite_usage'));
    const code = await createInvite(deps.db, shopId, role, `telegram:${ctx.from?.id}`);
    return ctx.reply(t('team.invite_created', { code, role: t(`team.role_${role}`) }));
  });
  feature.command('team', async (ctx) => {
    const { language, shopId } = await chatLanguage(deps, ctx);
    const t = (key: string, options?: Record<string, unknown>) => deps.renderer.t(language, key, options);
    if (!shopId) return ctx.reply(t('link.not_linked'));
    if (!(await isMember(deps, shopId, ctx))) return ctx.reply(t('team.denied_member'));
    const members = await listMembers(deps.db, shopId);
    const lines = members.map((m) => `• ${m.name ?? m.userId} (${m.channel}): ${t(`team.role_${m.role}`)}`);
    return ctx.reply([t('team.header', { total: members.length }), ...lines].join('\n'));
  });
  for (const [command, paused] of [
    ['pause', true],
    ['resume', false],
  ] as const) {
    feature.command(command, async (ctx) => {
      const { language, shopId } = await chatLanguage(deps, ctx);
      const t = (key: string, options?: Record<string, unknown>) => deps.renderer.t(language, key, options);
      if (!shopId) return ctx.reply(t('link.not_linked'));
      if (!(await hasRole(deps, shopId, ctx, 'manage'))) return ctx.reply(t('team.denied_owner'));
      await setAutoSendPaused(deps.db, shopId, paused, `telegram:${ctx.from?.id}`);
      await recordAudit(deps.db, {
        shopId,
        kind: paused ? 'auto_send_paused' : 'auto_send_resumed',
        actor: actorOf(ctx),
      });
      return ctx.reply(t(paused ? 'team.paused' : 'team.resumed'));
    });
  }
  feature.command('help', async (ctx) => {
    const { language } = await chatLanguage(deps, ctx);
    return ctx.reply(deps.renderer.t(language, 'help'));
  });
  feature.command('lang', async (ctx) => {
    const { language, shopId } = await chatLanguage(deps, ctx);
    const code = ctx.match.trim();
    if (!shopId) return ctx.reply(deps.renderer.t(language, 'link.not_linked'));
    // `zh`, `zh-CN`, `zh-hans`, `cn`, `中文` -> zh-CN; `pt-BR` -> pt.
    const chosen = sellerLanguageFromTag(code);
    if (!chosen) {
      const codes = SELLER_LANGUAGES.map((l) => SELLER_LANGUAGE_CODES[l]).join(', ');
      return ctx.reply(deps.renderer.t(language, 'lang.invalid', { code: code.slice(0, 20) || '?', codes }));
    }
    await setTelegramChatLanguage(deps.db, String(ctx.chat.id), chosen);
    return ctx.reply(
      deps.renderer.t(chosen, 'lang.success', { language: deps.renderer.t(chosen, `language.${chosen}`) }),
    );
  });
  feature.command('pending', async (ctx) => {
    const { language, shopId } = await chatLanguage(deps, ctx);
    if (!shopId) return ctx.reply(deps.renderer.t(language, 'link.not_linked'));
    if (!(await isMember(deps, shopId, ctx)))
      return ctx.reply(deps.renderer.t(language, 'team.denied_member'));
    const pending = await listPendingTickets(deps.db, shopId);
    if (pending.length === 0) return ctx.reply(deps.renderer.t(language, 'pending.empty'));
    const lines = pending.map(
      (p) =>
        `• #${p.id} · ${p.orderId} · ${p.category ? deps.renderer.t(language, `category.${p.category}`) : '?'} · ${p.language ?? '?'}`,
    );
    return ctx.reply(
      `${deps.renderer.t(language, 'pending.header', { count: pending.length })}\n${lines.join('\n')}`,
    );
  });
  return feature;
}

/** How long a card button waits for the workflow to take note of the card it was pressed on. */
const DRAFT_WAIT_MS = 10_000;

/** Approval-card buttons and the reply that carries an edited text. */
function decisionsFeature(deps: BotDeps) {
  const feature = new Composer<Context>();

  async function decide(
    ctx: Context,
    ticketId: string,
    action: 'approve' | 'edit' | 'reject' | 'escalate',
    text?: string,
  ) {
    const { language, shopId } = await chatLanguage(deps, ctx);
    const t = (key: string, options?: Record<string, unknown>) => deps.renderer.t(language, key, options);
    const ticket = await getTicket(deps.db, ticketId);
    if (!ticket || !shopId || ticket.shopId !== shopId)
      return { ok: false as const, language, message: t('error.ticket_not_found') };
    if (!(await hasRole(deps, shopId, ctx, 'decide')))
      return { ok: false as const, language, message: t('team.denied_agent') };
    const outcome = await deps.tickets.decide(
      ticketId,
      { action, actor: actorOf(ctx), ...(text !== undefined ? { text } : {}) },
      // A text not in the buyer's language waits for the seller's "Send anyway" (held-edit.ts). A
      // button pressed on a card the seller sees may beat the workflow noting the card: it waits.
      { keepHeldText: true, ticket, ...(text === undefined ? { waitForDraftMs: DRAFT_WAIT_MS } : {}) },
    );
    if (outcome.ok) {
      deps.metrics?.decisions.inc({ action, channel: 'telegram' });
      return { ok: true as const, language, message: t(`decided.${action}`) };
    }
    return {
      ok: false as const,
      language,
      message: describeRefusal(deps.renderer, language, outcome),
      ...(outcome.hold ? { hold: outcome.hold } : {}),
    };
  }

  feature.on('callback_query:data', async (ctx) => {
    const parsed = parseDecisionCallback(ctx.callbackQuery.data);
    if (!parsed) return ctx.answerCallbackQuery();
    if (parsed.action === 'edit') {
      const { language, shopId } = await chatLanguage(deps, ctx);
      const ticket = await getTicket(deps.db, parsed.ticketId);
      if (ticket && shopId && !(await hasRole(deps, shopId, ctx, 'decide'))) {
        return ctx.answerCallbackQuery({
          text: deps.renderer.t(language, 'team.denied_agent'),
          show_alert: true,
        });
      }
      if (!ticket || ticket.shopId !== shopId) {
        return ctx.answerCallbackQuery({
          text: deps.renderer.t(language, 'error.ticket_not_found'),
          show_alert: true,
        });
      }
      if (ticket.status !== 'awaiting_approval') {
        const state = await deps.tickets.decide(parsed.ticketId, {
          action: 'edit',
          actor: actorOf(ctx),
          text: '',
        });
        if (!state.ok && state.decided) {
          return ctx.answerCallbackQuery({
            text: buildAlreadyDecidedText(deps.renderer, language, state.decided),
            show_alert: true,
          });
        }
      }
      await ctx.answerCallbackQuery();
      return ctx.reply(
        `${deps.renderer.t(language, 'edit.prompt', { ticketId: parsed.ticketId })}\n#${parsed.ticketId}`,
        {
          reply_markup: { force_reply: true, selective: true, input_field_placeholder: '…' },
        },
      );
    }
    const result = await decide(ctx, parsed.ticketId, parsed.action);
    return ctx.answerCallbackQuery({ text: result.message, show_alert: !result.ok });
  });

  feature.on('message:text', async (ctx, next) => {
    const replied = ctx.message.reply_to_message;
    const marker = replied?.from?.id === ctx.me.id ? EDIT_MARKER.exec(replied.text ?? '') : null;
    if (!marker?.[1]) return next();
    const result = await decide(ctx, marker[1], 'edit', ctx.message.text);
    if (!result.ok && result.hold) {
      return replyToHeldEdit(ctx, deps.renderer, result.language, marker[1], result.hold);
    }
    return ctx.reply(result.message, { reply_parameters: { message_id: ctx.message.message_id } });
  });
  return feature;
}

/** Builds the seller bot: one composer per feature, an error boundary, and an unhandled fallback. */
export function createBot(token: string, deps: BotDeps, options: BotOptions): Bot {
  const bot = new Bot(token, {
    client: { apiRoot: options.apiRoot, timeoutSeconds: 60 },
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
  });
  bot.api.config.use(autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 60, rethrowHttpErrors: false }));
  bot.use(commandsFeature(deps));
  bot.use(consoleFeature(deps));
  bot.use(dictionaryFeature(deps));
  bot.use(categoryFeature(deps));
  bot.use(heldEditFeature(deps, actorOf));
  bot.use(decisionsFeature(deps));
  bot.on('message:text', async (ctx) => {
    const { language } = await chatLanguage(deps, ctx);
    return ctx.reply(deps.renderer.t(language, 'help'));
  });
  bot.catch((error) => {
    deps.logger.error(
      {
        updateId: error.ctx.update.update_id,
        err: {
          name: error.error instanceof Error ? error.error.name : 'Error',
          message: error.error instanceof Error ? error.error.message : String(error.error),
        },
      },
      'telegram update failed',
    );
  });
  return bot;
}
