import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyStatic from '@fastify/static';
import { Eta } from 'eta';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../app/errors.js';
import { type SellerLanguage, sellerLanguageFromTag } from '../../domain/shop/seller-language.js';
import type { RoutePlugin } from '../routes/context.js';
import type { ConsoleContext } from './context.js';
import { dashboardPages } from './dashboard.js';
import { listingPages } from './listings.js';
import { ConsoleRefusal, pageFrame, renderPage, signinHelp } from './session.js';
import { signinPages } from './signin.js';
import { ticketPages } from './tickets.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** Chart.js's browser build, served from node_modules (no CDN: the console works offline). */
const CHART_JS_DIR = path.dirname(createRequire(import.meta.url).resolve('chart.js'));

/**
 * Strict headers for every console answer: only this origin's scripts, styles, images and
 * fetches (no inline script or style), no framing, no referrer (a sign-in link's secret must not
 * leak through one), no MIME sniffing.
 */
export const CONSOLE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
  "font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

function securityHeaders(_request: FastifyRequest, reply: FastifyReply, _payload: unknown, done: () => void) {
  reply.header('content-security-policy', CONSOLE_CSP);
  reply.header('x-content-type-options', 'nosniff');
  reply.header('referrer-policy', 'no-referrer');
  reply.header('x-frame-options', 'DENY');
  reply.header('cross-origin-opener-policy', 'same-origin');
  done();
}

/** The language of a page shown to nobody signed in: the browser's, if sellerdesk speaks it. */
function browserLanguage(request: FastifyRequest): SellerLanguage {
  const header = request.headers['accept-language'];
  const first = typeof header === 'string' ? header.split(',')[0]?.split(';')[0] : undefined;
  return sellerLanguageFromTag(first) ?? 'en';
}

/**
 * The seller console under `/console`, served by the API process: server-rendered pages (Eta
 * templates, words from `locales/<lng>/console.json`), a session cookie opened from a one-time
 * link, and Chart.js plus two small scripts served from this origin. Its own scope holds the
 * cookie, form-body and compression plugins, the security headers and an HTML error page; the API
 * around it is untouched.
 */
export const consoleRoutes: RoutePlugin = async (app, routeContext) => {
  if (!routeContext.console) return;
  const { texts } = routeContext.console;
  const views = new Eta({ views: path.join(HERE, 'views'), cache: true, autoEscape: true });
  const ctx: ConsoleContext = { ...routeContext, texts, views };

  await app.register(
    async (scope: FastifyInstance) => {
      await scope.register(fastifyCookie);
      await scope.register(fastifyFormbody, { bodyLimit: 64 * 1024 });
      await scope.register(fastifyCompress, { global: true, threshold: 512, encodings: ['br', 'gzip'] });
      scope.addHook('onSend', securityHeaders);
      await scope.register(fastifyStatic, {
        root: path.join(HERE, 'assets'),
        prefix: '/assets/',
        decorateReply: false,
        index: false,
        maxAge: '1h',
      });
      await scope.register(fastifyStatic, {
        root: CHART_JS_DIR,
        prefix: '/vendor/',
        decorateReply: false,
        index: false,
        maxAge: '1d',
        allowedPath: (pathName) => pathName === '/chart.umd.min.js',
      });

      scope.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
        const refusal =
          error instanceof ConsoleRefusal
            ? error
            : error instanceof AppError && error.status < 500
              ? new ConsoleRefusal(
                  error.status,
                  error.status === 404 ? 'error.not_found' : 'error.generic',
                  error.code,
                )
              : typeof error.statusCode === 'number' && error.statusCode < 500
                ? new ConsoleRefusal(error.statusCode, 'error.generic', 'bad_request')
                : undefined;
        if (!refusal)
          request.log.error({ err: { name: error.name, message: error.message } }, 'console failed');
        const status = refusal?.status ?? 500;
        const key = refusal?.key ?? 'error.generic';
        const language = request.consolePrincipal?.language ?? browserLanguage(request);
        if (request.url.startsWith('/console/api/')) {
          return reply.code(status).send({
            error: { code: refusal?.code ?? 'internal_error', message: texts.t(language, key) },
          });
        }
        const frame = pageFrame(ctx, request, { title: texts.t(language, key), nav: 'none', language });
        return renderPage(
          ctx,
          reply,
          './message',
          frame,
          { message: texts.t(language, key), help: status === 401 ? signinHelp(ctx, language) : null },
          status,
        );
      });
      scope.setNotFoundHandler((request) => {
        void request;
        throw new ConsoleRefusal(404, 'error.not_found', 'not_found');
      });

      await scope.register(signinPages, ctx);
      await scope.register(dashboardPages, ctx);
      await scope.register(ticketPages, ctx);
      await scope.register(listingPages, ctx);
    },
    { prefix: '/console' },
  );
};
