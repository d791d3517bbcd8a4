import { readControlFile, readCredentials } from '../app/local-state.js';
import type { Config } from '../config.js';

/** Error the CLI prints as one line and exits with. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** A JSON answer from the service. */
export interface ServiceResponse {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: answers are read field by field by each command
  json: any;
}

/** The running service as the CLI sees it: base URL and, when local, its control token. */
export interface ServiceTarget {
  url: string;
  controlToken?: string;
  temporalUiUrl?: string;
  call(method: string, path: string, options?: { token?: string; body?: unknown }): Promise<ServiceResponse>;
}

async function request(
  url: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown } = {},
) {
  const response = await fetch(`${url.replace(/\/$/, '')}${path}`, {
    method,
    headers: {
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = { error: { code: 'invalid_response', message: text.slice(0, 200) } };
  }
  return { status: response.status, json };
}

/**
 * Finds the running service: `--url`/SELLERDESK_URL, else DATA_DIR/control.json, else HOST:PORT.
 * Returns undefined when nothing answers `/healthz`.
 */
export async function findService(config: Config, explicitUrl?: string): Promise<ServiceTarget | undefined> {
  const control = readControlFile(config.DATA_DIR);
  const candidates = [
    explicitUrl ?? process.env.SELLERDESK_URL,
    control?.url,
    `http://${config.HOST}:${config.PORT}`,
  ].filter((u): u is string => Boolean(u));
  for (const url of [...new Set(candidates)]) {
    try {
      const health = await fetch(`${url.replace(/\/$/, '')}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (health.status === 200 || health.status === 503) {
        const local = control?.url === url;
        return {
          url,
          ...(local && control ? { controlToken: control.controlToken } : {}),
          ...(local && control?.temporalUiUrl ? { temporalUiUrl: control.temporalUiUrl } : {}),
          call: (method, path, options) => request(url, method, path, options),
        };
      }
    } catch {
      // not this one
    }
  }
  return undefined;
}

/** The shop token for ticket commands: --token, SELLERDESK_TOKEN, or the saved shop. */
export function resolveShopToken(
  config: Config,
  options: { token?: string; shop?: string },
): string | undefined {
  if (options.token) return options.token;
  if (process.env.SELLERDESK_TOKEN) return process.env.SELLERDESK_TOKEN;
  const credentials = readCredentials(config.DATA_DIR);
  const shopId = options.shop ?? credentials.defaultShopId;
  return shopId ? credentials.shops[shopId]?.token : undefined;
}

/** The shop id for offline (database) reads: --shop or the saved default shop. */
export function resolveShopId(config: Config, options: { shop?: string }): string | undefined {
  return options.shop ?? readCredentials(config.DATA_DIR).defaultShopId;
}

/** Throws a CliError carrying the API's error message when the answer is not 2xx. */
export function expectOk(response: ServiceResponse, what: string): ServiceResponse {
  if (response.status >= 200 && response.status < 300) return response;
  const error = response.json?.error;
  throw new CliError(
    `${what} failed (${response.status} ${error?.code ?? ''}): ${error?.message ?? 'no details'}`,
  );
}
