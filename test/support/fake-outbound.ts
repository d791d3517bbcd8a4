import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifySignature } from '../../src/delivery/outbound.js';

/** One POST the receiver got, with whether its signature verified. */
export interface ReceivedDelivery {
  body: Record<string, unknown>;
  /** The raw bytes and header as received, to replay them in tests. */
  raw: Buffer;
  signatureHeader: string;
  signatureValid: boolean;
  duplicate: boolean;
}

/**
 * A marketplace-side receiver for docs/API.md "Outbound replies": verifies `X-Sellerdesk-Signature` (v1, timestamped)
 * with `verifySignature` as an integrator would, dedupes on `idempotencyKey`, and can answer with
 * errors for the next N requests. `clock` is the receiver's own clock (seconds), for replay tests.
 */
export async function startFakeOutbound(secret: string, clock: () => number = () => Date.now() / 1000) {
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
      const header = String(req.headers['x-sellerdesk-signature'] ?? '');
      const signatureValid = verifySignature(raw, header, secret, clock());
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
      } catch {
        // an unparseable body is recorded as empty and refused below
      }
      const key = String(body.idempotencyKey);
      const duplicate = signatureValid && keys.has(key);
      if (signatureValid) keys.add(key);
      received.push({ body, raw, signatureHeader: header, signatureValid, duplicate });
      res
        .writeHead(signatureValid ? 200 : 401, { 'content-type': 'application/json' })
        .end(signatureValid ? '{"ok":true}' : '{"error":"bad signature"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/replies`;
  return {
    url,
    received,
    /** Distinct replies accepted (what the buyer saw). */
    uniqueDeliveries: () =>
      new Set(received.filter((r) => r.signatureValid).map((r) => String(r.body.idempotencyKey))).size,
    failNextRequests(n: number) {
      failNext = n;
    },
    /** Posts raw bytes with a given signature header, as an attacker replaying a capture would. */
    async replay(raw: Buffer, signatureHeader: string): Promise<number> {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-sellerdesk-signature': signatureHeader },
        body: raw,
      });
      await response.arrayBuffer();
      return response.status;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
