import type { Eta } from 'eta';
import type { ConsoleLinks, ConsolePrincipal } from '../../app/console-access.js';
import type { SellerLanguage } from '../../domain/shop/seller-language.js';
import type { ConsoleT, ConsoleTexts } from '../../i18n/console.js';
import type { RouteContext } from '../routes/context.js';

/** The console's part of the route context: links, and whether cookies need `Secure`. */
export interface ConsoleOptions {
  /** Issues sign-in links (`POST /v1/console/links`); the chats get the same issuer. */
  links: ConsoleLinks;
  /** The console's words (`locales/<lng>/console.json`, with the bot's and the listing reports'). */
  texts: ConsoleTexts;
  /** PUBLIC_URL is https: the session cookie is `Secure` (a TLS proxy in front talks plain HTTP to us). */
  secureCookies: boolean;
}

/** What every console page plugin gets: the route context, the words, the templates. */
export interface ConsoleContext extends RouteContext {
  texts: ConsoleTexts;
  views: Eta;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in seller, set by the console's session guard. */
    consolePrincipal?: ConsolePrincipal;
    /** The session's CSRF token (forms and fetches send it back). */
    consoleCsrf?: string;
  }
}

/** What every page template receives besides its own data. */
export interface PageFrame {
  t: ConsoleT;
  lang: SellerLanguage;
  title: string;
  nav: 'dashboard' | 'tickets' | 'listings' | 'none';
  csrf: string;
  back: string;
  user?: { name: string; role: string; shop: string };
  languages: Array<{ code: SellerLanguage; name: string }>;
  scripts: string[];
}
