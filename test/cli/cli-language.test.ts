import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliLanguage, cliTexts } from '../../src/cli/messages.js';
import { templateVariables } from '../../src/domain/reply/index.js';
import { SELLER_LANGUAGES } from '../../src/domain/shop/seller-language.js';
import { freePort } from '../../src/temporal/dev-server.js';
import { runCli } from '../support/cli.js';

/** Dotted key -> text of a locales/<lng>/cli.json. */
function flatten(value: unknown, prefix = '', out = new Map<string, string>()): Map<string, string> {
  if (typeof value === 'string') out.set(prefix, value);
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  }
  return out;
}
const catalogues = Object.fromEntries(
  SELLER_LANGUAGES.map((lng) => [
    lng,
    flatten(JSON.parse(readFileSync(path.join('locales', lng, 'cli.json'), 'utf8'))),
  ]),
);

describe('the CLI language', () => {
  it.each([
    [{ LANG: 'zh_CN.UTF-8' }, undefined, 'zh-CN'],
    [{ LC_ALL: 'pt_BR.UTF-8', LANG: 'zh_CN.UTF-8' }, undefined, 'pt'],
    [{ LC_MESSAGES: 'fr_FR.UTF-8', LANG: 'en_US.UTF-8' }, undefined, 'fr'],
    [{ LANG: 'de_DE.UTF-8' }, undefined, 'en'],
    [{ LANG: 'C.UTF-8' }, undefined, 'en'],
    [{}, undefined, 'en'],
    [{ LANG: 'en_US.UTF-8' }, 'zh', 'zh-CN'],
    [{ LANG: 'ru_RU.UTF-8' }, 'xx', 'ru'],
  ] as const)('%j with --lang %s -> %s', (env, option, language) => {
    expect(cliLanguage(env, option)).toBe(language);
  });

  it('fills placeholders and refuses a key the catalogue lacks', () => {
    expect(cliTexts('zh-CN').t('demo.sent', { count: 14 })).toBe(
      '已发送 14 条买家消息（五种语言）；每条消息现在都是一个 Temporal 工作流。',
    );
    expect(cliTexts('en').t('doctor.off')).toBe('off');
    expect(() => cliTexts('en').t('doctor.nope')).toThrow(/cli.json has no "doctor.nope"/);
  });

  it.each(SELLER_LANGUAGES.filter((l) => l !== 'en'))(
    'locales/%s/cli.json has the keys and placeholders of English, none empty',
    (lng) => {
      const en = catalogues.en!;
      const mine = catalogues[lng]!;
      expect([...mine.keys()].sort()).toEqual([...en.keys()].sort());
      const problems: string[] = [];
      for (const [key, text] of mine) {
        if (text.trim() === '' || text !== text.trim()) problems.push(`${key}: empty or padded`);
        const vars = templateVariables(text).sort().join();
        if (
          vars !==
          templateVariables(en.get(key) ?? '')
            .sort()
            .join()
        )
          problems.push(`${key}: ${vars}`);
      }
      expect(problems).toEqual([]);
    },
  );

  it('every key demo and doctor use exists', () => {
    const used = new Set<string>();
    for (const [file, prefix] of [
      ['src/cli/demo.ts', 'demo'],
      ['src/cli/demo-steps.ts', 'demo'],
      ['src/cli/doctor.ts', 'doctor'],
    ] as const) {
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(/\bt\('([a-z_.]+)'/g)) {
        const key = match[1]!;
        used.add(key.startsWith(`${prefix}.`) ? key : `${prefix}.${key}`);
      }
    }
    expect(used.size).toBeGreaterThan(40);
    expect([...used].filter((key) => !catalogues.en!.has(key))).toEqual([]);
    // Check names are ids in --json; the table shows them translated.
    for (const id of ['configuration', 'service', 'database', 'temporal', 'telegram', 'slack', 'outbound']) {
      expect(catalogues['zh-CN']!.has(`doctor.check.${id}`)).toBe(true);
    }
  });
});

describe('sellerdesk doctor in the terminal language', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sellerdesk-doctor-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('reports in Simplified Chinese on a zh_CN terminal, with --json ids unchanged', async () => {
    const env = { DATA_DIR: dataDir, PORT: String(await freePort()), LANG: 'zh_CN.UTF-8' };
    const report = await runCli(['doctor'], env, 60_000);
    expect(report.stdout).toContain('检查项');
    expect(report.stdout).toContain('环境变量有效');
    expect(report.stdout).toMatch(/✔ {2}Telegram {2}未启用 +设置 TELEGRAM_BOT_TOKEN/);
    expect(report.stdout).toMatch(/所有必需的检查均已通过。|有必需的检查未通过。/);
    const json = JSON.parse((await runCli(['doctor', '--json'], env, 60_000)).stdout);
    const telegram = json.checks.find((c: { check: string }) => c.check === 'telegram');
    expect(telegram.message).toBe('未启用');
    const english = await runCli(['doctor', '--lang', 'en'], env, 60_000);
    expect(english.stdout).toContain('environment variables are valid');
  }, 120_000);
});
