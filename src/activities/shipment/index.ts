import { createCouponActivities } from './coupon.js';
import type { ShipmentActivityDeps } from './deps.js';
import { createEscalationActivities } from './escalation.js';
import { createShipmentStateActivities } from './state.js';
import { createSystemTicketActivities } from './system-tickets.js';

export type { CouponOutcome } from './coupon.js';
export type { EscalationReason, ShipmentActivityDeps, ShipmentFacts, SupportNotice } from './deps.js';
export type { ShipmentSnapshot } from './state.js';
export {
  DELAY_UPDATE_TEMPLATE,
  PICKUP_TEMPLATE,
  STALL_APOLOGY_TEMPLATE,
  type TicketOpening,
} from './system-tickets.js';

/** Activities of the shipment watch: thin load -> domain -> persist -> notify steps. */
export function createShipmentActivities(deps: ShipmentActivityDeps) {
  return {
    ...createShipmentStateActivities(deps),
    ...createCouponActivities(deps),
    ...createSystemTicketActivities(deps),
    ...createEscalationActivities(deps),
  };
}

/** The activity functions as the shipment watch sees them (type-only import there). */
export type ShipmentActivities = ReturnType<typeof createShipmentActivities>;
