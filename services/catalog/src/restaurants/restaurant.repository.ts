// Restaurant rows in `catalog_restaurant` and their opening ranges in `catalog_restaurant_hours`.
import { precompile } from '@concierge/platform';
import type { CompiledQuery, ExpressionBuilder } from 'kysely';
import type { CatalogDb, CatalogTables, RestaurantTable } from '../catalog.tables.js';
import { containsAny } from '../query/like-pattern.js';
import { toDayRanges, type WeekMoment } from './opening-hours.js';
import { toRestaurantRow } from './restaurant.mapper.js';
import type { Restaurant } from './restaurant.types.js';

export interface RestaurantFilter {
  q?: string;
  cuisine?: string;
  area?: string;
  priceLevel?: number;
  minRating?: number;
  openAt?: WeekMoment;
  partySize?: number;
}

/** Best rated first for browsing; id order when searching (see restaurant.service.ts). */
export type RestaurantOrder = { by: 'rating'; after?: [number, string] } | { by: 'id'; after?: [string] };

type Eb = ExpressionBuilder<CatalogTables, 'catalog_restaurant'>;

function where(eb: Eb, f: RestaurantFilter, order: RestaurantOrder) {
  const all = [];
  if (f.q) all.push(containsAny(['name', 'cuisine', 'area'], f.q));
  if (f.cuisine) all.push(eb('cuisine', '=', f.cuisine));
  if (f.area) all.push(eb('area', '=', f.area));
  if (f.priceLevel !== undefined) all.push(eb('price_level', '=', f.priceLevel));
  if (f.minRating !== undefined) all.push(eb('rating', '>=', f.minRating));
  if (f.partySize !== undefined) all.push(eb('max_party', '>=', f.partySize));
  if (f.openAt) {
    const { day, minute } = f.openAt;
    const open = eb
      .selectFrom('catalog_restaurant_hours as h')
      .select('h.day')
      .whereRef('h.restaurant_id', '=', 'catalog_restaurant.id')
      .where('h.day', '=', day)
      .where('h.open_minute', '<=', minute)
      .where('h.close_minute', '>', minute);
    all.push(eb.exists(open));
  }
  if (order.by === 'id' && order.after) all.push(eb('id', '>', order.after[0]));
  if (order.by === 'rating' && order.after) {
    const [rating, id] = order.after;
    all.push(eb.or([eb('rating', '<', rating), eb.and([eb('rating', '=', rating), eb('id', '>', id)])]));
  }
  return eb.and(all);
}

/** The values of a list without a text search, named, in a fixed order; only the filters that are set. */
function listValues(f: RestaurantFilter, order: RestaurantOrder, limit: number): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  if (f.cuisine) values.cuisine = f.cuisine;
  if (f.area) values.area = f.area;
  if (f.priceLevel !== undefined) values.priceLevel = f.priceLevel;
  if (f.minRating !== undefined) values.minRating = f.minRating;
  if (f.partySize !== undefined) values.partySize = f.partySize;
  if (f.openAt) {
    values.day = f.openAt.day;
    values.minute = f.openAt.minute;
  }
  if (order.after) {
    if (order.by === 'rating') values.afterRating = order.after[0];
    values.afterId = order.by === 'rating' ? order.after[1] : order.after[0];
  }
  values.limit = limit;
  return values;
}

/** The filters whose key in `listValues` is their own name. */
const filterKeys = { cuisine: 0, area: 0, priceLevel: 0, minRating: 0, partySize: 0 } as const;

/**
 * The filter and order named by `listValues`' keys, each value read through `value` (the markers of
 * `precompile`): `listValues` alone decides which filters are set.
 */
function fromValues(
  keys: string[],
  by: RestaurantOrder['by'],
  value: (name: string) => never,
): [RestaurantFilter, RestaurantOrder] {
  const filter: RestaurantFilter = {};
  for (const key of keys) {
    if (key === 'day') filter.openAt = { day: value('day'), minute: value('minute') };
    else if (key in filterKeys) filter[key as keyof typeof filterKeys] = value(key);
  }
  const after = keys.includes('afterId')
    ? by === 'rating'
      ? [value('afterRating'), value('afterId')]
      : [value('afterId')]
    : undefined;
  return [filter, { by, ...(after ? { after } : {}) } as RestaurantOrder];
}

export class RestaurantRepository {
  // Compiled once: single reads are the hot path and need no query building per call.
  private readonly byId: CompiledQuery<RestaurantTable>;
  /**
   * The list's SQL for each shape of filter (which filters are set, the order, whether it continues a page),
   * compiled on first use: a search then only binds its values (the chat's dining suggestions run one a turn).
   */
  private readonly listByShape = new Map<
    string,
    (values: Record<string, unknown>) => CompiledQuery<RestaurantTable>
  >();

  constructor(private readonly db: CatalogDb) {
    this.byId = db.selectFrom('catalog_restaurant').selectAll().where('id', '=', '').compile();
  }

  async findById(id: string): Promise<RestaurantTable | undefined> {
    const result = await this.db.executeQuery<RestaurantTable>({ ...this.byId, parameters: [id] });
    return result.rows[0];
  }

  async list(filter: RestaurantFilter, order: RestaurantOrder, limit: number): Promise<RestaurantTable[]> {
    // A text search's LIKE patterns are built from the text itself, so it is built per call.
    if (filter.q) return this.listQuery(filter, order, limit).execute();
    const values = listValues(filter, order, limit);
    const shape = Object.keys(values).join(',') + order.by;
    let bind = this.listByShape.get(shape);
    if (!bind) {
      const names = Object.keys(values);
      bind = precompile(names, (p) =>
        this.listQuery(...fromValues(names, order.by, (name) => p[name] as never), p.limit as never),
      );
      this.listByShape.set(shape, bind);
    }
    return (await this.db.executeQuery(bind(values))).rows;
  }

  private listQuery(filter: RestaurantFilter, order: RestaurantOrder, limit: number) {
    const query = this.db
      .selectFrom('catalog_restaurant')
      .selectAll()
      .where((eb) => where(eb, filter, order))
      .limit(limit);
    return order.by === 'rating' ? query.orderBy('rating', 'desc').orderBy('id') : query.orderBy('id');
  }

  /** Inserts restaurants with their opening ranges. */
  async insert(restaurants: Restaurant[]): Promise<void> {
    if (restaurants.length === 0) return;
    await this.db.insertInto('catalog_restaurant').values(restaurants.map(toRestaurantRow)).execute();
    const hours = restaurants.flatMap((r) => toDayRanges(r.id, r.openingHours));
    if (hours.length > 0) await this.db.insertInto('catalog_restaurant_hours').values(hours).execute();
  }

  /** Replaces the row and its opening ranges in one transaction; false when it no longer exists. */
  async replace(restaurant: Restaurant): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const { id, ...changes } = toRestaurantRow(restaurant);
      const result = await trx
        .updateTable('catalog_restaurant')
        .set(changes)
        .where('id', '=', id)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) return false;
      await trx.deleteFrom('catalog_restaurant_hours').where('restaurant_id', '=', id).execute();
      const hours = toDayRanges(id, restaurant.openingHours);
      if (hours.length > 0) await trx.insertInto('catalog_restaurant_hours').values(hours).execute();
      return true;
    });
  }

  /** Deletes the ranges explicitly too, so nothing depends on the connection enforcing foreign keys. */
  async delete(id: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('catalog_restaurant_hours').where('restaurant_id', '=', id).execute();
      const result = await trx.deleteFrom('catalog_restaurant').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    });
  }

  async deleteAll(): Promise<void> {
    await this.db.deleteFrom('catalog_restaurant_hours').execute();
    await this.db.deleteFrom('catalog_restaurant').execute();
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('catalog_restaurant')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Distinct values of `cuisine` or `area`, sorted. */
  async distinct(column: 'cuisine' | 'area'): Promise<string[]> {
    const rows = await this.db
      .selectFrom('catalog_restaurant')
      .select(column)
      .distinct()
      .orderBy(column)
      .execute();
    return rows.map((r) => r[column]);
  }
}
