import { createHmac, timingSafeEqual } from 'node:crypto';
import type { DeliveryPayload } from '../db/schema/index.js';

/** Result of one POST to the outbound receiver. */
export type OutboundResult = { ok: true; status: number } | { ok: false; status?: number; error: string };

/** Where one shop's replies go: its own receiver, the environment's, or the `log` outbox. */
export type OutboundDestination = { target: 'log' } | { target: 'http'; url: string; secret: string };

/** Delivers one approved reply to the marketplace integration (docs/API.md, "Outbound replies"). */
export interface OutboundSender {
  /** The destination of a shop's replies right now (per-shop settings, else the environment). */
  destinationFor(shopId: string): Promise<OutboundDestination>;
  send(payload: DeliveryPayload, destination: OutboundDestination): Promise<OutboundResult>;
}

/** Receivers refuse a signature whose `t` is further than this from their clock (docs/API.md, "Outbound replies"). */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

function hmacHex(secret: string, timestamp: number, rawBody: string | Buffer): string {
  return createHmac('sha256', secret)
    .update(`${timestamp}.`, 'utf8')
    .update(typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody)
    .digest('hex');
}

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`, the `X-Sellerdesk-Signature` value. */
export function signatureHeader(rawBody: string | Buffer, secret: string, nowSeconds: number): string {
  const t = Math.floor(nowSeconds);
  return `t=${t},v1=${hmacHex(secret, t, rawBody)}`;
}

/**
 * A receiver's check of `X-Sellerdesk-Signature`: the HMAC matches the raw body and `t`, and `t` is
 * within `toleranceSeconds` of the receiver's clock, so a captured delivery cannot be replayed later.
 */
export function verifySignature(
  rawBody: string | Buffer,
  header: string | undefined,
  secret: string,
  nowSeconds: number,
  toleranceSeconds = SIGNATURE_TOLERANCE_SECONDS,
): boolean {
  if (!header || header.length > 1024) return false;
  let t: number | undefined;
  const given: string[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't' && /^\d{1,12}$/.test(value)) t = Number(value);
    else if (key === 'v1' && /^[0-9a-f]{64}$/.test(value)) given.push(value);
  }
  if (t === undefined || given.length === 0) return false;
  if (Math.abs(nowSeconds - t) > toleranceSeconds) return false;
  const expected = Buffer.from(hmacHex(secret, t, rawBody), 'hex');
  return given.some((v) => timingSafeEqual(Buffer.from(v, 'hex'), expected));
}

/** One signed POST with a timeout; retries belong to the caller (Temporal). */
async function postSigned(
  payload: DeliveryPayload,
  destination: { url: string; secret: string },
  options: { timeoutMs: number; nowSeconds: () => number },
): Promise<OutboundResult> {
  const body = JSON.stringify(payload);
  try {
    const response = await fetch(destination.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-sellerdesk-signature': signatureHeader(body, destination.secret, options.nowSeconds()),
        'idempotency-key': payload.idempotencyKey,
      },
      body,
      // A receiver must not bounce a signed reply elsewhere (e.g. from https to plain http).
      redirect: 'error',
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    await response.arrayBuffer().catch(() => undefined);
    // 409 means the receiver already has this idempotency key: the reply is there once.
    if (response.ok || response.status === 409) return { ok: true, status: response.status };
    return { ok: false, status: response.status, error: `receiver answered ${response.status}` };
  } catch (error) {
    return {
      ok: false,
      error: (error as Error).name === 'TimeoutError' ? 'timeout' : (error as Error).message,
    };
  }
}

/**
 * The outbound sender of the worker: a shop's own receiver (`PUT /v1/settings` `outbound`) when it
 * has one, else the environment's `OUTBOUND_URL`/`OUTBOUND_SECRET`, else the `log` outbox.
 */
export function createOutbound(options: {
  fallback?: { url: string; secret: string } | undefined;
  shopDestination?: (shopId: string) => Promise<{ url: string; secret: string } | null>;
  timeoutMs?: number;
  nowSeconds?: () => number;
}): OutboundSender {
  const nowSeconds = options.nowSeconds ?? (() => Date.now() / 1000);
  return {
    async destinationFor(shopId) {
      const own = options.shopDestination ? await options.shopDestination(shopId) : null;
      if (own) return { target: 'http', ...own };
      if (options.fallback) return { target: 'http', ...options.fallback };
      return { target: 'log' };
    },
    async send(payload, destination) {
      // The `log` outbox: the delivery row itself is the record of the reply.
      if (destination.target === 'log') return { ok: true, status: 200 };
      return postSigned(payload, destination, { timeoutMs: options.timeoutMs ?? 10_000, nowSeconds });
    },
  };
}

/** HTTP sender to one fixed receiver for every shop. */
export function createHttpOutbound(options: {
  url: string;
  secret: string;
  timeoutMs?: number;
}): OutboundSender {
  return createOutbound({
    fallback: { url: options.url, secret: options.secret },
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  });
}

/** The `log` outbox for every shop (no receiver configured anywhere). */
export function createLogOutbound(): OutboundSender {
  return createOutbound({});
}
