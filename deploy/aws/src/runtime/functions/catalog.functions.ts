// The catalog function: products and restaurants.
import { createCatalogService } from '@concierge/catalog';
import { serviceHttp as http, type ServiceContext } from './context.js';

export async function catalogFunctions(ctx: ServiceContext) {
  const catalog = createCatalogService({ store: ctx.store });
  return { http: await http(ctx, 'catalog', [catalog.module]) };
}
