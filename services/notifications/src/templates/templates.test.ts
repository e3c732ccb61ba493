// Every template: the facts the customer needs, in text and HTML, with user-provided values escaped.
import { describe, expect, it } from 'vitest';
import { envelope, orderConfirmed, orderPlaced } from '../testing/notifications.fixture.js';
import { diningSuggestedTemplate } from './dining-suggested.template.js';
import { operatorOrderEmail } from './operator-order.template.js';
import { orderCancelledTemplate } from './order-cancelled.template.js';
import { orderConfirmedTemplate } from './order-confirmed.template.js';
import { orderFailedTemplate } from './order-failed.template.js';
import { orderPlacedTemplate } from './order-placed.template.js';

const evil = '<script>alert(1)</script>';

describe('templates', () => {
  it('order.placed names the order, product, price and date, and escapes the card message', () => {
    const sut = orderPlacedTemplate.email({
      ...orderPlaced,
      cardMessage: evil,
      recipient: { name: 'Mary & Co' },
    });
    expect(sut.subject).toBe('We received your order ord_1');
    expect(sut.text).toContain('1 × A dozen red roses ($49.99), for delivery on 2026-12-24');
    expect(sut.text).toContain(`Card message: ${evil}`);
    expect(sut.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(sut.html).toContain('Mary &amp; Co');
    expect(sut.html).not.toContain('<script>');
    expect(orderPlacedTemplate.sms(orderPlaced).text).toContain('ord_1');
  });

  it('order.confirmed carries the confirmation number', () => {
    const sut = orderConfirmedTemplate.email(orderConfirmed);
    expect(sut.subject).toBe('Order ord_1 confirmed (CNC-7Q2X-9KD4)');
    expect(sut.text).toContain('Confirmation number: CNC-7Q2X-9KD4');
    expect(sut.html).toContain('<b>CNC-7Q2X-9KD4</b>');
    expect(orderConfirmedTemplate.sms(orderConfirmed).text).toContain('#CNC-7Q2X-9KD4');
  });

  it('order.failed says why, escaped', () => {
    const sut = orderFailedTemplate.email({
      orderId: 'ord_1',
      userId: 'u',
      reason: 'payment_declined',
      message: `Declined ${evil}`,
    });
    expect(sut.subject).toBe('We could not complete your order ord_1');
    expect(sut.text).toContain('Declined');
    expect(sut.html).not.toContain('<script>');
    expect(
      orderFailedTemplate.sms({ orderId: 'ord_1', userId: 'u', reason: 'internal', message: 'x' }).text,
    ).toContain('failed');
  });

  it('order.cancelled says by whom', () => {
    const byShop = orderCancelledTemplate.email({ orderId: 'ord_1', userId: 'u', cancelledBy: 'operator' });
    expect(byShop.text).toContain('cancelled by the shop');
    expect(
      orderCancelledTemplate.sms({ orderId: 'ord_1', userId: 'u', cancelledBy: 'customer' }).text,
    ).toContain('as you asked');
  });

  it('dining suggestions list every restaurant, escaped', () => {
    const data = {
      conversationId: 'cnv_1',
      userId: 'u',
      cuisine: 'italian',
      area: 'Chelsea',
      date: '2026-12-24',
      time: '20:00',
      partySize: 4,
      email: 'ann@example.com',
      suggestions: [
        { restaurantId: 'r1', name: 'Trattoria Silenzio', address: '200 9th Ave' },
        { restaurantId: 'r2', name: `Bad ${evil}`, address: '1 Way', note: `in ${evil}` },
      ],
    };
    const sut = diningSuggestedTemplate.email(data);
    expect(sut.subject).toBe('Your Italian suggestions in Chelsea');
    expect(sut.text).toContain('Here are my Italian suggestions in Chelsea for 4 on Thu, Dec 24 at 8pm:');
    expect(sut.text).toContain('1. Trattoria Silenzio, 200 9th Ave\n');
    expect(sut.html).toContain('<li><b>Trattoria Silenzio</b>, 200 9th Ave</li>');
    expect(sut.html).not.toContain('<script>');
    expect(diningSuggestedTemplate.sms(data).text).toContain('2. Bad');
  });

  it('dining suggestions say how a place differs from the request, and write times as people do', () => {
    const data = {
      conversationId: 'cnv_1',
      userId: 'u',
      cuisine: 'middle-eastern',
      area: 'Tribeca',
      date: '2026-12-01',
      time: '13:30',
      partySize: 2,
      email: 'ann@example.com',
      suggestions: [
        { restaurantId: 'r1', name: 'Zaytoon', address: '1 Way' },
        { restaurantId: 'r2', name: 'Sole', address: '2 Way', note: 'not open at 1:30pm that day' },
      ],
    };
    const sut = diningSuggestedTemplate.email(data);
    expect(sut.subject).toBe('Your Middle Eastern suggestions in Tribeca');
    expect(sut.text).toBe(
      'Here are my Middle Eastern suggestions in Tribeca for 2 on Tue, Dec 1 at 1:30pm:\n1. Zaytoon, 1 Way\n2. Sole, 2 Way (not open at 1:30pm that day)',
    );
    expect(sut.html).toContain('<li><b>Sole</b>, 2 Way (not open at 1:30pm that day)</li>');
    expect(diningSuggestedTemplate.sms(data).text).toContain('2. Sole, 2 Way (not open at 1:30pm that day)');
  });

  it('the operator copy shows the event, without the payment token, escaped', () => {
    const sut = operatorOrderEmail(
      envelope('order.placed', { ...orderPlaced, cardMessage: evil, paymentToken: 'tok_visa' }),
    );
    expect(sut.subject).toBe('[Concierge] order.placed ord_1');
    expect(sut.text).toContain('productName: A dozen red roses');
    expect(sut.text).not.toContain('tok_visa');
    expect(sut.html).not.toContain('<script>');
  });
});
