// "Where is my order?" through the chat service, answered from the real orders service over the same SQLite file.
import { AppError, type Caller, type ServiceModule } from '@concierge/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alice, bob, type OpenChat, openChat, placeOrder, talk } from '../testing/chat.fixture.js';

const carol: Caller = { userId: 'usr_carol', roles: ['customer'], via: 'jwt' };
const dave: Caller = { userId: 'usr_dave', roles: ['customer'], via: 'jwt' };
const erin: Caller = { userId: 'usr_erin', roles: ['customer'], via: 'jwt' };

/** Text of the assignment's endpoint, for the same question. */
async function chatbot(open: OpenChat, text: string, caller: Caller): Promise<string> {
  const res = await open.chat.module.operations.chatbot!({
    operationId: 'chatbot',
    params: {},
    query: {},
    headers: {},
    requestId: 'test',
    caller,
    body: { messages: [{ type: 'unstructured', unstructured: { text } }] },
  });
  return (res.body as { messages: { unstructured: { text: string } }[] }).messages[0]!.unstructured.text;
}

describe('order status from the orders service', () => {
  let open: OpenChat;
  let tulips: string;
  beforeAll(async () => {
    open = await openChat();
    // Tuesday 10 March: alice's tulips come on Thursday.
    tulips = (await placeOrder(open, alice, 'Pink Tulip Bouquet', { deliveryDate: '2026-03-12' })).id;
    await placeOrder(open, carol, 'Two Dozen Red Roses', {
      deliveryDate: '2026-03-11',
      paymentToken: 'tok_chargeDeclined',
    });
    await placeOrder(open, dave, 'Pink Tulip Bouquet', { deliveryDate: '2026-03-13' });
    await placeOrder(open, dave, 'Two Dozen Red Roses', { deliveryDate: '2026-03-14' });
    await placeOrder(open, erin, 'Pink Tulip Bouquet', { deliveryDate: '2026-03-12' });
    await placeOrder(open, erin, 'Two Dozen Red Roses', {
      deliveryDate: '2026-03-12',
      paymentToken: 'tok_chargeDeclined',
    });
  }, 30_000);
  afterAll(() => open.close());

  it('answers a confirmed order with its product, number, status and delivery day', async () => {
    for (const text of ['where is my order?', "what's the status of my order", 'has my order shipped']) {
      const answer = await open.send(text, { caller: alice });
      expect(answer.texts[0]).toBe(
        `Your order of Pink Tulip Bouquet (${tulips}) is confirmed; it will be delivered on Thu, Mar 12.`,
      );
    }
  });

  it('never shows another user their orders', async () => {
    const answer = await open.send('where is my order?', { caller: bob });
    const said = answer.texts.join(' ');
    expect(said).not.toMatch(/Tulip|Roses|ord_/);
    expect(said).toMatch(/no orders yet/);
    expect(answer.messages.at(-1).structured.payload.options[0]).toEqual({
      label: 'Gift ideas',
      text: 'I need a gift',
    });
  });

  it('says why a failed order did not go through, and offers to order it again', async () => {
    const answer = await open.send('did my order go through?', { caller: carol });
    expect(answer.texts[0]).toMatch(
      /^Your order of Two Dozen Red Roses \(ord_[\w-]+\) did not go through: The card was declined\./,
    );
    expect(answer.messages.at(-1).structured.payload.options[0].text).toBe('order the Two Dozen Red Roses');
  });

  it('picks the order of the product named, and lists several recent orders briefly', async () => {
    const tulipsOnly = await open.send('when will my tulips arrive?', { caller: dave });
    expect(tulipsOnly.texts[0]).toMatch(
      /^Your order of Pink Tulip Bouquet \(ord_[\w-]+\) is confirmed; it will be delivered on Fri, Mar 13\.$/,
    );
    const asked = await open.send('is my tulip bouquet confirmed?', { caller: dave });
    expect(asked.texts[0]).toMatch(/^Your order of Pink Tulip Bouquet \(ord_[\w-]+\) is confirmed/);
    const both = await open.send('where is my order', { caller: dave });
    expect(both.texts[0]).toMatch(
      /^Your latest orders:\n1\. Two Dozen Red Roses \(ord_[\w-]+\): confirmed, delivery on Sat, Mar 14\n2\. Pink Tulip Bouquet \(ord_[\w-]+\): confirmed, delivery on Fri, Mar 13$/,
    );
    const none = await open.send('where are my orchids?', { caller: alice });
    expect(none.texts[0]).toMatch(
      /^I don't see an order of orchids among your recent orders\. Your order of Pink Tulip/,
    );
  });

  it('never cancels a confirmed order, and says so', async () => {
    const sut = talk(open, alice);
    const answer = await sut('cancel my order');
    expect(answer.texts[0]).toBe(
      `Your order of Pink Tulip Bouquet (${tulips}) is already confirmed for delivery on Thu, Mar 12, so it can no longer be cancelled: orders can be cancelled only while they are being processed.`,
    );
    expect((await sut('yes')).texts.join(' ')).not.toMatch(/cancelled/);
  });

  it('answers "it hasn\'t arrived" with the latest order and where to turn', async () => {
    const before = await open.send("it hasn't arrived yet, it's been a week", { caller: alice });
    expect(before.texts[0]).toMatch(/will be delivered on Thu, Mar 12\. So it is not late yet\.$/);
    const now = open.clock.now;
    open.clock.now = now + 7 * 86_400_000;
    try {
      const after = await open.send("it hasn't arrived yet, it's been a week", { caller: alice });
      expect(after.texts[0]).toMatch(
        /^I'm sorry it hasn't arrived\. Your order of Pink Tulip Bouquet \(ord_[\w-]+\) is confirmed; it was due on Thu, Mar 12\. .*Orders page/,
      );
    } finally {
      open.clock.now = now;
    }
  });

  it('takes the order still under way for a late delivery or a cancel, not a newer failed one', async () => {
    expect((await open.send('my package is late', { caller: erin })).texts[0]).toMatch(
      /^Your order of Pink Tulip Bouquet \(ord_[\w-]+\) is confirmed; it will be delivered on Thu, Mar 12\. So it is not late yet\.$/,
    );
    expect((await open.send('can you cancel the order?', { caller: erin })).texts[0]).toMatch(
      /^Your order of Pink Tulip Bouquet \(ord_[\w-]+\) is already confirmed .* can no longer be cancelled/,
    );
  });

  it('answers a question about an order in the middle of a gift search', async () => {
    const sut = talk(open, erin);
    await sut('I need red roses delivered to my mom tomorrow');
    expect((await sut('why did my roses order fail?')).texts[0]).toMatch(
      /^Your order of Two Dozen Red Roses \(ord_[\w-]+\) did not go through: The card was declined\./,
    );
  });

  it('keeps the text-only endpoint plain', async () => {
    expect(await chatbot(open, 'where is my order?', alice)).toBe(
      `Your order of Pink Tulip Bouquet (${tulips}) is confirmed; it will be delivered on Thu, Mar 12.`,
    );
    expect(await chatbot(open, 'where is my order?', bob)).toMatch(/no orders yet.*\(Gift ideas \/ /);
  });
});

describe('cancelling a pending order from the chat', () => {
  let open: OpenChat;
  beforeAll(async () => {
    open = await openChat();
  }, 30_000);
  afterAll(() => open.close());

  it('asks first, cancels on yes through the orders service, and keeps it on no', async () => {
    // No worker runs in this chat until an order is settled: these stay pending.
    const first = await placeOrder(open, alice, 'Pink Tulip Bouquet', {
      deliveryDate: '2026-03-12',
      settle: false,
    });
    const status = await open.send('is my order confirmed?', { caller: alice });
    expect(status.texts[0]).toMatch(/is being processed \(delivery on Thu, Mar 12\); you'll be notified/);

    const sut = talk(open, alice);
    const asked = await sut('cancel my order');
    expect(asked.texts[0]).toBe(
      `Your order of Pink Tulip Bouquet (${first.id}) is still being processed, so it can still be cancelled. Cancel it?`,
    );
    expect((await sut('no')).texts[0]).toMatch(/stays as it is/);
    expect((await sut('cancel my order')).texts[0]).toMatch(/Cancel it\?$/);
    expect((await sut('yes')).texts[0]).toBe(
      `Done: your order of Pink Tulip Bouquet (${first.id}) is cancelled.`,
    );
    const order = await open.orders.module.operations.getOrder!({
      operationId: 'getOrder',
      params: { orderId: first.id },
      query: {},
      headers: {},
      body: undefined,
      caller: alice,
      requestId: 'test',
    });
    expect((order.body as { status: string }).status).toBe('cancelled');
    expect((await sut('yes')).texts.join(' ')).not.toMatch(/Done/);
  });

  it("leaves another user's pending order alone", async () => {
    await placeOrder(open, dave, 'Pink Tulip Bouquet', { deliveryDate: '2026-03-12', settle: false });
    const answer = await open.send('cancel my order', { caller: bob });
    expect(answer.texts.join(' ')).toMatch(/no orders yet/);
  });
});

describe('when the orders service cannot answer', () => {
  const failing = (kind: 'down' | 'slow') => (orders: ServiceModule) => ({
    ...orders,
    operations: {
      ...orders.operations,
      listOrders: () =>
        kind === 'down'
          ? Promise.reject(new AppError('unavailable', 'the orders service is unavailable'))
          : new Promise<never>(() => {}),
    },
  });

  for (const kind of ['down', 'slow'] as const) {
    it(`answers honestly and points to the Orders page (${kind})`, async () => {
      const open = await openChat({ ordersSeen: failing(kind), ordersTimeoutMs: 50 });
      try {
        const answer = await open.send('where is my order?', { caller: alice });
        expect(answer.texts[0]).toBe(
          "I can't look up your orders right now. The Orders page lists them with their status; please try again in a minute.",
        );
        expect(await chatbot(open, 'when will my tulips arrive?', alice)).toMatch(
          /^I can't look up your orders/,
        );
      } finally {
        await open.close();
      }
    });
  }
});
