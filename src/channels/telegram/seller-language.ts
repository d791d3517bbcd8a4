import type { Context } from 'grammy';
import type { Db } from '../../db/client.js';
import { adoptTelegramChatLanguage, findTelegramChat, getShop } from '../../db/shops-repo.js';
import { type SellerLanguage, sellerLanguageFromTag } from '../../domain/shop/seller-language.js';

/** The chat's language and shop, as the bot answers in it. */
export interface ChatLanguage {
  language: SellerLanguage;
  shopId?: string;
}

/**
 * The language the bot speaks in a chat: the chat's own (`/lang`, or its linker's Telegram
 * language), else the shop's seller language; in a chat not linked yet, the sender's Telegram
 * language when sellerdesk speaks it (`zh-hans` -> `zh-CN`), else English. Never the buyers' language.
 */
export async function chatSellerLanguage(db: Db, ctx: Context): Promise<ChatLanguage> {
  const chatId = ctx.chat ? String(ctx.chat.id) : undefined;
  const link = chatId ? await findTelegramChat(db, chatId) : null;
  if (link) {
    if (link.language) return { language: link.language, shopId: link.shopId };
    const shop = await getShop(db, link.shopId);
    return { language: shop?.sellerLanguage ?? 'en', shopId: link.shopId };
  }
  return { language: sellerLanguageFromTag(ctx.from?.language_code) ?? 'en' };
}

/**
 * A chat just linked (link code or invite) with no language of its own takes the linking seller's
 * Telegram language when sellerdesk speaks it: a seller whose Telegram is in Chinese gets Chinese
 * cards even when the shop's buyers write Portuguese. `/lang` changes it later.
 */
export async function adoptSellerTelegramLanguage(db: Db, ctx: Context): Promise<void> {
  const language = sellerLanguageFromTag(ctx.from?.language_code);
  if (language && ctx.chat) await adoptTelegramChatLanguage(db, String(ctx.chat.id), language);
}
