// The product operations of the API contract, one line each.
import { type OperationHandler, ok } from '@concierge/platform';
import { operatorOnly } from '../access/operator-only.js';
import { pathParam } from '../query/path-param.js';
import type { ProductService } from './product.service.js';

export function productOperations(products: ProductService): Record<string, OperationHandler> {
  const id = (r: Parameters<OperationHandler>[0]) => pathParam(r, 'productId');
  return {
    listProducts: async (r) => ok(await products.list(r.query)),
    getProduct: async (r) => ok(await products.get(id(r))),
    createProduct: operatorOnly(async (r) => ok(await products.create(r.body), 201)),
    updateProduct: operatorOnly(async (r) => ok(await products.update(id(r), r.body))),
    deleteProduct: operatorOnly(async (r) => products.delete(id(r)).then(() => ({ status: 204 }))),
  };
}
