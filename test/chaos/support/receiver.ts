import http from 'node:http';
import type { Socket } from 'node:net';
import { verifySignature } from '../../../src/delivery/outbound.js';
import { freePort } from '../../../src/temporal/dev-server.js';

/** One POST that reached the marketplace side. */
export interface ReceivedPost {
  idempotencyKey: string;
  ticketId: string;
  at: number;
  signatureValid: boolean;
  /** The key had been received before: the integrator dedupes it (docs/API.md, "Outbound replies"). */
  repeat: boolean;
}

/** Delivery figures the chaos scenarios report. */
export interface ReceiverStats {
  posts: number;
  /** Distinct idempotency keys received with a valid signature: replies the buyers saw. */
  uniqueDeliveries: number;
  /** POSTs of a key already received (retries after a lost answer), deduped by the key. */
  repeatPosts: number;
  /** Replies a buyer would see twice: tickets delivered under more than one key. */
  duplicateDeliveries: number;
  badSignatures: number;
}

/**
 * The marketplace's reply endpoint for chaos runs: verifies the signature, records each POST on
 * arrival (committed before answering), dedupes on `idempotencyKey`, and can be taken down (the
 * port refuses connections) or made slow (answers after a delay, so a killed worker never hears).
 */
export async function startChaosReceiver(secret: string) {
  const port = await freePort();
  const posts: ReceivedPost[] = [];
  const seen = new Set<string>();
  let delayMs = 0;
  let server: http.Server | undefined;
  const sockets = new Set<Socket>();

  const handler: http.RequestListener = (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const signatureValid = verifySignature(
        raw,
        req.headers['x-sellerdesk-signature'] as string | undefined,
        secret,
        Date.now() / 1000,
      );
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
      } catch {
        // recorded with an empty key below
      }
      const idempotencyKey = String(body.idempotencyKey ?? '');
      const repeat = seen.has(idempotencyKey);
      if (signatureValid) seen.add(idempotencyKey);
      posts.push({
        idempotencyKey,
        ticketId: String(body.ticketId ?? ''),
        at: Date.now(),
        signatureValid,
        repeat,
      });
      const answer = () => {
        if (res.writableEnded || res.destroyed) return;
        res.writeHead(signatureValid ? 200 : 401, { 'content-type': 'application/json' }).end('{"ok":true}');
      };
      if (delayMs > 0) setTimeout(answer, delayMs);
      else answer();
    });
  };

  async function up(): Promise<void> {
    if (server) return;
    const next = http.createServer(handler);
    next.on('connection', (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      next.once('error', reject);
      next.listen(port, '127.0.0.1', () => resolve());
    });
    server = next;
  }

  async function down(): Promise<void> {
    const current = server;
    server = undefined;
    if (!current) return;
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => current.close(() => resolve()));
  }

  await up();
  return {
    url: `http://127.0.0.1:${port}/replies`,
    posts,
    up,
    /** Closes the port: deliveries get ECONNREFUSED until `up()`. */
    down,
    setDelay(ms: number) {
      delayMs = ms;
    },
    stats(): ReceiverStats {
      const valid = posts.filter((p) => p.signatureValid);
      const keysPerTicket = new Map<string, Set<string>>();
      for (const p of valid) {
        const keys = keysPerTicket.get(p.ticketId) ?? new Set<string>();
        keys.add(p.idempotencyKey);
        keysPerTicket.set(p.ticketId, keys);
      }
      return {
        posts: posts.length,
        uniqueDeliveries: new Set(valid.map((p) => p.idempotencyKey)).size,
        repeatPosts: valid.filter((p) => p.repeat).length,
        duplicateDeliveries: [...keysPerTicket.values()].reduce((n, keys) => n + keys.size - 1, 0),
        badSignatures: posts.length - valid.length,
      };
    },
    close: down,
  };
}
