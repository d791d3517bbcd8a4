import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySignature } from '../../src/delivery/outbound.js';
import { eventually, startTestApp } from '../support/app.js';
import { dropSchema } from '../support/db.js';
import { createTestShop } from '../support/e2e.js';
import { startFakeOutbound } from '../support/fake-outbound.js';

const ENV_SECRET = 'env-outbound-secret-0123';
const SHOP_SECRET = 'shop-b-own-secret-456789';

describe('outbound v2: timestamped signatures, per-shop receivers (docs/API.md, "Outbound replies")', () => {
  let envReceiver: Awaited<ReturnType<typeof startFakeOutbound>>;
  let shopReceiver: Awaited<ReturnType<typeof startFakeOutbound>>;
  let app: Awaited<ReturnType<typeof startTestApp>>;
  /** Seconds the environment receiver's clock runs ahead (a replay "later"). */
  let envClockOffset = 0;
  const shops: Record<'a' | 'b', { id: string; token: string }> = {
    a: { id: '', token: '' },
    b: { id: '', token: '' },
  };
  let n = 0;

  async function approvedReply(shop: { token: string }): Promise<string> {
    n += 1;
    const posted = await app.api.post(
      '/v1/messages',
      {
        messageId: `ob-${n}`,
        orderId: `OB-${n}`,
        buyer: { id: `buyer-${n}` },
        text: 'My parcel never arrived, where is my order?',
        receivedAt: '2026-12-01T10:00:00Z',
      },
      shop.token,
    );
    expect(posted.status).toBe(202);
    const ticketId = posted.json.ticketId as string;
    await eventually(
      async () =>
        (await app.api.get(`/v1/tickets/${ticketId}`, shop.token)).json.status === 'awaiting_approval',
    );
    const decided = await app.api.call('POST', `/v1/tickets/${ticketId}/decision`, {
      token: shop.token,
      body: { action: 'approve' },
    });
    expect(decided.status).toBe(200);
    await eventually(
      async () =>
        (await app.api.get(`/v1/tickets/${ticketId}`, shop.token)).json.delivery?.state === 'delivered',
    );
    return ticketId;
  }

  beforeAll(async () => {
    envReceiver = await startFakeOutbound(ENV_SECRET, () => Date.now() / 1000 + envClockOffset);
    shopReceiver = await startFakeOutbound(SHOP_SECRET);
    app = await startTestApp({ label: 'outboundv2', outbound: { url: envReceiver.url, secret: ENV_SECRET } });
    for (const key of ['a', 'b'] as const) shops[key] = await createTestShop(app, { name: `Shop ${key}` });
  });
  afterAll(async () => {
    await app?.stop();
    if (app) await dropSchema(app.schema);
    await envReceiver?.close();
    await shopReceiver?.close();
  });

  it('delivers {shopId, ...} signed over "<t>.<body>"; a replay older than 5 minutes is refused', async () => {
    const ticketId = await approvedReply(shops.a);
    const delivery = envReceiver.received.find((r) => r.body.ticketId === ticketId)!;
    expect(delivery.signatureValid).toBe(true);
    expect(Object.keys(delivery.body).sort()).toEqual(
      ['buyerId', 'idempotencyKey', 'language', 'orderId', 'shopId', 'text', 'ticketId'].sort(),
    );
    expect(delivery.body.shopId).toBe(shops.a.id);
    const t = Number(/^t=(\d+),v1=[0-9a-f]{64}$/.exec(delivery.signatureHeader)?.[1]);
    expect(Math.abs(t - Date.now() / 1000)).toBeLessThan(120);

    // An eavesdropper replays the captured bytes and header seven minutes later.
    envClockOffset = 7 * 60;
    expect(await envReceiver.replay(delivery.raw, delivery.signatureHeader)).toBe(401);
    expect(envReceiver.received.at(-1)!.signatureValid).toBe(false);
    envClockOffset = 0;
    // Tampering with the tenant breaks the signature too.
    const forged = Buffer.from(delivery.raw.toString('utf8').replace(shops.a.id, shops.b.id));
    expect(await envReceiver.replay(forged, delivery.signatureHeader)).toBe(401);
  });

  it('a shop sets its own receiver and secret; the secret is write-only', async () => {
    const refused = await app.api.call('PUT', '/v1/settings', {
      token: shops.b.token,
      body: { outbound: { url: 'http://market.example/replies', secret: SHOP_SECRET } },
    });
    expect(refused.status).toBe(400);
    expect(refused.json.error.code).toBe('insecure_outbound_url');
    expect((await app.api.get('/v1/settings', shops.b.token)).json.settings.outbound).toBeNull();

    const put = await app.api.call('PUT', '/v1/settings', {
      token: shops.b.token,
      body: { outbound: { url: shopReceiver.url, secret: SHOP_SECRET } },
    });
    expect(put.status).toBe(200);
    expect(put.json.settings.outbound).toEqual({ url: shopReceiver.url, hasSecret: true });
    const read = await app.api.get('/v1/settings', shops.b.token);
    expect(read.json.settings.outbound).toEqual({ url: shopReceiver.url, hasSecret: true });
    expect(read.text).not.toContain(SHOP_SECRET);
    const audit = await app.api.get('/v1/audit?kind=outbound_changed', shops.b.token);
    expect(audit.json.entries).toHaveLength(1);
    expect(audit.text).not.toContain(SHOP_SECRET);
    // Other shops are untouched.
    expect((await app.api.get('/v1/settings', shops.a.token)).json.settings.outbound).toBeNull();

    const ticketB = await approvedReply(shops.b);
    const own = shopReceiver.received.find((r) => r.body.ticketId === ticketB)!;
    expect(own.signatureValid).toBe(true);
    expect(own.body.shopId).toBe(shops.b.id);
    expect(verifySignature(own.raw, own.signatureHeader, ENV_SECRET, Date.now() / 1000)).toBe(false);
    expect(envReceiver.received.some((r) => r.body.ticketId === ticketB)).toBe(false);
    const view = await app.api.get(`/v1/tickets/${ticketB}`, shops.b.token);
    expect(view.text).not.toContain(SHOP_SECRET);

    // Shop A still goes to the environment's receiver.
    const ticketA = await approvedReply(shops.a);
    expect(envReceiver.received.find((r) => r.body.ticketId === ticketA)?.signatureValid).toBe(true);
    expect(shopReceiver.received.some((r) => r.body.ticketId === ticketA)).toBe(false);

    // Without METRICS_TOKEN, /metrics stays open (docs/OPERATIONS.md says so) and shows deliveries by target.
    const metrics = await app.api.get('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.text).toMatch(/target="http"/);

    // Removing the shop receiver falls back to the environment's.
    const cleared = await app.api.call('PUT', '/v1/settings', {
      token: shops.b.token,
      body: { outbound: null },
    });
    expect(cleared.json.settings.outbound).toBeNull();
    const back = await approvedReply(shops.b);
    expect(envReceiver.received.find((r) => r.body.ticketId === back)?.signatureValid).toBe(true);
  });
});
