import { beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/app.js';
import { createTestShop, useE2eWorld } from '../support/e2e.js';

describe('template overrides', () => {
  const world = useE2eWorld({ label: 'tpl' });
  let token: string;

  beforeAll(async () => {
    ({ token } = await createTestShop(world.app, { name: 'T' }));
  });

  it('lists the catalogue in five languages', async () => {
    const list = await world.api.get('/v1/templates', token);
    expect(list.status).toBe(200);
    const ids = list.json.templates.map((t: { id: string }) => t.id);
    expect(ids).toEqual(
      expect.arrayContaining(['damaged.default', 'logistics.stall_apology', 'return_exchange.return_steps']),
    );
    const damaged = list.json.templates.find((t: { id: string }) => t.id === 'damaged.default');
    expect(Object.keys(damaged.texts).sort()).toEqual(['en', 'es', 'fr', 'pt', 'ru']);
    expect(damaged.texts.ru.source).toBe('catalogue');
  });

  it('uses a valid override in drafts, keeps versions, and refuses bad ones with reasons', async () => {
    const text =
      'We are truly sorry that order {{orderId}} arrived damaged. Please send us a photo of the item and of the box, and we will make it right.';
    const first = await world.api.call('PUT', '/v1/templates/damaged.default/en', { token, body: { text } });
    expect(first.status).toBe(200);
    expect(first.json.version).toBe(1);
    const second = await world.api.call('PUT', '/v1/templates/damaged.default/en', {
      token,
      body: { text: `${text} Thank you for your patience.` },
    });
    expect(second.json.version).toBe(2);

    const posted = await world.api.post(
      '/v1/messages',
      {
        messageId: 't1',
        orderId: 'T-100',
        buyer: { id: 'b' },
        text: 'The vase arrived broken into pieces',
        receivedAt: '2026-11-23T10:00:00Z',
      },
      token,
    );
    const ticket = await eventually(async () => {
      const r = await world.api.get(`/v1/tickets/${posted.json.ticketId}`, token);
      return r.json.draft ? r.json : undefined;
    });
    expect(ticket.category).toBe('damaged');
    expect(ticket.draft).toContain('Thank you for your patience.');
    expect(ticket.draft).toContain('T-100');

    for (const [lang, bad, code] of [
      ['en', 'Sorry about {{orderId}} and {{secretField}}', 'template_invalid'],
      ['en', 'Sorry about the damage, we will help.', 'template_invalid'],
      ['es', text, 'template_invalid'],
      ['fr', '', 'template_invalid'],
    ] as const) {
      const refused = await world.api.call('PUT', `/v1/templates/damaged.default/${lang}`, {
        token,
        body: { text: bad },
      });
      expect(refused.status, `${lang}: ${bad}`).toBe(400);
      expect(refused.json.error.code).toBe(code);
    }
    expect(
      (await world.api.call('PUT', '/v1/templates/nope.default/en', { token, body: { text } })).status,
    ).toBe(404);
    expect(
      (await world.api.call('PUT', '/v1/templates/damaged.default/de', { token, body: { text } })).status,
    ).toBe(400);

    const list = await world.api.get('/v1/templates', token);
    const damaged = list.json.templates.find((t: { id: string }) => t.id === 'damaged.default');
    expect(damaged.texts.en).toMatchObject({ source: 'override', version: 2, versions: 2 });
    const audit = await world.api.get('/v1/audit?kind=template_override', token);
    expect(audit.json.entries).toHaveLength(2);
  });
});
