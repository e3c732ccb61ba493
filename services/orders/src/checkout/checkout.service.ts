// Checkout: validates, then writes the order, its idempotency record and its outbox rows in one transaction.
import { AppError, type OperationRequest, parseInput } from '@concierge/platform';
import type { CatalogClient } from '../catalog/catalog.client.js';
import { eventRow, placedMessageRow } from '../events/order-events.js';
import { placedData } from '../orders/order.mapper.js';
import { OrderRepository } from '../orders/order.repository.js';
import type { CheckoutAccepted } from '../orders/order.types.js';
import type { OrdersDb, OrderTable } from '../orders.tables.js';
import { OutboxRepository } from '../outbox/outbox.repository.js';
import { checkoutSchema, idempotencyKeySchema } from './checkout.schemas.js';
import { validateCheckout } from './checkout.validator.js';
import type { DeliveryWindow } from './delivery-window.js';
import { IdempotencyRepository } from './idempotency.repository.js';
import { requestHash } from './request-hash.js';

export interface CheckoutDeps {
  db: OrdersDb;
  catalog: CatalogClient;
  now: () => Date;
  newId: (prefix: string) => string;
  window: DeliveryWindow;
  /** Called after a commit so the relays deliver at once instead of at their next poll. */
  written: () => void;
  /** How long an Idempotency-Key holds its first answer. */
  keyTtlMs: number;
}

function reused(): AppError {
  return new AppError('conflict', 'This Idempotency-Key was used with another request body.', {
    code: 'IDEMPOTENCY_KEY_REUSED',
  });
}

export class CheckoutService {
  private readonly idempotency: IdempotencyRepository;

  constructor(private readonly deps: CheckoutDeps) {
    this.idempotency = new IdempotencyRepository(deps.db);
  }

  async checkout(userId: string, request: OperationRequest): Promise<CheckoutAccepted> {
    const key = this.key(request);
    const hash = requestHash(request.body);
    const keysFrom = new Date(this.deps.now().getTime() - this.deps.keyTtlMs).toISOString();
    if (key) {
      const first = await this.idempotency.find(userId, key, keysFrom);
      if (first) return this.replay(first, hash);
    }
    const input = parseInput(checkoutSchema, request.body, 'body');
    const now = this.deps.now();
    const product = await validateCheckout(input, this.deps.catalog, now, this.deps.window);
    const at = now.toISOString();
    const row: OrderTable = {
      id: this.deps.newId('ord'),
      user_id: userId,
      status: 'pending',
      product_id: product.id,
      product_name: product.name.slice(0, 120),
      quantity: input.quantity,
      amount: product.price.amount * input.quantity,
      currency: product.price.currency,
      delivery_address: JSON.stringify(input.deliveryAddress),
      delivery_date: input.deliveryDate,
      recipient: input.recipient ? JSON.stringify(input.recipient) : null,
      card_message: input.cardMessage ?? null,
      contact: contactOf(input.contact, request),
      // The sandbox treats an absent token as its always-good card, so the lecture's clients keep working.
      payment_token: input.paymentToken ?? 'tok_visa',
      confirmation_number: null,
      payment_id: null,
      failure_reason: null,
      failure_message: null,
      created_at: at,
      updated_at: at,
    };
    const accepted: CheckoutAccepted = {
      success: true,
      message: 'Your order is placed; we will confirm it shortly.',
      orderId: row.id,
      status: 'pending',
      statusUrl: `/v1/orders/${row.id}`,
    };
    const answer = await this.deps.db.transaction().execute(async (trx) => {
      // The key is claimed first: the transaction starts with a write, and a concurrent twin loses here.
      if (key) {
        const claim = {
          user_id: userId,
          key,
          request_hash: hash,
          order_id: row.id,
          response: JSON.stringify(accepted),
          created_at: at,
        };
        if (!(await new IdempotencyRepository(trx).claim(claim, keysFrom))) return undefined;
      }
      await new OrderRepository(trx).insert(row);
      const stamp = { id: this.deps.newId, at, traceparent: request.traceparent };
      await new OutboxRepository(trx).add([
        placedMessageRow(placedData(row), stamp),
        eventRow('order.placed', placedData(row), stamp),
      ]);
      return accepted;
    });
    if (!answer && key) {
      const winner = await this.idempotency.find(userId, key, keysFrom);
      if (!winner) throw new AppError('internal', 'The idempotency record vanished.');
      return this.replay(winner, hash);
    }
    this.deps.written();
    return accepted;
  }

  private key(request: OperationRequest): string | undefined {
    const key = request.headers['idempotency-key'];
    if (key === undefined) return undefined;
    if (!idempotencyKeySchema.safeParse(key).success)
      throw AppError.invalid('The Idempotency-Key header is not valid.', [
        { field: 'header.Idempotency-Key', message: '8 to 128 letters, digits or . _ : -' },
      ]);
    return key;
  }

  private replay(first: { request_hash: string; response: string }, hash: string): CheckoutAccepted {
    if (first.request_hash !== hash) throw reused();
    return JSON.parse(first.response) as CheckoutAccepted;
  }
}

/** The body's contact; without one, the order's e-mails go to the caller's verified address. */
function contactOf(given: object | undefined, request: OperationRequest): string | null {
  const contact = given ?? (request.caller?.email ? { email: request.caller.email } : undefined);
  return contact ? JSON.stringify(contact) : null;
}
