// Generates the demo products from the designs: prices, stock, tags and descriptions from a seeded PRNG.
import { AppError } from '@concierge/platform';
import type { Product } from '../products/product.types.js';
import { createRng, shuffled } from './prng.js';
import { type ProductDesign, type ProductKind, priceBands, productDesigns } from './product.designs.js';
import { seedId, seedInstant } from './seed-ids.js';

const openers: Record<ProductKind, string[]> = {
  roses: ['Hand-tied roses with glossy greenery', 'Fresh-cut garden roses, wrapped by our florists'],
  tulips: ['Crisp spring tulips, cut the morning they ship', 'A generous bunch of long-stem tulips'],
  lilies: ['Fragrant lilies that open over several days', 'Elegant lilies arranged with eucalyptus'],
  orchids: ['A potted orchid that blooms for weeks', 'A graceful orchid in a ceramic pot'],
  sunflowers: ['Big, bright sunflowers to light up a room', 'Sunflowers picked at their sunniest'],
  bouquet: ['A seasonal mix chosen by our florists', 'A lush, hand-arranged bouquet'],
  plant: ['An easy-care plant in a stylish pot', 'A living gift that grows with them'],
  chocolates: ['Small-batch chocolates from a local chocolatier', 'Rich chocolates in a gift box'],
  'gift-basket': ['A handsome basket packed with treats', 'A gift basket assembled to order'],
  balloons: ['A bundle of helium balloons, ready to float', 'Cheerful foil and latex balloons'],
};

const closers = [
  'Delivered across New York City.',
  'Includes a handwritten card.',
  'Same-day delivery before 2 pm.',
];

export const maxSeedProducts = productDesigns.length;

/** The URL-safe name a design's image and tests refer to. */
export function productSlug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function describe(design: ProductDesign, pick: <T>(items: readonly T[]) => T): string {
  const colours = design.colours.filter((c) => c !== 'mixed').join(' and ');
  const palette = colours ? ` in ${colours}` : ' in a mix of colours';
  return `${pick(openers[design.kind])}${palette}. ${pick(closers)}`;
}

/** The first `count` products of a fixed shuffle of the designs; the same on every run. */
export function generateProducts(count: number, seed = 2024): Product[] {
  if (count < 0 || count > maxSeedProducts)
    throw AppError.invalid(`The seed has ${maxSeedProducts} product designs.`, [
      { field: 'products', message: `between 0 and ${maxSeedProducts}` },
    ]);
  const rng = createRng(seed, 'products');
  return shuffled(productDesigns, rng)
    .slice(0, count)
    .map((design, index) => {
      const [low, high] = priceBands[design.kind];
      const dollars = design.dollars ?? rng.int(low, high);
      const extra = rng.chance(0.3) ? [rng.pick(['birthday', 'thank-you', 'congratulations'])] : [];
      const at = seedInstant(index);
      return {
        id: seedId('prd', at, rng),
        name: design.name,
        description: describe(design, rng.pick),
        price: { amount: dollars * 100, currency: 'USD' },
        imageUrl: `/images/products/${productSlug(design.name)}.svg`,
        tags: [...new Set([design.kind, ...design.colours, ...design.occasions, ...extra])],
        // Every twelfth product is sold out, so "in stock" filtering has something to do.
        stock: index % 12 === 5 ? 0 : rng.int(1, 200),
        createdAt: at.toISOString(),
        updatedAt: at.toISOString(),
      };
    });
}
