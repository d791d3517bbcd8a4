import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

/** One Web API call (or `response_url` post) the fake received. */
export interface SlackCall {
  method: string;
  token?: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary Slack arguments
  params: Record<string, any>;
  at: number;
  /** What the fake answered (successful calls). */
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary Slack answers
  response?: Record<string, any>;
}

/** One install a user approved on the (imagined) consent page: the code and what it grants. */
export interface OAuthGrant {
  code: string;
  teamId: string;
  teamName: string;
  botToken: string;
  userId?: string;
  scopes?: string;
}

/** Arguments the WebClient sends JSON-encoded inside a form body. */
const JSON_FIELDS = ['blocks', 'view', 'attachments', 'metadata'];

function decodeParams(raw: string, contentType: string): Record<string, unknown> {
  if (!raw) return {};
  if (contentType.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const params: Record<string, unknown> = Object.fromEntries(new URLSearchParams(raw));
  for (const key of JSON_FIELDS) {
    const value = params[key];
    if (typeof value === 'string') {
      try {
        params[key] = JSON.parse(value);
      } catch {
        // leave as sent
      }
    }
  }
  return params;
}

/**
 * A local Slack Web API speaking Slack's protocol (`POST /api/<method>`, form or JSON bodies,
 * `{ok: true, ...}` answers) for `clientOptions.slackApiUrl`. Records `chat.postMessage`,
 * `chat.update`, `chat.postEphemeral`, `views.open` and every other call; `POST /respond/<id>`
 * stands in for a command's `response_url`. Can answer the next call of a method with 429 +
 * Retry-After, or with a Slack error.
 */
export async function startFakeSlack() {
  const calls: SlackCall[] = [];
  const failures: Array<{
    method: string;
    status: number;
    headers: Record<string, string>;
    body: Record<string, unknown>;
  }> = [];
  let tsCounter = 0;
  let down = false;
  // OAuth: codes the fake's consent page "granted", answered by `oauth.v2.access` once each.
  const grants = new Map<string, OAuthGrant>();
  const oauthClient: { id?: string; secret?: string } = {};
  const teamOfToken = (token: string | undefined) =>
    [...grants.values(), ...usedGrants].find((g) => g.botToken === token)?.teamId ?? 'T0FAKE';
  const usedGrants: OAuthGrant[] = [];
  // Socket Mode: `apps.connections.open` hands out this server's WebSocket URL; envelopes sent on
  // it wait for the app's ack (`{envelope_id, payload?}`).
  const sockets = new Set<WebSocket>();
  const acks = new Map<string, (payload: unknown) => void>();
  let envelopeCounter = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const url = req.url ?? '';
      const respond = /^\/respond\/[\w-]+$/.exec(url);
      if (respond) {
        calls.push({ method: 'respond', params: JSON.parse(raw || '{}'), at: Date.now() });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
        return;
      }
      const match = /^\/api\/([\w.]+)$/.exec(url);
      if (!match) {
        res
          .writeHead(404, { 'content-type': 'application/json' })
          .end('{"ok":false,"error":"unknown_method"}');
        return;
      }
      const method = match[1]!;
      const auth = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''));
      let params: Record<string, unknown>;
      try {
        params = decodeParams(raw, String(req.headers['content-type'] ?? ''));
      } catch {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":false,"error":"invalid_json"}');
        return;
      }
      const token = auth?.[1] ?? (typeof params.token === 'string' ? params.token : undefined);
      if (down) {
        calls.push({ method: `${method}#down`, ...(token ? { token } : {}), params, at: Date.now() });
        res.writeHead(503, { 'content-type': 'text/plain' }).end('service unavailable');
        return;
      }
      const failureIndex = failures.findIndex((f) => f.method === method);
      if (failureIndex >= 0) {
        const [failure] = failures.splice(failureIndex, 1);
        calls.push({ method: `${method}#failed`, ...(token ? { token } : {}), params, at: Date.now() });
        res
          .writeHead(failure!.status, { 'content-type': 'application/json', ...failure!.headers })
          .end(JSON.stringify(failure!.body));
        return;
      }
      const call: SlackCall = { method, ...(token ? { token } : {}), params, at: Date.now() };
      calls.push(call);
      const ok = (body: Record<string, unknown> = {}) => {
        call.response = { ok: true, ...body };
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(call.response));
      };
      const nextTs = () => `${Math.floor(Date.now() / 1000)}.${String(++tsCounter).padStart(6, '0')}`;
      switch (method) {
        case 'auth.test':
          return ok({
            url: 'https://fake.slack.com/',
            team: 'Fake',
            user: 'sellerdesk',
            team_id: teamOfToken(token),
            user_id: 'U0BOT',
            bot_id: 'B0BOT',
          });
        case 'oauth.v2.access': {
          // Slack's rules: the app's client id and secret, a code used once.
          const grant = grants.get(String(params.code ?? ''));
          const clientOk = params.client_id === oauthClient.id && params.client_secret === oauthClient.secret;
          if (!grant || !clientOk) {
            call.response = { ok: false, error: grant ? 'invalid_client_id' : 'invalid_code' };
            res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(call.response));
            return;
          }
          grants.delete(grant.code);
          usedGrants.push(grant);
          return ok({
            access_token: grant.botToken,
            token_type: 'bot',
            scope: String(grant.scopes ?? 'chat:write,commands'),
            bot_user_id: 'U0BOT',
            app_id: 'A0FAKE',
            team: { id: grant.teamId, name: grant.teamName },
            enterprise: null,
            is_enterprise_install: false,
            authed_user: { id: grant.userId ?? 'U0INSTALLER' },
          });
        }
        case 'chat.postMessage': {
          const ts = nextTs();
          return ok({
            channel: params.channel,
            ts,
            message: { type: 'message', ts, text: params.text, blocks: params.blocks },
          });
        }
        case 'chat.update':
          return ok({ channel: params.channel, ts: params.ts, text: params.text });
        case 'chat.postEphemeral':
          return ok({ message_ts: nextTs() });
        case 'views.open':
          return ok({ view: { id: `V${++tsCounter}`, ...(params.view as object) } });
        case 'apps.connections.open':
          return ok({ url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/socket` });
        default:
          return ok();
      }
    });
  });
  const wss = new WebSocketServer({ server, path: '/socket' });
  wss.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { envelope_id?: string; payload?: unknown };
      if (message.envelope_id) acks.get(message.envelope_id)?.(message.payload);
    });
    socket.send(
      JSON.stringify({
        type: 'hello',
        num_connections: sockets.size,
        debug_info: { host: 'fake', approximate_connection_time: 3600 },
        connection_info: { app_id: 'A0FAKE' },
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  return {
    /** SLACK_API_URL for the app under test. */
    apiUrl: `${base}/api/`,
    /** A `response_url` the fake records posts to. */
    responseUrl: (id = 'cmd') => `${base}/respond/${id}`,
    calls,
    /** The Slack app's OAuth client id and secret, as `oauth.v2.access` checks them. */
    oauthApp(clientId: string, clientSecret: string) {
      oauthClient.id = clientId;
      oauthClient.secret = clientSecret;
    },
    /** A code Slack's consent page would hand back for an install into `teamId` (usable once). */
    grantInstall(grant: OAuthGrant) {
      grants.set(grant.code, grant);
    },
    /** Calls of one method, in order. */
    callsOf(method: string) {
      return calls.filter((c) => c.method === method);
    },
    /** The next call of `method` gets 429 with `Retry-After: seconds`. */
    rateLimitNext(method: string, seconds: number) {
      failures.push({
        method,
        status: 429,
        headers: { 'retry-after': String(seconds) },
        body: { ok: false, error: 'ratelimited' },
      });
    },
    /** Slack outage: while on, every Web API call gets 503 (recorded as `<method>#down`). */
    outage(on: boolean) {
      down = on;
    },
    /** The next call of `method` gets `{ok: false, error}` (HTTP 200, as Slack does). */
    failNext(method: string, error: string, status = 200) {
      failures.push({ method, status, headers: {}, body: { ok: false, error } });
    },
    /** Socket Mode connections the app holds open. */
    socketCount: () => sockets.size,
    /**
     * Sends one Socket Mode envelope (`interactive` for actions and views, `slash_commands`) to
     * the connected app; resolves with the ack's payload.
     */
    async sendEnvelope(type: 'interactive' | 'slash_commands' | 'events_api', payload: unknown) {
      const socket = [...sockets][0];
      if (!socket) throw new Error('fake Slack: no Socket Mode connection');
      const envelopeId = `env-${++envelopeCounter}`;
      const acked = new Promise<unknown>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`fake Slack: ${envelopeId} not acked`)), 10_000);
        acks.set(envelopeId, (ack) => {
          clearTimeout(timer);
          acks.delete(envelopeId);
          resolve(ack);
        });
      });
      socket.send(
        JSON.stringify({
          envelope_id: envelopeId,
          type,
          payload,
          accepts_response_payload: type !== 'events_api',
          retry_attempt: 0,
          retry_reason: '',
        }),
      );
      return acked;
    },
    /** Resolves when `predicate` holds over the recorded calls. */
    async waitFor(predicate: (calls: SlackCall[]) => boolean, timeoutMs = 30_000): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(calls)) {
        if (Date.now() > deadline) {
          throw new Error(
            `fake Slack: condition not met in ${timeoutMs} ms; calls: ${calls.map((c) => c.method).join(', ')}`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.terminate();
        wss.close();
        server.close(() => resolve());
      }),
  };
}

/** Signs a body as Slack does: `v0=` HMAC-SHA256 of `v0:<timestamp>:<body>` with the signing secret. */
export function signSlackRequest(
  signingSecret: string,
  body: string,
  timestampSec = Math.floor(Date.now() / 1000),
): Record<string, string> {
  const signature = `v0=${createHmac('sha256', signingSecret).update(`v0:${timestampSec}:${body}`).digest('hex')}`;
  return { 'x-slack-signature': signature, 'x-slack-request-timestamp': String(timestampSec) };
}

/** The form body Slack posts for interactivity: `payload=<JSON>`. */
export function interactivityBody(payload: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** A `block_actions` payload: a user pressed a card button. */
export function blockActionPayload(options: {
  actionId: string;
  value: string;
  userId?: string;
  username?: string;
  channel?: string;
  messageTs?: string;
  responseUrl?: string;
  teamId?: string;
}) {
  const userId = options.userId ?? 'U0TEAM1';
  const teamId = options.teamId ?? 'T0FAKE';
  return {
    type: 'block_actions',
    team: { id: teamId, domain: 'fake' },
    user: {
      id: userId,
      username: options.username ?? 'ana.support',
      name: options.username ?? 'ana.support',
      team_id: teamId,
    },
    api_app_id: 'A0FAKE',
    token: 'legacy-verification-token',
    container: {
      type: 'message',
      message_ts: options.messageTs ?? '1.000001',
      channel_id: options.channel ?? 'C123',
    },
    trigger_id: `trigger-${Math.random().toString(36).slice(2)}`,
    channel: { id: options.channel ?? 'C123', name: 'support' },
    message: { type: 'message', ts: options.messageTs ?? '1.000001', text: 'card' },
    response_url: options.responseUrl ?? 'http://127.0.0.1:9/unused',
    actions: [
      {
        type: 'button',
        action_id: options.actionId,
        block_id: 'decision',
        value: options.value,
        text: { type: 'plain_text', text: options.actionId },
        action_ts: `${Date.now() / 1000}`,
      },
    ],
  };
}

/** A `block_actions` payload of a `static_select`: a user chose `selected` in the block `blockId`. */
export function blockSelectPayload(options: {
  actionId: string;
  blockId: string;
  selected: string;
  userId?: string;
  channel?: string;
  teamId?: string;
}) {
  const base = blockActionPayload({
    actionId: options.actionId,
    value: '',
    ...(options.userId ? { userId: options.userId } : {}),
    ...(options.channel ? { channel: options.channel } : {}),
    ...(options.teamId ? { teamId: options.teamId } : {}),
  });
  return {
    ...base,
    actions: [
      {
        type: 'static_select',
        action_id: options.actionId,
        block_id: options.blockId,
        selected_option: { text: { type: 'plain_text', text: options.selected }, value: options.selected },
        action_ts: `${Date.now() / 1000}`,
      },
    ],
  };
}

/** A `view_submission` payload of the edit modal with `text` typed into it. */
export function editSubmissionPayload(options: {
  ticketId: string;
  text: string;
  userId?: string;
  username?: string;
  teamId?: string;
}) {
  const teamId = options.teamId ?? 'T0FAKE';
  return {
    type: 'view_submission',
    team: { id: teamId, domain: 'fake' },
    user: {
      id: options.userId ?? 'U0TEAM1',
      username: options.username ?? 'ana.support',
      name: options.username ?? 'ana.support',
      team_id: teamId,
    },
    api_app_id: 'A0FAKE',
    token: 'legacy-verification-token',
    trigger_id: `trigger-${Math.random().toString(36).slice(2)}`,
    view: {
      id: 'V0EDIT',
      team_id: teamId,
      type: 'modal',
      callback_id: 'edit_reply',
      private_metadata: options.ticketId,
      blocks: [],
      state: { values: { reply: { reply_text: { type: 'plain_text_input', value: options.text } } } },
      hash: 'h1',
      title: { type: 'plain_text', text: 'Edit reply' },
      app_id: 'A0FAKE',
      bot_id: 'B0BOT',
    },
  };
}

/** The form body of a slash command. */
export function slashCommandBody(
  text: string,
  responseUrl: string,
  userId = 'U0TEAM1',
  where: { teamId?: string; channelId?: string } = {},
): string {
  const channelId = where.channelId ?? 'C123';
  return new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: where.teamId ?? 'T0FAKE',
    team_domain: 'fake',
    channel_id: channelId,
    channel_name: channelId.startsWith('D') ? 'directmessage' : 'support',
    user_id: userId,
    user_name: 'ana.support',
    command: '/sellerdesk',
    text,
    api_app_id: 'A0FAKE',
    response_url: responseUrl,
    trigger_id: `trigger-${Math.random().toString(36).slice(2)}`,
  }).toString();
}
