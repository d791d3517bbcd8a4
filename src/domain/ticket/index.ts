export * from './correction.js';
export * from './decision.js';
export * from './flow.js';
export * from './sla.js';
export * from './types.js';
