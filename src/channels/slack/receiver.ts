import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import { ReceiverMultipleAckError, verifySlackRequest } from '@slack/bolt';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { z } from 'zod';

/** Bolt's default request path; events, interactivity and commands arrive here (docs/API.md, "Chat actions"). */
export const SLACK_EVENTS_PATH = '/slack/events';

/** Slack refuses to replay requests older than this; so do we (docs/API.md, "Chat actions"). */
export const MAX_REQUEST_AGE_SECONDS = 5 * 60;

/** Outcome of checking a request's `X-Slack-Signature` and `X-Slack-Request-Timestamp`. */
export type SignatureVerdict =
  | { ok: true }
  | { ok: false; code: 'invalid_slack_signature' | 'stale_slack_request'; message: string };

/**
 * Verifies a Slack request: v0 HMAC-SHA256 of `v0:<timestamp>:<raw body>` with the signing secret,
 * the timestamp within five minutes of now (either way). Pure apart from the injected clock.
 */
export function verifySlackSignature(input: {
  signingSecret: string;
  rawBody: string;
  signature: string | string[] | undefined;
  timestamp: string | string[] | undefined;
  nowMs?: number;
}): SignatureVerdict {
  const { signature, timestamp } = input;
  if (typeof signature !== 'string' || typeof timestamp !== 'string' || !/^\d{1,12}$/.test(timestamp)) {
    return {
      ok: false,
      code: 'invalid_slack_signature',
      message: 'missing or malformed X-Slack-Signature / X-Slack-Request-Timestamp headers',
    };
  }
  const now = Math.floor((input.nowMs ?? Date.now()) / 1000);
  if (Math.abs(now - Number(timestamp)) > MAX_REQUEST_AGE_SECONDS) {
    return {
      ok: false,
      code: 'stale_slack_request',
      message: 'X-Slack-Request-Timestamp is more than 5 minutes away from now; the request is refused',
    };
  }
  try {
    verifySlackRequest({
      signingSecret: input.signingSecret,
      body: input.rawBody,
      headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': Number(timestamp) },
      ...(input.nowMs !== undefined ? { nowMilliseconds: input.nowMs } : {}),
    });
    return { ok: true };
  } catch {
    return {
      ok: false,
      code: 'invalid_slack_signature',
      message: 'the Slack request signature does not match',
    };
  }
}

/** Parses a verified body the way Bolt does: JSON, or a form with a JSON `payload=` (interactivity). */
export function parseSlackBody(rawBody: string, contentType: string | undefined): Record<string, unknown> {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/x-www-form-urlencoded') {
    const form = Object.fromEntries(new URLSearchParams(rawBody));
    if (typeof form.payload === 'string') return asObject(JSON.parse(form.payload));
    return form;
  }
  return asObject(JSON.parse(rawBody));
}

function asObject(value: unknown): Record<string, unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new SyntaxError('not an object');
  return value as Record<string, unknown>;
}

function sendError(reply: FastifyReply, status: number, code: string, message: string) {
  return reply.code(status).send({ error: { code, message } });
}

/** How the OpenAPI document shows `POST /slack/events` (Slack's own payloads; Bolt dispatches them). */
const SLACK_EVENTS_SCHEMA = {
  summary: 'Slack’s events, interactivity (buttons, modals) and `/sellerdesk` commands',
  description:
    'Served when `SLACK_SIGNING_SECRET` is set and Socket Mode is off. Every request is checked on its raw bytes: `X-Slack-Signature` over `v0:<X-Slack-Request-Timestamp>:<body>`, and a timestamp within 5 minutes (401 otherwise). A button acts only for members of the ticket’s shop whose role allows it.',
  tags: ['slack'],
  security: [{ slackSignature: [], slackTimestamp: [] }],
  consumes: ['application/x-www-form-urlencoded', 'application/json'],
  body: z.looseObject({}).meta({
    description:
      'an Events API envelope (JSON), or a form with `payload` (interactivity) or slash-command fields',
    examples: [
      { type: 'url_verification', challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P' },
    ],
  }),
  response: {
    200: z
      .unknown()
      .meta({ description: 'acknowledged: empty, or what the listener answers (text, JSON, a challenge)' }),
  },
  errors: {
    400: ['invalid_slack_payload'],
    401: ['invalid_slack_signature', 'stale_slack_request'],
    404: ['unhandled_slack_request'],
  },
};

type Dispatched =
  | { kind: 'ack'; response: unknown }
  | { kind: 'unhandled' }
  | { kind: 'timeout' }
  | { kind: 'error'; error: unknown };

/** Options of the Fastify receiver; `nowMs` and `ackTimeoutMs` are for tests. */
export interface FastifyReceiverOptions {
  signingSecret: string;
  logger: Logger;
  path?: string;
  /** How long a listener may take to call `ack()` before the request is answered 404 (Bolt: 3 s). */
  ackTimeoutMs?: number;
  nowMs?: () => number;
}

/**
 * A Bolt receiver that lives inside the API's Fastify server (same port, docs/API.md): the route
 * keeps the raw body for the signature (its own content-type parsers, encapsulated so the API's
 * JSON handling is unchanged), answers 401 in the API's error format, and hands verified requests
 * to `app.processEvent`, replying with whatever the listener passes to `ack()`.
 */
export class FastifySlackReceiver implements Receiver {
  private bolt: App | undefined;
  private readonly path: string;
  private readonly ackTimeoutMs: number;

  constructor(private readonly options: FastifyReceiverOptions) {
    this.path = options.path ?? SLACK_EVENTS_PATH;
    this.ackTimeoutMs = options.ackTimeoutMs ?? 3001;
  }

  /** Called by Bolt's App constructor. */
  init(app: App): void {
    this.bolt = app;
  }

  /** The Fastify server owns the socket: nothing to start. */
  async start(): Promise<void> {}

  /** The Fastify server owns the socket: nothing to stop. */
  async stop(): Promise<void> {}

  /** Adds `POST /slack/events` to the server (call before it listens). */
  register(server: FastifyInstance): void {
    server.register(async (scope) => {
      // Encapsulated: these parsers apply to this plugin's route only.
      scope.removeAllContentTypeParsers();
      // The route's schema documents it (docs/openapi.json) and checks nothing: a request is
      // verified by its signature, and the answer is whatever the listener acknowledged.
      scope.setValidatorCompiler(() => (data) => ({ value: data }));
      scope.setSerializerCompiler(() => (data) => JSON.stringify(data));
      scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
      scope.post(this.path, { schema: SLACK_EVENTS_SCHEMA }, (request, reply) => this.handle(request, reply));
    });
  }

  private async handle(request: FastifyRequest, reply: FastifyReply) {
    const rawBody = Buffer.isBuffer(request.body) ? request.body.toString('utf8') : '';
    const verdict = verifySlackSignature({
      signingSecret: this.options.signingSecret,
      rawBody,
      signature: request.headers['x-slack-signature'],
      timestamp: request.headers['x-slack-request-timestamp'],
      ...(this.options.nowMs ? { nowMs: this.options.nowMs() } : {}),
    });
    if (!verdict.ok) {
      this.options.logger.warn({ code: verdict.code }, 'Slack request refused');
      return sendError(reply, 401, verdict.code, verdict.message);
    }
    let body: Record<string, unknown>;
    try {
      body = parseSlackBody(rawBody, request.headers['content-type']);
    } catch {
      return sendError(reply, 400, 'invalid_slack_payload', 'the body is not a Slack JSON or form payload');
    }
    if (body.ssl_check === '1') return reply.code(200).send();
    if (body.type === 'url_verification') {
      return reply.code(200).send({ challenge: typeof body.challenge === 'string' ? body.challenge : '' });
    }
    const retryNum = Number(request.headers['x-slack-retry-num']);
    const retryReason = request.headers['x-slack-retry-reason'];
    const outcome = await this.dispatch({
      body,
      ...(Number.isInteger(retryNum) ? { retryNum } : {}),
      ...(typeof retryReason === 'string' ? { retryReason } : {}),
    });
    switch (outcome.kind) {
      case 'ack': {
        const response = outcome.response;
        if (response === undefined || response === null || response === '') return reply.code(200).send();
        if (typeof response === 'string')
          return reply.code(200).type('text/plain; charset=utf-8').send(response);
        return reply.code(200).send(response);
      }
      case 'unhandled':
      case 'timeout':
        this.options.logger.warn({ kind: outcome.kind }, 'Slack request not acknowledged by any listener');
        return sendError(
          reply,
          404,
          'unhandled_slack_request',
          'no listener acknowledged this Slack request',
        );
      case 'error':
        return sendError(reply, 500, 'internal_error', 'something went wrong on our side; retry the request');
    }
  }

  /** Runs Bolt on one request and resolves at the first of: ack, listeners done, error, timeout. */
  private dispatch(event: Omit<ReceiverEvent, 'ack'>): Promise<Dispatched> {
    const bolt = this.bolt;
    if (!bolt) return Promise.resolve({ kind: 'error', error: new Error('receiver not initialised') });
    return new Promise((resolve) => {
      let acked = false;
      let settled = false;
      const finish = (result: Dispatched) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(result);
      };
      const timer = setTimeout(() => finish({ kind: 'timeout' }), this.ackTimeoutMs);
      const ack = async (response?: unknown) => {
        if (acked) throw new ReceiverMultipleAckError();
        acked = true;
        finish({ kind: 'ack', response });
      };
      bolt.processEvent({ ...event, ack }).then(
        () => finish({ kind: 'unhandled' }),
        (error: unknown) => {
          if (settled) {
            this.options.logger.error(
              { err: { message: (error as Error)?.message, code: (error as { code?: string })?.code } },
              'Slack listener failed after ack',
            );
          }
          finish({ kind: 'error', error });
        },
      );
    });
  }
}
