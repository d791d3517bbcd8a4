import { beforeAll, describe, expect, it } from 'vitest';
import { hashToken, newId } from '../../src/db/ids.js';
import { apiTokens } from '../../src/db/schema/index.js';
import { eventually } from '../support/app.js';
import { createTestShop, useE2eWorld } from '../support/e2e.js';

const H = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe('logistics API: POST /v1/tracking and GET /v1/shipments/:trackingNumber', () => {
  const world = useE2eWorld({ label: 'logistics' });
  let token: string;
  let otherToken: string;
  let shopId: string;
  let apologyTicketId: string | undefined;

  const valid = (overrides: Record<string, unknown> = {}) => ({
    orderId: 'ORD-100',
    trackingNumber: 'LP00000100CN',
    carrier: 'Cainiao',
    buyer: { id: 'buyer-100', locale: 'fr-FR' },
    events: [
      { at: '2026-01-05T09:00:00+08:00', status: 'info_received', description: 'GWMS_ACCEPT' },
      { at: '2026-01-05T18:30:00+08:00', status: 'in_transit', description: 'PU_PICKUP_SUCCESS' },
    ],
    ...overrides,
  });

  beforeAll(async () => {
    ({ token, id: shopId } = await createTestShop(world.app, { name: 'Parcels & Co' }));
    ({ token: otherToken } = await createTestShop(world.app, { name: 'Someone else' }));
  });

  const post = (body: unknown, t = token) => world.api.post('/v1/tracking', body, t);

  describe('validation (docs/API.md)', () => {
    it.each([
      ['an unknown top-level field', { ...valid(), priority: 'high' }, 'unknown_fields'],
      ['an unknown buyer field', valid({ buyer: { id: 'b', email: 'x@y.z' } }), 'unknown_fields'],
      [
        'an unknown event field',
        valid({
          events: [{ at: '2026-01-05T09:00:00Z', status: 'in_transit', description: 'x', code: 'A' }],
        }),
        'unknown_fields',
      ],
      ['no events', valid({ events: [] }), 'validation_failed'],
      [
        'more than 500 events',
        valid({
          events: Array.from({ length: 501 }, (_, i) => ({
            at: iso(Date.parse('2026-01-01T00:00:00Z') + i * 60_000),
            status: 'in_transit',
            description: `scan ${i}`,
          })),
        }),
        'validation_failed',
      ],
      [
        'a time without an offset',
        valid({ events: [{ at: '2026-01-05T09:00:00', status: 'in_transit', description: 'x' }] }),
        'validation_failed',
      ],
      [
        'a date only',
        valid({ events: [{ at: '2026-01-05', status: 'in_transit', description: 'x' }] }),
        'validation_failed',
      ],
      [
        'a status outside the normalized set',
        valid({ events: [{ at: '2026-01-05T09:00:00Z', status: 'InTransit', description: 'x' }] }),
        'validation_failed',
      ],
      [
        'an event without a description',
        valid({ events: [{ at: '2026-01-05T09:00:00Z', status: 'in_transit' }] }),
        'validation_failed',
      ],
      ['a missing carrier', { ...valid(), carrier: undefined }, 'validation_failed'],
      ['a tracking number with spaces', valid({ trackingNumber: 'LP 000 CN' }), 'validation_failed'],
      ['a missing buyer id', valid({ buyer: { locale: 'fr' } }), 'validation_failed'],
    ])('refuses %s with 400', async (_what, body, code) => {
      const answer = await post(body);
      expect(answer.status).toBe(400);
      expect(answer.json.error.code).toBe(code);
    });

    it('accepts exactly 500 events', async () => {
      const events = Array.from({ length: 500 }, (_, i) => ({
        at: iso(Date.now() - 10 * H + i * 1000),
        status: 'in_transit',
        description: `scan ${i}`,
      }));
      const answer = await post(valid({ trackingNumber: 'LP00000500CN', orderId: 'ORD-500', events }));
      expect(answer.status).toBe(202);
      expect(answer.json).toEqual({ trackingNumber: 'LP00000500CN', state: 'in_transit' });
    });

    it('needs a token with tracking:write; reading needs tickets:read', async () => {
      const readOnly = `sd_readonly_${newId('t')}`;
      await world.app.database.db.insert(apiTokens).values({
        id: newId('tok'),
        shopId,
        tokenHash: hashToken(readOnly),
        scopes: ['tickets:read'],
      });
      expect((await post(valid(), readOnly)).status).toBe(403);
      expect((await post(valid(), 'nope')).status).toBe(401);
      expect((await world.api.get('/v1/shipments/LP00000100CN', readOnly)).status).not.toBe(403);
    });
  });

  it('answers 202 with the state; the watch stalls from the events own time and GET shows it', async () => {
    const at = Date.now() - 50 * H;
    const body = valid({
      events: [
        { at: iso(at - H), status: 'info_received', description: 'GWMS_ACCEPT' },
        { at: iso(at).replace('Z', '+00:00'), status: 'in_transit', description: 'PU_PICKUP_SUCCESS' },
        { at: iso(at - H), status: 'info_received', description: 'GWMS_ACCEPT' }, // duplicate
      ],
    });
    const answer = await post(body);
    expect(answer.status).toBe(202);
    expect(answer.json).toEqual({ trackingNumber: 'LP00000100CN', state: 'stalled' });

    const shipment = await eventually(
      async () => {
        const got = await world.api.get('/v1/shipments/LP00000100CN', token);
        const kinds = (got.json?.actions ?? []).map((a: { kind: string }) => a.kind);
        return got.status === 200 &&
          kinds.includes('coupon_granted') &&
          kinds.some((k: string) => k.startsWith('apology'))
          ? got.json
          : undefined;
      },
      30_000,
      'stall apology',
    );
    expect(shipment).toMatchObject({
      trackingNumber: 'LP00000100CN',
      orderId: 'ORD-100',
      state: 'stalled',
      leg: 'first_mile',
      lastEventAt: iso(at),
      stalledSince: iso(at + 48 * H),
    });
    expect(shipment.events).toHaveLength(2);
    const coupon = shipment.actions.find((a: { kind: string }) => a.kind === 'coupon_granted').details;
    expect(coupon).toMatchObject({ code: expect.stringMatching(/^SD-/), value: 3, currency: 'USD' });
    const apology = shipment.actions.find((a: { kind: string }) => a.kind === 'apology_opened');
    expect(apology.details).toMatchObject({ language: 'fr', autoSend: false, coupon: coupon.code });
    // The apology is a ticket in the buyer's language, drafted with the coupon, waiting for the seller.
    const ticket = await eventually(
      async () => {
        const got = await world.api.get(`/v1/tickets/${apology.details.ticketId}`, token);
        return got.json?.status === 'awaiting_approval' ? got.json : undefined;
      },
      30_000,
      'apology draft',
    );
    expect(ticket).toMatchObject({ orderId: 'ORD-100', language: 'fr' });
    expect(JSON.stringify(ticket.draft)).toContain(coupon.code);
    apologyTicketId = apology.details.ticketId;
  });

  it('"where is my order" during a stall apology: no generic reply, the draft cites the latest checkpoint', async () => {
    expect(apologyTicketId).toBeDefined();
    const ask = async (messageId: string, text: string) => {
      const posted = await world.api.post(
        '/v1/messages',
        {
          messageId,
          orderId: 'ORD-100',
          buyer: { id: 'buyer-100', locale: 'fr-FR' },
          text,
          receivedAt: new Date().toISOString(),
        },
        token,
      );
      expect(posted.status).toBe(202);
      return eventually(
        async () => {
          const got = await world.api.get(`/v1/tickets/${posted.json.ticketId}`, token);
          return got.json?.status === 'awaiting_approval' && got.json.draft ? got.json : undefined;
        },
        30_000,
        `draft of ${messageId}`,
      );
    };

    // The apology still waits for the seller: a delay update, and a note to send only one of them.
    const whilePending = await ask('wismo-1', 'Bonjour, où est ma commande ? Toujours rien reçu.');
    expect(whilePending.ticketId).not.toBe(apologyTicketId);
    expect(whilePending.draftDetails.templateId).toBe('logistics.delay_update');
    expect(whilePending.draft).toContain('LP00000100CN');
    expect(whilePending.draft).toMatch(/Dernière mise à jour du suivi \(.+\) : Picked up by the carrier/);
    expect(whilePending.draftDetails.note).toContain(
      `stall apology for this order (ticket ${apologyTicketId}`,
    );
    const rejected = await world.api.post(
      `/v1/tickets/${whilePending.ticketId}/decision`,
      { action: 'reject' },
      token,
    );
    expect(rejected.status).toBe(200);

    // The seller sends the apology; the buyer asks again: "we already wrote to you", latest checkpoint.
    const approved = await world.api.post(
      `/v1/tickets/${apologyTicketId}/decision`,
      { action: 'approve' },
      token,
    );
    expect(approved.status).toBe(200);
    await eventually(
      async () => (await world.api.get(`/v1/tickets/${apologyTicketId}`, token)).json.status === 'sent',
      30_000,
      'apology sent',
    );
    const afterSent = await ask('wismo-2', 'Toujours pas de nouvelles de mon colis ??');
    expect(afterSent.ticketId).not.toBe(whilePending.ticketId);
    expect(afterSent.draftDetails.templateId).toBe('logistics.apology_followup');
    expect(afterSent.draft).toMatch(/Nous vous avons déjà écrit au sujet de ce retard/);
    expect(afterSent.draft).toMatch(/Dernière mise à jour du suivi \(.+\) : Picked up by the carrier/);
    expect(afterSent.draft).not.toContain('SD-'); // no second coupon, no second apology
    expect(afterSent.draftDetails.note).toContain('already sent on');
  });

  it('a parcel of another shop is not found', async () => {
    expect((await world.api.get('/v1/shipments/LP00000100CN', otherToken)).status).toBe(404);
    expect((await world.api.get('/v1/shipments/NOPE0000000', token)).json.error.code).toBe(
      'shipment_not_found',
    );
  });

  it('the same tracking number for another order is a conflict', async () => {
    const answer = await post(valid({ orderId: 'ORD-OTHER' }));
    expect(answer.status).toBe(409);
    expect(answer.json.error.code).toBe('tracking_number_conflict');
  });

  it('another shop may watch the same tracking number independently', async () => {
    const answer = await post(valid({ orderId: 'THEIR-ORDER' }), otherToken);
    expect(answer.status).toBe(202);
    const mine = await world.api.get('/v1/shipments/LP00000100CN', token);
    expect(mine.json.orderId).toBe('ORD-100');
  });
});
