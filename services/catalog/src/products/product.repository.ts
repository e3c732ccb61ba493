// Product rows in `catalog_product`: keyset listing with filters, lookups and writes.
import { precompile } from '@concierge/platform';
import type { CompiledQuery, ExpressionBuilder } from 'kysely';
import type { CatalogDb, CatalogTables, ProductTable } from '../catalog.tables.js';
import { containsAny } from '../query/like-pattern.js';
import { toProductRow } from './product.mapper.js';
import type { Product } from './product.types.js';

export interface ProductFilter {
  q?: string;
  tag?: string;
  minPrice?: number;
  maxPrice?: number;
  inStock?: boolean;
}

/** Name order for browsing; id order when searching (see product.service.ts). */
export type ProductOrder = { by: 'name'; after?: [string, string] } | { by: 'id'; after?: [string] };

type Eb = ExpressionBuilder<CatalogTables, 'catalog_product'>;

const productColumns = [
  'id',
  'name',
  'description',
  'price_amount',
  'price_currency',
  'image_url',
  'tags',
  'stock',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof ProductTable)[];
/** Fails to compile when a column of the table is missing above (the precompiled insert would leave it out). */
const everyColumn: [Exclude<keyof ProductTable, (typeof productColumns)[number]>] extends [never]
  ? true
  : never = true;
void everyColumn;

function where(eb: Eb, filter: ProductFilter, order: ProductOrder) {
  const all = [];
  if (filter.q) all.push(containsAny(['name', 'description', 'tags'], filter.q));
  // Tags are stored as a JSON array of slugs, so a quoted tag matches whole tags only.
  if (filter.tag) all.push(containsAny(['tags'], `"${filter.tag}"`));
  if (filter.minPrice !== undefined) all.push(eb('price_amount', '>=', filter.minPrice));
  if (filter.maxPrice !== undefined) all.push(eb('price_amount', '<=', filter.maxPrice));
  if (filter.inStock === true) all.push(eb('stock', '>', 0));
  if (filter.inStock === false) all.push(eb('stock', '=', 0));
  if (order.by === 'id' && order.after) all.push(eb('id', '>', order.after[0]));
  if (order.by === 'name' && order.after) {
    const [name, id] = order.after;
    all.push(eb.or([eb('name', '>', name), eb.and([eb('name', '=', name), eb('id', '>', id)])]));
  }
  return eb.and(all);
}

export class ProductRepository {
  // Compiled once: the single-product read is the hot path and needs no query building per call.
  private readonly byId: CompiledQuery<ProductTable>;
  /** One product's insert (an operator's create), compiled once. */
  private readonly insertOne;

  constructor(private readonly db: CatalogDb) {
    this.byId = db.selectFrom('catalog_product').selectAll().where('id', '=', '').compile();
    this.insertOne = precompile(productColumns, (p) => db.insertInto('catalog_product').values(p));
  }

  async findById(id: string): Promise<ProductTable | undefined> {
    const result = await this.db.executeQuery<ProductTable>({ ...this.byId, parameters: [id] });
    return result.rows[0];
  }

  list(filter: ProductFilter, order: ProductOrder, limit: number): Promise<ProductTable[]> {
    const query = this.db
      .selectFrom('catalog_product')
      .selectAll()
      .where((eb) => where(eb, filter, order))
      .limit(limit);
    return order.by === 'name'
      ? query.orderBy('name').orderBy('id').execute()
      : query.orderBy('id').execute();
  }

  async insert(products: Product[]): Promise<void> {
    if (products.length === 1) await this.db.executeQuery(this.insertOne(toProductRow(products[0]!)));
    else if (products.length > 0)
      await this.db.insertInto('catalog_product').values(products.map(toProductRow)).execute();
  }

  /** False when the product no longer exists. */
  async replace(product: Product): Promise<boolean> {
    const { id, ...changes } = toProductRow(product);
    const result = await this.db
      .updateTable('catalog_product')
      .set(changes)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('catalog_product').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async deleteAll(): Promise<void> {
    await this.db.deleteFrom('catalog_product').execute();
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('catalog_product')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Every tag in use, distinct and sorted. */
  async tags(): Promise<string[]> {
    const rows = await this.db.selectFrom('catalog_product').select('tags').distinct().execute();
    return [...new Set(rows.flatMap((r) => JSON.parse(r.tags) as string[]))].sort();
  }
}
