// Every intent gets its own kind of answer through the chat service.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alice, bob, type OpenChat, openChat, talk } from '../testing/chat.fixture.js';

let open: OpenChat;
beforeAll(async () => {
  open = await openChat();
});
afterAll(() => open.close());

const cases: [intent: string, text: string, reply: RegExp][] = [
  ['greeting', 'hello there', /I can find restaurants and gifts/],
  ['thanks', 'thanks a lot', /welcome/],
  ['goodbye', 'bye for now', /Goodbye/],
  ['help', 'what can you do', /suggest restaurants/],
  ['find_product', 'show me pink tulips', /Here are some ideas/],
  ['order_product', 'order the Peace Lily Plant', /Great choice: Peace Lily Plant/],
  ['dining_suggestions', 'any good sushi places', /part of town/],
  ['book_restaurant', 'book a table for 2 tomorrow at 7pm', /kind of food/],
  ['order_status', 'where is my order', /Orders page/],
  ['cancel', 'cancel', /cancelled/],
  ['repeat_last_search', 'same as last time', /don't have a previous search/],
  ['out_of_scope', 'tell me a joke', /can't help|outside what I can do|only good at/],
];

describe('intents', () => {
  for (const [intent, text, reply] of cases) {
    it(`answers ${intent}`, async () => {
      const answer = await open.send(text, { caller: bob });
      expect(answer.texts.join(' ')).toMatch(reply);
    });
  }

  it('shows product cards in the lecture shape, then orders from them', async () => {
    const sut = talk(open);
    const shown = await sut('I need red roses delivered to my mom tomorrow');
    const cards = shown.messages.filter((m) => m.structured?.type === 'product');
    expect(cards).toHaveLength(3);
    expect(cards[0].structured.payload).toMatchObject({
      buttonLabel: 'Order',
      clickAction: 'checkout',
      price: expect.stringMatching(/^\$\d+\.\d\d$/),
      amount: { currency: 'USD' },
      imageUrl: expect.stringMatching(/^\/images\//),
    });
    const ordered = await sut('I will take the second one');
    expect(ordered.messages.at(-1).structured.payload.productId).toBe(cards[1].structured.payload.productId);
  });

  it('cancels a flow in progress and starts clean', async () => {
    const sut = talk(open, alice);
    await sut('italian in chelsea');
    expect((await sut('cancel that')).texts[0]).toMatch(/cancelled/);
    expect((await sut('8pm')).texts.join(' ')).not.toMatch(/Shall I/);
  });

  it('offers a returning user the last search and repeats it in one step', async () => {
    const sut = talk(open, alice);
    await sut('japanese in tribeca for 2 tomorrow at 8pm to ana@example.com');
    await sut('yes');
    const later = talk(open, alice);
    const greeting = await later('hi');
    // What "same as last time" will do is said: the day (tomorrow is still ahead) and where the list goes.
    expect(greeting.texts[0]).toBe(
      'Welcome back! Last time you looked for Japanese in Tribeca for 2 at 8pm. Want the same again tomorrow, sent to ana@example.com?',
    );
    expect(greeting.messages[0].structured.payload.options[0]).toEqual({
      label: 'Same as last time',
      text: 'same as last time',
    });
    const repeated = await later('same as last time');
    expect(repeated.texts[0]).toMatch(/Here are my suggestions for Japanese in Tribeca for 2/);
  });
});
