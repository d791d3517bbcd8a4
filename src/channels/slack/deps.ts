import type { Logger } from 'pino';
import type { ConsoleChatPort } from '../../app/console-access.js';
import type { TicketService } from '../../app/ticket-service.js';
import type { Db } from '../../db/client.js';
import type { ReplyRenderer } from '../../domain/reply/index.js';
import type { Metrics } from '../../observability/metrics.js';
import type { SlackWorkspaces } from './workspaces.js';

/** What the Slack listeners need from the rest of the app (wired at the composition root). */
export interface SlackListenerDeps {
  db: Db;
  /** The one decision path every channel uses (`TicketService.decide`), and category corrections. */
  tickets: Pick<TicketService, 'decide' | 'correctCategory'>;
  /** Which shops each workspace and channel reaches, and each workspace's bot token. */
  workspaces: SlackWorkspaces;
  /** Seller-facing texts (refusals in the shop's seller language). */
  renderer: Pick<ReplyRenderer, 't'>;
  logger: Logger;
  metrics?: Metrics | undefined;
  /** How long a modal submission waits for the decision before closing the modal anyway (ms). */
  submitBudgetMs?: number | undefined;
  now?: (() => Date) | undefined;
  /** `/sellerdesk console` sign-in links; absent: the command says the console is unavailable. */
  console?: ConsoleChatPort | undefined;
}
