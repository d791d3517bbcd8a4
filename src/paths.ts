import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository root, the one place it is computed: templates/, locales/, workflows/ and the
 * pinned Temporal CLI under .tools/ are found from here (the sources run in place, tsx, no build).
 */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
