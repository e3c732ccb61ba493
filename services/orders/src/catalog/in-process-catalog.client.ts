// The catalog port over the catalog's ServiceModule: the same seam the gateway uses, in process, with a timeout.
import { AppError, isAppError, type OperationRequest, type ServiceModule } from '@concierge/platform';
import { withDeadline } from '../timing/deadline.js';
import type { CatalogClient, CatalogProduct } from './catalog.client.js';

export interface InProcessCatalogOptions {
  /** Each call fails as 'unavailable' after this long. */
  timeoutMs?: number;
}

/**
 * @example
 * const catalogClient = createInProcessCatalogClient(catalog.module, { timeoutMs: 2_000 });
 */
export function createInProcessCatalogClient(
  catalog: ServiceModule,
  options: InProcessCatalogOptions = {},
): CatalogClient {
  const timeoutMs = options.timeoutMs ?? 5_000;

  async function call(operationId: string, parts: Partial<OperationRequest>): Promise<unknown> {
    const handler = catalog.operations[operationId];
    if (!handler) throw new AppError('unavailable', `The catalog has no operation ${operationId}.`);
    const request: OperationRequest = {
      operationId,
      params: {},
      query: {},
      body: undefined,
      headers: {},
      caller: null,
      requestId: `orders-${operationId}`,
      ...parts,
    };
    return (await withDeadline(timeoutMs, `The catalog's ${operationId}`, handler(request))).body;
  }

  return {
    async getProduct(id) {
      try {
        return (await call('getProduct', { params: { productId: id } })) as CatalogProduct;
      } catch (error) {
        if (isAppError(error) && error.kind === 'not_found') return undefined;
        throw error;
      }
    },
    async reserveStock(request) {
      await call('reserveStock', { body: request });
    },
    async releaseStock(request) {
      await call('releaseStock', { body: request });
    },
  };
}
