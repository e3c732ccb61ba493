// The catalog as the chat sees it: a port, implemented in process over the catalog's ServiceModule.
import { AppError, type Caller, type OperationRequest, type ServiceModule } from '@concierge/platform';
import type { Facets } from '../dialog/lexicon.js';
import type { BookingInfo, BookingRequest, ProductInfo, RestaurantInfo } from './recommend.types.js';

export interface RestaurantQuery {
  cuisine?: string;
  area?: string;
  /** Local `YYYY-MM-DDTHH:MM`. */
  openAt?: string;
  partySize?: number;
  limit?: number;
}

export interface ProductQuery {
  q?: string;
  tag?: string;
  maxPrice?: number;
  inStock?: boolean;
  limit?: number;
}

export interface CatalogClient {
  listRestaurants(query: RestaurantQuery): Promise<RestaurantInfo[]>;
  listProducts(query: ProductQuery): Promise<ProductInfo[]>;
  facets(): Promise<Facets>;
  /** Books a table for `caller` (the catalog's `createBooking`); rejects with the catalog's AppError. */
  book(caller: Caller, restaurantId: string, request: BookingRequest): Promise<BookingInfo>;
}

/**
 * Calls the catalog's operations directly, as the gateway would (public reads, no caller).
 * @example const catalogClient = inProcessCatalogClient(catalog.module);
 */
export function inProcessCatalogClient(catalog: ServiceModule): CatalogClient {
  const call = async (
    operationId: string,
    query: Record<string, unknown>,
    extra: Partial<OperationRequest> = {},
  ) => {
    const handler = catalog.operations[operationId];
    if (!handler) throw new AppError('unavailable', `catalog has no operation ${operationId}`);
    const defined = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined));
    const request: OperationRequest = {
      operationId,
      params: {},
      query: defined,
      body: undefined,
      headers: {},
      caller: null,
      requestId: 'chat',
      ...extra,
    };
    return (await handler(request)).body;
  };
  return {
    listRestaurants: async (query) =>
      ((await call('listRestaurants', { ...query })) as { items: RestaurantInfo[] }).items,
    listProducts: async (query) =>
      ((await call('listProducts', { ...query })) as { items: ProductInfo[] }).items,
    facets: async () => (await call('getCatalogFacets', {})) as Facets,
    book: async (caller, restaurantId, request) =>
      (await call('createBooking', {}, { caller, params: { restaurantId }, body: request })) as BookingInfo,
  };
}
