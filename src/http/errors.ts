import http from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { AppError } from '../app/errors.js';

/** Largest accepted request body (docs/API.md: over 256 KiB gets 413). */
export const BODY_LIMIT = 256 * 1024;

/**
 * PostgreSQL refusing work it may accept a moment later: too many connections (53300), out of
 * resources (53xxx), shutting down or starting (57P01-57P03), a serialization or deadlock loser
 * (40001, 40P01). Under a flood these are back-pressure, answered 503 with Retry-After, not 500.
 */
export function isDatabaseSaturated(error: unknown): boolean {
  const pgCode =
    (error as { code?: unknown; cause?: { code?: unknown } })?.code ??
    (error as { cause?: { code?: unknown } })?.cause?.code;
  return typeof pgCode === 'string' && /^(53\d{3}|57P0[123]|40001|40P01)$/.test(pgCode);
}

/** Answers with the API's error body (docs/API.md, "Errors"): `{error: {code, message, details?}}`. */
export function sendError(
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
  details?: unknown,
) {
  return reply.code(status).send({ error: { code, message, ...(details !== undefined ? { details } : {}) } });
}

/** Writes a connection-level error (header overflow, timeout, bad request line) in the API's format. */
export function answerClientError(error: Error & { code?: string }, socket: Socket) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, message] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'headers_too_large', 'the request line or headers are larger than the server accepts']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'request_timeout', 'the request did not arrive in time']
        : [400, 'bad_request', 'the request is not valid HTTP'];
  const body = JSON.stringify({ error: { code, message } });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

/** Router-level refusals (undecodable URL, over-long path parameter) in the API's error format. */
export function answerFrameworkError(error: { code?: string }, _request: unknown, reply: FastifyReply) {
  return error.code === 'FST_ERR_MAX_PARAM_LENGTH'
    ? sendError(reply, 414, 'uri_too_long', 'a path segment is longer than any id sellerdesk issues')
    : sendError(reply, 400, 'invalid_url', 'the URL is not valid (bad percent-encoding?)');
}

/**
 * Turns every error into the API's format: an `AppError` keeps its code and status, body-parser
 * errors become 400/413/415, an unreachable backing service (Temporal, a saturated database) 503
 * with Retry-After, anything else 500. Unmatched routes answer 404 `not_found`.
 */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: Error & { code?: string; statusCode?: number }, request, reply) => {
    if (error instanceof AppError) {
      if (error.headers) void reply.headers(error.headers);
      return sendError(reply, error.status, error.code, error.message, error.details);
    }
    const code = error.code ?? '';
    if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return sendError(reply, 413, 'payload_too_large', `request body is larger than ${BODY_LIMIT} bytes`);
    }
    if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return sendError(reply, 415, 'unsupported_media_type', 'send JSON with content-type: application/json');
    }
    if (code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      return sendError(reply, 400, 'invalid_json', 'the request body is empty; send a JSON object');
    }
    if (code.startsWith('FST_ERR_CTP') || (error instanceof SyntaxError && error.statusCode === 400)) {
      return sendError(reply, 400, 'invalid_json', 'the request body is not valid JSON');
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendError(reply, error.statusCode, 'bad_request', error.message);
    }
    request.log.error({ err: { name: error.name, message: error.message, code } }, 'request failed');
    const unavailable =
      /UNAVAILABLE|ECONNREFUSED|connect|timeout/i.test(`${error.message} ${code}`) ||
      isDatabaseSaturated(error);
    if (unavailable) {
      // Nothing was stored (each write is one transaction): the caller may simply retry later.
      reply.header('retry-after', '1');
      return sendError(
        reply,
        503,
        'service_unavailable',
        'a backing service is unavailable; retry the request',
      );
    }
    return sendError(reply, 500, 'internal_error', 'something went wrong on our side; retry the request');
  });

  app.setNotFoundHandler((request, reply) =>
    sendError(reply, 404, 'not_found', `no route ${request.method} ${request.url.split('?')[0]}`),
  );
}
