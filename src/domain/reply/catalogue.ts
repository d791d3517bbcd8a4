/** The template catalogue (`templates/catalogue.json`): its rules, metadata and catalogue texts. */
import { z } from 'zod';
import { CATEGORIES, type Language } from '../types.js';
import { TemplateConfigError } from './errors.js';
import { isRecord } from './text.js';
import {
  APPENDABLE_VARS,
  type Catalogue,
  COUPON_POLICIES,
  COUPON_VARS,
  FORMAT_ONLY_VARS,
  LOGISTICS_GROUP,
  type LocaleResources,
  REPLY_VAR_NAMES,
  type ReplyVarName,
  type TemplateEntry,
  type TemplateInfo,
} from './types.js';

const ENTRY_ID = /^[a-z_]+\.[a-z_]+$/;
const varNames = z.array(z.enum(REPLY_VAR_NAMES as [ReplyVarName, ...ReplyVarName[]]));

function groupOf(id: string): string {
  return id.slice(0, id.indexOf('.'));
}

/** The rules of one entry that relate its fields (group, defaults, variable lists, coupon policy). */
function entryProblem(entry: TemplateEntry): string | undefined {
  const { id, category, required, optional, coupon } = entry;
  const group = groupOf(id);
  if (group !== category && group !== LOGISTICS_GROUP) {
    return `${id}: id must start with its category or "${LOGISTICS_GROUP}."`;
  }
  if (id.endsWith('.default') && group !== category) return `${id}: a default must be <category>.default`;
  const both = required.filter((v) => optional.includes(v));
  if (both.length > 0) return `${id}: ${both.join(', ')} both required and optional`;
  const notAppendable = optional.filter((v) => !APPENDABLE_VARS.includes(v));
  if (notAppendable.length > 0) {
    return `${id}: ${notAppendable.join(', ')} cannot be optional (no sentence shows them); make them required`;
  }
  for (const [formatter, target] of Object.entries(FORMAT_ONLY_VARS) as [ReplyVarName, ReplyVarName][]) {
    for (const list of [required, optional]) {
      if (list.includes(formatter) !== list.includes(target)) {
        return `${id}: ${formatter} and ${target} must be listed together`;
      }
    }
  }
  if (optional.includes('carrier') && !optional.includes('trackingNumber')) {
    return `${id}: an optional carrier needs an optional trackingNumber`;
  }
  if (optional.includes('lastCheckpointAt') && !optional.includes('lastCheckpoint')) {
    return `${id}: lastCheckpointAt needs an optional lastCheckpoint`;
  }
  const couponVars = [...required, ...optional].filter((v) => COUPON_VARS.includes(v));
  if (coupon === 'stall_compensation' && !COUPON_VARS.every((v) => required.includes(v))) {
    return `${id}: a stall_compensation template requires ${COUPON_VARS.join(', ')}`;
  }
  if (coupon === 'none' && couponVars.length > 0) {
    return `${id}: ${couponVars.join(', ')} need coupon "stall_compensation"`;
  }
  return undefined;
}

/** One entry of `catalogue.json`: its fields, then the rules between them. */
const templateEntrySchema = z
  .object({
    id: z.string().regex(ENTRY_ID),
    version: z.number().int().min(1),
    category: z.enum(CATEGORIES),
    required: varNames,
    optional: varNames,
    autoSend: z.boolean(),
    coupon: z.enum(COUPON_POLICIES),
  })
  .superRefine((entry, ctx) => {
    const problem = entryProblem(entry);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
  });

/** `templates/catalogue.json`: unique ids, entry versions up to the catalogue's, a default per category. */
const catalogueSchema = z
  .object({ version: z.number().int().min(1), templates: z.array(templateEntrySchema) })
  .superRefine((catalogue, ctx) => {
    const seen = new Set<string>();
    catalogue.templates.forEach((entry, i) => {
      const fail = (message: string) => ctx.addIssue({ code: 'custom', path: ['templates', i], message });
      if (seen.has(entry.id)) fail(`duplicate template id ${entry.id}`);
      seen.add(entry.id);
      if (entry.version > catalogue.version) {
        fail(`${entry.id}: version must be an integer from 1 to the catalogue version ${catalogue.version}`);
      }
    });
    for (const category of CATEGORIES) {
      if (!seen.has(`${category}.default`)) {
        ctx.addIssue({ code: 'custom', message: `category ${category} has no ${category}.default template` });
      }
    }
  });

/** The sentence for a shape issue at `path` of the raw catalogue `value` (rules carry their own). */
function describeIssue(issue: z.core.$ZodIssue, value: unknown): string {
  if (issue.code === 'custom') return issue.message;
  const [top, index, field] = issue.path;
  if (top === undefined) return 'not an object';
  if (top === 'version') return 'version must be a positive integer';
  if (index === undefined) return 'templates must be an array';
  if (field === undefined) return `templates[${String(index)}] is not an object`;
  if (field === 'id') return `templates[${String(index)}].id is invalid`;
  const raw = value as { version: number; templates: Array<Record<string, unknown>> };
  const entry = raw.templates[index as number] ?? {};
  const id = String(entry.id);
  switch (field) {
    case 'version':
      return `${id}: version must be an integer from 1 to the catalogue version ${raw.version}`;
    case 'category':
      return `${id}: unknown category ${String(entry.category)}`;
    case 'required':
    case 'optional':
      return `${id}: bad ${field} list`;
    case 'autoSend':
      return `${id}: autoSend must be a boolean`;
    default:
      return `${id}: coupon must be one of ${COUPON_POLICIES.join(', ')}`;
  }
}

/** Validates parsed `catalogue.json` (shape, variable rules, coupon policy, a default per category); throws TemplateConfigError. */
export function parseCatalogue(value: unknown): Catalogue {
  const result = catalogueSchema.safeParse(value);
  if (!result.success) {
    const [issue] = result.error.issues;
    throw new TemplateConfigError(`catalogue: ${issue ? describeIssue(issue, value) : 'invalid'}`);
  }
  return result.data;
}

/** Catalogue metadata for every template, in catalogue order (for `GET /v1/templates`). */
export function listTemplates(catalogue: Catalogue): TemplateInfo[] {
  return catalogue.templates.map((entry) => ({
    ...entry,
    required: [...entry.required],
    optional: [...entry.optional],
    catalogueVersion: catalogue.version,
    isDefault: entry.id === `${entry.category}.default`,
  }));
}

export function lookupText(replies: unknown, templateId: string): string | undefined {
  let node: unknown = replies;
  for (const part of templateId.split('.')) {
    if (!isRecord(node)) return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** The catalogue body text of a template in one language (what an override replaces); throws TemplateConfigError. */
export function catalogueText(resources: LocaleResources, templateId: string, language: Language): string {
  const text = lookupText(resources[language]?.replies, templateId);
  if (text === undefined)
    throw new TemplateConfigError(`locale ${language}: replies.${templateId} is missing`);
  return text;
}
