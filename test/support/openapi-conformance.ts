import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

type Response = { $ref?: string; content?: Record<string, { schema?: Record<string, unknown> }> };
type Document = {
  paths: Record<string, Record<string, { responses?: Record<string, Response> }>>;
  components: { schemas?: Record<string, unknown>; responses?: Record<string, Response> };
};

/**
 * Checks an answer against the OpenAPI document: its status is one the operation documents, and
 * a JSON body validates against that response's schema (`additionalProperties: false` included,
 * so a field the document does not name is a finding too). Returns what does not conform.
 */
export function createConformanceCheck(document: Document) {
  const ajv = new Ajv2020({ strict: false, allErrors: false });
  addFormats.default(ajv);
  const compiled = new Map<string, ValidateFunction>();
  const resolve = (response: Response): Response => {
    const name = response.$ref?.replace('#/components/responses/', '');
    return name ? (document.components.responses?.[name] ?? {}) : response;
  };
  return (answer: { method: string; route: string; status: number; contentType: string; text: string }) => {
    const path = answer.route.replace(/:([A-Za-z]+)/g, '{$1}');
    const operation = document.paths[path]?.[answer.method.toLowerCase()];
    if (!operation) return [`${answer.method} ${answer.route} is not in the document`];
    const documented = operation.responses?.[String(answer.status)];
    if (!documented) return [`${answer.status} is not documented for ${answer.method} ${answer.route}`];
    if (!/^application\/json/.test(answer.contentType)) return [];
    const schema = resolve(documented).content?.['application/json']?.schema;
    if (!schema) return [`${answer.status} documents no JSON body`];
    const key = `${answer.method} ${path} ${answer.status}`;
    let validate = compiled.get(key);
    if (!validate) {
      validate = ajv.compile({ ...schema, components: { schemas: document.components.schemas ?? {} } });
      compiled.set(key, validate);
    }
    if (validate(JSON.parse(answer.text))) return [];
    return (validate.errors ?? []).map(
      (e) => `${key}: ${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`,
    );
  };
}
