import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  CONSOLE_LINK_TTL_MINUTES,
  CONSOLE_SESSION_HOURS,
  type ConsolePrincipal,
  csrfTokenFor,
  resolveConsoleSession,
} from '../../app/console-access.js';
import type { TeamAction } from '../../domain/shop/roles.js';
import { can } from '../../domain/shop/roles.js';
import { SELLER_LANGUAGES, type SellerLanguage } from '../../domain/shop/seller-language.js';
import { safeEqual } from '../auth.js';
import type { ConsoleContext, PageFrame } from './context.js';

/** The session cookie: HttpOnly, SameSite=Strict, only under /console. */
export const SESSION_COOKIE = 'sd_console';

/** A console refusal rendered as a page (or JSON under /console/api): status, text key, optional how-to. */
export class ConsoleRefusal extends Error {
  constructor(
    readonly status: number,
    readonly key: string,
    readonly code: string,
  ) {
    super(code);
  }
}

/** Cookie attributes of the session. */
export function sessionCookieOptions(secure: boolean) {
  return {
    path: '/console',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure,
    maxAge: CONSOLE_SESSION_HOURS * 3600,
  };
}

/**
 * The console's guard: the session cookie must name a live session whose subject still has a role
 * in the shop; sets `request.consolePrincipal` and the session's CSRF token. Without one: 401.
 */
export async function requireSession(
  ctx: ConsoleContext,
  request: FastifyRequest,
): Promise<ConsolePrincipal> {
  const token = request.cookies[SESSION_COOKIE];
  const principal = token ? await resolveConsoleSession(ctx.db, token, new Date()) : null;
  if (!token || !principal) throw new ConsoleRefusal(401, 'signin.expired', 'console_signin_required');
  request.consolePrincipal = principal;
  request.consoleCsrf = csrfTokenFor(token);
  return principal;
}

/** Refuses (403) a seller whose role does not allow `action` (the one rule table, `can`). */
export function requireRole(principal: ConsolePrincipal, action: TeamAction): void {
  if (!can(principal.role, action)) throw new ConsoleRefusal(403, 'error.forbidden', 'forbidden');
}

/**
 * CSRF defence for every console POST, on top of SameSite=Strict: a browser's cross-site request
 * is refused by its `Sec-Fetch-Site` or `Origin`, and the form (or fetch) must carry the session's
 * token (`_csrf` field or `x-csrf-token` header), compared in constant time.
 */
export function requireSameOrigin(request: FastifyRequest): void {
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string' && site !== 'same-origin' && site !== 'none') {
    throw new ConsoleRefusal(403, 'error.csrf', 'cross_site_request');
  }
  const origin = request.headers.origin;
  if (typeof origin === 'string' && origin !== 'null') {
    let host: string | undefined;
    try {
      host = new URL(origin).host;
    } catch {
      host = undefined;
    }
    if (host !== request.headers.host) throw new ConsoleRefusal(403, 'error.csrf', 'cross_site_request');
  }
}

/** {@link requireSameOrigin} plus the session's CSRF token. */
export function requireCsrf(request: FastifyRequest): void {
  requireSameOrigin(request);
  const body = request.body as Record<string, unknown> | undefined;
  const sent = typeof body?._csrf === 'string' ? body._csrf : request.headers['x-csrf-token'];
  if (typeof sent !== 'string' || !request.consoleCsrf || !safeEqual(sent, request.consoleCsrf)) {
    throw new ConsoleRefusal(403, 'error.csrf', 'csrf_token_invalid');
  }
}

/** A path inside the console to come back to (never elsewhere: no open redirect). */
export function consolePath(value: unknown, fallback = '/console'): string {
  return typeof value === 'string' && /^\/console(?:[/?][^\\\s]*)?$/.test(value) && !value.startsWith('//')
    ? value
    : fallback;
}

/** The frame of a page: words, language, the signed-in seller, the CSRF token, nav and scripts. */
export function pageFrame(
  ctx: ConsoleContext,
  request: FastifyRequest,
  page: { title: string; nav: PageFrame['nav']; scripts?: string[]; language?: SellerLanguage },
): PageFrame {
  const principal = request.consolePrincipal;
  const lang = page.language ?? principal?.language ?? 'en';
  const t = ctx.texts.bind(lang);
  return {
    t,
    lang,
    title: page.title,
    nav: page.nav,
    csrf: request.consoleCsrf ?? '',
    back: consolePath(request.url),
    ...(principal
      ? {
          user: {
            name: principal.subject.name ?? principal.subject.id,
            role: t(`team.role_${principal.role}`),
            shop: principal.shop.name,
          },
        }
      : {}),
    languages: SELLER_LANGUAGES.map((code) => ({ code, name: ctx.texts.t(code, `language.${code}`) })),
    scripts: page.scripts ?? [],
  };
}

/** Renders a page template with its frame, as HTML that is never cached. */
export function renderPage(
  ctx: ConsoleContext,
  reply: FastifyReply,
  view: string,
  frame: PageFrame,
  data: Record<string, unknown> = {},
  status = 200,
) {
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(ctx.views.render(view, { ...frame, ...data }));
}

/** How to ask for a link, in a language (shown when signed out or refused). */
export function signinHelp(ctx: ConsoleContext, language: SellerLanguage): string {
  return ctx.texts.t(language, 'signin.how', { minutes: CONSOLE_LINK_TTL_MINUTES });
}
