import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// DATA_DIR/control.json: the running service (this process, `startSellerdesk`) publishes its URL
// and a control token there; the CLI on the same machine reads it (`src/cli/service.ts`).

/** What a running service publishes for the CLI on the same machine (owner-only file). */
export interface ControlFile {
  url: string;
  pid: number;
  controlToken: string;
  startedAt: string;
  temporalUiUrl?: string;
}

/** Writes JSON readable by its owner only (the control token and saved shop tokens are secrets). */
export function writePrivate(file: string, value: unknown): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
}

/** Reads a JSON file; undefined when it is missing or unreadable. */
export function readJson<T>(file: string): T | undefined {
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
