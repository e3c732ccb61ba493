// Product rules: listing with filters and keyset paging, and operator writes with validation.
import { AppError, parseInput } from '@concierge/platform';
import { cursorCodec, isTuple } from '../paging/cursor.js';
import { type Page, toPage } from '../paging/page.js';
import { toProduct } from './product.mapper.js';
import type { ProductOrder, ProductRepository } from './product.repository.js';
import { newProductSchema, productListSchema, productPatchSchema } from './product.schemas.js';
import type { Product } from './product.types.js';

const byName = cursorCodec('products:name', isTuple<[string, string]>('string', 'string'));
const byId = cursorCodec('products:id', isTuple<[string]>('string'));

const placeholderProductImage = '/images/products/placeholder.svg';

export class ProductService {
  constructor(
    private readonly repository: ProductRepository,
    private readonly now: () => Date,
    private readonly newId: (prefix: string) => string,
  ) {}

  /** Search results come in id (creation) order: there is no relevance score, and a stable order is enough. */
  async list(input: unknown): Promise<Page<Product>> {
    const { limit, cursor, ...filter } = parseInput(productListSchema, input, 'query');
    const order: ProductOrder = filter.q
      ? { by: 'id', ...(cursor ? { after: byId.decode(cursor) } : {}) }
      : { by: 'name', ...(cursor ? { after: byName.decode(cursor) } : {}) };
    const rows = await this.repository.list(filter, order, limit + 1);
    return toPage(rows, limit, toProduct, (row) =>
      order.by === 'id' ? byId.encode([row.id]) : byName.encode([row.name, row.id]),
    );
  }

  async get(id: string): Promise<Product> {
    const row = await this.repository.findById(id);
    if (!row) throw AppError.notFound(`product ${id}`);
    return toProduct(row);
  }

  async create(input: unknown): Promise<Product> {
    const fields = parseInput(newProductSchema, input, 'body');
    const at = this.now().toISOString();
    const product: Product = {
      ...fields,
      id: this.newId('prd'),
      imageUrl: fields.imageUrl ?? placeholderProductImage,
      createdAt: at,
      updatedAt: at,
    };
    await this.repository.insert([product]);
    return product;
  }

  async update(id: string, input: unknown): Promise<Product> {
    const patch = parseInput(productPatchSchema, input, 'body');
    const current = await this.get(id);
    const next: Product = {
      ...current,
      ...patch,
      price: { ...current.price, ...patch.price },
      updatedAt: this.now().toISOString(),
    };
    if (!(await this.repository.replace(next))) throw AppError.notFound(`product ${id}`);
    return next;
  }

  async delete(id: string): Promise<void> {
    if (!(await this.repository.delete(id))) throw AppError.notFound(`product ${id}`);
  }
}
