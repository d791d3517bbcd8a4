import type { Client } from '@temporalio/client';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTicketService } from '../../src/app/ticket-service.js';
import type { TelegramCards } from '../../src/channels/telegram/notifier.js';
import { listAudit } from '../../src/db/audit-repo.js';
import { newId } from '../../src/db/ids.js';
import { buyerMessages, metering, shops, tickets } from '../../src/db/schema/index.js';
import { createShop, linkTelegramChat, setTelegramChatLanguage } from '../../src/db/shops-repo.js';
import { ensureSchedules, SCHEDULES } from '../../src/temporal/schedules.js';
import { openTestPostgres } from '../support/db.js';
import { startTestWorker, type TestWorker } from '../support/worker.js';

describe('maintenance workflows: retention, daily digest, monthly summary, schedules', () => {
  const taskQueue = `tq-maint-${inject('runId')}`;
  let db: Awaited<ReturnType<typeof openTestPostgres>>;
  let testWorker: TestWorker;
  let client: Client;
  const sent: Array<{ chatId: string; text: string }> = [];
  let shopId: string;

  const cards: TelegramCards = {
    async sendCard(chatId, text) {
      sent.push({ chatId, text });
      return String(sent.length);
    },
    async editCard() {},
  };

  beforeAll(async () => {
    db = await openTestPostgres('maint');
    testWorker = await startTestWorker({
      taskQueue,
      db: db.db,
      deps: (temporal) => ({
        telegram: cards,
        dispatchBuyerMessage: createTicketService({ db: db.db, temporal, taskQueue }).dispatchBuyerMessage,
      }),
    });
    client = testWorker.client;
    const shop = await createShop(db.db, { name: 'Loja Sol', defaultLanguage: 'pt', plan: 'free' });
    shopId = shop.shop.id;
    await linkTelegramChat(db.db, shop.telegramLinkCode, '777', '777');
    await db.db
      .update(shops)
      .set({ settings: { retention: { buyerTextDays: 30 } } })
      .where(eq(shops.id, shopId));

    const old = new Date(Date.now() - 40 * 86_400_000);
    const recent = new Date(Date.now() - 2 * 3_600_000);
    for (const [i, when, status] of [
      [1, old, 'sent'],
      [2, old, 'awaiting_approval'],
      [3, recent, 'sent'],
    ] as const) {
      const id = newId('tkt');
      await db.db.insert(tickets).values({
        id,
        shopId,
        orderId: `M-${i}`,
        buyerId: `b${i}`,
        buyerName: 'Joana',
        status,
        category: 'not_received',
        language: 'pt',
        createdAt: when,
        updatedAt: when,
      });
      await db.db.insert(buyerMessages).values({
        shopId,
        ticketId: id,
        messageId: `mm${i}`,
        text: `cadê meu pedido ${i}`,
        receivedAt: when,
      });
    }
  });

  afterAll(async () => {
    await testWorker?.stop();
    await db?.drop();
  });

  const run = (workflow: string) =>
    client.workflow.execute(workflow, { taskQueue, workflowId: `${workflow}-${Date.now()}`, args: [] });

  it('retention erases buyer texts of closed tickets past the shop setting only', async () => {
    const result = await run('retentionWorkflow');
    expect(result).toMatchObject({ ticketsPurged: 1 });
    const texts = (await db.db.select().from(buyerMessages)).map((m) => m.text).sort();
    expect(texts.filter((t) => t.startsWith('[erased'))).toHaveLength(1);
    expect(texts).toContain('cadê meu pedido 2'); // still open
    expect(texts).toContain('cadê meu pedido 3'); // recent
    const again = await run('retentionWorkflow');
    expect(again).toMatchObject({ ticketsPurged: 0 });
  });

  it('the daily digest reaches the linked chat in the seller language with the figures', async () => {
    const result = await run('dailyDigestWorkflow');
    expect(result).toMatchObject({ sent: 1 });
    const digest = sent.at(-1)!;
    expect(digest.chatId).toBe('777');
    expect(digest.text).toContain('Saúde da loja Loja Sol');
    expect(digest.text).toMatch(/Chamados: 1/);
    expect(digest.text).not.toContain('cadê');
  });

  it('a chat whose seller reads Chinese gets the digest in Simplified Chinese, the buyers still Portuguese', async () => {
    await setTelegramChatLanguage(db.db, '777', 'zh-CN');
    const result = await run('dailyDigestWorkflow');
    expect(result).toMatchObject({ sent: 1 });
    const digest = sent.at(-1)!.text;
    expect(digest.split('\n')[0]).toBe('Loja Sol 店铺健康日报（过去 24 小时）');
    expect(digest).toMatch(/工单数: 1/);
    expect(digest).toContain('物流停滞的包裹');
    expect(digest).not.toContain('Chamados');
    await setTelegramChatLanguage(db.db, '777', 'pt');
  });

  it('the monthly summary is recorded once per shop and month', async () => {
    await run('monthlySummaryWorkflow');
    await run('monthlySummaryWorkflow');
    const audit = await listAudit(db.db, shopId, { kind: 'monthly_summary', limit: 10 });
    expect(audit.entries).toHaveLength(1);
    expect(audit.entries[0]!.details).toHaveProperty('month');
    const meters = await db.db.select().from(metering).where(eq(metering.shopId, shopId));
    expect(meters.some((m) => m.kind === 'summary_tickets')).toBe(true);
  });

  it('schedules are created once and describe their cron', async () => {
    const first = await ensureSchedules(client, taskQueue);
    expect(first).toHaveLength(SCHEDULES.length);
    expect(await ensureSchedules(client, taskQueue)).toEqual([]);
    for (const schedule of SCHEDULES) {
      const handle = client.schedule.getHandle(`${schedule.id}-${taskQueue}`);
      const description = await handle.describe();
      expect(description.action.type).toBe('startWorkflow');
      await handle.delete();
    }
  });
});
