// OrderRepository.findWithProcessed on a store: the order and the processed-message check in one statement.
import type { SqlStore } from '@concierge/platform';
import { expect, it } from 'vitest';
import { ordersMigrations } from '../migrations/orders.migrations.js';
import { OrderRepository } from '../orders/order.repository.js';
import type { OrdersDb, OrderTable } from '../orders.tables.js';
import { ProcessedRepository } from '../worker/processed.repository.js';

const at = '2026-06-15T16:00:00.000Z';
const order: OrderTable = {
  id: 'ord_1',
  user_id: 'usr_1',
  status: 'pending',
  product_id: 'prd_1',
  product_name: 'Roses',
  quantity: 2,
  amount: 5000,
  currency: 'USD',
  delivery_address: '"350 5th Ave, New York, NY 10118"',
  delivery_date: '2026-06-16',
  recipient: null,
  card_message: null,
  contact: null,
  payment_token: 'tok_visa',
  confirmation_number: null,
  payment_id: null,
  failure_reason: null,
  failure_message: null,
  created_at: at,
  updated_at: at,
};

export function orderRepositorySuite(open: () => Promise<SqlStore>) {
  it('finds an order with whether a consumer already processed a message, in one statement', async () => {
    const store = await open();
    await store.migrate(ordersMigrations);
    const db = store.db as OrdersDb;
    const orders = new OrderRepository(db);
    await orders.insert(order);
    const first = await orders.findWithProcessed('ord_1', 'worker', 'msg_1');
    expect(first.processed).toBe(false);
    expect(first.order).toEqual(await orders.find('ord_1'));
    expect(first.order).not.toHaveProperty('processed_message');
    await new ProcessedRepository(db).record('worker', 'msg_1', at);
    expect((await orders.findWithProcessed('ord_1', 'worker', 'msg_1')).processed).toBe(true);
    expect((await orders.findWithProcessed('ord_1', 'other', 'msg_1')).processed).toBe(false);
    expect((await orders.findWithProcessed('ord_1', 'worker', 'msg_2')).processed).toBe(false);
    expect(await orders.findWithProcessed('ord_2', 'worker', 'msg_1')).toEqual({
      order: undefined,
      processed: false,
    });
  });
}
