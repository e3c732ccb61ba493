// Restaurant rules: listing with filters ("open at", party size) and keyset paging, and operator writes.
import { AppError, parseInput } from '@concierge/platform';
import { cursorCodec, isTuple } from '../paging/cursor.js';
import { type Page, toPage } from '../paging/page.js';
import { cuisineImage } from './cuisines.js';
import { toRestaurant } from './restaurant.mapper.js';
import type { RestaurantOrder, RestaurantRepository } from './restaurant.repository.js';
import { newRestaurantSchema, restaurantListSchema, restaurantPatchSchema } from './restaurant.schemas.js';
import type { Restaurant } from './restaurant.types.js';

const byRating = cursorCodec('restaurants:rating', isTuple<[number, string]>('number', 'string'));
const byId = cursorCodec('restaurants:id', isTuple<[string]>('string'));

export class RestaurantService {
  constructor(
    private readonly repository: RestaurantRepository,
    private readonly now: () => Date,
    private readonly newId: (prefix: string) => string,
  ) {}

  /** Search results come in id (creation) order: there is no relevance score, and a stable order is enough. */
  async list(input: unknown): Promise<Page<Restaurant>> {
    const { limit, cursor, ...filter } = parseInput(restaurantListSchema, input, 'query');
    const order: RestaurantOrder = filter.q
      ? { by: 'id', ...(cursor ? { after: byId.decode(cursor) } : {}) }
      : { by: 'rating', ...(cursor ? { after: byRating.decode(cursor) } : {}) };
    const rows = await this.repository.list(filter, order, limit + 1);
    return toPage(rows, limit, toRestaurant, (row) =>
      order.by === 'id' ? byId.encode([row.id]) : byRating.encode([Number(row.rating), row.id]),
    );
  }

  async get(id: string): Promise<Restaurant> {
    const row = await this.repository.findById(id);
    if (!row) throw AppError.notFound(`restaurant ${id}`);
    return toRestaurant(row);
  }

  async create(input: unknown): Promise<Restaurant> {
    const fields = parseInput(newRestaurantSchema, input, 'body');
    const at = this.now().toISOString();
    const restaurant: Restaurant = {
      ...fields,
      id: this.newId('rst'),
      imageUrl: fields.imageUrl ?? cuisineImage(fields.cuisine),
      createdAt: at,
      updatedAt: at,
    };
    await this.repository.insert([restaurant]);
    return restaurant;
  }

  async update(id: string, input: unknown): Promise<Restaurant> {
    const patch = parseInput(restaurantPatchSchema, input, 'body');
    const current = await this.get(id);
    const next: Restaurant = {
      ...current,
      ...patch,
      address: { ...current.address, ...patch.address },
      location: { ...current.location, ...patch.location },
      updatedAt: this.now().toISOString(),
    };
    if (!(await this.repository.replace(next))) throw AppError.notFound(`restaurant ${id}`);
    return next;
  }

  async delete(id: string): Promise<void> {
    if (!(await this.repository.delete(id))) throw AppError.notFound(`restaurant ${id}`);
  }
}
