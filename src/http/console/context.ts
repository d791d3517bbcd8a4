import type { Eta } from 'eta';
import type { ConsolePrincipal } from '../../app/console-access.js';
import type { SellerLanguage } from '../../domain/shop/seller-language.js';
import type { ConsoleT, ConsoleTexts } from '../../i18n/console.js';
import type { RouteContext } from '../routes/context.js';

export type { ConsoleOptions } from '../routes/context.js';

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
