// Order reads and cancellation: owners see their own orders, operators see all.
import { AppError, type Caller, parseInput } from '@concierge/platform';
import { isOperator } from '../access/caller.js';
import { eventRow } from '../events/order-events.js';
import type { OrdersDb } from '../orders.tables.js';
import { OutboxRepository } from '../outbox/outbox.repository.js';
import { decodeCursor, type Page, toPage } from '../paging/cursor.js';
import { eventBasics, toOrder } from './order.mapper.js';
import { OrderRepository } from './order.repository.js';
import { allListSchema, ownListSchema } from './order.schemas.js';
import type { Order } from './order.types.js';

export interface OrderServiceDeps {
  db: OrdersDb;
  now: () => Date;
  newId: (prefix: string) => string;
  written: () => void;
}

export class OrderService {
  private readonly orders: OrderRepository;

  constructor(private readonly deps: OrderServiceDeps) {
    this.orders = new OrderRepository(deps.db);
  }

  async listOwn(caller: Caller, query: unknown): Promise<Page<Order>> {
    const { limit, cursor, status } = parseInput(ownListSchema, query, 'query');
    const before = cursor ? decodeCursor('orders:own', cursor) : undefined;
    const rows = await this.orders.list({ userId: caller.userId, status, before }, limit + 1);
    return toPage('orders:own', rows, limit, toOrder);
  }

  async listAll(query: unknown): Promise<Page<Order>> {
    const { limit, cursor, status, userId } = parseInput(allListSchema, query, 'query');
    const before = cursor ? decodeCursor('orders:all', cursor) : undefined;
    const rows = await this.orders.list({ userId, status, before }, limit + 1);
    return toPage('orders:all', rows, limit, toOrder);
  }

  /** Someone else's order answers 404, exactly like a missing one, so ids cannot be probed. */
  async get(caller: Caller, id: string): Promise<Order> {
    return toOrder(await this.visible(caller, id));
  }

  async cancel(caller: Caller, id: string): Promise<Order> {
    const current = await this.visible(caller, id);
    if (current.status === 'cancelled') return toOrder(current);
    const at = this.deps.now().toISOString();
    const cancelled = await this.deps.db.transaction().execute(async (trx) => {
      const row = await new OrderRepository(trx).settle(id, { status: 'cancelled', updated_at: at });
      if (!row) return undefined;
      const cancelledBy = caller.userId === row.user_id ? 'customer' : 'operator';
      const data = { ...eventBasics(row), cancelledBy };
      await new OutboxRepository(trx).add([eventRow('order.cancelled', data, { id: this.deps.newId, at })]);
      return row;
    });
    if (cancelled) {
      this.deps.written();
      return toOrder(cancelled);
    }
    const now = await this.visible(caller, id);
    if (now.status === 'cancelled') return toOrder(now);
    throw new AppError('conflict', `The order is ${now.status} and can no longer be cancelled.`, {
      code: 'ORDER_NOT_CANCELLABLE',
    });
  }

  private async visible(caller: Caller, id: string) {
    const row = await this.orders.find(id);
    if (!row || (row.user_id !== caller.userId && !isOperator(caller)))
      throw AppError.notFound(`order ${id}`);
    return row;
  }
}
