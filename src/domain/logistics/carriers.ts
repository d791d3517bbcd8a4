/**
 * Carrier names and checkpoint texts read with the data of `carrier-profiles.data.ts` and
 * `checkpoint-vocabulary.data.ts`: phrases are matched on folded text (lowercase, no accents) as
 * whole words, a trailing `*` makes a prefix, phrases with Chinese characters match anywhere.
 */
import { foldText } from '../normalize.js';
import { CARRIER_PROFILES, GENERIC_CARRIER } from './carrier-profiles.data.js';
import { SHARED_RULES } from './checkpoint-vocabulary.data.js';
import type { CarrierProfile, Leg, TrackingStatus } from './types.js';

function aliasKey(value: string): string {
  return foldText(value).replace(/[^\p{L}\p{N}]+/gu, '');
}

// Built on first use, not at import: the workflow bundle imports this module, and every workflow
// (tickets included) would otherwise pay for folding a few hundred aliases when its sandbox loads.
let byAlias: Map<string, CarrierProfile> | undefined;

function aliasTable(): Map<string, CarrierProfile> {
  if (byAlias) return byAlias;
  const table = new Map<string, CarrierProfile>();
  for (const profile of CARRIER_PROFILES) {
    table.set(aliasKey(profile.id), profile);
    table.set(aliasKey(profile.name), profile);
    for (const alias of profile.aliases) table.set(aliasKey(alias), profile);
  }
  byAlias = table;
  return table;
}

/** The profile for a carrier name as a seller or marketplace writes it; `GENERIC_CARRIER` if unknown. */
export function resolveCarrier(name: string): CarrierProfile {
  return aliasTable().get(aliasKey(name)) ?? GENERIC_CARRIER;
}

/**
 * The carrier name a buyer should read: a machine code as integrations send it ("cainiao",
 * "yunexpress", "china-post") becomes the profile's name; a name a person wrote stays as written.
 */
export function carrierDisplayName(raw: string): string {
  const trimmed = raw.trim();
  if (!/^[a-z0-9_.-]+$/.test(trimmed)) return trimmed;
  const profile = resolveCarrier(trimmed);
  return profile === GENERIC_CARRIER ? trimmed : profile.name;
}

const HAN = /\p{Script=Han}/u;
const matchers = new Map<string, (folded: string) => boolean>();

function matcherFor(phrase: string): (folded: string) => boolean {
  const cached = matchers.get(phrase);
  if (cached) return cached;
  const folded = foldText(phrase);
  let matcher: (text: string) => boolean;
  if (HAN.test(folded)) {
    matcher = (text) => text.includes(folded);
  } else {
    const prefix = folded.endsWith('*');
    const body = (prefix ? folded.slice(0, -1) : folded)
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replace(/\s+/g, '\\s+');
    const re = new RegExp(`(?<![\\p{L}\\p{N}_])${body}${prefix ? '' : '(?![\\p{L}\\p{N}_])'}`, 'u');
    matcher = (text) => re.test(text);
  }
  matchers.set(phrase, matcher);
  return matcher;
}

/** What a checkpoint's text says: a status and a leg when its vocabulary tells, and a readable label. */
export interface CheckpointReading {
  status?: TrackingStatus;
  leg?: Leg;
  label?: string;
}

/**
 * Reads a raw status or checkpoint text with the carrier's vocabulary, then the shared one; the
 * first rule that gives a status wins the status, the first that gives a leg wins the leg.
 */
export function readCheckpoint(profile: CarrierProfile, text: string): CheckpointReading {
  const folded = foldText(text);
  const reading: CheckpointReading = {};
  if (folded.trim() === '') return reading;
  for (const rule of [...profile.rules, ...SHARED_RULES]) {
    if (reading.status !== undefined && reading.leg !== undefined) break;
    if (!rule.when.some((phrase) => matcherFor(phrase)(folded))) continue;
    if (reading.status === undefined && rule.status !== undefined) reading.status = rule.status;
    if (reading.leg === undefined && rule.leg !== undefined) reading.leg = rule.leg;
    if (reading.label === undefined && rule.label !== undefined) reading.label = rule.label;
  }
  return reading;
}
