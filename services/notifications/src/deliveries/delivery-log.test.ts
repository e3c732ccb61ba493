// The delivery log: the caller's own customer deliveries, newest first, paged with cursors, destinations masked.
import { eventually } from '@concierge/platform/testing';
import { afterEach, describe, expect, it } from 'vitest';
import {
  call,
  envelope,
  type OpenNotifications,
  openNotifications,
  orderConfirmed,
} from '../testing/notifications.fixture.js';

let open: OpenNotifications | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

describe('listDeliveries', () => {
  it('pages the caller’s deliveries newest first, without the operator’s copies or other users’', async () => {
    open = await openNotifications();
    await call(open.sut, 'updatePreferences', { body: { email: true, sms: true } });
    for (const orderId of ['ord_1', 'ord_2', 'ord_3'])
      await open.events.publish(envelope('order.confirmed', { ...orderConfirmed, orderId }));
    await open.events.publish(
      envelope('order.confirmed', { ...orderConfirmed, userId: 'usr_bob', orderId: 'ord_9' }),
    );
    await eventually(() => expect(open!.smtp.messages).toHaveLength(8));
    const first = (await call(open.sut, 'listDeliveries', { query: { limit: '4' } })).body as {
      items: { orderId: string; channel: string; destination: string }[];
      nextCursor: string;
    };
    expect(first.items.map((d) => d.orderId)).toEqual(['ord_3', 'ord_3', 'ord_2', 'ord_2']);
    expect(first.items.find((d) => d.channel === 'email')?.destination).toBe('a***@example.com');
    expect(first.items.find((d) => d.channel === 'sms')?.destination).toBe('+1******0123');
    const second = (
      await call(open.sut, 'listDeliveries', { query: { limit: '4', cursor: first.nextCursor } })
    ).body;
    expect(second).toMatchObject({ items: [{ orderId: 'ord_1' }, { orderId: 'ord_1' }], nextCursor: null });
    const sms = (await call(open.sut, 'listDeliveries', { query: { channel: 'sms' } })).body as {
      items: unknown[];
    };
    expect(sms.items).toHaveLength(3);
  });

  it('rejects a damaged cursor', async () => {
    open = await openNotifications();
    await expect(call(open.sut, 'listDeliveries', { query: { cursor: '../etc' } })).rejects.toMatchObject({
      code: 'INVALID_CURSOR',
    });
  });
});
