import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { CONSOLE_SESSION_HOURS, subjectRole } from '../../app/console-access.js';
import {
  findLiveConsoleLink,
  redeemConsoleLink,
  revokeConsoleSession,
  setConsoleSessionLanguage,
} from '../../db/console-sessions-repo.js';
import { getShop } from '../../db/shops-repo.js';
import { SELLER_LANGUAGES } from '../../domain/shop/seller-language.js';
import type { ConsoleContext } from './context.js';
import {
  ConsoleRefusal,
  consolePath,
  pageFrame,
  renderPage,
  requireCsrf,
  requireSameOrigin,
  requireSession,
  SESSION_COOKIE,
  sessionCookieOptions,
  signinHelp,
} from './session.js';

const LINK_TOKEN = /^sdl_[A-Za-z0-9_-]{43}$/;
const signinBody = z.object({ token: z.string().regex(LINK_TOKEN) });
const languageBody = z.object({ language: z.enum(SELLER_LANGUAGES), back: z.string().max(500).optional() });

/**
 * Signing in and out. `GET /console/signin/:token` only shows whose console the link opens (a
 * link preview or a mail scanner fetching it uses nothing); its form, submitted by a script at
 * once, `POST /console/signin` uses the link and sets the session cookie. Also the language
 * picker (`POST /console/language`) and `POST /console/signout`.
 */
export const signinPages: FastifyPluginAsync<ConsoleContext> = async (app, ctx) => {
  const invalidLink = (): never => {
    throw new ConsoleRefusal(410, 'signin.invalid', 'console_link_invalid');
  };

  app.get('/signin/:token', async (request, reply) => {
    const { token } = request.params as { token: string };
    const link = LINK_TOKEN.test(token) ? await findLiveConsoleLink(ctx.db, token, new Date()) : null;
    const shop = link ? await getShop(ctx.db, link.shopId) : null;
    if (!link || !shop) return invalidLink();
    const subject = { channel: link.subjectChannel, id: link.subjectId };
    const role = await subjectRole(ctx.db, shop.id, subject);
    if (!role) return invalidLink();
    const language = link.language ?? shop.sellerLanguage;
    const t = ctx.texts.bind(language);
    const frame = pageFrame(ctx, request, {
      title: t('signin.title', { shop: shop.name }),
      nav: 'none',
      language,
      scripts: ['/console/assets/signin.js'],
    });
    return renderPage(ctx, reply, './signin', frame, {
      token,
      as: t('signin.as', { name: link.subjectName ?? link.subjectId, role: t(`team.role_${role}`) }),
      help: signinHelp(ctx, language),
    });
  });

  app.post('/signin', async (request, reply) => {
    requireSameOrigin(request);
    const body = signinBody.safeParse(request.body);
    if (!body.success) return invalidLink();
    const now = new Date();
    const opened = await redeemConsoleLink(ctx.db, body.data.token, {
      now,
      sessionExpiresAt: new Date(now.getTime() + CONSOLE_SESSION_HOURS * 3_600_000),
    });
    if (!opened) return invalidLink();
    ctx.logger.info({ shopId: opened.session.shopId, session: opened.session.id }, 'console session opened');
    return reply
      .setCookie(
        SESSION_COOKIE,
        opened.sessionToken,
        sessionCookieOptions(ctx.console?.secureCookies ?? false),
      )
      .redirect('/console', 303);
  });

  app.post('/signout', async (request, reply) => {
    const principal = await requireSession(ctx, request);
    requireCsrf(request);
    await revokeConsoleSession(ctx.db, principal.session.id, new Date());
    reply.clearCookie(SESSION_COOKIE, { path: '/console' });
    const frame = pageFrame(ctx, request, {
      title: ctx.texts.t(principal.language, 'signin.signed_out'),
      nav: 'none',
    });
    delete frame.user;
    return renderPage(ctx, reply, './message', frame, {
      message: ctx.texts.t(principal.language, 'signin.signed_out'),
      help: signinHelp(ctx, principal.language),
    });
  });

  app.post('/language', async (request, reply) => {
    const principal = await requireSession(ctx, request);
    requireCsrf(request);
    const body = languageBody.safeParse(request.body);
    if (!body.success) throw new ConsoleRefusal(400, 'error.generic', 'validation_failed');
    await setConsoleSessionLanguage(ctx.db, principal.session.id, body.data.language);
    return reply.redirect(consolePath(body.data.back), 303);
  });
};
