import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { globalDictionaryCandidates } from '../../src/db/dictionary-repo.js';
import { eventually } from '../support/app.js';
import { createTestShop, linkTelegramChat, sendTelegramUpdate, useE2eWorld } from '../support/e2e.js';
import { callbackUpdate } from '../support/fake-telegram.js';

const CLEAN = JSON.parse(readFileSync('test/fixtures/listings/clean.json', 'utf8')) as Array<{
  id: string;
  title: Record<string, string>;
  description: Record<string, string>;
}>;
const BOTTLE = CLEAN.find((l) => l.id === 'bottle')!;
/** The clean bottle listing with one slip in the English description. */
const LISTING = {
  listingId: 'SKU-BOTTLE',
  title: BOTTLE.title,
  description: { ...BOTTLE.description, en: BOTTLE.description.en!.replace('keeps drinks', 'keeps drinsk') },
};
const OWNER = 6101;

interface FindingJson {
  lang: string;
  kind: string;
  field: string;
  span: [number, number];
  confidence?: number;
}

describe("the shop's own dictionary: flag -> add -> not flagged again (for that shop only)", () => {
  const world = useE2eWorld({ label: 'dictionary', telegram: true });
  let tokenA: string;
  let tokenB: string;
  let tokenC: string;

  const webhook = (update: unknown) => sendTelegramUpdate(world.app, update);

  async function validate(token: string): Promise<{ id: string; findings: FindingJson[] }> {
    const posted = await world.api.post('/v1/listings/validate', LISTING, token);
    expect(posted.status).toBe(202);
    const id: string = posted.json.validationId;
    const done = await eventually(async () => {
      const r = await world.api.get(`/v1/validations/${id}`, token);
      return r.json.status === 'completed' ? r.json : undefined;
    }, 60_000);
    return { id, findings: done.findings as FindingJson[] };
  }
  const misspelled = (findings: FindingJson[]) =>
    findings
      .filter((f) => f.kind === 'spelling')
      .map((f) => `${f.lang}:${LISTING[f.field as 'description'].en!.slice(f.span[0], f.span[1])}`);

  beforeAll(async () => {
    const a = await createTestShop(world.app, { name: 'Dict A' });
    tokenA = a.token;
    tokenB = (await createTestShop(world.app, { name: 'Dict B' })).token;
    tokenC = (await createTestShop(world.app, { name: 'Dict C' })).token;
    await linkTelegramChat(world, a.linkCode, OWNER, {
      from: { id: OWNER, is_bot: false, first_name: 'Owner', username: 'owner_a' },
    });
  });

  it('adds the word from the Telegram report button, then stops flagging it for that shop only', async () => {
    const first = await validate(tokenA);
    expect(misspelled(first.findings)).toEqual(['en:drinsk']);
    const spelling = first.findings.find((f) => f.kind === 'spelling')!;
    expect(spelling.confidence).toBeGreaterThanOrEqual(0.5);
    expect(spelling.confidence).toBeLessThanOrEqual(1);

    // The report carries one "Add to my dictionary" button per misspelled word.
    const report = await eventually(async () =>
      world.telegram
        .callsOf('sendMessage')
        .find((c) => JSON.stringify(c.params.reply_markup ?? '').includes(`dict:${first.id}:`)),
    );
    const button = (
      report.params.reply_markup as { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> }
    ).inline_keyboard[0]![0]!;
    expect(button.text).toContain('drinsk');
    expect(button.callback_data.length).toBeLessThanOrEqual(64);

    // A stranger's press changes nothing.
    const answers = () => world.telegram.callsOf('answerCallbackQuery');
    let before = answers().length;
    await webhook(callbackUpdate(OWNER + 1, button.callback_data, 100, OWNER + 1));
    await world.telegram.waitFor(() => answers().length > before);
    expect((await world.api.get('/v1/dictionary', tokenA)).json.words).toEqual([]);

    before = answers().length;
    await webhook(callbackUpdate(OWNER, button.callback_data, 100, OWNER));
    await world.telegram.waitFor(() => answers().length > before);
    expect(String(answers().at(-1)!.params.text)).toContain('drinsk');
    const listed = await world.api.get('/v1/dictionary', tokenA);
    expect(listed.json.words).toMatchObject([{ lang: 'en', word: 'drinsk', addedBy: `telegram:${OWNER}` }]);

    // Next validation of shop A: not flagged. Shop B never added it: still flagged.
    expect(misspelled((await validate(tokenA)).findings)).toEqual([]);
    expect(misspelled((await validate(tokenB)).findings)).toEqual(['en:drinsk']);
  });

  it('POST/GET/DELETE /v1/dictionary with validation, idempotence and global candidates', async () => {
    const added = await world.api.post('/v1/dictionary', { lang: 'en', word: 'Drinsk' }, tokenB);
    expect(added.status).toBe(201);
    expect(added.json).toEqual({ lang: 'en', word: 'drinsk', added: true });
    const again = await world.api.post('/v1/dictionary', { lang: 'en', word: 'drinsk' }, tokenB);
    expect(again.status).toBe(200);
    expect(again.json.added).toBe(false);
    await world.api.post('/v1/dictionary', { lang: 'ru', word: 'кемпинговый' }, tokenC);

    for (const bad of [
      { lang: 'de', word: 'wort' },
      { lang: 'en', word: 'two words' },
      { lang: 'en', word: '' },
      { lang: 'en', word: 'x'.repeat(65) },
      { lang: 'en', word: 'ok', extra: 1 },
    ]) {
      const r = await world.api.post('/v1/dictionary', bad, tokenB);
      expect(r.status, JSON.stringify(bad)).toBe(400);
      expect(r.json.error.code).toBeTypeOf('string');
    }
    const unauth = await world.api.call('GET', '/v1/dictionary');
    expect(unauth.status).toBe(401);

    // Words added by two shops are candidates for the global list; which shops is not said.
    const candidates = await globalDictionaryCandidates(world.app.database.db, 2);
    expect(candidates).toEqual([{ lang: 'en', word: 'drinsk', shops: 2 }]);

    // Shop C cannot delete shop B's word; B can, once.
    expect((await world.api.call('DELETE', '/v1/dictionary/en/drinsk', { token: tokenC })).status).toBe(404);
    expect((await world.api.call('DELETE', '/v1/dictionary/en/drinsk', { token: tokenB })).status).toBe(204);
    expect((await world.api.call('DELETE', '/v1/dictionary/en/drinsk', { token: tokenB })).status).toBe(404);
    expect((await world.api.get('/v1/dictionary', tokenB)).json.words).toEqual([]);
    expect(
      (
        await world.api.call('DELETE', `/v1/dictionary/ru/${encodeURIComponent('кемпинговый')}`, {
          token: tokenC,
        })
      ).status,
    ).toBe(204);
  });
});
