import type { Logger } from 'pino';
import type { ConsoleChatPort } from '../../app/console-access.js';
import type { TicketService } from '../../app/ticket-service.js';
import type { Db } from '../../db/client.js';
import type { ReplyRenderer } from '../../domain/reply/index.js';
import type { Metrics } from '../../observability/metrics.js';

/** What the bot needs from the rest of the app. */
export interface BotDeps {
  db: Db;
  tickets: TicketService;
  renderer: ReplyRenderer;
  logger: Logger;
  metrics?: Metrics | undefined;
  /** `/console` sign-in links; absent: the command says the console is unavailable. */
  console?: ConsoleChatPort | undefined;
}
