import { describe, expect, it } from 'vitest';
import { postMessageBody } from '../../src/http/schemas.js';

const base = {
  messageId: 'm1',
  orderId: '8123',
  buyer: { id: 'b1' },
  text: 'where is my parcel?',
  receivedAt: '2026-11-30T10:00:00Z',
};

describe('postMessageBody order facts', () => {
  it('takes order items as titles or as marketplace item objects, normalized to titles', () => {
    const parsed = postMessageBody.parse({
      ...base,
      order: {
        items: [
          'Blue lamp',
          { title: ' Desk fan ', quantity: 2, price: 9.5 },
          { name: 'USB cable' },
          { sku: 'SKU-9' },
        ],
      },
    });
    expect(parsed.order?.items).toEqual(['Blue lamp', 'Desk fan', 'USB cable', 'SKU-9']);
  });

  it('refuses an item object that names nothing', () => {
    const result = postMessageBody.safeParse({ ...base, order: { items: [{ quantity: 2 }] } });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['order', 'items', 0]);
  });

  it('upper-cases a lower-case currency code and still refuses a bad one', () => {
    expect(postMessageBody.parse({ ...base, order: { currency: 'eur' } }).order?.currency).toBe('EUR');
    expect(postMessageBody.safeParse({ ...base, order: { currency: 'euro' } }).success).toBe(false);
  });
});
