// Internal stock operations for the orders service; absent from the OpenAPI document, so never routed publicly.
import { type OperationHandler, ok } from '@concierge/platform';
import type { StockService } from './stock.service.js';

export function stockOperations(stock: StockService): Record<string, OperationHandler> {
  return {
    reserveStock: async (r) => ok(await stock.reserve(r.body)),
    releaseStock: async (r) => ok(await stock.release(r.body)),
  };
}
