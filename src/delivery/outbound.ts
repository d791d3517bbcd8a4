import { createHmac } from 'node:crypto';
import type { DeliveryPayload } from '../db/schema/index.js';

/** Result of one POST to the outbound receiver. */
export type OutboundResult = { ok: true; status: number } | { ok: false; status?: number; error: string };

/** Delivers one approved reply to the marketplace integration (CONTRACT §4). */
export interface OutboundSender {
  readonly target: 'log' | 'http';
  send(payload: DeliveryPayload): Promise<OutboundResult>;
}

/** `sha256=<hex>` HMAC-SHA256 of the raw body, as sent in `X-Sellerdesk-Signature`. */
export function signBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** HTTP sender: one signed POST per call with a timeout; retries belong to the caller (Temporal). */
export function createHttpOutbound(options: {
  url: string;
  secret: string;
  timeoutMs?: number;
}): OutboundSender {
  return {
    target: 'http',
    async send(payload) {
      const body = JSON.stringify(payload);
      try {
        const response = await fetch(options.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-sellerdesk-signature': signBody(body, options.secret),
            'idempotency-key': payload.idempotencyKey,
          },
          body,
          signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
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
    },
  };
}

/** The `log` outbox: with no OUTBOUND_URL the delivery row itself is the record of the reply. */
export function createLogOutbound(): OutboundSender {
  return {
    target: 'log',
    async send() {
      return { ok: true, status: 200 };
    },
  };
}
