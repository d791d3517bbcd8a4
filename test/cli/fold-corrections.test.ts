import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendLines, foldCorrections, runFold } from '../../scripts/fold-corrections.js';
import { LeakGuard, parseTrainLines } from '../../scripts/train-intent.js';
import type { Database } from '../../src/db/client.js';
import { recordCorrection, type SharedCorrection } from '../../src/db/corrections-repo.js';
import { ERASED_TEXT } from '../../src/db/erasure-keys.js';
import { intentCorrections, shops } from '../../src/db/schema/index.js';
import { createShop } from '../../src/db/shops-repo.js';
import { ingestMessage } from '../../src/db/tickets-repo.js';
import { openTestPglite } from '../support/db.js';

const TRAIN = [
  '{"text":"where is my order","lang":"en","category":"not_received"}',
  '{"text":"Hola, ¿dónde está mi pedido?","lang":"es","category":"not_received"}',
  '',
].join('\n');

/** An evaluation text the fold must keep out of training. */
const guard = () =>
  new LeakGuard([
    {
      file: 'test/fixtures/intent-dev.jsonl',
      line: 7,
      text: 'please cancel the blue vase order before it ships',
    },
  ]);

const shared = (id: number, text: string, category: SharedCorrection['category'] = 'cancel_order') => ({
  id,
  text,
  language: 'en' as const,
  category,
});

describe('folding shared corrections into the training data', () => {
  it('adds new texts once, tagged as corrections; skips known, erased and evaluation-near ones', () => {
    const result = foldCorrections(
      [
        shared(1, 'I no longer need the lamp, my sister gave me one'),
        shared(2, 'Where is my order?', 'shipping_inquiry'),
        shared(3, ERASED_TEXT.request),
        shared(4, '  '),
        shared(5, 'Please cancel the blue vase order before it ships!'),
        shared(6, 'i no longer need the lamp my sister gave me one'),
      ],
      TRAIN,
      guard(),
    );
    expect(result).toEqual({
      lines: [
        {
          text: 'I no longer need the lamp, my sister gave me one',
          lang: 'en',
          category: 'cancel_order',
          source: 'correction',
        },
      ],
      duplicates: [2, 6],
      erased: [3, 4],
      leaks: [{ id: 5, file: 'test/fixtures/intent-dev.jsonl' }],
    });
    const appended = appendLines(TRAIN, result.lines);
    expect(parseTrainLines(appended)).toHaveLength(3);
    expect(appended.endsWith('"source":"correction"}\n')).toBe(true);
    expect(appendLines('x', [])).toBe('x');
  });
});

describe('fold-corrections against a database', () => {
  let database: Database & { drop(): Promise<void> };
  const dir = mkdtempSync(join(tmpdir(), 'fold-'));

  beforeAll(async () => {
    database = await openTestPglite();
    for (const [name, consent, text] of [
      ['Sharing', true, 'I no longer need the lamp, my sister gave me one'],
      ['Private', false, 'stop the parcel, I bought a kettle in town'],
    ] as const) {
      const { shop } = await createShop(database.db, { name, defaultLanguage: 'en', plan: 'free' });
      if (consent) {
        await database.db
          .update(shops)
          .set({ settings: { learning: { shareCorrections: true } } })
          .where(eq(shops.id, shop.id));
      }
      const { ticketId } = await ingestMessage(database.db, shop.id, {
        messageId: `m-${name}`,
        orderId: `O-${name}`,
        buyerId: `b-${name}`,
        redactedText: text,
        redactedKinds: [],
        receivedAt: new Date(),
      });
      await recordCorrection(database.db, {
        shopId: shop.id,
        ticketId,
        revision: 2,
        text,
        language: 'en',
        category: 'cancel_order',
        correctedFrom: 'other',
        actor: { channel: 'api', id: 'tok_1' },
        at: new Date().toISOString(),
      });
    }
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("folds only consenting shops' corrections; a dry run writes nothing; a second run adds nothing", async () => {
    const file = join(dir, 'train.jsonl');
    writeFileSync(file, TRAIN);
    const dry = await runFold(database.db, { trainFile: file, dryRun: true, guard: guard() });
    expect(dry.lines.map((l) => l.text)).toEqual(['I no longer need the lamp, my sister gave me one']);
    expect(readFileSync(file, 'utf8')).toBe(TRAIN);

    await runFold(database.db, { trainFile: file, dryRun: false, guard: guard() });
    const folded = readFileSync(file, 'utf8');
    expect(folded).toContain('my sister gave me one');
    expect(folded).not.toContain('kettle');
    const again = await runFold(database.db, { trainFile: file, dryRun: false, guard: guard() });
    expect(again.lines).toEqual([]);
    expect(again.duplicates).toHaveLength(1);
    expect(readFileSync(file, 'utf8')).toBe(folded);
    // Erased corrections are not even read.
    await database.db.update(intentCorrections).set({ erasedAt: new Date(), text: ERASED_TEXT.request });
    expect(await runFold(database.db, { trainFile: file, dryRun: true, guard: guard() })).toMatchObject({
      lines: [],
      duplicates: [],
      erased: [],
    });
  });
});
