// Catalog items as the contract's cards.
import type { ProductInfo, RestaurantInfo } from '../recommend/recommend.types.js';
import type { ProductCardPayload, RestaurantCardPayload } from './dialog.types.js';
import type { Lexicon } from './lexicon.js';

const dollars = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

export function formatPrice(amount: number, currency: string): string {
  if (currency === 'USD') return dollars.format(amount / 100);
  return `${(amount / 100).toFixed(2)} ${currency}`;
}

export function productPayload(p: ProductInfo): ProductCardPayload {
  return {
    productId: p.id,
    name: p.name.slice(0, 120),
    price: formatPrice(p.price.amount, p.price.currency),
    amount: { amount: p.price.amount, currency: p.price.currency },
    imageUrl: p.imageUrl,
    buttonLabel: 'Order',
    clickAction: 'checkout',
  };
}

export function restaurantAddress(r: RestaurantInfo): string {
  return `${r.address.street}, ${r.address.city}, ${r.address.state} ${r.address.postalCode}`.slice(0, 300);
}

export function restaurantPayload(r: RestaurantInfo, lexicon: Lexicon): RestaurantCardPayload {
  return {
    restaurantId: r.id,
    name: r.name.slice(0, 120),
    cuisine: lexicon.cuisineName(r.cuisine).slice(0, 50),
    area: lexicon.areaName(r.area).slice(0, 50),
    address: restaurantAddress(r),
    rating: r.rating,
    priceLevel: r.priceLevel,
    imageUrl: r.imageUrl,
    buttonLabel: 'Details',
  };
}
