import { beforeAll, describe, expect, it } from 'vitest';
import { createTestShop, useE2eWorld } from '../support/e2e.js';

describe('GET/PUT /v1/settings', () => {
  const world = useE2eWorld({ label: 'settings' });
  let token: string;

  beforeAll(async () => {
    ({ token } = await createTestShop(world.app, { name: 'S' }));
  });

  it('starts from the defaults and merges partial updates', async () => {
    const initial = await world.api.get('/v1/settings', token);
    expect(initial.json.settings.sla).toEqual({
      remindAfterMinutes: 120,
      escalateAfterMinutes: 720,
      disputeLeadHours: 24,
    });
    const put = await world.api.call('PUT', '/v1/settings', {
      token,
      body: { logistics: { autoApology: true, stallHours: 1 / 60 }, sla: { remindAfterMinutes: 30 } },
    });
    expect(put.status).toBe(200);
    expect(put.json.settings.logistics).toEqual({ autoApology: true, stallHours: 1 / 60 });
    expect(put.json.settings.sla.remindAfterMinutes).toBe(30);
    expect(put.json.settings.sla.escalateAfterMinutes).toBe(720);
    const second = await world.api.call('PUT', '/v1/settings', {
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
    const before = (await world.api.get('/v1/settings', token)).json.settings;
    for (const body of [
      { logistics: { stallHours: 0.001 } },
      { sla: { remindAfterMinutes: 0 } },
      { coupon: { currency: 'dollars' } },
      { autoSend: { categories: ['not_a_category'] } },
      { surprise: true },
      { coupon: { baseValue: 5, maxValue: 1 } },
    ]) {
      const response = await world.api.call('PUT', '/v1/settings', { token, body });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.json.error.code).toMatch(/validation_failed|unknown_fields/);
    }
    expect((await world.api.get('/v1/settings', token)).json.settings).toEqual(before);
  });
});
