import { expect } from 'vitest';
import { DEMO_MESSAGES } from '../../src/cli/demo.js';
import { DEMO_LISTING } from '../../src/cli/demo-steps.js';
import { eventually } from './app.js';
import type { E2eWorld, TestShop } from './e2e.js';
import { waitForTicket } from './e2e.js';

/**
 * Fills a shop the way `sellerdesk demo` does, through the API: the demo's fourteen buyer messages
 * (drafted), one approved, one edited, one rejected, a parcel stalled in the first mile (coupon and
 * apology), and the demo listing checked. Returns the tickets, in the messages' order.
 */
export async function seedDemoLikeShop(world: E2eWorld, shop: TestShop): Promise<string[]> {
  const run = Date.now().toString(36);
  const ids: string[] = [];
  for (const [i, m] of DEMO_MESSAGES.entries()) {
    const posted = await world.api.post(
      '/v1/messages',
      {
        messageId: `seed-${run}-${i}`,
        orderId: `SEED-${run}-${i}`.toUpperCase(),
        buyer: m.buyer,
        text: m.text,
        receivedAt: new Date().toISOString(),
        ...('order' in m ? { order: m.order } : {}),
      },
      shop.token,
    );
    expect(posted.status).toBe(202);
    ids.push(posted.json.ticketId);
  }
  for (const id of ids) await waitForTicket(world.app, shop.token, id, ['awaiting_approval'], 90_000);
  const decide = (id: string, body: Record<string, unknown>) =>
    world.api.post(`/v1/tickets/${id}/decision`, { by: 'seed', ...body }, shop.token);
  expect((await decide(ids[0]!, { action: 'approve' })).status).toBe(200);
  expect(
    (await decide(ids[1]!, { action: 'edit', text: 'We are so sorry, Mark: a replacement ships tomorrow.' }))
      .status,
  ).toBe(200);
  expect((await decide(ids[2]!, { action: 'reject' })).status).toBe(200);
  const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
  const trackingNumber = `LP${run.toUpperCase()}SEED`;
  const tracking = await world.api.post(
    '/v1/tracking',
    {
      orderId: `SEED-${run}-STALL`.toUpperCase(),
      trackingNumber,
      carrier: 'Cainiao',
      buyer: { id: 'seed-b13', locale: 'fr-FR' },
      events: [
        { at: hoursAgo(80), status: 'info_received', description: 'GWMS_ACCEPT' },
        { at: hoursAgo(72), status: 'in_transit', description: 'SC_INBOUND_SUCCESS', location: 'Shenzhen' },
      ],
    },
    shop.token,
  );
  expect(tracking.status).toBeLessThan(300);
  const listing = await world.api.post(
    '/v1/listings/validate',
    { listingId: `SEED-${run}-SPEAKER`, ...DEMO_LISTING },
    shop.token,
  );
  expect(listing.status).toBe(202);
  await eventually(
    async () => (await world.api.get(`/v1/shipments/${trackingNumber}`, shop.token)).json?.stalledSince,
    60_000,
    'the stalled parcel',
  );
  await eventually(
    async () =>
      (await world.api.get(`/v1/validations/${listing.json.validationId}`, shop.token)).json?.status ===
      'completed',
    60_000,
    'the listing check',
  );
  return ids;
}
