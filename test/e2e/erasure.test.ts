import { WorkflowNotFoundError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { eq, inArray } from 'drizzle-orm';
import pino from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { NO_TEAM_CHANNEL } from '../../src/activities/ports.js';
import { createTicketActivities } from '../../src/activities/ticket/index.js';
import { countTicketsOfBuyer, loadErasureKeys } from '../../src/db/erasure-keys.js';
import { approvalCards, deliveries, tickets } from '../../src/db/schema/index.js';
import type { OutboundSender } from '../../src/delivery/outbound.js';
import { createReplyRenderer } from '../../src/domain/reply/index.js';
import { loadReplyResources } from '../../src/i18n/load.js';
import { eventually } from '../support/app.js';
import { searchDatabase } from '../support/db-search.js';
import {
  createTestShop,
  linkTelegramChat,
  sendTelegramUpdate,
  useE2eWorld,
  waitForTicket,
} from '../support/e2e.js';
import { callbackUpdate } from '../support/fake-telegram.js';
import { searchHistories } from '../support/history-search.js';

const OUTBOUND_SECRET = 'erasure-outbound-secret';
const CHAT_ID = 515151;
const BUYER = 'buyer-zq-7781';
const NAME = 'Zebulon Quillfeather';
/** The buyer's name, id and words no template or carrier would ever write. */
const NEEDLES = ['Zebulon', 'Quillfeather', 'periwinkle', 'xylophone', 'marzipan', BUYER];
const TRACKING = 'LP00077810CN';
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

describe('erasure reaches everything: database, Temporal histories, chat cards, delivery', () => {
  const world = useE2eWorld({
    label: 'erasure',
    telegram: true,
    slack: true,
    outboundSecret: OUTBOUND_SECRET,
    env: ({ slack }) => ({
      SLACK_BOT_TOKEN: 'xoxb-erasure-test',
      SLACK_SIGNING_SECRET: 'erasure-signing-secret',
      SLACK_API_URL: slack!.apiUrl,
      SLACK_SUPPORT_CHANNEL: 'C777',
    }),
  });
  let token: string;
  let shopId: string;

  const webhook = (update: unknown) => sendTelegramUpdate(world.app, update);
  const ticket = (id: string) => world.api.get(`/v1/tickets/${id}`, token);
  const waitStatus = (id: string, statuses: string[]) =>
    waitForTicket(world.app, token, id, statuses, 60_000);
  const cardsOf = async (ticketIds: string[]) =>
    world.app.database.db.select().from(approvalCards).where(inArray(approvalCards.ticketId, ticketIds));

  beforeAll(async () => {
    const shop = await createTestShop(world.app, { name: 'Odd Instruments' });
    token = shop.token;
    shopId = shop.id;
    // The seller's Telegram is in English (the chat takes the linker's Telegram language).
    await linkTelegramChat(world, shop.linkCode, CHAT_ID, {
      from: { id: CHAT_ID, is_bot: false, first_name: 'Olga', language_code: 'en' },
    });
  }, 120_000);

  it('leaves no trace of the buyer in any table or workflow history, edits the cards, keeps counts', async () => {
    // Ticket A: answered with an edited reply that names the buyer (decision text, delivery, audit).
    const a = await world.api.post(
      '/v1/messages',
      {
        messageId: 'zq-1',
        orderId: 'ORD-ZQ-1',
        buyer: { id: BUYER, name: NAME, locale: 'en-GB', country: 'GB' },
        text: 'Hello, Zebulon Quillfeather here. My periwinkle xylophone arrived broken and the marzipan box was crushed.',
        receivedAt: '2026-11-23T10:00:00Z',
        order: { items: ['Periwinkle xylophone'] },
        dispute: { id: 'DSP-ZQ-1', reason: 'periwinkle xylophone arrived broken' },
      },
      token,
    );
    expect(a.status).toBe(202);
    const ticketA: string = a.json.ticketId;
    await waitStatus(ticketA, ['awaiting_approval']);
    const edited = await world.api.post(
      `/v1/tickets/${ticketA}/decision`,
      {
        action: 'edit',
        text: 'Dear Zebulon Quillfeather, sorry about the periwinkle xylophone; a marzipan voucher is on its way.',
        by: 'Seller Sam',
      },
      token,
    );
    expect(edited.status).toBe(200);
    await eventually(
      async () => world.outbound.received.some((r) => r.body.ticketId === ticketA),
      30_000,
      'delivery A',
    );
    await eventually(async () => (await ticket(ticketA)).json.delivery?.state === 'delivered');

    // Ticket B: handed to the support team in Slack, still open when the buyer asks to be erased.
    const b = await world.api.post(
      '/v1/messages',
      {
        messageId: 'zq-2',
        orderId: 'ORD-ZQ-2',
        buyer: { id: BUYER, name: NAME, locale: 'en-GB' },
        text: 'Zebulon again: where is my marzipan order? Tracking shows nothing for days.',
        receivedAt: '2026-11-24T10:00:00Z',
      },
      token,
    );
    const ticketB: string = b.json.ticketId;
    await waitStatus(ticketB, ['awaiting_approval']);
    const escalated = await world.api.post(`/v1/tickets/${ticketB}/decision`, { action: 'escalate' }, token);
    expect(escalated.status).toBe(200);
    await waitStatus(ticketB, ['escalated']);
    await eventually(
      async () => (await cardsOf([ticketB])).some((c) => c.channel === 'slack'),
      30_000,
      'Slack team card',
    );
    // The team corrects B's category: the correction keeps B's words as the shop's example, and the
    // team card is updated in place with the redraft.
    const corrected = await world.api.post(
      `/v1/tickets/${ticketB}/category`,
      { category: 'shipping_inquiry' },
      token,
    );
    expect(corrected.status).toBe(202);
    await eventually(
      async () => {
        const t = (await ticket(ticketB)).json;
        return (
          t.draftDetails?.revision === 2 && t.category === 'shipping_inquiry' && t.status === 'escalated'
        );
      },
      30_000,
      'B redrafted in the corrected category',
    );
    await world.slack.waitFor((calls) =>
      calls.some(
        (c) => c.method === 'chat.update' && JSON.stringify(c.params.blocks).includes('Shipping question'),
      ),
    );

    // A stalled parcel of the same buyer: its watch opens an apology ticket (C) for them.
    const tracked = await world.api.post(
      '/v1/tracking',
      {
        orderId: 'ORD-ZQ-3',
        trackingNumber: TRACKING,
        carrier: 'Cainiao',
        buyer: { id: BUYER, locale: 'en-GB' },
        events: [
          { at: hoursAgo(51), status: 'info_received', description: 'GWMS_ACCEPT' },
          { at: hoursAgo(49), status: 'in_transit', description: 'PU_PICKUP_SUCCESS' },
        ],
      },
      token,
    );
    expect(tracked.status).toBe(202);
    const apology = await eventually(
      async () => {
        const r = await world.api.get(`/v1/shipments/${TRACKING}`, token);
        return r.json?.actions?.find((x: { kind: string }) => x.kind === 'apology_opened');
      },
      60_000,
      'apology ticket',
    );
    const ticketC: string = apology.details.ticketId;
    await waitStatus(ticketC, ['awaiting_approval']);
    await eventually(async () => (await cardsOf([ticketA, ticketB, ticketC])).length >= 4, 30_000, 'cards');

    // The search is not blind: before the erasure it finds the buyer where we put them.
    const before = await searchDatabase(world.app.database.db, world.app.schema, NEEDLES);
    const historiesBefore = await searchHistories(world.app.temporal, {
      query: `TaskQueue = '${world.app.config.TEMPORAL_TASK_QUEUE}'`,
      needles: NEEDLES,
      include: (type) => type === 'ticketWorkflow',
    });
    // Ticket histories are id-only: even before the erasure they hold nothing of the buyer (the
    // erasure still deletes them, so a history recorded by older code cannot keep anything).
    expect(historiesBefore.length).toBeGreaterThan(0);
    expect(historiesBefore.filter((h) => h.found.length > 0)).toEqual([]);
    const tablesBefore = new Set(before.hits.map((h) => h.table));
    for (const table of [
      'tickets',
      'buyer_messages',
      'drafts',
      'decisions',
      'deliveries',
      'shipments',
      'intent_corrections',
    ])
      expect(tablesBefore).toContain(table);
    const countBefore = (await world.api.get('/v1/tickets', token)).json.tickets.length;

    const erased = await world.api.call('DELETE', `/v1/buyers/${BUYER}`, { token });
    expect(erased.status).toBe(200);
    expect(erased.json).toMatchObject({
      closedTickets: 2,
      cards: 'scheduled',
      histories: 3,
      erased: { tickets: 3, shipments: 1, deliveries: 1, decisions: 1, corrections: 1 },
    });

    // Open tickets were closed; every ticket workflow of the buyer is gone from Temporal, history and all.
    for (const id of [ticketB, ticketC]) expect((await ticket(id)).json.status).toBe('closed');
    for (const id of [ticketA, ticketB, ticketC]) {
      await eventually(
        () =>
          world.app.temporal.workflow
            .getHandle(`ticket-${id}`)
            .describe()
            .then(() => false)
            .catch((error: Error) => error instanceof WorkflowNotFoundError),
        90_000, // Temporal deletes histories asynchronously; slow on a loaded machine
        `history of ${id} deleted`,
      );
    }
    expect((await ticket(ticketA)).json.status).toBe('sent');

    // Every text-like column of every table of this schema, for every needle.
    const after = await searchDatabase(world.app.database.db, world.app.schema, NEEDLES);
    expect(after.tables).toBeGreaterThanOrEqual(15);
    expect(after.hits).toEqual([]);

    // Counts stay: the tickets are all there, and still countable per buyer through the keyed pseudonym.
    expect((await world.api.get('/v1/tickets', token)).json.tickets.length).toBe(countBefore);
    const keys = await loadErasureKeys(world.app.database.db);
    expect(await countTicketsOfBuyer(world.app.database.db, keys, shopId, BUYER)).toBe(3);
    const [row] = await world.app.database.db.select().from(tickets).where(eq(tickets.id, ticketA));
    expect(row!.buyerId).toMatch(/^erased:[0-9a-f]{32}$/);
    expect(row!.erasedAt).not.toBeNull();

    // Every posted card was edited to a note without the buyer's name or text.
    const cards = await cardsOf([ticketA, ticketB, ticketC]);
    const slackCard = cards.find((c) => c.channel === 'slack')!;
    await world.slack.waitFor((calls) =>
      calls.some(
        (c) =>
          c.method === 'chat.update' &&
          c.params.ts === slackCard.messageId &&
          /erased at the buyer/.test(String(c.params.text)),
      ),
    );
    const slackEdits = world.slack
      .callsOf('chat.update')
      .filter((c) => /erased at the buyer/.test(String(c.params.text)));
    for (const needle of NEEDLES) expect(JSON.stringify(slackEdits)).not.toContain(needle);
    await world.telegram.waitFor((calls) =>
      cards
        .filter((card) => card.channel === 'telegram')
        .every((card) =>
          calls.some(
            (c) =>
              c.method === 'editMessageText' &&
              String(c.params.message_id) === card.messageId &&
              /erased at the buyer/.test(String(c.params.text)),
          ),
        ),
    );
    const erasureEdits = world.telegram
      .callsOf('editMessageText')
      .filter((c) => /erased at the buyer/.test(String(c.params.text)));
    for (const needle of NEEDLES) expect(JSON.stringify(erasureEdits)).not.toContain(needle);

    // Temporal: every workflow history left on this task queue (the shipment watch, the card
    // erasure; the buyer's ticket histories were deleted), payloads decoded. The tracking number
    // proves the search reads the payloads.
    const queue = `TaskQueue = '${world.app.config.TEMPORAL_TASK_QUEUE}'`;
    const scans = await eventually(
      async () => {
        const found = await searchHistories(world.app.temporal, {
          query: queue,
          needles: [...NEEDLES, TRACKING],
        });
        const types = new Set(found.map((s) => s.type));
        return types.has('shipmentWatchWorkflow') && types.has('cardErasureWorkflow') ? found : undefined;
      },
      30_000,
      'visibility of the non-ticket workflows',
    );
    const watch = scans.find((s) => s.type === 'shipmentWatchWorkflow')!;
    expect(watch.found).toContain(TRACKING);
    for (const scan of scans) {
      expect({ workflow: scan.type, found: scan.found.filter((n) => n !== TRACKING) }).toEqual({
        workflow: scan.type,
        found: [],
      });
    }

    const audit = await world.api.get('/v1/audit?kind=buyer_erased', token);
    expect(audit.json.entries[0].details).toMatchObject({ reason: 'request', closedTickets: 2 });
    expect(JSON.stringify(audit.json)).not.toContain(BUYER);

    // A repeat finds nothing left under the real id.
    const again = await world.api.call('DELETE', `/v1/buyers/${BUYER}`, { token });
    expect(again.json).toMatchObject({ closedTickets: 0, erased: { tickets: 0, shipments: 0 } });
  }, 240_000);

  it('Approve after erasing a ticket that waited for approval: refused as closed, nothing sent', async () => {
    const buyer = 'buyer-late-42';
    const posted = await world.api.post(
      '/v1/messages',
      {
        messageId: 'late-1',
        orderId: 'ORD-LATE-1',
        buyer: { id: buyer, name: 'Ottoline Varga' },
        text: 'Hello, my parcel has not arrived yet, can you check where it is?',
        receivedAt: '2026-11-25T10:00:00Z',
      },
      token,
    );
    const ticketId: string = posted.json.ticketId;
    await waitStatus(ticketId, ['awaiting_approval']);
    await eventually(async () => (await cardsOf([ticketId])).length === 1, 30_000, 'card');
    const receivedBefore = world.outbound.received.length;

    expect((await world.api.call('DELETE', `/v1/buyers/${buyer}`, { token })).json.closedTickets).toBe(1);

    const approved = await world.api.post(`/v1/tickets/${ticketId}/decision`, { action: 'approve' }, token);
    expect(approved.status).toBe(409);
    expect(approved.json.error.code).toBe('ticket_closed');
    expect(approved.json.error.message).toMatch(/already closed/);

    const pressed = await webhook(callbackUpdate(CHAT_ID, `approve:${ticketId}`));
    expect(pressed.status).toBe(200);
    await world.telegram.waitFor((calls) =>
      calls.some((c) => c.method === 'answerCallbackQuery' && /already closed/.test(String(c.params.text))),
    );

    // Give a delivery every chance to (wrongly) happen, then check the receiver and the ledger.
    await new Promise((r) => setTimeout(r, 2000));
    expect(world.outbound.received.length).toBe(receivedBefore);
    expect(world.outbound.received.some((r) => r.body.ticketId === ticketId)).toBe(false);
    expect(
      await world.app.database.db.select().from(deliveries).where(eq(deliveries.ticketId, ticketId)),
    ).toEqual([]);
    expect((await ticket(ticketId)).json.status).toBe('closed');
  }, 120_000);

  it('the delivery activity refuses a closed or erased ticket before any POST', async () => {
    const posts: unknown[] = [];
    const counting: OutboundSender = {
      async destinationFor() {
        return { target: 'http', url: 'http://127.0.0.1:9/never', secret: 'never-used-secret' };
      },
      async send(payload) {
        posts.push(payload);
        return { ok: true, status: 200 };
      },
    };
    const { catalogue, resources } = await loadReplyResources(process.cwd());
    const activities = createTicketActivities({
      db: world.app.database.db,
      renderer: createReplyRenderer(catalogue, resources),
      outbound: counting,
      logger: pino({ level: 'silent' }),
      team: NO_TEAM_CHANNEL,
    });
    for (const [id, values] of [
      ['tkt_guardclosed', { status: 'closed' as const }],
      ['tkt_guarderased', { status: 'sent' as const, erasedAt: new Date() }],
    ] as const) {
      await world.app.database.db.insert(tickets).values({
        id,
        shopId,
        orderId: `ORD-${id}`,
        buyerId: `b-${id}`,
        finalText: 'A reply that must never leave',
        currentRevision: 1,
        ...values,
      });
      const failure = await activities.deliverReply({ ticketId: id, revision: 1 }).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(ApplicationFailure);
      expect((failure as ApplicationFailure).type).toBe('ticket_closed');
      expect((failure as ApplicationFailure).nonRetryable).toBe(true);
    }
    expect(posts).toEqual([]);
  });
});
