import { consoleRoutes } from '../console/index.js';
import { adminRoutes } from './admin.js';
import { consoleLinkRoutes } from './console-links.js';
import type { RoutePlugin } from './context.js';
import { diagnosticsRoutes } from './diagnostics.js';
import { dictionaryRoutes } from './dictionary.js';
import { governanceRoutes } from './governance.js';
import { healthRoutes } from './health.js';
import { listingRoutes } from './listings.js';
import { logisticsRoutes } from './logistics.js';
import { settingsRoutes } from './settings.js';
import { slackRoutes } from './slack.js';
import { teamRoutes } from './team.js';
import { telegramWebhookRoutes } from './telegram-webhook.js';
import { templateRoutes } from './templates.js';
import { ticketRoutes } from './tickets.js';

/** Every area's route plugin, registered in this order by `createServer`. */
export const ROUTE_PLUGINS: RoutePlugin[] = [
  healthRoutes,
  adminRoutes,
  ticketRoutes,
  settingsRoutes,
  governanceRoutes,
  diagnosticsRoutes,
  teamRoutes,
  templateRoutes,
  logisticsRoutes,
  listingRoutes,
  dictionaryRoutes,
  slackRoutes,
  telegramWebhookRoutes,
  consoleLinkRoutes,
  consoleRoutes,
];
