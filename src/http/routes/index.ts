import type { RouteModule } from './context.js';
import { correctionRoutes } from './corrections.js';
import { dictionaryRoutes } from './dictionary.js';
import { governanceRoutes } from './governance.js';
import { listingRoutes } from './listings.js';
import { logisticsRoutes } from './logistics.js';
import { membershipRoutes } from './membership.js';
import { settingsRoutes } from './settings.js';
import { slackRoutes } from './slack.js';
import { templateRoutes } from './templates.js';

/** Feature route modules, registered in this order by `createServer`. */
export const ROUTE_MODULES: RouteModule[] = [
  settingsRoutes,
  governanceRoutes,
  templateRoutes,
  logisticsRoutes,
  listingRoutes,
  dictionaryRoutes,
  membershipRoutes,
  slackRoutes,
  correctionRoutes,
];
