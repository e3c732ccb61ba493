// Facets: the distinct values a client can filter by, so menus and the chat never offer a dead end.
import type { ProductRepository } from '../products/product.repository.js';
import type { RestaurantRepository } from '../restaurants/restaurant.repository.js';

export interface CatalogFacets {
  cuisines: string[];
  areas: string[];
  tags: string[];
}

export class FacetService {
  constructor(
    private readonly products: ProductRepository,
    private readonly restaurants: RestaurantRepository,
  ) {}

  async get(): Promise<CatalogFacets> {
    const [cuisines, areas, tags] = await Promise.all([
      this.restaurants.distinct('cuisine'),
      this.restaurants.distinct('area'),
      this.products.tags(),
    ]);
    return { cuisines, areas, tags };
  }
}
