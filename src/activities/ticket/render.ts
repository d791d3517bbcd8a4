import { ApplicationFailure } from '@temporalio/common';
import { shipmentsOfOrder } from '../../db/shipments-repo.js';
import { stallApologiesOfOrder } from '../../db/system-tickets-repo.js';
import { findOverride } from '../../db/templates-repo.js';
import { getTicket } from '../../db/tickets-repo.js';
import { carrierDisplayName, resolveCarrier } from '../../domain/logistics/carriers.js';
import {
  type ApologyTicketStatus,
  isStallApologyOf,
  type LogisticsFollowup,
  planLogisticsFollowup,
  relevantApology,
  type WatchedShipment,
  WHERE_IS_MY_ORDER_CATEGORIES,
} from '../../domain/logistics/followup.js';
import { checkpointText } from '../../domain/logistics/stall.js';
import {
  MissingTemplateVariableError,
  type ReplyVars,
  TemplateLanguageMismatchError,
  TemplateOverrideError,
} from '../../domain/reply/index.js';
import type { Category, Language } from '../../domain/types.js';
import type { TicketActivityDeps } from './deps.js';

/** A rendered draft, or a fallback with a note saying why the seller must write it. */
export interface RenderedDraft {
  text: string;
  source: 'template' | 'fallback';
  templateId?: string;
  templateVersion?: number;
  note?: string;
}

/** The draft renderer: the category's template in the buyer's language, with the logistics follow-up. */
export function createDraftRenderer(deps: TicketActivityDeps) {
  const { db, renderer } = deps;

  /** The follow-up plan for a "where is my order" ticket of an order with a recent stall apology. */
  async function logisticsFollowup(
    shopId: string,
    orderId: string,
    category: Category,
  ): Promise<LogisticsFollowup | null> {
    if (!WHERE_IS_MY_ORDER_CATEGORIES.includes(category)) return null;
    const rows = await shipmentsOfOrder(db, shopId, orderId);
    if (rows.length === 0) return null;
    // The watch mirrors its actions into `shipments` at the end of its round (after a slow
    // escalation, say); an apology ticket it already opened is read where it is written, with its
    // coupon, in one transaction, so a buyer asking meanwhile is not answered as if none existed.
    const apologies = await stallApologiesOfOrder(db, shopId, orderId);
    const watched: WatchedShipment[] = rows.map((row) => {
      const mirrored = new Set(
        row.actions.filter((a) => a.kind === 'apology_opened').map((a) => a.details?.ticketId),
      );
      const opened = apologies
        .filter((a) => isStallApologyOf(a.systemKey, row.trackingNumber) && !mirrored.has(a.ticketId))
        .map((a) => ({
          at: a.openedAt.toISOString(),
          kind: 'apology_opened',
          details: { ticketId: a.ticketId },
        }));
      const latest = [...row.events].sort((a, b) => Date.parse(b.at) - Date.parse(a.at))[0];
      return {
        trackingNumber: row.trackingNumber,
        carrier: row.carrier,
        state: row.state,
        lastEventAt: row.lastEventAt?.toISOString() ?? null,
        ...(latest
          ? {
              lastCheckpoint: checkpointText(resolveCarrier(row.carrier), {
                description: latest.description,
              }),
            }
          : {}),
        actions: [...row.actions, ...opened],
      };
    });
    const now = new Date();
    const apology = relevantApology(watched, now);
    if (!apology) return null;
    const apologyTicket = await getTicket(db, apology.ticketId);
    const status = (): ApologyTicketStatus => {
      if (!apologyTicket || apologyTicket.shopId !== shopId) return 'unknown';
      if (apologyTicket.status === 'sent' || apologyTicket.status === 'auto_sent') return 'sent';
      // A closed apology (its buyer erased) was never sent: no follow-up builds on it.
      if (apologyTicket.status === 'rejected' || apologyTicket.status === 'closed') return 'rejected';
      return 'pending';
    };
    return planLogisticsFollowup({ category, shipments: watched, apologyStatus: status, now });
  }

  return {
    /** Renders the reply template for the category in the buyer's language (a local activity). */
    async renderDraft(input: {
      category: Category;
      language: Language;
      templateId?: string;
      shopId?: string;
      /** false: the shop has no template overrides (its ticket read said so), none is looked up. */
      overrides?: boolean;
      vars: ReplyVars;
    }): Promise<RenderedDraft> {
      // A buyer asking where the order is while a stall apology is pending or was just sent gets
      // a follow-up citing the latest checkpoint, not a generic reply or a second apology.
      const followup =
        input.templateId === undefined && input.shopId
          ? await logisticsFollowup(input.shopId, input.vars.orderId, input.category)
          : null;
      const chosenId = followup?.templateId ?? input.templateId;
      const merged = followup ? { ...input.vars, ...followup.vars } : input.vars;
      const vars =
        typeof merged.carrier === 'string'
          ? { ...merged, carrier: carrierDisplayName(merged.carrier) }
          : merged;
      const templateId = chosenId ?? `${input.category}.default`;
      const override =
        input.shopId && input.overrides !== false
          ? await findOverride(db, input.shopId, templateId, input.language)
          : null;
      const attempt = (overrideText?: string) =>
        renderer.render({
          category: input.category,
          language: input.language,
          vars,
          ...(chosenId ? { templateId: chosenId } : {}),
          ...(overrideText !== undefined ? { overrideText } : {}),
        });
      let note: string | undefined = followup?.note;
      try {
        let rendered: ReturnType<typeof attempt>;
        try {
          rendered = attempt(override?.text);
        } catch (error) {
          if (
            !override ||
            !(error instanceof TemplateOverrideError || error instanceof TemplateLanguageMismatchError)
          ) {
            throw error;
          }
          // A shop override that no longer fits: fall back to the catalogue text and say so.
          note = [
            note,
            `The shop's own text for ${templateId} (${input.language}) could not be used: ${error.message}. The catalogue text was used.`,
          ]
            .filter(Boolean)
            .join(' ');
          rendered = attempt();
        }
        return {
          text: rendered.text,
          source: 'template',
          templateId: rendered.templateId,
          templateVersion: rendered.templateVersion,
          ...(note ? { note } : {}),
        };
      } catch (error) {
        if (error instanceof MissingTemplateVariableError) {
          return {
            text: '',
            source: 'fallback',
            templateId: error.templateId,
            note: `No draft: the template needs ${error.missing.join(', ')}. Write the reply with Edit.`,
          };
        }
        throw ApplicationFailure.nonRetryable(
          `rendering failed: ${(error as Error).message}`,
          'render_failed',
        );
      }
    },
  };
}
