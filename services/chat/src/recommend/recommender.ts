// The Recommender the dialog uses, over a catalog client.
import type { CatalogClient } from './catalog-client.js';
import { suggestRestaurants } from './dining.recommender.js';
import {
  findProductNamed,
  findProductsNamed,
  productDirectory,
  suggestProducts,
} from './product.recommender.js';
import type { Recommender } from './recommend.types.js';

export function createRecommender(catalog: CatalogClient): Recommender {
  const products = productDirectory(catalog);
  return {
    dining: (search, seed, exclude) => suggestRestaurants(catalog, search, seed, exclude),
    products: (gift, seed, exclude, cheapestFirst) =>
      suggestProducts(catalog, gift, seed, exclude, cheapestFirst),
    productNamed: (name) => findProductNamed(catalog, name),
    productsNamed: (text, isWish, thorough = true) =>
      findProductsNamed(catalog, products, text, isWish, thorough),
  };
}
