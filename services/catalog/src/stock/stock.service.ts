// Stock rules for the orders worker: reserve per order at most once, release at most once.
import { AppError, parseInput } from '@concierge/platform';
import { z } from 'zod';
import type { StockReservationTable } from '../catalog.tables.js';
import type { StockRepository } from './stock.repository.js';
import type { StockReservation } from './stock.types.js';

const id = z.string().min(1).max(64);
const reserveSchema = z.object({ orderId: id, productId: id, quantity: z.int().min(1).max(1000) }).strict();
const releaseSchema = z.object({ orderId: id }).strict();

function toReservation(row: StockReservationTable): StockReservation {
  return {
    orderId: row.order_id,
    productId: row.product_id,
    quantity: Number(row.quantity),
    status: row.status,
  };
}

export class StockService {
  constructor(
    private readonly repository: StockRepository,
    private readonly now: () => Date,
    /** Told of every stock change, so that cached products show it at once. */
    private readonly changed: (productId: string) => void = () => {},
  ) {}

  /** Asking again for the same order answers the first reservation; stock never goes below zero. */
  async reserve(input: unknown): Promise<StockReservation> {
    const { orderId, productId, quantity } = parseInput(reserveSchema, input, 'body');
    const at = this.now().toISOString();
    const outcome = await this.repository.reserve({
      order_id: orderId,
      product_id: productId,
      quantity,
      status: 'reserved',
      created_at: at,
      updated_at: at,
    });
    if (outcome.kind === 'reserved') this.changed(productId);
    if (outcome.kind === 'no_product') throw AppError.notFound(`product ${productId}`);
    if (outcome.kind === 'out_of_stock')
      throw new AppError('conflict', `Not enough stock of product ${productId}.`, { code: 'OUT_OF_STOCK' });
    if (outcome.row.status === 'released')
      throw new AppError('conflict', `The reservation of order ${orderId} was released.`, {
        code: 'RESERVATION_RELEASED',
      });
    return toReservation(outcome.row);
  }

  /** Releasing twice, or for an order that reserved nothing, is harmless. */
  async release(input: unknown): Promise<StockReservation | null> {
    const { orderId } = parseInput(releaseSchema, input, 'body');
    const row = await this.repository.release(orderId, this.now().toISOString());
    if (row) this.changed(row.product_id);
    return row ? toReservation(row) : null;
  }
}
