import type { ShopTeamChannel, TeamChannel } from '../../activities/ports.js';
import { SLACK_CARD_CHANNEL } from '../../db/cards-repo.js';
import type { ReplyRenderer } from '../../domain/reply/index.js';
import type { SellerLanguage } from '../../domain/shop/seller-language.js';
import {
  buildBuyerThreadMessage,
  buildOutcomeMessage,
  buildTeamCard,
  type SlackMessage,
  slackTexts,
} from './blocks.js';
import { toSlackApiError } from './notifier.js';
import type { SlackWorkspaces } from './workspaces.js';

/** Runs one Web API call; whatever it throws becomes a SlackApiError (a `ChannelFailure`). */
async function slackCall<T>(method: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw toSlackApiError(error, method);
  }
}

/** A plain-text note that replaces a card or a thread post. */
function noteMessage(text: string): SlackMessage {
  return { text, blocks: [{ type: 'section', text: { type: 'plain_text', text } }] };
}

/** The words of a shop's cards: the seller catalogue and each shop's seller language. */
export interface ShopSellerTexts {
  renderer: Pick<ReplyRenderer, 't'>;
  languageOf(shopId: string): Promise<SellerLanguage>;
}

/**
 * The team channel over the shops' Slack workspaces: each shop's cards go through its own
 * installation (team token) to its support channel, written as Block Kit by `blocks.ts` in the
 * shop's seller language.
 */
export function createSlackTeamChannel(workspaces: SlackWorkspaces, seller: ShopSellerTexts): TeamChannel {
  return {
    enabled: true,
    cardChannel: SLACK_CARD_CHANNEL,
    async forShop(shopId): Promise<ShopTeamChannel | undefined> {
      const shopSlack = await workspaces.forShop(shopId);
      if (!shopSlack) return undefined;
      const { cards } = shopSlack;
      const tx = slackTexts(seller.renderer, await seller.languageOf(shopId));
      return {
        channel: shopSlack.channel,
        async postCard(channel, card) {
          const message = buildTeamCard(tx, card);
          const posted = await slackCall('chat.postMessage', () => cards.postMessage(channel, message));
          return { chatId: posted.channel, messageId: posted.ts };
        },
        updateCard(ref, card) {
          const message = buildTeamCard(tx, card);
          return slackCall('chat.update', () => cards.update(ref.chatId, ref.messageId, message));
        },
        showOutcome(ref, outcome) {
          const message = buildOutcomeMessage(tx, outcome);
          return slackCall('chat.update', () => cards.update(ref.chatId, ref.messageId, message));
        },
        postToThread(ref, buyerText) {
          const message = buildBuyerThreadMessage(tx, buyerText);
          return slackCall('chat.postMessage', () => cards.postThread(ref.chatId, ref.messageId, message));
        },
        replaceWithNote(ref, text) {
          return cards.update(ref.chatId, ref.messageId, noteMessage(text));
        },
      };
    },
  };
}
