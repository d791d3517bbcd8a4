import { webApi } from '@slack/bolt';
import type { SlackMessage } from './blocks.js';

/** Posts, edits and threads team cards; the port the Slack activities use. */
export interface SlackCards {
  /** Posts a message; resolves with the channel id Slack answered (ids, never names) and the ts. */
  postMessage(channel: string, message: SlackMessage): Promise<{ channel: string; ts: string }>;
  /** Edits a message in place; false when the message is gone (deleted, not ours any more). */
  update(channel: string, ts: string, message: SlackMessage): Promise<boolean>;
  /** Posts a reply in the thread of `threadTs`. */
  postThread(channel: string, threadTs: string, message: SlackMessage): Promise<{ ts: string }>;
}

/** Platform errors that mean the request itself is wrong: retrying cannot help. */
const PERMANENT_ERRORS = new Set([
  'invalid_blocks',
  'invalid_blocks_format',
  'invalid_arguments',
  'invalid_arg_name',
  'invalid_array_arg',
  'msg_too_long',
  'no_text',
  'too_many_attachments',
  'invalid_metadata_format',
  'metadata_too_large',
]);

/** Platform errors of `chat.update` that mean there is nothing left to edit. */
const GONE_ERRORS = new Set(['message_not_found', 'cant_update_message', 'edit_window_closed']);

/**
 * A failed Slack Web API call with a stable code: `slack_rate_limited` (with `retryAfterSeconds`),
 * `slack_platform_error` (Slack answered `ok: false`), `slack_http_error`, `slack_request_failed`.
 */
export class SlackApiError extends Error {
  constructor(
    readonly code:
      | 'slack_rate_limited'
      | 'slack_platform_error'
      | 'slack_http_error'
      | 'slack_request_failed',
    readonly method: string,
    message: string,
    readonly retryable: boolean,
    readonly slackError?: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(`${method}: ${message}`);
    this.name = 'SlackApiError';
  }

  /** What a failure record keeps: the Web API method and Slack's error string (no text, no token). */
  get details(): Record<string, unknown> {
    return { method: this.method, slackError: this.slackError ?? null };
  }
}

/** Timeouts and retry budget of one Web API call (one activity attempt stays well under a minute). */
export interface SlackClientOptions {
  /** Per HTTP request, milliseconds (default 8000). */
  timeoutMs?: number;
  /** Retries of network errors and 5xx answers inside one call, with backoff (default 2). */
  retries?: number;
}

/**
 * A Web API client for `SLACK_API_URL` with a request timeout and bounded backoff retries. 429s are
 * rejected (not slept on inside the client) so `createSlackCards` decides how to honour Retry-After.
 */
export function createSlackWebClient(
  token: string,
  slackApiUrl: string,
  options: SlackClientOptions = {},
): webApi.WebClient {
  return new webApi.WebClient(token, {
    slackApiUrl,
    timeout: options.timeoutMs ?? 8000,
    rejectRateLimitedCalls: true,
    retryConfig: {
      retries: options.retries ?? 2,
      factor: 2,
      minTimeout: 300,
      maxTimeout: 2000,
      randomize: true,
    },
    logLevel: webApi.LogLevel.ERROR,
  });
}

/** Maps anything the WebClient throws to a SlackApiError saying whether a retry may help. */
export function toSlackApiError(error: unknown, method: string): SlackApiError {
  if (error instanceof SlackApiError) return error;
  const e = error as {
    code?: string;
    message?: string;
    retryAfter?: number;
    statusCode?: number;
    data?: { error?: string };
  };
  switch (e?.code) {
    case webApi.ErrorCode.RateLimitedError:
      return new SlackApiError(
        'slack_rate_limited',
        method,
        `rate limited, retry after ${e.retryAfter ?? 1} s`,
        true,
        'ratelimited',
        e.retryAfter ?? 1,
      );
    case webApi.ErrorCode.PlatformError: {
      const slackError = e.data?.error ?? 'unknown_error';
      if (slackError === 'ratelimited') {
        return new SlackApiError('slack_rate_limited', method, 'rate limited', true, slackError, 1);
      }
      return new SlackApiError(
        'slack_platform_error',
        method,
        `Slack answered ${slackError}`,
        !PERMANENT_ERRORS.has(slackError),
        slackError,
      );
    }
    case webApi.ErrorCode.HTTPError:
      return new SlackApiError('slack_http_error', method, `HTTP ${e.statusCode ?? '?'} from Slack`, true);
    default:
      return new SlackApiError('slack_request_failed', method, e?.message ?? String(error), true);
  }
}

/** How `createSlackCards` waits out rate limits. */
export interface SlackCardsOptions {
  /** A Retry-After up to this many seconds is waited out inside the call (default 10). */
  maxInlineWaitSeconds?: number;
  /** How many rate-limit waits one call may do before giving up (default 2). */
  maxRateLimitWaits?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Called with the Web API method when a call fails for good (metrics). */
  onError?: (method: string) => void;
}

/**
 * Team cards over the Web API. A 429 with a short Retry-After is waited out and retried; a longer
 * one throws `slack_rate_limited` carrying the delay, so the activity retries later instead of
 * holding a worker slot (and never outlives its timeout with a request still pending).
 */
export function createSlackCards(client: webApi.WebClient, options: SlackCardsOptions = {}): SlackCards {
  const maxInline = options.maxInlineWaitSeconds ?? 10;
  const maxWaits = options.maxRateLimitWaits ?? 2;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));

  async function call<T>(method: string, fn: () => Promise<T>): Promise<T> {
    for (let waits = 0; ; waits++) {
      try {
        return await fn();
      } catch (error) {
        const failure = toSlackApiError(error, method);
        const wait = failure.retryAfterSeconds;
        if (
          failure.code === 'slack_rate_limited' &&
          wait !== undefined &&
          wait <= maxInline &&
          waits < maxWaits
        ) {
          await sleep(wait * 1000);
          continue;
        }
        options.onError?.(method);
        throw failure;
      }
    }
  }

  return {
    async postMessage(channel, message) {
      const result = await call('chat.postMessage', () =>
        client.chat.postMessage({
          channel,
          text: message.text,
          blocks: message.blocks,
          unfurl_links: false,
          unfurl_media: false,
        }),
      );
      if (!result.ts)
        throw new SlackApiError('slack_platform_error', 'chat.postMessage', 'no ts in the answer', true);
      return { channel: result.channel ?? channel, ts: result.ts };
    },
    async update(channel, ts, message) {
      try {
        await call('chat.update', () =>
          client.chat.update({ channel, ts, text: message.text, blocks: message.blocks }),
        );
        return true;
      } catch (error) {
        if (error instanceof SlackApiError && error.slackError && GONE_ERRORS.has(error.slackError))
          return false;
        throw error;
      }
    },
    async postThread(channel, threadTs, message) {
      const result = await call('chat.postMessage', () =>
        client.chat.postMessage({
          channel,
          thread_ts: threadTs,
          text: message.text,
          blocks: message.blocks,
          unfurl_links: false,
          unfurl_media: false,
        }),
      );
      if (!result.ts)
        throw new SlackApiError('slack_platform_error', 'chat.postMessage', 'no ts in the answer', true);
      return { ts: result.ts };
    },
  };
}
