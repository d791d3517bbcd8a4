/**
 * Writes the OpenAPI 3.1 document of the HTTP API, generated from the routes' zod schemas, to
 * docs/openapi.json (`npm run openapi`; `--check` only says whether the committed file is current).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { API_DOCUMENT_FILE, apiDocumentText } from '../src/app/api-document.js';
import { PROJECT_ROOT } from '../src/paths.js';

const file = resolve(PROJECT_ROOT, API_DOCUMENT_FILE);
const text = await apiDocumentText();
if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(file, 'utf8');
  } catch {
    // a missing file is out of date too
  }
  if (committed !== text) {
    console.error(`${API_DOCUMENT_FILE} is out of date: run npm run openapi`);
    process.exit(1);
  }
} else {
  writeFileSync(file, text);
  console.error(`wrote ${API_DOCUMENT_FILE} (${text.length} bytes)`);
}
