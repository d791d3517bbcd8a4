import { ApplicationFailure } from '@temporalio/common';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NO_TEAM_CHANNEL } from '../../../src/activities/ports.js';
import { createTeamActivities } from '../../../src/activities/ticket/team.js';
import { createSupportNotifier, slackActivityDeps } from '../../../src/channels/slack/app.js';
import {
  createSlackCards,
  createSlackWebClient,
  SlackApiError,
  type SlackCards,
} from '../../../src/channels/slack/notifier.js';
import { createSlackTeamChannel } from '../../../src/channels/slack/team-channel.js';
import { createSlackWorkspaces, type SlackWorkspaces } from '../../../src/channels/slack/workspaces.js';
import { listSlackCards } from '../../../src/db/cards-repo.js';
import type { Db } from '../../../src/db/client.js';
import { createShop, shopSellerLanguage } from '../../../src/db/shops-repo.js';
import { ingestMessage, recordDecision, recordDraft } from '../../../src/db/tickets-repo.js';
import { createReplyRenderer } from '../../../src/domain/reply/index.js';
import { loadReplyResources } from '../../../src/i18n/load.js';
import { openTestPostgres } from '../../support/db.js';
import { startFakeSlack } from '../../support/fake-slack.js';

const { catalogue, resources } = await loadReplyResources(process.cwd());
const renderer = createReplyRenderer(catalogue, resources);

const message = {
  text: 'hello',
  blocks: [{ type: 'section' as const, text: { type: 'mrkdwn' as const, text: 'hi' } }],
};

describe('Slack cards port (Web API client against the fake)', () => {
  let fake: Awaited<ReturnType<typeof startFakeSlack>>;
  let cards: SlackCards;

  beforeAll(async () => {
    fake = await startFakeSlack();
    cards = createSlackCards(createSlackWebClient('xoxb-test', fake.apiUrl, { timeoutMs: 2000 }));
  });
  afterAll(async () => fake?.close());
  beforeEach(() => {
    fake.calls.length = 0;
  });

  it('posts, updates and threads with the bot token', async () => {
    const posted = await cards.postMessage('C123', message);
    expect(posted.channel).toBe('C123');
    expect(posted.ts).toMatch(/^\d+\.\d{6}$/);
    expect(await cards.update('C123', posted.ts, message)).toBe(true);
    const reply = await cards.postThread('C123', posted.ts, message);
    expect(reply.ts).not.toBe(posted.ts);
    expect(fake.calls.map((c) => c.method)).toEqual(['chat.postMessage', 'chat.update', 'chat.postMessage']);
    expect(fake.calls.every((c) => c.token === 'xoxb-test')).toBe(true);
    expect(fake.calls[0]!.params.blocks).toEqual(message.blocks);
    expect(fake.calls[2]!.params.thread_ts).toBe(posted.ts);
  });

  it('waits out a 429 for its Retry-After, then succeeds', async () => {
    fake.rateLimitNext('chat.postMessage', 1);
    const started = Date.now();
    const posted = await cards.postMessage('C123', message);
    expect(posted.ts).toBeTruthy();
    expect(fake.calls.map((c) => c.method)).toEqual(['chat.postMessage#failed', 'chat.postMessage']);
    const gap = fake.calls[1]!.at - fake.calls[0]!.at;
    expect(gap).toBeGreaterThanOrEqual(950);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('hands a long Retry-After back to the caller instead of sleeping on it', async () => {
    fake.rateLimitNext('chat.update', 120);
    const started = Date.now();
    const error = await cards.update('C123', '1.000001', message).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SlackApiError);
    expect(error).toMatchObject({ code: 'slack_rate_limited', retryAfterSeconds: 120, retryable: true });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('retries a 5xx with backoff; a malformed request is not retryable; a vanished message is done', async () => {
    fake.failNext('chat.postMessage', 'internal_error', 503);
    await expect(cards.postMessage('C123', message)).resolves.toMatchObject({ channel: 'C123' });
    expect(fake.calls.map((c) => c.method)).toEqual(['chat.postMessage#failed', 'chat.postMessage']);

    fake.failNext('chat.postMessage', 'invalid_blocks');
    await expect(cards.postMessage('C123', message)).rejects.toMatchObject({
      code: 'slack_platform_error',
      slackError: 'invalid_blocks',
      retryable: false,
    });

    fake.failNext('chat.postMessage', 'not_in_channel');
    await expect(cards.postMessage('C123', message)).rejects.toMatchObject({ retryable: true });

    fake.failNext('chat.update', 'message_not_found');
    await expect(cards.update('C123', '1.000001', message)).resolves.toBe(false);
  });

  it("a shipment notice for the shop's support channel; false (no throw) when Slack refuses", async () => {
    const shops: Record<string, { cards: SlackCards; channel: string | undefined }> = {
      s: { cards, channel: 'C123' },
      nochannel: { cards, channel: undefined },
    };
    const notify = createSupportNotifier(
      { forShop: async (shopId: string) => shops[shopId] } as unknown as SlackWorkspaces,
      renderer,
    );
    const notice = {
      shopId: 's',
      orderId: 'O-1',
      trackingNumber: 'LP1',
      reason: 'stall',
      text: 'Parcel <stuck> & silent',
    };
    expect(await notify(notice)).toBe(true);
    expect(JSON.stringify(fake.callsOf('chat.postMessage')[0]!.params.blocks)).toContain(
      '&lt;stuck&gt; &amp; silent',
    );
    expect(JSON.stringify(fake.callsOf('chat.postMessage')[0]!.params.blocks)).toContain(
      '🚚 *Shipment needs the team* · order *O-1* · tracking `LP1` · stall',
    );
    // The labels follow the shop's seller language.
    expect(await notify({ ...notice, language: 'zh-CN' })).toBe(true);
    expect(fake.callsOf('chat.postMessage').at(-1)!.params.text).toBe(
      '物流异常，需要团队处理：订单 O-1（stall）',
    );
    fake.failNext('chat.postMessage', 'channel_not_found');
    expect(await notify(notice)).toBe(false);
    // A shop without Slack, or without a channel, is never posted for.
    const before = fake.callsOf('chat.postMessage').length;
    expect(await notify({ ...notice, shopId: 'nochannel' })).toBe(false);
    expect(await notify({ ...notice, shopId: 'unbound' })).toBe(false);
    expect(fake.callsOf('chat.postMessage')).toHaveLength(before);
  });

  it('activity deps come from the config: nothing without a bot token or OAuth', () => {
    const off = {
      SLACK_BOT_TOKEN: undefined,
      SLACK_API_URL: fake.apiUrl,
      SLACK_SUPPORT_CHANNEL: 'C1',
      SLACK_CLIENT_ID: undefined,
      SLACK_STATE_SECRET: undefined,
    };
    expect(slackActivityDeps({} as Db, off, renderer)).toEqual({});
    const deps = slackActivityDeps({} as Db, { ...off, SLACK_BOT_TOKEN: 'xoxb' }, renderer);
    expect(deps.slack?.environment).toEqual({ botToken: 'xoxb', channel: 'C1' });
    expect(deps.notifySupport).toBeTypeOf('function');
  });
});

describe('Team activities over Slack (escalateToTeam, postBuyerMessageToTeamThread, closeTeamCards)', () => {
  let database: Awaited<ReturnType<typeof openTestPostgres>>;
  // Cards are written in each shop's seller language.
  const sellerTexts = () => ({
    renderer,
    languageOf: (shopId: string) => shopSellerLanguage(database.db, shopId),
  });
  let fake: Awaited<ReturnType<typeof startFakeSlack>>;
  let activities: ReturnType<typeof createTeamActivities>;
  let shopId: string;
  const logger = pino({ level: 'silent' });

  async function newTicket(orderId: string, draft: string) {
    const stored = await ingestMessage(database.db, shopId, {
      messageId: `m-${orderId}`,
      orderId,
      buyerId: `b-${orderId}`,
      redactedText: 'Mi paquete no llega <nunca> & nadie responde',
      redactedKinds: [],
      receivedAt: new Date(),
    });
    await recordDraft(database.db, {
      ticketId: stored.ticketId,
      revision: 1,
      language: 'es',
      languageConfidence: 0.95,
      category: 'not_received',
      confidence: 0.91,
      urgency: 'high',
      abstained: false,
      text: draft,
      source: 'template',
      evidence: [],
    });
    return stored.ticketId;
  }

  beforeAll(async () => {
    database = await openTestPostgres('slack-activities');
    fake = await startFakeSlack();
    const created = await createShop(database.db, {
      name: 'Tienda Sol',
      defaultLanguage: 'es',
      plan: 'free',
    });
    shopId = created.shop.id;
    // The only shop: it uses the environment's workspace by default (docs/OPERATIONS.md, "Slack").
    activities = createTeamActivities({
      db: database.db,
      logger,
      team: createSlackTeamChannel(
        createSlackWorkspaces({
          db: database.db,
          apiUrl: fake.apiUrl,
          environment: { botToken: 'xoxb-test', channel: 'C123' },
        }),
        sellerTexts(),
      ),
    });
  });
  afterAll(async () => {
    await fake?.close();
    await database?.drop();
  });
  beforeEach(() => {
    fake.calls.length = 0;
  });

  it('are no-ops when Slack is off', async () => {
    const ticketId = await newTicket('OFF-1', 'draft');
    const off = createTeamActivities({ db: database.db, logger, team: NO_TEAM_CHANNEL });
    expect(await off.escalateToTeam({ ticketId, revision: 1, reason: 'sla' })).toEqual({ posted: false });
    expect(await off.postBuyerMessageToTeamThread({ ticketId, messageId: 'm-OFF-1' })).toEqual({
      posted: false,
    });
    expect(await off.closeTeamCards({ ticketId })).toEqual({ updated: 0 });
    const noChannel = createTeamActivities({
      db: database.db,
      logger,
      team: createSlackTeamChannel(
        createSlackWorkspaces({
          db: database.db,
          apiUrl: fake.apiUrl,
          environment: { botToken: 'xoxb-test' },
        }),
        sellerTexts(),
      ),
    });
    expect(await noChannel.escalateToTeam({ ticketId, revision: 1, reason: 'sla' })).toEqual({
      posted: false,
    });
    expect(fake.calls).toHaveLength(0);
  });

  it('posts the escalation card once per revision, even when the activity is retried', async () => {
    const ticketId = await newTicket('ESC-1', 'Hola, su pedido llega pronto.');
    const first = await activities.escalateToTeam({
      ticketId,
      revision: 1,
      reason: 'escalated by the seller',
    });
    expect(first).toMatchObject({ posted: true, channel: 'C123' });
    const again = await activities.escalateToTeam({
      ticketId,
      revision: 1,
      reason: 'escalated by the seller',
    });
    expect(again).toEqual({ posted: false, channel: 'C123', ts: first.ts });
    const posts = fake.callsOf('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.params.channel).toBe('C123');
    const blocks = JSON.stringify(posts[0]!.params.blocks);
    expect(blocks).toContain('"action_id":"approve"');
    expect(blocks).toContain(`"value":"${ticketId}"`);
    expect(blocks).toContain('*Motivo:* escalada por el vendedor');
    expect(blocks).toContain('&lt;nunca&gt; &amp; nadie');
    expect(blocks).toContain('Hola, su pedido llega pronto.');
    const cards = await listSlackCards(database.db, ticketId);
    expect(cards).toHaveLength(1);
    expect(cards[0]).toMatchObject({
      channel: 'slack',
      chatId: 'C123',
      messageId: first.ts,
      revision: 1,
      closed: 0,
    });
  });

  it('a new draft revision edits the same message; buyer messages go into its thread once', async () => {
    const ticketId = await newTicket('ESC-2', 'first draft');
    const first = await activities.escalateToTeam({ ticketId, revision: 1, reason: 'no answer in time' });
    await recordDraft(database.db, {
      ticketId,
      revision: 2,
      language: 'es',
      languageConfidence: 0.95,
      category: 'not_received',
      confidence: 0.9,
      urgency: 'high',
      abstained: false,
      text: 'second draft',
      source: 'template',
      evidence: [],
    });
    const second = await activities.escalateToTeam({ ticketId, revision: 2, reason: 'no answer in time' });
    expect(second).toEqual({ posted: true, channel: 'C123', ts: first.ts });
    expect(fake.callsOf('chat.postMessage')).toHaveLength(1);
    const update = fake.callsOf('chat.update')[0]!;
    expect(update.params.ts).toBe(first.ts);
    expect(JSON.stringify(update.params.blocks)).toContain('second draft');
    const cards = await listSlackCards(database.db, ticketId);
    expect(cards.map((c) => [c.revision, c.closed])).toEqual([
      [1, 1],
      [2, 0],
    ]);

    fake.calls.length = 0;
    const later = async (messageId: string) => {
      const joined = await ingestMessage(database.db, shopId, {
        messageId,
        orderId: 'ESC-2',
        buyerId: 'b-ESC-2',
        redactedText: '¿Y bien? <@U1>',
        redactedKinds: [],
        receivedAt: new Date(),
      });
      expect(joined.ticketId).toBe(ticketId);
    };
    await later('m-8');
    // The activity gets the message id only and reads the stored (redacted) text itself.
    const threaded = await activities.postBuyerMessageToTeamThread({ ticketId, messageId: 'm-8' });
    expect(threaded.posted).toBe(true);
    const repeat = await activities.postBuyerMessageToTeamThread({ ticketId, messageId: 'm-8' });
    expect(repeat.posted).toBe(false);
    const thread = fake.callsOf('chat.postMessage');
    expect(thread).toHaveLength(1);
    expect(thread[0]!.params.thread_ts).toBe(first.ts);
    expect(thread[0]!.params.channel).toBe('C123');
    expect(JSON.stringify(thread[0]!.params.blocks)).toContain('¿Y bien? &lt;@U1&gt;');
    await later('m-9');
    const byId = await activities.postBuyerMessageToTeamThread({ ticketId, messageId: 'm-9' });
    expect(byId.posted).toBe(true);
    expect(await activities.postBuyerMessageToTeamThread({ ticketId, messageId: 'm-unknown' })).toEqual({
      posted: false,
    });
  });

  it('closeTeamCards edits the card to the outcome once, buttons removed', async () => {
    const ticketId = await newTicket('ESC-3', 'Hola, ya sale.');
    const posted = await activities.escalateToTeam({
      ticketId,
      revision: 1,
      reason: 'dispute deadline near',
    });
    await recordDecision(
      database.db,
      {
        ticketId,
        action: 'edit',
        revision: 2,
        actor: { channel: 'slack', id: 'U0TEAM1', name: 'ana.support' },
        text: 'Hola, sale hoy & llega el lunes.',
        decidedAt: '2026-11-23T18:40:00.000Z',
      },
      'sent',
    );
    fake.calls.length = 0;
    expect(await activities.closeTeamCards({ ticketId })).toEqual({ updated: 1 });
    const update = fake.callsOf('chat.update')[0]!;
    expect(update.params).toMatchObject({ channel: 'C123', ts: posted.ts });
    const blocks = JSON.stringify(update.params.blocks);
    // Tienda Sol's sellers read Spanish (its seller language).
    expect(blocks).toContain('✏️ Editado y enviado por <@U0TEAM1>');
    expect(blocks).toContain('Hola, sale hoy &amp; llega el lunes.');
    expect(blocks).not.toContain('"type":"actions"');
    expect(await activities.closeTeamCards({ ticketId })).toEqual({ updated: 0 });
    expect(fake.callsOf('chat.update')).toHaveLength(1);
  });

  it('Slack failures become Temporal failures: Retry-After as nextRetryDelay, bad requests non-retryable', async () => {
    const ticketId = await newTicket('ESC-4', 'draft');
    fake.rateLimitNext('chat.postMessage', 45);
    const limited = await activities
      .escalateToTeam({ ticketId, revision: 1, reason: 'sla' })
      .catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(ApplicationFailure);
    expect(limited).toMatchObject({ type: 'slack_rate_limited', nonRetryable: false });
    expect((limited as ApplicationFailure).nextRetryDelay).toBe('45 seconds');

    fake.failNext('chat.postMessage', 'invalid_blocks');
    const invalid = await activities
      .escalateToTeam({ ticketId, revision: 1, reason: 'sla' })
      .catch((e: unknown) => e);
    expect(invalid).toMatchObject({ type: 'slack_platform_error', nonRetryable: true });

    // Nothing was recorded, so the retry posts the card.
    expect(await listSlackCards(database.db, ticketId)).toHaveLength(0);
    expect((await activities.escalateToTeam({ ticketId, revision: 1, reason: 'sla' })).posted).toBe(true);
  });
});
