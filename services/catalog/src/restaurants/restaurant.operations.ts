// The restaurant operations of the API contract, one line each.
import { type OperationHandler, ok } from '@concierge/platform';
import { operatorOnly } from '../access/operator-only.js';
import { pathParam } from '../query/path-param.js';
import type { RestaurantService } from './restaurant.service.js';

export function restaurantOperations(restaurants: RestaurantService): Record<string, OperationHandler> {
  const id = (r: Parameters<OperationHandler>[0]) => pathParam(r, 'restaurantId');
  return {
    listRestaurants: async (r) => ok(await restaurants.list(r.query)),
    getRestaurant: async (r) => ok(await restaurants.get(id(r))),
    createRestaurant: operatorOnly(async (r) => ok(await restaurants.create(r.body), 201)),
    updateRestaurant: operatorOnly(async (r) => ok(await restaurants.update(id(r), r.body))),
    deleteRestaurant: operatorOnly(async (r) => restaurants.delete(id(r)).then(() => ({ status: 204 }))),
  };
}
