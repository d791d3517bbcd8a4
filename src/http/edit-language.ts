import type { EditLanguageHold } from '../app/ticket-service-types.js';
import type { Db } from '../db/client.js';
import { getShop } from '../db/shops-repo.js';
import type { ReplyRenderer } from '../domain/reply/index.js';
import type { SellerLanguage } from '../domain/shop/seller-language.js';

/** `details` of a 422 `edit_language_mismatch`: what the text reads as, and the warning a seller reads. */
export interface EditLanguageMismatchDetails {
  buyerLanguage: string;
  detectedLanguage: string;
  confidence: number;
  /** The same warning the chats show, in the shop's seller language. */
  warning: string;
  /** Send the same request with this added to send the text as it is. */
  confirmWith: { confirm: true };
}

function languageName(renderer: Pick<ReplyRenderer, 't'>, language: SellerLanguage, code: string): string {
  return ['zh', 'ja', 'ko', 'other'].includes(code)
    ? renderer.t(language, `written_language.${code}`)
    : renderer.t(language, `language.${code}`);
}

/** The details an integrator gets when an edit is held for its language (nothing was sent). */
export async function editLanguageMismatchDetails(
  db: Db,
  renderer: Pick<ReplyRenderer, 't'>,
  shopId: string,
  hold: EditLanguageHold,
): Promise<EditLanguageMismatchDetails> {
  const language = (await getShop(db, shopId))?.sellerLanguage ?? 'en';
  return {
    buyerLanguage: hold.expected,
    detectedLanguage: hold.detected,
    confidence: hold.confidence,
    warning: renderer.t(language, 'edit_language.warning', {
      detected: languageName(renderer, language, hold.detected),
      expected: renderer.t(language, `language.${hold.expected}`),
    }),
    confirmWith: { confirm: true },
  };
}
