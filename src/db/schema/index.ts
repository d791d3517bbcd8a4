export type { DisputeFacts, OrderFacts } from '../../domain/types.js';
export * from './deliveries.js';
export * from './dictionary.js';
export * from './governance.js';
export * from './logistics.js';
export * from './shops.js';
export * from './slack.js';
export * from './templates.js';
export * from './tickets.js';
