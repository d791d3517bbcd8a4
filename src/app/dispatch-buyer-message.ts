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

/**
 * Starts a new ticket's workflow with its first message as input (no signal event in its history).
 * `eager` asks the server to hand the first workflow task straight back in the answer, to a worker
 * of this process on the same `NativeConnection` (no matching round trip). A workflow already
 * started for the ticket refuses it (`WorkflowExecutionAlreadyStartedError`): signal it then.
 * Says whether the server did start it eagerly.
 */
export async function startTicketWithMessage(
  client: Client,
  taskQueue: string,
  message: BuyerMessageDispatch,
  options: { eager?: boolean; priority?: { priorityKey?: number; fairnessKey?: string } } = {},
): Promise<{ eagerlyStarted: boolean }> {
  const input: TicketInput = {
    ticketId: message.ticketId,
    shopId: message.shopId,
    inbox: [message.messageId],
  };
  const handle = await client.workflow.start(TICKET_WORKFLOW, {
    taskQueue,
    workflowId: ticketWorkflowId(message.ticketId),
    workflowIdReusePolicy: 'REJECT_DUPLICATE',
    ...(options.priority ? { priority: options.priority } : {}),
    ...(options.eager ? { requestEagerStart: true } : {}),
    args: [input],
  });
  return { eagerlyStarted: handle.eagerlyStarted === true };
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
