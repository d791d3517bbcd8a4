/**
 * Old path of `message/language.ts`, kept only for `src/domain/listing/` (another helper's files
 * during issue 16): delete it once `listing/validate.ts` and `listing/language-check.ts` import
 * `../message/language.js`.
 */
export { detectLanguage } from './message/language.js';
