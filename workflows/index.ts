export { cardErasureWorkflow } from './erasure.js';
export { listingValidationWorkflow } from './listing-validation.js';
export { dailyDigestWorkflow, monthlySummaryWorkflow, retentionWorkflow } from './maintenance.js';
export { shipmentWatchWorkflow } from './shipment-watch.js';
export { ticketWorkflow } from './ticket.js';
