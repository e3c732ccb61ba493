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
  minPrice?: number;
  maxPrice?: number;
  inStock?: boolean;
  limit?: number;
}

export interface CatalogClient {
  listRestaurants(query: RestaurantQuery): Promise<RestaurantInfo[]>;
  listProducts(query: ProductQuery): Promise<ProductInfo[]>;
  facets(): Promise<Facets>;
  /** Every restaurant, so that the dialog recognizes one named in a message ("book a table at Pizzeria Luna"). */
  restaurantDirectory(): Promise<RestaurantInfo[]>;
  /** Every product, so that the dialog recognizes one named in a message ("the sunflower mason jar"). */
  productDirectory(): Promise<ProductInfo[]>;
  /** Books a table for `caller` (the catalog's `createBooking`); rejects with the catalog's AppError. */
  book(caller: Caller, restaurantId: string, request: BookingRequest): Promise<BookingInfo>;
}

/**
 * Calls the catalog's operations directly, as the gateway would (public reads, no caller).
 * @example const catalogClient = inProcessCatalogClient(catalog.module);
 */
export function inProcessCatalogClient(catalog: ServiceModule): CatalogClient {
  const respond = async (
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
    return handler(request);
  };
  const call = async (...args: Parameters<typeof respond>) => (await respond(...args)).body;
  return {
    listRestaurants: async (query) =>
      ((await call('listRestaurants', { ...query })) as { items: RestaurantInfo[] }).items,
    listProducts: async (query) =>
      ((await call('listProducts', { ...query })) as { items: ProductInfo[] }).items,
    facets: async () => (await call('getCatalogFacets', {})) as Facets,
    restaurantDirectory: async () => {
      const all: RestaurantInfo[] = [];
      let cursor: string | null = null;
      // Bounded: 100 pages of 100 is far more than a city's restaurants.
      for (let page = 0; page < 100; page += 1) {
        const answer = (await call('listRestaurants', { limit: 100, cursor: cursor ?? undefined })) as {
          items: RestaurantInfo[];
          nextCursor: string | null;
        };
        all.push(...answer.items);
        cursor = answer.nextCursor;
        if (!cursor) break;
      }
      return all;
    },
    productDirectory: async () => {
      const all: ProductInfo[] = [];
      let cursor: string | null = null;
      // Bounded, as the restaurants are.
      for (let page = 0; page < 100; page += 1) {
        const answer = (await call('listProducts', { limit: 100, cursor: cursor ?? undefined })) as {
          items: ProductInfo[];
          nextCursor: string | null;
        };
        all.push(...answer.items);
        cursor = answer.nextCursor;
        if (!cursor) break;
      }
      return all;
    },
    book: async (caller, restaurantId, request) => {
      const res = await respond('createBooking', {}, { caller, params: { restaurantId }, body: request });
      // 201 is a new booking; 200 is the caller's booking of that table and time made before.
      return { ...(res.body as BookingInfo), created: res.status !== 200 };
    },
  };
}
