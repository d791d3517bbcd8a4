import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/app.js';
import { createTestShop, useE2eWorld } from '../support/e2e.js';

const CLEAN = JSON.parse(readFileSync('test/fixtures/listings/clean.json', 'utf8')) as Array<{
  id: string;
  title: Record<string, string>;
  description: Record<string, string>;
}>;
const [LAMP] = CLEAN.filter((l) => l.id === 'lamp');
const [EARBUDS] = CLEAN.filter((l) => l.id === 'earbuds');
const [BOTTLE] = CLEAN.filter((l) => l.id === 'bottle');

describe('listing validation API: POST /v1/listings/validate, GET /v1/validations/:id', () => {
  const world = useE2eWorld({ label: 'listings' });
  let token: string;
  let otherToken: string;

  beforeAll(async () => {
    ({ token } = await createTestShop(world.app, {
      name: 'Loja Sol',
      defaultLanguage: 'pt',
      sellerLanguage: 'pt',
    }));
    ({ token: otherToken } = await createTestShop(world.app, { name: 'Other' }));
  });

  it('validates a five-language listing and returns findings in the seller language', async () => {
    const body = {
      listingId: 'SKU-LAMP',
      title: { ...LAMP!.title },
      description: {
        ...LAMP!.description,
        en: `${LAMP!.description.en} Also available on Amazon.`,
        es: LAMP!.description.es!.replace('1,5 m', '1.5 m'),
      },
    };
    const posted = await world.api.post('/v1/listings/validate', body, token);
    expect(posted.status).toBe(202);
    const validationId: string = posted.json.validationId;
    expect(validationId).toMatch(/^val_/);

    const done = await eventually(async () => {
      const r = await world.api.get(`/v1/validations/${validationId}`, token);
      return r.json.status === 'completed' ? r.json : undefined;
    }, 60_000);
    expect(done.listingId).toBe('SKU-LAMP');
    const kinds = done.findings.map((f: { lang: string; kind: string }) => `${f.lang}:${f.kind}`).sort();
    expect(kinds).toEqual(['en:forbidden_claim', 'es:terminology']);
    const claim = done.findings.find((f: { kind: string }) => f.kind === 'forbidden_claim');
    expect(claim.field).toBe('description');
    expect(claim.message).toBe('Menciona outro marketplace: “Amazon”.');
    expect(body.description.en.slice(claim.span[0], claim.span[1])).toBe('Amazon');
    const term = done.findings.find((f: { kind: string }) => f.kind === 'terminology');
    expect(term.suggestion).toBe('1,5');
  });

  it('shows a validation only to its own shop', async () => {
    const posted = await world.api.post(
      '/v1/listings/validate',
      { listingId: 'SKU-2', title: { en: 'Stainless steel bottle 750 ml' }, description: {} },
      token,
    );
    expect(posted.status).toBe(202);
    const other = await world.api.get(`/v1/validations/${posted.json.validationId}`, otherToken);
    expect(other.status).toBe(404);
    expect(other.json.error.code).toBe('validation_not_found');
    expect((await world.api.get('/v1/validations/val_doesnotexist1', token)).status).toBe(404);
    expect((await world.api.get('/v1/validations/not-an-id', token)).status).toBe(404);
    const done = await eventually(async () => {
      const r = await world.api.get(`/v1/validations/${posted.json.validationId}`, token);
      return r.json.status === 'completed' ? r.json : undefined;
    }, 60_000);
    expect(done.findings.map((f: { kind: string; field: string }) => `${f.field}:${f.kind}`)).toEqual([
      'description:too_short',
    ]);
  });

  it.each([
    [{ listingId: 'x', title: { de: 'Flasche' }, description: {} }, 400, 'unknown_fields'],
    [{ listingId: 'x', title: { en: 'Bottle' }, description: {}, price: 3 }, 400, 'unknown_fields'],
    [{ listingId: 'x', title: {}, description: {} }, 400, 'validation_failed'],
    [{ listingId: '', title: { en: 'Bottle' }, description: {} }, 400, 'validation_failed'],
    [{ listingId: 'x', title: { en: 'x'.repeat(1001) }, description: {} }, 400, 'validation_failed'],
    [{ listingId: 'x', title: { en: 3 }, description: {} }, 400, 'validation_failed'],
  ])('refuses %j with %i %s', async (body, status, code) => {
    const r = await world.api.post('/v1/listings/validate', body, token);
    expect(r.status).toBe(status);
    expect(r.json.error.code).toBe(code);
  });

  it('needs a token with listings:write to validate and tickets:read to read', async () => {
    const body = { listingId: 'x', title: { en: 'Stainless steel bottle' }, description: {} };
    expect((await world.api.post('/v1/listings/validate', body)).status).toBe(401);
    const limited = await world.api.post('/v1/tokens', { scopes: ['tickets:read'] }, token);
    expect(limited.status).toBe(201);
    const refused = await world.api.post('/v1/listings/validate', body, limited.json.token);
    expect(refused.status).toBe(403);
    expect(refused.json.error.details.requiredScope).toBe('listings:write');
  });

  it('"not as described" complaints naming a listing reach the shop threshold: one validation opens', async () => {
    const { token: t } = await createTestShop(world.app, { name: 'Audio store' });
    const put = await world.api.call('PUT', '/v1/settings', {
      token: t,
      body: { listings: { disputeThreshold: 2, disputeWindowDays: 30 } },
    });
    expect(put.status).toBe(200);
    expect(put.json.settings.listings).toEqual({ disputeThreshold: 2, disputeWindowDays: 30 });
    for (const listing of [EARBUDS!, BOTTLE!]) {
      const sent = await world.api.post(
        '/v1/listings/validate',
        { listingId: `SKU-${listing.id}`, title: listing.title, description: listing.description },
        t,
      );
      expect(sent.status).toBe(202);
    }

    const complain = async (n: number, text: string, items: string[], locale = 'en-US') => {
      const posted = await world.api.post(
        '/v1/messages',
        {
          messageId: `nad-${n}`,
          orderId: `O-${n}`,
          buyer: { id: `b-${n}`, locale },
          text,
          receivedAt: new Date().toISOString(),
          order: { items },
        },
        t,
      );
      expect(posted.status).toBe(202);
      // A not_as_described ticket records whether it was tied to a listing; others only wait.
      const ticket = await eventually(
        async () => {
          const got = await world.api.get(`/v1/tickets/${posted.json.ticketId}`, t);
          const kinds: string[] = (got.json?.events ?? []).map((e: { kind: string }) => e.kind);
          if (!kinds.includes('approval_requested')) return undefined;
          if (got.json.category !== 'not_as_described') return got.json;
          return kinds.some((k) => k.startsWith('listing_')) ? got.json : undefined;
        },
        30_000,
        `ticket nad-${n}`,
      );
      const link = ticket.events.find((e: { kind: string }) => e.kind === 'listing_linked');
      return { ...ticket, link: link?.details };
    };

    // An item that names no listing of the shop: nothing is linked.
    const unrelated = await complain(1, 'The lamp is not as described, the colour is different.', [
      'Desk lamp',
    ]);
    expect(unrelated.category).toBe('not_as_described');
    expect(unrelated.link).toBeUndefined();
    expect(unrelated.events.find((e: { kind: string }) => e.kind === 'listing_not_linked').details).toEqual({
      reason: 'no_listing_matched',
    });
    // A damaged item naming the earbuds is not a description problem.
    const damaged = await complain(2, 'The earbuds arrived broken, the case is cracked.', [
      'Wireless earbuds',
    ]);
    expect(damaged.category).toBe('damaged');
    expect(damaged.link).toBeUndefined();

    const first = await complain(
      3,
      'The earbuds are not as described, the colour is completely different from the photos.',
      ['Wireless Earbuds with Charging Case (black)'],
    );
    expect(first.link).toEqual({
      linked: true,
      listingId: 'SKU-earbuds',
      complaints: 1,
      threshold: 2,
      windowDays: 30,
    });
    // The second complaint (in Spanish, naming the Spanish title) reaches the threshold.
    const second = await complain(
      4,
      'Los auriculares no son como en la descripción, el color es distinto.',
      ['Auriculares inalámbricos con estuche de carga'],
      'es-MX',
    );
    expect(second.link).toMatchObject({ linked: true, listingId: 'SKU-earbuds', complaints: 2 });
    const validationId: string = second.link.validationId;
    expect(validationId).toMatch(/^val_/);
    const done = await eventually(async () => {
      const r = await world.api.get(`/v1/validations/${validationId}`, t);
      return r.json.status === 'completed' ? r.json : undefined;
    }, 60_000);
    expect(done.listingId).toBe('SKU-earbuds');
    expect(done.trigger).toMatchObject({ kind: 'disputes', count: 2, threshold: 2, windowDays: 30 });
    expect(done.trigger.ticketIds).toHaveLength(2);

    // A third complaint in the window joins the same validation instead of opening another.
    const third = await complain(5, 'Not as described at all, the case is smaller than in the pictures.', [
      'Wireless earbuds with charging case',
    ]);
    expect(third.link).toMatchObject({ complaints: 3, validationId });
  });
});
