// Converts between product rows and the wire shape.
import type { ProductTable } from '../catalog.tables.js';
import type { Product } from './product.types.js';

export function toProduct(row: ProductTable): Product {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    price: { amount: Number(row.price_amount), currency: row.price_currency },
    imageUrl: row.image_url,
    tags: JSON.parse(row.tags) as string[],
    stock: Number(row.stock),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toProductRow(product: Product): ProductTable {
  return {
    id: product.id,
    name: product.name,
    description: product.description,
    price_amount: product.price.amount,
    price_currency: product.price.currency,
    image_url: product.imageUrl,
    tags: JSON.stringify(product.tags),
    stock: product.stock,
    created_at: product.createdAt,
    updated_at: product.updatedAt,
  };
}
