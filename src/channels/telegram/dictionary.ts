import { Composer } from 'grammy';
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'grammy/types';
import { authorizeChatUser } from '../../app/access.js';
import { addDictionaryWord, isDictionaryWord, normalizeDictionaryWord } from '../../db/dictionary-repo.js';
import { findShopListingValidation } from '../../db/listing-validations-repo.js';
import type { Issue } from '../../domain/listing/types.js';
import { isLanguage } from '../../domain/types.js';
import type { BotDeps } from './deps.js';
import { chatSellerLanguage } from './seller-language.js';

/** "Add to my dictionary" buttons: `dict:<validationId>:<finding index>` (at most 64 bytes). */
const DICT_CALLBACK = /^dict:(val_[A-Za-z0-9]{8,40}):(\d{1,4})$/;

/** Spelling findings that get a button on the report, at most. */
export const MAX_DICTIONARY_BUTTONS = 4;

export function encodeDictionaryCallback(validationId: string, index: number): string {
  return `dict:${validationId}:${index}`;
}

export function parseDictionaryCallback(
  data: string | undefined,
): { validationId: string; index: number } | null {
  const match = data ? DICT_CALLBACK.exec(data) : null;
  return match ? { validationId: match[1]!, index: Number(match[2]) } : null;
}

/** The word a spelling issue points at, from the text it was found in. */
export function wordOf(issue: Pick<Issue, 'span' | 'params'>, text: string): string | undefined {
  const word = issue.span ? text.slice(issue.span[0], issue.span[1]) : String(issue.params.word ?? '');
  return isDictionaryWord(word) ? word : undefined;
}

/**
 * One button per distinct misspelled word (first `MAX_DICTIONARY_BUTTONS`), labelled with
 * `label` (`{{word}}` replaced); the index is the finding's position among the saved findings.
 */
export function dictionaryKeyboard(
  validationId: string,
  issues: readonly Issue[],
  label: string,
): InlineKeyboardMarkup | null {
  const rows: InlineKeyboardButton[][] = [];
  const seen = new Set<string>();
  issues.forEach((issue, index) => {
    if (issue.kind !== 'spelling' || rows.length >= MAX_DICTIONARY_BUTTONS) return;
    const word = String(issue.params.word ?? '');
    const key = `${issue.lang}:${normalizeDictionaryWord(word)}`;
    if (!isDictionaryWord(word) || seen.has(key)) return;
    seen.add(key);
    rows.push([
      {
        text: label.replaceAll('{{word}}', word),
        callback_data: encodeDictionaryCallback(validationId, index),
      },
    ]);
  });
  return rows.length > 0 ? { inline_keyboard: rows } : null;
}

/** `dict:` buttons of listing reports: adds the finding's word to the chat's shop dictionary. */
export function dictionaryFeature(deps: BotDeps) {
  const feature = new Composer();
  feature.on('callback_query:data', async (ctx, next) => {
    const parsed = parseDictionaryCallback(ctx.callbackQuery.data);
    if (!parsed) {
      if (ctx.callbackQuery.data.startsWith('dict:')) return ctx.answerCallbackQuery();
      return next();
    }
    const { shopId, language } = await chatSellerLanguage(deps.db, ctx);
    const t = (key: string, vars?: Record<string, string>) =>
      deps.renderer.t(language, `dictionary.${key}`, vars);
    if (!shopId) return ctx.answerCallbackQuery({ text: t('not_found'), show_alert: true });
    const userId = ctx.from ? String(ctx.from.id) : undefined;
    if (!(await authorizeChatUser(deps.db, shopId, { channel: 'telegram', userId }, 'decide')).ok) {
      return ctx.answerCallbackQuery({ text: t('denied'), show_alert: true });
    }
    // Only a validation of this chat's shop: another shop's id finds nothing.
    const row = await findShopListingValidation(deps.db, shopId, parsed.validationId);
    const finding = row?.findings[parsed.index] as
      | { kind?: string; lang?: string; field?: string; span?: [number, number] }
      | undefined;
    const lang = finding?.lang;
    const field = finding?.field === 'title' || finding?.field === 'description' ? finding.field : undefined;
    if (!row || finding?.kind !== 'spelling' || !isLanguage(lang) || !field || !finding.span) {
      return ctx.answerCallbackQuery({ text: t('not_found'), show_alert: true });
    }
    const texts = (row.request as Record<string, Record<string, string> | undefined>)[field];
    const word = wordOf({ span: finding.span, params: {} }, texts?.[lang] ?? '');
    if (!word) return ctx.answerCallbackQuery({ text: t('not_found'), show_alert: true });
    const added = await addDictionaryWord(deps.db, {
      shopId,
      language: lang,
      word,
      addedBy: `telegram:${ctx.from!.id}`,
    });
    deps.logger.info({ shopId, lang, added }, 'dictionary word added from telegram');
    return ctx.answerCallbackQuery({ text: t(added ? 'added' : 'already', { word, lang }) });
  });
  return feature;
}
