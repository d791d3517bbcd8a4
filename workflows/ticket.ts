import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
} from '@temporalio/workflow';
// biome-ignore lint/style/noRestrictedImports: type-only (erased when bundled), Temporal's proxyActivities pattern
import type { ListingActivities } from '../src/activities/listing-activities.js';
// biome-ignore lint/style/noRestrictedImports: type-only (erased when bundled), Temporal's proxyActivities pattern
import type { TicketActivities } from '../src/activities/ticket-activities.js';
import type { TicketStatus } from '../src/domain/types.js';
import {
  type BuyerMessage,
  buyerMessageSignal,
  DECISION_ERRORS,
  type DecisionResult,
  decideUpdate,
  MAX_REPLY_LENGTH,
  type SlaSettings,
  type TicketInput,
  type TicketState,
  ticketStateQuery,
} from './definitions.js';

const cpu = proxyLocalActivities<Pick<TicketActivities, 'classifyTicket' | 'renderDraft'>>({
  startToCloseTimeout: '10 seconds',
  retry: { maximumAttempts: 5, initialInterval: '200 milliseconds' },
});

const io = proxyActivities<
  Pick<
    TicketActivities,
    | 'saveDraft'
    | 'requestApproval'
    | 'saveDecision'
    | 'closeApprovalCards'
    | 'spinOffMessages'
    | 'authorizeAutoSend'
    | 'publishDraft'
  >
>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

// Team channel (Slack) steps never block the seller's path: bounded tries, then the ticket goes on.
const team = proxyActivities<
  Pick<TicketActivities, 'escalateToTeam' | 'closeTeamCards' | 'postBuyerMessageToTeamThread'>
>({
  startToCloseTimeout: '30 seconds',
  scheduleToCloseTimeout: '10 minutes',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

const sla = proxyActivities<Pick<TicketActivities, 'loadSlaSettings' | 'remindSeller' | 'markEscalated'>>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

// Complaint bookkeeping per listing: a few quick tries, then the ticket goes on without it.
const links = proxyActivities<Pick<ListingActivities, 'linkListingDispute'>>({
  startToCloseTimeout: '30 seconds',
  scheduleToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '20 seconds' },
});

// Delivery to the buyer retries for a day (receiver down for hours), each try bounded; the
// idempotency key `(ticketId, revision)` makes a retried POST safe on the receiving side.
const delivery = proxyActivities<Pick<TicketActivities, 'deliverReply'>>({
  startToCloseTimeout: '30 seconds',
  scheduleToCloseTimeout: '24 hours',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

/** Outcome of a ticket: what was decided and whether a reply reached the buyer. */
export interface TicketOutcome {
  ticketId: string;
  status: TicketStatus;
  revision: number;
  decision: DecisionResult;
}

/**
 * One workflow per ticket: classify and draft each batch of buyer messages, wait for a seller's
 * decision (an update, first one wins), deliver an approved reply exactly once, and record it.
 */
export async function ticketWorkflow(input: TicketInput): Promise<TicketOutcome> {
  const pending: BuyerMessage[] = [];
  const seen = new Set<string>();
  const texts: string[] = [];
  let latest: BuyerMessage | undefined;
  let status: TicketStatus = 'classifying';
  let revision = 0;
  let language: TicketState['language'];
  let category: TicketState['category'];
  let urgency: TicketState['urgency'];
  let decision: DecisionResult | undefined;
  let editText: string | undefined;
  // v2: escalation is a phase (the team decides next) and SLA timers remind and escalate.
  const teamEscalation = patched('sla-and-team-escalation');
  // v3: buyer tickets go through the earned auto-send gate too (system tickets always did).
  const buyerAutoSend = patched('auto-send-buyer-tickets');
  // v4: "not as described" complaints count against the listing the order names (issue 8).
  const listingDisputes = patched('listing-dispute-link');
  let listingLinked = false;
  // v5: one activity per finished draft (save, auto-send gate, cards, SLA timers).
  const oneRoundTrip = listingDisputes && patched('one-activity-per-draft');
  let publishing = false;
  let escalation: DecisionResult | undefined;
  let escalationAnnounced = false;
  let slaSettings: SlaSettings | undefined;
  let approvalSince: number | undefined;
  let reminded = false;

  setHandler(buyerMessageSignal, (message) => {
    if (seen.has(message.messageId)) return;
    seen.add(message.messageId);
    pending.push(message);
  });

  setHandler(
    decideUpdate,
    (d) => {
      const decidedAt = new Date().toISOString();
      const nextRevision = d.action === 'edit' ? revision + 1 : revision;
      decision = {
        ticketId: input.ticketId,
        action: d.action,
        revision: nextRevision,
        decidedBy: d.actor,
        decidedAt,
      };
      if (d.action === 'escalate' && teamEscalation) {
        escalation = decision;
        decision = undefined;
        return escalation;
      }
      if (d.action === 'edit') editText = d.text?.trim();
      return decision;
    },
    {
      validator: (d) => {
        if (decision) {
          throw ApplicationFailure.create({
            type: DECISION_ERRORS.alreadyDecided,
            message: `already decided (${decision.action}) by ${decision.decidedBy.name ?? decision.decidedBy.id} at ${decision.decidedAt}`,
            details: [decision],
            nonRetryable: true,
          });
        }
        if (d.action === 'escalate' && escalation) {
          throw ApplicationFailure.create({
            type: DECISION_ERRORS.alreadyEscalated,
            message: `already escalated by ${escalation.decidedBy.name ?? escalation.decidedBy.id} at ${escalation.decidedAt}`,
            details: [escalation],
            nonRetryable: true,
          });
        }
        const open = status === 'awaiting_approval' || status === 'escalated' || publishing;
        if (!open || pending.length > 0) {
          throw ApplicationFailure.create({
            type: DECISION_ERRORS.notReady,
            message: 'the draft is being prepared or updated; try again in a moment',
            nonRetryable: true,
          });
        }
        if (d.action === 'edit') {
          const text = d.text?.trim() ?? '';
          if (text === '') {
            throw ApplicationFailure.create({
              type: DECISION_ERRORS.editTextRequired,
              message: 'an edit needs the new reply text',
              nonRetryable: true,
            });
          }
          if (text.length > MAX_REPLY_LENGTH) {
            throw ApplicationFailure.create({
              type: DECISION_ERRORS.editTextTooLong,
              message: `the reply is longer than ${MAX_REPLY_LENGTH} characters`,
              nonRetryable: true,
            });
          }
        }
      },
    },
  );

  setHandler(ticketStateQuery, () => ({
    ticketId: input.ticketId,
    status,
    revision,
    ...(language ? { language } : {}),
    ...(category ? { category } : {}),
    ...(urgency ? { urgency } : {}),
    ...(decision ? { decision } : {}),
    ...(escalation ? { escalation } : {}),
  }));

  const preset = input.preset;
  let autoSent = false;
  const nextSlaWait = (): number | undefined => {
    if (!slaSettings || approvalSince === undefined) return undefined;
    const due: number[] = [];
    if (!reminded && !escalation) due.push(approvalSince + slaSettings.remindAfterMinutes * 60_000);
    if (!escalation) {
      due.push(approvalSince + (slaSettings.remindAfterMinutes + slaSettings.escalateAfterMinutes) * 60_000);
      if (slaSettings.disputeDeadline) {
        due.push(Date.parse(slaSettings.disputeDeadline) - slaSettings.disputeLeadHours * 3_600_000);
      }
    }
    if (due.length === 0) return undefined;
    return Math.max(1, Math.min(...due) - Date.now());
  };

  while (!decision) {
    const wait = nextSlaWait();
    const woke = () =>
      pending.length > 0 ||
      decision !== undefined ||
      (escalation !== undefined && !escalationAnnounced) ||
      (preset !== undefined && revision === 0);
    if (wait === undefined) await condition(woke);
    else await condition(woke, wait);
    if (decision) break;

    if (escalation && !escalationAnnounced) {
      escalationAnnounced = true;
      status = 'escalated';
      const reason =
        escalation.decidedBy.channel === 'system'
          ? (escalation.decidedBy.name ?? 'sla')
          : 'escalated by the seller';
      await sla.markEscalated({
        ticketId: input.ticketId,
        actor: escalation.decidedBy,
        at: escalation.decidedAt,
        reason,
      });
      // Not awaited: a Slack outage must never hold up a decision made in Telegram or the API.
      const escalatedRevision = revision;
      void team
        .escalateToTeam({ ticketId: input.ticketId, revision: escalatedRevision, reason })
        .catch(() => ({ posted: false }))
        .then(async (posted) => {
          if (!posted.posted) await sla.remindSeller({ ticketId: input.ticketId, kind: 'escalated' });
        })
        .catch(() => undefined);
      continue;
    }

    if (pending.length === 0 && !(preset !== undefined && revision === 0)) {
      // An SLA timer fired.
      const now = Date.now();
      if (slaSettings && approvalSince !== undefined && !escalation) {
        const escalateAt =
          approvalSince + (slaSettings.remindAfterMinutes + slaSettings.escalateAfterMinutes) * 60_000;
        const disputeAt = slaSettings.disputeDeadline
          ? Date.parse(slaSettings.disputeDeadline) - slaSettings.disputeLeadHours * 3_600_000
          : Number.POSITIVE_INFINITY;
        if (now >= escalateAt || now >= disputeAt) {
          escalation = {
            ticketId: input.ticketId,
            action: 'escalate',
            revision,
            decidedBy: {
              channel: 'system',
              id: 'sla',
              name: now >= disputeAt ? 'dispute deadline near' : 'no answer in time',
            },
            decidedAt: new Date(now).toISOString(),
          };
          continue;
        }
        if (!reminded && now >= approvalSince + slaSettings.remindAfterMinutes * 60_000) {
          reminded = true;
          await sla.remindSeller({ ticketId: input.ticketId, kind: 'reminder' });
        }
      }
      continue;
    }
    const batch = pending.splice(0);
    for (const message of batch) texts.push(message.text);
    if (batch.length > 0) {
      latest = { ...latest, ...batch.at(-1)!, order: { ...latest?.order, ...batch.at(-1)?.order } };
    }
    status = 'classifying';
    revision += 1;

    // A system ticket's first draft is its preset scenario; buyer messages are classified.
    const classification =
      preset && revision === 1
        ? {
            language: preset.language,
            languageConfidence: 1,
            languageUnknown: false,
            category: preset.category,
            confidence: 1,
            abstained: false,
            urgency: 'normal' as const,
            evidence: [`preset:${preset.templateId}`],
            note: preset.reason,
          }
        : await cpu.classifyTicket({
            texts,
            ...(latest?.buyerLocale ? { buyerLocale: latest.buyerLocale } : {}),
            ...(latest?.buyerCountry ? { buyerCountry: latest.buyerCountry } : {}),
            ...(language ? { previousLanguage: language } : {}),
            shopDefaultLanguage: input.shopDefaultLanguage,
            ...(latest?.dispute?.deadline ? { disputeDeadline: latest.dispute.deadline } : {}),
            now: new Date().toISOString(),
          });
    language = classification.language;
    category = classification.category;
    urgency = classification.urgency;

    const draft = await cpu.renderDraft({
      shopId: input.shopId,
      category: classification.category,
      language: classification.language,
      ...(preset && revision === 1 ? { templateId: preset.templateId } : {}),
      vars: {
        ...(preset?.vars ?? {}),
        orderId: input.orderId,
        ...(latest?.buyerName ? { buyerName: latest.buyerName } : {}),
        ...(latest?.order?.trackingNumber ? { trackingNumber: latest.order.trackingNumber } : {}),
        ...(latest?.order?.carrier ? { carrier: latest.order.carrier } : {}),
        ...(latest?.order?.items ? { items: latest.order.items } : {}),
        ...(latest?.order?.total !== undefined ? { total: latest.order.total } : {}),
        ...(latest?.order?.currency ? { currency: latest.order.currency } : {}),
      },
    });

    const draftRecord = {
      ticketId: input.ticketId,
      revision,
      language: classification.language,
      languageConfidence: classification.languageConfidence,
      category: classification.category,
      confidence: classification.confidence,
      urgency: classification.urgency,
      ...('sentiment' in classification && classification.sentiment
        ? { sentiment: classification.sentiment }
        : {}),
      abstained: classification.abstained,
      text: draft.text,
      source: draft.source,
      templateId: draft.templateId,
      templateVersion: draft.templateVersion,
      note: [classification.note, draft.note].filter(Boolean).join(' ') || undefined,
      evidence: classification.evidence,
    };
    const systemDraft = preset !== undefined && revision === 1;
    const mayAutoSend = systemDraft ? preset.autoSend : buyerAutoSend && !escalation;
    const autoSendQuestion = {
      shopId: input.shopId,
      category: classification.category,
      language: classification.language,
      confidence: classification.confidence,
      kind: systemDraft ? ('system' as const) : ('buyer' as const),
      abstained: classification.abstained,
      urgency: classification.urgency,
    };

    if (oneRoundTrip && !escalation) {
      // v5: save, gate, cards and SLA timers in one activity (one round trip instead of four).
      // A card can be pressed before this activity's completion reaches us: accept it meanwhile.
      publishing = true;
      const published = await io.publishDraft({
        draft: draftRecord,
        ...(mayAutoSend && draft.source === 'template' ? { autoSend: autoSendQuestion } : {}),
        ...(teamEscalation && !slaSettings
          ? {
              sla: {
                shopId: input.shopId,
                ...(latest?.dispute?.deadline ? { disputeDeadline: latest.dispute.deadline } : {}),
              },
            }
          : {}),
      });
      publishing = false;
      if (pending.length > 0) continue; // the buyer wrote again meanwhile: the next draft replaces this one
      status = 'awaiting_approval';
      if (published.autoSend?.allowed) {
        if (!decision) {
          autoSent = true;
          decision = {
            ticketId: input.ticketId,
            action: 'approve',
            revision,
            decidedBy: { channel: 'system', id: 'auto-send', name: `auto-send (${published.autoSend.rule})` },
            decidedAt: new Date().toISOString(),
          };
        }
        break;
      }
      if (!listingLinked && classification.category === 'not_as_described' && !preset) {
        listingLinked = true;
        await links.linkListingDispute({ ticketId: input.ticketId }).catch(() => undefined);
      }
      if (teamEscalation) {
        slaSettings ??= published.sla;
        if (slaSettings && latest?.dispute?.deadline)
          slaSettings = { ...slaSettings, disputeDeadline: latest.dispute.deadline };
        approvalSince ??= Date.now();
      }
      continue;
    }

    await io.saveDraft(draftRecord);
    if (pending.length > 0) continue; // the buyer wrote again meanwhile: draft once more before asking
    if (listingDisputes && !listingLinked && classification.category === 'not_as_described' && !preset) {
      listingLinked = true;
      // Bounded and best-effort: the seller's card never waits on the listing bookkeeping for long.
      await links.linkListingDispute({ ticketId: input.ticketId }).catch(() => undefined);
    }
    status = 'awaiting_approval';
    if (mayAutoSend && draft.source === 'template') {
      const verdict = await io.authorizeAutoSend({ ticketId: input.ticketId, ...autoSendQuestion });
      if (verdict.allowed && !decision) {
        autoSent = true;
        decision = {
          ticketId: input.ticketId,
          action: 'approve',
          revision,
          decidedBy: { channel: 'system', id: 'auto-send', name: `auto-send (${verdict.rule})` },
          decidedAt: new Date().toISOString(),
        };
        break;
      }
    }
    if (escalation) {
      status = 'escalated';
      await io.requestApproval({ ticketId: input.ticketId, revision });
      // The team card shows the new draft (edited in place) and the buyer's words go to its thread.
      const redrafted = revision;
      void Promise.all([
        team
          .escalateToTeam({ ticketId: input.ticketId, revision: redrafted, reason: 'the buyer wrote again' })
          .catch(() => undefined),
        ...batch.map((m) =>
          team
            .postBuyerMessageToTeamThread({
              ticketId: input.ticketId,
              messageText: m.text,
              messageId: m.messageId,
            })
            .catch(() => undefined),
        ),
      ]);
      continue;
    }
    await io.requestApproval({ ticketId: input.ticketId, revision });
    if (teamEscalation) {
      slaSettings ??= await sla.loadSlaSettings({
        shopId: input.shopId,
        ...(latest?.dispute?.deadline ? { disputeDeadline: latest.dispute.deadline } : {}),
      });
      if (latest?.dispute?.deadline)
        slaSettings = { ...slaSettings, disputeDeadline: latest.dispute.deadline };
      approvalSince ??= Date.now();
    }
  }

  const decided: DecisionResult = decision;
  const finalStatus: TicketStatus = autoSent
    ? 'auto_sent'
    : decided.action === 'reject'
      ? 'rejected'
      : decided.action === 'escalate'
        ? 'escalated'
        : 'sent';
  status = finalStatus;
  await io.saveDecision({
    ticketId: input.ticketId,
    action: decided.action,
    revision: decided.revision,
    actor: decided.decidedBy,
    ...(editText !== undefined ? { text: editText } : {}),
    decidedAt: decided.decidedAt,
    status: finalStatus,
  });
  if (finalStatus === 'sent' || finalStatus === 'auto_sent') {
    await delivery.deliverReply({ ticketId: input.ticketId, revision: decided.revision });
  }
  await io.closeApprovalCards({ ticketId: input.ticketId });
  if (teamEscalation) await team.closeTeamCards({ ticketId: input.ticketId }).catch(() => undefined);

  // Messages that arrived after the decision belong to a new conversation: hand them on.
  await condition(allHandlersFinished);
  if (pending.length > 0) {
    await io.spinOffMessages({ ticketId: input.ticketId, messageIds: pending.map((m) => m.messageId) });
  }
  return { ticketId: input.ticketId, status, revision: decided.revision, decision: decided };
}
