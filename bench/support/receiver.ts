import { EventEmitter } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback marketplace receiver for the bench: answers 200 to every reply delivery and records
 * when the first one of each ticket arrived (decision -> delivery latency).
 */
export async function startBenchReceiver() {
  const arrivals = new Map<string, number>();
  const events = new EventEmitter();
  events.setMaxListeners(0);
  let posts = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const at = Date.now();
      posts++;
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { ticketId?: string };
        if (body.ticketId && !arrivals.has(body.ticketId)) {
          arrivals.set(body.ticketId, at);
          events.emit(body.ticketId, at);
        }
      } catch {
        // not JSON: counted, not recorded
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/replies`,
    arrivals,
    posts: () => posts,
    /** Resolves with the arrival time of the ticket's reply (undefined after `timeoutMs`). */
    deliveryFor(ticketId: string, timeoutMs: number): Promise<number | undefined> {
      const known = arrivals.get(ticketId);
      if (known !== undefined) return Promise.resolve(known);
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          events.off(ticketId, done);
          resolve(undefined);
        }, timeoutMs);
        const done = (at: number) => {
          clearTimeout(timer);
          resolve(at);
        };
        events.once(ticketId, done);
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
