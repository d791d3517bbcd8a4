import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** What a running service publishes for the CLI on the same machine (owner-only file). */
export interface ControlFile {
  url: string;
  pid: number;
  controlToken: string;
  startedAt: string;
  temporalUiUrl?: string;
}

/** Shop tokens the CLI saved after `shop create`, so later commands need no flags. */
export interface CliCredentials {
  defaultShopId?: string;
  shops: Record<string, { name: string; token: string; telegramLinkCode?: string }>;
}

function writePrivate(file: string, value: unknown): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

/** A fresh random control token. */
export function newControlToken(): string {
  return `ctl_${randomBytes(24).toString('base64url')}`;
}

/** Path of the control file in a data dir. */
export function controlFilePath(dataDir: string): string {
  return path.resolve(dataDir, 'control.json');
}

/** Publishes the running service's URL and control token for the local CLI. */
export function writeControlFile(dataDir: string, control: ControlFile): void {
  writePrivate(controlFilePath(dataDir), control);
}

/** Reads the control file, if a service published one. */
export function readControlFile(dataDir: string): ControlFile | undefined {
  return readJson<ControlFile>(controlFilePath(dataDir));
}

/** Removes the control file on shutdown (only if it is still ours). */
export function removeControlFile(dataDir: string, controlToken: string): void {
  const current = readControlFile(dataDir);
  if (current?.controlToken === controlToken) rmSync(controlFilePath(dataDir), { force: true });
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
