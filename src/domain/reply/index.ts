/**
 * Reply rendering: the catalogue (`catalogue.ts`), its text rules (`lint.ts`), the renderer
 * (`renderer.ts`), the errors each may throw and the shared types.
 */
export { catalogueText, listTemplates, parseCatalogue } from './catalogue.js';
export * from './edit-language.js';
export * from './errors.js';
export { validateTemplateText } from './lint.js';
export { createReplyRenderer } from './renderer.js';
export { formatMoney, sanitizeText, templateVariables } from './text.js';
export * from './types.js';
