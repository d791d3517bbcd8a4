import { ApplicationFailure } from '@temporalio/common';
import type { Logger } from 'pino';
import { closeCard } from '../db/cards-repo.js';
import type { Db } from '../db/client.js';
import type { ErasureReason } from '../db/erasure-keys.js';
import { listCardsOfTickets, orderIdsOf } from '../db/erasure-repo.js';
import { getShop, listTelegramChats } from '../db/shops-repo.js';
import type { ReplyRenderer } from '../domain/reply/index.js';
import type { SellerLanguage } from '../domain/shop/seller-language.js';
import type { ApprovalChannel, TeamChannel } from './ports.js';

/** What the card redaction needs: the approval channel (absent: Telegram off) and the team channel. */
export interface ErasureActivityDeps {
  db: Db;
  renderer: ReplyRenderer;
  logger: Logger;
  approvals?: ApprovalChannel | undefined;
  team: TeamChannel;
}

/** Input of `redactErasedCards`: ids only, never the buyer's id or text (it rides in histories). */
export interface CardRedactionInput {
  shopId: string;
  ticketIds: string[];
  reason: ErasureReason;
}

/** Cards edited and edits that failed (timeouts, chat errors) in one pass. */
export interface CardRedactionResult {
  edited: number;
  failed: number;
}

/** Longest one chat edit may take before it counts as failed (the pass goes on with the next). */
export const CARD_EDIT_TIMEOUT_MS = 20_000;

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Edits every posted card and Slack thread post of erased tickets to a note without the buyer's
 * name or text (Telegram `editMessageText`, Slack `chat.update`). Best effort: each edit has a
 * timeout and a failure does not stop the others. Card rows stay (counts), marked closed.
 */
export async function redactCards(
  deps: ErasureActivityDeps,
  input: CardRedactionInput,
): Promise<CardRedactionResult> {
  const { db, renderer, logger } = deps;
  const { cards, threadPosts } = await listCardsOfTickets(db, input.ticketIds);
  if (cards.length === 0) return { edited: 0, failed: 0 };
  const shop = await getShop(db, input.shopId);
  const sellerLanguage: SellerLanguage = shop?.sellerLanguage ?? 'en';
  const chats = await listTelegramChats(db, input.shopId);
  const orders = await orderIdsOf(db, input.ticketIds);
  const note = (language: SellerLanguage, ticketId: string) =>
    renderer.t(language, `card.erased_${input.reason}`, { ticketId, orderId: orders.get(ticketId) ?? '' });
  // Team cards were posted with the shop's own workspace token; edit them with the same.
  const shopTeam = await deps.team.forShop(input.shopId);
  let edited = 0;
  let failed = 0;
  const attempt = async (what: string, edit: () => Promise<unknown>) => {
    try {
      await withTimeout(edit(), CARD_EDIT_TIMEOUT_MS, what);
      edited++;
      return true;
    } catch (error) {
      failed++;
      logger.warn({ err: { message: (error as Error).message }, what }, 'erased card could not be edited');
      return false;
    }
  };
  for (const card of cards) {
    let ok = false;
    if (card.channel !== deps.team.cardChannel) {
      const approvals = deps.approvals;
      if (!approvals) continue;
      const language = chats.find((c) => c.chatId === card.chatId)?.language ?? sellerLanguage;
      ok = await attempt('editMessageText', () =>
        approvals.replaceCard(card.chatId, card.messageId, note(language, card.ticketId)),
      );
    } else {
      if (!shopTeam) continue;
      ok = await attempt('chat.update', () =>
        shopTeam.replaceWithNote(card, note(sellerLanguage, card.ticketId)),
      );
    }
    if (ok && card.closed === 0) {
      await closeCard(db, card.id);
    }
  }
  for (const post of threadPosts) {
    // Thread replies live in the channel of the ticket's Slack card.
    const card = cards.find((c) => c.ticketId === post.ticketId && c.channel === deps.team.cardChannel);
    if (!shopTeam || !card) continue;
    await attempt('chat.update', () =>
      shopTeam.replaceWithNote(
        { chatId: card.chatId, messageId: post.ts },
        note(sellerLanguage, post.ticketId),
      ),
    );
  }
  return { edited, failed };
}

/** Activities of the card erasure workflow. */
export function createErasureActivities(deps: ErasureActivityDeps) {
  return {
    /**
     * One redaction pass over the erased tickets' cards; throws (retryable) when an edit failed,
     * so Temporal tries again with backoff; edits already made are harmless to repeat.
     */
    async redactErasedCards(input: CardRedactionInput): Promise<CardRedactionResult> {
      const result = await redactCards(deps, input);
      if (result.failed > 0) {
        throw ApplicationFailure.retryable(
          `${result.failed} card edit(s) failed; ${result.edited} done`,
          'card_edit_failed',
        );
      }
      return result;
    },
  };
}

/** The erasure activities as workflows see them (type-only import there). */
export type ErasureActivities = ReturnType<typeof createErasureActivities>;
