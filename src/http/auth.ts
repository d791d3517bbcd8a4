import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../app/errors.js';
import type { Db } from '../db/client.js';
import { hashToken } from '../db/ids.js';
import type { TokenPrincipal } from '../db/shops-repo.js';
import { authorizeCall, secondsUntilReset, uncountApiCall } from '../db/usage-repo.js';

/** A route's guard, run before its handler (`{ preHandler: app.requireScope('tickets:read') }`). */
export type Guard = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

/** What a guard asks for: a shop token with a scope, or the operator's admin token. */
export type GuardKind = { kind: 'shop'; scope: string } | { kind: 'admin' };

const GUARD_KINDS = new WeakMap<object, GuardKind>();

/**
 * What a route's `preHandler` guard asks for (undefined: no guard), so the OpenAPI document states
 * each route's security from the guard that actually runs rather than from a second copy.
 */
export function guardKindOf(preHandler: unknown): GuardKind | undefined {
  for (const hook of Array.isArray(preHandler) ? preHandler : [preHandler]) {
    const kind = typeof hook === 'function' ? GUARD_KINDS.get(hook) : undefined;
    if (kind) return kind;
  }
  return undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * Authenticates a shop token that holds `scope` and counts the call against the shop's daily
     * quota; sets `request.principal`. 401 without a live token, 403 without the scope, 429 past
     * the quota (with Retry-After).
     */
    requireScope(scope: string): Guard;
    /** `/v1/admin/*`: ADMIN_TOKEN, or the local control token from this machine. */
    requireAdmin: Guard;
  }
  interface FastifyRequest {
    /** The shop token behind the request, set by `requireScope`. */
    principal?: TokenPrincipal;
  }
}

/** The credentials the guards check. */
export interface AuthOptions {
  db: Db;
  adminToken?: string | undefined;
  /** Token of DATA_DIR/control.json, accepted for admin calls from the local CLI (loopback only). */
  localControlToken?: string | undefined;
}

/** Compares two secrets in constant time. */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The bearer token of a request's Authorization header, if any. */
export function bearer(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1];
}

/** Whether the request comes from this machine (the socket's peer, not a forwarded header). */
function fromLoopback(request: FastifyRequest): boolean {
  const address = request.socket.remoteAddress ?? '';
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return v4 === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

/** The API actor of a request a shop token made (audit entries, decisions). */
export function apiActor(request: FastifyRequest): { channel: 'api'; id: string } {
  return { channel: 'api', id: request.principal!.tokenId };
}

/**
 * Decorates the root instance with `requireScope` and `requireAdmin`; every route plugin
 * registered after it inherits them (Fastify decorators flow from parent to child).
 */
export function installAuth(app: FastifyInstance, options: AuthOptions): void {
  const { db } = options;

  const requireAdmin: Guard = async (request) => {
    const token = bearer(request);
    // The local control token (DATA_DIR/control.json, owner-only) lets the CLI on this machine
    // create shops even when the remote admin API is off; from any other address it is refused.
    if (token && options.localControlToken && safeEqual(token, options.localControlToken)) {
      if (fromLoopback(request)) return;
      throw new AppError(
        'control_token_not_local',
        'the local control token is accepted only from this machine (loopback); use ADMIN_TOKEN',
        403,
      );
    }
    if (!options.adminToken) {
      throw new AppError('admin_api_disabled', 'the admin API is off: set ADMIN_TOKEN', 404);
    }
    if (!token || !safeEqual(token, options.adminToken)) {
      throw new AppError('unauthorized', 'a valid admin bearer token is required', 401);
    }
  };

  const requireScope = (scope: string): Guard => {
    const guard: Guard = async (request, reply) => {
      const token = bearer(request);
      if (!token)
        throw new AppError('unauthorized', 'missing bearer token (Authorization: Bearer <shop token>)', 401);
      const now = new Date();
      const call = await authorizeCall(db, hashToken(token), scope, now);
      if (!call) throw new AppError('unauthorized', 'the token is unknown or revoked', 401);
      if (!call.scopes.includes(scope)) {
        throw new AppError('forbidden', `this token lacks the "${scope}" scope`, 403, {
          requiredScope: scope,
        });
      }
      const { calls, limit } = call;
      if (calls > limit) {
        await uncountApiCall(db, call.shopId, now);
        const retryAfter = secondsUntilReset(now);
        reply.header('retry-after', String(retryAfter));
        throw new AppError(
          'quota_exceeded',
          `the daily limit of ${limit} API calls is used up; it resets at 00:00 UTC`,
          429,
          { limit, retryAfterSeconds: retryAfter },
        );
      }
      request.principal = { shopId: call.shopId, tokenId: call.tokenId, scopes: call.scopes };
    };
    GUARD_KINDS.set(guard, { kind: 'shop', scope });
    return guard;
  };
  GUARD_KINDS.set(requireAdmin, { kind: 'admin' });

  app.decorate('requireAdmin', requireAdmin);
  app.decorate('requireScope', requireScope);
  app.decorateRequest('principal', undefined);
}
