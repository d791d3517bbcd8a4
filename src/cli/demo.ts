import type { Command } from 'commander';
import type { Sellerdesk } from '../app/runtime.js';
import { loadConfig } from '../config.js';
import {
  showConsoleLink,
  showListingCheck,
  showStalledShipment,
  type Ticket,
  untilInterrupted,
  waitForTickets,
} from './demo-steps.js';
import { oneLine, table } from './format.js';
import { type CliTexts, cliLanguage, cliTexts } from './messages.js';
import { CliError, expectOk, findService } from './service.js';
import { createShopFromCli } from './shop-commands.js';

/** Sample buyer messages: five languages, most categories, written as buyers write. */
export const DEMO_MESSAGES = [
  {
    lang: 'es',
    buyer: { id: 'demo-b1', name: 'Lucía', locale: 'es-MX', country: 'MX' },
    text: 'Hola, compré hace 45 días y todavía no me llega el paquete. ¿Dónde está mi pedido?',
    order: { trackingNumber: 'LP00312345678901', carrier: 'Cainiao' },
  },
  {
    lang: 'en',
    buyer: { id: 'demo-b2', name: 'Mark', locale: 'en-GB', country: 'GB' },
    text: 'The lamp arrived with the glass completely smashed. Very disappointed.',
  },
  {
    lang: 'fr',
    buyer: { id: 'demo-b3', name: 'Camille', locale: 'fr-FR', country: 'FR' },
    text: 'Bonjour, la robe ne ressemble pas du tout à la photo, la couleur est différente et le tissu est très fin.',
  },
  {
    lang: 'ru',
    buyer: { id: 'demo-b4', name: 'Ольга', locale: 'ru-RU', country: 'RU' },
    text: 'Здравствуйте! Хочу вернуть деньги за заказ, товар мне не подошёл.',
  },
  {
    lang: 'pt',
    buyer: { id: 'demo-b5', name: 'João', locale: 'pt-BR', country: 'BR' },
    text: 'Recebi um tênis azul mas eu pedi o preto tamanho 42. Vocês mandaram o produto errado.',
  },
  {
    lang: 'es',
    buyer: { id: 'demo-b6', locale: 'es-ES', country: 'ES' },
    text: 'me han cobrado aduana 15 euros al recibir el paquete, eso no lo dijeron',
  },
  {
    lang: 'en',
    buyer: { id: 'demo-b7', locale: 'en-US', country: 'US' },
    text: 'hi does this case fit the iphone 13 mini??',
  },
  {
    lang: 'pt',
    buyer: { id: 'demo-b8', locale: 'pt-PT', country: 'PT' },
    text: 'Quanto tempo demora o envio para Portugal? Obrigada',
  },
  {
    lang: 'ru',
    buyer: { id: 'demo-b9', country: 'KZ' },
    text: 'gde moya posylka? uzhe mesyac net nikakih novostei',
  },
  {
    lang: 'fr',
    buyer: { id: 'demo-b10', locale: 'fr-BE', country: 'BE' },
    text: 'Est-ce que je peux échanger la taille M contre une taille L ?',
  },
  {
    lang: 'en',
    buyer: { id: 'demo-b11', country: 'AU' },
    text: 'I was charged twice for the same order!!! fix this or I open a dispute',
  },
  {
    lang: 'es',
    buyer: { id: 'demo-b12', locale: 'es-AR', country: 'AR' },
    text: 'no funciona el cargador, lo enchufo y nada 😡',
  },
  {
    lang: 'en',
    buyer: { id: 'demo-b13', name: 'Priya', locale: 'en-US', country: 'US' },
    text: 'Hi, can you please cancel my order? I bought the same speaker twice by mistake.',
  },
  {
    lang: 'fr',
    buyer: { id: 'demo-b14', locale: 'fr-FR', country: 'FR' },
    text: "L'adresse n'est plus la bonne, j'ai déménagé à Nantes : vous pouvez la changer avant l'envoi ?",
  },
] as const;

/**
 * `sellerdesk demo`: starts (or joins) the service on embedded defaults, creates a demo shop,
 * sends fourteen buyer messages, shows the drafts, then approves, edits and rejects one each,
 * shows the deliveries in the log outbox, a stalled parcel's apology and a listing check, and
 * prints a sign-in link to the seller console (with `serve`, a service it started itself keeps
 * running for it until Ctrl+C). Data stays in DATA_DIR.
 */
export async function runDemo(
  out: (line: string) => void = console.log,
  texts: CliTexts = cliTexts(cliLanguage(process.env)),
  options: { serve?: boolean } = {},
): Promise<{ tickets: Ticket[] }> {
  const t = (key: string, vars?: Record<string, string | number>) => texts.t(`demo.${key}`, vars);
  const started = Date.now();
  const config = loadConfig();
  let app: Sellerdesk | undefined;
  let service = await findService(config);
  try {
    if (service?.controlToken) {
      out(t('using', { url: service.url }));
    } else {
      if (service) throw new CliError(t('no_control', { url: service.url }));
      out(t('starting'));
      const { startSellerdesk } = await import('../app/runtime.js');
      const { createLogger } = await import('../observability/logger.js');
      app = await startSellerdesk(config, 'all', {
        logger: createLogger(process.env.LOG_LEVEL ?? 'warn', { format: config.LOG_FORMAT }),
      });
      service = await findService(config, app.url);
      if (!service) throw new CliError(t('no_healthz'));
    }
    // The demo shop's sellers read the CLI's language (a Chinese terminal: Chinese cards).
    const shop = await createShopFromCli({
      name: t('shop_name', { when: new Date().toISOString().slice(0, 16) }),
      defaultLanguage: 'en',
      sellerLanguage: texts.language,
      plan: 'free',
      url: service.url,
    });
    const token = shop.apiToken;
    out(`${t('created', { name: shop.shop.name, id: shop.shop.id })}\n`);

    const run = Date.now().toString(36);
    const ids: string[] = [];
    for (const [i, m] of DEMO_MESSAGES.entries()) {
      const response = await service.call('POST', '/v1/messages', {
        token,
        body: {
          messageId: `demo-${run}-${i + 1}`,
          orderId: `DEMO-${run}-${String(i + 1).padStart(2, '0')}`.toUpperCase(),
          buyer: m.buyer,
          text: m.text,
          receivedAt: new Date().toISOString(),
          ...('order' in m ? { order: m.order } : {}),
        },
      });
      ids.push(expectOk(response, 'send message').json.ticketId);
    }
    out(t('sent', { count: ids.length }));
    const drafted = await waitForTickets(
      texts,
      service,
      token,
      ids,
      (ticket) => ticket.status === 'awaiting_approval',
      t('progress_drafted'),
    );
    out('');
    out(
      table(
        [
          '#',
          t('col_lang'),
          t('col_category'),
          t('col_conf'),
          t('col_urgency'),
          t('col_buyer'),
          t('col_draft'),
        ],
        drafted.map((ticket, i) => [
          i + 1,
          ticket.language,
          ticket.category,
          ticket.confidence === null ? '' : `${Math.round(ticket.confidence * 100)}%`,
          ticket.urgency,
          oneLine(DEMO_MESSAGES[i]?.text, 38),
          oneLine(ticket.draft, 60),
        ]),
      ),
    );

    const [approve, edit, reject] = drafted;
    if (!approve || !edit || !reject) throw new CliError(t('not_enough'));
    out(`\n${t('full_draft', { language: approve.language ?? '?' })}\n${approve.draft ?? ''}\n`);
    const decide = async (ticket: Ticket, body: Record<string, unknown>) =>
      expectOk(
        await service!.call('POST', `/v1/tickets/${ticket.ticketId}/decision`, {
          token,
          body: { by: 'demo seller', ...body },
        }),
        'decision',
      );
    await decide(approve, { action: 'approve' });
    await decide(edit, {
      action: 'edit',
      text: "We're so sorry the lamp arrived broken, Mark. A replacement ships tomorrow at no cost; no need to send the broken one back.",
    });
    await decide(reject, { action: 'reject' });
    const second = await decide(approve, { action: 'reject' }).catch((error: Error) => error.message);
    out(t('decided'));
    out(t('second_refused', { message: oneLine(String(second), 110) }));
    const decided = await waitForTickets(
      texts,
      service,
      token,
      [approve.ticketId, edit.ticketId, reject.ticketId],
      (ticket) => ticket.status === 'rejected' || ticket.delivery?.state === 'delivered',
      t('progress_decided'),
    );
    out(`\n${t('deliveries')}`);
    out(
      table(
        [t('col_ticket'), t('col_status'), t('col_delivery'), t('col_key'), t('col_sent')],
        decided.map((ticket) => [
          ticket.ticketId,
          ticket.status,
          ticket.delivery ? `${ticket.delivery.state} → ${ticket.delivery.target}` : t('none'),
          ticket.delivery?.idempotencyKey ?? '',
          oneLine(ticket.finalText ?? '', 50),
        ]),
      ),
    );
    await showStalledShipment(texts, service, token, run, out);
    await showListingCheck(texts, service, token, run, out);
    await showConsoleLink(texts, service, token, out);

    out(`\n${t('done', { seconds: ((Date.now() - started) / 1000).toFixed(1), dir: config.DATA_DIR })}`);
    out(`  npx sellerdesk tickets list            ${t('hint_list')}`);
    out(`  npx sellerdesk tickets show ${drafted[3]?.ticketId ?? '<id>'}`);
    out(`  npx sellerdesk tickets approve ${drafted[3]?.ticketId ?? '<id>'}   ${t('hint_approve')}`);
    if (service.temporalUiUrl || app?.temporalUiUrl) {
      const url = `${service.temporalUiUrl ?? app?.temporalUiUrl}/namespaces/${config.TEMPORAL_NAMESPACE}/workflows`;
      out(`  ${t('temporal_ui', { url })}`);
    }
    // The console needs the service: one the demo started itself keeps running until Ctrl+C.
    if (app && options.serve) {
      out(`\n${t('serving')}`);
      await untilInterrupted();
    }
    return { tickets: [...decided, ...drafted.slice(3)] };
  } finally {
    await app?.stop();
  }
}

/** `sellerdesk demo`. */
export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description(
      'see sellerdesk work with no tokens at all: sample messages in five languages, drafts, decisions, deliveries, a stalled parcel',
    )
    .option(
      '--lang <code>',
      'language of the walkthrough: en, es, fr, ru, pt, zh (default: the terminal locale)',
    )
    .option(
      '--serve',
      'keep the service it started running for the seller console until Ctrl+C (default in a terminal)',
    )
    .option('--no-serve', 'stop the service it started when the walkthrough ends')
    .action(async (options: { lang?: string; serve?: boolean }) => {
      await runDemo(console.log, cliTexts(cliLanguage(process.env, options.lang)), {
        serve: options.serve ?? Boolean(process.stdout.isTTY),
      });
    });
}
