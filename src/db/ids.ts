import { createHash, randomBytes } from 'node:crypto';

/** Random, URL-safe identifiers with a readable prefix (`shop_`, `tkt_`, ...). */
export function newId(prefix: string, bytes = 12): string {
  return `${prefix}_${randomBytes(bytes).toString('base64url').replace(/[-_]/g, 'x')}`;
}

/** Secret bearer tokens; only their hash is stored. */
export function newSecretToken(prefix = 'sd'): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

/** SHA-256 hex of a token, the form in which tokens are stored and looked up. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
