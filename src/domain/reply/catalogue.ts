/** The template catalogue (`templates/catalogue.json`): its rules, metadata and catalogue texts. */
import { CATEGORIES, type Category, type Language } from '../types.js';
import { TemplateConfigError } from './errors.js';
import { isRecord } from './text.js';
import {
  APPENDABLE_VARS,
  type Catalogue,
  COUPON_POLICIES,
  COUPON_VARS,
  type CouponPolicy,
  FORMAT_ONLY_VARS,
  LOGISTICS_GROUP,
  type LocaleResources,
  REPLY_VAR_NAMES,
  type ReplyVarName,
  type TemplateEntry,
  type TemplateInfo,
} from './types.js';

function isVarName(value: unknown): value is ReplyVarName {
  return typeof value === 'string' && (REPLY_VAR_NAMES as readonly string[]).includes(value);
}

function isCouponPolicy(value: unknown): value is CouponPolicy {
  return typeof value === 'string' && (COUPON_POLICIES as readonly string[]).includes(value);
}

function groupOf(id: string): string {
  return id.slice(0, id.indexOf('.'));
}

/** Validates parsed `catalogue.json` (shape, variable rules, coupon policy, a default per category); throws TemplateConfigError. */
export function parseCatalogue(value: unknown): Catalogue {
  const fail = (msg: string): never => {
    throw new TemplateConfigError(`catalogue: ${msg}`);
  };
  if (!isRecord(value)) return fail('not an object');
  const { version, templates } = value;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail('version must be a positive integer');
  }
  if (!Array.isArray(templates)) return fail('templates must be an array');
  const seen = new Set<string>();
  const parsed = templates.map((raw, i): TemplateEntry => {
    if (!isRecord(raw)) return fail(`templates[${i}] is not an object`);
    const { id, category, required, optional, autoSend, coupon } = raw;
    if (typeof id !== 'string' || !/^[a-z_]+\.[a-z_]+$/.test(id))
      return fail(`templates[${i}].id is invalid`);
    if (seen.has(id)) return fail(`duplicate template id ${id}`);
    seen.add(id);
    const entryVersion = raw.version;
    if (
      typeof entryVersion !== 'number' ||
      !Number.isInteger(entryVersion) ||
      entryVersion < 1 ||
      entryVersion > version
    ) {
      return fail(`${id}: version must be an integer from 1 to the catalogue version ${version}`);
    }
    if (typeof category !== 'string' || !(CATEGORIES as readonly string[]).includes(category)) {
      return fail(`${id}: unknown category ${String(category)}`);
    }
    const group = groupOf(id);
    if (group !== category && group !== LOGISTICS_GROUP) {
      return fail(`${id}: id must start with its category or "${LOGISTICS_GROUP}."`);
    }
    if (id.endsWith('.default') && group !== category)
      return fail(`${id}: a default must be <category>.default`);
    if (!Array.isArray(required) || !required.every(isVarName)) return fail(`${id}: bad required list`);
    if (!Array.isArray(optional) || !optional.every(isVarName)) return fail(`${id}: bad optional list`);
    const both = required.filter((v) => optional.includes(v));
    if (both.length > 0) return fail(`${id}: ${both.join(', ')} both required and optional`);
    const notAppendable = optional.filter((v) => !APPENDABLE_VARS.includes(v));
    if (notAppendable.length > 0) {
      return fail(
        `${id}: ${notAppendable.join(', ')} cannot be optional (no sentence shows them); make them required`,
      );
    }
    for (const [formatter, target] of Object.entries(FORMAT_ONLY_VARS) as [ReplyVarName, ReplyVarName][]) {
      for (const list of [required, optional]) {
        if (list.includes(formatter) !== list.includes(target)) {
          return fail(`${id}: ${formatter} and ${target} must be listed together`);
        }
      }
    }
    if (optional.includes('carrier') && !optional.includes('trackingNumber')) {
      return fail(`${id}: an optional carrier needs an optional trackingNumber`);
    }
    if (optional.includes('lastCheckpointAt') && !optional.includes('lastCheckpoint')) {
      return fail(`${id}: lastCheckpointAt needs an optional lastCheckpoint`);
    }
    if (typeof autoSend !== 'boolean') return fail(`${id}: autoSend must be a boolean`);
    if (!isCouponPolicy(coupon)) return fail(`${id}: coupon must be one of ${COUPON_POLICIES.join(', ')}`);
    const couponVars = [...required, ...optional].filter((v) => COUPON_VARS.includes(v));
    if (coupon === 'stall_compensation' && !COUPON_VARS.every((v) => required.includes(v))) {
      return fail(`${id}: a stall_compensation template requires ${COUPON_VARS.join(', ')}`);
    }
    if (coupon === 'none' && couponVars.length > 0) {
      return fail(`${id}: ${couponVars.join(', ')} need coupon "stall_compensation"`);
    }
    return {
      id,
      version: entryVersion,
      category: category as Category,
      required,
      optional,
      autoSend,
      coupon,
    };
  });
  for (const category of CATEGORIES) {
    if (!seen.has(`${category}.default`)) fail(`category ${category} has no ${category}.default template`);
  }
  return { version, templates: parsed };
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
