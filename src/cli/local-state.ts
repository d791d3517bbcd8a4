import path from 'node:path';
import { readJson, writePrivate } from '../app/control-file.js';

/** Shop tokens the CLI saved after `shop create`, so later commands need no flags. */
export interface CliCredentials {
  defaultShopId?: string;
  shops: Record<string, { name: string; token: string; telegramLinkCode?: string }>;
}

function credentialsPath(dataDir: string): string {
  return path.resolve(dataDir, 'cli-credentials.json');
}

/** Saved shop tokens of this data dir. */
export function readCredentials(dataDir: string): CliCredentials {
  return readJson<CliCredentials>(credentialsPath(dataDir)) ?? { shops: {} };
}

/** Saves a shop token (owner-only file) and makes it the default shop. */
export function saveShopCredentials(
  dataDir: string,
  shop: { id: string; name: string; token: string; telegramLinkCode?: string },
): void {
  const current = readCredentials(dataDir);
  current.shops[shop.id] = {
    name: shop.name,
    token: shop.token,
    ...(shop.telegramLinkCode ? { telegramLinkCode: shop.telegramLinkCode } : {}),
  };
  current.defaultShopId = shop.id;
  writePrivate(credentialsPath(dataDir), current);
}
