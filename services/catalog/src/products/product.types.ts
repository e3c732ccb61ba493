// The product as the API shows it.

export interface Money {
  /** Minor units (cents). */
  amount: number;
  currency: string;
}

export interface Product {
  id: string;
  name: string;
  description: string;
  price: Money;
  imageUrl: string;
  tags: string[];
  stock: number;
  createdAt: string;
  updatedAt: string;
}
