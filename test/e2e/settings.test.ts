import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_ADMIN_TOKEN } from '../support/app.js';
import { dropSchema } from '../support/db.js';

describe('GET/PUT /v1/settings', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let token: string;

  beforeAll(async () => {
    app = await startTestApp({ label: 'settings' });
    const created = await app.api.post(
      '/v1/admin/shops',
      { name: 'S', defaultLanguage: 'en', plan: 'free' },
      TEST_ADMIN_TOKEN,
    );
    token = created.json.apiToken;
  });
  afterAll(async () => {
    await app?.stop();
    if (app) await dropSchema(app.schema);
  });

  it('starts from the defaults and merges partial updates', async () => {
    const initial = await app.api.get('/v1/settings', token);
    expect(initial.json.settings.sla).toEqual({
      remindAfterMinutes: 120,
      escalateAfterMinutes: 720,
      disputeLeadHours: 24,
    });
    const put = await app.api.call('PUT', '/v1/settings', {
      token,
      body: { logistics: { autoApology: true, stallHours: 1 / 60 }, sla: { remindAfterMinutes: 30 } },
    });
    expect(put.status).toBe(200);
    expect(put.json.settings.logistics).toEqual({ autoApology: true, stallHours: 1 / 60 });
    expect(put.json.settings.sla.remindAfterMinutes).toBe(30);
    expect(put.json.settings.sla.escalateAfterMinutes).toBe(720);
    const second = await app.api.call('PUT', '/v1/settings', {
      token,
      body: { logistics: { escalateAfterHours: 2 } },
    });
    expect(second.json.settings.logistics).toEqual({
      autoApology: true,
      stallHours: 1 / 60,
      escalateAfterHours: 2,
    });
  });

  it('refuses unknown keys, sub-minute durations and bad currencies, changing nothing', async () => {
    const before = (await app.api.get('/v1/settings', token)).json.settings;
    for (const body of [
      { logistics: { stallHours: 0.001 } },
      { sla: { remindAfterMinutes: 0 } },
      { coupon: { currency: 'dollars' } },
      { autoSend: { categories: ['not_a_category'] } },
      { surprise: true },
      { coupon: { baseValue: 5, maxValue: 1 } },
    ]) {
      const response = await app.api.call('PUT', '/v1/settings', { token, body });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.json.error.code).toMatch(/validation_failed|unknown_fields/);
    }
    expect((await app.api.get('/v1/settings', token)).json.settings).toEqual(before);
  });
});
