// Catalog port: what orders needs from the catalog, never its tables.

export interface CatalogProduct {
  id: string;
  name: string;
  price: { amount: number; currency: string };
  stock: number;
}

export interface StockRequest {
  orderId: string;
  productId: string;
  quantity: number;
}

export interface CatalogClient {
  /** Undefined when the product does not exist. */
  getProduct(id: string): Promise<CatalogProduct | undefined>;
  /** Idempotent per order; AppError 'conflict' OUT_OF_STOCK when there is not enough, 'not_found' when the product is gone. */
  reserveStock(request: StockRequest): Promise<void>;
  /** Idempotent; harmless for an order that reserved nothing. */
  releaseStock(request: { orderId: string }): Promise<void>;
}
