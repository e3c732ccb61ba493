// The delivery log operation of the API contract.
import { type OperationHandler, ok } from '@concierge/platform';
import { callerId } from '../http/caller-id.js';
import type { DeliveryLogService } from './delivery-log.service.js';

export function deliveryOperations(log: DeliveryLogService): Record<string, OperationHandler> {
  return {
    listDeliveries: async (r) => ok(await log.list(callerId(r), r.query)),
  };
}
