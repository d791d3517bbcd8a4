import { z } from 'zod';
import { AppError } from '../../app/errors.js';
import {
  addDictionaryWord,
  countDictionaryWords,
  isDictionaryWord,
  listDictionaryWords,
  MAX_DICTIONARY_WORD_CHARS,
  MAX_DICTIONARY_WORDS_PER_SHOP,
  normalizeDictionaryWord,
  removeDictionaryWord,
} from '../../db/dictionary-repo.js';
import { LANGUAGES } from '../../domain/types.js';
import { parse } from '../parse.js';
import { documented, noContent } from '../responses.js';
import type { RoutePlugin } from './context.js';

const dictionaryWord = z
  .string()
  .trim()
  .min(1)
  .max(MAX_DICTIONARY_WORD_CHARS, `at most ${MAX_DICTIONARY_WORD_CHARS} characters`)
  .refine((w) => isDictionaryWord(w.normalize('NFC')), {
    message: 'one word: letters, digits, inner hyphens or apostrophes',
  });

/** `POST /v1/dictionary` body (docs/API.md). */
export const dictionaryAddBody = z.strictObject({ lang: z.enum(LANGUAGES), word: dictionaryWord }).meta({
  examples: [
    { lang: 'es', word: 'portavasos' },
    { lang: 'ru', word: 'когтеточка' },
  ],
});

const addedWord = z
  .object({ lang: z.enum(LANGUAGES), word: z.string(), added: z.boolean() })
  .meta({ description: 'the word as stored; `added: false` (200) when it was there already' });
const wordsJson = z
  .object({
    words: z.array(
      z.object({ lang: z.enum(LANGUAGES), word: z.string(), addedBy: z.string(), createdAt: z.string() }),
    ),
  })
  .meta({ description: 'the shop’s words' });

const dictionaryParams = z.strictObject({ lang: z.enum(LANGUAGES), word: dictionaryWord });

/**
 * The shop's own dictionary (scope `listings:write`): `POST /v1/dictionary {lang, word}`,
 * `GET /v1/dictionary`, `DELETE /v1/dictionary/:lang/:word`. Its words are never reported as
 * spelling for that shop; other shops are not affected.
 */
export const dictionaryRoutes: RoutePlugin = async (app, ctx) => {
  app.post(
    '/v1/dictionary',
    {
      preHandler: app.requireScope('listings:write'),
      schema: {
        summary: 'Add a word the shop’s listings may use (never reported as spelling again)',
        tags: ['listings'],
        body: dictionaryAddBody,
        response: { 201: addedWord, 200: addedWord },
        errors: { 409: ['dictionary_full'] },
      },
    },
    async (request, reply) => {
      const body = parse(dictionaryAddBody, request.body, 'dictionary');
      const shopId = request.principal!.shopId;
      if ((await countDictionaryWords(ctx.db, shopId)) >= MAX_DICTIONARY_WORDS_PER_SHOP) {
        throw new AppError(
          'dictionary_full',
          `the dictionary holds at most ${MAX_DICTIONARY_WORDS_PER_SHOP} words; remove some first`,
          409,
        );
      }
      const added = await addDictionaryWord(ctx.db, {
        shopId,
        language: body.lang,
        word: body.word,
        addedBy: 'api',
      });
      const word = normalizeDictionaryWord(body.word);
      ctx.logger.info({ shopId, lang: body.lang, added }, 'dictionary word added');
      return reply.code(added ? 201 : 200).send(documented(addedWord, { lang: body.lang, word, added }));
    },
  );

  app.get(
    '/v1/dictionary',
    {
      preHandler: app.requireScope('listings:write'),
      schema: { summary: 'The shop’s own words', tags: ['listings'], response: { 200: wordsJson } },
    },
    async (request) => {
      const rows = await listDictionaryWords(ctx.db, request.principal!.shopId);
      return {
        words: rows.map((r) => ({
          lang: r.lang,
          word: r.word,
          addedBy: r.addedBy,
          createdAt: r.createdAt.toISOString(),
        })),
      };
    },
  );

  app.delete(
    '/v1/dictionary/:lang/:word',
    {
      preHandler: app.requireScope('listings:write'),
      schema: {
        summary: 'Remove a word from the shop’s dictionary',
        tags: ['listings'],
        params: dictionaryParams,
        response: { 204: noContent },
        errors: { 404: ['dictionary_word_not_found'] },
      },
    },
    async (request, reply) => {
      const params = dictionaryParams.safeParse(request.params);
      if (!params.success)
        throw new AppError('dictionary_word_not_found', 'no such word in the dictionary', 404);
      const removed = await removeDictionaryWord(
        ctx.db,
        request.principal!.shopId,
        params.data.lang,
        params.data.word,
      );
      if (!removed) throw new AppError('dictionary_word_not_found', 'no such word in the dictionary', 404);
      return reply.code(204).send();
    },
  );
};
