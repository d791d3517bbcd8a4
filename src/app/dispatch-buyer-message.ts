import type { Client } from '@temporalio/client';
import {
  buyerMessageSignal,
  TICKET_WORKFLOW,
  type TicketInput,
  ticketWorkflowId,
} from '../../workflows/contracts/ticket.js';

/** A stored buyer message to hand to its ticket workflow: ids only, the text stays in the database. */
export interface BuyerMessageDispatch {
  ticketId: string;
  shopId: string;
  messageId: string;
}

/**
 * The one call that starts or wakes a ticket workflow for a buyer message (intake, outbox
 * drainers and spin-offs meet here). Signal-with-start: a new ticket's workflow starts with its
 * first message, an open one gets the message id. A closed ticket refuses the start
 * (`WorkflowExecutionAlreadyStartedError`); its late messages are spun off by the workflow itself.
 */
export async function dispatchBuyerMessage(
  client: Client,
  taskQueue: string,
  message: BuyerMessageDispatch,
  options: { priority?: { priorityKey?: number; fairnessKey?: string } } = {},
): Promise<void> {
  const input: TicketInput = { ticketId: message.ticketId, shopId: message.shopId };
  await client.workflow.signalWithStart(TICKET_WORKFLOW, {
    taskQueue,
    workflowId: ticketWorkflowId(message.ticketId),
    workflowIdReusePolicy: 'REJECT_DUPLICATE',
    ...(options.priority ? { priority: options.priority } : {}),
    args: [input],
    signal: buyerMessageSignal,
    signalArgs: [{ messageId: message.messageId }],
  });
}

/** Starts the workflow of a ticket sellerdesk opened itself; its preset is stored with the ticket. */
export async function startSystemTicket(
  client: Client,
  taskQueue: string,
  ticket: { ticketId: string; shopId: string },
): Promise<void> {
  const input: TicketInput = { ticketId: ticket.ticketId, shopId: ticket.shopId, system: true };
  await client.workflow.start(TICKET_WORKFLOW, {
    taskQueue,
    workflowId: ticketWorkflowId(ticket.ticketId),
    workflowIdReusePolicy: 'REJECT_DUPLICATE',
    args: [input],
  });
}
