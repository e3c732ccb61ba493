// Stock reservations as the orders service sees them through the internal operations.

export interface StockReservation {
  orderId: string;
  productId: string;
  quantity: number;
  status: 'reserved' | 'released';
}
