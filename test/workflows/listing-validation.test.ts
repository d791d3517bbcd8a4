import { readFileSync } from 'node:fs';
import type { Client } from '@temporalio/client';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { TelegramCards } from '../../src/channels/telegram/notifier.js';
import { newId } from '../../src/db/ids.js';
import { listingValidations } from '../../src/db/schema/index.js';
import { createShop, linkTelegramChat } from '../../src/db/shops-repo.js';
import type { Language } from '../../src/domain/types.js';
import { listingValidationWorkflowId } from '../../workflows/contracts/listing-validation.js';
import { openTestPostgres } from '../support/db.js';
import { startTestWorker, type TestWorker } from '../support/worker.js';

interface CleanListing {
  id: string;
  title: Record<Language, string>;
  description: Record<Language, string>;
}
const CLEAN = JSON.parse(readFileSync('test/fixtures/listings/clean.json', 'utf8')) as CleanListing[];

function recordingCards() {
  const sent: Array<{ chatId: string; text: string }> = [];
  const cards: TelegramCards = {
    async sendCard(chatId, text) {
      sent.push({ chatId, text });
      return String(sent.length);
    },
    async editCard() {},
  };
  return { cards, sent };
}

describe('listing validation workflow on the real Temporal server', () => {
  const taskQueue = `tq-listing-wf-${inject('runId')}`;
  let db: Awaited<ReturnType<typeof openTestPostgres>>;
  let testWorker: TestWorker;
  let client: Client;
  const telegram = recordingCards();
  let shopId: string;

  async function validate(listing: Omit<CleanListing, 'id'>, listingId: string) {
    const validationId = newId('val');
    const languages = Object.keys(listing.description) as Language[];
    await db.db.insert(listingValidations).values({
      id: validationId,
      shopId,
      listingId,
      status: 'running',
      request: { listingId, ...listing },
    });
    const outcome = await client.workflow.execute('listingValidationWorkflow', {
      workflowId: listingValidationWorkflowId(validationId),
      taskQueue,
      args: [{ validationId, shopId, listingId, languages }],
    });
    const [row] = await db.db
      .select()
      .from(listingValidations)
      .where(eq(listingValidations.id, validationId));
    return { validationId, outcome, row: row! };
  }

  beforeAll(async () => {
    db = await openTestPostgres('listingwf');
    testWorker = await startTestWorker({ taskQueue, db: db.db, deps: () => ({ telegram: telegram.cards }) });
    client = testWorker.client;
    const shop = await createShop(db.db, { name: 'Tienda Sol', defaultLanguage: 'es', plan: 'free' });
    shopId = shop.shop.id;
    await linkTelegramChat(db.db, shop.telegramLinkCode, '4242', '4242');
  });

  afterAll(async () => {
    await testWorker?.stop();
    await db?.drop();
  });

  it('runs the five per-language checks and the consistency check, persists and reports findings', async () => {
    const clean = CLEAN.find((l) => l.id === 'lamp')!;
    const listing = {
      title: { ...clean.title, en: clean.title.en.toUpperCase() },
      description: {
        ...clean.description,
        es: clean.description.es.replace('El brazo mide 45 cm', 'El brazo mide 40 cm'),
        fr: `${clean.description.fr} Garantie à vie.`,
        ru: clean.description.ru.replace('уровней яркости', 'уровней яркасти'),
        pt: clean.description.pt.replace('Toque no botão', 'Toque no botão {{button}}'),
      },
    };
    const { validationId, outcome, row } = await validate(listing, 'SKU-LAMP-1');
    expect(row.status).toBe('completed');
    expect(row.completedAt).toBeInstanceOf(Date);
    const findings = row.findings as Array<{
      lang: string;
      field: string;
      kind: string;
      message: string;
      span?: number[];
    }>;
    expect(outcome.findings).toBe(findings.length);
    expect(findings.map((f) => `${f.lang}:${f.field}:${f.kind}`).sort()).toEqual([
      'en:title:all_caps',
      'es:description:inconsistent_value',
      'fr:description:forbidden_claim',
      'pt:description:placeholder',
      'ru:description:spelling',
    ]);
    // Messages are in the shop's seller language (Spanish here).
    const spelling = findings.find((f) => f.kind === 'spelling')!;
    expect(spelling.message).toBe('«яркасти» no está en el diccionario.');
    expect(listing.description.ru.slice(spelling.span![0], spelling.span![1])).toBe('яркасти');

    // One plain-text summary to the linked chat, per language, with the validation id.
    const report = telegram.sent.filter((s) => s.text.includes(validationId));
    expect(report).toHaveLength(1);
    expect(report[0]!.chatId).toBe('4242');
    expect(report[0]!.text).toContain('Revisión del anuncio SKU-LAMP-1');
    expect(report[0]!.text).toContain('francés: 1 problema(s)');
    expect(report[0]!.text).toContain(`GET /v1/validations/${validationId}`);
    expect(outcome.reported).toBe(1);

    // The per-language checks ran as parallel activities, the consistency check after them.
    const history = await client.workflow.getHandle(listingValidationWorkflowId(validationId)).fetchHistory();
    const scheduled = (history.events ?? [])
      .filter((e) => e.activityTaskScheduledEventAttributes)
      .map((e) => e.activityTaskScheduledEventAttributes!.activityType!.name);
    expect(scheduled.slice(0, 5)).toEqual(Array(5).fill('checkListingLanguage'));
    expect(scheduled.slice(5)).toEqual([
      'checkListingConsistency',
      'saveListingFindings',
      'reportListingValidation',
    ]);
    const firstCompletion = (history.events ?? []).findIndex((e) => e.activityTaskCompletedEventAttributes);
    const fifthSchedule = (history.events ?? []).filter(
      (e, i) => e.activityTaskScheduledEventAttributes && i < firstCompletion,
    );
    expect(fifthSchedule.length).toBe(5);
  });

  it('completes a clean listing with no findings', async () => {
    const clean = CLEAN.find((l) => l.id === 'bottle')!;
    const { row } = await validate({ title: clean.title, description: clean.description }, 'SKU-BOTTLE');
    expect(row.status).toBe('completed');
    expect(row.findings).toEqual([]);
  });
});
