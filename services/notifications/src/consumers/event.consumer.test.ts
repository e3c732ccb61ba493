// Consumed events become e-mails (customer and operator) and SMS by preference, once per event id.
import { eventually } from '@concierge/platform/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { sandboxRejectedNumber } from '../index.js';
import {
  call,
  envelope,
  type OpenNotifications,
  openNotifications,
  operatorEmail,
  orderConfirmed,
  orderPlaced,
} from '../testing/notifications.fixture.js';

let open: OpenNotifications | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

const deliveryRows = (o: OpenNotifications) =>
  o.store.db.selectFrom('notifications_delivery').selectAll().orderBy('id').execute();

describe('event consumers', () => {
  it('e-mails the customer and the operator when an order is placed', async () => {
    open = await openNotifications();
    await open.events.publish(envelope('order.placed', orderPlaced));
    const customer = await open.smtp.waitFor('ann@example.com');
    expect(customer.subject).toBe('We received your order ord_1');
    expect(customer.text).toContain('A dozen red roses');
    expect(customer.html).toContain('<b>ord_1</b>');
    const shop = await open.smtp.waitFor(operatorEmail);
    expect(shop.subject).toBe('[Concierge] order.placed ord_1');
  });

  it('e-mails the confirmation number when the order is confirmed', async () => {
    open = await openNotifications();
    await open.events.publish(envelope('order.confirmed', orderConfirmed));
    const mail = await open.smtp.waitFor('ann@example.com');
    expect(mail.subject).toContain('CNC-7Q2X-9KD4');
    expect(mail.text).toContain('Confirmation number: CNC-7Q2X-9KD4');
    await eventually(async () =>
      expect((await deliveryRows(open!)).every((r) => r.status === 'sent')).toBe(true),
    );
  });

  it('sends one e-mail for an event delivered twice', async () => {
    open = await openNotifications({ operatorEmail: undefined });
    const event = envelope('order.confirmed', orderConfirmed);
    await open.events.publish(event);
    await open.events.publish(event);
    await Promise.all([open.events.publish(event), open.events.publish(event)]);
    await open.smtp.waitFor('ann@example.com');
    await eventually(async () => expect((await deliveryRows(open!))[0]?.status).toBe('sent'));
    await new Promise((r) => setTimeout(r, 200));
    expect(open.smtp.messages).toHaveLength(1);
    expect(await deliveryRows(open)).toHaveLength(1);
  });

  it('follows the preferences: SMS when turned on, no e-mail when turned off', async () => {
    open = await openNotifications({ operatorEmail: undefined });
    await call(open.sut, 'updatePreferences', { body: { email: false, sms: true } });
    await open.events.publish(envelope('order.confirmed', orderConfirmed));
    await eventually(() => expect(open!.sms.sent).toHaveLength(1));
    expect(open.sms.sent[0]).toMatchObject({ to: '+12175550123', encoding: 'GSM-7' });
    expect(open.sms.sent[0]?.text).toContain('CNC-7Q2X-9KD4');
    expect(open.smtp.messages).toHaveLength(0);
  });

  it('sends dining suggestions to the address given in the conversation', async () => {
    open = await openNotifications();
    await open.events.publish(
      envelope('conversation.dining_suggested', {
        conversationId: 'cnv_1',
        userId: 'usr_bob',
        cuisine: 'italian',
        area: 'Chelsea',
        date: '2026-12-24',
        time: '20:00',
        partySize: 4,
        email: 'bob@example.com',
        suggestions: [{ restaurantId: 'rst_1', name: 'Trattoria Silenzio', address: '200 9th Ave' }],
      }),
    );
    const mail = await open.smtp.waitFor('bob@example.com');
    expect(mail.text).toContain('Trattoria Silenzio');
    expect(open.smtp.messages.map((m) => m.to[0])).not.toContain(operatorEmail);
  });

  it('retries an SMS through a provider outage, and dead-letters a rejected number at once', async () => {
    open = await openNotifications({ operatorEmail: undefined });
    await call(open.sut, 'updatePreferences', { body: { email: false, sms: true } });
    open.sms.failNext(2);
    await open.events.publish(envelope('order.confirmed', orderConfirmed));
    await eventually(() => expect(open!.sms.sent).toHaveLength(1));
    await eventually(async () =>
      expect((await deliveryRows(open!))[0]).toMatchObject({ status: 'sent', attempts: 3 }),
    );
    await open.events.publish(
      envelope('order.confirmed', { ...orderConfirmed, contact: { phone: sandboxRejectedNumber } }),
    );
    await eventually(async () =>
      expect(await open!.queue.deadLetters.count('notifications.deliver')).toBe(1),
    );
    const rows = await deliveryRows(open);
    expect(rows[1]).toMatchObject({ status: 'dead', attempts: 1 });
  });
});
