/**
 * `npm run screenshots`: runs `sellerdesk demo --serve` on a fresh data dir (embedded PGlite and
 * Temporal, as a newcomer would), opens the console link it prints in Debian's Chromium, and saves
 * the dashboard, a ticket and a listing report as PNGs in docs/img/. Then stops the demo.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../src/temporal/dev-server.js';
import { launchChromium } from '../test/support/browser.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, 'docs', 'img');

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sellerdesk-shots-'));
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    LANG: 'en_US.UTF-8',
    LOG_LEVEL: 'warn',
    DATA_DIR: dataDir,
    PORT: String(await freePort()),
    TEMPORAL_DEV_PORT: String(await freePort()),
    TEMPORAL_UI_PORT: '0',
  };
  const demo = spawn(process.execPath, [path.join(ROOT, 'bin/sellerdesk.js'), 'demo', '--serve'], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => demo.on('exit', resolve));
  try {
    const link = await new Promise<string>((resolve, reject) => {
      let stdout = '';
      const timer = setTimeout(() => reject(new Error(`no console link in 5 minutes:\n${stdout}`)), 300_000);
      demo.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        process.stdout.write(chunk);
        const url = /Seller console: (\S+)/.exec(stdout)?.[1];
        if (url && /Ctrl\+C/.test(stdout)) {
          clearTimeout(timer);
          resolve(url);
        }
      });
      void exited.then((code) =>
        reject(new Error(`the demo exited (${code}) before printing a console link`)),
      );
    });
    const base = new URL(link).origin;
    const browser = await launchChromium({ width: 1360, height: 900 });
    try {
      const page = browser.context.pages()[0] ?? (await browser.context.newPage());
      await page.goto(link);
      await page.waitForURL(`${base}/console`);
      await page.waitForSelector('#dashboard[data-drawn="true"]');
      await page.screenshot({ path: path.join(OUT, 'console-dashboard.png'), fullPage: true });

      await page.goto(`${base}/console/tickets?status=awaiting_approval&category=wrong_item`);
      const first = page.locator('table.tickets a').first();
      if ((await first.count()) === 0) await page.goto(`${base}/console/tickets?status=awaiting_approval`);
      await page.locator('table.tickets a').first().click();
      await page.waitForSelector('[data-status]');
      await page.screenshot({ path: path.join(OUT, 'console-ticket.png'), fullPage: true });

      await page.goto(`${base}/console/listings`);
      await page.locator('table a').first().click();
      await page.waitForSelector('mark.finding');
      await page.screenshot({ path: path.join(OUT, 'console-listing.png'), fullPage: true });
    } finally {
      await browser.close();
    }
    console.log(`screenshots written to ${path.relative(ROOT, OUT)}/`);
  } finally {
    demo.kill('SIGINT');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
