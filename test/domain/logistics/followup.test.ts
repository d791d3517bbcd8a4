import { describe, expect, it } from 'vitest';
import {
  type ApologyTicketStatus,
  planLogisticsFollowup,
  relevantApology,
  type WatchedShipment,
} from '../../../src/domain/logistics/followup.js';

const NOW = new Date('2026-11-23T12:00:00Z');
const H = 3_600_000;
const ago = (hours: number) => new Date(NOW.getTime() - hours * H).toISOString();

function shipment(over: Partial<WatchedShipment> = {}): WatchedShipment {
  return {
    trackingNumber: 'LP00123456789CN',
    carrier: 'Cainiao',
    state: 'stalled',
    lastEventAt: ago(60),
    lastCheckpoint: 'Departed from sorting center, Guangzhou',
    actions: [
      { at: ago(12), kind: 'stall_detected' },
      { at: ago(12), kind: 'coupon_granted', details: { code: 'SD-ABCDEFGHJK' } },
      { at: ago(12), kind: 'apology_opened', details: { ticketId: 'tkt_apology1', autoSend: false } },
    ],
    ...over,
  };
}

const plan = (
  shipments: WatchedShipment[],
  status: ApologyTicketStatus,
  category: 'not_received' | 'shipping_inquiry' | 'damaged' = 'not_received',
) => planLogisticsFollowup({ category, shipments, apologyStatus: () => status, now: NOW });

describe('logistics follow-up for "where is my order" after a stall apology', () => {
  it('after a sent apology: the follow-up template with the latest checkpoint and its date', () => {
    const result = plan([shipment()], 'sent');
    expect(result).toEqual({
      templateId: 'logistics.apology_followup',
      apologyTicketId: 'tkt_apology1',
      vars: {
        trackingNumber: 'LP00123456789CN',
        carrier: 'Cainiao',
        daysSinceUpdate: 2,
        lastCheckpoint: 'Departed from sorting center, Guangzhou',
        lastCheckpointAt: ago(60),
      },
      note: expect.stringContaining('already sent on 2026-11-23 (ticket tkt_apology1)'),
    });
  });

  it('while the apology awaits a decision: a delay update and a note to send only one', () => {
    const result = plan([shipment()], 'pending', 'shipping_inquiry');
    expect(result?.templateId).toBe('logistics.delay_update');
    expect(result?.note).toMatch(/still waiting for a decision; send either it or this update, not both/);
    expect(result?.vars.lastCheckpoint).toBe('Departed from sorting center, Guangzhou');
  });

  it('leaves the default reply for other categories, rejected or unknown apologies', () => {
    expect(plan([shipment()], 'sent', 'damaged')).toBeNull();
    expect(plan([shipment()], 'rejected')).toBeNull();
    expect(plan([shipment()], 'unknown')).toBeNull();
  });

  it('ignores an apology when tracking moved on after it, the parcel arrived, or it is old', () => {
    expect(plan([shipment({ lastEventAt: ago(2) })], 'sent')).toBeNull();
    expect(plan([shipment({ state: 'delivered' })], 'sent')).toBeNull();
    const old = shipment({
      lastEventAt: ago(24 * 20),
      actions: [{ at: ago(24 * 15), kind: 'apology_opened', details: { ticketId: 'tkt_old' } }],
    });
    expect(plan([old], 'sent')).toBeNull();
    expect(plan([shipment({ actions: [{ at: ago(1), kind: 'stall_detected' }] })], 'sent')).toBeNull();
  });

  it('a late event older than the apology keeps it relevant (events are ordered by their own time)', () => {
    expect(plan([shipment({ lastEventAt: ago(13) })], 'sent')?.vars.daysSinceUpdate).toBe(1);
  });

  it('picks the most recent apology across the parcels of the order', () => {
    const first = shipment({
      trackingNumber: 'A1',
      actions: [{ at: ago(48), kind: 'apology_opened', details: { ticketId: 'tkt_a' } }],
      lastEventAt: ago(100),
    });
    const second = shipment({
      trackingNumber: 'B2',
      actions: [{ at: ago(5), kind: 'apology_opened', details: { ticketId: 'tkt_b' } }],
    });
    expect(relevantApology([first, second], NOW)?.ticketId).toBe('tkt_b');
    expect(plan([first, second], 'sent')?.vars.trackingNumber).toBe('B2');
  });

  it('without a checkpoint text the variables leave it out rather than sending an empty one', () => {
    const result = plan([shipment({ lastCheckpoint: '  ' })], 'sent');
    expect(result?.vars).not.toHaveProperty('lastCheckpoint');
    expect(result?.vars).not.toHaveProperty('lastCheckpointAt');
  });
});
