import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One POST the receiver got, with whether its signature verified. */
export interface ReceivedDelivery {
  body: Record<string, unknown>;
  signatureValid: boolean;
  duplicate: boolean;
}

/**
 * A marketplace-side receiver for CONTRACT §4: verifies `X-Sellerdesk-Signature`, dedupes on
 * `idempotencyKey` as an integrator would, and can answer with errors for the next N requests.
 */
export async function startFakeOutbound(secret: string) {
  const received: ReceivedDelivery[] = [];
  const keys = new Set<string>();
  let failNext = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      if (failNext > 0) {
        failNext--;
        res.writeHead(503).end('unavailable');
        return;
      }
      const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`);
      const given = Buffer.from(String(req.headers['x-sellerdesk-signature'] ?? ''));
      const signatureValid = given.length === expected.length && timingSafeEqual(given, expected);
      const body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
      const key = String(body.idempotencyKey);
      const duplicate = keys.has(key);
      keys.add(key);
      received.push({ body, signatureValid, duplicate });
      res.writeHead(signatureValid ? 200 : 401, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/replies`,
    received,
    /** Distinct replies accepted (what the buyer saw). */
    uniqueDeliveries: () =>
      new Set(received.filter((r) => r.signatureValid).map((r) => String(r.body.idempotencyKey))).size,
    failNextRequests(n: number) {
      failNext = n;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
