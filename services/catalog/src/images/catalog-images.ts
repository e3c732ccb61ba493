// Every generated catalog image, by its path under the web root's `images/` folder.
import { cuisines } from '../restaurants/cuisines.js';
import { productDesigns } from '../seed/product.designs.js';
import { productSlug } from '../seed/product.generator.js';
import { cuisineArt, placeholderCuisineArt } from './cuisine.art.js';
import { placeholderProductArt, productArt } from './product.art.js';

/** Paths such as `products/classic-dozen-red-roses.svg` → SVG text; the served URL is `/images/<path>`. */
export function catalogImages(): Map<string, string> {
  const files = new Map<string, string>();
  for (const design of productDesigns)
    files.set(`products/${productSlug(design.name)}.svg`, productArt(design));
  files.set('products/placeholder.svg', placeholderProductArt());
  for (const cuisine of cuisines) files.set(`cuisines/${cuisine}.svg`, cuisineArt(cuisine));
  files.set('cuisines/placeholder.svg', placeholderCuisineArt());
  return files;
}
