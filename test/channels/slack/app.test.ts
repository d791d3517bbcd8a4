import { eq } from 'drizzle-orm';
import Fastify, { type FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CorrectOutcome, TicketService } from '../../../src/app/ticket-service.js';
import type { DecideOptions, DecideOutcome } from '../../../src/app/ticket-service-types.js';
import { mountSlack } from '../../../src/channels/slack/app.js';
import type { SlackListenerDeps } from '../../../src/channels/slack/deps.js';
import { createSlackWorkspaces } from '../../../src/channels/slack/workspaces.js';
import { teamMembers, tickets as ticketsTable } from '../../../src/db/schema/index.js';
import { createShop } from '../../../src/db/shops-repo.js';
import { bindShop } from '../../../src/db/slack-repo.js';
import { createInvite } from '../../../src/db/team-repo.js';
import { ingestMessage, recordDraft } from '../../../src/db/tickets-repo.js';
import { createReplyRenderer } from '../../../src/domain/reply/index.js';
import { loadReplyResources } from '../../../src/i18n/load.js';
import type { CategoryCorrectionRequest, DecisionInput } from '../../../workflows/contracts/ticket.js';
import { openTestPostgres } from '../../support/db.js';
import {
  blockActionPayload,
  blockSelectPayload,
  editSubmissionPayload,
  interactivityBody,
  signSlackRequest,
  slashCommandBody,
  startFakeSlack,
} from '../../support/fake-slack.js';

const SECRET = 'test-slack-signing-secret';
const FORM = 'application/x-www-form-urlencoded';
/** Polls until `condition` holds (listeners run after Bolt's ack has answered the request). */
async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met in ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const DRAFT = 'Hola Lucía, su pedido 8123 & su paquete <llega> pronto.';

describe('Slack app on the API server (POST /slack/events)', () => {
  let database: Awaited<ReturnType<typeof openTestPostgres>>;
  let fake: Awaited<ReturnType<typeof startFakeSlack>>;
  let server: FastifyInstance;
  let ticketId: string;
  let shopId: string;
  let otherShopTicketId: string;
  let deps: SlackListenerDeps;
  const decided: Array<{ ticketId: string; input: DecisionInput }> = [];
  const corrected: Array<{ ticketId: string; request: CategoryCorrectionRequest }> = [];
  let correctionAnswer: (ticketId: string, request: CategoryCorrectionRequest) => CorrectOutcome = () => ({
    ok: false,
    code: 'unset',
    message: 'unset',
  });
  let lastOptions: DecideOptions | undefined;
  let answer: (ticketId: string, input: DecisionInput) => DecideOutcome = () => ({
    ok: false,
    code: 'unset',
    message: 'unset',
  });

  const post = (body: string, options: { contentType?: string; headers?: Record<string, string> } = {}) =>
    server.inject({
      method: 'POST',
      url: '/slack/events',
      headers: {
        'content-type': options.contentType ?? FORM,
        ...(options.headers ?? signSlackRequest(SECRET, body)),
      },
      payload: body,
    });

  beforeAll(async () => {
    database = await openTestPostgres('slack-app');
    fake = await startFakeSlack();
    const created = await createShop(database.db, {
      name: 'Tienda <Sol> & Co',
      defaultLanguage: 'es',
      plan: 'free',
    });
    const stored = await ingestMessage(database.db, created.shop.id, {
      messageId: 'm-1',
      orderId: '8123',
      buyerId: 'b-1',
      redactedText: 'Hola, ¿dónde está mi pedido?',
      redactedKinds: [],
      receivedAt: new Date(Date.now() - 3 * 3_600_000),
    });
    ticketId = stored.ticketId;
    shopId = created.shop.id;
    // A second shop with its own workspace (OAuth) and channel, and one member of its own.
    const other = await createShop(database.db, { name: 'Other Shop', defaultLanguage: 'en', plan: 'free' });
    await bindShop(database.db, other.shop.id, { via: 'oauth', teamId: 'T0OTHER' });
    await database.db
      .insert(teamMembers)
      .values({ shopId: other.shop.id, channel: 'slack', userId: 'U0BMEMBER', role: 'owner' });
    otherShopTicketId = (
      await ingestMessage(database.db, other.shop.id, {
        messageId: 'm-b1',
        orderId: 'B-1',
        buyerId: 'b-b1',
        redactedText: 'Where is my order?',
        redactedKinds: [],
        receivedAt: new Date(),
      })
    ).ticketId;
    // This shop works in the environment's workspace (T0FAKE, channel C123); U0TEAM1 is its agent.
    await bindShop(database.db, shopId, { via: 'environment' });
    await database.db.insert(teamMembers).values([
      { shopId, channel: 'slack', userId: 'U0TEAM1', role: 'agent' },
      { shopId, channel: 'slack', userId: 'U0VIEWER', role: 'viewer' },
    ]);
    await database.db
      .update(ticketsTable)
      .set({ createdAt: new Date(Date.now() - 3 * 3_600_000 - 5 * 60_000) })
      .where(eq(ticketsTable.id, ticketId));
    await recordDraft(database.db, {
      ticketId,
      revision: 1,
      language: 'es',
      languageConfidence: 0.9,
      category: 'not_received',
      confidence: 0.8,
      urgency: 'normal',
      abstained: false,
      text: DRAFT,
      source: 'template',
      evidence: [],
    });
    const logger = pino({ level: 'silent' });
    const tickets: Pick<TicketService, 'decide' | 'correctCategory'> = {
      decide: async (id, input, options) => {
        decided.push({ ticketId: id, input });
        lastOptions = options;
        return answer(id, input);
      },
      correctCategory: async (id, request) => {
        corrected.push({ ticketId: id, request });
        return correctionAnswer(id, request);
      },
    };
    // A bare Fastify stands in for the API server: a JSON route next to the Slack route.
    server = Fastify({ bodyLimit: 256 * 1024 });
    server.post('/v1/echo', async (request) => ({ received: request.body }));
    const { catalogue, resources } = await loadReplyResources(process.cwd());
    deps = {
      db: database.db,
      tickets,
      logger,
      submitBudgetMs: 1000,
      renderer: createReplyRenderer(catalogue, resources),
      workspaces: createSlackWorkspaces({
        db: database.db,
        apiUrl: fake.apiUrl,
        environment: { botToken: 'xoxb-test', channel: 'C123' },
      }),
    };
    const mounted = mountSlack(
      server,
      { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl },
      deps,
    );
    expect(mounted).toBeDefined();
  });

  afterAll(async () => {
    await server?.close();
    await fake?.close();
    await database?.drop();
  });

  beforeEach(() => {
    decided.length = 0;
    corrected.length = 0;
    fake.calls.length = 0;
  });

  it('is off without the Slack variables', () => {
    expect(
      mountSlack(
        Fastify(),
        { SLACK_BOT_TOKEN: undefined, SLACK_SIGNING_SECRET: undefined, SLACK_API_URL: fake.apiUrl },
        { ...deps, tickets: {} as TicketService },
      ),
    ).toBeUndefined();
  });

  it('runs an approve press through tickets.decide with the Slack user as actor', async () => {
    answer = (id, input) => ({
      ok: true,
      result: {
        ticketId: id,
        action: input.action,
        revision: 1,
        decidedBy: input.actor,
        decidedAt: new Date().toISOString(),
      },
    });
    const response = await post(
      interactivityBody(blockActionPayload({ actionId: 'approve', value: ticketId })),
    );
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('');
    // Bolt acknowledges first (Slack's 3 s budget), then runs the listener: wait for the decision.
    await until(() => decided.length > 0);
    expect(decided).toEqual([
      {
        ticketId,
        input: { action: 'approve', actor: { channel: 'slack', id: 'U0TEAM1', name: 'ana.support' } },
      },
    ]);
    await new Promise((r) => setTimeout(r, 100));
    expect(fake.callsOf('chat.postEphemeral')).toHaveLength(0);
  });

  it('answers a press on a decided ticket ephemerally with who decided and when', async () => {
    const decidedAt = '2026-11-23T18:40:00.000Z';
    answer = (id) => ({
      ok: false,
      code: 'already_decided',
      message: 'already decided',
      decided: {
        ticketId: id,
        action: 'approve',
        revision: 1,
        decidedBy: { channel: 'telegram', id: '424242', name: '@maria_shop' },
        decidedAt,
      },
    });
    const response = await post(
      interactivityBody(blockActionPayload({ actionId: 'reject', value: ticketId })),
    );
    expect(response.statusCode).toBe(200);
    await fake.waitFor((calls) => calls.some((c) => c.method === 'chat.postEphemeral'));
    const ephemeral = fake.callsOf('chat.postEphemeral')[0]!;
    expect(ephemeral.token).toBe('xoxb-test');
    expect(ephemeral.params.channel).toBe('C123');
    expect(ephemeral.params.user).toBe('U0TEAM1');
    expect(ephemeral.params.text).toContain('ya tomó una decisión'); // the shop's seller language
    expect(ephemeral.params.text).toContain('@maria_shop (telegram)');
    expect(ephemeral.params.text).toContain(`<!date^${Date.parse(decidedAt) / 1000}^`);
    expect(decided[0]!.input.action).toBe('reject');
  });

  it('opens the edit modal pre-filled with the current draft (views.open)', async () => {
    const payload = blockActionPayload({ actionId: 'edit', value: ticketId });
    const response = await post(interactivityBody(payload));
    expect(response.statusCode).toBe(200);
    await fake.waitFor((calls) => calls.some((c) => c.method === 'views.open'));
    const opened = fake.callsOf('views.open')[0]!;
    expect(opened.params.trigger_id).toBe(payload.trigger_id);
    const view = opened.params.view;
    expect(view.callback_id).toBe('edit_reply');
    expect(view.private_metadata).toBe(ticketId);
    const input = view.blocks.find((b: { type: string }) => b.type === 'input');
    expect(input.element).toMatchObject({ type: 'plain_text_input', multiline: true, initial_value: DRAFT });
    expect(decided).toHaveLength(0);
  });

  it('sends the modal submission as an edit; refusals come back as modal errors', async () => {
    answer = (id, input) => ({
      ok: true,
      result: {
        ticketId: id,
        action: 'edit',
        revision: 2,
        decidedBy: input.actor,
        decidedAt: new Date().toISOString(),
      },
    });
    const text = 'Hola Lucía, su paquete llega el lunes. ¡Gracias!';
    const accepted = await post(interactivityBody(editSubmissionPayload({ ticketId, text: `  ${text}\n` })));
    expect(accepted.statusCode).toBe(200);
    expect(accepted.body).toBe('');
    expect(decided).toEqual([
      {
        ticketId,
        input: { action: 'edit', text, actor: { channel: 'slack', id: 'U0TEAM1', name: 'ana.support' } },
      },
    ]);

    answer = (id) => ({
      ok: false,
      code: 'already_decided',
      message: 'already decided',
      decided: {
        ticketId: id,
        action: 'reject',
        revision: 1,
        decidedBy: { channel: 'slack', id: 'U0OTHER', name: 'bob' },
        decidedAt: new Date().toISOString(),
      },
    });
    const refused = await post(interactivityBody(editSubmissionPayload({ ticketId, text })));
    expect(refused.statusCode).toBe(200);
    const body = refused.json();
    expect(body.response_action).toBe('errors');
    expect(body.errors.reply).toContain('ya tomó una decisión');
    expect(body.errors.reply).toContain('<@U0OTHER>');

    decided.length = 0;
    const empty = await post(interactivityBody(editSubmissionPayload({ ticketId, text: '   ' })));
    expect(empty.json()).toMatchObject({ response_action: 'errors', errors: { reply: expect.any(String) } });
    expect(decided).toHaveLength(0);
  });

  it('an edit not in the buyer language keeps the modal open with the warning; ticked, it is sent', async () => {
    const chinese = '您好，您的包裹下周一到。';
    answer = (id, input) =>
      lastOptions?.confirmLanguage
        ? {
            ok: true,
            result: {
              ticketId: id,
              action: 'edit',
              revision: 2,
              decidedBy: input.actor,
              decidedAt: new Date().toISOString(),
            },
          }
        : {
            ok: false,
            code: 'edit_language_mismatch',
            message: 'held',
            hold: { expected: 'es', detected: 'zh', confidence: 1 },
          };
    const held = await post(interactivityBody(editSubmissionPayload({ ticketId, text: chinese })));
    expect(lastOptions).toMatchObject({ confirmLanguage: false, ticket: { id: ticketId } });
    const body = held.json();
    expect(body.response_action).toBe('update');
    const blocks = JSON.stringify(body.view.blocks);
    // In the shop's seller language (Spanish), the seller's text kept, a checkbox to confirm.
    expect(blocks).toContain(
      '⚠️ Todavía no se envió: esta respuesta parece estar en chino, pero el comprador escribe en español. ¿Enviarla igualmente tal como está?',
    );
    expect(blocks).toContain(`"initial_value":"${chinese}"`);
    expect(blocks).toContain('"action_id":"confirm_language_check"');
    expect(body.view.private_metadata).toBe(ticketId);

    const confirmed = editSubmissionPayload({ ticketId, text: chinese });
    (confirmed.view.state.values as Record<string, unknown>).confirm_language = {
      confirm_language_check: {
        type: 'checkboxes',
        selected_options: [{ value: 'confirm', text: { type: 'plain_text', text: 'x' } }],
      },
    };
    const sent = await post(interactivityBody(confirmed));
    expect(sent.statusCode).toBe(200);
    expect(sent.body).toBe('');
    expect(lastOptions).toMatchObject({ confirmLanguage: true, ticket: { id: ticketId } });
    expect(decided.at(-1)!.input).toMatchObject({ action: 'edit', text: chinese });
  });

  it('refuses bad, missing and stale signatures with 401 in the API error format', async () => {
    const body = interactivityBody(blockActionPayload({ actionId: 'approve', value: ticketId }));
    const good = signSlackRequest(SECRET, body);

    const wrongSecret = await post(body, { headers: signSlackRequest('not-the-secret', body) });
    expect(wrongSecret.statusCode).toBe(401);
    expect(wrongSecret.json().error.code).toBe('invalid_slack_signature');

    const tampered = await post(body.replace('approve', 'reject'), { headers: good });
    expect(tampered.statusCode).toBe(401);

    const missing = await post(body, { headers: {} });
    expect(missing.statusCode).toBe(401);
    expect(missing.json()).toEqual({
      error: { code: 'invalid_slack_signature', message: expect.any(String) },
    });

    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    const stale = await post(body, { headers: signSlackRequest(SECRET, body, sixMinutesAgo) });
    expect(stale.statusCode).toBe(401);
    expect(stale.json().error.code).toBe('stale_slack_request');

    expect(decided).toHaveLength(0);
  });

  it('answers the Events API url_verification challenge (JSON body)', async () => {
    const body = JSON.stringify({ type: 'url_verification', token: 't', challenge: 'c-123' });
    const response = await post(body, { contentType: 'application/json' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ challenge: 'c-123' });
  });

  it('answers /sellerdesk pending, status and help through the response_url', async () => {
    const pending = await post(slashCommandBody('pending', fake.responseUrl('pending')));
    expect(pending.statusCode).toBe(200);
    await fake.waitFor((calls) => calls.some((c) => c.method === 'respond'));
    const pendingReply = fake.callsOf('respond')[0]!.params;
    expect(pendingReply.response_type).toBe('ephemeral');
    const pendingText = JSON.stringify(pendingReply.blocks);
    expect(pendingText).toContain('Tienda &lt;Sol&gt; &amp; Co');
    expect(pendingText).toContain('esperan al vendedor: 1, escaladas: 0');
    expect(pendingText).toMatch(/la más antigua: 3h 0[45]m/);

    fake.calls.length = 0;
    await post(slashCommandBody(`status ${ticketId}`, fake.responseUrl('status')));
    await fake.waitFor((calls) => calls.some((c) => c.method === 'respond'));
    const status = JSON.stringify(fake.callsOf('respond')[0]!.params.blocks);
    expect(status).toContain(ticketId);
    expect(status).toContain('pendiente de aprobación');
    expect(status).toContain('&amp; su paquete &lt;llega&gt;');

    fake.calls.length = 0;
    await post(slashCommandBody('status tkt_nope', fake.responseUrl('missing')));
    await fake.waitFor((calls) => calls.some((c) => c.method === 'respond'));
    expect(fake.callsOf('respond')[0]!.params.text).toContain('No existe la solicitud');

    fake.calls.length = 0;
    await post(slashCommandBody('', fake.responseUrl('help')));
    await fake.waitFor((calls) => calls.some((c) => c.method === 'respond'));
    expect(fake.callsOf('respond')[0]!.params.text).toContain('status <id de solicitud>');
  });

  it('a stranger pressing a card button changes nothing and is told they are not a member', async () => {
    const response = await post(
      interactivityBody(blockActionPayload({ actionId: 'approve', value: ticketId, userId: 'U0STRANGER' })),
    );
    expect(response.statusCode).toBe(200);
    await fake.waitFor((calls) => calls.some((c) => c.method === 'chat.postEphemeral'));
    const ephemeral = fake.callsOf('chat.postEphemeral')[0]!;
    expect(ephemeral.params.user).toBe('U0STRANGER');
    // The shop's seller language is Spanish: the refusal is too.
    expect(ephemeral.params.text).toBe(
      'No eres miembro de Tienda <Sol> & Co en sellerdesk, así que no se cambió nada. Pide al propietario de la tienda que te añada.',
    );
    expect(decided).toHaveLength(0);

    fake.calls.length = 0;
    await post(
      interactivityBody(blockActionPayload({ actionId: 'edit', value: ticketId, userId: 'U0STRANGER' })),
    );
    await fake.waitFor((calls) => calls.some((c) => c.method === 'chat.postEphemeral'));
    expect(fake.callsOf('views.open')).toHaveLength(0);

    const submitted = await post(
      interactivityBody(editSubmissionPayload({ ticketId, text: 'sneaky', userId: 'U0STRANGER' })),
    );
    expect(submitted.json()).toMatchObject({ response_action: 'errors' });
    expect(submitted.json().errors.reply).toContain('No eres miembro');
    expect(decided).toHaveLength(0);
  });

  it("a viewer cannot approve; a member of another shop cannot approve this shop's ticket", async () => {
    await post(
      interactivityBody(blockActionPayload({ actionId: 'approve', value: ticketId, userId: 'U0VIEWER' })),
    );
    await fake.waitFor((calls) => calls.some((c) => c.method === 'chat.postEphemeral'));
    expect(fake.callsOf('chat.postEphemeral')[0]!.params.text).toContain('(observador) no puede decidir');

    fake.calls.length = 0;
    await post(
      interactivityBody(blockActionPayload({ actionId: 'approve', value: ticketId, userId: 'U0BMEMBER' })),
    );
    await fake.waitFor((calls) => calls.some((c) => c.method === 'chat.postEphemeral'));
    expect(fake.callsOf('chat.postEphemeral')[0]!.params.text).toContain('No eres miembro de Tienda');

    // From its own workspace, shop B's owner still cannot reach shop A's ticket: "no such ticket".
    fake.calls.length = 0;
    await post(
      interactivityBody(
        blockActionPayload({ actionId: 'approve', value: ticketId, userId: 'U0BMEMBER', teamId: 'T0OTHER' }),
      ),
    );
    await fake.waitFor((calls) => calls.some((c) => c.method === 'chat.postEphemeral'));
    expect(fake.callsOf('chat.postEphemeral')[0]!.params.text).not.toContain('Tienda');
    // And shop A's agent cannot touch shop B's ticket from shop A's channel.
    fake.calls.length = 0;
    await post(interactivityBody(blockActionPayload({ actionId: 'reject', value: otherShopTicketId })));
    await fake.waitFor((calls) => calls.some((c) => c.method === 'chat.postEphemeral'));
    expect(fake.callsOf('chat.postEphemeral')[0]!.params.text).not.toContain('Other Shop');
    expect(decided).toHaveLength(0);
  });

  it('the category select corrects through tickets.correctCategory; refusals and strangers are answered', async () => {
    const choose = (selected: string, options: { userId?: string; blockId?: string } = {}) =>
      post(
        interactivityBody(
          blockSelectPayload({
            actionId: 'correct_category',
            blockId: options.blockId ?? `category:${ticketId}`,
            selected,
            ...(options.userId ? { userId: options.userId } : {}),
          }),
        ),
      );
    correctionAnswer = (id, request) => ({
      ok: true,
      result: {
        ticketId: id,
        category: request.category,
        correctedFrom: 'not_received',
        revision: 2,
        correctedBy: request.actor,
        correctedAt: new Date().toISOString(),
      },
    });
    expect((await choose('cancel_order')).statusCode).toBe(200);
    await fake.waitFor((calls) => calls.some((c) => c.method === 'chat.postEphemeral'));
    expect(corrected).toEqual([
      {
        ticketId,
        request: {
          category: 'cancel_order',
          actor: { channel: 'slack', id: 'U0TEAM1', name: 'ana.support' },
        },
      },
    ]);
    // In the shop's seller language (Spanish here).
    expect(fake.callsOf('chat.postEphemeral')[0]!.params.text).toBe(
      'Categoría cambiada a Cancelar pedido: llega un nuevo borrador.',
    );

    fake.calls.length = 0;
    correctionAnswer = () => ({ ok: false, code: 'category_unchanged', message: 'unchanged' });
    await choose('not_received');
    await fake.waitFor((calls) => calls.some((c) => c.method === 'chat.postEphemeral'));
    expect(fake.callsOf('chat.postEphemeral')[0]!.params.text).toBe('El borrador ya tiene esta categoría.');

    // A viewer, an unknown category and a block naming no ticket change nothing.
    corrected.length = 0;
    for (const attempt of [
      () => choose('cancel_order', { userId: 'U0VIEWER' }),
      () => choose('not_a_category'),
      () => choose('cancel_order', { blockId: 'decision' }),
    ]) {
      fake.calls.length = 0;
      await attempt();
      await fake.waitFor((calls) => calls.some((c) => c.method === 'chat.postEphemeral'));
    }
    expect(corrected).toEqual([]);
  });

  it('a press from another channel of the same workspace reaches nothing', async () => {
    await post(
      interactivityBody(blockActionPayload({ actionId: 'approve', value: ticketId, channel: 'C999' })),
    );
    await fake.waitFor((calls) => calls.some((c) => c.method === 'chat.postEphemeral'));
    expect(decided).toHaveLength(0);
  });

  it('/sellerdesk pending and status show nothing of the shop to other workspaces, channels and strangers', async () => {
    const ask = async (text: string, userId: string, where: { teamId?: string; channelId?: string }) => {
      fake.calls.length = 0;
      await post(slashCommandBody(text, fake.responseUrl('x'), userId, where));
      await fake.waitFor((calls) => calls.some((c) => c.method === 'respond'));
      return JSON.stringify(fake.callsOf('respond')[0]!.params);
    };
    for (const [userId, where] of [
      ['U0TEAM1', { teamId: 'T0OTHER' }],
      ['U0TEAM1', { channelId: 'C999' }],
      ['U0STRANGER', {}],
      ['U0BMEMBER', { teamId: 'T0OTHER', channelId: 'C777' }],
    ] as const) {
      const pending = await ask('pending', userId, where);
      expect(pending).not.toContain('Tienda');
      expect(pending).toMatch(/Nothing is waiting|No hay nada pendiente/);
      const status = await ask(`status ${ticketId}`, userId, where);
      expect(status).not.toMatch(/awaiting approval|pendiente de aprobación/);
      expect(status).not.toContain('llega');
    }
    // A member asking in a DM of the shop's workspace gets the answer, ephemerally.
    const dm = await ask('pending', 'U0TEAM1', { channelId: 'D0DM' });
    expect(dm).toContain('Tienda');
    expect(dm).toContain('"response_type":"ephemeral"');
  });

  it('an invite from the owner lets a Slack user join with /sellerdesk join, then decide', async () => {
    const code = await createInvite(database.db, shopId, 'agent', 'telegram:1');
    fake.calls.length = 0;
    await post(slashCommandBody(`join ${code}`, fake.responseUrl('join'), 'U0NEWBIE', { teamId: 'T0OTHER' }));
    await fake.waitFor((calls) => calls.some((c) => c.method === 'respond'));
    expect(fake.callsOf('respond')[0]!.params.text).toContain('no existe, ya se usó o caducó');
    fake.calls.length = 0;
    await post(slashCommandBody(`join ${code}`, fake.responseUrl('join'), 'U0NEWBIE', { channelId: 'D0DM' }));
    await fake.waitFor((calls) => calls.some((c) => c.method === 'respond'));
    expect(fake.callsOf('respond')[0]!.params.text).toContain('Tienda <Sol> & Co');
    answer = (id, input) => ({
      ok: true,
      result: {
        ticketId: id,
        action: input.action,
        revision: 1,
        decidedBy: input.actor,
        decidedAt: new Date().toISOString(),
      },
    });
    await post(
      interactivityBody(blockActionPayload({ actionId: 'approve', value: ticketId, userId: 'U0NEWBIE' })),
    );
    await until(() => decided.length > 0);
    expect(decided[0]!.input.actor.id).toBe('U0NEWBIE');
  });

  it('answers an action no listener handles with 404, not a hang', async () => {
    const response = await post(
      interactivityBody(blockActionPayload({ actionId: 'something_else', value: 'x' })),
    );
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('unhandled_slack_request');
  });

  it('leaves the JSON API untouched: other routes still parse JSON and refuse malformed bodies', async () => {
    const good = await server.inject({
      method: 'POST',
      url: '/v1/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"a":1}',
    });
    expect(good.json()).toEqual({ received: { a: 1 } });
    const malformed = await server.inject({
      method: 'POST',
      url: '/v1/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"a": ',
    });
    expect(malformed.statusCode).toBe(400);
    const form = await server.inject({
      method: 'POST',
      url: '/v1/echo',
      headers: { 'content-type': FORM },
      payload: 'a=1',
    });
    expect(form.statusCode).toBe(415);
  });
});
