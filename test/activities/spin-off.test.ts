import { eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_TEAM_CHANNEL } from '../../src/activities/ports.js';
import { createTicketActivities } from '../../src/activities/ticket/index.js';
import { buyerMessages, tickets } from '../../src/db/schema/index.js';
import { createShop } from '../../src/db/shops-repo.js';
import { createLogOutbound } from '../../src/delivery/outbound.js';
import { createReplyRenderer } from '../../src/domain/reply/index.js';
import { loadReplyResources } from '../../src/i18n/load.js';
import { openTestPostgres } from '../support/db.js';

describe('spinOffMessages: messages that reach a ticket after its decision', () => {
  let db: Awaited<ReturnType<typeof openTestPostgres>>;
  let activities: ReturnType<typeof createTicketActivities>;
  const signalled: Array<{ ticketId: string; messageId: string }> = [];
  let shopId: string;

  beforeAll(async () => {
    db = await openTestPostgres('spin');
    const { catalogue, resources } = await loadReplyResources(process.cwd());
    activities = createTicketActivities({
      db: db.db,
      renderer: createReplyRenderer(catalogue, resources),
      outbound: createLogOutbound(),
      logger: pino({ level: 'silent' }),
      team: NO_TEAM_CHANNEL,
      dispatchBuyerMessage: async ({ ticketId, messageId }) => {
        signalled.push({ ticketId, messageId });
      },
    });
    shopId = (await createShop(db.db, { name: 'S', defaultLanguage: 'en', plan: 'free' })).shop.id;
  });
  afterAll(async () => {
    await db?.drop();
  });

  async function decidedTicketWithLateMessage(id: string, orderId: string, messageId: string) {
    await db.db.insert(tickets).values({ id, shopId, orderId, buyerId: 'b', status: 'sent' });
    await db.db
      .insert(buyerMessages)
      .values({ shopId, ticketId: id, messageId, text: 'one more thing', receivedAt: new Date() });
  }

  it('opens a new ticket for them and hands them to its workflow', async () => {
    await decidedTicketWithLateMessage('tkt_old1', 'O-1', 'late-1');
    const result = await activities.spinOffMessages({ ticketId: 'tkt_old1', messageIds: ['late-1'] });
    expect(result.ticketId).toMatch(/^tkt_/);
    expect(result.ticketId).not.toBe('tkt_old1');
    expect(signalled).toContainEqual({ ticketId: result.ticketId, messageId: 'late-1' });
    const [moved] = await db.db.select().from(buyerMessages).where(eq(buyerMessages.messageId, 'late-1'));
    expect(moved?.ticketId).toBe(result.ticketId);
  });

  it('joins a newer open ticket of the same order and buyer instead of opening a second one', async () => {
    await decidedTicketWithLateMessage('tkt_old2', 'O-2', 'late-2');
    await db.db
      .insert(tickets)
      .values({ id: 'tkt_open2', shopId, orderId: 'O-2', buyerId: 'b', status: 'awaiting_approval' });
    const result = await activities.spinOffMessages({ ticketId: 'tkt_old2', messageIds: ['late-2'] });
    expect(result.ticketId).toBe('tkt_open2');
    expect(signalled).toContainEqual({ ticketId: 'tkt_open2', messageId: 'late-2' });
  });
});
