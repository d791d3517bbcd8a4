import type { Command } from 'commander';
import { presentTicket, presentTicketSummary } from '../app/ticket-presenter.js';
import { loadConfig } from '../config.js';
import type { Database } from '../db/client.js';
import { TICKET_STATUSES, type TicketStatus } from '../domain/types.js';
import { oneLine, table } from './format.js';
import {
  CliError,
  expectOk,
  findService,
  resolveShopId,
  resolveShopToken,
  type ServiceTarget,
} from './service.js';

interface CommonOptions {
  url?: string;
  token?: string;
  shop?: string;
  json?: boolean;
}

async function connect(options: CommonOptions) {
  const config = loadConfig();
  const service = await findService(config, options.url);
  return { config, service };
}

function tokenFor(config: ReturnType<typeof loadConfig>, options: CommonOptions): string {
  const token = resolveShopToken(config, options);
  if (!token) {
    throw new CliError(
      'no shop token: pass --token, set SELLERDESK_TOKEN, or create a shop with `sellerdesk shop create`',
    );
  }
  return token;
}

/** Reads tickets from the database when the service is not running (PGlite allows one process). */
async function withOfflineDb<T>(
  options: CommonOptions,
  fn: (db: Database, repo: typeof import('../db/ticket-views-repo.js'), shopId: string) => Promise<T>,
) {
  const config = loadConfig();
  const shopId = resolveShopId(config, options);
  if (!shopId)
    throw new CliError(
      'the service is not running and no shop is saved: pass --shop <id> or start it with `npm start`',
    );
  const { databaseOptions, openDatabase } = await import('../db/client.js');
  const repo = await import('../db/ticket-views-repo.js');
  const database = await openDatabase(databaseOptions(config));
  try {
    await database.migrate();
    return await fn(database, repo, shopId);
  } finally {
    await database.close();
  }
}

function printTicket(ticket: ReturnType<typeof presentTicket>): void {
  console.log(
    table(
      ['field', 'value'],
      [
        ['ticket', ticket.ticketId],
        ['order', ticket.orderId],
        ['status', ticket.status],
        ['language', ticket.language],
        ['category', ticket.category],
        ['confidence', ticket.confidence === null ? '' : `${Math.round(ticket.confidence * 100)}%`],
        ['urgency', ticket.urgency],
        ['decided by', ticket.decidedBy ?? ''],
        [
          'delivery',
          ticket.delivery
            ? `${ticket.delivery.state} (${ticket.delivery.target}, ${ticket.delivery.attempts} attempt(s))`
            : '',
        ],
      ],
    ),
  );
  if (ticket.draftDetails?.note) console.log(`\nNote: ${ticket.draftDetails.note}`);
  console.log(`\nDraft (revision ${ticket.draftDetails?.revision ?? '-'}):\n${ticket.draft ?? '—'}`);
  if (ticket.finalText && ticket.finalText !== ticket.draft) console.log(`\nSent text:\n${ticket.finalText}`);
}

async function decideFromCli(
  service: ServiceTarget | undefined,
  token: string,
  ticketId: string,
  body: { action: string; text?: string; by?: string; confirm?: boolean },
) {
  if (!service)
    throw new CliError('decisions run through the ticket workflow: start the service first (`npm start`)');
  const response = await service.call('POST', `/v1/tickets/${encodeURIComponent(ticketId)}/decision`, {
    token,
    body,
  });
  const error = response.json?.error;
  if (response.status === 422 && error?.code === 'edit_language_mismatch') {
    // The warning is in the shop's seller language; nothing was sent.
    throw new CliError(`${error.details?.warning ?? error.message}\n(--confirm sends the text as it is)`);
  }
  return expectOk(response, body.action).json;
}

/** `sellerdesk tickets list|show|approve|edit|reject`. */
export function registerTicketCommands(program: Command): void {
  const tickets = program.command('tickets').description('list, inspect and decide tickets');
  const common = (cmd: Command) =>
    cmd
      .option('--url <url>', 'service URL (default: the local service)')
      .option('--token <token>', 'shop API token (default: SELLERDESK_TOKEN or the saved shop)')
      .option('--shop <shopId>', 'saved shop to act as (default: the last created)')
      .option('--json', 'print JSON');

  common(tickets.command('list').description('tickets of the shop, newest first'))
    .option('--status <status>', `one of ${TICKET_STATUSES.join(', ')}`)
    .option('--limit <n>', 'how many', '50')
    .action(async (options: CommonOptions & { status?: string; limit: string }) => {
      if (options.status && !(TICKET_STATUSES as readonly string[]).includes(options.status)) {
        throw new CliError(`--status must be one of ${TICKET_STATUSES.join(', ')}`);
      }
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new CliError('--limit must be 1-100');
      const { config, service } = await connect(options);
      let rows: Array<ReturnType<typeof presentTicketSummary>>;
      if (service) {
        const query = new URLSearchParams({
          limit: String(limit),
          ...(options.status ? { status: options.status } : {}),
        });
        rows = expectOk(
          await service.call('GET', `/v1/tickets?${query}`, { token: tokenFor(config, options) }),
          'tickets list',
        ).json.tickets;
      } else {
        rows = await withOfflineDb(options, async (database, repo, shopId) =>
          (
            await repo.listTickets(database.db, shopId, {
              status: options.status as TicketStatus | undefined,
              limit,
            })
          ).tickets.map(presentTicketSummary),
        );
      }
      if (options.json) return console.log(JSON.stringify({ tickets: rows }, null, 2));
      if (rows.length === 0) return console.log('No tickets.');
      console.log(
        table(
          ['ticket', 'order', 'status', 'lang', 'category', 'conf', 'urgency', 'created'],
          rows.map((t) => [
            t.ticketId,
            oneLine(t.orderId, 18),
            t.status,
            t.language,
            t.category,
            t.confidence === null ? '' : `${Math.round(t.confidence * 100)}%`,
            t.urgency,
            t.createdAt.slice(0, 16).replace('T', ' '),
          ]),
        ),
      );
    });

  common(
    tickets.command('show').argument('<ticketId>').description('one ticket with its draft and delivery'),
  ).action(async (ticketId: string, options: CommonOptions) => {
    const { config, service } = await connect(options);
    const ticket = service
      ? expectOk(
          await service.call('GET', `/v1/tickets/${encodeURIComponent(ticketId)}`, {
            token: tokenFor(config, options),
          }),
          'tickets show',
        ).json
      : await withOfflineDb(options, async (database, repo, shopId) => {
          const view = await repo.getTicketView(database.db, shopId, ticketId);
          if (!view) throw new CliError(`no ticket ${ticketId} in this shop`);
          return presentTicket(view);
        });
    if (options.json) return console.log(JSON.stringify(ticket, null, 2));
    printTicket(ticket);
  });

  for (const action of ['approve', 'reject'] as const) {
    common(tickets.command(action).argument('<ticketId>').description(`${action} the current draft`))
      .option('--by <name>', 'who decides (shown on the ticket and cards)')
      .action(async (ticketId: string, options: CommonOptions & { by?: string }) => {
        const { config, service } = await connect(options);
        const result = await decideFromCli(service, tokenFor(config, options), ticketId, {
          action,
          by: options.by ?? process.env.USER ?? 'cli',
        });
        if (options.json) return console.log(JSON.stringify(result, null, 2));
        console.log(
          `${action === 'approve' ? 'Approved' : 'Rejected'} ${ticketId} (revision ${result.decision.revision}).`,
        );
      });
  }

  common(
    tickets.command('edit').argument('<ticketId>').description('send your own text instead of the draft'),
  )
    .requiredOption('--text <text>', 'the reply to send')
    .option('--by <name>', 'who decides')
    .option('--confirm', "send the text even though it is not in the buyer's language")
    .action(
      async (ticketId: string, options: CommonOptions & { text: string; by?: string; confirm?: boolean }) => {
        const { config, service } = await connect(options);
        const result = await decideFromCli(service, tokenFor(config, options), ticketId, {
          action: 'edit',
          text: options.text,
          by: options.by ?? process.env.USER ?? 'cli',
          ...(options.confirm ? { confirm: true } : {}),
        });
        if (options.json) return console.log(JSON.stringify(result, null, 2));
        console.log(`Edited and sent ${ticketId} (revision ${result.decision.revision}).`);
      },
    );
}
