// The retention suite, run on SQLite (retention.test.ts) and PostgreSQL (retention.servers.test.ts).
// Idempotency keys expire after 24 hours; the sweep deletes expired keys, old delivered outbox rows and
// old dedup records, and never an order, an undelivered outbox row or anything still in its time.

import type { SqlStore } from '@concierge/platform';
import { eventually } from '@concierge/platform/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { buyer, call, checkoutBody, count, fixedNow, type OpenOrders, openOrders } from './orders.fixture.js';

const hour = 3_600_000;

export function retentionSuite(store: () => Promise<SqlStore | undefined>): void {
  let open: OpenOrders;
  let clock = fixedNow.getTime();
  afterEach(async () => {
    await open.close();
    clock = fixedNow.getTime();
  });
  const start = async () => {
    const s = await store();
    return openOrders({ now: () => new Date(clock), ...(s ? { store: s } : {}) });
  };
  const checkout = (body: object, key: string) =>
    call(open.sut, 'checkout', { caller: buyer, body, headers: { 'idempotency-key': key } });
  const orderId = (answer: { body?: unknown }) => (answer.body as { orderId: string }).orderId;

  describe('retention', () => {
    it('holds an Idempotency-Key for 24 hours, then lets it start a new order', async () => {
      open = await start();
      const body = checkoutBody(open.productId, { deliveryDate: '2026-06-18' });
      const first = orderId(await checkout(body, 'key-retention-1'));
      clock += 24 * hour - 1;
      expect(orderId(await checkout(body, 'key-retention-1'))).toBe(first);
      clock += 2;
      const second = orderId(await checkout(body, 'key-retention-1'));
      expect(second).not.toBe(first);
      // The new record holds from now on: the same key answers the second order again.
      expect(orderId(await checkout(body, 'key-retention-1'))).toBe(second);
      expect(await count(open.db, 'orders_order')).toBe(2);
    });

    it('sweeps expired keys, delivered outbox rows and dedup records a week old, and nothing else', async () => {
      open = await start();
      open.orders.relays.start();
      open.orders.worker.start();
      const body = checkoutBody(open.productId, { deliveryDate: '2026-06-20' });
      const confirmed = orderId(await checkout(body, 'key-retention-2'));
      await eventually(
        async () =>
          expect(
            (await call(open.sut, 'getOrder', { caller: buyer, params: { orderId: confirmed } })).body,
          ).toMatchObject({ status: 'confirmed' }),
        { timeoutMs: 5_000 },
      );
      await open.orders.relays.flush();
      await open.orders.worker.stop();
      await open.orders.relays.stop();
      const outboxBefore = await count(open.db, 'orders_outbox');
      expect(outboxBefore).toBeGreaterThan(0);
      expect(await count(open.db, 'orders_processed_message')).toBeGreaterThan(0);

      // A day later only the key has expired.
      clock += 25 * hour;
      const pending = orderId(await checkout(body, 'key-retention-3'));
      expect(await open.orders.retention.sweep()).toEqual({
        idempotencyKeys: 1,
        outboxRows: 0,
        processedMessages: 0,
      });
      // A week later the delivered rows and dedup records go; the new order's undelivered rows stay.
      clock += 7 * 24 * hour;
      const swept = await open.orders.retention.sweep();
      expect(swept).toMatchObject({ idempotencyKeys: 1, outboxRows: outboxBefore });
      expect(swept.processedMessages).toBeGreaterThan(0);
      expect(await count(open.db, 'orders_outbox')).toBe(2);
      expect(await count(open.db, 'orders_processed_message')).toBe(0);
      expect(await count(open.db, 'orders_order')).toBe(2);
      for (const id of [confirmed, pending])
        expect((await call(open.sut, 'getOrder', { caller: buyer, params: { orderId: id } })).status).toBe(
          200,
        );
      expect(await open.orders.retention.sweep()).toEqual({
        idempotencyKeys: 0,
        outboxRows: 0,
        processedMessages: 0,
      });
    });
  });
}
