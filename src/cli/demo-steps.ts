/** Steps of `sellerdesk demo` beyond the buyer messages: the stalled parcel, a listing check, the console. */
import { CONSOLE_LINK_TTL_MINUTES } from '../app/console-access.js';
import { createProgress, oneLine } from './format.js';
import type { CliTexts } from './messages.js';
import { CliError, expectOk, type ServiceTarget } from './service.js';

/** A ticket as the demo reads it from `GET /v1/tickets/:id`. */
export type Ticket = {
  ticketId: string;
  orderId: string;
  status: string;
  language: string | null;
  category: string | null;
  confidence: number | null;
  urgency: string | null;
  draft: string | null;
  finalText?: string;
  delivery: { state: string; target: string; idempotencyKey: string } | null;
};

/** Polls the tickets until `done` holds for each, with a progress line. */
export async function waitForTickets(
  texts: CliTexts,
  service: ServiceTarget,
  token: string,
  ids: string[],
  done: (t: Ticket) => boolean,
  label: string,
  timeoutMs = 120_000,
): Promise<Ticket[]> {
  const progress = createProgress();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const tickets = await Promise.all(
      ids.map(
        async (id) =>
          expectOk(await service.call('GET', `/v1/tickets/${id}`, { token }), 'ticket').json as Ticket,
      ),
    );
    const finished = tickets.filter(done).length;
    progress.update(finished, ids.length, label);
    if (finished === ids.length) {
      progress.finish();
      return tickets;
    }
    if (Date.now() > deadline) {
      progress.finish();
      throw new CliError(texts.t('demo.timed_out', { done: finished, total: ids.length, label }));
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

type Shipment = {
  state: string;
  leg?: string;
  lastEventAt: string | null;
  stalledSince?: string | null;
  actions: Array<{ kind: string; details?: Record<string, unknown> }>;
};

/**
 * A parcel whose tracking went quiet three days ago in the first mile (Cainiao: 48 h there): the
 * shipment watch detects the stall at once, grants one coupon and opens a localized apology.
 */
export async function showStalledShipment(
  texts: CliTexts,
  service: ServiceTarget,
  token: string,
  run: string,
  out: (line: string) => void,
): Promise<void> {
  const t = (key: string, vars?: Record<string, string | number>) => texts.t(`demo.${key}`, vars);
  const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
  const trackingNumber = `LP${run.toUpperCase()}DEMO`;
  out(`\n${t('stalled', { tracking: trackingNumber })}`);
  expectOk(
    await service.call('POST', '/v1/tracking', {
      token,
      body: {
        orderId: `DEMO-${run}-STALL`.toUpperCase(),
        trackingNumber,
        carrier: 'Cainiao',
        buyer: { id: 'demo-b13', locale: 'fr-FR' },
        events: [
          { at: hoursAgo(80), status: 'info_received', description: 'GWMS_ACCEPT' },
          { at: hoursAgo(72), status: 'in_transit', description: 'SC_INBOUND_SUCCESS', location: 'Shenzhen' },
        ],
      },
    }),
    'tracking',
  );
  const deadline = Date.now() + 60_000;
  let shipment: Shipment | undefined;
  let apologyId: string | undefined;
  for (;;) {
    shipment = expectOk(await service.call('GET', `/v1/shipments/${trackingNumber}`, { token }), 'shipment')
      .json as Shipment;
    const opened = shipment.actions.find((a) => a.kind === 'apology_opened');
    apologyId = typeof opened?.details?.ticketId === 'string' ? opened.details.ticketId : undefined;
    if (apologyId) break;
    if (Date.now() > deadline) throw new CliError(t('stall_timeout'));
    await new Promise((r) => setTimeout(r, 250));
  }
  const [apology] = await waitForTickets(
    texts,
    service,
    token,
    [apologyId],
    (ticket) => ticket.status === 'awaiting_approval' && ticket.draft !== null,
    t('progress_apology'),
  );
  const state = t('state', {
    state: shipment.state,
    leg: shipment.leg ?? '?',
    since: shipment.stalledSince ?? '?',
    actions: shipment.actions.map((a) => a.kind).join(', '),
  });
  out(`  ${state}`);
  const coupon = shipment.actions.find((a) => a.kind === 'coupon_granted')?.details;
  if (coupon) {
    const values = {
      code: String(coupon.code),
      value: String(coupon.value),
      currency: String(coupon.currency),
    };
    out(`  ${t('coupon', values)}`);
  }
  out(`  ${t('apology', { id: apologyId, language: apology?.language ?? '?' })}`);
  out(`  ${oneLine(apology?.draft ?? '', 160)}`);
}

/** A listing with the mistakes sellers make: shouting title, a claim, a placeholder, a typo, English left in Spanish. */
export const DEMO_LISTING = {
  title: {
    en: 'WIRELESS BLUETOOTH SPEAKER WATERPROOF BEST QUALITY',
    es: 'Altavoz Bluetooth inalámbrico resistente al agua',
  },
  description: {
    en: 'Portable speaker with 12 hours of battery life. Colour: black. Weight: [INSERT WEIGHT]. Compatable with all phones. Cures insomnia with relaxing sounds.',
    es: 'Altavoz portátil con 12 horas de batería. Color: rojo. Free shipping and fast delivery worldwide, buy now.',
  },
} as const;

/** Validates the demo listing and prints how many findings of which kinds the report has. */
export async function showListingCheck(
  texts: CliTexts,
  service: ServiceTarget,
  token: string,
  run: string,
  out: (line: string) => void,
): Promise<void> {
  const listingId = `DEMO-${run}-SPEAKER`.toUpperCase();
  const { validationId } = expectOk(
    await service.call('POST', '/v1/listings/validate', { token, body: { listingId, ...DEMO_LISTING } }),
    'listing',
  ).json as { validationId: string };
  const deadline = Date.now() + 60_000;
  for (;;) {
    const report = expectOk(
      await service.call('GET', `/v1/validations/${validationId}`, { token }),
      'validation',
    ).json as { status: string; findings: Array<{ kind: string }> };
    if (report.status !== 'running') {
      const kinds = [...new Set(report.findings.map((f) => f.kind))].join(', ');
      out(
        `\n${texts.t('demo.listing_check', { listingId, count: report.findings.length, kinds: kinds || '-' })}`,
      );
      return;
    }
    if (Date.now() > deadline) throw new CliError(texts.t('demo.listing_timeout'));
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Prints a one-time sign-in link to the seller console for the demo shop (`POST /v1/console/links`). */
export async function showConsoleLink(
  texts: CliTexts,
  service: ServiceTarget,
  token: string,
  out: (line: string) => void,
): Promise<string> {
  const { url } = expectOk(
    await service.call('POST', '/v1/console/links', { token, body: {} }),
    'console link',
  ).json as { url: string };
  out(`\n${texts.t('demo.console', { url })}`);
  out(`  ${texts.t('demo.console_note', { minutes: CONSOLE_LINK_TTL_MINUTES })}`);
  return url;
}

/** Resolves at the first SIGINT or SIGTERM (the demo keeps its service up for the console until then). */
export function untilInterrupted(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
