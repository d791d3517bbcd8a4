import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startTestApp, TEST_ADMIN_TOKEN } from '../support/app.js';
import { dropSchema } from '../support/db.js';

const [LAMP] = (
  JSON.parse(readFileSync('test/fixtures/listings/clean.json', 'utf8')) as Array<{
    id: string;
    title: Record<string, string>;
    description: Record<string, string>;
  }>
).filter((l) => l.id === 'lamp');

describe('listing validation API: POST /v1/listings/validate, GET /v1/validations/:id', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let token: string;
  let otherToken: string;

  beforeAll(async () => {
    app = await startTestApp({ label: 'listings' });
    const shop = await app.api.post(
      '/v1/admin/shops',
      { name: 'Loja Sol', defaultLanguage: 'pt', plan: 'free', sellerLanguage: 'pt' },
      TEST_ADMIN_TOKEN,
    );
    token = shop.json.apiToken;
    const other = await app.api.post(
      '/v1/admin/shops',
      { name: 'Other', defaultLanguage: 'en', plan: 'free' },
      TEST_ADMIN_TOKEN,
    );
    otherToken = other.json.apiToken;
  });

  afterAll(async () => {
    await app?.stop();
    if (app) await dropSchema(app.schema);
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
    const posted = await app.api.post('/v1/listings/validate', body, token);
    expect(posted.status).toBe(202);
    const validationId: string = posted.json.validationId;
    expect(validationId).toMatch(/^val_/);

    const done = await eventually(async () => {
      const r = await app.api.get(`/v1/validations/${validationId}`, token);
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
    const posted = await app.api.post(
      '/v1/listings/validate',
      { listingId: 'SKU-2', title: { en: 'Stainless steel bottle 750 ml' }, description: {} },
      token,
    );
    expect(posted.status).toBe(202);
    const other = await app.api.get(`/v1/validations/${posted.json.validationId}`, otherToken);
    expect(other.status).toBe(404);
    expect(other.json.error.code).toBe('validation_not_found');
    expect((await app.api.get('/v1/validations/val_doesnotexist1', token)).status).toBe(404);
    expect((await app.api.get('/v1/validations/not-an-id', token)).status).toBe(404);
    const done = await eventually(async () => {
      const r = await app.api.get(`/v1/validations/${posted.json.validationId}`, token);
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
    const r = await app.api.post('/v1/listings/validate', body, token);
    expect(r.status).toBe(status);
    expect(r.json.error.code).toBe(code);
  });

  it('needs a token with listings:write to validate and tickets:read to read', async () => {
    const body = { listingId: 'x', title: { en: 'Stainless steel bottle' }, description: {} };
    expect((await app.api.post('/v1/listings/validate', body)).status).toBe(401);
    const limited = await app.api.post('/v1/tokens', { scopes: ['tickets:read'] }, token);
    expect(limited.status).toBe(201);
    const refused = await app.api.post('/v1/listings/validate', body, limited.json.token);
    expect(refused.status).toBe(403);
    expect(refused.json.error.details.requiredScope).toBe('listings:write');
  });
});
