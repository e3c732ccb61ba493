// Converts between restaurant rows and the wire shape.
import type { RestaurantTable } from '../catalog.tables.js';
import type { OpeningHours, Restaurant } from './restaurant.types.js';

export function toRestaurant(row: RestaurantTable): Restaurant {
  return {
    id: row.id,
    name: row.name,
    cuisine: row.cuisine,
    area: row.area,
    address: { street: row.street, city: row.city, state: row.state, postalCode: row.postal_code },
    location: { lat: Number(row.lat), lng: Number(row.lng) },
    priceLevel: Number(row.price_level),
    rating: Number(row.rating),
    reviewCount: Number(row.review_count),
    phone: row.phone,
    maxPartySize: Number(row.max_party),
    openingHours: JSON.parse(row.opening_hours) as OpeningHours[],
    imageUrl: row.image_url,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toRestaurantRow(r: Restaurant): RestaurantTable {
  return {
    id: r.id,
    name: r.name,
    cuisine: r.cuisine,
    area: r.area,
    street: r.address.street,
    city: r.address.city,
    state: r.address.state,
    postal_code: r.address.postalCode,
    lat: r.location.lat,
    lng: r.location.lng,
    price_level: r.priceLevel,
    rating: r.rating,
    review_count: r.reviewCount,
    phone: r.phone,
    max_party: r.maxPartySize,
    opening_hours: JSON.stringify(r.openingHours),
    image_url: r.imageUrl,
    created_at: r.createdAt,
    updated_at: r.updatedAt,
  };
}
