/**
 * The seller console in a real browser (Debian's Chromium driven by playwright-core): a seller asks
 * for a link with `/console` in Telegram, opens it, sees the dashboard of a demo-like shop, approves
 * a ticket in the console and sees the Telegram card edited; a decision taken elsewhere shows up
 * live; listing findings are marked in place; the first load stays under 300 KB gzip.
 */
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.js';
import { askConsoleInTelegram, linkIn } from '../support/console.js';
import { seedDemoLikeShop } from '../support/demo-data.js';
import {
  createTestShop,
  sendTelegramUpdate,
  type TestShop,
  useE2eWorld,
  waitForTicket,
} from '../support/e2e.js';
import { textUpdate } from '../support/fake-telegram.js';

const SELLER = 7301;
const FIRST_LOAD_BUDGET = 300 * 1024;

describe('seller console in Chromium', () => {
  const world = useE2eWorld({ label: 'consolebrowser', telegram: true });
  let shop: TestShop;
  let tickets: string[];
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let context: BrowserContext;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    shop = await createTestShop(world.app, { name: 'Demo lamps' });
    await sendTelegramUpdate(
      world.app,
      textUpdate(SELLER, `/start ${shop.linkCode}`, {
        from: { id: SELLER, is_bot: false, first_name: 'Ana', username: 'ana_lamps', language_code: 'en' },
      }),
    );
    await world.telegram.waitFor((calls) =>
      calls.some((c) => c.method === 'sendMessage' && String(c.params.chat_id) === String(SELLER)),
    );
    tickets = await seedDemoLikeShop(world, shop);
    browser = await launchChromium();
    context = browser.context;
    page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('opens the /console link from Telegram onto a populated dashboard, within the size budget', async () => {
    const link = linkIn(await askConsoleInTelegram(world, SELLER));
    const loaded: Array<{ url: string; body: Promise<Buffer> }> = [];
    const onResponse = (response: import('playwright-core').Response) => {
      if (response.url().startsWith(world.app.url) && response.request().method() === 'GET') {
        loaded.push({ url: response.url(), body: response.body().catch(() => Buffer.alloc(0)) });
      }
    };
    await page.goto(link);
    await page.waitForURL(`${world.app.url}/console`);
    page.on('response', onResponse);
    await page.reload();
    await page.waitForSelector('#dashboard[data-drawn="true"]', { timeout: 30_000 });
    page.off('response', onResponse);

    expect(await page.textContent('[data-kpi="messages"]')).toBe('14');
    expect(await page.textContent('[data-kpi="tickets"]')).toBe('15');
    expect(await page.locator('table.heatmap').first().textContent()).toContain('Not received');
    expect(
      await page.locator('canvas#chart-volume').evaluate((c) => (c as unknown as { width: number }).width),
    ).toBeGreaterThan(0);
    expect(await page.textContent('body')).toMatch(/Cainiao/);
    expect(problems.filter((p) => /Content Security Policy|Refused/.test(p))).toEqual([]);

    const urls = loaded.map((l) => new URL(l.url).pathname);
    expect(urls).toEqual(
      expect.arrayContaining(['/console', '/console/vendor/chart.umd.min.js', '/console/api/dashboard']),
    );
    let total = 0;
    for (const l of loaded) total += gzipSync(await l.body).length;
    expect(total).toBeGreaterThan(50 * 1024); // Chart.js is in it: the sum measured something real
    expect(total).toBeLessThan(FIRST_LOAD_BUDGET);
  });

  it('approves a ticket in the console and the Telegram card shows the outcome', async () => {
    const ticketId = tickets[3]!;
    await page.goto(`${world.app.url}/console/tickets?status=awaiting_approval`);
    await page.click(`a[href="/console/tickets/${ticketId}"]`);
    await page.waitForSelector('[data-status="awaiting_approval"]');
    const edits = world.telegram.callsOf('editMessageText').length;
    await page.click('button[name="action"][value="approve"]');
    await page.waitForSelector('.flash.ok');
    expect(await page.textContent('.flash.ok')).toBe('Reply approved.');
    await waitForTicket(world.app, shop.token, ticketId, ['sent']);
    await world.telegram.waitFor((calls) =>
      calls
        .filter((c) => c.method === 'editMessageText')
        .slice(edits)
        .some(
          (c) =>
            String(c.params.chat_id) === String(SELLER) && /Approved by @u7301/.test(String(c.params.text)),
        ),
    );
  });

  it('shows a decision taken elsewhere without a reload by hand', async () => {
    const ticketId = tickets[4]!;
    await page.goto(`${world.app.url}/console/tickets/${ticketId}`);
    await page.waitForSelector('[data-status="awaiting_approval"]');
    const decided = await world.api.post(
      `/v1/tickets/${ticketId}/decision`,
      { action: 'reject', by: 'api' },
      shop.token,
    );
    expect(decided.status).toBe(200);
    await page.waitForSelector('[data-status="rejected"]', { timeout: 20_000 });
  });

  it('marks listing findings in place', async () => {
    await page.goto(`${world.app.url}/console/listings`);
    await page.click('table a');
    await page.waitForSelector('mark.finding');
    const marks = await page.locator('mark.finding').count();
    expect(marks).toBeGreaterThan(0);
    const numbered = await page.locator('ol.findings li').count();
    expect(numbered).toBeGreaterThanOrEqual(marks > 0 ? 1 : 0);
    expect(await page.locator('mark.finding').first().getAttribute('title')).toMatch(/^\d+\. /);
  });

  it('speaks the language picked, and no page broke the CSP', async () => {
    await page.goto(`${world.app.url}/console`);
    await page.selectOption('select[name="language"]', 'zh-CN');
    await page.waitForSelector('html[lang="zh-CN"]', { state: 'attached' });
    expect(await page.textContent('nav.nav')).toContain('工单');
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
